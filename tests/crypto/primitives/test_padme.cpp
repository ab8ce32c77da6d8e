// Padmé (Nikitin et al., PETS 2019): published values and the properties the
// paper proves.
#include <catch2/catch_test_macros.hpp>

#include <bit>
#include <cstdint>

#include "fieldseal/crypto/padme.hpp"

using fieldseal::crypto::padme_length;

TEST_CASE("Padmé: published values", "[padme]") {
  // dedis/purb purbs/padding_test.go (the paper authors' implementation):
  // 77 bytes + the 0x80 marker = 78 → 80; with 7 bytes of header, 85 → 88.
  static_assert(padme_length(78) == 80);
  static_assert(padme_length(85) == 88);
  // Worked by the paper's formula (E = floor(log2 L), S = floor(log2 E) + 1,
  // the low E - S bits rounded up): 9 → 10 (E=3, S=2), 1000 → 1024 (E=9,
  // S=4: multiple of 32), 1 MiB + 1 → 1 MiB + 32 KiB (E=20, S=5: multiple of
  // 2^15).
  CHECK(padme_length(9) == 10);
  CHECK(padme_length(1000) == 1024);
  CHECK(padme_length((1u << 20) + 1) == (1u << 20) + (1u << 15));
  // Small lengths are left alone; powers of two are fixed points.
  for (std::uint64_t l = 0; l <= 8; ++l) CHECK(padme_length(l) == l);
  for (unsigned e = 0; e < 63; ++e) CHECK(padme_length(std::uint64_t{1} << e) == (std::uint64_t{1} << e));
}

TEST_CASE("Padmé: properties", "[padme]") {
  auto check = [](std::uint64_t l) {
    const std::uint64_t p = padme_length(l);
    INFO("L = " << l << ", padded = " << p);
    REQUIRE(p >= l);
    // Overhead at most 12% (the paper's bound, exact in integers).
    REQUIRE((p - l) * 100 <= l * 12);
    if (l >= 2) {
      // Below the leading 1 bit, at most S = floor(log2 floor(log2 L)) + 1
      // significant bits (the paper's mantissa); so at most S + 1 in all.
      // (L = 3 shows the leading bit must be counted apart: E = 1, S = 1,
      // and 3 = 0b11 keeps both of its bits.)
      const unsigned e = static_cast<unsigned>(std::bit_width(l)) - 1;
      const unsigned s = std::bit_width(e);  // floor(log2 E) + 1
      const unsigned significant =
          static_cast<unsigned>(std::bit_width(p)) - static_cast<unsigned>(std::countr_zero(p));
      REQUIRE(significant <= s + 1);
    }
    // Padding a padded length changes nothing.
    REQUIRE(padme_length(p) == p);
  };
  for (std::uint64_t l = 0; l < 70000; ++l) check(l);
  for (std::uint64_t l = 1; l < (std::uint64_t{1} << 62); l = l * 3 + 7) {
    check(l);
    check(l - 1);
    check(l + 1);
  }
  // Monotone: a longer payload never pads to less.
  std::uint64_t previous = 0;
  for (std::uint64_t l = 0; l < 70000; ++l) {
    REQUIRE(padme_length(l) >= previous);
    previous = padme_length(l);
  }
}
