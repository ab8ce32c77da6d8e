#pragma once
// Bundles out of and into vaults: the API the CLI and the GUI call for
// export (field), import with quarantine (HQ), receipts (both) and the purge
// of delivered reports (field). Built on bundle.hpp / parts.hpp /
// receipt.hpp (the format) and the storage vault; records live in the vault
// (exchange_records.hpp, migration 3).
//
// Roles: export_bundle, apply_receipt_file, purge_delivered need a field
// vault; import_files, the quarantine functions and make_receipt need an HQ
// vault. The other role gets Error::wrong_role and nothing changes.
//
// What a bundle carries per report (docs/bundle-format.md, "Entries as
// fieldseal writes them"):
//   reports/<id>.json   the report's canonical JSON, exactly the bytes its
//                       signature covers (so its SHA-256 is the report's
//                       content hash, the one receipts list)
//   attachments/<hex>   each attachment's bytes (streamed from the vault)
//   custody/<id>.json   canonical JSON {"amendments":[{"json","signature"}],
//                       "custody":[{"entry","signature"}],"format":
//                       "fieldseal-report-seal/1","report":id,
//                       "signature":hex}: the report signature, the signed
//                       amendments and the signed, hash-chained custody log
//                       (each document embedded as its exact signed bytes)
//
// Import pipeline (HQ), per bundle, in this order; the first failure is the
// outcome and the vault is left exactly as it was:
//   parts joined (any order, any names; missing/duplicate/damaged named)
//   → age decrypt → capped zstd → strict tar → manifest signature →
//   recipient binding → entry hashes (all by BundleReader, entries staged in
//   ONE open vault transaction, never in temp files) → sender enrolled?
//   (unknown sender: the whole bundle file is stored in quarantine tables
//   inside the vault, apart from verified data) → duplicate (same bundle id:
//   outcome duplicate, no new rows) → replay (a sequence number at or below
//   the highest already imported from that sender, with a new bundle id:
//   rejected, Error::sequence_replayed; the field vault resends reports that
//   are not yet delivered with its next export, so nothing is lost) → every
//   report's own signature by the sender, its attachments present, its
//   amendments and custody chain verified → commit.
// Gaps in a sender's sequence numbers (e.g. 1, 2, 5 imported: 3-4 missing)
// are reported with every import as possibly lost bundles.
//
// Nothing here writes plaintext outside the vault: export writes only age
// files (to the chosen output directory, removed again on failure); import
// reads them.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/error.hpp"
#include "fieldseal/transport/manifest.hpp"
#include "fieldseal/transport/parts.hpp"

