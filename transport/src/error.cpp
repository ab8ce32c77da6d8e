#include "fieldseal/transport/error.hpp"

namespace fieldseal::transport {

std::string_view message(Error error) noexcept {
  switch (error) {
    case Error::invalid_argument: return "invalid argument";
    case Error::io_read: return "read error";
    case Error::io_write: return "write error";
    case Error::internal: return "internal error in the compression or archive library";
    case Error::not_encrypted_to_us: return "the bundle is not encrypted to any of our keys";
    case Error::age_invalid: return "the bundle's age header or armor is malformed";
    case Error::damaged: return "the bundle is damaged (authentication failed)";
    case Error::truncated: return "the bundle is truncated";
    case Error::trailing_data: return "unexpected data after the end of the bundle";
    case Error::not_zstd: return "the bundle's content is not zstd-compressed";
    case Error::zstd_corrupt: return "the bundle's compressed content is corrupt";
    case Error::zstd_window_too_large: return "the bundle's compression window exceeds the limit";
    case Error::decompressed_too_large: return "the bundle decompresses beyond the size limit";
    case Error::padding_missing: return "the bundle's padding frame is missing";
    case Error::padding_invalid: return "the bundle's padding frame is invalid";
    case Error::tar_corrupt: return "the bundle's archive is malformed";
    case Error::tar_entry_not_regular:
      return "the bundle's archive holds a link, directory, device or other non-regular entry";
    case Error::tar_entry_name_invalid: return "the bundle's archive holds an entry with a forbidden name";
    case Error::tar_entry_duplicate: return "the bundle's archive holds the same entry twice";
    case Error::tar_entry_too_large: return "an entry in the bundle exceeds the size limit";
    case Error::tar_too_many_entries: return "the bundle holds too many entries";
    case Error::tar_trailing_data: return "unexpected data after the end of the bundle's archive";
    case Error::manifest_missing: return "the bundle has no manifest";
    case Error::manifest_too_large: return "the bundle's manifest exceeds the size limit";
    case Error::manifest_malformed: return "the bundle's manifest is malformed";
    case Error::unsupported_version: return "the bundle uses an unsupported format version";
    case Error::entry_unexpected: return "the bundle holds an entry its manifest does not list";
    case Error::entry_missing: return "an entry listed in the bundle's manifest is missing";
    case Error::entry_size_mismatch: return "an entry's size differs from the bundle's manifest";
    case Error::entry_hash_mismatch: return "an entry's hash differs from the bundle's manifest";
    case Error::signature_missing: return "the bundle's manifest signature is missing";
    case Error::signature_invalid: return "the bundle's manifest signature does not verify";
    case Error::recipient_binding_failed:
      return "the bundle was re-encrypted to recipients other than those it was sealed for";
    case Error::part_malformed: return "a part's header is malformed";
    case Error::part_missing: return "a part of the split bundle is missing";
    case Error::part_duplicate: return "a part of the split bundle was given twice";
    case Error::part_mismatch: return "the parts belong to different bundles";
    case Error::part_damaged: return "a part of the split bundle is damaged";
    case Error::part_hash_mismatch: return "the joined parts do not match the bundle hash";
    case Error::part_size_too_small: return "the part size is too small";
    case Error::too_many_parts: return "too many parts";
    case Error::receipt_malformed: return "the receipt is malformed";
    case Error::receipt_too_large: return "the receipt exceeds the size limit";
    case Error::receipt_signature_invalid: return "the receipt's signature does not verify";
    case Error::wrong_role: return "the operation belongs to the other vault role (field or HQ)";
    case Error::unknown_contact: return "no contact of that name and role";
    case Error::nothing_to_export: return "no final report to export";
    case Error::report_not_exportable: return "a chosen report is unknown, not final or purged";
    case Error::export_verify_failed: return "the written bundle does not read back as written";
    case Error::cancelled: return "cancelled";
    case Error::vault_failed: return "the vault could not be read or written";
    case Error::sender_unknown: return "the bundle's sender is not a contact";
    case Error::sequence_replayed:
      return "the bundle is older than bundles already imported from its sender (possible replay)";
    case Error::report_invalid:
      return "a report, amendment or custody log in the bundle does not verify";
    case Error::report_conflict: return "a report in the bundle differs from the copy already held";
    case Error::quarantine_not_found: return "no quarantined bundle with that id";
    case Error::nothing_to_receipt: return "nothing has been received from that researcher";
    case Error::receipt_unknown_signer: return "the receipt is not signed by a known HQ contact";
    case Error::receipt_not_for_us: return "the receipt is addressed to another researcher";
    case Error::receipt_recipients_invalid:
      return "the receipt is not sealed to exactly one recipient, as receipts must be";
  }
  return "unknown transport error";
}

Error from_crypto(crypto::Error error) noexcept {
  using C = crypto::Error;
  switch (error) {
    case C::io_read: return Error::io_read;
    case C::io_write: return Error::io_write;
    case C::age_no_identity_matched: return Error::not_encrypted_to_us;
    case C::age_payload_auth_failed:
    case C::age_hmac_mismatch:
    case C::age_payload_empty_last_chunk: return Error::damaged;
    case C::age_payload_truncated:
    case C::age_payload_nonce_missing: return Error::truncated;
    case C::age_payload_trailing_data: return Error::trailing_data;
    case C::age_header_invalid:
    case C::age_header_too_large:
    case C::age_unsupported_version:
    case C::age_stanza_invalid:
    case C::age_scrypt_not_alone:
    case C::age_scrypt_work_factor_too_high:
    case C::age_armor_invalid:
    case C::base64_invalid: return Error::age_invalid;
    case C::invalid_argument: return Error::invalid_argument;
    default: return Error::internal;
  }
}

}  // namespace fieldseal::transport
