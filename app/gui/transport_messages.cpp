#include "transport_messages.hpp"

#include "common.hpp"

namespace fieldseal::gui {

QString TransportMessages::error(transport::Error error,
                                 std::optional<storage::Error> storage_detail) {
  using E = transport::Error;
  switch (error) {
    case E::invalid_argument: return tr("The request is not valid.");
    case E::io_read: return tr("A file could not be read.");
    case E::io_write: return tr("A file could not be written (disk full or no permission?).");
    case E::internal: return tr("The compression or archive library failed unexpectedly.");
    case E::not_encrypted_to_us:
      return tr("The file is not encrypted to this vault's key (not for us, or not a bundle).");
    case E::age_invalid: return tr("The file is not a valid encrypted bundle (malformed header).");
    case E::damaged: return tr("The bundle is damaged or was altered (authentication failed).");
    case E::truncated: return tr("The bundle is incomplete (the file ends early).");
    case E::trailing_data: return tr("Unexpected data follows the end of the bundle.");
    case E::not_zstd:
    case E::zstd_corrupt:
    case E::padding_missing:
    case E::padding_invalid: return tr("The bundle's compressed content is malformed.");
    case E::zstd_window_too_large:
    case E::decompressed_too_large:
      return tr("The bundle unpacks beyond the size limit (refused as a possible attack).");
    case E::tar_corrupt:
    case E::tar_trailing_data: return tr("The archive inside the bundle is malformed.");
    case E::tar_entry_not_regular:
      return tr("The archive inside the bundle holds a link, folder or device (refused).");
    case E::tar_entry_name_invalid:
      return tr("The archive inside the bundle holds a forbidden file name (refused).");
    case E::tar_entry_duplicate: return tr("The archive inside the bundle holds a file twice.");
    case E::tar_entry_too_large:
    case E::tar_too_many_entries:
    case E::manifest_too_large: return tr("The bundle exceeds a size limit (refused).");
    case E::manifest_missing:
    case E::manifest_malformed: return tr("The bundle's list of contents is missing or malformed.");
    case E::unsupported_version:
      return tr("The bundle uses a format version this program does not know.");
    case E::entry_unexpected:
    case E::entry_missing:
    case E::entry_size_mismatch:
    case E::entry_hash_mismatch:
      return tr("The bundle's content does not match its signed list of contents (altered).");
    case E::signature_missing:
    case E::signature_invalid: return tr("The bundle's signature does not verify (altered or forged).");
    case E::recipient_binding_failed:
      return tr("The bundle was re-encrypted by someone else for other recipients (refused).");
    case E::part_malformed: return tr("A part of a split bundle is malformed.");
    case E::part_missing: return tr("A part of the split bundle is missing.");
    case E::part_duplicate: return tr("A part of the split bundle was given twice.");
    case E::part_mismatch: return tr("The parts belong to different bundles.");
    case E::part_damaged: return tr("A part of the split bundle is damaged.");
    case E::part_hash_mismatch: return tr("The joined parts do not match the bundle (altered).");
    case E::part_size_too_small: return tr("The part size is too small.");
    case E::too_many_parts: return tr("Too many parts.");
    case E::receipt_malformed:
    case E::receipt_too_large: return tr("The receipt is malformed.");
    case E::receipt_signature_invalid: return tr("The receipt's signature does not verify.");
    case E::wrong_role: return tr("This belongs to the other kind of vault (field or HQ).");
    case E::unknown_contact: return tr("There is no contact of that name and role.");
    case E::nothing_to_export: return tr("There is no final report to export.");
    case E::report_not_exportable:
      return tr("A chosen report is unknown, not final or purged.");
    case E::export_verify_failed:
      return tr("The written bundle did not read back as written; nothing was recorded.");
    case E::cancelled: return tr("Cancelled.");
    case E::vault_failed:
      if (storage_detail) return Messages::error(*storage_detail);
      return tr("The vault could not be read or written.");
    case E::sender_unknown: return tr("The bundle's sender is not a contact.");
    case E::sequence_replayed:
      return tr("The bundle is older than bundles already imported from its sender (possible replay).");
    case E::report_invalid:
      return tr("A report, amendment or custody log in the bundle does not verify.");
    case E::report_conflict:
      return tr("A report in the bundle differs from the copy already held.");
    case E::quarantine_not_found: return tr("The quarantined bundle is no longer there.");
    case E::nothing_to_receipt: return tr("Nothing has been received from this researcher.");
    case E::receipt_unknown_signer: return tr("The receipt is not signed by a known HQ contact.");
    case E::receipt_not_for_us: return tr("The receipt is addressed to another researcher.");
    case E::receipt_recipients_invalid:
      return tr("The receipt is not sealed to exactly one recipient, as receipts must be.");
  }
  return tr("Unknown error.");
}

QString TransportMessages::part_problem(const transport::PartProblem& problem) {
  if (problem.number == 0) return error(problem.error);
  const QString n = QString::number(problem.number);
  const QString count = QString::number(problem.count);
  switch (problem.error) {
    case transport::Error::part_missing: return tr("Part %1 of %2 is missing.").arg(n, count);
    case transport::Error::part_duplicate: return tr("Part %1 of %2 was given twice.").arg(n, count);
    case transport::Error::part_damaged: return tr("Part %1 of %2 is damaged.").arg(n, count);
    case transport::Error::part_mismatch:
      return tr("Part %1 of %2 belongs to another bundle or is inconsistent.").arg(n, count);
    default: break;
  }
  return tr("Part %1 of %2: %3").arg(n, count, error(problem.error));
}

}  // namespace fieldseal::gui
