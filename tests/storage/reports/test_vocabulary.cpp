#include <set>
#include <string>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/vocabulary.hpp"

using namespace fieldseal::storage;

TEST_CASE("act types: the HURIDOCS codes the brief fixes, 14 digits, unique") {
  const struct {
    const char* key;
    const char* code;
  } fixed[] = {{"arrest", "03010100000004"},         {"detention", "03010200000004"},
               {"disappearance", "03010300000004"},  {"torture", "02011111000004"},
               {"physical_assault", "02010100000004"}, {"illegal_search", "04010100000004"},
               {"other", "90000000000004"}};
  for (const auto& f : fixed) {
    const ActType* by_key = find_act_type(f.key);
    REQUIRE(by_key != nullptr);
    CHECK(by_key->code == f.code);
    CHECK(by_key->huridocs);
    CHECK(find_act_type(f.code) == by_key);
  }
  for (const char* k : {"threats", "surveillance", "banned_assembly", "censorship",
                        "denial_of_legal_assistance", "detention_conditions"}) {
    const ActType* t = find_act_type(k);
    REQUIRE(t != nullptr);
    CHECK_FALSE(t->huridocs);  // local codes, marked as such
    CHECK(t->code.substr(0, 2) == "99");
  }
  std::set<std::string_view> codes;
  std::set<std::string_view> keys;
  for (const auto& t : act_types()) {
    CHECK(t.code.size() == kHuridocsCodeLength);
    CHECK(t.code.find_first_not_of("0123456789") == std::string_view::npos);
    CHECK(codes.insert(t.code).second);
    CHECK(keys.insert(t.key).second);
    CHECK_FALSE(label(t, Language::en).empty());
    CHECK_FALSE(label(t, Language::ru).empty());
    CHECK(label(t, Language::en) != label(t, Language::ru));
  }
  CHECK(act_types().size() == 13);
  CHECK(find_act_type("") == nullptr);
  CHECK(find_act_type("0301010000000") == nullptr);
  CHECK(find_act_type("ARREST") == nullptr);
}

TEST_CASE("vocabularies: keys round-trip and every label exists in both languages") {
  for (const auto v : kPersonRoles) {
    CHECK(parse_person_role(key(v)) == v);
    CHECK_FALSE(label(v, Language::ru).empty());
  }
  for (const auto v : kDatePrecisions) CHECK(parse_date_precision(key(v)) == v);
  for (const auto v : kConsentFlags) CHECK(parse_consent_flag(key(v)) == v);
  for (const auto v : kReportStatuses) CHECK(parse_report_status(key(v)) == v);
  for (const auto v : kDeliveryStates) CHECK(parse_delivery_state(key(v)) == v);
  CHECK(label(PersonRole::witness, Language::ru) == "Свидетель");
  CHECK(label(PersonRole::witness, Language::en) == "Witness");
  CHECK_FALSE(parse_person_role("Victim").has_value());
  CHECK_FALSE(parse_report_status("").has_value());
}
