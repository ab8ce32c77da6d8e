#pragma once
// Counts of incidents for HQ's dashboard and `fieldseal stats`: one SQL
// aggregate per question, never a walk over every report, so the numbers at
// 100,000 reports come back in well under a second (docs/benchmarks.md).
//
// What is counted. An incident is one report (one record per detention, not
// per detainee, as the design brief says). Purged stubs never count: their
// content is gone. Drafts do not count unless StatsFilter::include_drafts:
// a draft is unfinished, may still change or be abandoned, and is not what a
// researcher has signed. At HQ every imported report is final, so the option
// changes nothing there; in a field vault it lets a researcher count work in
// progress.
//
// Buckets per dimension (StatsBucket):
//   month     key "YYYY-MM" of the incident's start date (day or month
//             precision). A start date known only to the year is its own
//             bucket, key "YYYY" (not spread over months, not "unknown": the
//             year is known). No start date: one bucket with unknown = true.
//             Order: chronological; a year-only bucket sorts before that
//             year's months (keys compare as strings); unknown last. Months
//             between the first and the last counted month that have no
//             incident are present with count 0 (a time axis without holes),
//             unless that span exceeds kMaxFilledMonths, when only months
//             with incidents are listed.
//   act_type  key = the act's 14-digit HURIDOCS code (labels: vocabulary.hpp;
//             a code this version does not know is still counted under its
//             code). A report with acts of two types counts once for each, so
//             these buckets may add up to more than `total`; two acts of the
//             same type in one report count once. Reports without acts: one
//             bucket with unknown = true. Order: count descending, then code.
//   region    key = the location's region exactly as written (trimmed on
//             save). Empty region: unknown = true. Order: count descending,
//             then key (byte order).
//   sender    (HQ) key = the sender's Ed25519 public key, lowercase hex;
//             name = the contact's name, "" when the key is no longer a
//             contact. Reports written in this vault (no sender): unknown =
//             true. Order: count descending, then name, then key.
// Every dimension's buckets (count > 0, apart from filled months) cover
// every counted report; `total` is the number of distinct reports counted.
//
// Filter (all optional, combined with AND): start-date range as in
// ReportFilter (partial dates; a report with an unknown start date is left
// out when either bound is given), act type (code or key: reports with at
// least one act of that type), region (exact after trimming; "" selects
// reports without a region), sender (a contact's name: reports that contact
// sent).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"

namespace fieldseal::storage {

enum class StatsDimension { month, act_type, region, sender };

// Migration 5: a covering index over the columns the counts read (status,
// start date and its precision, region, id), so that they scan a few MB of
// index instead of every report's pages (a table scan of 100,000 reports
// decrypts the whole vault). Registered in migrations.cpp.
inline constexpr int kStatisticsIndexMigration = 5;
[[nodiscard]] Result<void> migrate_statistics_index_v5(Database& db);

// 50 years of months; beyond it empty months are not filled in.
inline constexpr std::int64_t kMaxFilledMonths = 600;

struct StatsFilter {
  std::optional<std::string> date_from;  // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::optional<std::string> date_to;
  std::optional<std::string> act_type;   // code or key
  std::optional<std::string> region;     // exact; "" = no region
  std::optional<std::string> sender;     // contact name
  bool include_drafts = false;
};

struct StatsBucket {
  std::string key;
  std::string name;      // sender: the contact's name
  bool unknown = false;  // no start date / no act / no region / written here
  std::int64_t count = 0;
  friend bool operator==(const StatsBucket&, const StatsBucket&) = default;
};

struct Statistics {
  StatsDimension dimension = StatsDimension::month;
  std::int64_t total = 0;  // distinct reports counted
  std::vector<StatsBucket> buckets;
};

// Errors: invalid_argument (a date bound that is not a partial date, or a
// region over kMaxFieldBytes), unknown_act_type, not_found (no contact of
// that name), and the database's own.
[[nodiscard]] Result<Statistics> incident_statistics(Database& db, StatsDimension dimension,
                                                     const StatsFilter& filter = {});

// Stable names of the dimensions ("month", "act", "region", "sender"), as the
// CLI's --by takes them; nullopt for anything else.
[[nodiscard]] std::string_view key(StatsDimension dimension) noexcept;
[[nodiscard]] std::optional<StatsDimension> parse_stats_dimension(std::string_view text) noexcept;

// HQ: what was received from each field contact (the receipt dialog and
// `fieldseal stats --received`): every contact with a field card, by name,
// with the bundles imported from it, the distinct reports those bundles
// carried, and when the last of them was received ("" if none).
struct ReceivedSummary {
  std::string name;
  crypto::Ed25519PublicKey signing_key;
  std::int64_t bundles = 0;
  std::int64_t reports = 0;
  std::string last_received_at;  // UTC ISO 8601
};
[[nodiscard]] Result<std::vector<ReceivedSummary>> received_summary(Database& db);

}  // namespace fieldseal::storage
