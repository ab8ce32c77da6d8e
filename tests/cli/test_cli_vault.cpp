// The vault, report and contact commands of the fieldseal CLI, run in-process
// through run_cli() with scripted streams, environment and prompts: every
// command's happy path and its main errors. Vaults use --kdf-memory 64 (the
// floor) so that each unlock stays short.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "cli_harness.hpp"
#include "cli_test_files.hpp"
#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/vault.hpp"

namespace fs = std::filesystem;
using namespace fieldseal::cli::test;  // NOLINT: test helpers
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::StartsWith;
using fieldseal::cli::kExitFailure;
using fieldseal::cli::kExitSuccess;
using fieldseal::cli::kExitUsage;
using nlohmann::json;

namespace {

constexpr const char* kPassphrase = "correct horse battery staple";

// The environment names a vault in the scratch directory and its passphrase.
class Cli : public CliHarness {
 public:
  Cli() : CliHarness("v") {
    env["FIELDSEAL_VAULT"] = path("vault");
    env["FIELDSEAL_PASSPHRASE"] = kPassphrase;
  }

  [[nodiscard]] fs::path vault() const { return dir() / "vault"; }

  // A field (or hq) vault at the floor KDF strength.
  void init(const std::string& role = "field", const std::string& name = "Anna K") {
    auto r = run({"init", "--role", role, "--name", name, "--kdf-memory", "64"});
    INFO(r.err);
    REQUIRE(r.code == kExitSuccess);
  }
};

std::string line_after(const std::string& text, const std::string& marker) {
  auto at = text.find(marker);
  REQUIRE(at != std::string::npos);
  auto end = text.find('\n', at);
  return text.substr(at + marker.size(), end - at - marker.size());
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Opens the vault directly through the storage API (floor strength).
fieldseal::storage::Vault open_directly(const fs::path& dir, const char* passphrase = kPassphrase) {
  auto vault = fieldseal::storage::Vault::open(
      dir, fieldseal::crypto::SecretBuffer::from_text(passphrase),
      fieldseal::crypto::Argon2idParams::floor());
  REQUIRE(vault.ok());
  return std::move(vault).value();
}

const std::vector<std::string> kFullReport = {
    "report", "add",
    "--title", "Detention at Pushkin Square",
    "--narrative", "Задержан ЖУРНАЛИСТ у метро; the journalist was held for 6 hours.",
    "--start", "2024-03-05", "--end", "2024-03",
    "--place", "Tverskoy police station", "--region", "Moscow",
    "--coords", "55.765,37.606",
    "--person", "v1:victim,witness:Ivan:journalist",
    "--person", "pp1:perpetrator:OMON officers",
    "--sensitive", "v1:legal-name=Ivan Petrovich Sidorov",
    "--act", "arrest:v1:pp1:2024-03-05:taken from the street: no reason given",
    "--act", "03010200000004:v1:pp1:2024-03",
    "--source", "v1:quote,publish:interview in person",
    "--source", "::court papers",
    "--tag", "protest", "--tag", "press"};

}  // namespace

TEST_CASE("init: creates a vault, asks twice, refuses bad options and existing vaults", "[cli][vault]") {
  Cli cli;
  SECTION("usage errors exit 2 and create nothing") {
    CHECK(cli.run({"init", "--name", "A"}).code == kExitUsage);
    auto bad_role = cli.run({"init", "--role", "boss", "--name", "A", "--kdf-memory", "64"});
    CHECK(bad_role.code == kExitUsage);
    CHECK_THAT(bad_role.err, ContainsSubstring("--role must be 'field' or 'hq'"));
    auto weak = cli.run({"init", "--role", "field", "--name", "A", "--kdf-memory", "32"});
    CHECK(weak.code == kExitUsage);
    CHECK_THAT(weak.err, ContainsSubstring("--kdf-memory must be at least 64"));
    cli.env.erase("FIELDSEAL_VAULT");
    auto no_vault = cli.run({"init", "--role", "field", "--name", "A", "--kdf-memory", "64"});
    CHECK(no_vault.code == kExitUsage);
    CHECK_THAT(no_vault.err, ContainsSubstring("--vault DIR"));
    CHECK_FALSE(fs::exists(cli.vault()));
  }
  SECTION("the passphrase is asked twice on the terminal") {
    cli.env.erase("FIELDSEAL_PASSPHRASE");
    cli.prompter.answers = {"one passphrase", "another passphrase"};
    auto mismatch = cli.run({"init", "--role", "field", "--name", "A", "--kdf-memory", "64"});
    CHECK(mismatch.code == kExitFailure);
    CHECK_THAT(mismatch.err, ContainsSubstring("do not match"));
    CHECK_FALSE(fieldseal::storage::Vault::exists(cli.vault()));

    cli.prompter = {};
    cli.prompter.answers = {"typed twice", "typed twice"};
    auto made = cli.run({"--vault", cli.vault().string(), "init", "--role", "hq", "--name",
                         "Memorial HQ", "--kdf-memory", "64"});
    INFO(made.err);
    REQUIRE(made.code == kExitSuccess);
    CHECK(cli.prompter.asked == 2);
    CHECK_THAT(made.out, ContainsSubstring("Created a hq vault."));
    CHECK_THAT(made.out, ContainsSubstring("Memorial HQ"));
    const auto safety = line_after(made.out, "Safety number: ");
    CHECK(safety.size() == 71);  // 12 groups of 5 digits and 11 spaces
    CHECK(names_in(cli.vault()) == std::vector<std::string>{"data", "keys"});

    auto opened = open_directly(cli.vault(), "typed twice");
    CHECK(opened.role() == fieldseal::storage::Role::hq);
    CHECK(opened.safety_number() == safety);
  }
  SECTION("a second init over a vault is refused") {
    cli.init();
    const auto keys_before = read_file(cli.vault() / "keys");
    auto again = cli.run({"init", "--role", "field", "--name", "B", "--kdf-memory", "64"});
    CHECK(again.code == kExitFailure);
    CHECK_THAT(again.err, ContainsSubstring("a vault already exists"));
    CHECK(read_file(cli.vault() / "keys") == keys_before);
  }
}

TEST_CASE("opening: wrong passphrase, damaged key-slot file and damaged database are named", "[cli][vault]") {
  Cli cli;
  cli.init();
  const auto keys = read_file(cli.vault() / "keys");
  const auto data = read_file(cli.vault() / "data");

  cli.env["FIELDSEAL_PASSPHRASE"] = "not the passphrase";
  auto wrong = cli.run({"report", "list"});
  CHECK(wrong.code == kExitFailure);
  CHECK(wrong.err == "fieldseal: cannot open the vault: wrong passphrase: no key slot opened with it\n");
  CHECK(read_file(cli.vault() / "keys") == keys);
  cli.env["FIELDSEAL_PASSPHRASE"] = kPassphrase;

  std::string flipped = keys;
  flipped[300] = static_cast<char>(flipped[300] ^ 0x01);
  write_file((cli.vault() / "keys").string(), flipped);
  auto damaged_keys = cli.run({"report", "list"});
  CHECK(damaged_keys.code == kExitFailure);
  CHECK_THAT(damaged_keys.err, ContainsSubstring("the key-slot file is damaged"));
  CHECK(read_file(cli.vault() / "keys") == flipped);
  write_file((cli.vault() / "keys").string(), keys);

  std::string broken = data;
  for (std::size_t i = 200; i < 232; ++i) broken[i] = static_cast<char>(broken[i] ^ 0x5a);
  write_file((cli.vault() / "data").string(), broken);
  auto damaged_db = cli.run({"report", "list"});
  CHECK(damaged_db.code == kExitFailure);
  CHECK_THAT(damaged_db.err, ContainsSubstring("the vault database is damaged"));
  CHECK(read_file(cli.vault() / "data") == broken);
  write_file((cli.vault() / "data").string(), data);

  auto missing = cli.run({"--vault", cli.path("nowhere"), "report", "list"});
  CHECK(missing.code == kExitFailure);
  CHECK_THAT(missing.err, ContainsSubstring("no vault was found"));

  auto fine = cli.run({"report", "list"});
  INFO(fine.err);
  CHECK(fine.code == kExitSuccess);
  CHECK(fine.out.empty());
  CHECK(fine.err == "No reports.\n");
}

TEST_CASE("report: add, show, list, search, edit, finalize, amend, with --json", "[cli][report]") {
  Cli cli;
  cli.init();
  const std::string id = trimmed(cli.ok(kFullReport));
  REQUIRE(id.size() == 36);

  // Human output: plain and aligned; the sensitive details only on request.
  auto shown = cli.ok({"report", "show", id});
  CHECK_THAT(shown, ContainsSubstring("Status    draft\n"));
  CHECK_THAT(shown, ContainsSubstring("Title     Detention at Pushkin Square\n"));
  CHECK_THAT(shown, ContainsSubstring("Dates     2024-03-05 to 2024-03\n"));
  CHECK_THAT(shown, ContainsSubstring("Coords    55.765000,37.606000\n"));
  CHECK_THAT(shown, ContainsSubstring("  v1   victim,witness  Ivan (journalist)\n"));
  CHECK_THAT(shown, ContainsSubstring("1. arrest (03010100000004)  victim v1  perpetrator pp1  2024-03-05"));
  CHECK_THAT(shown, ContainsSubstring("method: taken from the street: no reason given"));
  CHECK_THAT(shown, ContainsSubstring("2. detention (03010200000004)"));
  CHECK_THAT(shown, ContainsSubstring("[anonymise, quote, publish]  interview in person"));
  CHECK_THAT(shown, ContainsSubstring("[anonymise]  court papers"));
  CHECK(shown.find("Sidorov") == std::string::npos);
  CHECK_THAT(cli.ok({"report", "show", id, "--sensitive"}), ContainsSubstring("legal name: Ivan Petrovich Sidorov"));

  auto view = json::parse(cli.ok({"--json", "report", "show", id}));
  CHECK(view["id"] == id);
  CHECK(view["status"] == "draft");
  CHECK(view["signature_valid"].is_null());
  CHECK(view.dump().find("Sidorov") == std::string::npos);

  // A second report, narrative from stdin.
  cli.stdin_data = "Обыск в квартире активистки.\n";
  const std::string id2 = trimmed(cli.ok({"report", "add", "--title", "Search of a flat", "--narrative-file", "-",
                                          "--start", "2023", "--region", "Chechnya", "--act", "illegal_search"}));
  cli.stdin_data.clear();
  REQUIRE(id2.size() == 36);

  auto list = cli.ok({"report", "list"});
  CHECK_THAT(list, StartsWith("ID                                    STATUS  START       REGION    TITLE\n"));
  CHECK_THAT(list, ContainsSubstring(id2 + "  draft   2023        Chechnya  Search of a flat\n"));
  CHECK_THAT(list, ContainsSubstring(id + "  draft   2024-03-05  Moscow    Detention at Pushkin Square\n"));
  auto moscow = json::parse(cli.ok({"report", "list", "--region", "Moscow", "--json"}));
  REQUIRE(moscow.size() == 1);
  CHECK(moscow[0]["id"] == id);
  CHECK(json::parse(cli.ok({"report", "list", "--type", "illegal_search", "--json"})).size() == 1);
  CHECK(json::parse(cli.ok({"report", "list", "--from", "2024", "--to", "2024-12", "--json"})).size() == 1);
  CHECK(json::parse(cli.ok({"report", "list", "--status", "final", "--json"})).empty());

  // Search: case-insensitive in Cyrillic and Latin.
  auto hits = json::parse(cli.ok({"report", "search", "журналист", "--json"}));
  REQUIRE(hits.size() == 1);
  CHECK(hits[0]["id"] == id);
  CHECK_THAT(cli.ok({"report", "search", "ОБЫСК"}), ContainsSubstring(id2 + "  Search of a flat\n"));
  CHECK_THAT(cli.ok({"report", "search", "PUSHKIN"}), ContainsSubstring(id));
  auto none = cli.run({"report", "search", "nonexistentword"});
  CHECK(none.code == kExitSuccess);
  CHECK(none.err == "No matches.\n");

  // Edit a draft: scalars replace, lists given replace, --clear empties.
  cli.ok({"report", "edit", id2, "--title", "Search of an activist's flat", "--clear", "region",
          "--tag", "raid"});
  auto edited = json::parse(cli.ok({"report", "show", id2, "--json"}));
  CHECK(edited["status"] == "draft");
  CHECK(edited.dump().find("Search of an activist's flat") != std::string::npos);
  CHECK(edited.dump().find("Chechnya") == std::string::npos);
  CHECK(edited.dump().find("raid") != std::string::npos);

  // Finalize: signed; no more edits; amendments instead.
  auto finalized = cli.ok({"report", "finalize", id});
  CHECK_THAT(finalized, StartsWith("Finalized and signed. Content SHA-256: "));
  auto refused = cli.run({"report", "edit", id, "--title", "Changed"});
  CHECK(refused.code == kExitFailure);
  CHECK_THAT(refused.err, ContainsSubstring("a final report cannot be edited"));
  auto again = cli.run({"report", "finalize", id});
  CHECK(again.code == kExitFailure);
  CHECK_THAT(again.err, ContainsSubstring("cannot finalize the report"));

  auto amend_draft = cli.run({"report", "amend", id2, "--text", "x"});
  CHECK(amend_draft.code == kExitFailure);
  CHECK_THAT(amend_draft.err, ContainsSubstring("only a final report takes amendments"));
  const auto amendment = trimmed(cli.ok({"report", "amend", id, "--text", "He was held for 7 hours, not 6."}));
  CHECK(amendment.size() == 36);
  auto final_view = cli.ok({"report", "show", id});
  CHECK_THAT(final_view, ContainsSubstring("Status    final (signed "));
  CHECK_THAT(final_view, ContainsSubstring("He was held for 7 hours, not 6."));
  CHECK_THAT(final_view, ContainsSubstring("\nSignature verifies\n"));
  CHECK(json::parse(cli.ok({"report", "show", id, "--json"}))["signature_valid"] == true);

  auto custody = cli.ok({"custody", id});
  CHECK_THAT(custody, StartsWith("SEQ  AT                    EVENT      DETAILS\n"));
  CHECK_THAT(custody, ContainsSubstring("created"));
  CHECK_THAT(custody, ContainsSubstring("finalized"));
  CHECK_THAT(custody, ContainsSubstring("amended"));
  CHECK_THAT(custody, ContainsSubstring("Chain verifies: 3 entries"));
  auto custody_json = json::parse(cli.ok({"custody", id, "--json"}));
  CHECK(custody_json["intact"] == true);
  CHECK(custody_json["entries"].size() == 3);

  auto unknown = cli.run({"report", "show", "00000000-0000-4000-8000-000000000000"});
  CHECK(unknown.code == kExitFailure);
  CHECK(unknown.err == "fieldseal: no report with that id\n");
}

TEST_CASE("report: malformed options are usage errors and change nothing", "[cli][report]") {
  Cli cli;
  cli.init();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"report", "add", "--narrative", "no title"}, "a report needs a title"},
      {{"report", "add", "--title", "T", "--act", "beating_with_sticks"}, "--act (1st): unknown act type"},
      {{"report", "add", "--title", "T", "--act", "arrest", "--act", "arrest:nobody"},
       "--act (2nd): VICTIM and PERPETRATOR must be REFs"},
      {{"report", "add", "--title", "T", "--start", "2024-13-01"}, "--start: a date is YYYY-MM-DD"},
      {{"report", "add", "--title", "T", "--coords", "north"}, "--coords: expected LAT,LON"},
      {{"report", "add", "--title", "T", "--person", "v 1:victim:X"}, "--person (1st): REF is required"},
      {{"report", "add", "--title", "T", "--person", "v1:bystander:X"}, "a role is victim, witness"},
      {{"report", "add", "--title", "T", "--person", "v1:victim"}, "expected REF:ROLES:NAME"},
      {{"report", "add", "--title", "T", "--source", "::x", "--source", ":forever:x"}, "--source (2nd): consent flags"},
      {{"report", "add", "--title", "T", "--sensitive", "v9:notes=x"}, "--sensitive (1st): no person with that REF"},
      {{"report", "add", "--title", "T", "--narrative", "a", "--narrative-file", "-"}, "can't be combined"},
      {{"report", "list", "--status", "lost"}, "--status is draft, final or purged"},
      {{"report", "list", "--type", "nonsense"}, "--type: unknown act type"},
      {{"report", "search", "!!!"}, "the search query is empty"},
      {{"vocab", "--lang", "de"}, "--lang is en or ru"},
      {{"purge"}, "give the IDs of the reports to purge"},
      {{"attachment", "save", "x", "abcd", "-o", "out"}, "SHA is the attachment's SHA-256"},
      {{"report", "frobnicate"}, ""},
  };
  for (const auto& [args, message] : cases) {
    auto r = cli.run(args);
    INFO(args.back());
    INFO(r.err);
    CHECK(r.code == kExitUsage);
    if (!message.empty()) CHECK_THAT(r.err, ContainsSubstring(message));
    CHECK_THAT(r.err, ContainsSubstring("Run 'fieldseal --help' for usage."));
  }
  CHECK(json::parse(cli.ok({"report", "list", "--json"})).empty());
  // Accepted: an act with every optional part empty.
  CHECK(trimmed(cli.ok({"report", "add", "--title", "T", "--act", "arrest::::"})).size() == 36);
}

