#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <fstream>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/key_slots.hpp"
#include "fieldseal/storage/migrations.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"
#include "vault_test_util.hpp"

namespace crypto = fieldseal::crypto;
using namespace fieldseal::storage;
using namespace fieldseal::storage::test;

namespace {

Vault make(const TempDir& dir, Role role = Role::field, std::string_view name = "Anna K.",
           std::string_view passphrase = "real passphrase") {
  auto v = Vault::create(dir / "v", role, name, pass(passphrase), kFast);
  REQUIRE(v.ok());
  return std::move(v).value();
}

Result<Vault> open_vault(const TempDir& dir, std::string_view passphrase) {
  return Vault::open(dir / "v", pass(passphrase), kFast);
}

}  // namespace

TEST_CASE("vault: create and open round trip", "[vault]") {
  TempDir dir;
  std::string card;
  crypto::Ed25519PublicKey signing;
  {
    auto v = make(dir, Role::hq, "HQ Москва");
    CHECK(v.is_open());
    CHECK(v.role() == Role::hq);
    CHECK(v.name() == "HQ Москва");
    auto text = v.card_text();
    REQUIRE(text.ok());
    card = *text;
    signing = v.signing_key().public_key();
    auto integrity = v.database().integrity_ok();
    REQUIRE(integrity.ok());
    CHECK(*integrity);
    v.lock();
    CHECK_FALSE(v.is_open());
  }
  CHECK(file_names(dir / "v") == std::vector<std::string>{"data", "keys"});
  CHECK(std::filesystem::file_size(dir / "v" / "keys") == kKeySlotFileBytes);
  auto v = open_vault(dir, "real passphrase");
  REQUIRE(v.ok());
  CHECK(v->role() == Role::hq);
  CHECK(v->name() == "HQ Москва");
  CHECK(v->signing_key().public_key() == signing);
  auto again = v->card_text();
  REQUIRE(again.ok());
  CHECK(*again == card);
  auto parsed = crypto::parse_card(card);
  REQUIRE(parsed.ok());
  CHECK(parsed->age_recipient == v->age_identity().recipient());
  CHECK(v->safety_number() ==
        crypto::safety_number(parsed->age_recipient, parsed->signing_key));
  auto version = schema_version(v->database());
  REQUIRE(version.ok());
  CHECK(*version == latest_schema_version());
}

TEST_CASE("vault: create refuses bad input and existing vaults", "[vault]") {
  TempDir dir;
  CHECK(Vault::create(dir / "v", Role::field, "A", crypto::SecretBuffer(), kFast).error() ==
        Error::passphrase_empty);
  CHECK(Vault::create(dir / "v", Role::field, "", pass("p"), kFast).error() ==
        Error::invalid_argument);
  CHECK(Vault::create(dir / "v", Role::field, "bad\nname", pass("p"), kFast).error() ==
        Error::invalid_argument);
  CHECK(Vault::create(dir / "v", Role::field, std::string(129, 'a'), pass("p"), kFast).error() ==
        Error::invalid_argument);
  CHECK(Vault::create(dir / "v", Role::field, "A", pass("p"), crypto::Argon2idParams{1 << 20, 1})
            .error() == Error::invalid_argument);
  // Failed attempts leave nothing behind.
  if (std::filesystem::exists(dir / "v")) CHECK(file_names(dir / "v").empty());
  { auto v = make(dir); }
  CHECK(Vault::create(dir / "v", Role::field, "B", pass("p"), kFast).error() ==
        Error::vault_exists);
  write_bytes(dir / "other", {1, 2, 3});
  std::filesystem::create_directory(dir / "busy");
  write_bytes(dir / "busy" / "file", {1});
  CHECK(Vault::create(dir / "busy", Role::field, "B", pass("p"), kFast).error() ==
        Error::invalid_argument);
  CHECK(Vault::create(dir / "other", Role::field, "B", pass("p"), kFast).error() ==
        Error::invalid_argument);
}

