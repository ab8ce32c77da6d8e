#include "fieldseal/storage/vault.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <ctime>
#include <set>
#include <system_error>

#include "fieldseal/storage/migrations.hpp"

namespace fieldseal::storage {

namespace fs = std::filesystem;
using crypto::Argon2idParams;
using crypto::SecretBuffer;

namespace {

constexpr std::string_view kNewSuffix = ".new";
constexpr std::uint64_t kDatabaseShredBytes = 64 * 1024;

struct Paths {
  fs::path keys, data, data_new;
  explicit Paths(const fs::path& dir)
      : keys(dir / kKeySlotFileName),
        data(dir / kDatabaseFileName),
        data_new(dir / (std::string(kDatabaseFileName) + std::string(kNewSuffix))) {}
};

fs::path with_suffix(const fs::path& p, std::string_view suffix) {
  return fs::path(p.string() + std::string(suffix));
}

bool file_exists(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0;
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  std::array<char, 32> buffer{};
  const std::size_t n = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buffer.data(), n);
}

// An flock on the vault directory: one process per vault.
class DirectoryLock {
 public:
  DirectoryLock() noexcept = default;
  ~DirectoryLock() { release(); }
  DirectoryLock(DirectoryLock&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  DirectoryLock& operator=(DirectoryLock&& o) noexcept {
    if (this != &o) {
      release();
      fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
  }
  static Result<DirectoryLock> acquire(const fs::path& dir) {
    DirectoryLock lock;
    lock.fd_ = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock.fd_ < 0) return fail(errno == ENOENT ? Error::vault_not_found : Error::io_failed);
    if (::flock(lock.fd_, LOCK_EX | LOCK_NB) != 0)
      return fail(errno == EWOULDBLOCK ? Error::database_locked : Error::io_failed);
    return lock;
  }
  void release() noexcept {
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }

 private:
  int fd_ = -1;
};

std::array<std::uint8_t, crypto_generichash_BYTES> slot_hash(const KeySlotFile& file,
                                                             std::size_t index) {
  const auto bytes = file.serialize();
  std::array<std::uint8_t, crypto_generichash_BYTES> out{};
  crypto_generichash(out.data(), out.size(), bytes.data() + index * kSlotBytes, kSlotBytes,
                     nullptr, 0);
  return out;
}

Result<void> remove_database_files(const fs::path& db, bool shred) {
  for (std::string_view suffix : {"", "-wal", "-shm", "-journal"}) {
    const fs::path p = with_suffix(db, suffix);
    if (shred) {
      FIELDSEAL_TRY(shred_file(p, kDatabaseShredBytes));
    } else if (::unlink(p.c_str()) != 0 && errno != ENOENT) {
      return fail(Error::io_failed);
    }
  }
  return {};
}

// What an interrupted create() can leave without a key-slot file: the new
// database under its temporary name and the slot file's temporary copy.
bool is_create_leftover(std::string_view name) {
  const std::string data_new = std::string(kDatabaseFileName) + std::string(kNewSuffix);
  for (std::string_view suffix : {"", "-wal", "-shm", "-journal"}) {
    if (name == data_new + std::string(suffix)) return true;
  }
  return name == std::string(kKeySlotFileName) + std::string(kNewSuffix);
}

// True if `directory` holds something and all of it is create() leftovers.
bool only_interrupted_create(const fs::path& directory) {
  std::error_code ec;
  bool any = false;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (!is_create_leftover(it->path().filename().string())) return false;
    any = true;
  }
  return any && !ec;
}

// No key for these files exists anywhere (the slot file was never written),
// but the temporary slot copy may hold a sealed master key: shred it.
Result<void> remove_interrupted_create(const Paths& paths) {
  FIELDSEAL_TRY(remove_database_files(paths.data_new, false));
  return shred_file(with_suffix(paths.keys, kNewSuffix));
}

struct SlotRow {
  std::int64_t slot;
  std::string kind;
  std::string state;
  std::vector<std::uint8_t> sealed_hash;
};

Result<std::vector<SlotRow>> slot_rows(Database& db) {
  auto st = db.prepare("SELECT slot, kind, state, sealed_hash FROM key_slots ORDER BY slot;");
  if (!st) return fail(st.error());
  std::vector<SlotRow> rows;
  for (;;) {
    auto row = st->step();
    if (!row) return fail(row.error());
    if (!*row) break;
    rows.push_back({st->column_int64(0), st->column_text(1), st->column_text(2),
                    st->column_blob(3)});
  }
  return rows;
}

std::optional<std::size_t> random_free_slot(const std::vector<SlotRow>& rows) {
  std::vector<std::size_t> free;
  for (std::size_t i = 0; i < kKeySlotCount; ++i) {
    bool used = false;
    for (const auto& r : rows) used = used || r.slot == static_cast<std::int64_t>(i);
    if (!used) free.push_back(i);
  }
  if (free.empty()) return std::nullopt;
  return free[randombytes_uniform(static_cast<std::uint32_t>(free.size()))];
}

// Fills a new database: schema, meta, identity and the one key slot in use.
Result<void> initialise_database(Database& db, Role role, std::string_view name,
                                 const crypto::X25519Identity& age,
                                 const crypto::Ed25519KeyPair& signing, std::size_t slot) {
  FIELDSEAL_TRY(migrate(db));
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  const std::string created = now_utc();
  {
    auto st = db.prepare("INSERT INTO meta(key, value) VALUES (?, ?);");
    if (!st) return fail(st.error());
    const std::pair<std::string_view, std::string_view> values[] = {
        {"role", role_name(role)}, {"name", name}, {"created_at", created}};
    for (const auto& [k, v] : values) {
      st->reset();
      st->bind(1, k).bind(2, v);
      FIELDSEAL_TRY(st->run());
    }
  }
  {
    auto st = db.prepare(
        "INSERT INTO identity(id, x25519_secret, ed25519_seed, created_at) VALUES (1, ?, ?, ?);");
    if (!st) return fail(st.error());
    const SecretBuffer seed = signing.seed();
    st->bind_secret(1, age.secret()).bind_secret(2, seed).bind(3, std::string_view(created));
    FIELDSEAL_TRY(st->run());
  }
  {
    auto st = db.prepare("INSERT INTO key_slots(slot, kind, state) VALUES (?, 'normal', 'active');");
    if (!st) return fail(st.error());
    st->bind(1, static_cast<std::int64_t>(slot));
    FIELDSEAL_TRY(st->run());
  }
  return tx->commit();
}

bool valid_card_name(std::string_view name, Role role, const crypto::X25519Identity& age,
                     const crypto::Ed25519KeyPair& signing) {
  crypto::Card card{std::string(name), role, age.recipient(), signing.public_key()};
  return crypto::write_card(card, signing).ok();
}

}  // namespace

