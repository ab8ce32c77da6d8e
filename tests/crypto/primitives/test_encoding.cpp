// Bech32 (BIP 173 as age uses it), base64 (RFC 4648) and hex.
#include <catch2/catch_test_macros.hpp>

#include <array>
#include <stdexcept>
#include <string>

#include "fieldseal/crypto/encoding.hpp"
#include "test_util.hpp"

using namespace fieldseal::crypto;
using fieldseal::crypto::test::bytes_of;
using fieldseal::crypto::test::unhex;

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// An independent BIP 173 checksum (the reference algorithm from the BIP),
// used only to build strings whose checksum is right but whose data part
// is not canonical.
std::uint32_t ref_polymod(const std::vector<std::uint8_t>& values) {
  const std::array<std::uint32_t, 5> gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd,
                                            0x2a1462b3};
  std::uint32_t chk = 1;
  for (auto v : values) {
    const std::uint32_t b = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (std::size_t i = 0; i < 5; ++i) chk ^= ((b >> i) & 1) ? gen[i] : 0;
  }
  return chk;
}

std::string ref_encode_values(std::string_view hrp, const std::vector<std::uint8_t>& data) {
  const std::string_view charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  std::vector<std::uint8_t> values;
  for (char c : hrp) values.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) >> 5));
  values.push_back(0);
  for (char c : hrp) values.push_back(static_cast<std::uint8_t>(static_cast<unsigned char>(c) & 31));
  values.insert(values.end(), data.begin(), data.end());
  for (int i = 0; i < 6; ++i) values.push_back(0);
  const std::uint32_t mod = ref_polymod(values) ^ 1;
  std::string out(hrp);
  out.push_back('1');
  for (auto v : data) out.push_back(charset[v]);
  for (int i = 0; i < 6; ++i) out.push_back(charset[(mod >> (5 * (5 - i))) & 31]);
  return out;
}

}  // namespace

TEST_CASE("Bech32: BIP 173 valid strings decode and re-encode", "[bech32]") {
  const std::array<std::string_view, 7> valid = {
      "A12UEL5L",
      "a12uel5l",
      "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
      "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
      "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
      "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
      "?1ezyfcl",
  };
  for (auto text : valid) {
    INFO(text);
    const auto hrp = text.substr(0, text.rfind('1'));
    auto decoded = bech32_decode(hrp, text);
    REQUIRE(decoded.ok());
    const bool upper = text.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos;
    CHECK(bech32_encode(hrp, *decoded, upper) == text);
    // The human-readable part is compared case-insensitively.
    CHECK(bech32_decode(lower_ascii(hrp), text).ok());
  }
}

TEST_CASE("Bech32: BIP 173 invalid strings are rejected", "[bech32]") {
  struct Case {
    std::string text;
    std::string hrp;
  };
  const std::array<Case, 13> invalid = {{
      {std::string("\x20") + "1nwldj5", " "},             // HRP character out of range
      {std::string("\x7f") + "1axkwrx", "\x7f"},          // HRP character out of range
      {std::string("\x80") + "1eym55h", "\x80"},          // HRP character out of range
      {"pzry9x0s0muk", "pzry9x0s0muk"},                  // no separator
      {"1pzry9x0s0muk", ""},                             // empty HRP
      {"x1b4n0q5v", "x"},                                // invalid data character
      {"li1dgmt3", "li"},                                // too short checksum
      {std::string("de1lg7wt") + "\xff", "de"},           // invalid character in checksum
      {"A1G7SGD8", "A"},                                 // checksum over the upper-case HRP
      {"10a06t8", ""},                                   // empty HRP
      {"1qzzfhee", ""},                                  // empty HRP
      {"a12UEL5L", "a"},                                 // mixed case
      {"abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx", "abcdef"},  // checksum changed
  }};
  for (const auto& c : invalid) {
    INFO(c.text);
    auto decoded = bech32_decode(c.hrp, c.text);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error() == Error::bech32_invalid);
    auto secret = bech32_decode_secret(c.hrp, c.text);
    REQUIRE_FALSE(secret.ok());
    CHECK(secret.error() == Error::bech32_invalid);
  }
}

TEST_CASE("Bech32: no 90-character limit (age), strict padding", "[bech32]") {
  // BIP 173 rejects this only for its length (91 characters); age lifts the
  // limit, so it must decode.
  const std::string_view long_string =
      "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx";
  CHECK(bech32_decode(long_string.substr(0, long_string.rfind('1')), long_string).ok());

  const std::vector<std::uint8_t> payload(200, 0x5a);
  const auto encoded = bech32_encode("test", payload);
  CHECK(encoded.size() > 90);
  auto back = bech32_decode("test", encoded);
  REQUIRE(back.ok());
  CHECK(*back == payload);

  // One byte = 8 bits = two values (10 bits), the last two padding bits zero.
  CHECK(bech32_decode("test", ref_encode_values("test", {0x1f, 0x1c})).ok());
  // Same length, non-zero padding bits: not canonical.
  CHECK(bech32_decode("test", ref_encode_values("test", {0x1f, 0x1d})).error() ==
        Error::bech32_invalid);
  // Three values = 15 bits: a whole value (5 bits or more) of padding.
  CHECK(bech32_decode("test", ref_encode_values("test", {0x1f, 0x1c, 0x00})).error() ==
        Error::bech32_invalid);
}

TEST_CASE("Bech32: wrong prefix is named", "[bech32]") {
  const auto encoded = bech32_encode("age", std::vector<std::uint8_t>(32, 7));
  CHECK(bech32_decode("age", encoded).ok());
  CHECK(bech32_decode("agf", encoded).error() == Error::bech32_wrong_prefix);
  CHECK(bech32_decode("ag", encoded).error() == Error::bech32_wrong_prefix);
  CHECK(bech32_decode_secret("AGE-SECRET-KEY-", encoded).error() == Error::bech32_wrong_prefix);
}

