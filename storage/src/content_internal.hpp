#pragma once
// Helpers shared by the report-content sources (not installed).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::storage::detail {

[[nodiscard]] std::string now_utc();
[[nodiscard]] std::string random_id();
[[nodiscard]] std::string to_hex(std::span<const std::uint8_t> bytes);
[[nodiscard]] Sha256Digest sha256_of(std::string_view bytes);
[[nodiscard]] std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept;
[[nodiscard]] bool valid_utf8(std::string_view text) noexcept;
template <std::size_t N>
[[nodiscard]] bool to_array(const std::vector<std::uint8_t>& in, std::array<std::uint8_t, N>& out) {
  if (in.size() != N) return false;
  std::copy(in.begin(), in.end(), out.begin());
  return true;
}

struct ReportRow {
  std::int64_t num = 0;
  ReportStatus status = ReportStatus::draft;
};
// not_found when no report has this id.
[[nodiscard]] Result<ReportRow> find_report(Database& db, std::string_view id);

// Where a report's attachment lives: its row number, size and chunk count.
// Fails with purged, attachment_not_found or the report lookup's error.
struct AttachmentLocation {
  std::int64_t num = 0;
  std::int64_t size = 0;
  std::int64_t chunk_count = 0;
};
[[nodiscard]] Result<AttachmentLocation> locate_attachment(Database& db, std::string_view report_id,
                                                           const Sha256Digest& sha256);

// Appends a custody entry inside the caller's open transaction.
[[nodiscard]] Result<CustodyEntry> append_custody_in_transaction(
    Database& db, const crypto::Ed25519KeyPair& key, std::string_view report_id,
    CustodyEvent event, const std::map<std::string, std::string>& details);

// A final report received in a bundle (transport import, HQ), inside the
// caller's transaction: the reports row (status final, the signed canonical
// JSON, signature, signer, content hash) and its content rows, not yet its
// search entry (index_new_reports, once for all of an import's reports).
// The caller has verified the signature; attachments, amendments and
// custody entries are added by the caller. Returns the row's num.
[[nodiscard]] Result<std::int64_t> insert_final_report(Database& db, const ReportDocument& document,
                                                       std::string_view canonical_json,
                                                       const crypto::Ed25519Signature& signature);

// Search index maintenance (search.cpp), inside the caller's transaction.
[[nodiscard]] Result<void> index_report(Database& db, std::int64_t num, const ReportDraft& draft);
[[nodiscard]] Result<void> unindex_report(Database& db, std::int64_t num);
// Indexes stored reports that have no search entry yet (nums in ascending
// order), as index_report would, in one statement: FTS5 writes its pending
// terms to disk at every statement savepoint, so one report per statement
// would leave one small segment per report to merge.
[[nodiscard]] Result<void> index_new_reports(Database& db, std::span<const std::int64_t> nums);
// Rewrites the FTS5 b-trees so freed segments leave the index (purge).
[[nodiscard]] Result<void> optimize_search_index(Database& db);

// Attachments of a report (attachments.cpp).
[[nodiscard]] Result<std::vector<AttachmentInfo>> load_attachments(Database& db,
                                                                   std::int64_t report_num);
[[nodiscard]] Result<void> delete_attachments(Database& db, std::int64_t report_num);

}  // namespace fieldseal::storage::detail
