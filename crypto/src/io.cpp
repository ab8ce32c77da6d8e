#include "fieldseal/crypto/io.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace fieldseal::crypto {

Result<std::size_t> read_full(ByteSource& source, std::span<std::uint8_t> out) {
  std::size_t total = 0;
  while (total < out.size()) {
    auto got = source.read(out.subspan(total));
    if (!got.ok()) return fail(got.error());
    if (*got == 0) break;
    total += *got;
  }
  return total;
}

Result<std::size_t> MemorySource::read(std::span<std::uint8_t> out) {
  const std::size_t n = std::min(out.size(), data_.size() - offset_);
  if (n != 0) std::memcpy(out.data(), data_.data() + offset_, n);
  offset_ += n;
  return n;
}

Result<void> MemorySink::write(std::span<const std::uint8_t> data) {
  bytes_.insert(bytes_.end(), data.begin(), data.end());
  return {};
}

Result<std::size_t> FdSource::read(std::span<std::uint8_t> out) {
  if (out.empty()) return std::size_t{0};
  for (;;) {
    const ssize_t n = ::read(fd_, out.data(), out.size());
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) return fail(Error::io_read);
  }
}

Result<void> FdSink::write(std::span<const std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(Error::io_write);
    }
    if (n == 0) return fail(Error::io_write);
    done += static_cast<std::size_t>(n);
  }
  return {};
}

}  // namespace fieldseal::crypto
