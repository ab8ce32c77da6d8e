// Purge residue: after purge_report, no byte of the report's content may be
// found in the vault directory — not in the raw files, and not in any
// decrypted page of the database (free pages included) when it is opened with
// its key. The same scan must find the canary before the purge, so the test
// fails if purge does nothing.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/search.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::read_file;
using fieldseal::storage::test::Vault;

namespace {

// Distinctive words; FTS5 stores tokens case-folded, so the lower-case forms
// are searched for as well.
const std::string kLatin = "QuokkaCanary7431";
const std::string kCyrillic = "КанарейкаЩукаЖ";
const std::vector<std::string> kNeedles = {kLatin, "quokkacanary7431", "QUOKKACANARY7431",
                                           kCyrillic, "канарейкащукаж", "КАНАРЕЙКАЩУКАЖ"};

// Byte-wise (a char/uint8_t comparison would never match non-ASCII bytes).
bool contains(const std::vector<std::uint8_t>& haystack, const std::string& needle) {
  const std::vector<std::uint8_t> bytes(needle.begin(), needle.end());
  return std::search(haystack.begin(), haystack.end(), bytes.begin(), bytes.end()) !=
         haystack.end();
}

// Runs SQLCipher's shell on the database with `script` on stdin (so the key
// never appears in argv) and returns its standard output.
std::string run_sqlcipher_shell(const std::filesystem::path& db_path, const std::string& script) {
  const std::filesystem::path cli = FIELDSEAL_SQLCIPHER_CLI;
  INFO("the sqlcipher shell (package sqlcipher 4.x, see scripts/setup.sh) is needed: " << cli);
  REQUIRE(std::filesystem::exists(cli));
  int to_child[2];
  int from_child[2];
  REQUIRE(pipe(to_child) == 0);
  REQUIRE(pipe(from_child) == 0);
  const std::string path = db_path.string();
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(to_child[0], 0);
    dup2(from_child[1], 1);
    close(to_child[0]);
    close(to_child[1]);
    close(from_child[0]);
    close(from_child[1]);
    execl(cli.c_str(), "sqlcipher", "-batch", "-bail", path.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(to_child[0]);
  close(from_child[1]);
  std::size_t written = 0;
  while (written < script.size()) {
    const ssize_t n = write(to_child[1], script.data() + written, script.size() - written);
    REQUIRE(n > 0);
    written += static_cast<std::size_t>(n);
  }
  close(to_child[1]);
  std::string output;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = read(from_child[0], buffer.data(), buffer.size());
    REQUIRE(n >= 0);
    if (n == 0) break;
    output.append(buffer.data(), static_cast<std::size_t>(n));
  }
  close(from_child[0]);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return output;
}

std::vector<std::uint8_t> from_hex(std::string_view hex) {
  std::vector<std::uint8_t> out;
  const auto nibble = [](char c) {
    return static_cast<std::uint8_t>(c <= '9' ? c - '0' : c - 'A' + 10);
  };
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>((nibble(hex[i]) << 4U) | nibble(hex[i + 1])));
  }
  return out;
}

