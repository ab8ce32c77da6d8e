// Byte sources and sinks.
#include <catch2/catch_test_macros.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <vector>

#include "fieldseal/crypto/io.hpp"

using namespace fieldseal::crypto;

namespace {

// Hands out at most 3 bytes per read, to exercise read_full's loop.
class Trickle final : public ByteSource {
 public:
  explicit Trickle(std::vector<std::uint8_t> data) : data_(std::move(data)) {}
  Result<std::size_t> read(std::span<std::uint8_t> out) override {
    const std::size_t n = std::min({out.size(), data_.size() - at_, std::size_t{3}});
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(at_), n, out.begin());
    at_ += n;
    return n;
  }

 private:
  std::vector<std::uint8_t> data_;
  std::size_t at_ = 0;
};

class Broken final : public ByteSource {
 public:
  Result<std::size_t> read(std::span<std::uint8_t>) override { return fieldseal::fail(Error::io_read); }
};

}  // namespace

TEST_CASE("read_full gathers short reads and stops at the end", "[io]") {
  std::vector<std::uint8_t> data(10);
  std::iota(data.begin(), data.end(), std::uint8_t{1});
  Trickle source(data);
  std::array<std::uint8_t, 7> first{};
  auto n = read_full(source, first);
  REQUIRE(n.ok());
  CHECK(*n == 7);
  CHECK(std::equal(first.begin(), first.end(), data.begin()));
  std::array<std::uint8_t, 7> second{};
  n = read_full(source, second);
  REQUIRE(n.ok());
  CHECK(*n == 3);
  n = read_full(source, second);
  REQUIRE(n.ok());
  CHECK(*n == 0);

  Broken broken;
  CHECK(read_full(broken, second).error() == Error::io_read);
}

TEST_CASE("memory source and sink", "[io]") {
  const std::vector<std::uint8_t> data = {1, 2, 3, 4, 5};
  MemorySource source(data);
  MemorySink sink;
  std::array<std::uint8_t, 2> buf{};
  for (;;) {
    auto n = source.read(buf);
    REQUIRE(n.ok());
    if (*n == 0) break;
    REQUIRE(sink.write(std::span(buf).first(*n)).ok());
  }
  CHECK(sink.bytes() == data);
  CHECK(sink.take() == data);
}

TEST_CASE("fd source and sink over a pipe; errors on bad descriptors", "[io]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  FdSink sink(fds[1]);
  const std::vector<std::uint8_t> data(1000, 0x42);
  REQUIRE(sink.write(data).ok());
  close(fds[1]);
  FdSource source(fds[0]);
  std::vector<std::uint8_t> back(2000);
  auto n = read_full(source, back);
  REQUIRE(n.ok());
  CHECK(*n == 1000);
  close(fds[0]);

  FdSource bad_source(-1);
  CHECK(bad_source.read(back).error() == Error::io_read);
  FdSink bad_sink(-1);
  CHECK(bad_sink.write(data).error() == Error::io_write);
}
