#pragma once
// Canonical JSON: the exact bytes a report's (or an amendment's) signature
// covers, and what a bundle carries as reports/<id>.json. Rules: UTF-8 (no
// escapes for non-ASCII), object keys sorted by byte value, no insignificant
// whitespace, integers only (coordinates in microdegrees), every key always
// present (absent values are "" or null), arrays in the report's order except
// tags (sorted). nlohmann-json's compact dump() with std::map objects gives
// exactly this; parse_report_json accepts only input that re-serialises to
// the identical bytes.
//
// Also here: compact JSON views of reports, lists, search hits, custody logs
// and the vocabulary, for front ends' --json output (not signed, not canonical
// contracts, but stable keys).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/search.hpp"

namespace fieldseal::storage {

inline constexpr std::string_view kReportFormat = "fieldseal-report/1";
inline constexpr std::string_view kAmendmentFormat = "fieldseal-amendment/1";
inline constexpr std::string_view kCustodyFormat = "fieldseal-custody/1";
inline constexpr std::size_t kMaxReportJsonBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxJsonDepth = 8;

// What a final report's signature covers.
struct ReportDocument {
  std::string id;
  std::string created_at;
  std::string finalized_at;
  PublicKeyBytes signer{};
  ReportDraft content;  // as normalize_draft returns it
  std::vector<AttachmentInfo> attachments;  // added_at is not part of the document
  friend bool operator==(const ReportDocument&, const ReportDocument&) = default;
};

// invalid_argument when a string is not valid UTF-8.
[[nodiscard]] Result<std::string> canonical_report_json(const ReportDocument& document);

// Strict parse of untrusted bytes (e.g. from a bundle): size and depth caps,
// every field present with the right type and nothing else, a known format,
// a valid draft, canonical form. report_json_invalid otherwise.
[[nodiscard]] Result<ReportDocument> parse_report_json(std::string_view json);

// signature_invalid unless `signature` is `signer`'s signature of `json`.
[[nodiscard]] Result<void> verify_report_json(std::string_view json,
                                              std::span<const std::uint8_t> signature,
                                              const crypto::Ed25519PublicKey& signer);

struct AmendmentDocument {
  std::string id;
  std::string report_id;
  Sha256Digest report_sha256{};  // SHA-256 of the amended report's canonical JSON
  std::string created_at;
  std::string text;
  PublicKeyBytes signer{};
};
[[nodiscard]] Result<std::string> canonical_amendment_json(const AmendmentDocument& document);

// A report's whole signed state, what a receipt confirms (docs/bundle-format.md
// §12): SHA-256(kReportStateContext || content_sha256 || the SHA-256 of each
// amendment's canonical JSON, sorted ascending by byte value). Sorting makes
// the digest independent of the order in which two vaults list amendments; a
// report with no amendments has the digest of its content hash alone.
inline constexpr std::string_view kReportStateContext = "fieldseal-report-state-v1\n";
[[nodiscard]] Sha256Digest report_state_digest(const Sha256Digest& content_sha256,
                                               std::vector<Sha256Digest> amendment_sha256s);

// Views. include_sensitive = false leaves persons' sensitive details out.
[[nodiscard]] std::string report_view_json(const Report& report, bool include_sensitive);
[[nodiscard]] std::string report_list_json(const std::vector<ReportSummary>& reports);
[[nodiscard]] std::string search_hits_json(const std::vector<SearchHit>& hits);
[[nodiscard]] std::string custody_json(const std::vector<CustodyEntry>& entries,
                                       const CustodyCheck& check);
[[nodiscard]] std::string attachments_json(const std::vector<AttachmentInfo>& attachments);
// Act types, roles, precisions, consent flags, statuses with both labels.
[[nodiscard]] std::string vocabulary_json();

}  // namespace fieldseal::storage
