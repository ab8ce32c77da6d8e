#pragma once
// Full-text search (SQLite FTS5) over report titles, narratives, places
// (location text and region), person names and tags. The index uses the
// unicode61 tokenizer with remove_diacritics 2, so matching is case-insensitive
// in Cyrillic and Latin and ignores Latin diacritics; "ё" is indexed and
// searched as "е". The table is contentless (it stores no copy of the text)
// with contentless_delete = 1 and the 'secure-delete' option, so a deleted
// or edited report leaves no tokens behind.
//
// User queries are never passed to FTS5 as syntax: each whitespace-separated
// word becomes a quoted phrase (quotes doubled) and all must match (AND). A
// trailing '*' on a word asks for a prefix match.
//
// Prefix queries ("word*") are answered from FTS5 prefix indexes of 2, 3
// and 4 characters (schema migration 4); longer prefixes merge the terms
// that share them in the main index, which costs time in proportion to
// their doclists.
//
// Order: best first (bm25) when the query matches at most
// SearchOptions::max_ranked reports; beyond that, newest first (highest
// rowid) with rank 0. Ranking costs time in proportion to the number of
// matches (bm25 reads every match's positions and column sizes: about 10 µs
// of CPU each, so a second for a word found in all of 100,000 reports), while
// bench/cases/20-vault.sh holds search to 20 ms; and a word found in
// thousands of reports says little about relevance. Paging (offset) is
// consistent within either order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::storage {

inline constexpr std::size_t kMaxSearchQueryBytes = 1024;
inline constexpr std::size_t kMaxSearchTerms = 32;

struct SearchHit {
  std::string id;
  std::string title;
  double rank = 0;  // FTS5 bm25: lower is better; 0 when unranked (see "Order")
};

inline constexpr std::int64_t kDefaultMaxRankedMatches = 1000;
inline constexpr std::int64_t kMaxRankedMatchesCap = 1000000;

struct SearchOptions {
  std::int64_t limit = 50;  // 1..10000
  std::int64_t offset = 0;
  std::int64_t max_ranked = kDefaultMaxRankedMatches;  // 0..kMaxRankedMatchesCap (see "Order")
};

// The FTS5 MATCH expression for a user query. search_query_invalid when the
// query is empty, holds no word characters, or exceeds the caps above.
[[nodiscard]] Result<std::string> fts_match_expression(std::string_view user_query);

[[nodiscard]] Result<std::vector<SearchHit>> search_reports(Database& db,
                                                            std::string_view user_query,
                                                            const SearchOptions& options = {});

// Full-text search combined with the report list's filters: the reports that
// match `user_query` (as search_reports) AND pass `filter` (status, act type,
// dates, region exactly as list_reports applies them; without a status,
// purged stubs are left out, and a purged report never matches since purge
// unindexes it), paged by filter.limit (1..kMaxListLimit) and filter.offset.
// Rows are ReportSummary, as list_reports returns them. filter.order is not
// used: the order is search_reports' (see "Order"), decided the same way
// (bm25 when the words alone match at most max_ranked reports, 0..
// kMaxRankedMatchesCap; otherwise newest first), so the result is always
// search_reports' sequence with the reports the filter rejects left out.
// search_query_invalid for the query (as fts_match_expression);
// invalid_argument for limits and dates; unknown_act_type.
//
// Cost: as search_reports plus one report row read per match examined.
// Ranked: at most max_ranked matches. Newest first: matches are read until
// the page is full, so a filter that passes few of many matches reads many
// rows (every match when it passes none).
[[nodiscard]] Result<std::vector<ReportSummary>> search_report_summaries(
    Database& db, std::string_view user_query, const ReportFilter& filter,
    std::int64_t max_ranked = kDefaultMaxRankedMatches);

// Schema migration 4 (migrations.hpp): recreates the contentless search
// table with the prefix indexes and indexes every report that is not purged
// again from the content tables (a contentless table cannot `rebuild`), in
// the runner's transaction. The old table's pages are freed under
// secure_delete. Time grows with the text in the vault.
[[nodiscard]] Result<void> migrate_search_prefix_v4(Database& db);
// Migration 6: FTS5's in-memory hash of pending terms for the search table
// may hold kSearchPendingBytes (FTS5's default is 1 MiB) before it is written
// out as a segment. An import indexes all its reports in one statement
// (exchange_records.hpp index_received_reports); with 1 MiB a 256 MiB bundle
// (25 MiB of text) wrote ~100 segments for automerge to merge and allocated
// each term's entry again after every flush. The hash is SQLite memory:
// locked and wiped on free like the page cache (cipher_memory_security).
inline constexpr std::int64_t kSearchPendingBytes = std::int64_t{8} << 20;
[[nodiscard]] Result<void> migrate_search_hashsize_v6(Database& db);

}  // namespace fieldseal::storage