namespace fieldseal::transport {

// Progress: `done` of `total` bytes (total may be 0 when unknown). Called
// from the calling thread only; must not throw.
using ProgressFn = std::function<void(std::uint64_t done, std::uint64_t total)>;

// ---------------------------------------------------------------------------
// Export (field vault)
// ---------------------------------------------------------------------------

struct ExportOptions {
  std::filesystem::path output_dir;  // must exist; files are created in it
  std::uint64_t split_bytes = 0;     // 0: one file; else parts of at most this size
  bool armor = false;                // ASCII armor (age "BEGIN AGE ENCRYPTED FILE")
  ProgressFn progress;               // optional
  const std::atomic<bool>* cancel = nullptr;  // optional: set to true to stop (Error::cancelled)
  std::uint64_t created = 0;         // manifest time, Unix seconds; 0: now
  // Optional, for crash tests: called once the files are durable and read
  // back, just before the export is recorded. Returning false abandons the
  // export at that point, as a crash there would (Error::cancelled; the
  // files are removed, the reserved sequence number stays burnt).
  std::function<bool()> before_record;
};

struct ExportResult {
  BundleId bundle_id{};
  std::uint64_t sequence = 0;                  // this vault's sequence number for the bundle
  std::vector<std::filesystem::path> files;    // written, in part order (one if not split)
  std::vector<std::string> report_ids;         // exported, ascending
  std::uint64_t bundle_bytes = 0;              // size of the whole (unsplit) bundle
};

// Seals final reports with their attachments, amendments and custody logs
// for the HQ contacts named in `recipients` (at least one; each must be a
// contact with an HQ card). `report_ids` empty: every final, unpurged report
// not yet delivered (reports exported before but not yet acknowledged by a
// receipt are sent again).
//
// Steps: every selected report is checked and its entries' names, sizes and
// hashes are collected (nothing is kept of the documents themselves); then
// the sequence number is reserved in its own committed vault transaction
// (storage::reserve_export_sequence); then the bundle is written to neutral
// file names (random hex, ".age"; parts "<same>-<n>.age") with O_EXCL,
// fsync'ed, the directory fsync'ed, each document built from the vault
// again as its tar entry is written; each file is read back: its BLAKE2b
// digests (per 64 MiB segment) must equal those of the bytes streamed and
// its age header must parse with one stanza per recipient; only then, in one
// vault transaction, the reservation is completed in the export log and
// custody "exported" (recipient names, bundle id) appended per report.
// On a failure before the reservation nothing changes. On a failure after
// it (or a crash) the files written are removed (a crash may leave them)
// and the vault is unchanged except that the sequence number stays used:
// the next export takes the one after it, never the same, so HQ can import
// files a killed export left complete, and otherwise reports the number as
// a gap (possibly lost), never a later bundle as a replay.
// Memory does not grow with attachment size or the number of reports:
// documents are built one at a time as their entries are written.
//
// Errors: wrong_role; unknown_contact (a name not among contacts, or not an
// HQ card); nothing_to_export (no report selected); report_not_exportable (a
// given id is unknown, a draft, or purged); invalid_argument (no recipients,
// output_dir not a directory, a split size too small: part_size_too_small);
// io_write; export_verify_failed (the read-back differs); cancelled;
// vault_failed (a storage error; last_storage_error() has the detail).
[[nodiscard]] Result<ExportResult> export_bundle(storage::Vault& vault,
                                                 std::span<const std::string> recipients,
                                                 std::span<const std::string> report_ids,
                                                 const ExportOptions& options);

// ---------------------------------------------------------------------------
// Import (HQ vault)
// ---------------------------------------------------------------------------

struct ImportOptions {
  ProgressFn progress;  // bytes of input read
  const std::atomic<bool>* cancel = nullptr;
  std::uint64_t now = 0;  // record time, Unix seconds; 0: now
};

enum class ImportStatus {
  imported,      // new reports are in the vault (count in `reports`)
  duplicate,     // this bundle id was imported before; nothing changed
  quarantined,   // verified bundle from an unknown sender, held in quarantine
  rejected,      // `error` says why; nothing changed
  parts_missing, // a split bundle is incomplete; `part_problem` names the part
};

struct BundleOutcome {
  ImportStatus status = ImportStatus::rejected;
  std::vector<std::filesystem::path> files;   // the input files of this bundle
  std::optional<BundleId> bundle_id;          // once known (part headers or manifest)
  std::optional<crypto::Ed25519PublicKey> sender;  // once verified
  std::string sender_name;                    // contact name (imported, duplicate)
  std::uint64_t sequence = 0;                 // once verified
  std::size_t reports = 0;                    // new reports imported
  std::size_t reports_already_held = 0;       // reports the vault had from earlier bundles
  std::size_t attachments = 0;
  std::optional<Error> error;                 // rejected / parts_missing
  std::optional<PartProblem> part_problem;    // split bundles: which part
  std::optional<std::int64_t> quarantine_id;  // quarantined

