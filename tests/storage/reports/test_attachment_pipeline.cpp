// Attachment intake and read-out hash on a second thread through a ring of a
// few chunk buffers (attachments.cpp). These tests use more chunks than the
// ring holds, every chunk different, so a buffer reused before it was hashed
// or stored would show as a wrong digest or wrong bytes; and they stop the
// transfer half-way, where the hashing thread must still be wound down and
// nothing stored.
#include <algorithm>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::Vault;

namespace {

constexpr std::size_t kManyChunks = 11;

// Every 8-byte word distinct: no two chunks alike.
std::vector<std::uint8_t> counting_bytes(std::size_t size) {
  std::vector<std::uint8_t> out(size);
  for (std::size_t i = 0; i < size; ++i) {
    const std::size_t word = i / 8;
    out[i] = static_cast<std::uint8_t>((word >> ((i % 8) * 8U % 64U)) ^ (i % 8));
  }
  return out;
}

// Gives `data` in reads of an odd size that never lines up with a chunk.
class OddSource final : public crypto::ByteSource {
 public:
  explicit OddSource(std::span<const std::uint8_t> data) : data_(data) {}
  crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    const std::size_t n = std::min({out.size(), data_.size() - offset_, std::size_t{77777}});
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
    offset_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t offset_ = 0;
};

// Gives `data` until `fail_at` bytes, then a read error.
class BreakingSource final : public crypto::ByteSource {
 public:
  BreakingSource(std::span<const std::uint8_t> data, std::size_t fail_at)
      : data_(data), fail_at_(fail_at) {}
  crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    if (offset_ >= fail_at_) return fieldseal::fail(crypto::Error::io_read);
    const std::size_t n = std::min(out.size(), fail_at_ - offset_);
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
    offset_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t fail_at_;
  std::size_t offset_ = 0;
};

// Accepts `limit` bytes, then fails.
class FullSink final : public crypto::ByteSink {
 public:
  explicit FullSink(std::size_t limit) : limit_(limit) {}
  crypto::Result<void> write(std::span<const std::uint8_t> data) override {
    if (written_ + data.size() > limit_) return fieldseal::fail(crypto::Error::io_write);
    written_ += data.size();
    return {};
  }
  [[nodiscard]] std::size_t written() const { return written_; }

 private:
  std::size_t limit_;
  std::size_t written_ = 0;
};

std::string new_report(Vault& v) {
  ReportDraft d;
  d.title = "pipeline";
  auto id = create_report(v.db, v.key, d);
  REQUIRE(id.ok());
  return *id;
}

std::int64_t count(Vault& v, const char* table) {
  auto s = v.db.prepare(std::string("SELECT count(*) FROM ") + table);
  REQUIRE(s.ok());
  REQUIRE(s->step().value());
  return s->column_int64(0);
}

}  // namespace

TEST_CASE("attachment pipeline: many chunks in odd reads keep their order and hash") {
  Vault v;
  const auto id = new_report(v);
  const auto data = counting_bytes(kManyChunks * kAttachmentChunkBytes + 4321);
  Sha256Digest expected{};
  crypto::sha256(data, expected);

  OddSource source(data);
  auto info = add_attachment(v.db, v.key, id, source, "many.bin", "application/octet-stream");
  REQUIRE(info.ok());
  CHECK(info->sha256 == expected);
  CHECK(info->size == data.size());
  CHECK(count(v, "attachment_chunks") == static_cast<std::int64_t>(kManyChunks + 1));

  crypto::MemorySink sink;
  REQUIRE(read_attachment(v.db, id, expected, sink).ok());
  CHECK(sink.bytes() == data);
  CHECK(verify_attachment(v.db, id, expected).ok());

  // The same bytes again are the same attachment; nothing new is stored.
  OddSource again(data);
  auto second = add_attachment(v.db, v.key, id, again, "again.bin", "");
  REQUIRE(second.ok());
  CHECK(second->name == "many.bin");
  CHECK(count(v, "attachment_chunks") == static_cast<std::int64_t>(kManyChunks + 1));
}

TEST_CASE("attachment pipeline: a source failing after several chunks stores nothing") {
  Vault v;
  const auto id = new_report(v);
  const auto data = counting_bytes(kManyChunks * kAttachmentChunkBytes);
  for (const std::size_t fail_at : {std::size_t{0}, kAttachmentChunkBytes * 6 + 11,
                                    kAttachmentChunkBytes * kManyChunks - 1}) {
    INFO("fail at " << fail_at);
    BreakingSource source(data, fail_at);
    auto info = add_attachment(v.db, v.key, id, source, "broken.bin", "");
    REQUIRE_FALSE(info.ok());
    CHECK(info.error() == Error::io_failed);
    CHECK(count(v, "attachments") == 0);
    CHECK(count(v, "attachment_chunks") == 0);
    auto listed = list_attachments(v.db, id);
    REQUIRE(listed.ok());
    CHECK(listed->empty());
  }
  // The vault still takes the whole file afterwards.
  crypto::MemorySource whole(data);
  CHECK(add_attachment(v.db, v.key, id, whole, "whole.bin", "").ok());
}

TEST_CASE("attachment pipeline: a sink failing half-way is io_failed") {
  Vault v;
  const auto id = new_report(v);
  const auto data = counting_bytes(kManyChunks * kAttachmentChunkBytes + 1);
  crypto::MemorySource source(data);
  auto info = add_attachment(v.db, v.key, id, source, "out.bin", "");
  REQUIRE(info.ok());
  FullSink sink(kAttachmentChunkBytes * 5);
  auto read = read_attachment(v.db, id, info->sha256, sink);
  REQUIRE_FALSE(read.ok());
  CHECK(read.error() == Error::io_failed);
  CHECK(sink.written() == kAttachmentChunkBytes * 5);
  // The connection is usable afterwards.
  crypto::MemorySink whole;
  REQUIRE(read_attachment(v.db, id, info->sha256, whole).ok());
  CHECK(whole.bytes() == data);
}
