// Migration 6: the search table's pending-terms hash size (FTS5 'hashsize').
#include <optional>
#include <string_view>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/migrations.hpp"
#include "fieldseal/storage/search.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::TempDir;

namespace {

constexpr int kSearchHashsizeMigration = 6;

std::optional<std::int64_t> hashsize(Database& db) {
  auto s = db.prepare("SELECT v FROM report_search_config WHERE k = 'hashsize'");
  REQUIRE(s.ok());
  if (!s->step().value()) return std::nullopt;
  return s->column_int64(0);
}

std::int64_t hits(Database& db, std::string_view query) {
  auto found = search_reports(db, query);
  REQUIRE(found.ok());
  return static_cast<std::int64_t>(found->size());
}

}  // namespace

TEST_CASE("migration 6 sets the search hash size; the index answers as before") {
  TempDir dir;
  auto opened = Database::open(dir.path() / "v.db", crypto::SecretBuffer::random(32), true);
  REQUIRE(opened.ok());
  Database db = std::move(*opened);
  REQUIRE(migrations().size() >= kSearchHashsizeMigration);
  CHECK(migrations()[kSearchHashsizeMigration - 1].version == kSearchHashsizeMigration);
  CHECK(migrations()[kSearchHashsizeMigration - 1].apply == &migrate_search_hashsize_v6);
  REQUIRE(migrate_to(db, kSearchHashsizeMigration - 1).ok());

  const auto signing = crypto::Ed25519KeyPair::generate();
  ReportDraft d;
  d.title = "Задержание у суда";
  d.narrative = "Полиция задержала Фёдора у здания суда.";
  auto id = create_report(db, signing, d);
  REQUIRE(id.ok());
  CHECK(hashsize(db) == std::nullopt);  // FTS5's default
  CHECK(hits(db, "федора") == 1);

  REQUIRE(migrate_to(db, kSearchHashsizeMigration).ok());
  CHECK(schema_version(db).value() == kSearchHashsizeMigration);
  CHECK(hashsize(db) == kSearchPendingBytes);
  CHECK(hits(db, "федора") == 1);
  CHECK(hits(db, "зад*") == 1);

  d.title = "Обыск";
  REQUIRE(update_report(db, signing, *id, d).ok());
  CHECK(hits(db, "обыск") == 1);
  CHECK(hits(db, "задержание") == 0);
  CHECK(db.exec("INSERT INTO report_search(report_search, rank) VALUES ('integrity-check', 0)")
            .ok());
}
