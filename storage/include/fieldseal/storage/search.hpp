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

namespace fieldseal::storage {

inline constexpr std::size_t kMaxSearchQueryBytes = 1024;
inline constexpr std::size_t kMaxSearchTerms = 32;

struct SearchHit {
  std::string id;
  std::string title;
  double rank = 0;  // FTS5 bm25: lower is better; 0 when unranked (see "Order")
};

inline constexpr std::int64_t kDefaultMaxRankedMatches = 1000;

struct SearchOptions {
  std::int64_t limit = 50;  // 1..10000
  std::int64_t offset = 0;
  std::int64_t max_ranked = kDefaultMaxRankedMatches;  // 0..1000000 (see "Order")
};

// The FTS5 MATCH expression for a user query. search_query_invalid when the
// query is empty, holds no word characters, or exceeds the caps above.
[[nodiscard]] Result<std::string> fts_match_expression(std::string_view user_query);

[[nodiscard]] Result<std::vector<SearchHit>> search_reports(Database& db,
                                                            std::string_view user_query,
                                                            const SearchOptions& options = {});

}  // namespace fieldseal::storage
