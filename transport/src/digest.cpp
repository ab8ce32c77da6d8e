#include "fieldseal/transport/digest.hpp"

#include <algorithm>

#include "fieldseal/crypto/encoding.hpp"

namespace fieldseal::transport {

Sha256Digest Sha256::finish() noexcept {
  Sha256Digest out{};
  state_.finish(out);
  return out;
}

Sha256Digest Sha256::of(std::span<const std::uint8_t> data) noexcept {
  Sha256Digest out{};
  crypto::sha256(data, out);
  return out;
}

std::string to_hex(std::span<const std::uint8_t> data) { return crypto::hex_encode(data); }

bool from_hex(std::string_view text, std::span<std::uint8_t> out) noexcept {
  // crypto::hex_decode accepts upper case; the formats here allow one spelling.
  if (text.size() != out.size() * 2) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  try {
    auto bytes = crypto::hex_decode(text);
    if (!bytes || bytes->size() != out.size()) return false;
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace fieldseal::transport