std::string_view role_name(Role role) noexcept { return role == Role::hq ? "hq" : "field"; }

Result<Role> parse_role(std::string_view text) {
  if (text == "field") return Role::field;
  if (text == "hq") return Role::hq;
  return fail(Error::invalid_argument);
}

struct Vault::State {
  fs::path directory;
  DirectoryLock lock;
  std::optional<Database> db;
  std::optional<KeySlotFile> slots;
  std::size_t slot_index = 0;
  Argon2idParams params;  // target strength for new and upgraded slots
  SecretBuffer master;
  Role role = Role::field;
  std::string name;
  std::optional<crypto::X25519Identity> age;
  std::optional<crypto::Ed25519KeyPair> signing;

  [[nodiscard]] Paths paths() const { return Paths(directory); }

  Result<void> load_identity() {
    auto st = db->prepare("SELECT key, value FROM meta;");
    if (!st) return fail(st.error());
    bool have_role = false;
    bool have_name = false;
    for (;;) {
      auto row = st->step();
      if (!row) return fail(row.error());
      if (!*row) break;
      const std::string key = st->column_text(0);
      if (key == "role") {
        auto r = parse_role(st->column_text(1));
        if (!r) return fail(Error::database_damaged);
        role = *r;
        have_role = true;
      } else if (key == "name") {
        name = st->column_text(1);
        have_name = true;
      }
    }
    if (!have_role || !have_name) return fail(Error::database_damaged);
    auto id = db->prepare("SELECT x25519_secret, ed25519_seed FROM identity WHERE id = 1;");
    if (!id) return fail(id.error());
    auto row = id->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(Error::database_damaged);
    auto x = crypto::X25519Identity::from_secret(id->column_secret(0));
    auto e = crypto::Ed25519KeyPair::from_seed(id->column_secret(1));
    if (!x || !e) return fail(Error::database_damaged);
    age.emplace(std::move(x).value());
    signing.emplace(std::move(e).value());
    return {};
  }

