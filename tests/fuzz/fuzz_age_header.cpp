// Property: every header the parser accepts serializes back to exactly the
// bytes it was parsed from (age's canonical-encoding property).
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>

#include "fieldseal/crypto/age.hpp"

namespace age = fieldseal::crypto::age;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> input(data, size);
  auto parsed = age::parse_header(input);
  if (!parsed.ok()) return 0;
  if (parsed->header_bytes > size || parsed->mac_input_bytes >= parsed->header_bytes) std::abort();
  const auto again = age::serialize_header(parsed->header);
  if (again.size() != parsed->header_bytes || std::memcmp(again.data(), data, again.size()) != 0)
    std::abort();
  auto reparsed = age::parse_header(again);
  if (!reparsed.ok() || reparsed->header.stanzas != parsed->header.stanzas ||
      reparsed->header.mac != parsed->header.mac)
    std::abort();
  return 0;
}
