#pragma once
// A thin RAII wrapper over one SQLCipher 4 connection. Opening keys the
// database with a raw 256-bit key (PRAGMA key = "x'…'", so SQLCipher runs no
// KDF), sets cipher_memory_security = ON, temp_store = MEMORY,
// secure_delete = ON, foreign_keys = ON, journal_mode = WAL, and probes
// sqlite_master to confirm the key (database_damaged otherwise).
//
// journal_mode = WAL with synchronous = FULL, and a short busy timeout.
//
// SQL errors are reported as Error::sql_failed or a more precise value
// (database_locked for SQLITE_BUSY/LOCKED, database_damaged for
// SQLITE_CORRUPT/NOTADB, constraint_failed for SQLITE_CONSTRAINT, io_failed
// for I/O, disk-full and permission errors). SQLite's own message is never
// passed on, since it may quote user data.
//
// Not thread-safe: one thread uses a connection at a time.
//
// Prepared statements are reused: a Statement going out of scope is reset,
// its bindings cleared (so bound values are freed and, with
// cipher_memory_security, wiped) and kept for the next prepare() of the same
// SQL text on that connection (a bounded number of them). Under
// cipher_memory_security every SQLite allocation is mlock'ed and wiped, so
// preparing costs far more than it does elsewhere; per-report work (imports
// of thousands of reports) spends most of its time there otherwise.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace fieldseal::storage {

namespace detail {
struct StatementCache;
}

class Statement {
 public:
  ~Statement();
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);           // copied (SQLITE_TRANSIENT)
  Statement& bind_blob(int index, std::span<const std::uint8_t> blob);
  // Binds without a copy (SQLITE_STATIC): `blob` must stay alive and unchanged
  // until the statement is reset, re-bound or destroyed. For large buffers
  // (attachment chunks), where SQLite's copy and the wiping of it on free
  // (cipher_memory_security) cost as much as the copy itself.
  Statement& bind_blob_static(int index, std::span<const std::uint8_t> blob);
  // Copied into SQLite's memory, which cipher_memory_security wipes on free.
  Statement& bind_secret(int index, const crypto::SecretBuffer& secret);
  Statement& bind_double(int index, double value);
  Statement& bind_null(int index);
  Statement& bind_optional(int index, const std::optional<std::string>& text);

  // true: a row is available; false: done.
  [[nodiscard]] Result<bool> step();
  // Steps to completion, expecting no rows.
  [[nodiscard]] Result<void> run();
  void reset() noexcept;  // also clears bindings

  [[nodiscard]] std::int64_t column_int64(int column) const;
  [[nodiscard]] std::string column_text(int column) const;
  [[nodiscard]] std::optional<std::string> column_optional_text(int column) const;
  [[nodiscard]] double column_double(int column) const;
  [[nodiscard]] std::vector<std::uint8_t> column_blob(int column) const;
  // A blob column without a copy: valid until the next step(), reset() or the
  // statement's destruction (empty when NULL or empty).
  [[nodiscard]] std::span<const std::uint8_t> column_blob_view(int column) const;
  // A blob column copied straight into secret memory (empty when NULL).
  [[nodiscard]] crypto::SecretBuffer column_secret(int column) const;
  [[nodiscard]] bool column_is_null(int column) const;

 private:
  friend class Database;
  explicit Statement(sqlite3_stmt* statement) noexcept : statement_(statement) {}
  Statement(sqlite3_stmt* statement, std::shared_ptr<detail::StatementCache> cache) noexcept
      : statement_(statement), cache_(std::move(cache)) {}
  void note_bind(int rc) noexcept;
  Statement& bind_blob_as(int index, std::span<const std::uint8_t> blob, bool copy);
  void release() noexcept;  // back to the cache, or finalized
  sqlite3_stmt* statement_ = nullptr;
  std::shared_ptr<detail::StatementCache> cache_;
  Error first_bind_error_ = Error{};
};

class Database {
 public:
  // Opens (create = true: creates) the database file at `path` with `raw_key`
  // (32 bytes). database_damaged if the key does not fit, the file is not a
  // database, or (create = false) the file is missing or empty;
  // database_locked if another process holds it; invalid_argument if the key
  // is not 32 bytes.
  [[nodiscard]] static Result<Database> open(const std::filesystem::path& path,
                                             const crypto::SecretBuffer& raw_key, bool create);
  ~Database();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  [[nodiscard]] Result<void> exec(std::string_view sql);
  [[nodiscard]] Result<Statement> prepare(std::string_view sql);
  [[nodiscard]] std::int64_t last_insert_rowid() const noexcept;
  [[nodiscard]] int changes() const noexcept;
  // True inside BEGIN … COMMIT.
  [[nodiscard]] bool in_transaction() const noexcept;

  // RAII transaction (BEGIN IMMEDIATE): rolls back unless commit() succeeded.
  // Not nested: begin() inside a transaction fails with sql_failed. The
  // Transaction must not outlive (or be moved past a move of) its Database.
  class Transaction {
   public:
    ~Transaction();
    Transaction(Transaction&&) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    [[nodiscard]] Result<void> commit();

   private:
    friend class Database;
    explicit Transaction(Database* database) noexcept : database_(database) {}
    Database* database_;
  };
  [[nodiscard]] Result<Transaction> begin();

  // Checkpoints and truncates the WAL so no old page images stay in it.
  [[nodiscard]] Result<void> checkpoint_truncate();
  // PRAGMA integrity_check and cipher_integrity_check both clean.
  [[nodiscard]] Result<bool> integrity_ok();
  // Closes the connection now (idempotent); the object becomes unusable.
  void close() noexcept;

  [[nodiscard]] sqlite3* handle() const noexcept { return db_; }

 private:
  explicit Database(sqlite3* db);
  sqlite3* db_ = nullptr;
  std::shared_ptr<detail::StatementCache> cache_;
};

}  // namespace fieldseal::storage