  // Finishes or undoes a passphrase change / duress set that was interrupted
  // (see vault.hpp), refreshes the unused slots and resets the failure count,
  // all in one slot-file write followed by one transaction.
  Result<void> reconcile_and_refresh(const crypto::SecretBuffer& passphrase,
                                     const Argon2idParams& opened_params) {
    auto rows = slot_rows(*db);
    if (!rows) return fail(rows.error());
    bool done = false;
    for (const auto& r : *rows) {
      if (r.state != "pending_add") continue;
      const auto h = slot_hash(*slots, static_cast<std::size_t>(r.slot));
      if (r.sealed_hash.size() == h.size() &&
          crypto::constant_time_equal(r.sealed_hash, h))
        done = true;
    }
    KeySlotFile next = *slots;
    std::set<std::size_t> in_use;
    bool own_row = false;
    for (const auto& r : *rows) {
      const auto index = static_cast<std::size_t>(r.slot);
      const bool drop = (r.state == "pending_add" && !done) || (r.state == "pending_remove" && done);
      if (!drop) in_use.insert(index);
      if (index == slot_index) own_row = true;
    }
    in_use.insert(slot_index);
    for (std::size_t i = 0; i < kKeySlotCount; ++i)
      if (in_use.count(i) == 0) next.randomize(i, params);
    if (opened_params.weaker_than(params)) {
      SlotContent content{SlotKind::normal, role, name, master.clone()};
      auto sealed = next.seal(slot_index, passphrase, params, content);
      if (!sealed) return fail(sealed.error());
    }
    next.set_failed_unlocks(0);
    FIELDSEAL_TRY(next.write_atomic(paths().keys));
    slots = std::move(next);

    auto tx = db->begin();
    if (!tx) return fail(tx.error());
    if (done) {
      FIELDSEAL_TRY(db->exec("DELETE FROM key_slots WHERE state = 'pending_remove';"
                             "UPDATE key_slots SET state = 'active', sealed_hash = NULL "
                             "WHERE state = 'pending_add';"));
    } else {
      FIELDSEAL_TRY(db->exec("DELETE FROM key_slots WHERE state = 'pending_add';"
                             "UPDATE key_slots SET state = 'active' "
                             "WHERE state = 'pending_remove';"));
    }
    if (!own_row) {
      auto st = db->prepare(
          "INSERT OR REPLACE INTO key_slots(slot, kind, state) VALUES (?, 'normal', 'active');");
      if (!st) return fail(st.error());
      st->bind(1, static_cast<std::int64_t>(slot_index));
      FIELDSEAL_TRY(st->run());
    }
    return tx->commit();
  }

