#pragma once
// A vault: a directory holding two files with neutral names,
//   keys   the key-slot file (key_slots.hpp), 1960 bytes
//   data   the SQLCipher 4 database, keyed with the random 256-bit master key
// (plus data-wal / data-shm while open). The directory is flock'ed while a
// Vault is open, so a second process gets database_locked.
//
// Errors on open never change a file: wrong_passphrase, key_slots_damaged,
// database_damaged, schema_too_new, database_locked leave every byte as it
// was, with one exception when wipe-after is on: the failed-unlock counter in
// the key-slot file is raised before the passphrase is tried (so killing the
// process mid-KDF does not skip the count) and reset after a success.
//
// Passphrase change and duress set are crash-safe. The encrypted database
// records which slots are in use and any half-done change; the slot file is
// only ever replaced atomically. Order: (1) the database records the new slot
// as pending, (2) one atomic slot-file write puts the new slot in and the old
// one out, (3) the database marks the change done. Killed before (2): the old
// passphrase opens and the pending slot is scrubbed. Killed after (2): the new
// passphrase opens and the change is completed on that open.
//
// Duress: unlocking with the duress passphrase (a) builds a fresh database
// (same role and name, new master key and identity) beside the old one,
// (b) replaces the slot file by one whose only key is the duress slot, now
// re-sealed as a normal slot of the fresh vault (same salt and parameters, so
// no extra Argon2id run), every other slot random, (c) moves the fresh
// database over the old one. Killed between (b) and (c), the next open with
// that passphrase finishes (c). Unlock time: both paths run the same 8
// Argon2id derivations and one atomic slot-file write (a normal unlock
// refreshes the unused slots); the duress path adds the creation of an empty
// database (milliseconds, beside seconds of Argon2id at the default).
//
// Parameter upgrades: open() re-seals the slot it opened when its Argon2id
// parameters are weaker than the target, and gives every unused slot the
// target parameters. A slot that was not opened (a second passphrase, the
// duress slot) keeps its old parameters until it is opened, so right after
// an upgrade the file shows one or more slots with older parameters: that
// reveals that more than one slot is in use. Upgrades happen only when the
// default strength changes (a new fieldseal release), so this is rare.
//
// Panic: the key-slot file overwritten in place with random bytes and
// fsync'ed, then every vault file unlinked (the database only overwritten at
// its head: without the master key its pages are noise). Constant time in the
// database size. What this does and does not achieve on flash and journalling
// file systems, and against an adversary who copied the disk first, is in
// threat-model.md.
//
// Wipe-after-N: off by default; the threshold and counter live in the clear
// in the key-slot file's trailer (they must be read before any key exists;
// see key_slots.hpp for what that reveals). After the N-th consecutive failed
// unlock the vault is panic-wiped and open returns vault_wiped.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/key_slots.hpp"

namespace fieldseal::storage {

inline constexpr std::string_view kKeySlotFileName = "keys";
inline constexpr std::string_view kDatabaseFileName = "data";

// "field" / "hq".
[[nodiscard]] std::string_view role_name(Role role) noexcept;
// invalid_argument for anything but "field" or "hq".
[[nodiscard]] Result<Role> parse_role(std::string_view text);

// Config keys (set_config / config). Values are validated per key:
//   wipe-after        0..1000, 0 = off. Kept in the key-slot file, not the DB.
//   purge-on-receipt  "on" / "off" (default "off").
// Other keys: invalid_argument.
inline constexpr std::string_view kConfigWipeAfter = "wipe-after";
inline constexpr std::string_view kConfigPurgeOnReceipt = "purge-on-receipt";
inline constexpr std::uint32_t kWipeAfterMax = 1000;

class Vault {
 public:
  // Creates `directory` (mode 0700; an existing empty directory is fine) and
  // a vault in it. Crash-safe: the database is built as data.new, the
  // key-slot file written, then data.new renamed to data. Killed before the
  // slot file exists, the directory holds only data.new* / keys.new, which no
  // key opens: a later create() shreds them and goes ahead. Killed after, the
  // vault exists and open() finishes the rename. vault_exists if the
  // directory holds a key-slot file or a database named data;
  // invalid_argument if it holds anything else, or the name is not a valid
  // card name (1..128 bytes of UTF-8, no control characters);
  // passphrase_empty; kdf_failed; io_failed.
  [[nodiscard]] static Result<Vault> create(
      const std::filesystem::path& directory, Role role, std::string_view name,
      const crypto::SecretBuffer& passphrase,
      const crypto::Argon2idParams& params = crypto::Argon2idParams::moderate());

