#include <algorithm>

#include <map>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/storage/reports.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::full_draft;
using fieldseal::storage::test::Vault;

namespace {

ReportDraft minimal(std::string title) {
  ReportDraft d;
  d.title = std::move(title);
  return d;
}

}  // namespace

TEST_CASE("partial dates and coordinates parse strictly") {
  CHECK(parse_partial_date("2024-02-29")->precision == DatePrecision::day);
  CHECK(parse_partial_date("2024-02")->precision == DatePrecision::month);
  CHECK(parse_partial_date("2024")->precision == DatePrecision::year);
  CHECK(parse_partial_date("")->precision == DatePrecision::unknown);
  CHECK(parse_partial_date("unknown")->value.empty());
  for (const char* bad : {"2023-02-29", "2024-13", "2024-00-10", "24-01-01", "2024/01/01",
                          "0000", "2024-1-1", "20240101", "2024-01-32", "abcd"}) {
    INFO(bad);
    CHECK(parse_partial_date(bad).error() == Error::invalid_argument);
  }
  CHECK_FALSE(is_valid(PartialDate{DatePrecision::day, "2024"}));
  CHECK_FALSE(is_valid(PartialDate{DatePrecision::unknown, "2024"}));

  auto c = parse_coordinates("55.755826,-37.6173");
  REQUIRE(c.ok());
  CHECK(c->latitude == 55755826);
  CHECK(c->longitude == -37617300);
  CHECK(format_coordinates(*c) == "55.755826,-37.617300");
  CHECK(parse_coordinates("-0.5,0")->latitude == -500000);
  for (const char* bad : {"91,0", "0,181", "1.1234567,0", "1,", "a,b", "55.7", "1e3,0"}) {
    INFO(bad);
    CHECK_FALSE(parse_coordinates(bad).ok());
  }
}

TEST_CASE("every field round-trips, in Cyrillic and Latin") {
  Vault v;
  const ReportDraft draft = full_draft();
  auto id = create_report(v.db, v.key, draft);
  REQUIRE(id.ok());
  CHECK(id->size() == kReportIdLength);
  CHECK((*id)[14] == '4');  // UUID version 4 form

  auto got = get_report(v.db, *id);
  REQUIRE(got.ok());
  CHECK(got->status == ReportStatus::draft);
  const ReportDraft& c = got->content;
  CHECK(c.title == draft.title);
  CHECK(c.narrative == draft.narrative);
  CHECK(c.start == draft.start);
  CHECK(c.end == draft.end);
  CHECK(c.location == draft.location);
  REQUIRE(c.persons.size() == 2);
  CHECK(c.persons[0] == draft.persons[0]);
  CHECK(c.persons[1].ref == "p2");  // filled in
  CHECK(c.persons[1].name == "OMON officers");
  CHECK(c.persons[1].roles == std::vector<PersonRole>{PersonRole::perpetrator});
  REQUIRE(c.acts.size() == 2);
  CHECK(c.acts[0].type_code == "03010100000004");  // key stored as its code
  CHECK(c.acts[0].victim_ref == "v1");
  CHECK(c.acts[0].perpetrator_ref == "p2");
  CHECK(c.acts[0].method == "грубо затащили в автозак");
  CHECK(c.acts[0].date == draft.start);
  CHECK(c.acts[1].type_code == "02010100000004");
  CHECK(c.acts[1].date.precision == DatePrecision::unknown);
  CHECK(c.sources == draft.sources);
  CHECK(c.tags == std::vector<std::string>{"OMON", "avtozak", "пикет"});
  CHECK(got->created_at.size() == 20);
  CHECK_FALSE(got->finalized_at.has_value());
  CHECK(got->delivery == DeliveryState::none);

  // Saving the normalized form again changes nothing.
  auto normalized = normalize_draft(draft);
  REQUIRE(normalized.ok());
  CHECK(*normalized == c);

  // Ids are random, not sequential.
  auto id2 = create_report(v.db, v.key, minimal("second"));
  REQUIRE(id2.ok());
  CHECK(*id2 != *id);
  CHECK(id2->substr(0, 8) != id->substr(0, 8));
}

