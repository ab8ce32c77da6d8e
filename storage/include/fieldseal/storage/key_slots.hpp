#pragma once
// The key-slot file: how passphrases open a vault's 256-bit master key.
//
// Layout (kKeySlotFileBytes = 1960 bytes, always, whatever is in use):
//
//   8 × slot (kSlotBytes = 240 each):
//     [0, 16)    Argon2id salt (random)
//     [16, 20)   Argon2id memory in KiB, u32 little-endian
//     [20, 24)   Argon2id passes (t), u32 little-endian
//     [24, 48)   XChaCha20-Poly1305 nonce (random)
//     [48, 240)  crypto_aead_xchacha20poly1305_ietf ciphertext of the
//                176-byte payload + 16-byte tag, under
//                key = Argon2id(passphrase, salt, memory, passes) (32 bytes),
//                additional data = "fieldseal key slot v1" || bytes [0, 24)
//   trailer:
//     [1920, 1924) failed unlocks since the last success, u32 LE
//     [1924, 1928) wipe after this many failed unlocks, u32 LE (0 = off)
//     [1928, 1960) BLAKE2b-256 of bytes [0, 1928) (crypto_generichash, keyed
//                  with the public label "fieldseal key-slot file v1")
//
//   payload (secret, 176 bytes):
//     [0]        kind: 1 normal, 2 duress
//     [1]        role: 1 field, 2 hq
//     [2]        name length (1..128)
//     [3, 16)    zero
//     [16, 48)   key: the master key (normal) or random bytes (duress: a
//                duress slot never holds the real master key, so a copy of the
//                disk opened with the duress passphrase yields nothing)
//     [48, 176)  the vault's name, zero-padded (a duress unlock recreates a
//                vault with the same role and name without seeing the data)
//
// An unused slot is random bytes with the same salt/nonce sizes and the same,
// plausible Argon2id parameters as a new slot would get, so nothing in the
// file says how many slots hold keys or whether one of them is a duress slot.
// The trailer's checksum is unkeyed in substance (its key is public): it lets
// a bit flip, truncation or shuffled slots be reported as key_slots_damaged
// instead of as a wrong passphrase, and reveals only that the file is a
// fieldseal key-slot file, which its size already says. Which slots are used
// is recorded inside the encrypted database, never here.
//
// The failed-unlock counter and the wipe-after threshold are necessarily in
// the clear: they must be read before any key exists. Anyone who reads the
// file learns whether wipe-after is on, its N and the failures since the last
// success; anyone who copies the file first can guess offline without limit
// (the counter only stops guessing through fieldseal on this disk).
//
// Unlock time: unlock() always derives a key for every slot (8 Argon2id runs)
// and tries every slot, so the time does not depend on which slot (if any)
// matched. Derivations run on 2 threads (peak memory 2 × the slot memory, 512
// MiB at the default); slots with an identical salt and parameters are derived
// once (only a damaged or hand-made file has such slots; fieldseal gives every
// slot a fresh salt). At the default (256 MiB, t = 3) an unlock takes about
// 4 × one derivation.
//
// Every write (write_atomic) goes to a new file in the same directory, is
// fsync'ed, renamed over the old one, and the directory is fsync'ed; then the
// old file's blocks are overwritten with random bytes through a descriptor
// kept open across the rename (best effort: a journalling, copy-on-write or
// flash device may keep old copies elsewhere; see threat-model.md).
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/error.hpp"