  // Adds `content` as a new slot sealed with `passphrase`, removing the slots
  // of `replace` (rows in key_slots) in the same atomic file write.
  Result<SecretBuffer> replace_slots(const SecretBuffer& passphrase, const SlotContent& content,
                                     const std::vector<std::size_t>& replace,
                                     std::size_t* new_index) {
    auto rows = slot_rows(*db);
    if (!rows) return fail(rows.error());
    auto free = random_free_slot(*rows);
    if (!free) return fail(Error::key_slots_full);
    KeySlotFile next = *slots;
    auto kek = next.seal(*free, passphrase, params, content);
    if (!kek) return fail(kek.error());
    const auto hash = slot_hash(next, *free);
    for (std::size_t i : replace) next.randomize(i, params);
    {
      auto tx = db->begin();
      if (!tx) return fail(tx.error());
      auto st = db->prepare(
          "INSERT INTO key_slots(slot, kind, state, sealed_hash) VALUES (?, ?, 'pending_add', ?);");
      if (!st) return fail(st.error());
      st->bind(1, static_cast<std::int64_t>(*free))
          .bind(2, std::string_view(content.kind == SlotKind::duress ? "duress" : "normal"))
          .bind_blob(3, hash);
      FIELDSEAL_TRY(st->run());
      auto mark = db->prepare("UPDATE key_slots SET state = 'pending_remove' WHERE slot = ?;");
      if (!mark) return fail(mark.error());
      for (std::size_t i : replace) {
        mark->reset();
        mark->bind(1, static_cast<std::int64_t>(i));
        FIELDSEAL_TRY(mark->run());
      }
      FIELDSEAL_TRY(tx->commit());
    }
    if (auto written = next.write_atomic(paths().keys); !written) {
      // The old file is intact; undo the pending record (the next open would too).
      (void)db->exec("DELETE FROM key_slots WHERE state = 'pending_add';"
                     "UPDATE key_slots SET state = 'active' WHERE state = 'pending_remove';");
      return fail(written.error());
    }
    slots = std::move(next);
    auto tx = db->begin();
    if (!tx) return fail(tx.error());
    FIELDSEAL_TRY(db->exec("DELETE FROM key_slots WHERE state = 'pending_remove';"
                           "UPDATE key_slots SET state = 'active', sealed_hash = NULL "
                           "WHERE state = 'pending_add';"));
    FIELDSEAL_TRY(tx->commit());
    *new_index = *free;
    return std::move(kek).value();
  }
};

Vault::Vault(std::unique_ptr<State> state) noexcept : state_(std::move(state)) {}
Vault::~Vault() { lock(); }
Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&& other) noexcept {
  if (this != &other) {
    lock();
    state_ = std::move(other.state_);
  }
  return *this;
}

bool Vault::exists(const fs::path& directory) { return file_exists(Paths(directory).keys); }

Result<Vault> Vault::create(const fs::path& directory, Role role, std::string_view name,
                            const SecretBuffer& passphrase, const Argon2idParams& params) {
  if (passphrase.empty()) return fail(Error::passphrase_empty);
  if (!params.validate().ok()) return fail(Error::invalid_argument);
  const Paths paths(directory);
  std::error_code ec;
  if (fs::exists(directory, ec)) {
    if (!fs::is_directory(directory, ec)) return fail(Error::invalid_argument);
    if (file_exists(paths.keys) || file_exists(paths.data)) return fail(Error::vault_exists);
    if (only_interrupted_create(directory)) FIELDSEAL_TRY(remove_interrupted_create(paths));
    if (!fs::is_empty(directory, ec) || ec) return fail(Error::invalid_argument);
  } else {
    if (directory.has_parent_path()) fs::create_directories(directory.parent_path(), ec);
    if (::mkdir(directory.c_str(), 0700) != 0) return fail(Error::io_failed);
  }
  auto created = create_in(directory, role, name, passphrase, params);
  if (!created && created.error() != Error::database_locked) {
    // Nothing of the user's is here yet: leave the directory as it was found.
    (void)remove_database_files(paths.data, false);
    (void)remove_interrupted_create(paths);
    (void)shred_file(paths.keys);
  }
  return created;
}