TEST_CASE("attachments: attach, list, save round trip; a damaged one leaves no file", "[cli][report]") {
  Cli cli;
  cli.init();
  std::mt19937 generator(7);
  const std::string photo = random_bytes(700 * 1024 + 17, generator);  // three chunks
  write_file(cli.path("IMG_0042.JPG"), photo);
  const std::string id =
      trimmed(cli.ok({"report", "add", "--title", "With a photo", "--attach", cli.path("IMG_0042.JPG")}));

  cli.stdin_data = "audio bytes";
  auto line = cli.ok({"attach", id, "-", "--name", "voice.m4a"});
  cli.stdin_data.clear();
  CHECK_THAT(line, ContainsSubstring("  11  voice.m4a\n"));
  const std::string audio_sha = line.substr(0, 64);
  CHECK(cli.run({"attach", id, "-"}).code == kExitUsage);
  auto missing = cli.run({"attach", id, cli.path("no-such-file")});
  CHECK(missing.code == kExitFailure);
  CHECK_THAT(missing.err, ContainsSubstring("cannot open the attachment"));

  auto listed = json::parse(cli.ok({"attachment", "list", id, "--json"}));
  REQUIRE(listed.size() == 2);
  CHECK(listed[0]["name"] == "IMG_0042.JPG");
  CHECK(listed[0]["size"] == photo.size());
  CHECK(listed[0]["media_type"] == "image/jpeg");
  CHECK(listed[1]["media_type"] == "audio/mp4");
  const std::string photo_sha = listed[0]["sha256"];

  cli.ok({"attachment", "save", id, photo_sha, "-o", cli.path("out.jpg")});
  CHECK(read_file(cli.path("out.jpg")) == photo);
  CHECK(cli.ok({"attachment", "save", id, audio_sha, "-o", "-"}) == "audio bytes");
  auto wrong_sha = cli.run({"attachment", "save", id, std::string(64, 'a'), "-o", cli.path("none")});
  CHECK(wrong_sha.code == kExitFailure);
  CHECK_THAT(wrong_sha.err, ContainsSubstring("no attachment with that hash"));
  CHECK_FALSE(fs::exists(cli.path("none")));

  {
    // Damage the middle chunk inside the database (with the key).
    auto vault = open_directly(cli.vault());
    REQUIRE(vault.database().exec("UPDATE attachment_chunks SET data = zeroblob(length(data)) WHERE seq = 1;").ok());
  }
  auto before = names_in(cli.path(""));
  auto damaged = cli.run({"attachment", "save", id, photo_sha, "-o", cli.path("damaged.jpg")});
  CHECK(damaged.code == kExitFailure);
  CHECK_THAT(damaged.err, ContainsSubstring("an attachment is damaged"));
  CHECK(names_in(cli.path("")) == before);

  cli.ok({"report", "finalize", id});
  write_file(cli.path("late.txt"), "late");
  auto late = cli.run({"attach", id, cli.path("late.txt")});
  CHECK(late.code == kExitFailure);
  CHECK_THAT(late.err, ContainsSubstring("a final report cannot be edited"));
}

