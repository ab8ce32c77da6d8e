#include "fieldseal/storage/migrations.hpp"

#include <string>

#include "fieldseal/storage/content_schema.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/search.hpp"
#include "fieldseal/storage/statistics.hpp"

namespace fieldseal::storage {

namespace {

// One line per migration; numbers consecutive from 1.
constexpr Migration kMigrations[] = {
    {1, migrate_vault_core_v1},
    {2, migrate_content_v2},
    {3, migrate_exchange_v3},
    {4, migrate_search_prefix_v4},
    {5, migrate_statistics_index_v5},
    {6, migrate_search_hashsize_v6},
};

// meta: role, name, created_at. identity: the vault's own keys (one row).
// key_slots: which slots of the key-slot file hold keys (the slot file itself
// must not say so), and for a change in progress the BLAKE2b hash of the new
// slot's bytes, which tells on the next open whether the file write happened. config: key/value settings (see vault.hpp).
constexpr std::string_view kVaultCoreV1 = R"sql(
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  x25519_secret BLOB NOT NULL CHECK (length(x25519_secret) = 32),
  ed25519_seed BLOB NOT NULL CHECK (length(ed25519_seed) = 32),
  created_at TEXT NOT NULL
);
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('field', 'hq')),
  age_recipient TEXT NOT NULL UNIQUE,
  signing_key BLOB NOT NULL UNIQUE CHECK (length(signing_key) = 32),
  card TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE TABLE config (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE key_slots (
  slot INTEGER PRIMARY KEY CHECK (slot BETWEEN 0 AND 7),
  kind TEXT NOT NULL CHECK (kind IN ('normal', 'duress')),
  state TEXT NOT NULL CHECK (state IN ('active', 'pending_add', 'pending_remove')),
  sealed_hash BLOB
);
)sql";

}  // namespace

std::span<const Migration> migrations() noexcept { return kMigrations; }

int latest_schema_version() noexcept { return migrations().back().version; }

Result<void> migrate_vault_core_v1(Database& db) { return db.exec(kVaultCoreV1); }

Result<int> schema_version(Database& db) {
  auto statement = db.prepare("PRAGMA user_version;");
  if (!statement) return fail(statement.error());
  auto row = statement->step();
  if (!row) return fail(row.error());
  if (!*row) return fail(Error::sql_failed);
  return static_cast<int>(statement->column_int64(0));
}

Result<void> migrate_to(Database& db, int target) {
  const int latest = latest_schema_version();
  auto current = schema_version(db);
  if (!current) return fail(current.error());
  if (*current > latest || *current < 0) return fail(Error::schema_too_new);
  if (target < *current || target > latest) return fail(Error::invalid_argument);
  for (const Migration& migration : migrations()) {
    if (migration.version <= *current || migration.version > target) continue;
    auto transaction = db.begin();
    if (!transaction) return fail(transaction.error());
    // Re-read inside the write lock: another connection may have migrated.
    auto now = schema_version(db);
    if (!now) return fail(now.error());
    if (*now >= migration.version) continue;
    if (*now != migration.version - 1) return fail(Error::database_damaged);
    FIELDSEAL_TRY(migration.apply(db));
    FIELDSEAL_TRY(db.exec("PRAGMA user_version = " + std::to_string(migration.version) + ";"));
    FIELDSEAL_TRY(transaction->commit());
  }
  return {};
}

Result<void> migrate(Database& db) { return migrate_to(db, latest_schema_version()); }

}  // namespace fieldseal::storage
