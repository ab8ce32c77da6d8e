#pragma once
// HKDF-SHA256 (RFC 5869) built on libsodium's HMAC-SHA256 (libsodium 1.0.18
// has no HKDF). Used by age v1 exactly as the C2SP spec says.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::crypto {

inline constexpr std::size_t kSha256Bytes = 32;

// HMAC-SHA256 with a key of any length.
void hmac_sha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message,
                 std::span<std::uint8_t, kSha256Bytes> out) noexcept;

// HKDF-Extract then HKDF-Expand. An empty salt means HashLen zero bytes, as the
// RFC says. 1 ≤ `length` ≤ 255 × 32, else invalid_argument.
[[nodiscard]] Result<SecretBuffer> hkdf_sha256(std::span<const std::uint8_t> ikm,
                                               std::span<const std::uint8_t> salt,
                                               std::span<const std::uint8_t> info,
                                               std::size_t length);

// Convenience for ASCII info labels such as "age-encryption.org/v1/X25519".
[[nodiscard]] inline std::span<const std::uint8_t> as_bytes(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// SHA-256 of a byte range (one shot); for streams use Sha256 below.
void sha256(std::span<const std::uint8_t> data, std::span<std::uint8_t, kSha256Bytes> out) noexcept;

class Sha256 {
 public:
  Sha256() noexcept;
  void update(std::span<const std::uint8_t> data) noexcept;
  void finish(std::span<std::uint8_t, kSha256Bytes> out) noexcept;

 private:
  alignas(64) unsigned char state_[128];  // crypto_hash_sha256_state is 104 bytes
};

}  // namespace fieldseal::crypto
