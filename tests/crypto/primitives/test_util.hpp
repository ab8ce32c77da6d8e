#pragma once
// Small helpers shared by the primitive tests.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/encoding.hpp"

namespace fieldseal::crypto::test {

inline std::vector<std::uint8_t> unhex(std::string_view text) {
  auto bytes = hex_decode(text);
  if (!bytes.ok()) throw std::invalid_argument("bad hex in test vector");
  return std::move(bytes).value();
}

inline std::string hex(std::span<const std::uint8_t> bytes) { return hex_encode(bytes); }

inline std::vector<std::uint8_t> bytes_of(std::string_view text) {
  return {text.begin(), text.end()};
}

}  // namespace fieldseal::crypto::test
