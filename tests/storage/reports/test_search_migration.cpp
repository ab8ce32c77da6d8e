// Migration 4: the search table recreated with prefix indexes and refilled
// from the content tables.
#include <algorithm>
#include <set>
#include <tuple>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/migrations.hpp"
#include "fieldseal/storage/search.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::TempDir;

namespace {

constexpr int kSearchPrefixMigration = 4;

// Every token the index holds: (term, report, column, offset).
using Instance = std::tuple<std::string, std::int64_t, std::string, std::int64_t>;

std::set<Instance> index_instances(Database& db) {
  REQUIRE(db.exec("CREATE VIRTUAL TABLE temp.search_instances USING "
                  "fts5vocab(main, report_search, instance)")
              .ok());
  std::set<Instance> out;
  {
    auto s = db.prepare("SELECT term, doc, col, offset FROM temp.search_instances");
    REQUIRE(s.ok());
    while (s->step().value()) {
      out.emplace(s->column_text(0), s->column_int64(1), s->column_text(2), s->column_int64(3));
    }
  }
  REQUIRE(db.exec("DROP TABLE temp.search_instances").ok());
  return out;
}

// The search table's declaration (FTS5 keeps the prefix option there).
std::string search_table_sql(Database& db) {
  auto s = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'report_search'");
  REQUIRE(s.ok());
  REQUIRE(s->step().value());
  return s->column_text(0);
}

std::vector<std::string> ids(Database& db, std::string_view query) {
  auto hits = search_reports(db, query);
  REQUIRE(hits.ok());
  std::vector<std::string> out;
  for (const auto& h : *hits) out.push_back(h.id);
  std::sort(out.begin(), out.end());
  return out;
}

ReportDraft draft(std::string title, std::string narrative, std::string person,
                  std::vector<std::string> tags) {
  ReportDraft d;
  d.title = std::move(title);
  d.narrative = std::move(narrative);
  d.location.text = "Пушкинская площадь";
  d.location.region = "Москва";
  Person p;
  p.name = std::move(person);
  p.roles = {PersonRole::victim};
  d.persons.push_back(p);
  Person w;
  w.name = "Ёлкин Witness";
  w.roles = {PersonRole::witness};
  d.persons.push_back(w);
  d.tags = std::move(tags);
  return d;
}

}  // namespace

