// report_origin.hpp: report_sender(s) for reports made in the vault, and the
// save-out of an attachment to a file (verified, never replacing a file,
// nothing left behind on failure). Imported reports' origins are covered
// where imports happen (tests/transport, tests/gui).
#include <sys/stat.h>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/report_origin.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::Vault;

namespace {

std::size_t entries_in(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

struct WithAttachment {
  Vault v;
  std::string id;
  AttachmentInfo info;
  std::vector<std::uint8_t> bytes;

  WithAttachment() {
    auto created = create_report(v.db, v.key, test::full_draft());
    REQUIRE(created.ok());
    id = *created;
    bytes.resize(kAttachmentChunkBytes + 1000);
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(i * 7U);
    crypto::MemorySource source(bytes);
    auto added = add_attachment(v.db, v.key, id, source, "scan.pdf", "application/pdf");
    REQUIRE(added.ok());
    info = *added;
  }
};

}  // namespace

TEST_CASE("report_sender: reports made in this vault have no origin") {
  WithAttachment w;
  auto one = report_sender(w.v.db, w.id);
  REQUIRE(one.ok());
  CHECK_FALSE(one->has_value());
  const std::vector<std::string> ids = {w.id, w.id};
  auto many = report_senders(w.v.db, ids);
  REQUIRE(many.ok());
  REQUIRE(many->size() == 2);
  CHECK_FALSE((*many)[0].has_value());
  CHECK_FALSE((*many)[1].has_value());
}

TEST_CASE("save_attachment_file writes the verified bytes, mode 0600, nothing else") {
  WithAttachment w;
  test::TempDir out;
  const auto target = out.path() / "scan.pdf";
  REQUIRE(save_attachment_file(w.v.db, w.id, w.info.sha256, target).ok());
  CHECK(test::read_file(target) == w.bytes);
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(entries_in(out.path()) == 1);

  SECTION("an existing file is never replaced") {
    auto again = save_attachment_file(w.v.db, w.id, w.info.sha256, target);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error() == Error::io_failed);
    CHECK(test::read_file(target) == w.bytes);
    CHECK(entries_in(out.path()) == 1);
  }
}

TEST_CASE("save_attachment_file leaves nothing when the stored bytes are damaged") {
  WithAttachment w;
  REQUIRE(w.v.db.exec("UPDATE attachment_chunks SET data = zeroblob(length(data)) WHERE seq = 1").ok());
  test::TempDir out;
  const auto target = out.path() / "scan.pdf";
  auto saved = save_attachment_file(w.v.db, w.id, w.info.sha256, target);
  REQUIRE_FALSE(saved.ok());
  CHECK(saved.error() == Error::attachment_damaged);
  CHECK(entries_in(out.path()) == 0);
}

TEST_CASE("save_attachment_file: unknown attachment, missing folder") {
  WithAttachment w;
  test::TempDir out;
  Sha256Digest other = w.info.sha256;
  other[0] ^= 1U;
  auto unknown = save_attachment_file(w.v.db, w.id, other, out.path() / "x");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error() == Error::attachment_not_found);
  auto nowhere = save_attachment_file(w.v.db, w.id, w.info.sha256, out.path() / "no" / "x");
  REQUIRE_FALSE(nowhere.ok());
  CHECK(nowhere.error() == Error::io_failed);
  CHECK(entries_in(out.path()) == 0);
}