Result<Vault> Vault::create_in(const fs::path& directory, Role role, std::string_view name,
                               const SecretBuffer& passphrase, const Argon2idParams& params) {
  const Paths paths(directory);
  auto lock = DirectoryLock::acquire(directory);
  if (!lock) return fail(lock.error());

  auto state = std::make_unique<State>();
  state->directory = directory;
  state->lock = std::move(lock).value();
  state->params = params;
  state->role = role;
  state->name = std::string(name);
  state->age.emplace(crypto::X25519Identity::generate());
  state->signing.emplace(crypto::Ed25519KeyPair::generate());
  if (name.size() > kSlotNameMaxBytes || !valid_card_name(name, role, *state->age, *state->signing))
    return fail(Error::invalid_argument);
  state->master = SecretBuffer::random(kMasterKeyBytes);

  KeySlotFile slots = KeySlotFile::fresh(params);
  const std::size_t index = randombytes_uniform(static_cast<std::uint32_t>(kKeySlotCount));
  {
    SlotContent content{SlotKind::normal, role, state->name, state->master.clone()};
    auto kek = slots.seal(index, passphrase, params, content);
    if (!kek) return fail(kek.error());
  }
  // The database first, under the name a duress switch uses for the fresh
  // database, then the key-slot file, which is what makes the directory a
  // vault, then the rename. Killed before the slot file: only leftovers that
  // no key opens (create() clears them). Killed after it: open() finishes
  // the rename, as for an interrupted duress switch.
  {
    auto fresh = Database::open(paths.data_new, state->master, true);
    if (!fresh) return fail(fresh.error());
    FIELDSEAL_TRY(initialise_database(*fresh, role, name, *state->age, *state->signing, index));
    FIELDSEAL_TRY(fresh->checkpoint_truncate());
  }
  FIELDSEAL_TRY(slots.write_atomic(paths.keys));
  if (::rename(paths.data_new.c_str(), paths.data.c_str()) != 0) return fail(Error::io_failed);
  (void)remove_database_files(paths.data_new, false);  // an empty WAL or -shm, if any
  FIELDSEAL_TRY(sync_directory(directory));
  auto db = Database::open(paths.data, state->master, false);
  if (!db) return fail(db.error());
  state->db.emplace(std::move(db).value());
  state->slots.emplace(std::move(slots));
  state->slot_index = index;
  return Vault(std::move(state));
}

namespace {

// Whether `db` is a vault database (initialise_database has run on it).
bool holds_vault_meta(Database& db) {
  auto st = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta';");
  if (!st) return false;
  auto row = st->step();
  return row && *row && st->column_int64(0) == 1;
}

}  // namespace

Result<Vault> Vault::open(const fs::path& directory, const SecretBuffer& passphrase,
                          const Argon2idParams& params) {
  if (passphrase.empty()) return fail(Error::passphrase_empty);
  if (!params.validate().ok()) return fail(Error::invalid_argument);
  const Paths paths(directory);
  if (!file_exists(paths.keys)) return fail(Error::vault_not_found);
  auto lock = DirectoryLock::acquire(directory);
  if (!lock) return fail(lock.error());
  auto read = KeySlotFile::read(paths.keys);
  if (!read) return fail(read.error());
  KeySlotFile slots = std::move(read).value();
  {
    std::error_code ec;
    const auto size = fs::file_size(paths.data, ec);
    if ((ec || size == 0) && !file_exists(paths.data_new)) return fail(Error::database_damaged);
  }

  const std::uint32_t threshold = slots.wipe_after();
  if (threshold > 0) {
    slots.set_failed_unlocks(slots.failed_unlocks() + 1);
    FIELDSEAL_TRY(slots.write_atomic(paths.keys));
  }
  auto unlocked = slots.unlock(passphrase);
  if (!unlocked) return fail(unlocked.error());
  if (!*unlocked) {
    if (threshold > 0 && slots.failed_unlocks() >= threshold) {
      lock->release();
      (void)panic(directory);
      return fail(Error::vault_wiped);
    }
    return fail(Error::wrong_passphrase);
  }
  UnlockedSlot opened = std::move(**unlocked);

  auto state = std::make_unique<State>();
  state->directory = directory;
  state->lock = std::move(lock).value();
  state->params = params;

  if (opened.content.kind == SlotKind::duress) {
    // Build the fresh vault beside the old one, then make it the vault.
    state->role = opened.content.role;
    state->name = opened.content.name;
    state->master = SecretBuffer::random(kMasterKeyBytes);
    state->age.emplace(crypto::X25519Identity::generate());
    state->signing.emplace(crypto::Ed25519KeyPair::generate());
    FIELDSEAL_TRY(remove_database_files(paths.data_new, true));
    {
      auto fresh = Database::open(paths.data_new, state->master, true);
      if (!fresh) return fail(fresh.error());
      FIELDSEAL_TRY(initialise_database(*fresh, state->role, state->name, *state->age,
                                        *state->signing, opened.index));
    }
    const Argon2idParams slot_params = opened.params;
    KeySlotFile next = KeySlotFile::fresh(slot_params);
    next.set_wipe_after(threshold);
    SlotContent content{SlotKind::normal, state->role, state->name, state->master.clone()};
    std::array<std::uint8_t, kSlotSaltBytes> salt{};
    std::copy_n(slots.salt(opened.index).begin(), kSlotSaltBytes, salt.begin());
    FIELDSEAL_TRY(next.seal_with_kek(opened.index, opened.kek, salt, slot_params, content));
    FIELDSEAL_TRY(next.write_atomic(paths.keys));
    FIELDSEAL_TRY(remove_database_files(paths.data, true));
    if (::rename(paths.data_new.c_str(), paths.data.c_str()) != 0) return fail(Error::io_failed);
    FIELDSEAL_TRY(sync_directory(directory));
    auto db = Database::open(paths.data, state->master, false);
    if (!db) return fail(db.error());
    state->db.emplace(std::move(db).value());
    state->slots.emplace(std::move(next));
    state->slot_index = opened.index;
    return Vault(std::move(state));
  }

  state->master = std::move(opened.content.key);
  state->slot_index = opened.index;
  state->slots.emplace(std::move(slots));
  if (file_exists(paths.data_new)) {
    // A duress switch was cut short after the slot file named the new
    // database's key: finish moving it into place. Only a database that holds
    // a vault is that one: a switch killed while the new file was being set
    // up leaves a hot journal, whose rollback empties the file, and SQLCipher
    // opens an empty database with any key.
    auto pending = Database::open(paths.data_new, state->master, false);
    if (pending && holds_vault_meta(*pending)) {
      pending->close();
      FIELDSEAL_TRY(remove_database_files(paths.data, true));
      if (::rename(paths.data_new.c_str(), paths.data.c_str()) != 0) return fail(Error::io_failed);
      FIELDSEAL_TRY(sync_directory(directory));
    }
  }
  auto db = Database::open(paths.data, state->master, false);
  if (!db) return fail(db.error());
  state->db.emplace(std::move(db).value());
  FIELDSEAL_TRY(migrate(*state->db));
  FIELDSEAL_TRY(state->load_identity());
  // Whatever is left of an abandoned duress switch has no key anywhere.
  if (file_exists(paths.data_new)) FIELDSEAL_TRY(remove_database_files(paths.data_new, true));
  FIELDSEAL_TRY(state->reconcile_and_refresh(passphrase, opened.params));
  return Vault(std::move(state));
}