namespace fieldseal::storage {

// A vault's role is the role on its card.
using Role = crypto::CardRole;

inline constexpr std::size_t kKeySlotCount = 8;
inline constexpr std::size_t kMasterKeyBytes = 32;
inline constexpr std::size_t kSlotSaltBytes = crypto::kArgon2idSaltBytes;  // 16
inline constexpr std::size_t kSlotParamsBytes = 8;
inline constexpr std::size_t kSlotNonceBytes = 24;
inline constexpr std::size_t kSlotPayloadBytes = 176;
inline constexpr std::size_t kSlotTagBytes = 16;
inline constexpr std::size_t kSlotNameMaxBytes = 128;
inline constexpr std::size_t kSlotBytes =
    kSlotSaltBytes + kSlotParamsBytes + kSlotNonceBytes + kSlotPayloadBytes + kSlotTagBytes;
inline constexpr std::size_t kSlotTrailerBytes = 8;
inline constexpr std::size_t kSlotChecksumBytes = 32;
inline constexpr std::size_t kKeySlotFileBytes =
    kKeySlotCount * kSlotBytes + kSlotTrailerBytes + kSlotChecksumBytes;
static_assert(kSlotBytes == 240 && kKeySlotFileBytes == 1960);

enum class SlotKind : std::uint8_t { normal = 1, duress = 2 };

// What a slot holds once opened.
struct SlotContent {
  SlotKind kind = SlotKind::normal;
  Role role = Role::field;
  std::string name;          // 1..kSlotNameMaxBytes bytes
  crypto::SecretBuffer key;  // kMasterKeyBytes
};

// A slot that opened: its index, content, and the Argon2id output that opened
// it (so the slot can be re-sealed under a fresh nonce without a new KDF run).
struct UnlockedSlot {
  std::size_t index = 0;
  SlotContent content;
  crypto::SecretBuffer kek;
  crypto::Argon2idParams params;
};

class KeySlotFile {
 public:
  // Every slot a filler with `filler_params`; counters zero.
  [[nodiscard]] static KeySlotFile fresh(const crypto::Argon2idParams& filler_params);
  // vault_not_found if the file does not exist; key_slots_damaged if it is
  // not exactly kKeySlotFileBytes, its checksum fails, or any slot's
  // parameters are outside [floor, cap]; io_failed on a read error.
  [[nodiscard]] static Result<KeySlotFile> read(const std::filesystem::path& file);
  [[nodiscard]] static Result<KeySlotFile> parse(std::span<const std::uint8_t> bytes);
  [[nodiscard]] std::array<std::uint8_t, kKeySlotFileBytes> serialize() const;
  // Atomic replace of `file` (see above). io_failed.
  [[nodiscard]] Result<void> write_atomic(const std::filesystem::path& file) const;

  // Tries every slot (see "Unlock time"). nullopt: no slot opened. When a
  // normal and a duress slot both open, the normal one wins. kdf_failed when
  // a derivation could not run; passphrase_empty for an empty passphrase.
  [[nodiscard]] Result<std::optional<UnlockedSlot>> unlock(
      const crypto::SecretBuffer& passphrase) const;

  // Seals `content` into slot `index` under a new salt and `params`: runs
  // Argon2id once. Returns the derived key. invalid_argument (bad content or
  // index), kdf_failed, passphrase_empty.
  [[nodiscard]] Result<crypto::SecretBuffer> seal(std::size_t index,
                                                  const crypto::SecretBuffer& passphrase,
                                                  const crypto::Argon2idParams& params,
                                                  const SlotContent& content);
  // Re-seals into slot `index` with an already derived key, keeping `salt` and
  // `params` (the ones that key was derived with); fresh nonce.
  [[nodiscard]] Result<void> seal_with_kek(std::size_t index, const crypto::SecretBuffer& kek,
                                           std::span<const std::uint8_t> salt,
                                           const crypto::Argon2idParams& params,
                                           const SlotContent& content);
  // Makes slot `index` a filler: random bytes with `filler_params`.
  void randomize(std::size_t index, const crypto::Argon2idParams& filler_params);

  [[nodiscard]] crypto::Argon2idParams params(std::size_t index) const;
  [[nodiscard]] std::span<const std::uint8_t> salt(std::size_t index) const;

  [[nodiscard]] std::uint32_t failed_unlocks() const noexcept { return failed_unlocks_; }
  void set_failed_unlocks(std::uint32_t n) noexcept { failed_unlocks_ = n; }
  [[nodiscard]] std::uint32_t wipe_after() const noexcept { return wipe_after_; }
  void set_wipe_after(std::uint32_t n) noexcept { wipe_after_ = n; }

 private:
  KeySlotFile() = default;
  std::array<std::array<std::uint8_t, kSlotBytes>, kKeySlotCount> slots_{};
  std::uint32_t failed_unlocks_ = 0;
  std::uint32_t wipe_after_ = 0;
};

// Overwrites the first `overwrite_limit` bytes of `file` (all of it by
// default) in place with random bytes, fsyncs it and unlinks it; a missing
// file is fine. The building block of panic wipes: the key-slot file is
// overwritten whole, a database only at its head (crypto-shredding makes the
// rest unreadable, and overwriting gigabytes would take far more than 1 s).
[[nodiscard]] Result<void> shred_file(const std::filesystem::path& file,
                                      std::uint64_t overwrite_limit = UINT64_MAX);

// fsync of a directory (after creating, renaming or unlinking in it).
[[nodiscard]] Result<void> sync_directory(const std::filesystem::path& directory);

}  // namespace fieldseal::storage
