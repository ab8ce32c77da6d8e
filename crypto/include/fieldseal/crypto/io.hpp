#pragma once
// Byte sources and sinks for streaming code (age, bundles, attachments). The
// file variants work on file descriptors with no buffering of their own beyond
// what the caller passes, and never create temporary files.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "fieldseal/crypto/error.hpp"

namespace fieldseal::crypto {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to out.size() bytes; returns 0 only at end of input. Short reads
  // are allowed before the end. io_read on failure.
  [[nodiscard]] virtual Result<std::size_t> read(std::span<std::uint8_t> out) = 0;
};

class ByteSink {
 public:
  virtual ~ByteSink() = default;
  // Writes all of `data` or fails with io_write.
  [[nodiscard]] virtual Result<void> write(std::span<const std::uint8_t> data) = 0;
};

// Reads until `out` is full or the source ends; returns the count read.
[[nodiscard]] Result<std::size_t> read_full(ByteSource& source, std::span<std::uint8_t> out);

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::span<const std::uint8_t> data) noexcept : data_(data) {}
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out) override;

 private:
  std::span<const std::uint8_t> data_;
  std::size_t offset_ = 0;
};

class MemorySink final : public ByteSink {
 public:
  [[nodiscard]] Result<void> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] const std::vector<std::uint8_t>& bytes() const noexcept { return bytes_; }
  [[nodiscard]] std::vector<std::uint8_t> take() noexcept { return std::move(bytes_); }

 private:
  std::vector<std::uint8_t> bytes_;
};

// A source/sink on a file descriptor the caller owns (not closed here).
class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) noexcept : fd_(fd) {}
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out) override;

 private:
  int fd_;
};

class FdSink final : public ByteSink {
 public:
  explicit FdSink(int fd) noexcept : fd_(fd) {}
  [[nodiscard]] Result<void> write(std::span<const std::uint8_t> data) override;

 private:
  int fd_;
};

}  // namespace fieldseal::crypto