TEST_CASE("invalid drafts are refused and change nothing") {
  Vault v;
  ReportDraft d = full_draft();
  SECTION("empty title") { d.title = "  "; }
  SECTION("unknown act type") {
    d.acts[0].type_code = "12345678901234";
    auto r = create_report(v.db, v.key, d);
    CHECK(r.error() == Error::unknown_act_type);
  }
  SECTION("dangling person ref") { d.acts[0].victim_ref = "nobody"; }
  SECTION("duplicate person ref") { d.persons[1].ref = "v1"; }
  SECTION("person without role") { d.persons[0].roles.clear(); }
  SECTION("duplicate role") { d.persons[0].roles = {PersonRole::victim, PersonRole::victim}; }
  SECTION("end before start") { d.end = PartialDate{DatePrecision::year, "2020"}; }
  SECTION("invalid UTF-8") { d.narrative = "abc\xff"; }
  SECTION("NUL byte") { d.title = std::string("a\0b", 3); }
  SECTION("title too long") { d.title = std::string(kMaxTitleBytes + 1, 'x'); }
  SECTION("too much text in total") {
    d.persons[1].sensitive.notes = std::string(kMaxFieldBytes, 'n');
    for (int i = 0; i < 300; ++i) {
      Person p = d.persons[1];
      p.ref = "x" + std::to_string(i);
      d.persons.push_back(p);
    }
  }
  SECTION("bad coordinates") { d.location.coordinates = Coordinates{91 * kMicrodegrees, 0}; }
  SECTION("bad ref characters") { d.persons[0].ref = "a b"; }
  SECTION("bad date") { d.start = PartialDate{DatePrecision::day, "2026-02-30"}; }
  auto r = create_report(v.db, v.key, d);
  CHECK_FALSE(r.ok());
  auto all = list_reports(v.db, ReportFilter{});
  REQUIRE(all.ok());
  CHECK(all->empty());
}

TEST_CASE("drafts can be edited; final reports cannot") {
  Vault v;
  auto id = create_report(v.db, v.key, full_draft());
  REQUIRE(id.ok());
  ReportDraft edited = full_draft();
  edited.title = "Исправленный заголовок";
  edited.persons.pop_back();
  edited.acts = {Act{"detention", "v1", "", "ИВС", PartialDate{DatePrecision::year, "2026"}}};
  edited.tags = {"новый"};
  REQUIRE(update_report(v.db, v.key, *id, edited).ok());
  auto got = get_report(v.db, *id);
  REQUIRE(got.ok());
  CHECK(got->content.title == "Исправленный заголовок");
  CHECK(got->content.persons.size() == 1);
  CHECK(got->content.acts.size() == 1);
  CHECK(got->content.acts[0].type_code == "03010200000004");
  CHECK(got->content.tags == std::vector<std::string>{"новый"});

  auto json = finalize_report(v.db, v.key, *id);
  REQUIRE(json.ok());
  CHECK(update_report(v.db, v.key, *id, full_draft()).error() == Error::report_final);
  CHECK(finalize_report(v.db, v.key, *id).error() == Error::report_final);
  auto after = get_report(v.db, *id);
  REQUIRE(after.ok());
  CHECK(after->status == ReportStatus::final);
  CHECK(after->content.title == "Исправленный заголовок");
  CHECK(after->canonical_json == *json);
  CHECK(update_report(v.db, v.key, "00000000-0000-4000-8000-000000000000", edited).error() ==
        Error::not_found);
}

TEST_CASE("finalize signs the canonical JSON; a changed byte fails verification") {
  Vault v;
  auto id = create_report(v.db, v.key, full_draft());
  REQUIRE(id.ok());
  CHECK(verify_report(v.db, *id).error() == Error::report_not_final);
  auto json = finalize_report(v.db, v.key, *id);
  REQUIRE(json.ok());
  auto r = get_report(v.db, *id);
  REQUIRE(r.ok());
  REQUIRE(r->signature.has_value());
  REQUIRE(r->signer.has_value());
  CHECK(*r->signer == v.key.public_key().bytes());
  CHECK(verify_report_json(*json, *r->signature, v.key.public_key()).ok());
  CHECK(verify_report(v.db, *id).ok());
  CHECK(verify_report(v.db, *id, &v.key.public_key()).ok());

  // Another key is not the signer.
  const auto other = crypto::Ed25519KeyPair::generate();
  CHECK(verify_report(v.db, *id, &other.public_key()).error() == Error::signature_invalid);
  CHECK(verify_report_json(*json, *r->signature, other.public_key()).error() ==
        Error::signature_invalid);

  // Every single-byte change of the signed bytes fails (sampled positions).
  for (std::size_t pos = 0; pos < json->size(); pos += 37) {
    std::string changed = *json;
    changed[pos] = static_cast<char>(changed[pos] ^ 0x01);
    CHECK_FALSE(verify_report_json(changed, *r->signature, v.key.public_key()).ok());
  }
  auto sig = *r->signature;
  sig[10] ^= 0x80;
  CHECK_FALSE(verify_report_json(*json, sig, v.key.public_key()).ok());

  // Tampering with the stored content behind the signature is detected.
  REQUIRE(v.db.exec("UPDATE reports SET narrative = narrative || '.'").ok());
  CHECK(verify_report(v.db, *id).error() == Error::signature_invalid);
}

