#include <algorithm>

#include <catch2/catch_test_macros.hpp>
#include <nlohmann/json.hpp>

#include "fieldseal/storage/report_json.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::full_draft;
using fieldseal::storage::test::Vault;

namespace {

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  s.replace(pos, from.size(), to);
  return s;
}

ReportDocument sample_document() {
  ReportDocument doc;
  doc.id = "0f8fad5b-d9cb-469f-a165-70867728950e";
  doc.created_at = "2026-11-21T10:00:00Z";
  doc.finalized_at = "2026-11-21T11:00:00Z";
  doc.signer.fill(0xab);
  doc.content = *normalize_draft(full_draft());
  AttachmentInfo a;
  a.sha256.fill(0x11);
  a.size = 12345;
  a.name = "фото.jpg";
  a.media_type = "image/jpeg";
  doc.attachments.push_back(a);
  return doc;
}

}  // namespace

TEST_CASE("canonical report JSON: sorted keys, compact, raw UTF-8, stable") {
  const ReportDocument doc = sample_document();
  auto json = canonical_report_json(doc);
  REQUIRE(json.ok());
  // Starts with the alphabetically first top-level key, no whitespace between tokens.
  CHECK(json->rfind("{\"acts\":[{\"date\":{\"precision\":\"day\",\"value\":\"2026-11-07\"},", 0) ==
        0);
  CHECK(json->find("\": ") == std::string::npos);
  CHECK(json->find(", \"") == std::string::npos);
  CHECK(json->find("Задержание на Пушкинской площади") != std::string::npos);  // not \u-escaped
  CHECK(json->find("\\u04") == std::string::npos);
  CHECK(json->find("\"format\":\"fieldseal-report/1\"") != std::string::npos);
  CHECK(json->find("\"coordinates\":{\"latitude\":55765000,\"longitude\":37605000}") !=
        std::string::npos);
  CHECK(json->find("\"narrative\":\"Около 14:00 сотрудники ОМОН задержали участников пикета.\\n") !=
        std::string::npos);
  // Key order is byte order at every level.
  const auto parsed = nlohmann::json::parse(*json);
  CHECK(parsed.dump() == *json);
  // Same input, same bytes.
  CHECK(*canonical_report_json(sample_document()) == *json);
}

TEST_CASE("parse_report_json accepts exactly the canonical bytes") {
  const ReportDocument doc = sample_document();
  const std::string json = *canonical_report_json(doc);
  auto parsed = parse_report_json(json);
  REQUIRE(parsed.ok());
  CHECK(*parsed == doc);

  const std::vector<std::string> bad = {
      json + " ",
      " " + json,
      replace_once(json, "\"acts\":", "\"acts\" :"),
      replace_once(json, "{\"acts\":", "{\"zzz\":1,\"acts\":"),                  // unknown key
      replace_once(json, "\"format\":\"fieldseal-report/1\",", ""),               // missing key
      replace_once(json, "fieldseal-report/1", "fieldseal-report/2"),             // format
      replace_once(json, "\"size\":12345", "\"size\":12345.0"),                   // not integer
      replace_once(json, "\"size\":12345", "\"size\":-1"),
      replace_once(json, "\"size\":12345", "\"size\":\"12345\""),
      replace_once(json, "\"type\":\"03010100000004\"", "\"type\":\"arrest\""),   // not normal
      replace_once(json, "\"type\":\"03010100000004\"", "\"type\":\"99999999999999\""),
      replace_once(json, "\"victim\":\"v1\"", "\"victim\":\"nobody\""),           // dangling ref
      replace_once(json, "\"tags\":[\"OMON\",\"avtozak\"", "\"tags\":[\"avtozak\",\"OMON\""),
      replace_once(json, "\"precision\":\"day\"", "\"precision\":\"week\""),
      replace_once(json, "Москва", "\\u041cосква"),                              // escaped
      replace_once(json, "\"signer\":\"abab", "\"signer\":\"ABAB"),               // hex case
      replace_once(json, "{\"acts\":", "{\"acts\":[],\"acts\":"),                 // duplicate
      json.substr(0, json.size() - 1),                                           // truncated
      std::string(),
      std::string(40, '[') + std::string(40, ']'),
      "[]",
      "null",
      replace_once(json, "Москва", "\xd0"),                                       // bad UTF-8
  };
  for (std::size_t i = 0; i < bad.size(); ++i) {
    INFO("case " << i);
    CHECK(parse_report_json(bad[i]).error() == Error::report_json_invalid);
  }
  CHECK(parse_report_json(std::string(kMaxReportJsonBytes + 1, ' ')).error() ==
        Error::report_json_invalid);
}

TEST_CASE("a finalized report's stored JSON parses back to its content") {
  Vault v;
  auto id = create_report(v.db, v.key, full_draft());
  REQUIRE(id.ok());
  auto json = finalize_report(v.db, v.key, *id);
  REQUIRE(json.ok());
  auto doc = parse_report_json(*json);
  REQUIRE(doc.ok());
  auto report = get_report(v.db, *id);
  REQUIRE(report.ok());
  CHECK(doc->id == *id);
  CHECK(doc->content == report->content);
  CHECK(doc->signer == v.key.public_key().bytes());
  CHECK(doc->finalized_at == *report->finalized_at);
  CHECK(doc->created_at == report->created_at);
}
