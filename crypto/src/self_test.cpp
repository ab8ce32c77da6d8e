#include "fieldseal/crypto/self_test.hpp"

#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <array>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/keys.hpp"

namespace fieldseal::crypto {

namespace {

std::vector<std::uint8_t> unhex(std::string_view text) {
  auto bytes = hex_decode(text);
  if (!bytes.ok()) std::abort();  // the vectors below are constants
  return std::move(bytes).value();
}

bool equal_hex(std::span<const std::uint8_t> got, std::string_view expected_hex) {
  const auto expected = unhex(expected_hex);
  return got.size() == expected.size() && constant_time_equal(got, expected);
}

constexpr std::string_view kSunscreen =
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
    "future, sunscreen would be it.";
constexpr std::string_view kAeadKey =
    "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
constexpr std::string_view kAeadAd = "50515253c0c1c2c3c4c5c6c7";

// FIPS 180-2 appendix B.1.
bool check_sha256() {
  std::array<std::uint8_t, kSha256Bytes> out{};
  sha256(as_bytes("abc"), out);
  if (!equal_hex(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")) {
    return false;
  }
  Sha256 streaming;
  streaming.update(as_bytes("a"));
  streaming.update(as_bytes("bc"));
  streaming.finish(out);
  return equal_hex(out, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// RFC 4231 test case 2.
bool check_hmac_sha256() {
  std::array<std::uint8_t, kSha256Bytes> out{};
  hmac_sha256(as_bytes("Jefe"), as_bytes("what do ya want for nothing?"), out);
  return equal_hex(out, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// RFC 5869 test case 1.
bool check_hkdf() {
  const std::vector<std::uint8_t> ikm(22, 0x0b);
  auto okm = hkdf_sha256(ikm, unhex("000102030405060708090a0b0c"), unhex("f0f1f2f3f4f5f6f7f8f9"), 42);
  if (!okm.ok()) return false;
  auto r = okm->read();
  return equal_hex(r.span(),
                   "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                   "34007208d5b887185865");
}

// RFC 7748 section 6.1.
bool check_x25519() {
  const auto alice = SecretBuffer::from_bytes(
      unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  const auto bob_public = unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  if (!equal_hex(x25519_base(alice),
                 "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")) {
    return false;
  }
  auto shared = x25519(alice, std::span<const std::uint8_t, kX25519Bytes>(bob_public.data(), kX25519Bytes));
  if (!shared.ok()) return false;
  auto r = shared->read();
  return equal_hex(r.span(), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
}

// RFC 8032 section 7.1, test 2.
bool check_ed25519() {
  const auto seed = SecretBuffer::from_bytes(
      unhex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
  auto pair = Ed25519KeyPair::from_seed(seed);
  if (!pair.ok()) return false;
  if (!equal_hex(pair->public_key().bytes(),
                 "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")) {
    return false;
  }
  const std::array<std::uint8_t, 1> message{0x72};
  const auto signature = pair->sign(message);
  if (!equal_hex(signature,
                 "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                 "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")) {
    return false;
  }
  if (!pair->public_key().verify(message, signature).ok()) return false;
  const std::array<std::uint8_t, 1> other{0x73};
  return !pair->public_key().verify(other, signature).ok();
}

// RFC 8439 section 2.8.2.
bool check_chacha20poly1305() {
  const auto key = unhex(kAeadKey);
  const auto nonce = unhex("070000004041424344454647");
  const auto ad = unhex(kAeadAd);
  const auto plain = as_bytes(kSunscreen);
  std::vector<std::uint8_t> sealed(plain.size() + crypto_aead_chacha20poly1305_ietf_ABYTES);
  unsigned long long sealed_len = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(sealed.data(), &sealed_len, plain.data(), plain.size(),
                                            ad.data(), ad.size(), nullptr, nonce.data(), key.data());
  if (sealed_len != sealed.size()) return false;
  if (!equal_hex(sealed,
                 "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
                 "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
                 "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
                 "3ff4def08e4b7a9de576d26586cec64b6116"
                 "1ae10b594f09e26a7e902ecbd0600691")) {
    return false;
  }
  std::vector<std::uint8_t> opened(plain.size());
  unsigned long long opened_len = 0;
  sealed[0] ^= 1u;
  return crypto_aead_chacha20poly1305_ietf_decrypt(opened.data(), &opened_len, nullptr,
                                                   sealed.data(), sealed.size(), ad.data(),
                                                   ad.size(), nonce.data(), key.data()) != 0;
}

// draft-irtf-cfrg-xchacha-03 appendix A.3.1.
bool check_xchacha20poly1305() {
  const auto key = unhex(kAeadKey);
  const auto nonce = unhex("404142434445464748494a4b4c4d4e4f5051525354555657");
  const auto ad = unhex(kAeadAd);
  const auto plain = as_bytes(kSunscreen);
  std::vector<std::uint8_t> sealed(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long sealed_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &sealed_len, plain.data(), plain.size(),
                                             ad.data(), ad.size(), nullptr, nonce.data(), key.data());
  if (sealed_len != sealed.size()) return false;
  if (!equal_hex(sealed,
                 "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                 "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                 "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                 "21f9664c97637da9768812f615c68b13b52e"
                 "c0875924c1c7987947deafd8780acf49")) {
    return false;
  }
  std::vector<std::uint8_t> opened(plain.size());
  unsigned long long opened_len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(opened.data(), &opened_len, nullptr,
                                                 sealed.data(), sealed.size(), ad.data(),
                                                 ad.size(), nonce.data(), key.data()) != 0) {
    return false;
  }
  return opened_len == plain.size() && constant_time_equal(opened, plain);
}

// Reference argon2 CLI, Argon2id v1.3, p = 1:
// echo -n 123 | argon2 ABCDEFGHIJKLMNOP -id -v 13 -k 1024 -t 5
bool check_argon2id() {
  const auto passphrase = SecretBuffer::from_text("123");
  auto key = argon2id_derive_unchecked(passphrase, as_bytes("ABCDEFGHIJKLMNOP"),
                                       Argon2idParams{1024 * 1024, 5}, 32);
  if (!key.ok()) return false;
  auto r = key->read();
  return equal_hex(r.span(), "3c5d010180ba0cf5b6b858cba23b318e42d33088983c404598599c3b029ecac6");
}

// RFC 7914 section 12, first vector: P = "", S = "", N = 16, r = 1, p = 1.
bool check_scrypt() {
  std::array<std::uint8_t, 64> out{};
  static const std::uint8_t kEmpty = 0;
  if (crypto_pwhash_scryptsalsa208sha256_ll(&kEmpty, 0, &kEmpty, 0, 16, 1, 1, out.data(),
                                            out.size()) != 0) {
    return false;
  }
  return equal_hex(out,
                   "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                   "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
}

}  // namespace

Result<void> run_self_test() {
  ensure_sodium_initialized();
  const bool ok = check_sha256() && check_hmac_sha256() && check_hkdf() && check_x25519() &&
                  check_ed25519() && check_chacha20poly1305() && check_xchacha20poly1305() &&
                  check_argon2id() && check_scrypt();
  if (!ok) return fail(Error::self_test_failed);
  return {};
}

Result<void> harden_process() {
  if (sodium_init() < 0) return fail(Error::invalid_argument);
  const rlimit no_core{0, 0};
  if (setrlimit(RLIMIT_CORE, &no_core) != 0) return fail(Error::invalid_argument);
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) return fail(Error::invalid_argument);
  return {};
}

}  // namespace fieldseal::crypto
