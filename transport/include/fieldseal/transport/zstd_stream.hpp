#pragma once
// The compression layer of a bundle (docs/bundle-format.md, "Plaintext"):
// one or more zstd frames followed by exactly one zstd skippable frame of
// zero bytes that pads the whole plaintext to its Padmé length.
//
// The writer compresses at level 3 with one zstd worker thread, so that
// compression runs beside encryption on another core. The reader caps the
// window (kWindowLogMax) and the total output, never trusts a declared
// content size, accepts only zstd frames up to the padding frame, and reports
// end of input only after the padding frame has been verified as the last
// thing in the plaintext with the exact Padmé size.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/transport/error.hpp"

namespace fieldseal::transport {

inline constexpr int kCompressionLevel = 3;
inline constexpr int kWindowLogMax = 23;                    // 8 MiB window at most
inline constexpr std::uint32_t kZstdFrameMagic = 0xFD2FB528;  // little-endian on the wire
inline constexpr std::uint32_t kPaddingFrameMagic = 0x184D2A50;
inline constexpr std::size_t kPaddingFrameHeaderBytes = 8;  // magic + u32le content size
// The decompressed size a reader accepts unless told a smaller one.
inline constexpr std::uint64_t kMaxDecompressedBytes = (std::uint64_t{64} << 30) + (std::uint64_t{64} << 20);

// The plaintext length once `compressed_bytes` of zstd frames are padded:
// padme_length(compressed_bytes + kPaddingFrameHeaderBytes).
[[nodiscard]] std::uint64_t padded_length(std::uint64_t compressed_bytes) noexcept;

// Compresses into `out` (usually the age encryptor). A ByteSink itself, so the
// tar writer can write into it; the first failure sticks (error()).
class ZstdWriter final : public crypto::ByteSink {
 public:
  struct Options {
    int level = kCompressionLevel;
    int workers = 1;  // zstd worker threads; 0 compresses on the calling thread
  };
  [[nodiscard]] static Result<std::unique_ptr<ZstdWriter>> create(crypto::ByteSink& out,
                                                                  Options options);
  ~ZstdWriter() override;
  ZstdWriter(const ZstdWriter&) = delete;
  ZstdWriter& operator=(const ZstdWriter&) = delete;

  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override;
  // Ends the zstd frame and writes the padding frame. Returns the total
  // plaintext length (== padded_length(compressed bytes)).
  [[nodiscard]] Result<std::uint64_t> finish();
  [[nodiscard]] std::optional<Error> error() const noexcept { return error_; }
  [[nodiscard]] std::uint64_t compressed_bytes() const noexcept { return compressed_; }

 private:
  struct Impl;
  ZstdWriter(crypto::ByteSink& out, std::unique_ptr<Impl> impl) noexcept;
  Result<void> drive(std::span<const std::uint8_t> data, int mode);
  Result<void> emit(std::span<const std::uint8_t> data);

  crypto::ByteSink& out_;
  std::unique_ptr<Impl> impl_;
  std::optional<Error> error_;
  std::uint64_t compressed_ = 0;
  bool finished_ = false;
};

// Writes the padding frame that makes `compressed_bytes` of zstd frames
// padded_length() long. Returns that length.
[[nodiscard]] Result<std::uint64_t> write_padding_frame(crypto::ByteSink& out,
                                                        std::uint64_t compressed_bytes);

// Decompresses from `in` (usually the age decryptor). read() returns 0 only
// once the padding frame has been verified and `in` has ended. The first
// failure sticks (error()); read() then fails with io_read.
class ZstdReader final : public crypto::ByteSource {
 public:
  [[nodiscard]] static Result<std::unique_ptr<ZstdReader>> create(
      crypto::ByteSource& in, std::uint64_t max_output = kMaxDecompressedBytes);
  ~ZstdReader() override;
  ZstdReader(const ZstdReader&) = delete;
  ZstdReader& operator=(const ZstdReader&) = delete;

  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override;
  // Lowers the output cap (never raises it).
  void limit_output(std::uint64_t max_output) noexcept;
  [[nodiscard]] std::optional<Error> error() const noexcept { return error_; }
  [[nodiscard]] std::uint64_t output_bytes() const noexcept { return output_; }
  // Plaintext bytes consumed, padding included once finished.
  [[nodiscard]] std::uint64_t input_bytes() const noexcept { return input_; }

 private:
  struct Impl;
  ZstdReader(crypto::ByteSource& in, std::unique_ptr<Impl> impl, std::uint64_t max_output) noexcept;
  Result<std::size_t> read_impl(std::span<std::uint8_t> out);
  Result<std::size_t> fill(std::size_t want);
  Result<void> verify_padding();

  crypto::ByteSource& in_;
  std::unique_ptr<Impl> impl_;
  std::uint64_t max_output_;
  std::uint64_t output_ = 0;
  std::uint64_t input_ = 0;
  std::optional<Error> error_;
  bool at_frame_start_ = true;
  bool done_ = false;
  std::uint64_t frames_ = 0;
};

}  // namespace fieldseal::transport
