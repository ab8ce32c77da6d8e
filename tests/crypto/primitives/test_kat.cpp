// Known-answer tests: SHA-256 (FIPS 180-2), HMAC-SHA256 (RFC 4231),
// HKDF-SHA256 (RFC 5869), X25519 (RFC 7748), Ed25519 (RFC 8032).
#include <catch2/catch_test_macros.hpp>

#include <array>
#include <stdexcept>

#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "test_util.hpp"

using namespace fieldseal::crypto;
using fieldseal::crypto::test::bytes_of;
using fieldseal::crypto::test::hex;
using fieldseal::crypto::test::unhex;

namespace {

std::string hmac_hex(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data) {
  std::array<std::uint8_t, kSha256Bytes> out{};
  hmac_sha256(key, data, out);
  return hex(out);
}

std::string hkdf_hex(std::span<const std::uint8_t> ikm, std::span<const std::uint8_t> salt,
                     std::span<const std::uint8_t> info, std::size_t length) {
  auto okm = hkdf_sha256(ikm, salt, info, length);
  REQUIRE(okm.ok());
  REQUIRE(okm->size() == length);
  auto r = okm->read();
  return hex(r.span());
}

std::vector<std::uint8_t> range(unsigned first, unsigned last) {
  std::vector<std::uint8_t> out;
  for (unsigned v = first; v <= last; ++v) out.push_back(static_cast<std::uint8_t>(v));
  return out;
}

}  // namespace

