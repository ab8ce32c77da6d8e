#include "fieldseal/storage/database.hpp"

#include <sodium.h>
#include <sqlite3.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace fieldseal::storage {

namespace detail {

// Idle prepared statements of one connection by SQL text. `db` is null once
// the connection is closed: statements returned after that are finalized.
struct StatementCache {
  static constexpr std::size_t kMaxIdle = 128;
  sqlite3* db = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> idle;

  void finalize_all() noexcept {
    for (auto& [sql, statement] : idle) sqlite3_finalize(statement);
    idle.clear();
  }
};

}  // namespace detail

namespace {

constexpr std::size_t kRawKeyBytes = 32;
constexpr int kBusyTimeoutMs = 2000;

// SQLITE_TRANSIENT without the macro's C-style cast: SQLite copies the value.
sqlite3_destructor_type transient() noexcept {
  return reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));
}

Error map_rc(int rc) noexcept {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::database_locked;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Error::database_damaged;
    case SQLITE_CONSTRAINT:
      return Error::constraint_failed;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return Error::io_failed;
    default:
      return Error::sql_failed;
  }
}

int checked_length(std::size_t size) noexcept {
  return size > static_cast<std::size_t>(std::numeric_limits<int>::max()) ? -1
                                                                          : static_cast<int>(size);
}

// Runs every statement of `sql`; rows are discarded.
Result<void> exec_all(sqlite3* db, std::string_view sql) {
  if (db == nullptr) return fail(Error::sql_failed);
  const char* cursor = sql.data();
  const char* end = sql.data() + sql.size();
  while (cursor < end) {
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    const int length = checked_length(static_cast<std::size_t>(end - cursor));
    if (length < 0) return fail(Error::invalid_argument);
    int rc = sqlite3_prepare_v2(db, cursor, length, &statement, &tail);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(statement);
      return fail(map_rc(rc));
    }
    if (statement == nullptr) break;  // only whitespace or comments left
    do {
      rc = sqlite3_step(statement);
    } while (rc == SQLITE_ROW);
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) return fail(map_rc(rc));
    cursor = tail;
  }
  return {};
}

// The single text value of a one-row pragma, or an error.
Result<std::string> pragma_value(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(statement);
    return fail(map_rc(rc));
  }
  rc = sqlite3_step(statement);
  std::string value;
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(statement, 0);
    if (text != nullptr) value.assign(reinterpret_cast<const char*>(text));
  }
  sqlite3_finalize(statement);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(map_rc(rc));
  return value;
}

}  // namespace

// ---------------------------------------------------------------- Statement

Statement::~Statement() { release(); }

void Statement::release() noexcept {
  if (statement_ == nullptr) return;
  sqlite3_stmt* statement = std::exchange(statement_, nullptr);
  if (cache_ && cache_->db != nullptr && cache_->idle.size() < detail::StatementCache::kMaxIdle) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    const char* sql = sqlite3_sql(statement);
    if (sql != nullptr) {
      try {
        if (cache_->idle.emplace(sql, statement).second) statement = nullptr;
      } catch (...) {  // NOLINT(bugprone-empty-catch): out of memory: finalize instead
      }
    }
  }
  sqlite3_finalize(statement);
  cache_.reset();
}

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)),
      cache_(std::move(other.cache_)),
      first_bind_error_(std::exchange(other.first_bind_error_, Error{})) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    release();
    statement_ = std::exchange(other.statement_, nullptr);
    cache_ = std::move(other.cache_);
    first_bind_error_ = std::exchange(other.first_bind_error_, Error{});
  }
  return *this;
}

void Statement::note_bind(int rc) noexcept {
  if (rc != SQLITE_OK && first_bind_error_ == Error{}) first_bind_error_ = map_rc(rc);
}

