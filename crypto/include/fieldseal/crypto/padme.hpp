#pragma once
// Padmé padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted
// Files and Communication with PURBs", PETS 2019): the length a payload of
// `length` bytes is padded to, leaking O(log log L) bits of the size with at
// most 12% overhead.
#include <cstdint>

namespace fieldseal::crypto {

[[nodiscard]] constexpr std::uint64_t padme_length(std::uint64_t length) noexcept {
  if (length < 2) return length;
  unsigned e = 63u - static_cast<unsigned>(__builtin_clzll(length));  // floor(log2 L)
  unsigned s = 64u - static_cast<unsigned>(__builtin_clzll(e));       // floor(log2 E) + 1
  unsigned last_bits = e - s;
  std::uint64_t mask = (std::uint64_t{1} << last_bits) - 1;
  return (length + mask) & ~mask;
}

}  // namespace fieldseal::crypto
