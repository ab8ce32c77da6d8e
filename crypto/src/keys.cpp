#include "fieldseal/crypto/keys.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "fieldseal/crypto/encoding.hpp"

namespace fieldseal::crypto {

static_assert(kX25519Bytes == crypto_scalarmult_BYTES);
static_assert(kX25519Bytes == crypto_scalarmult_SCALARBYTES);
static_assert(kEd25519PublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kEd25519SeedBytes == crypto_sign_SEEDBYTES);
static_assert(kEd25519SignatureBytes == crypto_sign_BYTES);

namespace {

bool has_upper(std::string_view text) noexcept {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
bool has_lower(std::string_view text) noexcept {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

// ---- X25519 -------------------------------------------------------------

Result<X25519Recipient> X25519Recipient::from_bytes(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != kX25519Bytes) return fail(Error::key_invalid);
  X25519Recipient recipient;
  std::copy(bytes.begin(), bytes.end(), recipient.key_.begin());
  return recipient;
}

Result<X25519Recipient> X25519Recipient::parse(std::string_view text) {
  auto decoded = bech32_decode(kAgeRecipientHrp, text);
  if (!decoded.ok()) return fail(decoded.error());
  // age compares the human-readable part exactly: "AGE1…" is not a recipient.
  if (has_upper(text)) return fail(Error::bech32_wrong_prefix);
  return from_bytes(*decoded);
}

std::string X25519Recipient::to_string() const {
  return bech32_encode(kAgeRecipientHrp, key_, false);
}

X25519Identity X25519Identity::generate() {
  auto identity = from_secret(SecretBuffer::random(kX25519Bytes));
  if (!identity.ok()) std::abort();
  return std::move(identity).value();
}

Result<X25519Identity> X25519Identity::from_secret(SecretBuffer secret) {
  if (secret.size() != kX25519Bytes) return fail(Error::key_invalid);
  const auto public_key = x25519_base(secret);
  auto recipient = X25519Recipient::from_bytes(public_key);
  if (!recipient.ok()) return fail(recipient.error());
  X25519Identity identity;
  identity.recipient_ = *recipient;
  identity.secret_ = std::move(secret);
  return identity;
}

Result<X25519Identity> X25519Identity::parse(std::string_view text) {
  auto decoded = bech32_decode_secret(kAgeIdentityHrp, text);
  if (!decoded.ok()) return fail(decoded.error());
  if (has_lower(text)) return fail(Error::bech32_wrong_prefix);
  return from_secret(std::move(decoded).value());
}

SecretBuffer X25519Identity::to_secret_string() const {
  return bech32_encode_secret(kAgeIdentityHrp, secret_, true);
}

Result<SecretBuffer> x25519(const SecretBuffer& scalar,
                            std::span<const std::uint8_t, kX25519Bytes> point) {
  if (scalar.size() != kX25519Bytes) return fail(Error::invalid_argument);
  ensure_sodium_initialized();
  auto created = SecretBuffer::create(kX25519Bytes);
  if (!created.ok()) return fail(created.error());
  SecretBuffer shared = std::move(created).value();
  bool ok = false;
  {
    auto s = scalar.read();
    auto out = shared.write();
    // libsodium returns -1 for an all-zero result; check it ourselves too, the
    // property age's security rests on.
    ok = crypto_scalarmult(out.data(), s.data(), point.data()) == 0 &&
         sodium_is_zero(out.data(), out.size()) == 0;
  }
  if (!ok) return fail(Error::key_invalid);
  return shared;
}

std::array<std::uint8_t, kX25519Bytes> x25519_base(const SecretBuffer& scalar) {
  if (scalar.size() != kX25519Bytes) std::abort();
  ensure_sodium_initialized();
  std::array<std::uint8_t, kX25519Bytes> point{};
  auto s = scalar.read();
  if (crypto_scalarmult_base(point.data(), s.data()) != 0) std::abort();
  return point;
}

// ---- Ed25519 ------------------------------------------------------------

Result<Ed25519PublicKey> Ed25519PublicKey::from_bytes(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != kEd25519PublicKeyBytes) return fail(Error::key_invalid);
  ensure_sodium_initialized();
  // Non-canonical encodings and small-order points are never honest keys.
  if (crypto_core_ed25519_is_valid_point(bytes.data()) != 1) return fail(Error::key_invalid);
  Ed25519PublicKey key;
  std::copy(bytes.begin(), bytes.end(), key.key_.begin());
  return key;
}

Result<void> Ed25519PublicKey::verify(std::span<const std::uint8_t> message,
                                      std::span<const std::uint8_t> signature) const {
  if (signature.size() != kEd25519SignatureBytes) return fail(Error::signature_invalid);
  ensure_sodium_initialized();
  if (crypto_sign_verify_detached(signature.data(), message.data(), message.size(),
                                  key_.data()) != 0) {
    return fail(Error::signature_invalid);
  }
  return {};
}

Ed25519KeyPair Ed25519KeyPair::generate() {
  auto pair = from_seed(SecretBuffer::random(kEd25519SeedBytes));
  if (!pair.ok()) std::abort();
  return std::move(pair).value();
}

Result<Ed25519KeyPair> Ed25519KeyPair::from_seed(const SecretBuffer& seed) {
  if (seed.size() != kEd25519SeedBytes) return fail(Error::key_invalid);
  ensure_sodium_initialized();
  auto created = SecretBuffer::create(crypto_sign_SECRETKEYBYTES);
  if (!created.ok()) return fail(created.error());
  Ed25519KeyPair pair;
  pair.secret_ = std::move(created).value();
  std::array<std::uint8_t, kEd25519PublicKeyBytes> public_key{};
  {
    auto s = seed.read();
    auto sk = pair.secret_.write();
    if (crypto_sign_seed_keypair(public_key.data(), sk.data(), s.data()) != 0) {
      return fail(Error::key_invalid);
    }
  }
  auto checked = Ed25519PublicKey::from_bytes(public_key);
  if (!checked.ok()) return fail(checked.error());
  pair.public_ = *checked;
  return pair;
}

SecretBuffer Ed25519KeyPair::seed() const {
  SecretBuffer out(kEd25519SeedBytes);
  {
    auto sk = secret_.read();
    auto w = out.write();
    // libsodium's secret key is seed || public key.
    std::memcpy(w.data(), sk.data(), kEd25519SeedBytes);
  }
  return out;
}

Ed25519Signature Ed25519KeyPair::sign(std::span<const std::uint8_t> message) const {
  if (secret_.size() != crypto_sign_SECRETKEYBYTES) std::abort();
  Ed25519Signature signature{};
  auto sk = secret_.read();
  if (crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(),
                           sk.data()) != 0) {
    std::abort();
  }
  return signature;
}

}  // namespace fieldseal::crypto
