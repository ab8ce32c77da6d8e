#include <catch2/catch_test_macros.hpp>

#include <set>
#include <string>

#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/migrations.hpp"
#include "fieldseal/storage/vault.hpp"
#include "vault_test_util.hpp"

namespace crypto = fieldseal::crypto;
using namespace fieldseal::storage;
using namespace fieldseal::storage::test;

namespace {

std::set<std::string> tables(Database& db) {
  auto st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;");
  REQUIRE(st.ok());
  std::set<std::string> names;
  while (*st->step()) names.insert(st->column_text(0));
  return names;
}

Database fresh_database(const TempDir& dir) {
  auto db = Database::open(dir / "db", crypto::SecretBuffer::random(32), true);
  REQUIRE(db.ok());
  return std::move(db).value();
}

}  // namespace

TEST_CASE("migrations: numbered consecutively from 1", "[migrations]") {
  const auto list = migrations();
  REQUIRE_FALSE(list.empty());
  for (std::size_t i = 0; i < list.size(); ++i) {
    CHECK(list[i].version == static_cast<int>(i) + 1);
    CHECK(list[i].apply != nullptr);
  }
  CHECK(latest_schema_version() == list.back().version);
}

TEST_CASE("migration 1: vault core tables", "[migrations]") {
  TempDir dir;
  auto db = fresh_database(dir);
  CHECK(*schema_version(db) == 0);
  REQUIRE(migrate_to(db, 1).ok());
  CHECK(*schema_version(db) == 1);
  const auto names = tables(db);
  for (const char* t : {"meta", "identity", "contacts", "config", "key_slots"})
    CHECK(names.count(t) == 1);
  // Constraints hold: one identity row, 32-byte keys, slots 0..7.
  CHECK(db.exec("INSERT INTO key_slots(slot, kind, state) VALUES (8, 'normal', 'active');")
            .error() == Error::constraint_failed);
  CHECK(db.exec("INSERT INTO identity VALUES (1, x'00', x'00', 'now');").error() ==
        Error::constraint_failed);
  // Running it again changes nothing.
  REQUIRE(migrate_to(db, 1).ok());
  CHECK(*schema_version(db) == 1);
}

TEST_CASE("migrations: all of them, then idempotent", "[migrations]") {
  TempDir dir;
  auto db = fresh_database(dir);
  REQUIRE(migrate(db).ok());
  CHECK(*schema_version(db) == latest_schema_version());
  REQUIRE(migrate(db).ok());
  CHECK(*schema_version(db) == latest_schema_version());
  CHECK(migrate_to(db, 0).error() == Error::invalid_argument);
}

TEST_CASE("migrations: a failing migration leaves the previous schema", "[migrations]") {
  TempDir dir;
  auto db = fresh_database(dir);
  // A table that migration 1 wants to create makes it fail half-way.
  REQUIRE(db.exec("CREATE TABLE config (x);").ok());
  CHECK_FALSE(migrate(db).ok());
  CHECK(*schema_version(db) == 0);
  CHECK(tables(db) == std::set<std::string>{"config"});
  CHECK_FALSE(db.in_transaction());
}

TEST_CASE("migrations: a newer schema is refused, untouched", "[migrations]") {
  TempDir dir;
  auto db = fresh_database(dir);
  const int newer = latest_schema_version() + 1;
  REQUIRE(db.exec("PRAGMA user_version = " + std::to_string(newer) + ";").ok());
  CHECK(migrate(db).error() == Error::schema_too_new);
  CHECK(*schema_version(db) == newer);
  CHECK(tables(db).empty());
}

TEST_CASE("vault: opening a vault written by a newer fieldseal", "[migrations][vault]") {
  TempDir dir;
  {
    auto v = Vault::create(dir / "v", Role::field, "A", pass("p"), kFast);
    REQUIRE(v.ok());
    REQUIRE(v->database()
                .exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1) + ";")
                .ok());
  }
  const auto before = snapshot(dir / "v");
  CHECK(Vault::open(dir / "v", pass("p"), kFast).error() == Error::schema_too_new);
  CHECK(snapshot(dir / "v") == before);
}
