// Attachment intake and read-out hash on a second thread through a ring of a
// few chunk buffers (attachments.cpp). These tests use more chunks than the
// ring holds, every chunk different, so a buffer reused before it was hashed
// or stored would show as a wrong digest or wrong bytes; and they stop the
// transfer half-way, where the hashing thread must still be wound down and
// nothing stored.
#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "attachment_test_support.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::BreakingSource;
using fieldseal::storage::test::FullSink;
using fieldseal::storage::test::ShortReadSource;
using fieldseal::storage::test::Vault;
using fieldseal::storage::test::count;
using fieldseal::storage::test::new_report;

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

// Reads of an odd size that never lines up with a chunk.
constexpr std::size_t kOddRead = 77777;

}  // namespace

TEST_CASE("attachment pipeline: many chunks in odd reads keep their order and hash") {
  Vault v;
  const auto id = new_report(v, "pipeline");
  const auto data = counting_bytes(kManyChunks * kAttachmentChunkBytes + 4321);
  Sha256Digest expected{};
  crypto::sha256(data, expected);

  ShortReadSource source(data, kOddRead);
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
  ShortReadSource again(data, kOddRead);
  auto second = add_attachment(v.db, v.key, id, again, "again.bin", "");
  REQUIRE(second.ok());
  CHECK(second->name == "many.bin");
  CHECK(count(v, "attachment_chunks") == static_cast<std::int64_t>(kManyChunks + 1));
}

TEST_CASE("attachment pipeline: a source failing after several chunks stores nothing") {
  Vault v;
  const auto id = new_report(v, "pipeline");
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
  const auto id = new_report(v, "pipeline");
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
