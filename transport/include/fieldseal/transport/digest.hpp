#pragma once
// SHA-256 digests (computed by fieldseal_crypto) for entry hashes, part
// hashes and fingerprints, and strict lowercase hex as manifests and receipts
// use it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fieldseal/crypto/hkdf.hpp"

namespace fieldseal::transport {

inline constexpr std::size_t kSha256Bytes = crypto::kSha256Bytes;
using Sha256Digest = std::array<std::uint8_t, kSha256Bytes>;

// Incremental SHA-256 returning a digest value.
class Sha256 {
 public:
  void update(std::span<const std::uint8_t> data) noexcept { state_.update(data); }
  [[nodiscard]] Sha256Digest finish() noexcept;
  [[nodiscard]] static Sha256Digest of(std::span<const std::uint8_t> data) noexcept;

 private:
  crypto::Sha256 state_;
};

// Lowercase hex.
[[nodiscard]] std::string to_hex(std::span<const std::uint8_t> data);
// Decodes exactly `out.size()` bytes of lowercase hex; false on any other input
// (upper case, wrong length, non-hex characters).
[[nodiscard]] bool from_hex(std::string_view text, std::span<std::uint8_t> out) noexcept;

}  // namespace fieldseal::transport