TEST_CASE("tampering with stored tables of a final report is detected") {
  Vault v;
  auto id = create_report(v.db, v.key, full_draft());
  REQUIRE(id.ok());
  REQUIRE(finalize_report(v.db, v.key, *id).ok());
  REQUIRE(verify_report(v.db, *id).ok());
  SECTION("person name") {
    REQUIRE(v.db.exec("UPDATE report_persons SET name = 'X' WHERE ref = 'v1'").ok());
  }
  SECTION("sensitive detail") {
    REQUIRE(v.db.exec("UPDATE person_sensitive SET contact = '+1'").ok());
  }
  SECTION("consent flag") {
    REQUIRE(v.db.exec("UPDATE report_sources SET may_publish = 0 WHERE position = 0").ok());
  }
  SECTION("tag") { REQUIRE(v.db.exec("DELETE FROM report_tags WHERE tag = 'OMON'").ok()); }
  SECTION("stored JSON") {
    REQUIRE(v.db.exec("UPDATE reports SET canonical_json = CAST(replace(CAST(canonical_json AS "
                      "TEXT), 'OMON', 'OMOH') AS BLOB)").ok());
  }
  CHECK(verify_report(v.db, *id).error() == Error::signature_invalid);
}

TEST_CASE("amendments: signed, reference the final report, drafts refused") {
  Vault v;
  auto id = create_report(v.db, v.key, full_draft());
  REQUIRE(id.ok());
  CHECK(add_amendment(v.db, v.key, *id, "too early").error() == Error::report_not_final);
  REQUIRE(finalize_report(v.db, v.key, *id).ok());
  CHECK(add_amendment(v.db, v.key, *id, "   ").error() == Error::invalid_argument);
  auto a1 = add_amendment(v.db, v.key, *id, "Дата уточнена: 8 ноября, не 7-го.");
  REQUIRE(a1.ok());
  auto a2 = add_amendment(v.db, v.key, *id, "Second witness found.");
  REQUIRE(a2.ok());
  auto r = get_report(v.db, *id);
  REQUIRE(r.ok());
  REQUIRE(r->amendments.size() == 2);
  CHECK(r->amendments[0].id == *a1);
  CHECK(r->amendments[0].text == "Дата уточнена: 8 ноября, не 7-го.");
  CHECK(r->amendments[1].id == *a2);
  const Amendment& a = r->amendments[0];
  CHECK(a.canonical_json.find("\"report\":\"" + *id + "\"") != std::string::npos);
  REQUIRE(r->content_sha256.has_value());
  CHECK(a.canonical_json.find("\"report_sha256\":\"" + crypto::hex_encode(*r->content_sha256) +
                              "\"") != std::string::npos);
  CHECK(verify_report_json(a.canonical_json, a.signature, v.key.public_key()).ok());
  CHECK(verify_report(v.db, *id).ok());
  // The report itself is unchanged by amendments.
  CHECK(r->content.title == full_draft().title);

  REQUIRE(v.db.exec("UPDATE amendments SET text = 'rewritten' WHERE id = '" + *a2 + "'").ok());
  CHECK(verify_report(v.db, *id).error() == Error::signature_invalid);
}

