#pragma once
// What a vault records about bundles and receipts (migration 3). The
// transport's exchange.hpp is the only intended caller; front ends read
// report_origin() to show where an imported report came from.
//
// Field vault:
//   export_log / export_recipients / export_reports: every bundle written,
//   with its per-vault sequence number (1, 2, 3, ... monotonic, never reused
//   once recorded), recipients and the SHA-256 of each report entry. Report
//   delivery state (reports.delivery) goes none → exported (export) →
//   delivered (a receipt lists the report with the exported hash).
// HQ vault:
//   received_bundles: bundle id (unique), sender key, sequence (unique per
//   sender), manifest time, receive time. received_bundle_reports: which
//   reports (id, hash) each bundle carried. report_origin: per imported
//   report, the sender key, the bundle that first brought it, when, and when
//   its signatures and custody chain were verified (at import).
//   quarantine / quarantine_chunks: verified bundles from senders that are not
//   contacts, kept as the age file bytes inside the vault and nowhere else.
//
// Functions named *_in_transaction, and those documented so, run inside the
// caller's open transaction (Database::begin) and never commit; the others
// open their own.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::storage {

inline constexpr int kExchangeSchemaMigration = 3;
inline constexpr std::size_t kBundleIdBytes = 16;
using BundleIdBytes = std::array<std::uint8_t, kBundleIdBytes>;

// Migration 3 (registered in migrations.cpp).
[[nodiscard]] Result<void> migrate_exchange_v3(Database& db);

// ---------------------------------------------------------------- field side

// Final, unpurged reports not yet delivered, ascending by id.
[[nodiscard]] Result<std::vector<std::string>> undelivered_final_reports(Database& db);
// Delivered, unpurged reports, ascending by id.
[[nodiscard]] Result<std::vector<std::string>> delivered_unpurged_reports(Database& db);
// 1 + the highest sequence number recorded or reserved (1 for the first
// bundle).
[[nodiscard]] Result<std::uint64_t> next_export_sequence(Database& db);

// Takes the next sequence number for a bundle about to be written, in its
// own committed transaction, before any file exists: export_log gets a row
// (bundle_id, next_export_sequence(), created, exported_at now,
// bundle_bytes 0, file_count 0). record_bundle_export completes that row. An
// export that fails or is killed after this leaves the row as it is, a
// reservation never completed: its number is burnt, never given to another
// bundle, so files an interrupted export left behind can still be imported
// at HQ, and if they never arrive HQ lists the number as a gap ("possibly
// lost"). constraint_failed when the bundle id is already recorded.
[[nodiscard]] Result<std::uint64_t> reserve_export_sequence(Database& db,
                                                            const BundleIdBytes& bundle_id,
                                                            std::uint64_t created);

// What an export needs of one report, without its content: the report row
// is read once, the text columns are not decoded.
struct ExportReportData {
  ReportStatus status = ReportStatus::draft;
  std::optional<crypto::Ed25519Signature> signature;  // final reports
  std::optional<Sha256Digest> content_sha256;         // of the canonical JSON
  std::uint64_t json_bytes = 0;                       // size of the canonical JSON
  // sha256 and size of each attachment, intake order (names not read).
  std::vector<std::pair<Sha256Digest, std::uint64_t>> attachments;
  // Signed amendments in creation order: their exact signed bytes and signatures.
  std::vector<std::pair<std::string, crypto::Ed25519Signature>> amendments;
};

// The reads of an export, with statements prepared once for the whole
// export: with cipher_memory_security every prepare costs tens of
// microseconds of mlock/munlock, which per report and per chunk made the
// statements, not the data, the cost of exporting thousands of reports.
// Must not outlive `db`; one thread.
class ExportReader {
 public:
  [[nodiscard]] static Result<ExportReader> create(Database& db);
  // not_found.
  [[nodiscard]] Result<ExportReportData> report(std::string_view report_id);
  // The canonical JSON of a final report (the bytes its signature covers).
  // not_found; report_not_final (a draft or a purged report).
  [[nodiscard]] Result<std::string> canonical_json(std::string_view report_id);
  // The report's custody log in order, as list_custody returns it.
  [[nodiscard]] Result<std::vector<CustodyEntry>> custody(std::string_view report_id);
  // Attachments are read with AttachmentBlobReader (blob_reader.hpp).

 private:
  ExportReader(Statement row, Statement attachments, Statement amendments, Statement json,
               Statement custody) noexcept;
  Statement row_;
  Statement attachments_;
  Statement amendments_;
  Statement json_;
  Statement custody_;
};

