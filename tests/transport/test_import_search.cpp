// Imported reports are searchable as the sender's own vault finds them
// (exchange.hpp import, search.hpp): the import indexes its new reports in one
// statement at the end (storage::index_received_reports), which must give the
// same matches as indexing each report as it is saved.
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/search.hpp"
#include "import_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::transport;
using fieldseal::transport::test::ImportWorld;

namespace {

std::string report_with_details(storage::Vault& v, const std::string& title,
                                const std::string& narrative, const std::string& person,
                                std::vector<std::string> tags) {
  storage::ReportDraft d;
  d.title = title;
  d.narrative = narrative;
  d.location.text = "Тверской отдел полиции";
  d.location.region = "Москва";
  storage::Person p;
  p.name = person;
  p.roles = {storage::PersonRole::victim};
  d.persons.push_back(p);
  storage::Person w;
  w.name = "Ёлкин Пётр";
  w.roles = {storage::PersonRole::witness};
  d.persons.push_back(w);
  d.tags = std::move(tags);
  auto id = storage::create_report(v.database(), v.signing_key(), d);
  REQUIRE(id.ok());
  REQUIRE(storage::finalize_report(v.database(), v.signing_key(), *id).ok());
  return *id;
}

std::vector<std::string> hits(storage::Vault& v, const std::string& query) {
  auto found = storage::search_reports(v.database(), query);
  REQUIRE(found.ok());
  std::vector<std::string> ids;
  for (const auto& h : *found) ids.push_back(h.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

const std::vector<std::string> kQueries = {
    "задержание", "Задерж*",  "ЗАДЕРЖАНИЕ", "court",  "cou*",      "ёлкин",  "Елкин",
    "Пет*",       "Иванова",  "Иван*",     "Москва", "тверск*",   "обыск",  "ob*",
    "protest",    "prot*",    "пикет",     "пи*",    "suppressed", "nothing", "ЁЛ*"};

}  // namespace

TEST_CASE("import search: imported reports match every query as in the sender's vault",
          "[import][search]") {
  ImportWorld w;
  std::vector<std::string> ids;
  ids.push_back(report_with_details(w.field, "Задержание у суда",
                                    "Задержание у здания суда; detained outside the court.",
                                    "Иванова Анна", {"пикет", "protest"}));
  ids.push_back(report_with_details(w.field, "Обыск", "Обыск в квартире; a search of the flat.",
                                    "Иван Петров", {"обыск"}));
  ids.push_back(report_with_details(w.field, "Court hearing", "A protest outside the court was suppressed.",
                                    "Anna", {}));
  const auto bundle = w.export_to(w.field, "b1");
  const auto r = w.import_paths({bundle.files[0]});
  REQUIRE(r.bundles.size() == 1);
  REQUIRE(r.bundles[0].status == ImportStatus::imported);
  REQUIRE(r.bundles[0].reports == 3);

  for (const auto& q : kQueries) {
    INFO(q);
    CHECK(hits(w.hq, q) == hits(w.field, q));
  }
  CHECK(hits(w.hq, "Задерж*") == std::vector<std::string>{ids[0]});
  CHECK(hits(w.hq, "cou*").size() == 2);
  CHECK(hits(w.hq, "nothing").empty());
}

TEST_CASE("import search: a later bundle indexes its new reports only, held ones stay indexed once",
          "[import][search]") {
  ImportWorld w;
  const auto first = report_with_details(w.field, "Пикет", "Одиночный пикет.", "Сидоров", {"пикет"});
  const auto b1 = w.export_to(w.field, "b1");
  REQUIRE(w.import_paths({b1.files[0]}).bundles[0].status == ImportStatus::imported);
  const auto second =
      report_with_details(w.field, "Второй пикет", "Ещё один пикет.", "Сидорова", {"пикет"});
  const auto b2 = w.export_to(w.field, "b2", {first, second});
  const auto r = w.import_paths({b2.files[0]});
  REQUIRE(r.bundles[0].status == ImportStatus::imported);
  CHECK(r.bundles[0].reports == 1);
  CHECK(r.bundles[0].reports_already_held == 1);

  auto expected = std::vector<std::string>{first, second};
  std::sort(expected.begin(), expected.end());
  CHECK(hits(w.hq, "пикет") == expected);
  CHECK(hits(w.hq, "пик*") == expected);
  CHECK(hits(w.hq, "Сидоров") == std::vector<std::string>{first});
  // One index row per report: the index's own count of documents.
  auto s = w.hq.database().prepare("SELECT count(*) FROM report_search");
  REQUIRE(s.ok());
  REQUIRE(s->step().value());
  CHECK(s->column_int64(0) == 2);
  CHECK(w.hq.database()
            .exec("INSERT INTO report_search(report_search, rank) VALUES ('integrity-check', 0)")
            .ok());
}
