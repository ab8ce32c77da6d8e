// search_report_summaries: full-text search together with the list filters.
#include <algorithm>
#include <set>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/search.hpp"
#include "report_fixture.hpp"

using namespace fieldseal::storage;
using fieldseal::storage::test::Vault;

namespace {

struct Spec {
  std::string title;
  std::string narrative;
  std::string region;
  std::string start;     // partial date or ""
  std::string act_type;  // act key or ""
};

std::string add(Vault& v, const Spec& spec) {
  ReportDraft d;
  d.title = spec.title;
  d.narrative = spec.narrative;
  d.location.region = spec.region;
  auto start = parse_partial_date(spec.start);
  REQUIRE(start.ok());
  d.start = *start;
  if (!spec.act_type.empty()) {
    Act act;
    act.type_code = spec.act_type;
    d.acts.push_back(act);
  }
  auto id = create_report(v.db, v.key, d);
  REQUIRE(id.ok());
  return *id;
}

std::vector<std::string> ids(const std::vector<ReportSummary>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.id);
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> found(Vault& v, std::string_view query, const ReportFilter& filter,
                               std::int64_t max_ranked = kDefaultMaxRankedMatches) {
  auto rows = search_report_summaries(v.db, query, filter, max_ranked);
  REQUIRE(rows.ok());
  return ids(*rows);
}

// Six reports that all mention a search ("обыск"), differing in everything a
// filter looks at, plus one that does not mention it.
struct Corpus {
  Vault v;
  std::string moscow_arrest_2024 = add(v, {"Обыск у активиста", "Обыск и задержание.", "Москва",
                                           "2024-03-05", "arrest"});
  std::string moscow_raid_2025 = add(v, {"Raid", "обыск в офисе, обыск дома", "Москва",
                                         "2025-01", "illegal_search"});
  std::string kazan_arrest_2024 = add(v, {"Казань", "ещё один обыск", "Казань", "2024",
                                          "arrest"});
  std::string kazan_undated = add(v, {"Без даты", "обыск без даты", "Казань", "", "illegal_search"});
  std::string final_moscow = add(v, {"Финал", "обыск, отчёт закрыт", "Москва", "2024-11-30",
                                     "arrest"});
  std::string purged_moscow = add(v, {"Стёртый", "обыск, потом стёрт", "Москва", "2024-06-01",
                                      "arrest"});
  std::string unrelated = add(v, {"Другое", "ничего общего", "Москва", "2024-03-05", "arrest"});

  Corpus() {
    REQUIRE(finalize_report(v.db, v.key, final_moscow).ok());
    REQUIRE(finalize_report(v.db, v.key, purged_moscow).ok());
    REQUIRE(purge_report(v.db, v.key, purged_moscow).ok());
  }
};

}  // namespace

TEST_CASE("search with filters applies each filter together with the match") {
  Corpus c;
  Vault& v = c.v;
  const ReportFilter all;
  CHECK(sorted(found(v, "обыск", all)) ==
        sorted({c.moscow_arrest_2024, c.moscow_raid_2025, c.kazan_arrest_2024, c.kazan_undated,
                c.final_moscow}));

  ReportFilter region;
  region.region = "Казань";
  CHECK(sorted(found(v, "обыск", region)) == sorted({c.kazan_arrest_2024, c.kazan_undated}));
  region.region = "  Казань ";  // trimmed, as list_reports does
  CHECK(sorted(found(v, "обыск", region)) == sorted({c.kazan_arrest_2024, c.kazan_undated}));

  ReportFilter act;
  act.act_type = "illegal_search";
  CHECK(sorted(found(v, "обыск", act)) == sorted({c.moscow_raid_2025, c.kazan_undated}));
  act.act_type = "03010100000004";  // arrest, by code
  CHECK(sorted(found(v, "обыск", act)) ==
        sorted({c.moscow_arrest_2024, c.kazan_arrest_2024, c.final_moscow}));

  ReportFilter status;
  status.status = ReportStatus::final;
  CHECK(found(v, "обыск", status) == std::vector{c.final_moscow});
  status.status = ReportStatus::draft;
  CHECK(sorted(found(v, "обыск", status)) ==
        sorted({c.moscow_arrest_2024, c.moscow_raid_2025, c.kazan_arrest_2024, c.kazan_undated}));
  status.status = ReportStatus::purged;  // the stub exists, its words do not
  CHECK(found(v, "обыск", status).empty());
  CHECK(list_reports(v.db, status)->size() == 1);

  ReportFilter dates;
  dates.date_from = "2024-03";
  dates.date_to = "2024";
  CHECK(sorted(found(v, "обыск", dates)) ==
        sorted({c.moscow_arrest_2024, c.final_moscow}));  // 2024 (year) starts before March
  dates.date_from = "2024";
  CHECK(sorted(found(v, "обыск", dates)) ==
        sorted({c.moscow_arrest_2024, c.kazan_arrest_2024, c.final_moscow}));
  dates.date_to.reset();
  CHECK(sorted(found(v, "обыск", dates)) ==
        sorted({c.moscow_arrest_2024, c.moscow_raid_2025, c.kazan_arrest_2024, c.final_moscow}));

  ReportFilter combined;
  combined.region = "Москва";
  combined.act_type = "arrest";
  combined.status = ReportStatus::draft;
  combined.date_from = "2024-01-01";
  combined.date_to = "2024-12-31";
  CHECK(found(v, "обыск", combined) == std::vector{c.moscow_arrest_2024});
  CHECK(found(v, "обыск активиста", combined) == std::vector{c.moscow_arrest_2024});
  CHECK(found(v, "обыск офисе", combined).empty());  // matches, but filtered out
  CHECK(found(v, "ничего", combined) == std::vector{c.unrelated});  // filtered in, matches
  CHECK(found(v, "обыс*", combined) == std::vector{c.moscow_arrest_2024});
}

