// Argon2id: known answers and parameter validation.
#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "test_util.hpp"

using namespace fieldseal::crypto;
using fieldseal::crypto::test::hex;

namespace {

std::string derive_hex(std::string_view passphrase, const Argon2idParams& params) {
  const auto pw = SecretBuffer::from_text(passphrase);
  auto key = argon2id_derive_unchecked(pw, as_bytes("ABCDEFGHIJKLMNOP"), params, 32);
  REQUIRE(key.ok());
  auto r = key->read();
  return hex(r.span());
}

}  // namespace

TEST_CASE("Argon2id known answers (reference argon2 CLI, v1.3, p = 1)", "[kat][argon2id]") {
  // Vectors from iov-one/iov-core (packages/iov-crypto/src/libsodium.spec.ts),
  // made with: echo -n <pw> | argon2 ABCDEFGHIJKLMNOP -id -v 13 -k <KiB> -t <t>
  const Argon2idParams one_mib{1024 * 1024, 5};
  CHECK(derive_hex("123", one_mib) ==
        "3c5d010180ba0cf5b6b858cba23b318e42d33088983c404598599c3b029ecac6");
  CHECK(derive_hex("!'\xc2\xa7$%&/()", one_mib) ==
        "b0268bd63015c3d8f866f9be385507b466a9bfc75f271c2c1e97c00bf53224ba");
  CHECK(derive_hex("\xc3\xb6", one_mib) ==
        "b113fc7863dbc87b7d1366c3b468d3864a2473ce46e90ed3641fff87ada561f7");
  CHECK(derive_hex("\xf0\x9f\x98\x8e", one_mib) ==
        "dc92db2a69a5607a75472e1581ac0851292ed9a2606f1000f62fa2efc97964e0");
  CHECK(derive_hex("123", Argon2idParams{8 * 1024 * 1024, 2}) ==
        "3ee950488d26ce691657b1d753f562139857b61a58f234d6cb0ce84c4cc27328");
}

TEST_CASE("Argon2id parameters: floor, cap and KiB granularity", "[argon2id]") {
  CHECK(Argon2idParams::moderate().validate().ok());
  CHECK(Argon2idParams::floor().validate().ok());
  CHECK(Argon2idParams::cap().validate().ok());
  CHECK(Argon2idParams::moderate() == Argon2idParams{256ull << 20, 3});

  const auto below = [](Argon2idParams p) {
    auto r = p.validate();
    return !r.ok() && r.error() == Error::kdf_parameters_below_floor;
  };
  const auto above = [](Argon2idParams p) {
    auto r = p.validate();
    return !r.ok() && r.error() == Error::kdf_parameters_above_cap;
  };
  CHECK(below({(64ull << 20) - 1024, 3}));
  CHECK(below({64ull << 20, 2}));
  CHECK(below({0, 0}));
  CHECK(below({1ull << 20, 16}));
  CHECK(above({(4ull << 30) + 1024, 3}));
  CHECK(above({64ull << 20, 17}));
  CHECK(above({~0ull & ~1023ull, 3}));
  CHECK(above({64ull << 20, 0xffffffffu}));
  auto odd = Argon2idParams{(64ull << 20) + 1, 3}.validate();
  REQUIRE_FALSE(odd.ok());
  CHECK(odd.error() == Error::invalid_argument);

  CHECK(Argon2idParams::floor().weaker_than(Argon2idParams::moderate()));
  CHECK(Argon2idParams{256ull << 20, 2}.weaker_than(Argon2idParams::moderate()));
  CHECK_FALSE(Argon2idParams::moderate().weaker_than(Argon2idParams::moderate()));
  CHECK_FALSE(Argon2idParams::cap().weaker_than(Argon2idParams::moderate()));
}

TEST_CASE("Argon2id derive validates before running", "[argon2id]") {
  const auto pw = SecretBuffer::from_text("correct horse");
  const std::array<std::uint8_t, kArgon2idSaltBytes> salt{};
  CHECK(argon2id_derive(pw, salt, Argon2idParams{1 << 20, 3}).error() ==
        Error::kdf_parameters_below_floor);
  // Must fail fast on the cap, never try to allocate 1 TiB.
  CHECK(argon2id_derive(pw, salt, Argon2idParams{1ull << 40, 3}).error() ==
        Error::kdf_parameters_above_cap);

  const Argon2idParams tiny{1 << 20, 1};
  CHECK(argon2id_derive_unchecked(pw, std::span(salt).first(15), tiny).error() == Error::invalid_argument);
  CHECK(argon2id_derive_unchecked(pw, salt, tiny, 15).error() == Error::invalid_argument);
  CHECK(argon2id_derive_unchecked(pw, salt, tiny, 65).error() == Error::invalid_argument);
  CHECK(argon2id_derive_unchecked(pw, salt, Argon2idParams{(1 << 20) + 512, 1}).error() ==
        Error::invalid_argument);
  CHECK(argon2id_derive_unchecked(pw, salt, Argon2idParams{1 << 20, 0}).error() ==
        Error::invalid_argument);

  auto k16 = argon2id_derive_unchecked(pw, salt, tiny, 16);
  auto k64 = argon2id_derive_unchecked(pw, salt, tiny, 64);
  REQUIRE(k16.ok());
  REQUIRE(k64.ok());
  CHECK(k16->size() == 16);
  CHECK(k64->size() == 64);

  // Empty passphrases are allowed (Argon2 defines them) and differ from others.
  auto empty = argon2id_derive_unchecked(SecretBuffer(), salt, tiny);
  auto other = argon2id_derive_unchecked(pw, salt, tiny);
  REQUIRE(empty.ok());
  REQUIRE(other.ok());
  CHECK_FALSE(empty->equals(*other));
  // Another salt gives another key.
  std::array<std::uint8_t, kArgon2idSaltBytes> salt2{};
  salt2[0] = 1;
  auto salted = argon2id_derive_unchecked(pw, salt2, tiny);
  REQUIRE(salted.ok());
  CHECK_FALSE(salted->equals(*other));
}

TEST_CASE("Argon2id derive at the floor equals the unchecked path", "[argon2id]") {
  const auto pw = SecretBuffer::from_text("a long passphrase");
  std::array<std::uint8_t, kArgon2idSaltBytes> salt{};
  for (std::size_t i = 0; i < salt.size(); ++i) salt[i] = static_cast<std::uint8_t>(i);
  auto checked = argon2id_derive(pw, salt, Argon2idParams::floor());
  auto unchecked = argon2id_derive_unchecked(pw, salt, Argon2idParams::floor());
  REQUIRE(checked.ok());
  REQUIRE(unchecked.ok());
  CHECK(checked->equals(*unchecked));
}