// Chunk `seq` (0-based) of a report's attachment, nullopt past the last
// (export streams attachments into bundles with this: memory stays flat).
// attachment_not_found, purged, not_found.
[[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>> attachment_chunk(
    Database& db, std::string_view report_id, const Sha256Digest& sha256, std::int64_t seq);

struct ExportRecipient {
  std::string name;
  PublicKeyBytes signing_key{};
};
struct ExportedReport {
  std::string id;
  Sha256Digest sha256{};  // of the reports/<id>.json entry (= content_sha256)
};
struct ExportRecord {
  BundleIdBytes bundle_id{};
  std::uint64_t sequence = 0;
  std::uint64_t created = 0;
  std::uint64_t bundle_bytes = 0;
  std::uint32_t file_count = 0;
  std::vector<ExportRecipient> recipients;
  std::vector<ExportedReport> reports;
};
// One transaction: the export log rows, delivery 'exported' (unless already
// delivered) and custody "exported" {to: recipient names joined by ", ",
// bundle: hex id} for every report. The export_log row is the reservation of
// record.bundle_id (reserve_export_sequence; its sequence must equal
// record.sequence), now completed, or, without a reservation, a new row.
// record.file_count must be at least 1 (0 marks a reservation):
// invalid_argument otherwise, as for no reports or no recipients.
// constraint_failed when the sequence or bundle id is already recorded by
// another bundle or the reservation was completed before; report_not_final
// / purged / not_found for a report that cannot be exported. Nothing changes
// on failure.
[[nodiscard]] Result<void> record_bundle_export(Database& db, const crypto::Ed25519KeyPair& key,
                                                const ExportRecord& record);

struct DeliveredRef {
  BundleIdBytes bundle_id{};
  std::string report_id;
  Sha256Digest sha256{};  // the report entry's hash, as exported in that bundle
  Sha256Digest state{};   // report_state_digest of what the HQ holds
};
struct DeliveryOutcome {
  std::vector<std::string> newly_delivered;
  std::size_t already_delivered = 0;
  // Not exported by this vault in that bundle with that hash, or in a bundle
  // that was not sealed to the HQ that signed the receipt.
  std::size_t unknown = 0;
  // Exported to that HQ, but the receipt confirms an older signed state than
  // the report has now (it was amended since): it stays undelivered.
  std::size_t outdated = 0;
};
// One transaction: every ref that this vault exported (same bundle, id and
// hash) in a bundle whose recipients include the HQ whose signing key is
// `hq`, whose `state` equals the report's current report_state, and that is
// not yet delivered becomes delivered, with custody "receipt_received"
// {receipt: receipt_id, bundle}. Refs to purged reports count as already
// delivered when their stub is delivered.
[[nodiscard]] Result<DeliveryOutcome> record_delivery(Database& db, const crypto::Ed25519KeyPair& key,
                                                      std::string_view receipt_id,
                                                      const PublicKeyBytes& hq,
                                                      std::span<const DeliveredRef> refs);

// The digest of a final report's whole signed state (report_json.hpp
// report_state_digest over its content hash and every amendment it holds);
// nullopt for a draft or a purged stub. not_found. Both roles: the field
// compares it with a receipt's, HQ puts it in the receipts it writes.
[[nodiscard]] Result<std::optional<Sha256Digest>> report_state(Database& db,
                                                               std::string_view report_id);

// ---------------------------------------------------------------- HQ side

struct ReceivedBundle {
  std::int64_t num = 0;
  BundleIdBytes bundle_id{};
  PublicKeyBytes sender{};
  std::uint64_t sequence = 0;
  std::uint64_t created = 0;
  std::string received_at;
};

[[nodiscard]] Result<std::optional<ReceivedBundle>> find_received_bundle(Database& db,
                                                                         const BundleIdBytes& id);
// Ascending.
[[nodiscard]] Result<std::vector<std::uint64_t>> received_sequences(Database& db,
                                                                    const PublicKeyBytes& sender);
// Every sender with at least one received bundle, ascending by key bytes.
[[nodiscard]] Result<std::vector<PublicKeyBytes>> received_senders(Database& db);

// In the caller's transaction. Returns the row's num; constraint_failed on a
// duplicate bundle id or (sender, sequence).
[[nodiscard]] Result<std::int64_t> insert_received_bundle(Database& db, const ReceivedBundle& bundle);
[[nodiscard]] Result<void> insert_received_bundle_report(Database& db, std::int64_t bundle_num,
                                                         std::string_view report_id,
                                                         const Sha256Digest& sha256);

// The content hash of a held report (any status), nullopt when none has that id.
[[nodiscard]] Result<std::optional<Sha256Digest>> held_report_hash(Database& db,
                                                                   std::string_view report_id);
// In the caller's transaction: a received final report (content) and its
// origin row. The caller has checked the signature. Returns the report's
// row num. The report is not searchable until index_received_reports.
[[nodiscard]] Result<std::int64_t> insert_received_report(
    Database& db, const ReportDocument& document, std::string_view canonical_json,
    const crypto::Ed25519Signature& signature, const BundleIdBytes& bundle_id,
    std::string_view received_at);
// In the caller's transaction, once after the last insert_received_report
// of an import: the search entries of those reports (nums ascending).
[[nodiscard]] Result<void> index_received_reports(Database& db,
                                                  std::span<const std::int64_t> report_nums);
// In the caller's transaction: sets a received report's signature (it
// travels after the report in a bundle).
[[nodiscard]] Result<void> set_received_signature(Database& db, std::int64_t report_num,
                                                  const crypto::Ed25519Signature& signature);
// In the caller's transaction: attachment rows of a received report. Begin
// inserts the row (no hash yet; call it in the order the report document
// lists its attachments, which is the order the vault shows and signs),
// chunks follow in order, finish sets the hash, size and chunk count. copy
// gives another begun row the chunks of a finished one (two reports listing
// the same bytes) and finishes it.
[[nodiscard]] Result<std::int64_t> begin_received_attachment(Database& db, std::int64_t report_num,
                                                             const AttachmentInfo& info);
[[nodiscard]] Result<void> add_received_chunk(Database& db, std::int64_t attachment_num,
                                              std::int64_t seq, std::span<const std::uint8_t> data);
[[nodiscard]] Result<void> finish_received_attachment(Database& db, std::int64_t attachment_num,
                                                      const Sha256Digest& sha256,
                                                      std::uint64_t size, std::int64_t chunks);
[[nodiscard]] Result<void> copy_received_attachment(Database& db, std::int64_t from_attachment_num,
                                                    std::int64_t to_attachment_num,
                                                    const Sha256Digest& sha256, std::uint64_t size);
// In the caller's transaction: a signed amendment as received (the caller
// re-checks with verify_report afterwards).
[[nodiscard]] Result<void> insert_received_amendment(Database& db, std::int64_t report_num,
                                                     const Amendment& amendment);
// In the caller's transaction: the next custody entries of one report as
// received (its signer's, not ours), in seq order; advances the report's
// custody count and head to the last and, when `signature` is not null,
// sets the report's signature as set_received_signature does, in the same
// UPDATE of its row. Entries of another report than the first's:
// invalid_argument. The caller re-checks with verify_custody afterwards.
[[nodiscard]] Result<void> insert_received_custody(
    Database& db, std::span<const CustodyEntry> entries,
    const crypto::Ed25519Signature* signature = nullptr);
// How many custody entries and amendments a held report has.
[[nodiscard]] Result<std::int64_t> custody_count(Database& db, std::string_view report_id);
[[nodiscard]] Result<std::vector<std::string>> amendment_ids(Database& db, std::string_view report_id);

struct ReportOrigin {
  PublicKeyBytes sender{};
  BundleIdBytes bundle_id{};  // the bundle that first brought the report
  std::string received_at;
  std::string verified_at;    // signatures and custody chain verified on import
};
// nullopt for a report made in this vault.
[[nodiscard]] Result<std::optional<ReportOrigin>> report_origin(Database& db,
                                                                std::string_view report_id);

struct ReceivedBundleReports {
  BundleIdBytes bundle_id{};
  std::vector<ExportedReport> reports;  // ascending by id
};
// Everything received from `sender`, ascending by bundle id (receipts).
[[nodiscard]] Result<std::vector<ReceivedBundleReports>> received_from(Database& db,
                                                                       const PublicKeyBytes& sender);

struct QuarantineRow {
  std::int64_t num = 0;
  BundleIdBytes bundle_id{};
  PublicKeyBytes sender{};
  std::uint64_t sequence = 0;
  std::uint64_t created = 0;
  std::string received_at;
  std::uint64_t report_count = 0;
  std::uint64_t bytes = 0;
};
// In the caller's transaction: a quarantine row (bytes 0), its chunks, and
// the final size.
[[nodiscard]] Result<std::int64_t> insert_quarantine(Database& db, const QuarantineRow& row);
[[nodiscard]] Result<void> add_quarantine_chunk(Database& db, std::int64_t num, std::int64_t seq,
                                                std::span<const std::uint8_t> data);
[[nodiscard]] Result<void> finish_quarantine(Database& db, std::int64_t num,
                                             const QuarantineRow& verified);
[[nodiscard]] Result<std::vector<QuarantineRow>> list_quarantine(Database& db);
[[nodiscard]] Result<std::optional<QuarantineRow>> find_quarantine(Database& db, std::int64_t num);
[[nodiscard]] Result<std::optional<QuarantineRow>> find_quarantine_by_bundle(Database& db,
                                                                            const BundleIdBytes& id);
// Chunk `seq` of a quarantined bundle, nullopt past the last.
[[nodiscard]] Result<std::optional<std::vector<std::uint8_t>>> quarantine_chunk(Database& db,
                                                                               std::int64_t num,
                                                                               std::int64_t seq);
// In the caller's transaction. not_found.
[[nodiscard]] Result<void> delete_quarantine(Database& db, std::int64_t num);

}  // namespace fieldseal::storage