TEST_CASE("vault: wrong passphrase, missing vault, second process", "[vault]") {
  TempDir dir;
  { auto v = make(dir); }
  const auto before = snapshot(dir / "v");
  CHECK(open_vault(dir, "Real passphrase").error() == Error::wrong_passphrase);
  CHECK(snapshot(dir / "v") == before);
  CHECK(Vault::open(dir / "v", crypto::SecretBuffer(), kFast).error() == Error::passphrase_empty);
  CHECK(Vault::open(dir / "nothing", pass("x"), kFast).error() == Error::vault_not_found);
  CHECK_FALSE(Vault::exists(dir / "nothing"));
  CHECK(Vault::exists(dir / "v"));

  auto first = open_vault(dir, "real passphrase");
  REQUIRE(first.ok());
  CHECK(open_vault(dir, "real passphrase").error() == Error::database_locked);
  first->lock();
  CHECK(open_vault(dir, "real passphrase").ok());
}

TEST_CASE("vault: change passphrase", "[vault]") {
  TempDir dir;
  {
    auto v = make(dir);
    REQUIRE(v.set_config(kConfigPurgeOnReceipt, "on").ok());
    REQUIRE(v.change_passphrase(pass("new passphrase")).ok());
    CHECK(v.change_passphrase(crypto::SecretBuffer()).error() == Error::passphrase_empty);
  }
  CHECK(std::filesystem::file_size(dir / "v" / "keys") == kKeySlotFileBytes);
  CHECK(open_vault(dir, "real passphrase").error() == Error::wrong_passphrase);
  {
    auto v = open_vault(dir, "new passphrase");
    REQUIRE(v.ok());
    CHECK(*v->config(kConfigPurgeOnReceipt) == "on");
    // Change again from the changed vault: the slot in use moves each time.
    REQUIRE(v->change_passphrase(pass("third")).ok());
    REQUIRE(v->change_passphrase(pass("fourth")).ok());
    auto slots = v->database().prepare("SELECT count(*) FROM key_slots;");
    REQUIRE(slots.ok());
    REQUIRE(*slots->step());
    CHECK(slots->column_int64(0) == 1);
  }
  CHECK(open_vault(dir, "new passphrase").error() == Error::wrong_passphrase);
  CHECK(open_vault(dir, "third").error() == Error::wrong_passphrase);
  CHECK(open_vault(dir, "fourth").ok());
}

TEST_CASE("vault: weaker slots are upgraded on unlock, fillers follow", "[vault]") {
  TempDir dir;
  { auto v = make(dir); }
  const crypto::Argon2idParams stronger{kFast.memory_bytes, kFast.passes + 1};
  {
    auto v = Vault::open(dir / "v", pass("real passphrase"), stronger);
    REQUIRE(v.ok());
  }
  auto file = KeySlotFile::read(dir / "v" / "keys");
  REQUIRE(file.ok());
  for (std::size_t i = 0; i < kKeySlotCount; ++i) CHECK(file->params(i) == stronger);
  CHECK(Vault::open(dir / "v", pass("real passphrase"), stronger).ok());
}

TEST_CASE("vault: duress passphrase destroys the vault and opens a fresh one", "[vault]") {
  TempDir dir;
  TempDir other;
  std::string hq_card;
  {
    auto hq = Vault::create(other / "hq", Role::hq, "HQ", pass("hq"), kFast);
    REQUIRE(hq.ok());
    hq_card = *hq->card_text();
  }
  crypto::Ed25519PublicKey real_key;
  {
    auto v = make(dir);
    real_key = v.signing_key().public_key();
    REQUIRE(add_contact(v.database(), hq_card).ok());
    REQUIRE(v.set_config(kConfigWipeAfter, "7").ok());
    CHECK(v.set_duress(pass("real passphrase")).error() == Error::invalid_argument);
    REQUIRE_FALSE(*v.has_duress());
    REQUIRE(v.set_duress(pass("duress words")).ok());
    CHECK(*v.has_duress());
    // Setting it again replaces the first duress passphrase.
    REQUIRE(v.set_duress(pass("duress words 2")).ok());
  }
  CHECK(file_names(dir / "v") == std::vector<std::string>{"data", "keys"});
  CHECK(std::filesystem::file_size(dir / "v" / "keys") == kKeySlotFileBytes);
  CHECK(open_vault(dir, "duress words").error() == Error::wrong_passphrase);
  {
    auto v = open_vault(dir, "duress words 2");
    REQUIRE(v.ok());
    CHECK(v->role() == Role::field);
    CHECK(v->name() == "Anna K.");
    CHECK_FALSE(v->signing_key().public_key() == real_key);
    CHECK(list_contacts(v->database())->empty());
    CHECK_FALSE(*v->has_duress());
    CHECK(v->wipe_after() == 7);  // looks like it did before
    CHECK(*v->database().integrity_ok());
  }
  CHECK(file_names(dir / "v") == std::vector<std::string>{"data", "keys"});
  CHECK(std::filesystem::file_size(dir / "v" / "keys") == kKeySlotFileBytes);
  CHECK(open_vault(dir, "real passphrase").error() == Error::wrong_passphrase);
  // From now on the duress passphrase is this fresh vault's normal passphrase.
  crypto::Ed25519PublicKey fresh_key;
  {
    auto v = open_vault(dir, "duress words 2");
    REQUIRE(v.ok());
    fresh_key = v->signing_key().public_key();
    REQUIRE(add_contact(v->database(), hq_card).ok());
  }
  auto v = open_vault(dir, "duress words 2");
  REQUIRE(v.ok());
  CHECK(v->signing_key().public_key() == fresh_key);
  CHECK(list_contacts(v->database())->size() == 1);
}