TEST_CASE("list: filters by status, act type, date range and region; paging; order") {
  Vault v;
  const struct {
    const char* title;
    const char* start;
    const char* region;
    const char* act;
  } rows[] = {
      {"r1", "2024-01-15", "Москва", "arrest"},      {"r2", "2024-03", "Москва", "torture"},
      {"r3", "2024", "Чечня", "arrest"},             {"r4", "2025-06-01", "Grozny", "censorship"},
      {"r5", "", "Москва", "threats"},               {"r6", "2023-12-31", "Чечня", "arrest"},
  };
  std::map<std::string, std::string> ids;
  for (const auto& row : rows) {
    ReportDraft d;
    d.title = row.title;
    d.start = *parse_partial_date(row.start);
    d.location.region = row.region;
    d.acts = {Act{row.act, "", "", "", PartialDate{}}};
    auto id = create_report(v.db, v.key, d);
    REQUIRE(id.ok());
    ids[row.title] = *id;
  }
  REQUIRE(finalize_report(v.db, v.key, ids["r2"]).ok());
  REQUIRE(finalize_report(v.db, v.key, ids["r4"]).ok());

  const auto titles = [&](const ReportFilter& f) {
    auto list = list_reports(v.db, f);
    REQUIRE(list.ok());
    std::vector<std::string> out;
    for (const auto& s : *list) out.push_back(s.title);
    return out;
  };
  using V = std::vector<std::string>;
  ReportFilter f;
  f.order = ReportOrder::incident_asc;
  CHECK(titles(f) == V{"r6", "r3", "r1", "r2", "r4", "r5"});
  f.order = ReportOrder::incident_desc;
  CHECK(titles(f) == V{"r4", "r2", "r1", "r3", "r6", "r5"});
  f.order = ReportOrder::created_asc;
  CHECK(titles(f) == V{"r1", "r2", "r3", "r4", "r5", "r6"});

  ReportFilter status;
  status.order = ReportOrder::created_asc;
  status.status = ReportStatus::final;
  CHECK(titles(status) == V{"r2", "r4"});
  status.status = ReportStatus::draft;
  CHECK(titles(status) == V{"r1", "r3", "r5", "r6"});

  ReportFilter act;
  act.order = ReportOrder::created_asc;
  act.act_type = "03010100000004";
  CHECK(titles(act) == V{"r1", "r3", "r6"});
  act.act_type = "censorship";
  CHECK(titles(act) == V{"r4"});
  act.act_type = "nonsense";
  CHECK(list_reports(v.db, act).error() == Error::unknown_act_type);

  ReportFilter dates;
  dates.order = ReportOrder::incident_asc;
  dates.date_from = "2024";
  dates.date_to = "2024-03";
  CHECK(titles(dates) == V{"r3", "r1", "r2"});
  dates.date_from = "2024-01-16";
  dates.date_to.reset();
  CHECK(titles(dates) == V{"r2", "r4"});
  dates.date_from.reset();
  dates.date_to = "2023";
  CHECK(titles(dates) == V{"r6"});
  dates.date_to = "not a date";
  CHECK(list_reports(v.db, dates).error() == Error::invalid_argument);

  ReportFilter region;
  region.order = ReportOrder::created_asc;
  region.region = "Чечня";
  CHECK(titles(region) == V{"r3", "r6"});
  region.act_type = "arrest";
  region.date_from = "2024";
  CHECK(titles(region) == V{"r3"});

  ReportFilter page;
  page.order = ReportOrder::created_asc;
  page.limit = 2;
  CHECK(titles(page) == V{"r1", "r2"});
  page.offset = 2;
  CHECK(titles(page) == V{"r3", "r4"});
  page.offset = 4;
  CHECK(titles(page) == V{"r5", "r6"});
  page.offset = 6;
  CHECK(titles(page).empty());
  page.limit = 0;
  CHECK(list_reports(v.db, page).error() == Error::invalid_argument);

  auto summary = list_reports(v.db, ReportFilter{});
  REQUIRE(summary.ok());
  REQUIRE(summary->size() == 6);
  CHECK(summary->front().title == "r6");  // newest first by default
  CHECK(summary->front().act_types == std::vector<std::string>{"03010100000004"});
  CHECK(summary->front().region == "Чечня");
}

TEST_CASE("delivery state: export and receipt are recorded on final reports") {
  Vault v;
  auto id = create_report(v.db, v.key, minimal("report"));
  REQUIRE(id.ok());
  CHECK(record_export(v.db, v.key, *id, "HQ Memorial", "b-1").error() ==
        Error::report_not_final);
  REQUIRE(finalize_report(v.db, v.key, *id).ok());
  REQUIRE(record_export(v.db, v.key, *id, "HQ Memorial", "b-1").ok());
  auto r = get_report(v.db, *id);
  CHECK(r->delivery == DeliveryState::exported);
  CHECK(r->exported_at.has_value());
  REQUIRE(record_receipt(v.db, v.key, *id, "rcpt-1").ok());
  r = get_report(v.db, *id);
  CHECK(r->delivery == DeliveryState::delivered);
  REQUIRE(record_export(v.db, v.key, *id, "HQ 2", "b-2").ok());
  CHECK(get_report(v.db, *id)->delivery == DeliveryState::delivered);  // never goes back
  auto log = list_custody(v.db, *id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 5);
  CHECK((*log)[2].event == CustodyEvent::exported);
  CHECK((*log)[2].details.at("to") == "HQ Memorial");
  CHECK((*log)[2].details.at("bundle") == "b-1");
  CHECK((*log)[3].event == CustodyEvent::receipt_received);
}

TEST_CASE("JSON views for front ends carry the fields") {
  Vault v;
  auto id = create_report(v.db, v.key, full_draft());
  REQUIRE(id.ok());
  auto r = get_report(v.db, *id);
  REQUIRE(r.ok());
  const std::string with = report_view_json(*r, true);
  const std::string without = report_view_json(*r, false);
  CHECK(with.find("Анна Ивановна Кузнецова") != std::string::npos);
  CHECK(without.find("Анна Ивановна Кузнецова") == std::string::npos);
  CHECK(without.find("\"status\":\"draft\"") != std::string::npos);
  auto list = list_reports(v.db, ReportFilter{});
  CHECK(report_list_json(*list).find(*id) != std::string::npos);
  CHECK(vocabulary_json().find("\"code\":\"03010100000004\"") != std::string::npos);
  CHECK(vocabulary_json().find("Задержание") != std::string::npos);
}
