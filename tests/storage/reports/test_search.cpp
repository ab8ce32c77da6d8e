#include <algorithm>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/search.hpp"
#include "report_fixture.hpp"

using namespace fieldseal::storage;
using fieldseal::storage::test::Vault;

namespace {

std::string add(Vault& v, std::string title, std::string narrative, std::string place = "",
                std::string name = "") {
  ReportDraft d;
  d.title = std::move(title);
  d.narrative = std::move(narrative);
  d.location.text = std::move(place);
  if (!name.empty()) {
    Person p;
    p.name = std::move(name);
    p.roles = {PersonRole::victim};
    d.persons.push_back(std::move(p));
  }
  auto id = create_report(v.db, v.key, d);
  REQUIRE(id.ok());
  return *id;
}

std::vector<std::string> ids(Vault& v, std::string_view query) {
  auto hits = search_reports(v.db, query);
  REQUIRE(hits.ok());
  std::vector<std::string> out;
  for (const auto& h : *hits) out.push_back(h.id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("search is case-insensitive in Cyrillic and Latin") {
  Vault v;
  const auto a = add(v, "Задержаны ДЕТИ на митинге", "Полиция задержала подростков.");
  const auto b = add(v, "Ёж в отделе", "Nothing else", "Grozny, Chechnya");
  const auto c = add(v, "Raid on an office", "Officers searched the café.", "Moscow",
                     "Óscar Ivanov");
  CHECK(ids(v, "дети") == std::vector{a});
  CHECK(ids(v, "ДЕТИ") == std::vector{a});
  CHECK(ids(v, "Дети") == std::vector{a});
  CHECK(ids(v, "ёж") == std::vector{b});
  CHECK(ids(v, "ЁЖ") == std::vector{b});
  CHECK(ids(v, "еж") == std::vector{b});  // ё is searched as е
  CHECK(ids(v, "grozny") == std::vector{b});
  CHECK(ids(v, "GROZNY") == std::vector{b});
  CHECK(ids(v, "cafe") == std::vector{c});  // Latin diacritics ignored
  CHECK(ids(v, "CAFÉ") == std::vector{c});
  CHECK(ids(v, "oscar") == std::vector{c});  // person names are indexed
  CHECK(ids(v, "moscow") == std::vector{c});  // places are indexed
  CHECK(ids(v, "задерж*") == std::vector{a});  // explicit prefix
  CHECK(ids(v, "задерж").empty());              // no implicit prefix
  CHECK(ids(v, "raid office") == std::vector{c});  // all words must match
  CHECK(ids(v, "raid дети").empty());

  auto hits = search_reports(v.db, "дети");
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK(hits->front().title == "Задержаны ДЕТИ на митинге");
}

TEST_CASE("search ranks, pages and forgets edited text") {
  Vault v;
  const auto one = add(v, "протест", "протест протест протест");
  const auto two = add(v, "другое", "один протест");
  auto hits = search_reports(v.db, "протест");
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 2);
  CHECK(hits->front().id == one);  // more matches rank first
  CHECK(hits->front().rank <= hits->back().rank);
  SearchOptions page;
  page.limit = 1;
  page.offset = 1;
  auto second = search_reports(v.db, "протест", page);
  REQUIRE(second.ok());
  REQUIRE(second->size() == 1);
  CHECK(second->front().id == two);

  ReportDraft d;
  d.title = "переписано";
  REQUIRE(update_report(v.db, v.key, one, d).ok());
  CHECK(ids(v, "протест") == std::vector{two});
  CHECK(ids(v, "переписано") == std::vector{one});
}

TEST_CASE("user queries cannot inject FTS5 syntax") {
  Vault v;
  const auto a = add(v, "alpha beta", "title narrative NEAR OR AND NOT");
  const auto b = add(v, "gamma", "delta");
  // Each of these is FTS5 syntax (column filters, operators, NEAR, phrases,
  // prefix, initial-token, grouping); as user input it is only words.
  CHECK(ids(v, "title:gamma").empty());  // "title gamma" as a phrase: no match
  CHECK(ids(v, "gamma OR alpha").empty());
  CHECK(ids(v, "alpha NOT beta") == std::vector{a});
  CHECK(ids(v, "NEAR(alpha beta)").empty());  // as NEAR it would match a
  CHECK(ids(v, "NEAR(") == std::vector{a});    // the word "near" is in a
  CHECK(ids(v, "^gamma") == std::vector{b});
  CHECK(ids(v, "\"gamma") == std::vector{b});
  CHECK(ids(v, "gamma\"") == std::vector{b});
  CHECK(ids(v, "(gamma)") == std::vector{b});
  CHECK(ids(v, "-gamma") == std::vector{b});
  CHECK(ids(v, "{title}:gamma").empty());
  CHECK(ids(v, "gamma \"\"\" *").size() == 1);
  for (const char* q : {"\"", "*", "\"\"", "( )", ":", "'; DROP TABLE reports; --"}) {
    INFO(q);
    auto r = search_reports(v.db, q);
    // Either no words at all (refused) or plain words that match nothing.
    if (!r.ok()) {
      CHECK(r.error() == Error::search_query_invalid);
    } else {
      CHECK(r->empty());
    }
  }
  CHECK(list_reports(v.db, ReportFilter{})->size() == 2);

  auto expr = fts_match_expression("a\"b c* title:x");
  REQUIRE(expr.ok());
  CHECK(*expr == "\"a\"\"b\" \"c\"* \"title:x\"");
}

TEST_CASE("empty and oversized queries are search_query_invalid") {
  Vault v;
  for (const std::string& q : {std::string(), std::string("   \t\n"), std::string("!!! ???"),
                              std::string(kMaxSearchQueryBytes + 1, 'a'),
                              std::string("\xff\xfe")}) {
    CHECK(search_reports(v.db, q).error() == Error::search_query_invalid);
  }
  std::string many;
  for (std::size_t i = 0; i <= kMaxSearchTerms; ++i) many += "w ";
  CHECK(search_reports(v.db, many).error() == Error::search_query_invalid);
  SearchOptions bad;
  bad.limit = 0;
  CHECK(search_reports(v.db, "x", bad).error() == Error::invalid_argument);
}

TEST_CASE("search ranks up to max_ranked matches, beyond that newest first") {
  Vault v;
  const auto older = add(v, "протест", "протест протест протест");
  const auto middle = add(v, "другое", "один протест");
  const auto newest = add(v, "третье", "протест и ещё слова");
  add(v, "unrelated", "nothing");
  SearchOptions options;
  options.max_ranked = 3;  // all three matches: ranked, most matches first
  auto ranked = search_reports(v.db, "протест", options);
  REQUIRE(ranked.ok());
  REQUIRE(ranked->size() == 3);
  CHECK(ranked->front().id == older);
  CHECK(ranked->front().rank < 0);

  options.max_ranked = 2;  // three matches: newest first, rank 0
  auto recent = search_reports(v.db, "протест", options);
  REQUIRE(recent.ok());
  REQUIRE(recent->size() == 3);
  CHECK((*recent)[0].id == newest);
  CHECK((*recent)[1].id == middle);
  CHECK((*recent)[2].id == older);
  CHECK((*recent)[0].rank == 0);
  options.limit = 1;
  options.offset = 1;
  auto page = search_reports(v.db, "протест", options);
  REQUIRE(page.ok());
  REQUIRE(page->size() == 1);
  CHECK(page->front().id == middle);

  options = SearchOptions{};
  options.max_ranked = -1;
  CHECK(search_reports(v.db, "протест", options).error() == Error::invalid_argument);
  options.max_ranked = 0;  // every non-empty result is unranked
  auto none = search_reports(v.db, "протест", options);
  REQUIRE(none.ok());
  CHECK(none->front().id == newest);
}
