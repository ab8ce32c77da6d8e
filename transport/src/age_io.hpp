#pragma once
// Adapters between the streaming age API and the ByteSource/ByteSink chain of
// the bundle pipeline, each keeping the first failure as a transport error.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/transport/digest.hpp"
#include "fieldseal/transport/error.hpp"

namespace fieldseal::transport::detail {

// Counts and hashes what passes to `out`.
class HashingSink final : public crypto::ByteSink {
 public:
  explicit HashingSink(crypto::ByteSink& out) noexcept : out_(out) {}
  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }
  [[nodiscard]] Sha256Digest finish() noexcept { return hash_.finish(); }

 private:
  crypto::ByteSink& out_;
  Sha256 hash_;
  std::uint64_t bytes_ = 0;
};

// Keeps a copy of the first `cap` bytes read through it.
class CapturingSource final : public crypto::ByteSource {
 public:
  CapturingSource(crypto::ByteSource& in, std::size_t cap) noexcept : in_(in), cap_(cap) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override;
  [[nodiscard]] const std::vector<std::uint8_t>& captured() const noexcept { return captured_; }
  void release() noexcept {
    captured_.clear();
    captured_.shrink_to_fit();
    cap_ = 0;
  }

 private:
  crypto::ByteSource& in_;
  std::size_t cap_;
  std::vector<std::uint8_t> captured_;
};

// An age Encryptor as a ByteSink.
class EncryptorSink final : public crypto::ByteSink {
 public:
  explicit EncryptorSink(crypto::age::Encryptor& enc) noexcept : enc_(enc) {}
  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] std::optional<Error> error() const noexcept { return error_; }

 private:
  crypto::age::Encryptor& enc_;
  std::optional<Error> error_;
};

// An age Decryptor as a ByteSource.
class DecryptorSource final : public crypto::ByteSource {
 public:
  explicit DecryptorSource(crypto::age::Decryptor dec) noexcept : dec_(std::move(dec)) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override;
  [[nodiscard]] std::optional<Error> error() const noexcept { return error_; }

 private:
  crypto::age::Decryptor dec_;
  std::optional<Error> error_;
};

// The number of stanzas in the age header at the start of `raw` (binary or
// armored) if all of them are X25519 stanzas; nullopt otherwise. `raw` must
// already have been verified by a Decryptor (MAC checked).
[[nodiscard]] std::optional<std::size_t> count_x25519_stanzas(std::span<const std::uint8_t> raw);
// Enough raw input to hold any age header, armored or not.
inline constexpr std::size_t kHeaderCaptureBytes = crypto::age::kHeaderMaxBytes * 2;

}  // namespace fieldseal::transport::detail
