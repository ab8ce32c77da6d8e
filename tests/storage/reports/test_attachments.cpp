#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/blob_reader.hpp"
#include "fieldseal/storage/custody.hpp"
#include "attachment_test_support.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::BreakingSource;
using fieldseal::storage::test::ShortReadSource;
using fieldseal::storage::test::Vault;
using fieldseal::storage::test::count;
using fieldseal::storage::test::new_report;

namespace {

std::vector<std::uint8_t> pattern(std::size_t size, std::uint32_t seed) {
  std::vector<std::uint8_t> out(size);
  std::uint32_t x = seed * 2654435761U + 1U;
  for (auto& b : out) {
    x ^= x << 13U;
    x ^= x >> 17U;
    x ^= x << 5U;
    b = static_cast<std::uint8_t>(x);
  }
  return out;
}

Sha256Digest digest(std::span<const std::uint8_t> data) {
  Sha256Digest d{};
  crypto::sha256(data, d);
  return d;
}

// Short reads, to exercise reading a chunk in several pieces.
constexpr std::size_t kShortRead = 1000;

}  // namespace

TEST_CASE("attachments round-trip at the chunk boundaries with SHA-256 at intake") {
  Vault v;
  const auto id = new_report(v, "with attachments");
  const std::size_t sizes[] = {0,
                               1,
                               kAttachmentChunkBytes - 1,
                               kAttachmentChunkBytes,
                               kAttachmentChunkBytes + 1,
                               3 * 1024 * 1024 + 17};
  std::uint32_t seed = 1;
  std::vector<AttachmentInfo> added;
  for (const std::size_t size : sizes) {
    INFO(size);
    const auto data = pattern(size, seed++);
    crypto::MemorySource source(data);
    auto info = add_attachment(v.db, v.key, id, source, "file-" + std::to_string(size) + ".bin",
                               "application/octet-stream");
    REQUIRE(info.ok());
    CHECK(info->size == size);
    CHECK(info->sha256 == digest(data));
    added.push_back(*info);

    crypto::MemorySink sink;
    REQUIRE(read_attachment(v.db, id, info->sha256, sink).ok());
    CHECK(sink.bytes() == data);
    CHECK(verify_attachment(v.db, id, info->sha256).ok());
  }
  auto listed = list_attachments(v.db, id);
  REQUIRE(listed.ok());
  CHECK(*listed == added);
  // chunk counts: 0, 1, 1, 1, 2, 13
  CHECK(count(v, "attachment_chunks") == 0 + 1 + 1 + 1 + 2 + 13);
  auto log = list_custody(v.db, id);
  REQUIRE(log.ok());
  CHECK(log->size() == 1 + std::size(sizes));
  CHECK(log->back().event == CustodyEvent::attachment_added);
  CHECK(log->back().details.at("size") == std::to_string(sizes[5]));
  CHECK(log->back().details.count("name") == 0);
}