// Needles found in the decrypted pages: the database opened with its key and
// read through sqlite_dbpage, which returns every page of the file (page 1
// to page_count), free pages included.
std::vector<std::string> scan_pages(Vault& v) {
  std::string script;
  {
    const auto key = v.raw_key.read();
    script = "PRAGMA key = \"x'" + crypto::hex_encode(key.span()) + "'\";\n";
  }
  script +=
      ".mode list\n.headers off\n"
      "SELECT 'page_count', page_count FROM pragma_page_count();\n"
      "SELECT 'freelist_count', freelist_count FROM pragma_freelist_count();\n"
      "SELECT pgno, hex(data) FROM sqlite_dbpage('main') ORDER BY pgno;\n";
  const std::string output = run_sqlcipher_shell(v.db_path, script);
  std::vector<std::string> found;
  std::int64_t page_count = -1;
  std::int64_t pages = 0;
  std::string_view rest = output;
  while (!rest.empty()) {
    const auto eol = rest.find('\n');
    const std::string_view line = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
    const auto bar = line.find('|');
    if (bar == std::string_view::npos) continue;  // "ok" from PRAGMA key
    const std::string_view head = line.substr(0, bar);
    const std::string_view value = line.substr(bar + 1);
    if (head == "page_count") {
      page_count = std::stoll(std::string(value));
    } else if (head == "freelist_count") {
      UNSCOPED_INFO("free pages: " << value);
    } else {
      ++pages;
      REQUIRE(std::stoll(std::string(head)) == pages);
      const auto page = from_hex(value);
      REQUIRE(page.size() >= 512);
      for (const auto& needle : kNeedles) {
        if (contains(page, needle) &&
            std::find(found.begin(), found.end(), needle) == found.end()) {
          found.push_back(needle);
        }
      }
    }
  }
  REQUIRE(pages > 0);
  REQUIRE(pages == page_count);  // every page was read
  return found;
}

// Needles found in any raw file of the vault directory (db, -wal, -shm, -journal).
std::vector<std::string> scan_files(const std::filesystem::path& dir) {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const auto bytes = read_file(entry.path());
    for (const auto& needle : kNeedles) {
      if (contains(bytes, needle)) found.push_back(entry.path().filename().string() + ":" + needle);
    }
  }
  return found;
}

ReportDraft canary_draft() {
  ReportDraft d;
  d.title = "Title " + kLatin + " " + kCyrillic;
  d.narrative = "Narrative about " + kCyrillic + " and " + kLatin + ".";
  d.location.text = "Near " + kLatin;
  d.location.region = kCyrillic;
  Person p;
  p.name = kCyrillic + " " + kLatin;
  p.roles = {PersonRole::victim, PersonRole::witness};
  p.sensitive.legal_name = kLatin;
  p.sensitive.contact = kCyrillic;
  d.persons.push_back(p);
  d.acts = {Act{"torture", "p1", "", "method " + kCyrillic, PartialDate{}}};
  d.sources = {Source{"p1", "told by " + kLatin, Consent{}}};
  d.tags = {kLatin, kCyrillic};
  return d;
}

ReportDraft bystander_draft() {
  ReportDraft d;
  d.title = "Unrelated report that stays";
  d.narrative = "Ничего общего.";
  Person p;
  p.name = "Свидетель Петров";
  p.roles = {PersonRole::witness};
  d.persons.push_back(p);
  d.tags = {"stays"};
  return d;
}

std::vector<std::uint8_t> canary_attachment() {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += kLatin + " " + kCyrillic + "\n";  // > one chunk
  return {text.begin(), text.end()};
}

}  // namespace