TEST_CASE("search with filters returns list_reports' rows") {
  Corpus c;
  ReportFilter filter;
  filter.region = "Москва";
  auto searched = search_report_summaries(c.v.db, "обыск", filter);
  auto listed = list_reports(c.v.db, filter);
  REQUIRE(searched.ok());
  REQUIRE(listed.ok());
  REQUIRE(searched->size() == 3);
  for (const ReportSummary& s : *searched) {
    INFO(s.id);
    const auto same = std::find_if(listed->begin(), listed->end(),
                                   [&](const ReportSummary& l) { return l.id == s.id; });
    REQUIRE(same != listed->end());
    CHECK(s.status == same->status);
    CHECK(s.title == same->title);
    CHECK(s.start == same->start);
    CHECK(s.region == same->region);
    CHECK(s.act_types == same->act_types);
    CHECK(s.created_at == same->created_at);
    CHECK(s.updated_at == same->updated_at);
    CHECK(s.delivery == same->delivery);
  }
  const auto raid = std::find_if(searched->begin(), searched->end(),
                                 [&](const ReportSummary& s) { return s.id == c.moscow_raid_2025; });
  REQUIRE(raid != searched->end());
  CHECK(raid->title == "Raid");
  CHECK(raid->start.value == "2025-01");
  CHECK(raid->act_types == std::vector<std::string>{"04010100000004"});
}

TEST_CASE("search with filters keeps search_reports' order, leaving out what the filter rejects") {
  Corpus c;
  Vault& v = c.v;
  const std::set<std::string> in_moscow{c.moscow_arrest_2024, c.moscow_raid_2025, c.final_moscow};
  ReportFilter moscow;
  moscow.region = "Москва";
  // Five matches, three in Moscow. max_ranked 1000 and 5: ranked (bm25);
  // 4, 2 and 0: newest first, although only three pass the filter (the
  // decision is the query's, as in search_reports).
  for (const std::int64_t max_ranked : {1000, 5, 4, 2, 0}) {
    INFO(max_ranked);
    SearchOptions options;
    options.max_ranked = max_ranked;
    auto hits = search_reports(v.db, "обыск", options);
    REQUIRE(hits.ok());
    REQUIRE(hits->size() == 5);
    std::vector<std::string> all;
    std::vector<std::string> expected;
    for (const auto& h : *hits) {
      all.push_back(h.id);
      if (in_moscow.count(h.id) != 0) expected.push_back(h.id);
    }
    CHECK(found(v, "обыск", ReportFilter{}, max_ranked) == all);
    CHECK(found(v, "обыск", moscow, max_ranked) == expected);
  }
  const std::vector newest_first{c.final_moscow, c.moscow_raid_2025, c.moscow_arrest_2024};
  CHECK(found(v, "обыск", moscow, 4) == newest_first);
  const auto ranked = found(v, "обыск", moscow, 5);
  CHECK(ranked != newest_first);  // bm25: the report with "обыск" twice is not last
  CHECK(ranked.back() == c.final_moscow);

  // Paging within either order.
  moscow.limit = 1;
  moscow.offset = 1;
  CHECK(found(v, "обыск", moscow, 4) == std::vector{c.moscow_raid_2025});
  CHECK(found(v, "обыск", moscow, 5) == std::vector{ranked[1]});
  moscow.offset = 3;
  CHECK(found(v, "обыск", moscow, 5).empty());
  // filter.order does not change the search order.
  moscow.offset = 0;
  moscow.limit = 50;
  moscow.order = ReportOrder::created_asc;
  CHECK(found(v, "обыск", moscow, 4) == newest_first);
  CHECK(found(v, "обыск", moscow, 5) == ranked);
}

TEST_CASE("search with filters refuses bad queries, limits, dates and act types") {
  Corpus c;
  Vault& v = c.v;
  CHECK(search_report_summaries(v.db, "  ", ReportFilter{}).error() ==
        Error::search_query_invalid);
  CHECK(search_report_summaries(v.db, std::string(kMaxSearchQueryBytes + 1, 'a'), ReportFilter{})
            .error() == Error::search_query_invalid);
  ReportFilter bad;
  bad.limit = 0;
  CHECK(search_report_summaries(v.db, "обыск", bad).error() == Error::invalid_argument);
  bad.limit = kMaxListLimit + 1;
  CHECK(search_report_summaries(v.db, "обыск", bad).error() == Error::invalid_argument);
  bad = ReportFilter{};
  bad.offset = -1;
  CHECK(search_report_summaries(v.db, "обыск", bad).error() == Error::invalid_argument);
  CHECK(search_report_summaries(v.db, "обыск", ReportFilter{}, -1).error() ==
        Error::invalid_argument);
  CHECK(search_report_summaries(v.db, "обыск", ReportFilter{}, kMaxRankedMatchesCap + 1).error() ==
        Error::invalid_argument);
  bad = ReportFilter{};
  bad.date_from = "2024-13";
  CHECK(search_report_summaries(v.db, "обыск", bad).error() == Error::invalid_argument);
  bad = ReportFilter{};
  bad.date_to = "yesterday";
  CHECK(search_report_summaries(v.db, "обыск", bad).error() == Error::invalid_argument);
  bad = ReportFilter{};
  bad.act_type = "no_such_act";
  CHECK(search_report_summaries(v.db, "обыск", bad).error() == Error::unknown_act_type);
  // FTS5 syntax in the query is words, with filters too.
  ReportFilter moscow;
  moscow.region = "Москва";
  CHECK(found(v, "обыск OR ничего", moscow).empty());
  CHECK(found(v, "region:Москва", moscow).empty());
}
