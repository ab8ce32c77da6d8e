#include "fieldseal/storage/error.hpp"

namespace fieldseal::storage {

std::string_view message(Error error) noexcept {
  switch (error) {
    case Error::vault_not_found: return "no vault was found in the given directory";
    case Error::vault_exists: return "a vault already exists in the given directory";
    case Error::wrong_passphrase: return "wrong passphrase: no key slot opened with it";
    case Error::key_slots_damaged:
      return "the key-slot file is damaged (truncated, wrong size or unreadable)";
    case Error::database_damaged:
      return "the vault database is damaged or does not match the key slots";
    case Error::database_locked: return "the vault is in use by another process";
    case Error::schema_too_new:
      return "the vault was written by a newer version of fieldseal; upgrade to open it";
    case Error::key_slots_full: return "all key slots are in use";
    case Error::passphrase_empty: return "the passphrase is empty";
    case Error::kdf_failed:
      return "the passphrase key derivation (Argon2id) failed, usually for lack of memory";
    case Error::io_failed:
      return "a file operation failed (disk full, permissions or an I/O error)";
    case Error::vault_wiped: return "the vault has been destroyed";
    case Error::wrong_role: return "this operation belongs to a vault of the other role";
    case Error::not_found: return "no record with that id";
    case Error::invalid_argument: return "a field is missing or out of range";
    case Error::report_final: return "a final report cannot be edited; add an amendment instead";
    case Error::report_not_final: return "the operation needs a final report";
    case Error::unknown_act_type: return "not a code of the act-type vocabulary";
    case Error::attachment_not_found: return "no attachment with that hash on that report";
    case Error::contact_exists: return "a contact with that name or key already exists";
    case Error::card_invalid: return "the card did not parse or its signature did not verify";
    case Error::custody_chain_broken:
      return "the custody log's hash chain or one of its signatures does not verify";
    case Error::signature_invalid: return "a stored signature does not verify";
    case Error::search_query_invalid: return "the search query could not be parsed";
    case Error::purged: return "the report's content was purged";
    case Error::sql_failed: return "an unexpected database error occurred";
    case Error::constraint_failed: return "the database refused a change that breaks a constraint";
    case Error::attachment_damaged:
      return "an attachment is damaged: its bytes do not match the SHA-256 recorded at intake";
    case Error::report_json_invalid:
      return "a report document is malformed, incomplete or not in canonical form";
  }
  return "unknown storage error";
}

}  // namespace fieldseal::storage
