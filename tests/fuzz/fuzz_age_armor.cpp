// Armor decode of arbitrary input; for every accepted input, encoding the
// decoded bytes and decoding again gives the same bytes.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "fieldseal/crypto/age.hpp"

namespace age = fieldseal::crypto::age;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto decoded = age::armor_decode(std::span<const std::uint8_t>(data, size));
  if (!decoded.ok()) return 0;
  const std::string text = age::armor_encode(*decoded);
  auto again = age::armor_decode(
      std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
  if (!again.ok() || *again != *decoded) std::abort();
  return 0;
}
