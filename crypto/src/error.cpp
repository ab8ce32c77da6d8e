#include "fieldseal/crypto/error.hpp"

namespace fieldseal::crypto {

std::string_view message(Error error) noexcept {
  switch (error) {
    case Error::invalid_argument: return "invalid argument";
    case Error::out_of_memory: return "out of memory for secret data";
    case Error::random_failure: return "the system random source failed";
    case Error::self_test_failed: return "cryptographic self-test failed";
    case Error::io_read: return "read error";
    case Error::io_write: return "write error";
    case Error::bech32_invalid: return "invalid Bech32 encoding";
    case Error::bech32_wrong_prefix: return "Bech32 string has the wrong prefix";
    case Error::key_invalid: return "invalid key";
    case Error::signature_invalid: return "signature does not verify";
    case Error::base64_invalid: return "invalid base64 encoding";
    case Error::kdf_parameters_below_floor: return "Argon2id parameters are below the minimum";
    case Error::kdf_parameters_above_cap: return "Argon2id parameters exceed the maximum";
    case Error::kdf_failed: return "Argon2id key derivation failed (not enough memory?)";
    case Error::card_malformed: return "card is malformed";
    case Error::card_too_large: return "card is too large";
    case Error::card_signature_invalid: return "card self-signature does not verify";
    case Error::age_header_invalid: return "age header is malformed";
    case Error::age_header_too_large: return "age header is too large";
    case Error::age_unsupported_version: return "unsupported age format version";
    case Error::age_no_identity_matched: return "no identity matched any of the recipients";
    case Error::age_stanza_invalid: return "age recipient stanza is malformed";
    case Error::age_scrypt_not_alone: return "scrypt recipient stanza must be the only stanza";
    case Error::age_scrypt_work_factor_too_high: return "scrypt work factor is too high";
    case Error::age_hmac_mismatch: return "age header MAC does not verify";
    case Error::age_payload_nonce_missing: return "age payload is missing its nonce";
    case Error::age_payload_auth_failed: return "age payload chunk failed authentication";
    case Error::age_payload_truncated: return "age payload is truncated";
    case Error::age_payload_trailing_data: return "age payload has trailing data";
    case Error::age_payload_empty_last_chunk: return "age payload has an empty last chunk";
    case Error::age_armor_invalid: return "age armor is malformed";
    case Error::age_writer_state: return "age writer used after finish or failure";
  }
  return "unknown error";
}

}  // namespace fieldseal::crypto