TEST_CASE("purge leaves no residue in decrypted pages, free pages, WAL or raw files") {
  Vault v;
  // An earlier draft version, an edit, an attachment, finalization and an
  // amendment all put the canary in different tables and pages.
  ReportDraft first = canary_draft();
  first.narrative += " (first version " + kLatin + ")";
  auto id = create_report(v.db, v.key, first);
  REQUIRE(id.ok());
  auto keep = create_report(v.db, v.key, bystander_draft());
  REQUIRE(keep.ok());
  REQUIRE(update_report(v.db, v.key, *id, canary_draft()).ok());
  const auto blob = canary_attachment();
  crypto::MemorySource source(blob);
  auto att = add_attachment(v.db, v.key, *id, source, kCyrillic + ".txt", "text/plain");
  REQUIRE(att.ok());
  const std::vector<std::uint8_t> keep_blob(1000, 0x42);
  crypto::MemorySource keep_source(keep_blob);
  auto keep_att = add_attachment(v.db, v.key, *keep, keep_source, "keep.bin", "");
  REQUIRE(keep_att.ok());
  REQUIRE(finalize_report(v.db, v.key, *id).ok());
  REQUIRE(add_amendment(v.db, v.key, *id, "Correction: " + kLatin).ok());
  REQUIRE(search_reports(v.db, kLatin)->size() == 1);
  const auto hash_before = get_report(v.db, *id)->content_sha256;

  // Before: the scan finds every form of the canary (it is a working detector).
  {
    const auto found = scan_pages(v);
    for (const char* must : {"QuokkaCanary7431", "КанарейкаЩукаЖ", "quokkacanary7431",
                             "канарейкащукаж"}) {
      INFO(must);
      CHECK(std::find(found.begin(), found.end(), must) != found.end());
    }
  }

  REQUIRE(purge_report(v.db, v.key, *id).ok());

  // The stub: id, hash, dates, delivery state; the custody log is intact.
  auto stub = get_report(v.db, *id);
  REQUIRE(stub.ok());
  CHECK(stub->status == ReportStatus::purged);
  CHECK(stub->content == ReportDraft{});
  CHECK(stub->attachments.empty());
  CHECK(stub->amendments.empty());
  CHECK(stub->content_sha256 == hash_before);
  CHECK(stub->finalized_at.has_value());
  CHECK(stub->purged_at.has_value());
  CHECK_FALSE(stub->canonical_json.has_value());
  auto log = list_custody(v.db, *id);
  REQUIRE(log.ok());
  CHECK(log->back().event == CustodyEvent::purged);
  CHECK(verify_custody(v.db, *id, &v.key.public_key()).ok());
  CHECK(search_reports(v.db, kLatin)->empty());
  CHECK(search_reports(v.db, kCyrillic)->empty());
  CHECK(list_reports(v.db, ReportFilter{})->size() == 1);
  CHECK(update_report(v.db, v.key, *id, canary_draft()).error() == Error::purged);
  crypto::MemorySink sink;
  CHECK(read_attachment(v.db, *id, att->sha256, sink).error() == Error::purged);
  // Purging again is harmless.
  CHECK(purge_report(v.db, v.key, *id).ok());

  // The other report is untouched.
  auto kept = get_report(v.db, *keep);
  REQUIRE(kept.ok());
  CHECK(kept->content.title == "Unrelated report that stays");
  CHECK(search_reports(v.db, "петров")->size() == 1);
  crypto::MemorySink keep_sink;
  CHECK(read_attachment(v.db, *keep, keep_att->sha256, keep_sink).ok());

  // After: in this connection, then after closing and reopening with the key.
  CHECK(scan_pages(v).empty());
  CHECK(scan_files(v.dir.path()).empty());
  v.db.close();
  CHECK(scan_files(v.dir.path()).empty());
  {
    Database reopened = v.reopen();
    REQUIRE(reopened.integrity_ok().value());
    reopened.close();
    CHECK(scan_pages(v).empty());
  }
  CHECK(scan_files(v.dir.path()).empty());
}

TEST_CASE("purge of a draft, of several reports, and of unknown ids") {
  Vault v;
  auto a = create_report(v.db, v.key, canary_draft());
  auto b = create_report(v.db, v.key, canary_draft());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  const std::vector<std::string> bad = {*a, "00000000-0000-4000-8000-000000000000"};
  CHECK(purge_reports(v.db, v.key, bad).error() == Error::not_found);
  CHECK(get_report(v.db, *a)->status == ReportStatus::draft);  // nothing purged
  CHECK_FALSE(scan_pages(v).empty());

  const std::vector<std::string> both = {*a, *b};
  REQUIRE(purge_reports(v.db, v.key, both).ok());
  for (const auto& id : both) {
    auto r = get_report(v.db, id);
    REQUIRE(r.ok());
    CHECK(r->status == ReportStatus::purged);
    CHECK(r->content_sha256.has_value());  // the draft's document hash
    CHECK(verify_custody(v.db, id).ok());
  }
  CHECK(scan_pages(v).empty());
  CHECK(scan_files(v.dir.path()).empty());
  ReportFilter purged;
  purged.status = ReportStatus::purged;
  CHECK(list_reports(v.db, purged)->size() == 2);
}