TEST_CASE("custody: a tampered log is reported and exits 1", "[cli][report]") {
  Cli cli;
  cli.init();
  const std::string id = trimmed(cli.ok({"report", "add", "--title", "T"}));
  cli.ok({"report", "finalize", id});
  CHECK_THAT(cli.ok({"custody", id}), ContainsSubstring("Chain verifies: 2 entries"));
  {
    auto vault = open_directly(cli.vault());
    REQUIRE(vault.database().exec("UPDATE custody SET at = '2001-01-01T00:00:00Z' WHERE seq = 2;").ok());
  }
  auto broken = cli.run({"custody", id});
  CHECK(broken.code == kExitFailure);
  CHECK_THAT(broken.out, ContainsSubstring("Chain DOES NOT VERIFY: broken at entry 2."));
  CHECK(broken.err == "fieldseal: the custody log does not verify (broken at entry 2)\n");
  auto as_json = cli.run({"custody", id, "--json"});
  CHECK(as_json.code == kExitFailure);
  CHECK(json::parse(as_json.out)["broken_at"] == 2);
}

TEST_CASE("purge: content gone, stub and custody kept; unknown ids purge nothing", "[cli][report]") {
  Cli cli;
  cli.init();
  const std::string keep = trimmed(cli.ok({"report", "add", "--title", "Keep me"}));
  auto args = kFullReport;
  const std::string gone = trimmed(cli.ok(args));

  auto unknown = cli.run({"purge", gone, "00000000-0000-4000-8000-000000000000"});
  CHECK(unknown.code == kExitFailure);
  CHECK(unknown.err == "fieldseal: no report with that id\n");
  CHECK(json::parse(cli.ok({"report", "show", gone, "--json"}))["status"] == "draft");

  auto purged = cli.run({"purge", gone});
  INFO(purged.err);
  REQUIRE(purged.code == kExitSuccess);
  CHECK_THAT(purged.err, ContainsSubstring("Purged 1 report;"));
  auto stub = cli.ok({"report", "show", gone});
  CHECK_THAT(stub, ContainsSubstring("Status    purged (purged "));
  CHECK(stub.find("Pushkin") == std::string::npos);
  CHECK(cli.run({"report", "search", "Pushkin"}).err == "No matches.\n");
  auto remaining = json::parse(cli.ok({"report", "list", "--json"}));
  REQUIRE(remaining.size() == 1);
  CHECK(remaining[0]["id"] == keep);
  CHECK(json::parse(cli.ok({"report", "list", "--status", "purged", "--json"}))[0]["id"] == gone);
  CHECK_THAT(cli.ok({"custody", gone}), ContainsSubstring("purged"));
}