TEST_CASE("vault: a duress switch killed while creating the fresh file leaves the real vault", "[vault]") {
  // The duress path creates data.new before anything else; a kill right
  // then leaves it empty, and SQLCipher opens an empty file with any key.
  // The real passphrase must still open the real vault, not adopt that file.
  TempDir dir;
  std::string real_card;
  {
    auto v = make(dir);
    real_card = *v.card_text();
    REQUIRE(v.set_duress(pass("duress words")).ok());
  }
  const std::size_t size = GENERATE(std::size_t{0}, std::size_t{4096}, std::size_t{3 * 4096});
  INFO("data.new of " << size << " zero bytes");
  {
    std::ofstream zeros(dir / "v" / "data.new", std::ios::binary);
    const std::vector<char> bytes(size, '\0');
    zeros.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  REQUIRE(std::filesystem::file_size(dir / "v" / "data.new") == size);
  {
    auto v = open_vault(dir, "real passphrase");
    REQUIRE(v.ok());
    CHECK(*v->card_text() == real_card);
    CHECK(*v->has_duress());
  }
  CHECK(file_names(dir / "v") == std::vector<std::string>{"data", "keys"});
}

TEST_CASE("vault: a duress switch killed in the new file's WAL switch leaves the real vault", "[vault]") {
  // Captured from the CLI crash trials: the duress unlock was killed while
  // SQLite switched data.new to WAL, leaving a 4 KiB data.new and a hot
  // journal. Rolling that journal back empties data.new, which then opens
  // with any key; it must not be taken for the finished fresh vault (that
  // replaced the real database and left "database damaged").
  TempDir dir;
  const auto v = dir / "v";
  std::filesystem::copy(std::filesystem::path(FIELDSEAL_SOURCE_DIR) /
                            "tests/storage/vault/data/duress-killed-in-wal-switch",
                        v, std::filesystem::copy_options::recursive);
  {
    auto opened = Vault::open(v, pass("real crash passphrase"), kFast);
    REQUIRE(opened.ok());
    auto integrity = opened->database().integrity_ok();
    REQUIRE(integrity.ok());
    CHECK(*integrity);
    auto reports = list_reports(opened->database(), ReportFilter{});
    REQUIRE(reports.ok());
    REQUIRE(reports->size() == 1);
    CHECK(reports->front().title == "Detention at the checkpoint");
    CHECK(*opened->has_duress());
  }
  CHECK(file_names(v) == std::vector<std::string>{"data", "keys"});
}

TEST_CASE("vault: clear duress", "[vault]") {
  TempDir dir;
  {
    auto v = make(dir);
    REQUIRE(v.set_duress(pass("duress")).ok());
    REQUIRE(v.clear_duress().ok());
    CHECK_FALSE(*v.has_duress());
  }
  CHECK(open_vault(dir, "duress").error() == Error::wrong_passphrase);
  CHECK(open_vault(dir, "real passphrase").ok());
}

TEST_CASE("vault: panic leaves nothing openable", "[vault]") {
  TempDir dir;
  SECTION("closed vault, by directory") {
    { auto v = make(dir); }
    REQUIRE(Vault::panic(dir / "v").ok());
  }
  SECTION("while open in this process") {
    auto v = make(dir);
    REQUIRE(v.set_duress(pass("duress")).ok());
    REQUIRE(v.panic_wipe().ok());
    CHECK_FALSE(v.is_open());
  }
  SECTION("while another Vault holds the lock") {
    auto v = make(dir);
    REQUIRE(Vault::panic(dir / "v").ok());
  }
  CHECK(file_names(dir / "v").empty());
  CHECK(open_vault(dir, "real passphrase").error() == Error::vault_not_found);
  CHECK(open_vault(dir, "duress").error() == Error::vault_not_found);
  CHECK(Vault::panic(dir / "v").error() == Error::vault_not_found);
}

TEST_CASE("vault: wipe after N failed unlocks", "[vault]") {
  TempDir dir;
  {
    auto v = make(dir);
    CHECK(v.wipe_after() == 0);
    CHECK(*v.config(kConfigWipeAfter) == "0");
    REQUIRE(v.set_config(kConfigWipeAfter, "3").ok());
    CHECK(*v.config(kConfigWipeAfter) == "3");
  }
  CHECK(open_vault(dir, "guess 1").error() == Error::wrong_passphrase);
  CHECK(open_vault(dir, "guess 2").error() == Error::wrong_passphrase);
  CHECK(KeySlotFile::read(dir / "v" / "keys")->failed_unlocks() == 2);
  { REQUIRE(open_vault(dir, "real passphrase").ok()); }  // a success resets the count
  CHECK(KeySlotFile::read(dir / "v" / "keys")->failed_unlocks() == 0);
  CHECK(open_vault(dir, "guess 3").error() == Error::wrong_passphrase);
  CHECK(open_vault(dir, "guess 4").error() == Error::wrong_passphrase);
  CHECK(open_vault(dir, "guess 5").error() == Error::vault_wiped);
  CHECK(file_names(dir / "v").empty());
  CHECK(open_vault(dir, "real passphrase").error() == Error::vault_not_found);
}

TEST_CASE("vault: wipe-after off means no counting and no writes", "[vault]") {
  TempDir dir;
  { auto v = make(dir); }
  const auto before = snapshot(dir / "v");
  for (int i = 0; i < 3; ++i) CHECK(open_vault(dir, "guess").error() == Error::wrong_passphrase);
  CHECK(snapshot(dir / "v") == before);
  CHECK(open_vault(dir, "real passphrase").ok());
}

TEST_CASE("vault: config values are validated", "[vault]") {
  TempDir dir;
  auto v = make(dir);
  CHECK(*v.config(kConfigPurgeOnReceipt) == "off");
  REQUIRE(v.set_config(kConfigPurgeOnReceipt, "on").ok());
  CHECK(*v.config(kConfigPurgeOnReceipt) == "on");
  for (std::string_view bad : {"", "yes", "ON", " on"})
    CHECK(v.set_config(kConfigPurgeOnReceipt, bad).error() == Error::invalid_argument);
  for (std::string_view bad : {"", "-1", "1001", "01", "3x", "99999999999"})
    CHECK(v.set_config(kConfigWipeAfter, bad).error() == Error::invalid_argument);
  REQUIRE(v.set_config(kConfigWipeAfter, "1000").ok());
  REQUIRE(v.set_config(kConfigWipeAfter, "0").ok());
  CHECK(v.set_config("colour", "blue").error() == Error::invalid_argument);
  CHECK(v.config("colour").error() == Error::invalid_argument);
}

TEST_CASE("vault: identity export-secret is for HQ vaults only", "[vault]") {
  TempDir dir;
  {
    auto field = make(dir);
    CHECK(field.export_secret().error() == Error::wrong_role);
  }
  TempDir hq_dir;
  auto hq = Vault::create(hq_dir / "v", Role::hq, "HQ", pass("p"), kFast);
  REQUIRE(hq.ok());
  auto secret = hq->export_secret();
  REQUIRE(secret.ok());
  auto r = secret->read();
  CHECK(r.text().substr(0, 16) == "AGE-SECRET-KEY-1");
  auto parsed = crypto::X25519Identity::parse(r.text());
  REQUIRE(parsed.ok());
  CHECK(parsed->recipient() == hq->age_identity().recipient());
}