TEST_CASE("Bech32: secret variants agree with the plain ones", "[bech32]") {
  const auto data = SecretBuffer::random(32);
  const auto text = bech32_encode_secret("AGE-SECRET-KEY-", data, true);
  std::string plain;
  {
    auto r = data.read();
    plain = bech32_encode("AGE-SECRET-KEY-", r.span(), true);
  }
  {
    auto t = text.read();
    CHECK(t.text() == plain);
    CHECK(t.text().starts_with("AGE-SECRET-KEY-1"));
    auto back = bech32_decode_secret("AGE-SECRET-KEY-", t.text());
    REQUIRE(back.ok());
    CHECK(back->equals(data));
  }
  CHECK(bech32_encode("AGE-SECRET-KEY-", unhex("00"), false).starts_with("age-secret-key-1"));
}

TEST_CASE("base64: RFC 4648 section 10 vectors, padded and unpadded", "[base64]") {
  const std::array<std::pair<std::string_view, std::string_view>, 7> vectors = {{
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  }};
  for (auto [plain, padded] : vectors) {
    INFO(plain);
    const auto data = bytes_of(plain);
    std::string unpadded(padded.substr(0, padded.find('=')));
    CHECK(base64_encode(data, true) == padded);
    CHECK(base64_encode(data, false) == unpadded);
    auto a = base64_decode(padded, true);
    REQUIRE(a.ok());
    CHECK(*a == data);
    auto b = base64_decode(unpadded, false);
    REQUIRE(b.ok());
    CHECK(*b == data);
  }
  // All byte values round-trip.
  std::vector<std::uint8_t> all(256);
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<std::uint8_t>(i);
  for (std::size_t n = 0; n <= all.size(); n += 17) {
    const std::vector<std::uint8_t> part(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
    CHECK(*base64_decode(base64_encode(part, true), true) == part);
    CHECK(*base64_decode(base64_encode(part, false), false) == part);
  }
}

TEST_CASE("base64: non-canonical and malformed input is rejected", "[base64]") {
  const std::array<std::string_view, 11> bad_unpadded = {
      "Zg==",      // padding where none is allowed
      "Zh",        // non-zero trailing bits (4)
      "Zm9",       // non-zero trailing bits (2)
      "Z",         // a lone 6-bit group
      "Zm9vY",     // idem after a whole group
      "Zm9v\n",    // newline
      "Zm9v YmFy", // space
      "Zm-v",      // URL-safe alphabet
      "Zm_v",      // URL-safe alphabet
      "Zm9v\r",    // carriage return
      "Zm9v=",     // stray padding
  };
  for (auto text : bad_unpadded) {
    INFO(text);
    auto r = base64_decode(text, false);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == Error::base64_invalid);
  }
  const std::array<std::string_view, 9> bad_padded = {
      "Zg",        // missing padding
      "Zg=",       // short padding
      "Zh==",      // non-zero trailing bits
      "Zm9=",      // non-zero trailing bits
      "Z===",      // too much padding
      "====",      // only padding
      "Zg==Zg==",  // padding inside
      "=Zg=",      // padding first
      "Zm9vYg==\n",
  };
  for (auto text : bad_padded) {
    INFO(text);
    auto r = base64_decode(text, true);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == Error::base64_invalid);
  }
}

TEST_CASE("hex round trip and rejection", "[hex]") {
  CHECK(hex_encode(bytes_of("\x01\xab\xff")) == "01abff");
  CHECK(*hex_decode("01abff") == bytes_of("\x01\xab\xff"));
  CHECK(*hex_decode("01ABFF") == bytes_of("\x01\xab\xff"));
  CHECK(hex_decode("").ok());
  CHECK(hex_decode("0").error() == Error::invalid_argument);
  CHECK(hex_decode("0g").error() == Error::invalid_argument);
  CHECK(hex_decode(" 0").error() == Error::invalid_argument);
}

TEST_CASE("UTF-8: strict validation", "[utf8]") {
  CHECK(utf8_valid(""));
  CHECK(utf8_valid("plain ascii"));
  CHECK(utf8_valid("\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0"));  // Анна
  CHECK(utf8_valid("\xf0\x9f\x98\x8e"));                  // U+1F60E
  CHECK(utf8_valid("\xf4\x8f\xbf\xbf"));                  // U+10FFFF
  CHECK(utf8_valid(std::string_view("\0", 1)));
  CHECK_FALSE(utf8_valid("\x80"));              // lone continuation
  CHECK_FALSE(utf8_valid("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(utf8_valid("\xe0\x80\xaf"));      // overlong '/'
  CHECK_FALSE(utf8_valid("\xed\xa0\x80"));      // surrogate U+D800
  CHECK_FALSE(utf8_valid("\xf4\x90\x80\x80"));  // U+110000
  CHECK_FALSE(utf8_valid("\xf8\x88\x80\x80\x80"));
  CHECK_FALSE(utf8_valid("\xe2\x82"));          // truncated
  CHECK_FALSE(utf8_valid("\xe2\x28\xa1"));      // bad continuation
  std::size_t at = 0;
  char32_t cp = 0;
  const std::string_view euro = "\xe2\x82\xac!";
  REQUIRE(utf8_next(euro, at, cp));
  CHECK(cp == U'\u20ac');
  CHECK(at == 3);
  REQUIRE(utf8_next(euro, at, cp));
  CHECK(cp == U'!');
  CHECK_FALSE(utf8_next(euro, at, cp));
}
