#pragma once
// The one error enum of fieldseal_storage. Messages name the problem and
// never carry user data (no report text, names, passphrases or paths).
#include <string_view>

#include "fieldseal/result.hpp"

namespace fieldseal::storage {

enum class Error {
  // Vault files and keys
  vault_not_found = 1,        // no vault at the given directory
  vault_exists,               // init over an existing vault
  wrong_passphrase,           // no key slot opened with this passphrase
  key_slots_damaged,          // the key-slot file is truncated or of the wrong size
  database_damaged,           // the database does not open with the unwrapped key
  database_locked,            // another process holds the vault
  schema_too_new,             // the vault was written by a newer fieldseal
  key_slots_full,             // no free key slot
  passphrase_empty,           // an empty passphrase was given
  kdf_failed,                 // Argon2id could not run (usually memory)
  io_failed,                  // a file operation failed (disk full, permissions)
  vault_wiped,                // the vault was destroyed (panic or wipe-after)
  wrong_role,                 // the operation belongs to the other role (field/hq)

  // Content
  not_found,                  // no record with that id
  invalid_argument,           // a field is missing or out of range
  report_final,               // a final report cannot be edited (amend it)
  report_not_final,           // the operation needs a final report
  unknown_act_type,           // not a code of the act vocabulary
  attachment_not_found,       // no attachment with that hash on that report
  contact_exists,             // a contact with that name or key exists
  card_invalid,               // a card did not parse or verify
  custody_chain_broken,       // the custody log's hash chain or a signature fails
  signature_invalid,          // a stored signature does not verify
  search_query_invalid,       // the search query could not be parsed
  purged,                     // the report's content was purged

  // SQL engine
  sql_failed,                 // an unexpected SQLite/SQLCipher error
  constraint_failed,          // a UNIQUE/FOREIGN KEY/CHECK constraint refused a change

  // Content (continued)
  attachment_damaged,         // an attachment's stored bytes do not match its SHA-256
  report_json_invalid,        // a report JSON is malformed, incomplete or not canonical
};

[[nodiscard]] std::string_view message(Error error) noexcept;

template <class T>
using Result = ::fieldseal::Result<T, Error>;

}  // namespace fieldseal::storage