Statement& Statement::bind(int index, std::int64_t value) {
  note_bind(sqlite3_bind_int64(statement_, index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  const int length = checked_length(text.size());
  if (length < 0) {
    if (first_bind_error_ == Error{}) first_bind_error_ = Error::invalid_argument;
    return *this;
  }
  // A non-null pointer even for "" so the value is an empty text, not NULL.
  note_bind(sqlite3_bind_text(statement_, index, text.empty() ? "" : text.data(), length,
                              transient()));
  return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> blob) {
  return bind_blob_as(index, blob, true);
}

Statement& Statement::bind_blob_static(int index, std::span<const std::uint8_t> blob) {
  return bind_blob_as(index, blob, false);
}

Statement& Statement::bind_blob_as(int index, std::span<const std::uint8_t> blob, bool copy) {
  const int length = checked_length(blob.size());
  if (length < 0) {
    if (first_bind_error_ == Error{}) first_bind_error_ = Error::invalid_argument;
    return *this;
  }
  static constexpr std::uint8_t kEmpty = 0;
  note_bind(sqlite3_bind_blob(statement_, index, blob.empty() ? &kEmpty : blob.data(), length,
                              copy ? transient() : static_cast<sqlite3_destructor_type>(nullptr)));
  return *this;
}

Statement& Statement::bind_secret(int index, const crypto::SecretBuffer& secret) {
  auto reader = secret.read();
  return bind_blob(index, reader.span());
}

Statement& Statement::bind_double(int index, double value) {
  note_bind(sqlite3_bind_double(statement_, index, value));
  return *this;
}

Statement& Statement::bind_null(int index) {
  note_bind(sqlite3_bind_null(statement_, index));
  return *this;
}

Statement& Statement::bind_optional(int index, const std::optional<std::string>& text) {
  return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Result<bool> Statement::step() {
  if (statement_ == nullptr) return fail(Error::sql_failed);
  if (first_bind_error_ != Error{}) return fail(first_bind_error_);
  const int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // A failed step leaves the statement in an error state until reset.
  sqlite3_reset(statement_);
  return fail(map_rc(rc));
}

Result<void> Statement::run() {
  for (;;) {
    auto stepped = step();
    if (!stepped) return fail(stepped.error());
    if (!*stepped) return {};
  }
}

void Statement::reset() noexcept {
  if (statement_ == nullptr) return;
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  first_bind_error_ = Error{};
}

std::int64_t Statement::column_int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

double Statement::column_double(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string Statement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  const int length = sqlite3_column_bytes(statement_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_text(column);
}

std::vector<std::uint8_t> Statement::column_blob(int column) const {
  const void* data = sqlite3_column_blob(statement_, column);
  const int length = sqlite3_column_bytes(statement_, column);
  if (data == nullptr || length <= 0) return {};
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  return std::vector<std::uint8_t>(bytes, bytes + length);
}

std::span<const std::uint8_t> Statement::column_blob_view(int column) const {
  const void* data = sqlite3_column_blob(statement_, column);
  const int length = sqlite3_column_bytes(statement_, column);
  if (data == nullptr || length <= 0) return {};
  return {static_cast<const std::uint8_t*>(data), static_cast<std::size_t>(length)};
}

crypto::SecretBuffer Statement::column_secret(int column) const {
  const void* data = sqlite3_column_blob(statement_, column);
  const int length = sqlite3_column_bytes(statement_, column);
  if (data == nullptr || length <= 0) return crypto::SecretBuffer();
  return crypto::SecretBuffer::from_bytes(
      std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(data),
                                    static_cast<std::size_t>(length)));
}

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

// ---------------------------------------------------------------- Database

Result<Database> Database::open(const std::filesystem::path& path,
                                const crypto::SecretBuffer& raw_key, bool create) {
  if (raw_key.size() != kRawKeyBytes) return fail(Error::invalid_argument);
  if (!create) {
    // SQLite treats a missing or empty file as a new, empty database; a vault
    // never has one, so either means the database was lost or damaged.
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0) return fail(Error::database_damaged);
  }

  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
                    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);  // closes on every early return
  if (rc != SQLITE_OK) return fail(map_rc(rc));
  sqlite3_extended_result_codes(raw, 1);

  // Before the key, so every allocation made from here on is wiped when freed.
  // SQLCipher's own log goes to stderr and would clutter the CLI; every
  // failure reaches the caller as an Error anyway.
  FIELDSEAL_TRY(exec_all(raw, "PRAGMA cipher_log_level = NONE; PRAGMA cipher_memory_security = ON;"));

  {
    // "x'<64 hex digits>'" in secret memory: the raw-key form, so SQLCipher
    // runs no KDF. sqlite3_key is the C form of PRAGMA key and keeps the key
    // text out of the SQL parser's buffers.
    constexpr std::size_t kHexBytes = 2 * kRawKeyBytes;
    constexpr std::size_t kKeyTextBytes = 2 + kHexBytes + 1;  // x' … '
    crypto::SecretBuffer key_text(kKeyTextBytes + 1);          // + NUL from sodium_bin2hex
    {
      auto w = key_text.write();
      auto r = raw_key.read();
      w.data()[0] = 'x';
      w.data()[1] = '\'';
      sodium_bin2hex(reinterpret_cast<char*>(w.data() + 2), kHexBytes + 1, r.data(), r.size());
      w.data()[2 + kHexBytes] = '\'';
    }
    auto r = key_text.read();
    rc = sqlite3_key(raw, r.data(), static_cast<int>(kKeyTextBytes));
    if (rc != SQLITE_OK) return fail(map_rc(rc));
  }

  if (sqlite3_busy_timeout(raw, kBusyTimeoutMs) != SQLITE_OK) return fail(Error::sql_failed);

  // The probe: with a wrong key or a damaged first page this is SQLITE_NOTADB.
  {
    auto probe = pragma_value(raw, "SELECT count(*) FROM sqlite_master;");
    if (!probe) {
      const Error e = probe.error();
      return fail(e == Error::sql_failed ? Error::database_damaged : e);
    }
  }

  FIELDSEAL_TRY(exec_all(raw,
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA secure_delete = ON;"
                         "PRAGMA foreign_keys = ON;"));
  auto mode = pragma_value(raw, "PRAGMA journal_mode = WAL;");
  if (!mode) return fail(mode.error());
  if (*mode != "wal") return fail(Error::database_locked);
  // Full durability: a transaction that reported success survives power loss.
  FIELDSEAL_TRY(exec_all(raw, "PRAGMA synchronous = FULL;"));
  return db;
}

Database::~Database() { close(); }

Database::Database(sqlite3* db) : db_(db), cache_(std::make_shared<detail::StatementCache>()) {
  cache_->db = db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), cache_(std::move(other.cache_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

Result<void> Database::exec(std::string_view sql) { return exec_all(db_, sql); }

Result<Statement> Database::prepare(std::string_view sql) {
  if (db_ == nullptr) return fail(Error::sql_failed);
  const int length = checked_length(sql.size());
  if (length < 0) return fail(Error::invalid_argument);
  if (cache_) {
    const auto it = cache_->idle.find(std::string(sql));
    if (it != cache_->idle.end()) {
      sqlite3_stmt* cached = it->second;
      cache_->idle.erase(it);
      return Statement(cached, cache_);
    }
  }
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), length, &statement, &tail);
  if (rc != SQLITE_OK || statement == nullptr) {
    sqlite3_finalize(statement);
    return fail(rc == SQLITE_OK ? Error::invalid_argument : map_rc(rc));
  }
  return Statement(statement, cache_);
}

std::int64_t Database::last_insert_rowid() const noexcept {
  return db_ == nullptr ? 0 : sqlite3_last_insert_rowid(db_);
}

int Database::changes() const noexcept { return db_ == nullptr ? 0 : sqlite3_changes(db_); }

bool Database::in_transaction() const noexcept {
  return db_ != nullptr && sqlite3_get_autocommit(db_) == 0;
}

Database::Transaction::~Transaction() {
  if (database_ != nullptr && database_->db_ != nullptr && database_->in_transaction()) {
    (void)exec_all(database_->db_, "ROLLBACK;");
  }
}

Database::Transaction::Transaction(Transaction&& other) noexcept
    : database_(std::exchange(other.database_, nullptr)) {}

Result<void> Database::Transaction::commit() {
  if (database_ == nullptr) return fail(Error::sql_failed);
  FIELDSEAL_TRY(exec_all(database_->db_, "COMMIT;"));
  database_ = nullptr;
  return {};
}

Result<Database::Transaction> Database::begin() {
  if (db_ == nullptr) return fail(Error::sql_failed);
  if (in_transaction()) return fail(Error::sql_failed);
  FIELDSEAL_TRY(exec_all(db_, "BEGIN IMMEDIATE;"));
  return Transaction(this);
}

Result<void> Database::checkpoint_truncate() {
  if (db_ == nullptr) return fail(Error::sql_failed);
  const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr,
                                           nullptr);
  if (rc != SQLITE_OK) return fail(map_rc(rc));
  return {};
}

Result<bool> Database::integrity_ok() {
  if (db_ == nullptr) return fail(Error::sql_failed);
  {
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db_, "PRAGMA integrity_check;", -1, &statement, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(statement);
      return fail(map_rc(rc));
    }
    bool clean = true;
    int rows = 0;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      ++rows;
      const unsigned char* text = sqlite3_column_text(statement, 0);
      if (text == nullptr || std::strcmp(reinterpret_cast<const char*>(text), "ok") != 0)
        clean = false;
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) {
      const Error e = map_rc(rc);
      if (e == Error::database_damaged) return false;
      return fail(e);
    }
    if (!clean || rows != 1) return false;
  }
  {
    // cipher_integrity_check returns one row per page that fails its HMAC.
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db_, "PRAGMA cipher_integrity_check;", -1, &statement, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(statement);
      return fail(map_rc(rc));
    }
    int rows = 0;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) ++rows;
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE) return fail(map_rc(rc));
    if (rows != 0) return false;
  }
  return true;
}

void Database::close() noexcept {
  if (cache_) {
    cache_->finalize_all();
    cache_->db = nullptr;
  }
  if (db_ != nullptr) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

}  // namespace fieldseal::storage
