#pragma once
// A field vault and an HQ vault that know each other's cards, in a private
// temporary directory, with export and import shortcuts and a dump of the
// HQ vault's content (tests/transport/test_import_*.cpp).

#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "helpers.hpp"

namespace fieldseal::transport::test {

namespace fs = std::filesystem;

class ImportWorld {
  TempDir dir_;

 public:
  storage::Vault field = make(dir_.path() / "field", storage::Role::field, "Researcher");
  storage::Vault hq = make(dir_.path() / "hq", storage::Role::hq, "HQ");

  ImportWorld() {
    enroll(hq, field);
    enroll(field, hq);
  }

  static storage::Vault make(const fs::path& dir, storage::Role role, std::string_view name) {
    auto pass = crypto::SecretBuffer::from_text("correct horse battery staple");
    auto v = storage::Vault::create(dir, role, name, pass, crypto::Argon2idParams::floor());
    REQUIRE(v.ok());
    return std::move(*v);
  }
  static void enroll(storage::Vault& into, const storage::Vault& card_of) {
    auto text = card_of.card_text();
    REQUIRE(text.ok());
    REQUIRE(storage::add_contact(into.database(), *text).ok());
  }

  [[nodiscard]] fs::path out(const std::string& name) const { return dir_.path() / name; }

  // A final report in `v` with one attachment of `attachment` bytes (none if empty).
  static std::string final_report(storage::Vault& v, const std::string& title, const Bytes& attachment = {}) {
    storage::ReportDraft d;
    d.title = title;
    d.narrative = "Задержание у здания суда; detained outside the court.";
    auto id = storage::create_report(v.database(), v.signing_key(), d);
    REQUIRE(id.ok());
    if (!attachment.empty()) {
      crypto::MemorySource src(attachment);
      REQUIRE(storage::add_attachment(v.database(), v.signing_key(), *id, src, "video.mp4", "video/mp4").ok());
    }
    REQUIRE(storage::finalize_report(v.database(), v.signing_key(), *id).ok());
    return *id;
  }

  ExportResult export_to(storage::Vault& from, const std::string& dir, std::vector<std::string> ids = {},
                         ExportOptions options = {}) {
    fs::create_directories(out(dir));
    options.output_dir = out(dir);
    const std::vector<std::string> to = {"HQ"};
    auto r = export_bundle(from, to, ids, options);
    if (!r) FAIL(message(r.error()));
    return std::move(*r);
  }

  ImportResult import_paths(std::vector<fs::path> paths, std::uint64_t now = 0) {
    ImportOptions options;
    options.now = now;
    auto r = import_files(hq, paths, options);
    if (!r) FAIL(message(r.error()));
    return std::move(*r);
  }

  // Every row of every ordinary table of the HQ vault (shadow tables of the
  // search index included), sorted: equal dumps, equal content.
  std::vector<std::string> dump_hq() {
    storage::Database& db = hq.database();
    std::vector<std::string> tables;
    {
      auto s = db.prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
          "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
      REQUIRE(s.ok());
      while (s->step().value()) tables.push_back(s->column_text(0));
    }
    REQUIRE(tables.size() > 10);
    std::vector<std::string> rows;
    for (const auto& t : tables) {
      std::string expr = "'" + t + ":'";
      auto cols = db.prepare("SELECT name FROM pragma_table_info('" + t + "')");
      REQUIRE(cols.ok());
      while (cols->step().value()) expr += " || quote(\"" + cols->column_text(0) + "\") || ','";
      auto select = db.prepare("SELECT " + expr + " FROM \"" + t + "\" ORDER BY 1");
      REQUIRE(select.ok());
      while (select->step().value()) rows.push_back(select->column_text(0));
    }
    return rows;
  }
};

}  // namespace fieldseal::transport::test