Result<void> Vault::panic(const fs::path& directory) {
  const Paths paths(directory);
  if (!file_exists(paths.keys) && !file_exists(paths.data)) return fail(Error::vault_not_found);
  // The slots first: once they are gone, nothing else matters.
  auto first = shred_file(paths.keys);
  auto second = shred_file(with_suffix(paths.keys, kNewSuffix));
  auto third = remove_database_files(paths.data, true);
  auto fourth = remove_database_files(paths.data_new, true);
  auto synced = sync_directory(directory);
  if (!first || !second || !third || !fourth || !synced) return fail(Error::io_failed);
  return {};
}

void Vault::lock() noexcept {
  if (!state_) return;
  if (state_->db) {
    state_->db->close();
    state_->db.reset();
  }
  state_->master.wipe();
  state_->age.reset();
  state_->signing.reset();
  state_->slots.reset();
  state_->lock.release();
}

bool Vault::is_open() const noexcept { return state_ && state_->db.has_value(); }

Result<void> Vault::panic_wipe() {
  const fs::path directory = state_->directory;
  lock();
  return panic(directory);
}

Result<void> Vault::change_passphrase(const SecretBuffer& new_passphrase) {
  if (new_passphrase.empty()) return fail(Error::passphrase_empty);
  SlotContent content{SlotKind::normal, state_->role, state_->name, state_->master.clone()};
  std::size_t index = 0;
  auto kek = state_->replace_slots(new_passphrase, content, {state_->slot_index}, &index);
  if (!kek) return fail(kek.error());
  state_->slot_index = index;
  return {};
}

