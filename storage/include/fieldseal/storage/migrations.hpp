#pragma once
// Numbered schema migrations. The schema number is the database's
// `PRAGMA user_version` (0 = empty database). Each migration runs in its own
// transaction (BEGIN IMMEDIATE) together with the user_version update, so a
// crash leaves the database at the previous number or the next, never
// between. A database whose user_version is above the newest migration this
// program knows is refused with schema_too_new and left untouched.
//
// Adding a migration: write `Result<void> migrate_<area>_vN(Database&)` (it
// runs inside the runner's transaction: no BEGIN/COMMIT of its own, no
// PRAGMA user_version) and add ONE line `{N, migrate_<area>_vN},` to
// kMigrations in src/migrations.cpp, numbers consecutive from 1.
//
//   1  vault core: meta, identity, contacts, config, key_slots
//   2  report content (content_schema.hpp), registered by the reports work
//   3  bundle exchange records (exchange_records.hpp)
//   4  search prefix indexes: report_search recreated and refilled (search.hpp)
#include <span>

#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"

namespace fieldseal::storage {

using MigrationFunction = Result<void> (*)(Database&);

struct Migration {
  int version;
  MigrationFunction apply;
};

// The registered migrations, in order (version i at index i - 1).
[[nodiscard]] std::span<const Migration> migrations() noexcept;
// The schema number this program writes (the last migration's version).
[[nodiscard]] int latest_schema_version() noexcept;

// PRAGMA user_version.
[[nodiscard]] Result<int> schema_version(Database& db);
// Runs every migration above the current version up to `target` (default:
// latest). schema_too_new if the database is already above latest (nothing
// changed); invalid_argument if target is out of range.
[[nodiscard]] Result<void> migrate(Database& db);
[[nodiscard]] Result<void> migrate_to(Database& db, int target);

// Migration 1: the vault core tables.
[[nodiscard]] Result<void> migrate_vault_core_v1(Database& db);

}  // namespace fieldseal::storage
