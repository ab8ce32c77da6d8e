#pragma once
// Argon2id passphrase key derivation (libsodium crypto_pwhash, ALG_ARGON2ID13).
// Parameters are a value type: the vault stores them beside each key slot and
// validates them before use, so a hostile or damaged file can neither weaken
// the KDF below fieldseal's floor nor demand unbounded memory or time.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::crypto {

inline constexpr std::size_t kArgon2idSaltBytes = 16;  // crypto_pwhash_SALTBYTES

struct Argon2idParams {
  std::uint64_t memory_bytes = 0;
  std::uint32_t passes = 0;  // "t", the opslimit

  // libsodium's MODERATE: 256 MiB, t = 3.
  [[nodiscard]] static constexpr Argon2idParams moderate() noexcept {
    return {256ull << 20, 3};
  }
  // The weakest parameters fieldseal accepts: 64 MiB, t = 3.
  [[nodiscard]] static constexpr Argon2idParams floor() noexcept { return {64ull << 20, 3}; }
  // The most a stored slot may demand: 4 GiB, t = 16.
  [[nodiscard]] static constexpr Argon2idParams cap() noexcept { return {4ull << 30, 16}; }

  // kdf_parameters_below_floor / kdf_parameters_above_cap, or ok. Memory must
  // also be a whole number of KiB (invalid_argument otherwise: libsodium would
  // silently round it down).
  [[nodiscard]] Result<void> validate() const noexcept;
  // True when `this` is weaker than `target` in memory or passes (the vault
  // re-wraps a slot on unlock when so).
  [[nodiscard]] bool weaker_than(const Argon2idParams& target) const noexcept;

  friend bool operator==(const Argon2idParams&, const Argon2idParams&) = default;
};

// Derive `output_bytes` (16..64) from `passphrase` and a 16-byte salt. Validates
// `params` first. kdf_failed when the memory cannot be had; invalid_argument
// for a bad salt or output length.
[[nodiscard]] Result<SecretBuffer> argon2id_derive(const SecretBuffer& passphrase,
                                                   std::span<const std::uint8_t> salt,
                                                   const Argon2idParams& params,
                                                   std::size_t output_bytes = 32);

// Test-only escape hatch: derive with parameters below the floor (for fast
// unit tests of code above the KDF). Never used by the vault on user data.
// Still refuses what libsodium cannot honour exactly (memory under 8 KiB or
// not whole KiB, zero passes): invalid_argument.
[[nodiscard]] Result<SecretBuffer> argon2id_derive_unchecked(const SecretBuffer& passphrase,
                                                             std::span<const std::uint8_t> salt,
                                                             const Argon2idParams& params,
                                                             std::size_t output_bytes = 32);

}  // namespace fieldseal::crypto
