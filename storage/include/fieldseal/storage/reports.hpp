#pragma once
// Reports after the HURIDOCS Events Standard Formats: one record per incident
// (one per detention, not per detainee), with its acts, the persons involved
// (sensitive details kept in their own table), sources with consent, tags and
// attachments.
//
// Life cycle: draft (editable) → final (finalize_report signs the canonical
// JSON of report_json.hpp with the vault's Ed25519 key; immutable from then
// on; corrections are signed amendments) → purged (content gone, a stub with
// id, hash, dates and delivery state kept). Every change is one transaction
// and appends to the report's custody log (custody.hpp) in that transaction.
//
// Report ids are random (UUID version-4 form, 36 characters), never
// sequential. Times are UTC, "YYYY-MM-DDTHH:MM:SSZ".
//
// All functions take the vault's open Database; those that write the custody
// log also take the vault's signing key explicitly.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/vocabulary.hpp"

namespace fieldseal::storage {

inline constexpr std::size_t kSha256DigestBytes = 32;
using Sha256Digest = std::array<std::uint8_t, kSha256DigestBytes>;
using PublicKeyBytes = std::array<std::uint8_t, crypto::kEd25519PublicKeyBytes>;

// Size caps (bytes of UTF-8) enforced on every write; invalid_argument beyond.
inline constexpr std::size_t kReportIdLength = 36;
inline constexpr std::size_t kMaxTitleBytes = 1024;
inline constexpr std::size_t kMaxNarrativeBytes = 1024 * 1024;
inline constexpr std::size_t kMaxFieldBytes = 16 * 1024;  // names, places, methods, notes…
inline constexpr std::size_t kMaxRefBytes = 64;           // person refs: [A-Za-z0-9_-]
inline constexpr std::size_t kMaxTagBytes = 128;
inline constexpr std::size_t kMaxListItems = 1000;        // acts, persons, sources, tags
inline constexpr std::size_t kMaxAmendmentBytes = 256 * 1024;
inline constexpr std::int64_t kMaxListLimit = 10000;
// All the text of a draft together; keeps a final report's canonical JSON
// under kMaxReportJsonBytes (report_json.hpp), the bundle's entry cap.
inline constexpr std::size_t kMaxDraftBytes = 4 * 1024 * 1024;

// A date known to a given precision: value is "YYYY-MM-DD" (day), "YYYY-MM"
// (month), "YYYY" (year) or "" (unknown), and nothing else.
struct PartialDate {
  DatePrecision precision = DatePrecision::unknown;
  std::string value;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};
// "2024-03-05", "2024-03", "2024", "" or "unknown"; the precision follows
// from the shape. invalid_argument for anything else or an impossible date.
[[nodiscard]] Result<PartialDate> parse_partial_date(std::string_view text);
[[nodiscard]] bool is_valid(const PartialDate& date) noexcept;

// WGS84 in millionths of a degree (exact in JSON, unlike floating point).
inline constexpr std::int64_t kMicrodegrees = 1000000;
struct Coordinates {
  std::int64_t latitude = 0;   // [-90e6, 90e6]
  std::int64_t longitude = 0;  // [-180e6, 180e6]
  friend bool operator==(const Coordinates&, const Coordinates&) = default;
};
// "55.755826,37.6173" (at most 6 decimals); invalid_argument otherwise.
[[nodiscard]] Result<Coordinates> parse_coordinates(std::string_view text);
[[nodiscard]] std::string format_coordinates(const Coordinates& coordinates);

struct Location {
  std::string text;    // free text: "Tverskoy police station, Moscow"
  std::string region;  // e.g. "Moscow", "Chechnya"; list filter matches it exactly
  std::optional<Coordinates> coordinates;
  friend bool operator==(const Location&, const Location&) = default;
};

// Details that identify a person, stored in their own table so that views and
// future exports can leave them out.
struct PersonSensitive {
  std::string legal_name;
  std::string birth_date;
  std::string contact;
  std::string notes;
  friend bool operator==(const PersonSensitive&, const PersonSensitive&) = default;
};

struct Person {
  std::string ref;          // unique in the report; "" → "p<position+1>" on save
  std::string name;         // as the report refers to them (may be a pseudonym)
  std::vector<PersonRole> roles;  // at least one, no duplicates
  std::string description;  // "journalist", "group of ~20 protesters"
  PersonSensitive sensitive;
  friend bool operator==(const Person&, const Person&) = default;
};

struct Act {
  std::string type_code;        // a code of act_types() (a key is accepted and
                                // stored as its code)
  std::string victim_ref;       // a person ref of this report, or ""
  std::string perpetrator_ref;  // a person ref of this report, or ""
  std::string method;           // free text
  PartialDate date;
  friend bool operator==(const Act&, const Act&) = default;
};

struct Consent {
  bool may_quote = false;
  bool must_anonymise = true;
  bool may_publish = false;
  friend bool operator==(const Consent&, const Consent&) = default;
};

struct Source {
  std::string person_ref;   // a person ref of this report, or ""
  std::string description;  // "interview in person", "court papers"
  Consent consent;
  friend bool operator==(const Source&, const Source&) = default;
};

// Everything a user writes: what a CLI or GUI fills in from flags or a form.
struct ReportDraft {
  std::string title;  // required, non-empty
  std::string narrative;
  PartialDate start;
  PartialDate end;  // must not precede start when both are known
  Location location;
  std::vector<Act> acts;
  std::vector<Person> persons;
  std::vector<Source> sources;
  std::vector<std::string> tags;  // trimmed, deduplicated and sorted on save
  friend bool operator==(const ReportDraft&, const ReportDraft&) = default;
};

// Checks every cap and reference and returns the draft as it will be saved
// (refs filled in, act keys turned into codes, tags normalised).
// invalid_argument or unknown_act_type.
[[nodiscard]] Result<ReportDraft> normalize_draft(ReportDraft draft);

struct AttachmentInfo {
  Sha256Digest sha256{};
  std::uint64_t size = 0;
  std::string name;        // the file's base name as given at intake
  std::string media_type;  // e.g. "image/jpeg"; may be ""
  std::string added_at;
  friend bool operator==(const AttachmentInfo&, const AttachmentInfo&) = default;
};

struct Amendment {
  std::string id;
  std::string report_id;
  std::string created_at;
  std::string text;
  std::string canonical_json;  // the exact signed bytes (report_json.hpp)
  crypto::Ed25519Signature signature{};
  PublicKeyBytes signer{};
};

struct Report {
  std::string id;
  ReportStatus status = ReportStatus::draft;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> finalized_at;
  std::optional<std::string> purged_at;
  ReportDraft content;                     // empty once purged
  std::vector<AttachmentInfo> attachments;  // empty once purged
  std::vector<Amendment> amendments;        // empty once purged
  // Final reports: the canonical JSON that was signed, the signature and key.
  std::optional<std::string> canonical_json;
  std::optional<crypto::Ed25519Signature> signature;
  std::optional<PublicKeyBytes> signer;
  // SHA-256 of canonical_json (final), kept in the stub after a purge.
  std::optional<Sha256Digest> content_sha256;
  DeliveryState delivery = DeliveryState::none;
  std::optional<std::string> exported_at;
  std::optional<std::string> delivered_at;
};

// Creates a draft. Returns its new random id. Custody: "created".
[[nodiscard]] Result<std::string> create_report(Database& db, const crypto::Ed25519KeyPair& key,
                                                const ReportDraft& draft);
// Replaces a draft's content. report_final / purged / not_found. Custody: "edited".
[[nodiscard]] Result<void> update_report(Database& db, const crypto::Ed25519KeyPair& key,
                                         std::string_view id, const ReportDraft& draft);
// Signs and freezes a draft; returns the canonical JSON that was signed.
// report_final if already final. Custody: "finalized" (with the hash).
[[nodiscard]] Result<std::string> finalize_report(Database& db,
                                                  const crypto::Ed25519KeyPair& key,
                                                  std::string_view id);
// A signed correction of a final report (report_not_final for drafts).
// Returns the amendment id. Custody: "amended". The report's delivery state
// goes back to none: no receipt confirms the new signed state yet (see
// exchange_records.hpp record_delivery), so it is exported again and not
// purged as delivered.
[[nodiscard]] Result<std::string> add_amendment(Database& db, const crypto::Ed25519KeyPair& key,
                                                std::string_view report_id,
                                                std::string_view text);
// The report with everything (stub only when purged). not_found.
[[nodiscard]] Result<Report> get_report(Database& db, std::string_view id);
// Re-checks a final report: the stored content still produces the stored
// canonical JSON, its hash matches, and the signature (and those of all
// amendments) verify under the stored key — or under `expected` when given.
// report_not_final, signature_invalid.
[[nodiscard]] Result<void> verify_report(Database& db, std::string_view id,
                                         const crypto::Ed25519PublicKey* expected = nullptr);

enum class ReportOrder { created_desc, created_asc, incident_desc, incident_asc };

struct ReportFilter {
  // Without a status, purged stubs are left out.
  std::optional<ReportStatus> status;
  std::optional<std::string> act_type;  // code or key; unknown_act_type otherwise
  // Partial dates ("2024", "2024-03", "2024-03-05"): reports whose start date
  // (taken at its earliest day) lies in [from, to-at-its-latest-day]. Reports
  // with an unknown start date are excluded when either bound is given.
  std::optional<std::string> date_from;
  std::optional<std::string> date_to;
  std::optional<std::string> region;  // exact match
  std::int64_t limit = 50;            // 1..kMaxListLimit
  std::int64_t offset = 0;
  ReportOrder order = ReportOrder::created_desc;
};

struct ReportSummary {
  std::string id;
  ReportStatus status = ReportStatus::draft;
  std::string title;
  PartialDate start;
  std::string region;
  std::vector<std::string> act_types;  // codes, in act order
  std::string created_at;
  std::string updated_at;
  DeliveryState delivery = DeliveryState::none;
};

[[nodiscard]] Result<std::vector<ReportSummary>> list_reports(Database& db,
                                                              const ReportFilter& filter);

// Transport hooks: record that a final report left in a bundle (custody
// "exported" with recipient and bundle id) and that HQ's receipt lists it
// (custody "receipt_received"). report_not_final for drafts.
[[nodiscard]] Result<void> record_export(Database& db, const crypto::Ed25519KeyPair& key,
                                         std::string_view report_id,
                                         std::string_view recipient,
                                         std::string_view bundle_id);
[[nodiscard]] Result<void> record_receipt(Database& db, const crypto::Ed25519KeyPair& key,
                                          std::string_view report_id,
                                          std::string_view receipt_id);

// Removes a report's content, persons, tags, amendments, attachments and its
// search index entry, keeping a stub (id, content hash, created/finalized/
// purged dates, delivery state) and the custody log, which gets "purged".
// Then makes SQLite and FTS5 forget: secure_delete (set by Database) zeroes
// every freed cell and every freed page (overflow pages of attachment chunks
// included) as it is freed, FTS5 runs with secure-delete and is optimised,
// and the WAL is checkpointed and truncated, so no byte of the content is
// left in the vault files, decrypted pages, free pages or WAL (the canary
// tests in tests/storage/reports/test_purge.cpp scan all of them).
// No VACUUM: with temp_store = MEMORY (no plaintext temporary files) it
// would hold a copy of the whole database in RAM. So memory stays flat
// (SQLite's page cache) whatever the vault or attachment size; time and WAL
// growth are proportional to the purged content, whose pages are rewritten as
// zeros, not to the vault. The file keeps its size: the zeroed pages are free
// pages that later writes reuse. Purging a purged report is not an error
// (nothing happens). Unknown ids: not_found, nothing purged.
[[nodiscard]] Result<void> purge_report(Database& db, const crypto::Ed25519KeyPair& key,
                                        std::string_view id);
[[nodiscard]] Result<void> purge_reports(Database& db, const crypto::Ed25519KeyPair& key,
                                         std::span<const std::string> ids);

}  // namespace fieldseal::storage
