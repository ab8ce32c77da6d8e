#include <sodium.h>

#include <algorithm>
#include <string>

#include "age_internal.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"

namespace fieldseal::crypto::age::detail {

namespace {

constexpr std::string_view kX25519Type = "X25519";
constexpr std::string_view kX25519Label = "age-encryption.org/v1/X25519";
constexpr std::string_view kScryptType = "scrypt";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::size_t kScryptSaltBytes = 16;
constexpr std::uint64_t kScryptR = 8;
constexpr std::uint64_t kScryptP = 1;
constexpr std::size_t kWrapKeyBytes = crypto_aead_chacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kWrappedBytes = kFileKeyBytes + crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr std::size_t kMaxLogNDigits = 2;

static_assert(kWrapKeyBytes == 32);

std::vector<std::uint8_t> seal_file_key(const SecretBuffer& wrap_key, const SecretBuffer& file_key) {
  std::vector<std::uint8_t> body(kWrappedBytes);
  const std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> nonce{};
  auto key = wrap_key.read();
  auto plain = file_key.read();
  unsigned long long body_len = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(body.data(), &body_len, plain.data(), plain.size(),
                                            nullptr, 0, nullptr, nonce.data(), key.data());
  return body;
}

// Empty buffer when the body does not authenticate under `wrap_key`.
Result<SecretBuffer> open_file_key(const SecretBuffer& wrap_key,
                                   const std::vector<std::uint8_t>& body) {
  auto file_key = SecretBuffer::create(kFileKeyBytes);
  if (!file_key.ok()) return fail(file_key.error());
  const std::array<std::uint8_t, crypto_aead_chacha20poly1305_ietf_NPUBBYTES> nonce{};
  auto key = wrap_key.read();
  int rc = 0;
  {
    auto out = file_key->write();
    unsigned long long out_len = 0;
    rc = crypto_aead_chacha20poly1305_ietf_decrypt(out.data(), &out_len, nullptr, body.data(),
                                                   body.size(), nullptr, 0, nonce.data(),
                                                   key.data());
  }
  if (rc != 0) return SecretBuffer();
  return std::move(*file_key);
}

Result<SecretBuffer> scrypt_key(const SecretBuffer& passphrase, std::span<const std::uint8_t> salt,
                                int log_n) {
  std::vector<std::uint8_t> full_salt(kScryptLabel.begin(), kScryptLabel.end());
  full_salt.insert(full_salt.end(), salt.begin(), salt.end());
  auto key = SecretBuffer::create(kWrapKeyBytes);
  if (!key.ok()) return fail(key.error());
  int rc = 0;
  {
    auto pass = passphrase.read();
    auto out = key->write();
    rc = crypto_pwhash_scryptsalsa208sha256_ll(
        pass.data(), pass.size(), full_salt.data(), full_salt.size(),
        std::uint64_t{1} << static_cast<unsigned>(log_n), static_cast<std::uint32_t>(kScryptR),
        static_cast<std::uint32_t>(kScryptP), out.data(), out.size());
  }
  if (rc != 0) return fail(Error::out_of_memory);
  return std::move(*key);
}

Result<SecretBuffer> x25519_wrap_key(const SecretBuffer& shared,
                                     std::span<const std::uint8_t, kX25519Bytes> share,
                                     std::span<const std::uint8_t, kX25519Bytes> recipient) {
  std::array<std::uint8_t, 2 * kX25519Bytes> salt{};
  std::copy(share.begin(), share.end(), salt.begin());
  std::copy(recipient.begin(), recipient.end(), salt.begin() + kX25519Bytes);
  auto ikm = shared.read();
  return hkdf_sha256(ikm.span(), salt, as_bytes(kX25519Label), kWrapKeyBytes);
}

Result<Stanza> wrap_x25519(const X25519Recipient& recipient, const SecretBuffer& file_key) {
  const SecretBuffer ephemeral = SecretBuffer::random(kX25519Bytes);
  const std::array<std::uint8_t, kX25519Bytes> share = x25519_base(ephemeral);
  auto shared = x25519(ephemeral, recipient.bytes());
  if (!shared.ok()) return fail(shared.error());
  auto wrap_key = x25519_wrap_key(*shared, share, recipient.bytes());
  if (!wrap_key.ok()) return fail(wrap_key.error());
  Stanza stanza;
  stanza.type = kX25519Type;
  stanza.args.push_back(base64_encode(share, false));
  stanza.body = seal_file_key(*wrap_key, file_key);
  return stanza;
}

Result<Stanza> wrap_scrypt(const ScryptRecipient& recipient, const SecretBuffer& file_key) {
  if (recipient.log_n < 1 || recipient.log_n > kScryptMaxLogN) return fail(Error::invalid_argument);
  std::array<std::uint8_t, kScryptSaltBytes> salt{};
  randombytes_buf(salt.data(), salt.size());
  auto wrap_key = scrypt_key(recipient.passphrase, salt, recipient.log_n);
  if (!wrap_key.ok()) return fail(wrap_key.error());
  Stanza stanza;
  stanza.type = kScryptType;
  stanza.args.push_back(base64_encode(salt, false));
  stanza.args.push_back(std::to_string(recipient.log_n));
  stanza.body = seal_file_key(*wrap_key, file_key);
  return stanza;
}

// Ok(empty) when the stanza is well formed but not for this identity.
Result<SecretBuffer> unwrap_x25519(const X25519Identity& identity, const Stanza& stanza) {
  if (stanza.args.size() != 1 || stanza.body.size() != kWrappedBytes)
    return fail(Error::age_stanza_invalid);
  auto share = base64_decode(stanza.args[0], false);
  if (!share.ok() || share->size() != kX25519Bytes) return fail(Error::age_stanza_invalid);
  const std::span<const std::uint8_t, kX25519Bytes> share_span(share->data(), kX25519Bytes);
  auto shared = x25519(identity.secret(), share_span);
  if (!shared.ok()) return fail(Error::age_stanza_invalid);  // low-order share
  auto wrap_key = x25519_wrap_key(*shared, share_span, identity.recipient().bytes());
  if (!wrap_key.ok()) return fail(wrap_key.error());
  return open_file_key(*wrap_key, stanza.body);
}

Result<SecretBuffer> unwrap_scrypt(const ScryptIdentity& identity, const Stanza& stanza) {
  if (stanza.args.size() != 2 || stanza.body.size() != kWrappedBytes)
    return fail(Error::age_stanza_invalid);
  auto salt = base64_decode(stanza.args[0], false);
  if (!salt.ok() || salt->size() != kScryptSaltBytes) return fail(Error::age_stanza_invalid);
  const std::string& digits = stanza.args[1];
  if (digits.empty() || digits.front() < '1' || digits.front() > '9' ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return fail(Error::age_stanza_invalid);
  const int cap = std::min(identity.max_log_n, kScryptMaxLogN);
  if (digits.size() > kMaxLogNDigits) return fail(Error::age_scrypt_work_factor_too_high);
  const int log_n = std::stoi(digits);
  if (log_n > cap) return fail(Error::age_scrypt_work_factor_too_high);
  auto wrap_key = scrypt_key(identity.passphrase, *salt, log_n);
  if (!wrap_key.ok()) return fail(wrap_key.error());
  return open_file_key(*wrap_key, stanza.body);
}

}  // namespace

Result<Stanza> wrap_file_key(const Recipient& recipient, const SecretBuffer& file_key) {
  if (const auto* x = std::get_if<X25519Recipient>(&recipient)) return wrap_x25519(*x, file_key);
  return wrap_scrypt(std::get<ScryptRecipient>(recipient), file_key);
}

Result<SecretBuffer> unwrap_file_key(const Identity& identity, const std::vector<Stanza>& stanzas) {
  const auto* x = std::get_if<X25519Identity>(&identity);
  const auto* s = std::get_if<ScryptIdentity>(&identity);
  const std::string_view type = x != nullptr ? kX25519Type : kScryptType;
  for (const Stanza& stanza : stanzas) {
    if (stanza.type != type) continue;
    auto key = x != nullptr ? unwrap_x25519(*x, stanza) : unwrap_scrypt(*s, stanza);
    if (!key.ok()) return fail(key.error());
    if (!key->empty()) return std::move(*key);
  }
  return fail(Error::age_no_identity_matched);
}

}  // namespace fieldseal::crypto::age::detail
