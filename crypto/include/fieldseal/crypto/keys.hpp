#pragma once
// Long-term keys: X25519 (age identities and recipients, in age's Bech32
// encodings) and Ed25519 (signatures on reports, manifests, custody logs,
// receipts and cards).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::crypto {

inline constexpr std::size_t kX25519Bytes = 32;
inline constexpr std::size_t kEd25519PublicKeyBytes = 32;
inline constexpr std::size_t kEd25519SeedBytes = 32;
inline constexpr std::size_t kEd25519SignatureBytes = 64;

inline constexpr std::string_view kAgeRecipientHrp = "age";
inline constexpr std::string_view kAgeIdentityHrp = "AGE-SECRET-KEY-";

// An age X25519 recipient: a public key, "age1…".
class X25519Recipient {
 public:
  [[nodiscard]] static Result<X25519Recipient> from_bytes(std::span<const std::uint8_t> bytes);
  // Parses "age1…" (lower case only, as age does). bech32_* or key_invalid.
  [[nodiscard]] static Result<X25519Recipient> parse(std::string_view text);
  [[nodiscard]] std::string to_string() const;  // "age1…"
  [[nodiscard]] const std::array<std::uint8_t, kX25519Bytes>& bytes() const noexcept { return key_; }
  friend bool operator==(const X25519Recipient&, const X25519Recipient&) = default;

 private:
  std::array<std::uint8_t, kX25519Bytes> key_{};
};

// An age X25519 identity: a secret scalar, "AGE-SECRET-KEY-1…".
class X25519Identity {
 public:
  [[nodiscard]] static X25519Identity generate();
  [[nodiscard]] static Result<X25519Identity> from_secret(SecretBuffer secret);  // 32 bytes
  // Parses "AGE-SECRET-KEY-1…" (upper case, as age writes it).
  [[nodiscard]] static Result<X25519Identity> parse(std::string_view text);
  // "AGE-SECRET-KEY-1…" in secret memory.
  [[nodiscard]] SecretBuffer to_secret_string() const;
  [[nodiscard]] const SecretBuffer& secret() const noexcept { return secret_; }
  [[nodiscard]] const X25519Recipient& recipient() const noexcept { return recipient_; }

 private:
  SecretBuffer secret_;
  X25519Recipient recipient_;
};

// X25519 scalar multiplication (crypto_scalarmult). key_invalid when the
// result is all zeros (low-order point), as age requires; invalid_argument
// when `scalar` is not 32 bytes.
[[nodiscard]] Result<SecretBuffer> x25519(const SecretBuffer& scalar,
                                          std::span<const std::uint8_t, kX25519Bytes> point);
// The public key of `scalar` (32 bytes, else abort: a contract violation).
[[nodiscard]] std::array<std::uint8_t, kX25519Bytes> x25519_base(const SecretBuffer& scalar);

class Ed25519PublicKey {
 public:
  // key_invalid for a wrong length, a non-canonical encoding or a point of
  // small order (crypto_core_ed25519_is_valid_point): no honest key is one.
  [[nodiscard]] static Result<Ed25519PublicKey> from_bytes(std::span<const std::uint8_t> bytes);
  [[nodiscard]] const std::array<std::uint8_t, kEd25519PublicKeyBytes>& bytes() const noexcept {
    return key_;
  }
  // signature_invalid unless `signature` is a valid Ed25519 signature of
  // `message` by this key.
  [[nodiscard]] Result<void> verify(std::span<const std::uint8_t> message,
                                    std::span<const std::uint8_t> signature) const;
  friend bool operator==(const Ed25519PublicKey&, const Ed25519PublicKey&) = default;

 private:
  std::array<std::uint8_t, kEd25519PublicKeyBytes> key_{};
};

using Ed25519Signature = std::array<std::uint8_t, kEd25519SignatureBytes>;

class Ed25519KeyPair {
 public:
  [[nodiscard]] static Ed25519KeyPair generate();
  // From the 32-byte seed (what the vault stores).
  [[nodiscard]] static Result<Ed25519KeyPair> from_seed(const SecretBuffer& seed);
  [[nodiscard]] SecretBuffer seed() const;
  [[nodiscard]] const Ed25519PublicKey& public_key() const noexcept { return public_; }
  [[nodiscard]] Ed25519Signature sign(std::span<const std::uint8_t> message) const;

 private:
  SecretBuffer secret_;  // libsodium's 64-byte secret key (seed || public)
  Ed25519PublicKey public_;
};

}  // namespace fieldseal::crypto
