#include "fieldseal/storage/search.hpp"

#include <string>

#include "content_internal.hpp"
#include "report_query_internal.hpp"

namespace fieldseal::storage {
namespace {

// unicode61 folds case but keeps "ё" apart from "е"; Russian writers use them
// interchangeably, so both the index and the queries fold ё/Ё to е/Е.
std::string fold_yo(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 1 < text.size() && text[i] == '\xd1' && text[i + 1] == '\x91') {
      out += "\xd0\xb5";
      ++i;
    } else if (i + 1 < text.size() && text[i] == '\xd0' && text[i + 1] == '\x81') {
      out += "\xd0\x95";
      ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// A word holds something unicode61 indexes: an ASCII letter or digit, or any
// non-ASCII character (conservative: FTS5 decides on the rest).
bool has_word_character(std::string_view word) noexcept {
  for (const char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
  }
  return false;
}

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Matches of a MATCH expression in the index, counted up to `cap` by walking
// the doclists without ranking.
Result<std::int64_t> count_matches(Database& db, const std::string& expression, std::int64_t cap) {
  auto count = db.prepare(
      "SELECT count(*) FROM (SELECT rowid FROM report_search WHERE report_search MATCH ?1 "
      "LIMIT ?2)");
  if (!count) return fail(count.error());
  count->bind(1, expression).bind(2, cap);
  auto row = count->step();
  if (!row) return fail(row.error());
  return *row ? count->column_int64(0) : 0;
}

}  // namespace

Result<std::string> fts_match_expression(std::string_view user_query) {
  if (user_query.size() > kMaxSearchQueryBytes || !detail::valid_utf8(user_query) ||
      user_query.find('\0') != std::string_view::npos) {
    return fail(Error::search_query_invalid);
  }
  const std::string folded = fold_yo(user_query);
  std::string_view rest = folded;
  std::string expression;
  std::size_t terms = 0;
  while (!rest.empty()) {
    std::size_t start = 0;
    while (start < rest.size() && is_space(rest[start])) ++start;
    rest.remove_prefix(start);
    if (rest.empty()) break;
    std::size_t end = 0;
    while (end < rest.size() && !is_space(rest[end])) ++end;
    std::string_view word = rest.substr(0, end);
    rest.remove_prefix(end);
    bool prefix = false;
    if (word.size() > 1 && word.back() == '*') {
      prefix = true;
      word.remove_suffix(1);
    }
    if (!has_word_character(word)) continue;
    if (++terms > kMaxSearchTerms) return fail(Error::search_query_invalid);
    if (!expression.empty()) expression.push_back(' ');
    expression.push_back('"');
    for (const char c : word) {
      if (c == '"') expression.push_back('"');
      expression.push_back(c);
    }
    expression.push_back('"');
    if (prefix) expression.push_back('*');
  }
  if (terms == 0) return fail(Error::search_query_invalid);
  return expression;
}

Result<std::vector<SearchHit>> search_reports(Database& db, std::string_view user_query,
                                              const SearchOptions& options) {
  if (options.limit < 1 || options.limit > 10000 || options.offset < 0 ||
      options.max_ranked < 0 || options.max_ranked > kMaxRankedMatchesCap) {
    return fail(Error::invalid_argument);
  }
  auto expression = fts_match_expression(user_query);
  if (!expression) return fail(expression.error());
  auto counted = count_matches(db, *expression, options.max_ranked + 1);
  if (!counted) {
    return fail(counted.error() == Error::sql_failed ? Error::search_query_invalid
                                                      : counted.error());
  }
  const bool ranked = *counted <= options.max_ranked;
  auto s = db.prepare(
      // Rank inside FTS5 and join only the page: purged reports are not in
      // the index (purge unindexes them), the status test is a second guard.
      ranked ? "SELECT r.id, r.title, f.rank FROM (SELECT rowid, rank FROM report_search "
               "WHERE report_search MATCH ?1 ORDER BY rank, rowid LIMIT ?2 OFFSET ?3) f "
               "JOIN reports r ON r.num = f.rowid WHERE r.status <> 'purged' "
               "ORDER BY f.rank, f.rowid"
             : "SELECT r.id, r.title, 0.0 FROM report_search f JOIN reports r ON r.num = f.rowid "
               "WHERE report_search MATCH ?1 AND r.status <> 'purged' ORDER BY f.rowid DESC "
               "LIMIT ?2 OFFSET ?3");
  if (!s) return fail(s.error());
  s->bind(1, *expression).bind(2, options.limit).bind(3, options.offset);
  std::vector<SearchHit> hits;
  for (;;) {
    auto r = s->step();
    if (!r) {
      // The expression is built from quoted phrases only; a failure here is
      // still reported as the query's, never with SQLite's text.
      return fail(r.error() == Error::sql_failed ? Error::search_query_invalid : r.error());
    }
    if (!*r) break;
    hits.push_back(SearchHit{s->column_text(0), s->column_text(1), s->column_double(2)});
  }
  return hits;
}

Result<std::vector<ReportSummary>> search_report_summaries(Database& db,
                                                           std::string_view user_query,
                                                           const ReportFilter& filter,
                                                           std::int64_t max_ranked) {
  if (filter.limit < 1 || filter.limit > kMaxListLimit || filter.offset < 0 || max_ranked < 0 ||
      max_ranked > kMaxRankedMatchesCap) {
    return fail(Error::invalid_argument);
  }
  auto expression = fts_match_expression(user_query);
  if (!expression) return fail(expression.error());
  constexpr int kFirstFilterParam = 2;  // ?1 is the MATCH expression
  auto clause = detail::filter_clause(filter, kFirstFilterParam);
  if (!clause) return fail(clause.error());
  const int limit_param = kFirstFilterParam + static_cast<int>(clause->values.size());
  const std::string limits =
      " LIMIT ?" + std::to_string(limit_param) + " OFFSET ?" + std::to_string(limit_param + 1);
  const std::string matches =
      " FROM report_search f JOIN reports r ON r.num = f.rowid WHERE report_search MATCH ?1 AND " +
      clause->sql;
  const auto query_error = [](Error e) {
    return e == Error::sql_failed ? Error::search_query_invalid : e;
  };

  auto counted = count_matches(db, *expression, max_ranked + 1);
  if (!counted) return fail(query_error(counted.error()));
  const bool ranked = *counted <= max_ranked;

  // rank is read only for rows that pass the filter, so ranking costs what
  // the filtered matches cost.
  auto s = db.prepare("SELECT " + std::string(detail::kSummaryColumns) + matches +
                      (ranked ? " ORDER BY f.rank, f.rowid" : " ORDER BY f.rowid DESC") + limits);
  if (!s) return fail(s.error());
  s->bind(1, *expression);
  detail::bind_filter(*s, *clause, kFirstFilterParam);
  s->bind(limit_param, filter.limit).bind(limit_param + 1, filter.offset);
  std::vector<ReportSummary> out;
  for (;;) {
    auto row = s->step();
    if (!row) return fail(query_error(row.error()));
    if (!*row) break;
    auto summary = detail::read_summary(*s);
    if (!summary) return fail(summary.error());
    out.push_back(std::move(*summary));
  }
  return out;
}

namespace {

// The search table as migration 4 creates it (migration 2's definition plus
// the prefix indexes); then every report that has content is indexed again.
constexpr std::string_view kSearchPrefixV4 = R"sql(
DROP TABLE report_search;
CREATE VIRTUAL TABLE report_search USING fts5(
  title, narrative, places, names, tags,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
INSERT INTO report_search(report_search, rank) VALUES ('secure-delete', 1);
)sql";

// Stored reports indexed as detail::index_report indexes a draft: the same
// five columns, ё/Ё folded in SQL exactly as fold_yo does, persons in
// position order, tags in their sorted order. A WHERE clause follows.
constexpr std::string_view kIndexStoredReports = R"sql(
INSERT INTO report_search (rowid, title, narrative, places, names, tags)
SELECT r.num,
       replace(replace(r.title, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(r.narrative, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(r.location_text || char(10) || r.region, 'ё', 'е'), 'Ё', 'Е'),
       replace(replace(coalesce((SELECT group_concat(p.name || char(10), '') FROM
         (SELECT name FROM report_persons WHERE report_num = r.num ORDER BY position) p), ''),
         'ё', 'е'), 'Ё', 'Е'),
       replace(replace(coalesce((SELECT group_concat(t.tag || char(10), '') FROM
         (SELECT tag FROM report_tags WHERE report_num = r.num ORDER BY tag) t), ''),
         'ё', 'е'), 'Ё', 'Е')
FROM reports r )sql";

}  // namespace

Result<void> migrate_search_prefix_v4(Database& db) {
  FIELDSEAL_TRY(db.exec(kSearchPrefixV4));
  // Purged reports have no content left and are not indexed.
  FIELDSEAL_TRY(db.exec(std::string(kIndexStoredReports) +
                        "WHERE r.status <> 'purged' ORDER BY r.num;"));
  return db.exec("INSERT INTO report_search(report_search) VALUES ('optimize');");
}

Result<void> migrate_search_hashsize_v6(Database& db) {
  auto s = db.prepare("INSERT INTO report_search (report_search, rank) VALUES ('hashsize', ?1)");
  if (!s) return fail(s.error());
  s->bind(1, kSearchPendingBytes);
  return s->run();
}

namespace detail {

Result<void> index_report(Database& db, std::int64_t num, const ReportDraft& d) {
  FIELDSEAL_TRY(unindex_report(db, num));
  std::string places = d.location.text + "\n" + d.location.region;
  std::string names;
  for (const auto& p : d.persons) {
    names += p.name;
    names += '\n';
  }
  std::string tags;
  for (const auto& t : d.tags) {
    tags += t;
    tags += '\n';
  }
  auto s = db.prepare(
      "INSERT INTO report_search (rowid, title, narrative, places, names, tags) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!s) return fail(s.error());
  s->bind(1, num).bind(2, fold_yo(d.title)).bind(3, fold_yo(d.narrative));
  s->bind(4, fold_yo(places)).bind(5, fold_yo(names)).bind(6, fold_yo(tags));
  return s->run();
}

Result<void> index_new_reports(Database& db, std::span<const std::int64_t> nums) {
  if (nums.empty()) return {};
  std::string list = "[";
  for (const std::int64_t num : nums) {
    if (list.size() > 1) list += ',';
    list += std::to_string(num);
  }
  list += ']';
  auto s = db.prepare(std::string(kIndexStoredReports) +
                      "WHERE r.num IN (SELECT value FROM json_each(?1)) ORDER BY r.num");
  if (!s) return fail(s.error());
  s->bind(1, list);
  return s->run();
}

Result<void> unindex_report(Database& db, std::int64_t num) {
  auto s = db.prepare("DELETE FROM report_search WHERE rowid = ?1");
  if (!s) return fail(s.error());
  s->bind(1, num);
  return s->run();
}

Result<void> optimize_search_index(Database& db) {
  return db.exec("INSERT INTO report_search (report_search) VALUES ('optimize');");
}

}  // namespace detail

}  // namespace fieldseal::storage
