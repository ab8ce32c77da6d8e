#include "fieldseal/crypto/kdf.hpp"

#include <sodium.h>


namespace fieldseal::crypto {

static_assert(kArgon2idSaltBytes == crypto_pwhash_argon2id_SALTBYTES);

namespace {

constexpr std::uint64_t kKiB = 1024;
constexpr std::size_t kOutputMin = 16;
constexpr std::size_t kOutputMax = 64;

}  // namespace

Result<void> Argon2idParams::validate() const noexcept {
  if (memory_bytes % kKiB != 0) return fail(Error::invalid_argument);
  const Argon2idParams low = floor();
  const Argon2idParams high = cap();
  if (memory_bytes < low.memory_bytes || passes < low.passes) {
    return fail(Error::kdf_parameters_below_floor);
  }
  if (memory_bytes > high.memory_bytes || passes > high.passes) {
    return fail(Error::kdf_parameters_above_cap);
  }
  return {};
}

bool Argon2idParams::weaker_than(const Argon2idParams& target) const noexcept {
  return memory_bytes < target.memory_bytes || passes < target.passes;
}

Result<SecretBuffer> argon2id_derive(const SecretBuffer& passphrase,
                                     std::span<const std::uint8_t> salt,
                                     const Argon2idParams& params, std::size_t output_bytes) {
  FIELDSEAL_TRY(params.validate());
  return argon2id_derive_unchecked(passphrase, salt, params, output_bytes);
}

Result<SecretBuffer> argon2id_derive_unchecked(const SecretBuffer& passphrase,
                                               std::span<const std::uint8_t> salt,
                                               const Argon2idParams& params,
                                               std::size_t output_bytes) {
  if (salt.size() != kArgon2idSaltBytes) return fail(Error::invalid_argument);
  if (output_bytes < kOutputMin || output_bytes > kOutputMax) return fail(Error::invalid_argument);
  // libsodium silently rounds memory down to whole KiB; refuse instead, so
  // the stored parameters are exactly the ones used.
  if (params.memory_bytes % kKiB != 0) return fail(Error::invalid_argument);
  if (params.memory_bytes < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
      params.memory_bytes > crypto_pwhash_argon2id_MEMLIMIT_MAX ||
      params.passes < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
      passphrase.size() > crypto_pwhash_argon2id_PASSWD_MAX) {
    return fail(Error::invalid_argument);
  }
  ensure_sodium_initialized();
  auto created = SecretBuffer::create(output_bytes);
  if (!created.ok()) return fail(created.error());
  SecretBuffer key = std::move(created).value();
  int rc = 0;
  {
    auto pw = passphrase.read();
    auto out = key.write();
    // An empty SecretBuffer has no storage; Argon2 still wants a valid pointer.
    static const char kEmpty = 0;
    const char* pw_data = pw.size() == 0 ? &kEmpty : reinterpret_cast<const char*>(pw.data());
    rc = crypto_pwhash(out.data(), out.size(), pw_data, pw.size(), salt.data(), params.passes,
                       static_cast<std::size_t>(params.memory_bytes),
                       crypto_pwhash_ALG_ARGON2ID13);
  }
  if (rc != 0) return fail(Error::kdf_failed);
  return key;
}

}  // namespace fieldseal::crypto