TEST_CASE("migration 4 re-indexes a vault's reports with prefix indexes; purged stay unfindable") {
  TempDir dir;
  const auto key = crypto::SecretBuffer::random(32);
  auto opened = Database::open(dir.path() / "v.db", key, true);
  REQUIRE(opened.ok());
  Database db = std::move(*opened);
  REQUIRE(migrations().size() >= kSearchPrefixMigration);
  CHECK(migrations()[kSearchPrefixMigration - 1].version == kSearchPrefixMigration);
  CHECK(migrations()[kSearchPrefixMigration - 1].apply == &migrate_search_prefix_v4);
  REQUIRE(migrate_to(db, kSearchPrefixMigration - 1).ok());

  const auto signing = crypto::Ed25519KeyPair::generate();
  auto draft_id = create_report(
      db, signing,
      draft("Задержание у суда", "Полиция задержала Фёдора; ОМОН, автозак.", "Фёдор Соловьёв",
            {"суд", "ОМОН"}));
  auto final_id = create_report(
      db, signing, draft("Raid on the office", "Officers searched the café and took laptops.",
                         "Óscar Ivanov", {"raid"}));
  auto edited_id = create_report(
      db, signing, draft("старый заголовок", "устаревшийтекст", "Пётр", {}));
  auto purged_id = create_report(
      db, signing, draft("канарейкаслово canaryword", "канарейкатекст secretcanary",
                         "Канарейкин", {"канарейкатег"}));
  REQUIRE(draft_id.ok());
  REQUIRE(final_id.ok());
  REQUIRE(edited_id.ok());
  REQUIRE(purged_id.ok());
  REQUIRE(finalize_report(db, signing, *final_id).ok());
  REQUIRE(update_report(db, signing, *edited_id,
                        draft("новый заголовок", "задержание после суда", "Пётр", {"суд"}))
              .ok());
  REQUIRE(purge_report(db, signing, *purged_id).ok());

  const auto before = index_instances(db);
  REQUIRE_FALSE(before.empty());

  REQUIRE(migrate_to(db, kSearchPrefixMigration).ok());
  CHECK(schema_version(db).value() == kSearchPrefixMigration);

  // The same tokens at the same places as index_report wrote them: the SQL
  // refill folds ё, orders persons and tags, and joins columns as it does.
  CHECK(index_instances(db) == before);

  {
    auto config = db.prepare("SELECT v FROM report_search_config WHERE k = 'secure-delete'");
    REQUIRE(config.ok());
    REQUIRE(config->step().value());
    CHECK(config->column_int64(0) == 1);
  }
  CHECK(search_table_sql(db).find("prefix = '2 3 4'") != std::string::npos);

  CHECK(ids(db, "задержание") == std::vector{std::min(*draft_id, *edited_id),
                                             std::max(*draft_id, *edited_id)});
  CHECK(ids(db, "федора") == std::vector{*draft_id});  // ё folded
  CHECK(ids(db, "соловьев") == std::vector{*draft_id});  // person names
  CHECK(ids(db, "омон") == std::vector{*draft_id});
  CHECK(ids(db, "cafe") == std::vector{*final_id});
  CHECK(ids(db, "oscar") == std::vector{*final_id});
  CHECK(ids(db, "raid office") == std::vector{*final_id});
  CHECK(ids(db, "пушкинская").size() == 3);  // places
  CHECK(ids(db, "елкин").size() == 3);
  CHECK(ids(db, "за*").size() == 2);     // 2-character prefix index
  CHECK(ids(db, "зад*").size() == 2);    // 3
  CHECK(ids(db, "заде*").size() == 2);   // 4
  CHECK(ids(db, "задерж*").size() == 2);  // longer: the main index
  CHECK(ids(db, "off*") == std::vector{*final_id});
  CHECK(ids(db, "устаревшийтекст").empty());  // edited away before the migration
  CHECK(ids(db, "старый").empty());
  for (const char* canary : {"канарейкаслово", "canaryword", "канарейкатекст", "secretcanary",
                             "канарейкин", "канарейкатег", "канар*", "can*", "cana*"}) {
    INFO(canary);
    CHECK(ids(db, canary).empty());
  }
  for (const auto& instance : index_instances(db)) {
    INFO(std::get<0>(instance));
    CHECK(std::get<0>(instance).find("канар") == std::string::npos);
    CHECK(std::get<0>(instance).find("canary") == std::string::npos);
  }

  // The migrated table indexes, edits and unindexes as before.
  REQUIRE(update_report(db, signing, *draft_id,
                        draft("Заменено", "другой текст", "Иван", {})).ok());
  CHECK(ids(db, "федора").empty());
  CHECK(ids(db, "замен*") == std::vector{*draft_id});
  REQUIRE(purge_report(db, signing, *final_id).ok());
  CHECK(ids(db, "cafe").empty());
  CHECK(ids(db, "of*").empty());
  auto integrity = db.integrity_ok();
  REQUIRE(integrity.ok());
  CHECK(*integrity);
  CHECK(db.exec("INSERT INTO report_search(report_search, rank) VALUES ('integrity-check', 0)")
            .ok());
}

TEST_CASE("migration 4 runs atomically: a failure leaves version 3 and the old index") {
  TempDir dir;
  const auto key = crypto::SecretBuffer::random(32);
  auto opened = Database::open(dir.path() / "v.db", key, true);
  REQUIRE(opened.ok());
  Database db = std::move(*opened);
  REQUIRE(migrate_to(db, kSearchPrefixMigration - 1).ok());
  const auto signing = crypto::Ed25519KeyPair::generate();
  auto id = create_report(db, signing, draft("Задержание", "текст", "Имя", {}));
  REQUIRE(id.ok());
  // A report row whose status the CHECK forbids cannot exist; a stray table
  // that the refill's subquery cannot read can: make report_tags unreadable.
  REQUIRE(db.exec("ALTER TABLE report_tags RENAME TO report_tags_gone").ok());
  CHECK_FALSE(migrate_to(db, kSearchPrefixMigration).ok());
  CHECK(schema_version(db).value() == kSearchPrefixMigration - 1);
  REQUIRE(db.exec("ALTER TABLE report_tags_gone RENAME TO report_tags").ok());
  CHECK(ids(db, "задержание") == std::vector{*id});
  CHECK(search_table_sql(db).find("prefix") == std::string::npos);
  REQUIRE(migrate(db).ok());
  CHECK(ids(db, "задержание") == std::vector{*id});
}
