#pragma once
// The one error enum of fieldseal_crypto. Messages are fixed strings that name
// the problem and never carry user data (no key material, no file contents,
// no passphrases, no file names).
#include <string_view>

#include "fieldseal/result.hpp"

namespace fieldseal::crypto {

enum class Error {
  // General
  invalid_argument = 1,      // a caller broke a documented precondition
  out_of_memory,             // sodium_malloc or a worker allocation failed
  random_failure,            // the system's random source failed
  self_test_failed,          // a known-answer self-test did not match
  io_read,                   // the byte source reported a read error
  io_write,                  // the byte sink reported a write error

  // Keys and encodings
  bech32_invalid,            // bad Bech32 characters, checksum, case or padding
  bech32_wrong_prefix,       // a Bech32 string with an unexpected human-readable part
  key_invalid,               // wrong key length or a low-order X25519 point
  signature_invalid,         // an Ed25519 signature did not verify
  base64_invalid,            // not canonical unpadded/padded base64 as required

  // KDF
  kdf_parameters_below_floor,  // Argon2id memory or passes below fieldseal's floor
  kdf_parameters_above_cap,    // Argon2id memory or passes above the cap a file may demand
  kdf_failed,                  // Argon2id could not run (usually: not enough memory)

  // Cards
  card_malformed,            // a card file does not follow the card format
  card_too_large,            // a card file exceeds the size cap
  card_signature_invalid,    // a card's self-signature does not verify

  // age v1
  age_header_invalid,        // the age header does not follow the spec
  age_header_too_large,      // the age header exceeds the size cap
  age_unsupported_version,   // not "age-encryption.org/v1"
  age_no_identity_matched,   // no identity could unwrap the file key
  age_stanza_invalid,        // a recognised stanza is malformed
  age_scrypt_not_alone,      // an scrypt stanza alongside other stanzas
  age_scrypt_work_factor_too_high,  // scrypt log2(N) above the cap
  age_hmac_mismatch,         // the header MAC does not verify
  age_payload_nonce_missing, // the payload ends before its 16-byte nonce
  age_payload_auth_failed,   // a payload chunk failed authentication
  age_payload_truncated,     // the payload ends without a final chunk
  age_payload_trailing_data, // bytes follow the final chunk
  age_payload_empty_last_chunk,  // an empty final chunk after a full chunk
  age_armor_invalid,         // the PEM armor does not follow the spec
  age_writer_state,          // a writer was used after finish() or a failure
};

// A stable, user-facing sentence for `error` (English, no user data).
[[nodiscard]] std::string_view message(Error error) noexcept;

template <class T>
using Result = ::fieldseal::Result<T, Error>;

}  // namespace fieldseal::crypto
