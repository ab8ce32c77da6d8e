#include "fieldseal/crypto/hkdf.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <new>

namespace fieldseal::crypto {

namespace {

constexpr std::size_t kHkdfMaxLength = 255 * kSha256Bytes;

// Keys longer than the block size are hashed first inside libsodium's
// _init; any length works.
void hmac_init(crypto_auth_hmacsha256_state& state, std::span<const std::uint8_t> key) noexcept {
  crypto_auth_hmacsha256_init(&state, key.data(), key.size());
}

}  // namespace

void hmac_sha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message,
                 std::span<std::uint8_t, kSha256Bytes> out) noexcept {
  ensure_sodium_initialized();
  crypto_auth_hmacsha256_state state;
  hmac_init(state, key);
  crypto_auth_hmacsha256_update(&state, message.data(), message.size());
  crypto_auth_hmacsha256_final(&state, out.data());
  sodium_memzero(&state, sizeof state);
}

Result<SecretBuffer> hkdf_sha256(std::span<const std::uint8_t> ikm,
                                 std::span<const std::uint8_t> salt,
                                 std::span<const std::uint8_t> info, std::size_t length) {
  if (length == 0 || length > kHkdfMaxLength) return fail(Error::invalid_argument);
  ensure_sodium_initialized();

  auto prk_buffer = SecretBuffer::create(kSha256Bytes);
  if (!prk_buffer.ok()) return fail(prk_buffer.error());
  auto okm_buffer = SecretBuffer::create(length);
  if (!okm_buffer.ok()) return fail(okm_buffer.error());
  SecretBuffer prk = std::move(prk_buffer).value();
  SecretBuffer okm = std::move(okm_buffer).value();

  {
    const std::array<std::uint8_t, kSha256Bytes> zero_salt{};
    auto prk_w = prk.write();
    hmac_sha256(salt.empty() ? std::span<const std::uint8_t>(zero_salt) : salt, ikm,
                prk_w.span().first<kSha256Bytes>());
  }

  auto prk_r = prk.read();
  auto out = okm.write();
  std::array<std::uint8_t, kSha256Bytes> block{};
  std::size_t done = 0;
  for (unsigned counter = 1; done < length; ++counter) {
    crypto_auth_hmacsha256_state state;
    hmac_init(state, prk_r.span());
    if (counter > 1) crypto_auth_hmacsha256_update(&state, block.data(), block.size());
    crypto_auth_hmacsha256_update(&state, info.data(), info.size());
    const auto c = static_cast<std::uint8_t>(counter);
    crypto_auth_hmacsha256_update(&state, &c, 1);
    crypto_auth_hmacsha256_final(&state, block.data());
    sodium_memzero(&state, sizeof state);
    const std::size_t n = std::min(kSha256Bytes, length - done);
    std::memcpy(out.data() + done, block.data(), n);
    done += n;
  }
  sodium_memzero(block.data(), block.size());
  return okm;
}

void sha256(std::span<const std::uint8_t> data, std::span<std::uint8_t, kSha256Bytes> out) noexcept {
  ensure_sodium_initialized();
  crypto_hash_sha256(out.data(), data.data(), data.size());
}

static_assert(sizeof(crypto_hash_sha256_state) <= 128);
static_assert(alignof(crypto_hash_sha256_state) <= 64);

Sha256::Sha256() noexcept {
  ensure_sodium_initialized();
  auto* state = new (state_) crypto_hash_sha256_state;
  crypto_hash_sha256_init(state);
}

void Sha256::update(std::span<const std::uint8_t> data) noexcept {
  auto* state = std::launder(reinterpret_cast<crypto_hash_sha256_state*>(state_));
  crypto_hash_sha256_update(state, data.data(), data.size());
}

void Sha256::finish(std::span<std::uint8_t, kSha256Bytes> out) noexcept {
  auto* state = std::launder(reinterpret_cast<crypto_hash_sha256_state*>(state_));
  crypto_hash_sha256_final(state, out.data());
}

}  // namespace fieldseal::crypto