Result<void> Vault::set_duress(const SecretBuffer& duress_passphrase) {
  if (duress_passphrase.empty()) return fail(Error::passphrase_empty);
  auto probe = state_->slots->unlock(duress_passphrase);
  if (!probe) return fail(probe.error());
  if (*probe && (*probe)->content.kind == SlotKind::normal) return fail(Error::invalid_argument);
  auto rows = slot_rows(*state_->db);
  if (!rows) return fail(rows.error());
  std::vector<std::size_t> old;
  for (const auto& r : *rows)
    if (r.kind == "duress") old.push_back(static_cast<std::size_t>(r.slot));
  SlotContent content{SlotKind::duress, state_->role, state_->name,
                      SecretBuffer::random(kMasterKeyBytes)};
  std::size_t index = 0;
  auto kek = state_->replace_slots(duress_passphrase, content, old, &index);
  if (!kek) return fail(kek.error());
  return {};
}

Result<void> Vault::clear_duress() {
  auto rows = slot_rows(*state_->db);
  if (!rows) return fail(rows.error());
  KeySlotFile next = *state_->slots;
  bool any = false;
  for (const auto& r : *rows) {
    if (r.kind != "duress") continue;
    next.randomize(static_cast<std::size_t>(r.slot), state_->params);
    any = true;
  }
  if (!any) return {};
  FIELDSEAL_TRY(next.write_atomic(state_->paths().keys));
  state_->slots = std::move(next);
  return state_->db->exec("DELETE FROM key_slots WHERE kind = 'duress';");
}

Result<bool> Vault::has_duress() {
  auto rows = slot_rows(*state_->db);
  if (!rows) return fail(rows.error());
  for (const auto& r : *rows)
    if (r.kind == "duress") return true;
  return false;
}

Result<void> Vault::set_config(std::string_view key, std::string_view value) {
  if (key == kConfigWipeAfter) {
    std::uint32_t n = 0;
    const char* end = value.data() + value.size();
    auto [ptr, ec] = std::from_chars(value.data(), end, n);
    if (value.empty() || ec != std::errc() || ptr != end || n > kWipeAfterMax ||
        (value.size() > 1 && value.front() == '0'))
      return fail(Error::invalid_argument);
    KeySlotFile next = *state_->slots;
    next.set_wipe_after(n);
    next.set_failed_unlocks(0);
    FIELDSEAL_TRY(next.write_atomic(state_->paths().keys));
    state_->slots = std::move(next);
    return {};
  }
  if (key == kConfigPurgeOnReceipt) {
    if (value != "on" && value != "off") return fail(Error::invalid_argument);
  } else {
    return fail(Error::invalid_argument);
  }
  auto st = state_->db->prepare("INSERT OR REPLACE INTO config(key, value) VALUES (?, ?);");
  if (!st) return fail(st.error());
  st->bind(1, key).bind(2, value);
  return st->run();
}

Result<std::string> Vault::config(std::string_view key) {
  if (key == kConfigWipeAfter) return std::to_string(state_->slots->wipe_after());
  if (key != kConfigPurgeOnReceipt) return fail(Error::invalid_argument);
  auto st = state_->db->prepare("SELECT value FROM config WHERE key = ?;");
  if (!st) return fail(st.error());
  st->bind(1, key);
  auto row = st->step();
  if (!row) return fail(row.error());
  if (!*row) return std::string("off");
  return st->column_text(0);
}

std::uint32_t Vault::wipe_after() const noexcept { return state_->slots->wipe_after(); }

Database& Vault::database() noexcept { return *state_->db; }
const crypto::Ed25519KeyPair& Vault::signing_key() const noexcept { return *state_->signing; }
const crypto::X25519Identity& Vault::age_identity() const noexcept { return *state_->age; }
Role Vault::role() const noexcept { return state_->role; }
const std::string& Vault::name() const noexcept { return state_->name; }
const fs::path& Vault::directory() const noexcept { return state_->directory; }

crypto::Card Vault::card() const {
  return crypto::Card{state_->name, state_->role, state_->age->recipient(),
                      state_->signing->public_key()};
}

Result<std::string> Vault::card_text() const {
  auto text = crypto::write_card(card(), *state_->signing);
  if (!text) return fail(Error::invalid_argument);
  return std::move(text).value();
}

std::string Vault::safety_number() const {
  return crypto::safety_number(state_->age->recipient(), state_->signing->public_key());
}

Result<SecretBuffer> Vault::export_secret() const {
  if (state_->role != Role::hq) return fail(Error::wrong_role);
  return state_->age->to_secret_string();
}

}  // namespace fieldseal::storage