TEST_CASE("vocab: act types with HURIDOCS codes in English and Russian", "[cli][report]") {
  Cli cli;  // no vault needed
  auto en = cli.ok({"vocab"});
  CHECK_THAT(en, StartsWith("CODE            KEY"));
  CHECK_THAT(en, ContainsSubstring("03010100000004  arrest"));
  CHECK_THAT(en, ContainsSubstring("02011111000004  torture"));
  CHECK_THAT(en, ContainsSubstring("Person roles: victim"));
  auto ru = cli.ok({"vocab", "--lang", "ru"});
  CHECK_THAT(ru, ContainsSubstring("03010100000004  arrest"));
  CHECK(ru != en);
  auto doc = json::parse(cli.ok({"vocab", "--json"}));
  CHECK(doc.is_object());
  CHECK(doc.dump().find("03010300000004") != std::string::npos);
}

TEST_CASE("card and contacts: add, list, verify, with safety numbers", "[cli][contact]") {
  Cli hq;
  hq.init("hq", "Memorial HQ");
  auto card = hq.run({"card", "-o", hq.path("hq.card")});
  INFO(card.err);
  REQUIRE(card.code == kExitSuccess);
  const auto hq_safety = line_after(card.err, "Safety number: ");
  const auto card_text = read_file(hq.path("hq.card"));
  CHECK_THAT(card_text, StartsWith("fieldseal-card v1\nname: Memorial HQ\nrole: hq\n"));
  CHECK(hq.ok({"card"}) == card_text);

  Cli field;
  field.init();
  auto added = field.ok({"contact", "add", hq.path("hq.card")});
  CHECK_THAT(added, StartsWith("Added contact Memorial HQ (hq).\n"));
  CHECK(line_after(added, "Safety number: ") == hq_safety);
  auto twice = field.run({"contact", "add", hq.path("hq.card")});
  CHECK(twice.code == kExitFailure);
  CHECK_THAT(twice.err, ContainsSubstring("already exists"));

  std::string forged = card_text;
  forged.replace(forged.find("Memorial HQ"), 11, "Memorial HX");
  write_file(field.path("forged.card"), forged);
  auto bad = field.run({"contact", "add", field.path("forged.card")});
  CHECK(bad.code == kExitFailure);
  CHECK_THAT(bad.err, ContainsSubstring("the card did not parse or its signature did not verify"));

  CHECK_THAT(field.ok({"contact", "list"}), StartsWith("NAME         ROLE   ADDED\nMemorial HQ  hq     "));
  auto listed = json::parse(field.ok({"contact", "list", "--json"}));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["safety_number"] == hq_safety);
  auto verify = field.ok({"contact", "verify", "Memorial HQ"});
  CHECK(line_after(verify, "Safety number: ") == hq_safety);
  CHECK_THAT(verify, ContainsSubstring("Role:          hq\n"));
  auto nobody = field.run({"contact", "verify", "Nobody"});
  CHECK(nobody.code == kExitFailure);
  CHECK(nobody.err == "fieldseal: no contact by that name\n");
}

