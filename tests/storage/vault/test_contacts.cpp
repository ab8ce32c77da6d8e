#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/vault.hpp"
#include "vault_test_util.hpp"

namespace crypto = fieldseal::crypto;
using namespace fieldseal::storage;
using namespace fieldseal::storage::test;

TEST_CASE("contacts: add from a card, list, find, safety number", "[contacts]") {
  TempDir dir;
  auto field = Vault::create(dir / "field", Role::field, "Researcher", pass("f"), kFast);
  auto hq = Vault::create(dir / "hq", Role::hq, "Правозащитный центр", pass("h"), kFast);
  auto other = Vault::create(dir / "other", Role::field, "Another", pass("o"), kFast);
  REQUIRE(field.ok());
  REQUIRE(hq.ok());
  REQUIRE(other.ok());
  const std::string hq_card = *hq->card_text();
  const std::string other_card = *other->card_text();

  auto added = add_contact(field->database(), hq_card);
  REQUIRE(added.ok());
  CHECK(added->card.name == "Правозащитный центр");
  CHECK(added->card.role == crypto::CardRole::hq);
  CHECK(added->card.signing_key == hq->signing_key().public_key());
  CHECK(added->safety_number() == hq->safety_number());
  CHECK(added->safety_number().size() == 71);  // 12 groups of 5 digits, 11 spaces
  REQUIRE(add_contact(field->database(), other_card).ok());

  auto all = list_contacts(field->database());
  REQUIRE(all.ok());
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].card.name == "Another");  // sorted by name
  CHECK((*all)[1].card_text == hq_card);

  auto found = find_contact(field->database(), "Правозащитный центр");
  REQUIRE(found.ok());
  CHECK(found->card.age_recipient == hq->age_identity().recipient());
  CHECK(find_contact(field->database(), "nobody").error() == Error::not_found);
  auto by_key = find_contact_by_signing_key(field->database(), hq->signing_key().public_key());
  REQUIRE(by_key.ok());
  REQUIRE(by_key->has_value());
  CHECK((*by_key)->card.name == "Правозащитный центр");
  auto unknown = find_contact_by_signing_key(field->database(), field->signing_key().public_key());
  REQUIRE(unknown.ok());
  CHECK_FALSE(unknown->has_value());

  SECTION("duplicates are refused") {
    CHECK(add_contact(field->database(), hq_card).error() == Error::contact_exists);
    // Same name, different keys.
    TempDir d2;
    auto twin = Vault::create(d2 / "t", Role::hq, "Правозащитный центр", pass("t"), kFast);
    REQUIRE(twin.ok());
    CHECK(add_contact(field->database(), *twin->card_text()).error() == Error::contact_exists);
    // Same keys, different name: a card re-signed under another name.
    crypto::Card renamed = hq->card();
    renamed.name = "Renamed";
    auto text = crypto::write_card(renamed, hq->signing_key());
    REQUIRE(text.ok());
    CHECK(add_contact(field->database(), *text).error() == Error::contact_exists);
    CHECK(list_contacts(field->database())->size() == 2);
  }
  SECTION("tampered or malformed cards are refused") {
    std::string tampered = hq_card;
    const auto at = tampered.find("name: ") + 6;
    tampered[at] = tampered[at] == 'X' ? 'Y' : 'X';
    CHECK(add_contact(field->database(), tampered).error() == Error::card_invalid);
    CHECK(add_contact(field->database(), "").error() == Error::card_invalid);
    CHECK(add_contact(field->database(), "fieldseal-card v1\n").error() == Error::card_invalid);
    CHECK(list_contacts(field->database())->size() == 2);
  }
  SECTION("remove") {
    REQUIRE(remove_contact(field->database(), "Another").ok());
    CHECK(remove_contact(field->database(), "Another").error() == Error::not_found);
    CHECK(list_contacts(field->database())->size() == 1);
  }
  SECTION("contacts persist across lock and open") {
    field->lock();
    auto reopened = Vault::open(dir / "field", pass("f"), kFast);
    REQUIRE(reopened.ok());
    CHECK(list_contacts(reopened->database())->size() == 2);
  }
}

TEST_CASE("own card: parses, verifies and carries the vault's keys", "[contacts]") {
  TempDir dir;
  auto v = Vault::create(dir / "v", Role::field, "Researcher", pass("f"), kFast);
  REQUIRE(v.ok());
  auto text = v->card_text();
  REQUIRE(text.ok());
  auto card = crypto::parse_card(*text);
  REQUIRE(card.ok());
  CHECK(card->name == "Researcher");
  CHECK(card->role == crypto::CardRole::field);
  CHECK(card->age_recipient == v->age_identity().recipient());
  CHECK(card->signing_key == v->signing_key().public_key());
}
