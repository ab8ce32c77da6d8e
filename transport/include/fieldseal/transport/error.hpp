#pragma once
// The one error enum of fieldseal_transport. Messages are fixed sentences that
// name the problem and never carry user data (no report text, no file names,
// no keys). Where a number helps (which part of a split bundle is missing),
// the number travels beside the error (see parts.hpp), never inside it.
#include <string_view>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/result.hpp"

namespace fieldseal::transport {

enum class Error {
  // General
  invalid_argument = 1,        // a caller broke a documented precondition
  io_read,                     // the byte source failed
  io_write,                    // the byte sink failed
  internal,                    // a library (zstd, libarchive) failed unexpectedly

  // Outer age layer
  not_encrypted_to_us,         // no identity opened the age file
  age_invalid,                 // the age header or armor is malformed
  damaged,                     // a payload chunk failed authentication
  truncated,                   // the age file ends early
  trailing_data,               // bytes follow the end of the age file

  // zstd layer
  not_zstd,                    // the plaintext does not start with a zstd frame
  zstd_corrupt,                // a zstd frame is malformed
  zstd_window_too_large,       // a frame needs a window above the cap
  decompressed_too_large,      // decompression exceeds the total-size cap
  padding_missing,             // no padding frame at the end of the plaintext
  padding_invalid,             // the padding frame has the wrong size, content or position

  // tar layer
  tar_corrupt,                 // the tar stream is malformed
  tar_entry_not_regular,       // a directory, link, device, FIFO or sparse file
  tar_entry_name_invalid,      // a name outside the allowed set ("..", "/", unknown)
  tar_entry_duplicate,         // the same name twice
  tar_entry_too_large,         // an entry above its size cap
  tar_too_many_entries,        // more entries than the cap
  tar_trailing_data,           // data after the end-of-archive marker

  // Bundle structure and manifest
  manifest_missing,            // the first entry is not manifest.json
  manifest_too_large,          // manifest.json above the size cap
  manifest_malformed,          // not canonical JSON of the manifest schema
  unsupported_version,         // a format version this program does not know
  entry_unexpected,            // an entry the manifest does not list, or out of order
  entry_missing,               // an entry the manifest lists is absent
  entry_size_mismatch,         // an entry's size differs from the manifest
  entry_hash_mismatch,         // an entry's SHA-256 differs from the manifest
  signature_missing,           // manifest.sig is absent or not 64 bytes
  signature_invalid,           // manifest.sig does not verify with the sender key
  recipient_binding_failed,    // the age recipients are not the manifest's recipients

  // Split parts
  part_malformed,              // a part's header is malformed
  part_missing,                // a part of a split bundle is missing
  part_duplicate,              // the same part twice
  part_mismatch,               // parts of different bundles, or inconsistent headers
  part_damaged,                // a part fails to decrypt, or its data is inconsistent
  part_hash_mismatch,          // the joined bundle does not match the parts' hash
  part_size_too_small,         // the requested part size cannot hold any data
  too_many_parts,              // more parts than the cap

  // Receipts
  receipt_malformed,           // not canonical JSON of the receipt schema
  receipt_too_large,           // a receipt above the size cap
  receipt_signature_invalid,   // the receipt's signature does not verify

  // Exchange with vaults (exchange.hpp)
  wrong_role,                  // the operation belongs to the other role (field/hq)
  unknown_contact,             // no contact of that name (or not of the needed role)
  nothing_to_export,           // no final report to export
  report_not_exportable,       // a chosen report is unknown, a draft or purged
  export_verify_failed,        // the bundle read back differs from what was written
  cancelled,                   // the caller cancelled the operation
  vault_failed,                // the vault could not be read or written
  sender_unknown,              // the bundle's sender is not a contact
  sequence_replayed,           // an older bundle of this sender after newer ones
  report_invalid,              // a report, amendment or custody log in the bundle fails its checks
  report_conflict,             // a report already held differs from the one in the bundle
  quarantine_not_found,        // no quarantined bundle with that id
  nothing_to_receipt,          // nothing was received from that researcher
  receipt_unknown_signer,      // the receipt is not signed by an HQ contact
  receipt_not_for_us,          // the receipt is addressed to another researcher
  receipt_recipients_invalid,  // the receipt is not sealed to exactly one X25519 recipient
};

// A stable, user-facing sentence for `error` (English, no user data).
[[nodiscard]] std::string_view message(Error error) noexcept;

// The transport error a failure of the age layer (or of a crypto-level source
// or sink) stands for.
[[nodiscard]] Error from_crypto(crypto::Error error) noexcept;

template <class T>
using Result = ::fieldseal::Result<T, Error>;

}  // namespace fieldseal::transport