  // Opens with `passphrase`. `params` is the target strength: a slot weaker
  // than it is re-sealed with it on this unlock. vault_not_found,
  // wrong_passphrase, key_slots_damaged, database_damaged, database_locked,
  // schema_too_new, vault_wiped (wipe-after reached), kdf_failed.
  [[nodiscard]] static Result<Vault> open(
      const std::filesystem::path& directory, const crypto::SecretBuffer& passphrase,
      const crypto::Argon2idParams& params = crypto::Argon2idParams::moderate());

  // True if `directory` holds a key-slot file.
  [[nodiscard]] static bool exists(const std::filesystem::path& directory);

  // Destroys the vault in `directory` without a passphrase (see above). Works
  // while another process has it open. vault_not_found if there is nothing to
  // destroy.
  [[nodiscard]] static Result<void> panic(const std::filesystem::path& directory);

  ~Vault();
  Vault(Vault&&) noexcept;
  Vault& operator=(Vault&&) noexcept;
  Vault(const Vault&) = delete;
  Vault& operator=(const Vault&) = delete;

  // Wipes the keys from memory and closes the database (idempotent). Every
  // other member needs an open vault afterwards (contract violation if not,
  // except is_open, directory and panic).
  void lock() noexcept;
  [[nodiscard]] bool is_open() const noexcept;

  // Locks, then panic(directory()).
  [[nodiscard]] Result<void> panic_wipe();

  // Replaces the passphrase this vault was opened with (crash-safe, above).
  // passphrase_empty, kdf_failed, key_slots_full, io_failed.
  [[nodiscard]] Result<void> change_passphrase(const crypto::SecretBuffer& new_passphrase);
  // Adds (or replaces) the duress passphrase. invalid_argument if it opens a
  // normal slot of this vault; passphrase_empty, kdf_failed, key_slots_full.
  [[nodiscard]] Result<void> set_duress(const crypto::SecretBuffer& duress_passphrase);
  [[nodiscard]] Result<void> clear_duress();
  [[nodiscard]] Result<bool> has_duress();

  // See the config keys above. set_config validates; config returns the
  // stored value or the default.
  [[nodiscard]] Result<void> set_config(std::string_view key, std::string_view value);
  [[nodiscard]] Result<std::string> config(std::string_view key);
  [[nodiscard]] std::uint32_t wipe_after() const noexcept;

  [[nodiscard]] Database& database() noexcept;
  [[nodiscard]] const crypto::Ed25519KeyPair& signing_key() const noexcept;
  [[nodiscard]] const crypto::X25519Identity& age_identity() const noexcept;
  [[nodiscard]] Role role() const noexcept;
  [[nodiscard]] const std::string& name() const noexcept;
  [[nodiscard]] const std::filesystem::path& directory() const noexcept;

  // This vault's public card (name, role, age recipient, Ed25519 key).
  [[nodiscard]] crypto::Card card() const;
  // The signed card text (crypto::write_card).
  [[nodiscard]] Result<std::string> card_text() const;
  [[nodiscard]] std::string safety_number() const;
  // "AGE-SECRET-KEY-1…" in secret memory, for recovery with the standard age
  // tool. wrong_role for a field vault (a researcher's key never leaves).
  [[nodiscard]] Result<crypto::SecretBuffer> export_secret() const;

  struct State;  // defined in vault.cpp

 private:
  explicit Vault(std::unique_ptr<State> state) noexcept;
  [[nodiscard]] static Result<Vault> create_in(const std::filesystem::path& directory, Role role,
                                               std::string_view name,
                                               const crypto::SecretBuffer& passphrase,
                                               const crypto::Argon2idParams& params);
  std::unique_ptr<State> state_;
};

}  // namespace fieldseal::storage