TEST_CASE("identity export-secret: HQ only, with a warning, usable by age", "[cli][contact]") {
  Cli hq;
  hq.init("hq", "Memorial HQ");
  auto exported = hq.run({"identity", "export-secret"});
  INFO(exported.err);
  REQUIRE(exported.code == kExitSuccess);
  CHECK_THAT(exported.err, StartsWith("WARNING: this is the secret key"));
  const auto secret_line = exported.out.substr(exported.out.find("AGE-SECRET-KEY-1"));
  auto identity = fieldseal::crypto::X25519Identity::parse(trimmed(secret_line));
  REQUIRE(identity.ok());
  auto card = fieldseal::crypto::parse_card(hq.ok({"card"}));
  REQUIRE(card.ok());
  CHECK(identity.value().recipient().to_string() == card.value().age_recipient.to_string());
  CHECK(line_after(exported.out, "# public key: ") == card.value().age_recipient.to_string());

  hq.ok({"identity", "export-secret", "-o", hq.path("hq.key")});
  CHECK((fs::status(hq.path("hq.key")).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(hq.run({"identity", "export-secret", "-o", hq.path("hq.key")}).code == kExitFailure);

  Cli field;
  field.init();
  auto refused = field.run({"identity", "export-secret"});
  CHECK(refused.code == kExitFailure);
  CHECK_THAT(refused.err, ContainsSubstring("for HQ vaults only"));
  CHECK(refused.out.empty());
}

TEST_CASE("passphrase change and duress set", "[cli][vault]") {
  Cli cli;
  cli.init();
  const std::string id = trimmed(cli.ok({"report", "add", "--title", "Precious"}));

  SECTION("change: the new passphrase opens, the old does not; a mismatch changes nothing") {
    cli.prompter.answers = {"new one", "new typo"};
    auto mismatch = cli.run({"passphrase", "change"});
    CHECK(mismatch.code == kExitFailure);
    CHECK_THAT(mismatch.err, ContainsSubstring("do not match"));

    cli.env["FIELDSEAL_NEW_PASSPHRASE"] = "the new passphrase";
    auto changed = cli.run({"passphrase", "change"});
    INFO(changed.err);
    REQUIRE(changed.code == kExitSuccess);
    CHECK(changed.err == "Passphrase changed.\n");
    auto old = cli.run({"report", "list"});
    CHECK(old.code == kExitFailure);
    CHECK_THAT(old.err, ContainsSubstring("wrong passphrase"));
    cli.env["FIELDSEAL_PASSPHRASE"] = "the new passphrase";
    CHECK_THAT(cli.ok({"report", "list"}), ContainsSubstring(id));
  }
  SECTION("change from passphrase files: one trailing CRLF or LF stripped, empty refused") {
    write_file(cli.path("empty"), "\r\n");
    cli.env["FIELDSEAL_NEW_PASSPHRASE_FILE"] = cli.path("empty");
    auto empty = cli.run({"passphrase", "change"});
    CHECK(empty.code == kExitFailure);
    CHECK_THAT(empty.err, ContainsSubstring("the new passphrase is empty"));
    CHECK(cli.prompter.asked == 0);

    write_file(cli.path("new"), "from a file\r\n");
    cli.env["FIELDSEAL_NEW_PASSPHRASE_FILE"] = cli.path("new");
    REQUIRE(cli.run({"passphrase", "change"}).code == kExitSuccess);
    cli.env.erase("FIELDSEAL_NEW_PASSPHRASE_FILE");
    cli.env["FIELDSEAL_PASSPHRASE"] = "from a file";
    CHECK_THAT(cli.ok({"report", "list"}), ContainsSubstring(id));
    cli.env.erase("FIELDSEAL_PASSPHRASE");
    write_file(cli.path("unlock"), "from a file\n");
    cli.env["FIELDSEAL_PASSPHRASE_FILE"] = cli.path("unlock");
    CHECK_THAT(cli.ok({"report", "list"}), ContainsSubstring(id));
    CHECK(cli.prompter.asked == 0);
  }
  SECTION("duress: it destroys the real content and opens an empty vault") {
    cli.env["FIELDSEAL_NEW_PASSPHRASE"] = kPassphrase;
    auto same = cli.run({"duress", "set"});
    CHECK(same.code == kExitFailure);
    CHECK_THAT(same.err, ContainsSubstring("must differ"));

    cli.env["FIELDSEAL_NEW_PASSPHRASE"] = "under duress";
    cli.ok({"duress", "set"});
    CHECK_THAT(cli.ok({"report", "list"}), ContainsSubstring(id));

    cli.env["FIELDSEAL_PASSPHRASE"] = "under duress";
    auto decoy = cli.run({"report", "list"});
    CHECK(decoy.code == kExitSuccess);
    CHECK(decoy.err == "No reports.\n");
    CHECK(trimmed(cli.ok({"report", "add", "--title", "Harmless"})).size() == 36);
    cli.env["FIELDSEAL_PASSPHRASE"] = kPassphrase;
    auto real = cli.run({"report", "list"});
    CHECK(real.code == kExitFailure);
    CHECK_THAT(real.err, ContainsSubstring("wrong passphrase"));
  }
}

TEST_CASE("config: wipe-after and purge-on-receipt", "[cli][vault]") {
  Cli cli;
  cli.init();
  CHECK(cli.ok({"config", "get", "wipe-after"}) == "0\n");
  CHECK(cli.ok({"config", "get", "purge-on-receipt"}) == "off\n");
  cli.ok({"config", "set", "purge-on-receipt", "on"});
  CHECK(cli.ok({"config", "get", "purge-on-receipt"}) == "on\n");
  auto bad_value = cli.run({"config", "set", "wipe-after", "many"});
  CHECK(bad_value.code == kExitUsage);
  CHECK_THAT(bad_value.err, ContainsSubstring("wipe-after takes a number"));
  auto bad_key = cli.run({"config", "get", "colour"});
  CHECK(bad_key.code == kExitUsage);
  CHECK_THAT(bad_key.err, ContainsSubstring("unknown setting"));

  cli.ok({"config", "set", "wipe-after", "2"});
  CHECK(cli.ok({"config", "get", "wipe-after"}) == "2\n");
  cli.env["FIELDSEAL_PASSPHRASE"] = "guess one";
  CHECK_THAT(cli.run({"report", "list"}).err, ContainsSubstring("wrong passphrase"));
  cli.env["FIELDSEAL_PASSPHRASE"] = "guess two";
  auto wiped = cli.run({"report", "list"});
  CHECK(wiped.code == kExitFailure);
  CHECK_THAT(wiped.err, ContainsSubstring("the vault has been destroyed"));
  CHECK_FALSE(fieldseal::storage::Vault::exists(cli.vault()));
}

TEST_CASE("panic: without a passphrase; confirmation unless --yes", "[cli][vault]") {
  Cli cli;
  cli.init();
  cli.env.erase("FIELDSEAL_PASSPHRASE");

  auto no_terminal = cli.run({"panic"});
  CHECK(no_terminal.code == kExitUsage);
  CHECK_THAT(no_terminal.err, ContainsSubstring("use --yes"));
  CHECK(fieldseal::storage::Vault::exists(cli.vault()));

  cli.stdin_is_terminal = true;
  cli.stdin_data = "yes\n";
  auto declined = cli.run({"panic"});
  CHECK(declined.code == kExitFailure);
  CHECK_THAT(declined.err, ContainsSubstring("Type YES to continue"));
  CHECK_THAT(declined.err, ContainsSubstring("not confirmed; nothing was destroyed"));
  CHECK(fieldseal::storage::Vault::exists(cli.vault()));

  SECTION("typed YES") {
    cli.stdin_data = "YES\n";
    auto done = cli.run({"panic"});
    CHECK(done.code == kExitSuccess);
    CHECK_THAT(done.err, ContainsSubstring("Vault destroyed."));
  }
  SECTION("--yes") {
    cli.stdin_is_terminal = false;
    auto done = cli.run({"panic", "--yes"});
    CHECK(done.code == kExitSuccess);
  }
  CHECK(cli.prompter.asked == 0);
  CHECK(names_in(cli.vault()).empty());
  auto nothing = cli.run({"panic", "--yes"});
  CHECK(nothing.code == kExitFailure);
  CHECK_THAT(nothing.err, ContainsSubstring("no vault was found"));
}
