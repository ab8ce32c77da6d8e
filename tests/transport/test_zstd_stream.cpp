#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/padme.hpp"
#include "fieldseal/transport/zstd_stream.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;

namespace {

struct Drained {
  Bytes data;
  std::optional<Error> error;
  std::uint64_t input = 0;
};

Drained drain(const Bytes& plaintext, std::uint64_t cap = kMaxDecompressedBytes, std::size_t step = 4096) {
  crypto::MemorySource source(plaintext);
  auto reader = ZstdReader::create(source, cap);
  REQUIRE(reader.ok());
  Drained out;
  Bytes buf(step);
  for (;;) {
    auto n = (*reader)->read(buf);
    if (!n) {
      out.error = (*reader)->error();
      REQUIRE(out.error.has_value());
      break;
    }
    if (*n == 0) break;
    out.data.insert(out.data.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
  }
  out.input = (*reader)->input_bytes();
  return out;
}

void append_le32(Bytes& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

Bytes pad(Bytes frames) {
  crypto::MemorySink sink;
  REQUIRE(write_padding_frame(sink, frames.size()).ok());
  frames.insert(frames.end(), sink.bytes().begin(), sink.bytes().end());
  return frames;
}

}  // namespace

TEST_CASE("transport: zstd round trip pads to the Padmé length", "[transport][zstd]") {
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{100'000}, std::size_t{3'000'000}}) {
    Bytes data = pseudo_random(size, 9);
    // Half compressible, half not.
    for (std::size_t i = 0; i < size / 2; ++i) data[i] = static_cast<std::uint8_t>('a' + i % 7);
    crypto::MemorySink sink;
    auto writer = ZstdWriter::create(sink, {});
    REQUIRE(writer.ok());
    for (std::size_t off = 0; off < size; off += 70'000) {
      std::size_t n = std::min<std::size_t>(70'000, size - off);
      REQUIRE((*writer)->write(std::span(data).subspan(off, n)).ok());
    }
    auto total = (*writer)->finish();
    REQUIRE(total.ok());
    CHECK(*total == sink.bytes().size());
    CHECK(*total == crypto::padme_length((*writer)->compressed_bytes() + kPaddingFrameHeaderBytes));
    CHECK(*total == crypto::padme_length(*total));
    auto back = drain(sink.bytes());
    CHECK_FALSE(back.error.has_value());
    CHECK(back.data == data);
    CHECK(back.input == *total);
  }
}

TEST_CASE("transport: zstd reader demands the padding frame, last and exact", "[transport][zstd]") {
  Bytes frames = compress_frames(pseudo_random(2000, 4));
  Bytes good = pad(frames);
  REQUIRE_FALSE(drain(good).error.has_value());

  CHECK(drain(frames).error == Error::padding_missing);
  CHECK(drain({}).error == Error::not_zstd);
  CHECK(drain(bytes_of("not zstd at all")).error == Error::not_zstd);

  Bytes extra = good;
  extra.push_back(0);
  CHECK(drain(extra).error == Error::padding_invalid);

  Bytes nonzero = good;
  if (nonzero.size() > frames.size() + kPaddingFrameHeaderBytes) {
    nonzero.back() = 1;
    CHECK(drain(nonzero).error == Error::padding_invalid);
  }

  // Padding sized for a different length.
  Bytes wrong = frames;
  {
    crypto::MemorySink sink;
    REQUIRE(write_padding_frame(sink, frames.size() + 100).ok());
    wrong.insert(wrong.end(), sink.bytes().begin(), sink.bytes().end());
  }
  CHECK(drain(wrong).error == Error::padding_invalid);

  // Another skippable magic, and a frame after the padding.
  Bytes other = good;
  other[frames.size()] ^= 0x01;
  CHECK(drain(other).error == Error::padding_invalid);
  Bytes after = good;
  after.insert(after.end(), frames.begin(), frames.end());
  CHECK(drain(after).error == Error::padding_invalid);

  // A skippable frame first is not a bundle.
  Bytes first_skip;
  append_le32(first_skip, kPaddingFrameMagic);
  append_le32(first_skip, 0);
  CHECK(drain(first_skip).error == Error::not_zstd);

  // Truncated inside the frame.
  Bytes cut(frames.begin(), frames.end() - 3);
  CHECK(drain(cut).error == Error::zstd_corrupt);
  // Garbage between frames.
  Bytes junk = frames;
  junk.push_back(0x77);
  junk.push_back(0x77);
  junk.push_back(0x77);
  junk.push_back(0x77);
  CHECK(drain(pad(junk)).error == Error::zstd_corrupt);
}

TEST_CASE("transport: zstd window cap", "[transport][zstd]") {
  // Frame header: no content size, window log 30 (1 GiB), one raw block.
  Bytes frame;
  append_le32(frame, kZstdFrameMagic);
  frame.push_back(0x00);
  frame.push_back(static_cast<std::uint8_t>((30 - 10) << 3));
  frame.insert(frame.end(), {0x09, 0x00, 0x00, 'x'});
  CHECK(drain(pad(frame)).error == Error::zstd_window_too_large);
}

TEST_CASE("transport: zstd bomb stops at the output cap", "[transport][zstd]") {
  // 8192 RLE blocks of 128 KiB: 1 GiB from 32 KiB of input.
  Bytes frame = rle_zero_frame(8192);
  Bytes bomb = pad(frame);
  REQUIRE(bomb.size() < 64 * 1024);
  const std::uint64_t cap = 16u << 20;
  crypto::MemorySource source(bomb);
  auto reader = ZstdReader::create(source, cap);
  REQUIRE(reader.ok());
  Bytes buf(64 * 1024);
  std::uint64_t total = 0;
  for (;;) {
    auto n = (*reader)->read(buf);
    if (!n) break;
    REQUIRE(*n != 0);
    total += *n;
  }
  CHECK((*reader)->error() == Error::decompressed_too_large);
  CHECK(total <= cap);
  CHECK((*reader)->output_bytes() <= cap + 1);
}