TEST_CASE("short reads, duplicates, failures and sealed reports") {
  Vault v;
  const auto id = new_report(v, "with attachments");
  const auto data = pattern(kAttachmentChunkBytes * 2 + 5, 99);

  ShortReadSource trickle(data, kShortRead);
  auto info = add_attachment(v.db, v.key, id, trickle, "photo.jpg", "image/jpeg");
  REQUIRE(info.ok());
  CHECK(info->sha256 == digest(data));

  crypto::MemorySource again(data);
  auto dup = add_attachment(v.db, v.key, id, again, "copy.jpg", "image/jpeg");
  REQUIRE(dup.ok());
  CHECK(dup->name == "photo.jpg");  // the existing one
  CHECK(count(v, "attachments") == 1);
  CHECK(count(v, "attachment_chunks") == 3);

  const auto cut_short = pattern(kAttachmentChunkBytes + 10, 3);
  BreakingSource failing(cut_short, cut_short.size());
  CHECK(add_attachment(v.db, v.key, id, failing, "broken.mov", "video/quicktime").error() ==
        Error::io_failed);
  CHECK(count(v, "attachments") == 1);  // nothing of the failed intake is left
  CHECK(count(v, "attachment_chunks") == 3);
  CHECK(list_custody(v.db, id)->size() == 2);

  crypto::MemorySource s1(data);
  CHECK(add_attachment(v.db, v.key, id, s1, "../etc/passwd", "").error() ==
        Error::invalid_argument);
  CHECK(add_attachment(v.db, v.key, id, s1, "", "").error() == Error::invalid_argument);
  CHECK(add_attachment(v.db, v.key, id, s1, "a.txt", "text/plain; charset=x").error() ==
        Error::invalid_argument);
  CHECK(add_attachment(v.db, v.key, "00000000-0000-4000-8000-000000000000", s1, "a", "")
            .error() == Error::not_found);

  Sha256Digest unknown{};
  crypto::MemorySink sink;
  CHECK(read_attachment(v.db, id, unknown, sink).error() == Error::attachment_not_found);

  REQUIRE(finalize_report(v.db, v.key, id).ok());
  const auto late = pattern(10, 5);
  crypto::MemorySource s2(late);
  CHECK(add_attachment(v.db, v.key, id, s2, "late.txt", "").error() == Error::report_final);
  auto r = get_report(v.db, id);
  REQUIRE(r.ok());
  REQUIRE(r->canonical_json.has_value());
  // The signed document lists the attachment's hash.
  CHECK(r->canonical_json->find(crypto::hex_encode(info->sha256)) != std::string::npos);
}

TEST_CASE("a damaged or missing chunk is attachment_damaged") {
  Vault v;
  const auto id = new_report(v, "with attachments");
  const auto data = pattern(kAttachmentChunkBytes + 100, 7);
  crypto::MemorySource source(data);
  auto info = add_attachment(v.db, v.key, id, source, "doc.pdf", "application/pdf");
  REQUIRE(info.ok());
  SECTION("changed byte") {
    REQUIRE(v.db.exec("UPDATE attachment_chunks SET data = zeroblob(length(data)) WHERE seq = 1")
                .ok());
  }
  SECTION("missing chunk") {
    REQUIRE(v.db.exec("DELETE FROM attachment_chunks WHERE seq = 0").ok());
  }
  SECTION("truncated chunk") {
    REQUIRE(v.db.exec("UPDATE attachment_chunks SET data = substr(data, 1, 10) WHERE seq = 1")
                .ok());
  }
  crypto::MemorySink sink;
  CHECK(read_attachment(v.db, id, info->sha256, sink).error() == Error::attachment_damaged);
  CHECK(verify_attachment(v.db, id, info->sha256).error() == Error::attachment_damaged);
}

namespace {

// Reads a whole attachment through AttachmentBlobReader with reads of `step` bytes.
storage::Result<std::vector<std::uint8_t>> read_blobs(Database& db, const std::string& id,
                                             const Sha256Digest& sha256, std::size_t step) {
  auto reader = AttachmentBlobReader::open(db, id, sha256);
  if (!reader) return fail(reader.error());
  std::vector<std::uint8_t> out;
  std::vector<std::uint8_t> buffer(step);
  for (;;) {
    auto n = reader->read(buffer);
    if (!n) return fail(n.error());
    if (*n == 0) break;
    REQUIRE(*n <= step);
    out.insert(out.end(), buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(*n));
  }
  return out;
}

}  // namespace

