#include "fieldseal/storage/statistics.hpp"

#include <algorithm>
#include <charconv>

#include "content_internal.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vocabulary.hpp"

namespace fieldseal::storage {
namespace {

constexpr int kMonthsPerYear = 12;

std::string_view trimmed(std::string_view text) noexcept {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// The earliest (or latest) day a partial date bound stands for, compared with
// reports.start_sort (the start date at its earliest day, as list_reports).
Result<std::string> date_bound(std::string_view text, bool latest) {
  auto date = parse_partial_date(text);
  if (!date) return fail(Error::invalid_argument);
  switch (date->precision) {
    case DatePrecision::day: return date->value;
    case DatePrecision::month: return date->value + (latest ? "-31" : "-01");
    case DatePrecision::year: return date->value + (latest ? "-12-31" : "-01-01");
    case DatePrecision::unknown: break;
  }
  return fail(Error::invalid_argument);
}

// The WHERE clause and its bindings, shared by every dimension. Parameters
// are numbered from 1 in the order they are added.
struct Where {
  std::string sql;
  std::vector<std::string> texts;
  std::optional<crypto::Ed25519PublicKey> sender;
  int sender_index = 0;

  void add(std::string_view condition, std::string value) {
    texts.push_back(std::move(value));
    sql += " AND ";
    sql += condition;
    sql += std::to_string(texts.size());
  }
  void bind(Statement& s) const {
    int index = 1;
    for (const auto& text : texts) s.bind(index++, text);
    if (sender) s.bind_blob(sender_index, sender->bytes());
  }
};

Result<Where> where_clause(Database& db, const StatsFilter& filter) {
  Where w;
  w.sql = filter.include_drafts ? "r.status IN ('draft', 'final')" : "r.status = 'final'";
  if (filter.date_from) {
    auto bound = date_bound(*filter.date_from, false);
    if (!bound) return fail(bound.error());
    w.add("r.start_sort IS NOT NULL AND r.start_sort >= ?", std::move(*bound));
  }
  if (filter.date_to) {
    auto bound = date_bound(*filter.date_to, true);
    if (!bound) return fail(bound.error());
    w.add("r.start_sort IS NOT NULL AND r.start_sort <= ?", std::move(*bound));
  }
  if (filter.act_type) {
    const ActType* type = find_act_type(*filter.act_type);
    if (type == nullptr) return fail(Error::unknown_act_type);
    w.add("EXISTS (SELECT 1 FROM report_acts fa WHERE fa.report_num = r.num AND fa.type_code = ?",
          std::string(type->code));
    w.sql += ")";
  }
  if (filter.region) {
    if (filter.region->size() > kMaxFieldBytes) return fail(Error::invalid_argument);
    w.add("r.region = ?", std::string(trimmed(*filter.region)));
  }
  if (filter.sender) {
    auto contact = find_contact(db, *filter.sender);
    if (!contact) return fail(contact.error());
    w.sender = contact->card.signing_key;
    w.sender_index = static_cast<int>(w.texts.size()) + 1;
    w.sql += " AND EXISTS (SELECT 1 FROM report_origin fo WHERE fo.report_id = r.id AND "
             "fo.sender = ?" +
             std::to_string(w.sender_index) + ")";
  }
  return w;
}

Result<std::int64_t> count_total(Database& db, const Where& w) {
  auto s = db.prepare("SELECT count(*) FROM reports r WHERE " + w.sql);
  if (!s) return fail(s.error());
  w.bind(*s);
  auto row = s->step();
  if (!row) return fail(row.error());
  return *row ? s->column_int64(0) : 0;
}

// Month index (year * 12 + month - 1) of "YYYY-MM"; nullopt for other shapes.
std::optional<std::int64_t> month_index(std::string_view key) noexcept {
  if (key.size() != 7 || key[4] != '-') return std::nullopt;
  int year = 0;
  int month = 0;
  if (std::from_chars(key.data(), key.data() + 4, year).ptr != key.data() + 4 ||
      std::from_chars(key.data() + 5, key.data() + 7, month).ptr != key.data() + 7 || month < 1 ||
      month > kMonthsPerYear) {
    return std::nullopt;
  }
  return std::int64_t{year} * kMonthsPerYear + (month - 1);
}

std::string month_key(std::int64_t index) {
  const auto year = index / kMonthsPerYear;
  const auto month = index % kMonthsPerYear + 1;
  std::string out = std::to_string(year);
  while (out.size() < 4) out.insert(out.begin(), '0');
  out += month < 10 ? "-0" : "-";
  out += std::to_string(month);
  return out;
}

// Adds the empty months between the first and the last month bucket
// (sorted input: year-only keys, months, unknown last).
void fill_months(std::vector<StatsBucket>& buckets) {
  std::optional<std::int64_t> first;
  std::optional<std::int64_t> last;
  for (const auto& b : buckets) {
    if (b.unknown) continue;
    if (auto m = month_index(b.key)) {
      if (!first) first = m;
      last = m;
    }
  }
  if (!first || *last - *first + 1 > kMaxFilledMonths) return;
  std::vector<StatsBucket> out;
  out.reserve(buckets.size() + static_cast<std::size_t>(*last - *first + 1));
  std::size_t next = 0;
  auto emit_until = [&](std::string_view key) {
    while (next < buckets.size() && !buckets[next].unknown && buckets[next].key < key) {
      out.push_back(std::move(buckets[next++]));
    }
  };
  for (std::int64_t m = *first; m <= *last; ++m) {
    const std::string key = month_key(m);
    emit_until(key);
    if (next < buckets.size() && !buckets[next].unknown && buckets[next].key == key) {
      out.push_back(std::move(buckets[next++]));
    } else {
      out.push_back(StatsBucket{key, {}, false, 0});
    }
  }
  while (next < buckets.size()) out.push_back(std::move(buckets[next++]));
  buckets = std::move(out);
}

std::string dimension_sql(StatsDimension dimension, const std::string& where) {
  switch (dimension) {
    case StatsDimension::month:
      // start_sort is the start date at its earliest day ("YYYY-MM-DD").
      return "SELECT CASE r.start_precision WHEN 'year' THEN substr(r.start_sort, 1, 4) "
             "ELSE substr(r.start_sort, 1, 7) END AS k, count(*) FROM reports r WHERE " +
             where + " GROUP BY k ORDER BY k IS NULL, k";
    case StatsDimension::act_type:
      // Driven by report_acts_by_type (type_code, report_num): the selected
      // reports' nums are collected once from the covering index, not each
      // report's acts looked up and sorted.
      return "SELECT k, n FROM (SELECT a.type_code AS k, count(DISTINCT a.report_num) AS n FROM "
             "report_acts a WHERE a.report_num IN (SELECT r.num FROM reports r WHERE " +
             where +
             ") GROUP BY a.type_code UNION ALL SELECT NULL, count(*) FROM reports r WHERE " +
             where +
             " AND NOT EXISTS (SELECT 1 FROM report_acts xa WHERE xa.report_num = r.num)) "
             "WHERE n > 0 ORDER BY n DESC, k IS NULL, k";
    case StatsDimension::region:
      return "SELECT nullif(r.region, '') AS k, count(*) AS n FROM reports r WHERE " + where +
             " GROUP BY k ORDER BY n DESC, k IS NULL, k";
    case StatsDimension::sender:
      return "SELECT k, n, (SELECT c.name FROM contacts c WHERE c.signing_key = k) AS name FROM "
             "(SELECT o.sender AS k, count(*) AS n FROM report_origin o WHERE o.report_id IN "
             "(SELECT r.id FROM reports r WHERE " +
             where +
             ") GROUP BY o.sender UNION ALL SELECT NULL, count(*) FROM reports r WHERE " + where +
             " AND NOT EXISTS (SELECT 1 FROM report_origin xo WHERE xo.report_id = r.id)) "
             "WHERE n > 0 ORDER BY n DESC, k IS NULL, name IS NULL, name, k";
  }
  return {};
}

}  // namespace

Result<void> migrate_statistics_index_v5(Database& db) {
  return db.exec(
      "CREATE INDEX reports_stats ON reports(status, start_sort, start_precision, region, id);");
}

std::string_view key(StatsDimension dimension) noexcept {
  switch (dimension) {
    case StatsDimension::month: return "month";
    case StatsDimension::act_type: return "act";
    case StatsDimension::region: return "region";
    case StatsDimension::sender: return "sender";
  }
  return {};
}

std::optional<StatsDimension> parse_stats_dimension(std::string_view text) noexcept {
  for (const auto d : {StatsDimension::month, StatsDimension::act_type, StatsDimension::region,
                       StatsDimension::sender}) {
    if (key(d) == text) return d;
  }
  return std::nullopt;
}

Result<Statistics> incident_statistics(Database& db, StatsDimension dimension,
                                       const StatsFilter& filter) {
  auto where = where_clause(db, filter);
  if (!where) return fail(where.error());
  Statistics out;
  out.dimension = dimension;
  auto total = count_total(db, *where);
  if (!total) return fail(total.error());
  out.total = *total;

  auto s = db.prepare(dimension_sql(dimension, where->sql));
  if (!s) return fail(s.error());
  where->bind(*s);
  for (;;) {
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) break;
    StatsBucket bucket;
    bucket.unknown = s->column_is_null(0);
    bucket.count = s->column_int64(1);
    if (!bucket.unknown) {
      if (dimension == StatsDimension::sender) {
        bucket.key = detail::to_hex(s->column_blob(0));
        bucket.name = s->column_optional_text(2).value_or(std::string());
      } else {
        bucket.key = s->column_text(0);
      }
    }
    out.buckets.push_back(std::move(bucket));
  }
  if (dimension == StatsDimension::month) fill_months(out.buckets);
  return out;
}

Result<std::vector<ReceivedSummary>> received_summary(Database& db) {
  auto s = db.prepare(
      "SELECT c.name, c.signing_key, "
      "(SELECT count(*) FROM received_bundles b WHERE b.sender = c.signing_key), "
      "(SELECT count(DISTINCT br.report_id) FROM received_bundles b JOIN received_bundle_reports "
      "br ON br.bundle_num = b.num WHERE b.sender = c.signing_key), "
      "(SELECT max(b.received_at) FROM received_bundles b WHERE b.sender = c.signing_key) "
      "FROM contacts c WHERE c.role = 'field' ORDER BY c.name");
  if (!s) return fail(s.error());
  std::vector<ReceivedSummary> out;
  for (;;) {
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) break;
    ReceivedSummary summary;
    summary.name = s->column_text(0);
    auto key = crypto::Ed25519PublicKey::from_bytes(s->column_blob(1));
    if (!key) return fail(Error::database_damaged);
    summary.signing_key = *key;
    summary.bundles = s->column_int64(2);
    summary.reports = s->column_int64(3);
    summary.last_received_at = s->column_optional_text(4).value_or(std::string());
    out.push_back(std::move(summary));
  }
  return out;
}

}  // namespace fieldseal::storage