  // One English sentence for this outcome ("imported 3 reports", "rejected:
  // the bundle is damaged (authentication failed)", "part 3 of 5 missing").
  [[nodiscard]] std::string describe() const;
};

// Sequence numbers between two imported bundles of one sender that never
// arrived: [first, last], inclusive.
struct SequenceGap {
  crypto::Ed25519PublicKey sender;
  std::string sender_name;
  std::uint64_t first = 0;
  std::uint64_t last = 0;
};

struct ImportResult {
  std::vector<BundleOutcome> bundles;  // in the order the inputs were given
  std::vector<SequenceGap> gaps;       // after this import, every known sender
};

// Imports the given files and directories (a directory: its regular files,
// not recursive). Files are grouped by content: whole bundles one by one,
// parts joined by bundle id. Each bundle is imported in its own transaction,
// so one bad bundle never affects another. Returns an error only when
// nothing could be attempted: wrong_role, invalid_argument (no paths),
// io_read (a path cannot be read at all), vault_failed; every per-bundle
// failure is an outcome.
[[nodiscard]] Result<ImportResult> import_files(storage::Vault& vault,
                                                std::span<const std::filesystem::path> paths,
                                                const ImportOptions& options = {});

// The sequence gaps of every sender (HQ).
[[nodiscard]] Result<std::vector<SequenceGap>> sequence_gaps(storage::Vault& vault);

// ---------------------------------------------------------------------------
// Quarantine (HQ): verified bundles whose sender is not a contact. Stored
// inside the vault (the age file bytes as received), never listed with
// reports. Accept after `contact add` of the sender's card (compare safety
// numbers first): the bundle is imported as if it arrived now.
// ---------------------------------------------------------------------------

struct QuarantineItem {
  std::int64_t id = 0;
  BundleId bundle_id{};
  crypto::Ed25519PublicKey sender;
  std::uint64_t sequence = 0;
  std::uint64_t created = 0;       // from the manifest
  std::string received_at;         // UTC ISO 8601
  std::size_t report_count = 0;
  std::uint64_t bytes = 0;         // size of the stored bundle
};

[[nodiscard]] Result<std::vector<QuarantineItem>> quarantine_list(storage::Vault& vault);
// Imports the held bundle (full pipeline again) and removes it from
// quarantine in the same transaction. quarantine_not_found; sender_unknown
// (the sender is still not a contact); otherwise the import's own errors
// (duplicate → the item is dropped and the outcome is duplicate).
[[nodiscard]] Result<BundleOutcome> quarantine_accept(storage::Vault& vault, std::int64_t id);
// Deletes the held bundle. quarantine_not_found.
[[nodiscard]] Result<void> quarantine_drop(storage::Vault& vault, std::int64_t id);

// ---------------------------------------------------------------------------
// Receipts
// ---------------------------------------------------------------------------

struct ReceiptFile {
  std::filesystem::path file;   // written (neutral name, ".age")
  std::size_t bundles = 0;
  std::size_t reports = 0;
};

// HQ: a receipt, signed with the vault's key and sealed to the researcher
// `researcher` (a field contact), for every bundle imported from them so far.
// Written durably to `output_dir` like exports. wrong_role, unknown_contact,
// nothing_to_receipt (nothing received from that researcher), io_write.
[[nodiscard]] Result<ReceiptFile> make_receipt(storage::Vault& vault, const std::string& researcher,
                                               const std::filesystem::path& output_dir,
                                               bool armor = false);

struct ReceiptApplied {
  std::string hq_name;                    // the contact whose key signed it
  std::size_t newly_delivered = 0;        // reports marked delivered now
  std::size_t already_delivered = 0;
  // Listed but not exported by this vault to the HQ that signed it (or the
  // hash differs): a receipt counts only for bundles sealed to its signer.
  std::size_t unknown = 0;
  std::size_t outdated = 0;               // amended since: still not delivered
  std::size_t purged = 0;                 // purged right away (purge-on-receipt on)
};

// Field: decrypts a receipt with this vault's identity, checks its signature
// is by an HQ contact and that it is addressed to this vault's key, then in
// one transaction marks as delivered (custody "receipt_received") every
// listed report that this vault exported, with that hash, in a bundle sealed
// to the signing HQ, and whose whole signed state (content and every
// amendment) the receipt confirms (storage record_delivery). With
// purge-on-receipt on, then purges them. wrong_role, not_encrypted_to_us,
// receipt_* errors, receipt_unknown_signer, receipt_not_for_us, vault_failed.
[[nodiscard]] Result<ReceiptApplied> apply_receipt_file(storage::Vault& vault,
                                                        const std::filesystem::path& file);
[[nodiscard]] Result<ReceiptApplied> apply_receipt(storage::Vault& vault, crypto::ByteSource& in);

// Field: purges every delivered, not yet purged report (storage purge:
// content gone, stub kept). Returns the number purged.
[[nodiscard]] Result<std::size_t> purge_delivered(storage::Vault& vault);

// The storage error behind the last Error::vault_failed returned on this
// thread (for a more precise message); nullopt if none.
[[nodiscard]] std::optional<storage::Error> last_storage_error() noexcept;

}  // namespace fieldseal::transport
