#include <algorithm>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/content_schema.hpp"
#include "fieldseal/storage/migrations.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::TempDir;

namespace {

std::vector<std::string> tables(Database& db) {
  auto s = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  REQUIRE(s.ok());
  std::vector<std::string> out;
  while (s->step().value()) out.push_back(s->column_text(0));
  return out;
}

bool has(const std::vector<std::string>& v, const char* name) {
  return std::find(v.begin(), v.end(), name) != v.end();
}

// A new database at schema 0.
struct Unmigrated {
  TempDir dir;
  crypto::SecretBuffer key = crypto::SecretBuffer::random(32);
  Database db = open();
  Database open() {
    auto opened = Database::open(dir.path() / "v.db", key, true);
    REQUIRE(opened.ok());
    return std::move(*opened);
  }
};

}  // namespace

TEST_CASE("migration 2 creates the report content schema on top of migration 1") {
  Unmigrated fresh;
  Database& db = fresh.db;

  REQUIRE(migrations().size() >= 2);
  CHECK(migrations()[1].version == kContentSchemaMigration);
  CHECK(migrations()[1].apply == &migrate_content_v2);

  REQUIRE(migrate_to(db, 1).ok());
  CHECK(schema_version(db).value() == 1);
  CHECK_FALSE(has(tables(db), "reports"));

  REQUIRE(migrate_to(db, 2).ok());
  CHECK(schema_version(db).value() == 2);
  const auto t = tables(db);
  for (const char* name : {"reports", "report_acts", "report_persons", "person_sensitive",
                           "report_sources", "report_tags", "amendments", "attachments",
                           "attachment_chunks", "custody", "report_search"}) {
    INFO(name);
    CHECK(has(t, name));
  }
  // FTS5 secure-delete is on, persistently.
  auto s = db.prepare("SELECT v FROM report_search_config WHERE k = 'secure-delete'");
  REQUIRE(s.ok());
  REQUIRE(s->step().value());
  CHECK(s->column_int64(0) == 1);
  s->reset();  // a running statement would keep migration 4 from dropping the old search table

  // Running again changes nothing; the schema is usable.
  REQUIRE(migrate(db).ok());
  CHECK(schema_version(db).value() == latest_schema_version());
  ReportDraft d;
  d.title = "after migration";
  const auto signing = crypto::Ed25519KeyPair::generate();
  CHECK(create_report(db, signing, d).ok());
}

TEST_CASE("migration 2 runs atomically: a failure leaves version 1") {
  Unmigrated fresh;
  Database& db = fresh.db;
  REQUIRE(migrate_to(db, 1).ok());
  // A stray table with a name migration 2 needs makes it fail part way.
  REQUIRE(db.exec("CREATE TABLE custody (x INTEGER)").ok());
  CHECK_FALSE(migrate_to(db, 2).ok());
  CHECK(schema_version(db).value() == 1);
  CHECK_FALSE(has(tables(db), "reports"));
}