TEST_CASE("the blob reader returns an attachment's exact bytes at the chunk boundaries") {
  Vault v;
  const auto id = new_report(v);
  const std::size_t sizes[] = {0, 1, kAttachmentChunkBytes - 1, kAttachmentChunkBytes,
                               kAttachmentChunkBytes + 1, 3 * 1024 * 1024 + 17};
  std::uint32_t seed = 40;
  for (const std::size_t size : sizes) {
    INFO(size);
    const auto data = pattern(size, seed++);
    crypto::MemorySource source(data);
    auto info = add_attachment(v.db, v.key, id, source, "f.bin", "application/octet-stream");
    REQUIRE(info.ok());
    for (const std::size_t step : {std::size_t{1000}, kAttachmentChunkBytes, std::size_t{1} << 20}) {
      INFO(step);
      auto back = read_blobs(v.db, id, info->sha256, step);
      REQUIRE(back.ok());
      CHECK(*back == data);
    }
    auto reader = AttachmentBlobReader::open(v.db, id, info->sha256);
    REQUIRE(reader.ok());
    CHECK(reader->size() == size);
  }
  Sha256Digest unknown{};
  CHECK(AttachmentBlobReader::open(v.db, id, unknown).error() == Error::attachment_not_found);
  CHECK(AttachmentBlobReader::open(v.db, "00000000-0000-4000-8000-000000000000", unknown).error() ==
        Error::not_found);
}

TEST_CASE("the blob reader fails on a missing, short, long or extra chunk") {
  Vault v;
  const auto id = new_report(v);
  const auto data = pattern(2 * kAttachmentChunkBytes + 100, 8);
  crypto::MemorySource source(data);
  auto info = add_attachment(v.db, v.key, id, source, "doc.pdf", "application/pdf");
  REQUIRE(info.ok());
  REQUIRE(read_blobs(v.db, id, info->sha256, 4096).ok());
  SECTION("missing chunk") {
    REQUIRE(v.db.exec("DELETE FROM attachment_chunks WHERE seq = 1").ok());
  }
  SECTION("missing last chunk") {
    REQUIRE(v.db.exec("DELETE FROM attachment_chunks WHERE seq = 2").ok());
  }
  SECTION("short chunk") {
    REQUIRE(v.db.exec("UPDATE attachment_chunks SET data = substr(data, 1, 10) WHERE seq = 0").ok());
  }
  SECTION("short last chunk") {
    REQUIRE(v.db.exec("UPDATE attachment_chunks SET data = substr(data, 1, 10) WHERE seq = 2").ok());
  }
  SECTION("empty chunk") {
    REQUIRE(v.db.exec("UPDATE attachment_chunks SET data = x'' WHERE seq = 1").ok());
  }
  SECTION("long last chunk") {
    REQUIRE(v.db.exec("UPDATE attachment_chunks SET data = data || x'00' WHERE seq = 2").ok());
  }
  SECTION("extra chunk") {
    REQUIRE(v.db.exec("INSERT INTO attachment_chunks (attachment_num, seq, data) "
                      "SELECT attachment_num, 3, x'01' FROM attachment_chunks WHERE seq = 2")
                .ok());
  }
  SECTION("stored size differs") {
    REQUIRE(v.db.exec("UPDATE attachments SET size = size + 1").ok());
  }
  SECTION("stored chunk count differs") {
    REQUIRE(v.db.exec("UPDATE attachments SET chunk_count = 2").ok());
  }
  for (const std::size_t step : {std::size_t{4096}, std::size_t{1} << 20}) {
    INFO(step);
    CHECK(read_blobs(v.db, id, info->sha256, step).error() == Error::attachment_damaged);
  }
}

TEST_CASE("the blob reader refuses a purged report's attachment") {
  Vault v;
  const auto id = new_report(v);
  const auto data = pattern(1000, 9);
  crypto::MemorySource source(data);
  auto info = add_attachment(v.db, v.key, id, source, "a.jpg", "image/jpeg");
  REQUIRE(info.ok());
  REQUIRE(finalize_report(v.db, v.key, id).ok());
  REQUIRE(purge_reports(v.db, v.key, std::vector<std::string>{id}).ok());
  CHECK(AttachmentBlobReader::open(v.db, id, info->sha256).error() == Error::purged);
}