TEST_CASE("SHA-256 FIPS 180-2 vectors, one-shot and streaming", "[kat][sha256]") {
  std::array<std::uint8_t, kSha256Bytes> out{};
  sha256(as_bytes(""), out);
  CHECK(hex(out) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  sha256(as_bytes("abc"), out);
  CHECK(hex(out) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  const std::string_view two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  sha256(as_bytes(two_blocks), out);
  const std::string expected = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
  CHECK(hex(out) == expected);
  for (std::size_t split = 0; split <= two_blocks.size(); split += 7) {
    Sha256 h;
    h.update(as_bytes(two_blocks.substr(0, split)));
    h.update(as_bytes(two_blocks.substr(split)));
    h.finish(out);
    CHECK(hex(out) == expected);
  }
}

TEST_CASE("HMAC-SHA256 RFC 4231 test cases 1-7", "[kat][hmac]") {
  // 1
  CHECK(hmac_hex(std::vector<std::uint8_t>(20, 0x0b), bytes_of("Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // 2: key shorter than the output
  CHECK(hmac_hex(bytes_of("Jefe"), bytes_of("what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // 3
  CHECK(hmac_hex(std::vector<std::uint8_t>(20, 0xaa), std::vector<std::uint8_t>(50, 0xdd)) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  // 4
  CHECK(hmac_hex(range(0x01, 0x19), std::vector<std::uint8_t>(50, 0xcd)) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // 5: truncated to 128 bits
  CHECK(hmac_hex(std::vector<std::uint8_t>(20, 0x0c), bytes_of("Test With Truncation"))
            .substr(0, 32) == "a3b6167473100ee06e0c796c2955552b");
  // 6 and 7: keys longer than the 64-byte block
  const std::vector<std::uint8_t> long_key(131, 0xaa);
  CHECK(hmac_hex(long_key, bytes_of("Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  CHECK(hmac_hex(long_key,
                 bytes_of("This is a test using a larger than block-size key and a larger than "
                          "block-size data. The key needs to be hashed before being used by the "
                          "HMAC algorithm.")) ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("HKDF-SHA256 RFC 5869 test cases 1-3", "[kat][hkdf]") {
  SECTION("case 1: basic") {
    CHECK(hkdf_hex(std::vector<std::uint8_t>(22, 0x0b), range(0x00, 0x0c), range(0xf0, 0xf9), 42) ==
          "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
          "34007208d5b887185865");
  }
  SECTION("case 2: longer inputs and outputs") {
    CHECK(hkdf_hex(range(0x00, 0x4f), range(0x60, 0xaf), range(0xb0, 0xff), 82) ==
          "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
          "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
          "cc30c58179ec3e87c14c01d5c1f3434f1d87");
  }
  SECTION("case 3: zero-length salt and info") {
    CHECK(hkdf_hex(std::vector<std::uint8_t>(22, 0x0b), {}, {}, 42) ==
          "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
          "9d201395faa4b61a96c8");
    // An empty salt means 32 zero bytes.
    CHECK(hkdf_hex(std::vector<std::uint8_t>(22, 0x0b), std::vector<std::uint8_t>(32, 0), {}, 42) ==
          hkdf_hex(std::vector<std::uint8_t>(22, 0x0b), {}, {}, 42));
  }
  SECTION("a shorter output is a prefix of a longer one") {
    const auto long_okm = hkdf_hex(range(0, 9), range(10, 19), bytes_of("label"), 100);
    CHECK(hkdf_hex(range(0, 9), range(10, 19), bytes_of("label"), 33) == long_okm.substr(0, 66));
  }
  SECTION("length limits") {
    const std::vector<std::uint8_t> ikm(32, 1);
    CHECK(hkdf_sha256(ikm, {}, {}, 255 * 32).ok());
    auto too_long = hkdf_sha256(ikm, {}, {}, 255 * 32 + 1);
    REQUIRE_FALSE(too_long.ok());
    CHECK(too_long.error() == Error::invalid_argument);
    auto empty = hkdf_sha256(ikm, {}, {}, 0);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error() == Error::invalid_argument);
  }
}

TEST_CASE("X25519 RFC 7748 vectors", "[kat][x25519]") {
  SECTION("section 5.2 single scalar multiplication") {
    const auto scalar = SecretBuffer::from_bytes(
        unhex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"));
    const auto u = unhex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c");
    auto out = x25519(scalar, std::span<const std::uint8_t, 32>(u.data(), 32));
    REQUIRE(out.ok());
    auto r = out->read();
    CHECK(hex(r.span()) == "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
  }
  SECTION("section 5.2 iterated: 1 and 1000 iterations") {
    std::array<std::uint8_t, 32> k{};
    k[0] = 9;
    std::array<std::uint8_t, 32> u = k;
    for (int i = 1; i <= 1000; ++i) {
      const auto scalar = SecretBuffer::from_bytes(k);
      auto out = x25519(scalar, u);
      REQUIRE(out.ok());
      u = k;
      auto r = out->read();
      std::copy(r.data(), r.data() + 32, k.begin());
      if (i == 1) {
        CHECK(hex(k) == "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
      }
    }
    CHECK(hex(k) == "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
  }
  SECTION("section 6.1 Diffie-Hellman") {
    const auto alice = SecretBuffer::from_bytes(
        unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    const auto bob = SecretBuffer::from_bytes(
        unhex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    const auto alice_pub = x25519_base(alice);
    const auto bob_pub = x25519_base(bob);
    CHECK(hex(alice_pub) == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    CHECK(hex(bob_pub) == "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    auto k1 = x25519(alice, bob_pub);
    auto k2 = x25519(bob, alice_pub);
    REQUIRE(k1.ok());
    REQUIRE(k2.ok());
    CHECK(k1->equals(*k2));
    auto r = k1->read();
    CHECK(hex(r.span()) == "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  }
  SECTION("low-order points give key_invalid, as age requires") {
    const auto scalar = SecretBuffer::random(32);
    for (const char* point : {"0000000000000000000000000000000000000000000000000000000000000000",
                              "0100000000000000000000000000000000000000000000000000000000000000",
                              "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                              "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"}) {
      const auto u = unhex(point);
      auto out = x25519(scalar, std::span<const std::uint8_t, 32>(u.data(), 32));
      REQUIRE_FALSE(out.ok());
      CHECK(out.error() == Error::key_invalid);
    }
  }
  SECTION("a scalar of the wrong size is refused") {
    const auto scalar = SecretBuffer::random(31);
    std::array<std::uint8_t, 32> u{};
    u[0] = 9;
    auto out = x25519(scalar, u);
    REQUIRE_FALSE(out.ok());
    CHECK(out.error() == Error::invalid_argument);
  }
}

namespace {

struct Ed25519Vector {
  const char* seed;
  const char* public_key;
  const char* message;
  const char* signature;
};

// RFC 8032 section 7.1, TEST 1, TEST 2, TEST 3.
constexpr std::array<Ed25519Vector, 3> kRfc8032 = {{
    {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
     "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
    {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
     "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
    {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
     "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
}};

}  // namespace

TEST_CASE("Ed25519 RFC 8032 tests 1-3", "[kat][ed25519]") {
  for (const auto& v : kRfc8032) {
    const auto seed = SecretBuffer::from_bytes(unhex(v.seed));
    auto pair = Ed25519KeyPair::from_seed(seed);
    REQUIRE(pair.ok());
    CHECK(hex(pair->public_key().bytes()) == v.public_key);
    const auto message = unhex(v.message);
    const auto signature = pair->sign(message);
    CHECK(hex(signature) == v.signature);
    CHECK(pair->public_key().verify(message, signature).ok());

    // The stored seed gives back the same key pair.
    const auto seed_again = pair->seed();
    CHECK(seed_again.equals(seed));

    // Verification by a key parsed from bytes.
    auto public_key = Ed25519PublicKey::from_bytes(unhex(v.public_key));
    REQUIRE(public_key.ok());
    CHECK(public_key->verify(message, signature).ok());

    // Any flipped bit of the signature or message is rejected.
    for (std::size_t bit = 0; bit < signature.size() * 8; bit += 13) {
      auto bad = signature;
      bad[bit / 8] = static_cast<std::uint8_t>(bad[bit / 8] ^ (1u << (bit % 8)));
      auto r = public_key->verify(message, bad);
      REQUIRE_FALSE(r.ok());
      CHECK(r.error() == Error::signature_invalid);
    }
    auto longer = message;
    longer.push_back(0);
    CHECK_FALSE(public_key->verify(longer, signature).ok());
    CHECK_FALSE(public_key->verify(message, std::span(signature).first(63)).ok());
  }
}

TEST_CASE("Ed25519 key validation", "[ed25519]") {
  CHECK(Ed25519PublicKey::from_bytes(std::vector<std::uint8_t>(31, 1)).error() == Error::key_invalid);
  // The identity point (small order) is never an honest key.
  auto identity = unhex("0100000000000000000000000000000000000000000000000000000000000000");
  CHECK(Ed25519PublicKey::from_bytes(identity).error() == Error::key_invalid);
  CHECK(Ed25519KeyPair::from_seed(SecretBuffer::random(31)).error() == Error::key_invalid);

  const auto a = Ed25519KeyPair::generate();
  const auto b = Ed25519KeyPair::generate();
  CHECK_FALSE(a.public_key() == b.public_key());
  const auto sig = a.sign(as_bytes("report"));
  CHECK(a.public_key().verify(as_bytes("report"), sig).ok());
  CHECK_FALSE(b.public_key().verify(as_bytes("report"), sig).ok());
}
