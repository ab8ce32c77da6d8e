// The exchange commands of the fieldseal CLI (export, import, quarantine,
// receipt, purge --delivered), run in-process through run_cli() between a
// field vault and an HQ vault: the whole flow, what import prints for each
// kind of bundle, usage errors, and recovery of a bundle with the real
// `age`, `zstd` and `tar` binaries (no fieldseal involved). Vaults use
// --kdf-memory 64 (the floor) so that each unlock stays short.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "cli_harness.hpp"
#include "cli_test_files.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

extern char** environ;

namespace fs = std::filesystem;
using namespace fieldseal::cli::test;  // NOLINT: test helpers
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using fieldseal::cli::kExitFailure;
using fieldseal::cli::kExitSuccess;
using fieldseal::cli::kExitUsage;
using nlohmann::json;

namespace {

constexpr const char* kPassphrase = "correct horse battery staple";
constexpr const char* kHq = "Memorial HQ";
constexpr const char* kAnna = "Anna K";
constexpr std::size_t kAttachmentBytes = 300 * 1024;  // five parts at --split 64K

class Cli : public VaultsCli {
 public:
  Cli() : VaultsCli("x", kPassphrase) {}

  // A final report with one attachment (the file `attachment`); its id.
  std::string add_final(const std::string& vault, const std::string& title, const fs::path& attachment) {
    const auto id = trimmed(ok(vault, {"report", "add", "--title", title, "--narrative",
                                       "Two people were detained at the bus stop and taken away.",
                                       "--start", "2026-11-02", "--region", "Moscow", "--attach",
                                       attachment.string()}));
    REQUIRE(id.size() == 36);
    (void)ok(vault, {"report", "finalize", id});
    return id;
  }

};

// A field vault "field" (Anna K) and an HQ vault "hq" (Memorial HQ) that
// hold each other's cards, and a 300 KiB random attachment.
struct Exchange {
  Cli cli;
  fs::path attachment;
  Exchange() {
    cli.init("field", "field", kAnna);
    cli.init("hq", "hq", kHq);
    (void)cli.ok("field", {"card", "-o", cli.path("anna.card").string()});
    (void)cli.ok("hq", {"card", "-o", cli.path("hq.card").string()});
    (void)cli.ok("field", {"contact", "add", cli.path("hq.card").string()});
    (void)cli.ok("hq", {"contact", "add", cli.path("anna.card").string()});
    std::mt19937 generator(4);
    attachment = cli.path("IMG_0042.jpg");
    write_file(attachment, random_bytes(kAttachmentBytes, generator));
  }

  // Exports with --json; the files written.
  std::vector<fs::path> export_to(const fs::path& dir, std::vector<std::string> extra = {},
                                  const std::string& vault = "field") {
    std::vector<std::string> args{"--json", "export", "--to", kHq, "-o", dir.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    auto doc = json::parse(cli.ok(vault, args));
    std::vector<fs::path> files;
    for (const auto& f : doc.at("files")) files.emplace_back(f.get<std::string>());
    REQUIRE(!files.empty());
    return files;
  }
};

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string sha256_hex(const std::string& data) {
  std::array<std::uint8_t, fieldseal::crypto::kSha256Bytes> digest{};
  fieldseal::crypto::sha256(
      {reinterpret_cast<const std::uint8_t*>(data.data()), data.size()}, digest);
  return fieldseal::crypto::hex_encode(digest);
}

void flip_byte(const fs::path& file, std::size_t offset) {
  auto data = read_file(file);
  REQUIRE(offset < data.size());
  data[offset] = static_cast<char>(data[offset] ^ 0x20);
  write_file(file, data);
}

// Runs /bin/sh -c SCRIPT with positional arguments; the exit status.
int run_shell(const std::string& script, const std::vector<std::string>& args) {
  std::vector<std::string> argv_strings{"/bin/sh", "-c", script, "sh"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv.data(), environ) != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("cli exchange: field -> HQ -> receipt -> purge of delivered, in-process", "[cli][exchange]") {
  Exchange x;
  auto& cli = x.cli;
  const auto id = cli.add_final("field", "Detention at the bus stop", x.attachment);
  const auto outbox = cli.mkdir("outbox");

  auto exported = cli.run("field", {"export", "--to", kHq, "-o", outbox.string()});
  INFO(exported.err);
  REQUIRE(exported.code == kExitSuccess);
  CHECK_THAT(exported.out, StartsWith("Sealed 1 report for Memorial HQ (bundle "));
  CHECK_THAT(exported.out, ContainsSubstring(", sequence 1, "));
  const auto files = names_in(outbox);
  REQUIRE(files.size() == 1);
  CHECK(std::regex_match(files[0], std::regex("[0-9a-f]{16,}\\.age")));  // a neutral name
  const auto bundle = outbox / files[0];
  CHECK_THAT(exported.out, EndsWith("Wrote " + bundle.string() + "\n"));
  CHECK_THAT(exported.err, ContainsSubstring("Send the file to HQ"));
  CHECK_THAT(cli.ok("field", {"report", "show", id}), ContainsSubstring("Delivery  exported"));

  // HQ imports the directory.
  auto imported = cli.run("hq", {"import", outbox.string()});
  INFO(imported.err);
  REQUIRE(imported.code == kExitSuccess);
  CHECK(imported.out == bundle.string() + ": imported 1 report (1 attachment) from Anna K, sequence 1\n");
  auto listed = json::parse(cli.ok("hq", {"--json", "report", "list"}));
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id"] == id);
  CHECK(listed[0]["status"] == "final");
  CHECK(listed[0]["origin"]["sender_name"] == kAnna);
  CHECK(listed[0]["origin"]["verified_at"].get<std::string>().size() == 20);
  const auto hq_list = cli.ok("hq", {"report", "list"});
  CHECK_THAT(hq_list, ContainsSubstring("  FROM" + std::string(10, ' ') + "VERIFIED    TITLE\n"));
  CHECK(std::regex_search(hq_list, std::regex(id + "  final .*  Anna K {8}[0-9]{4}-[0-9]{2}-[0-9]{2}  "
                                                   "Detention at the bus stop\n")));
  CHECK(std::regex_search(cli.ok("hq", {"report", "search", "bus"}),
                          std::regex(id + "  Anna K {8}Detention at the bus stop\n")));
  CHECK_THAT(cli.ok("field", {"report", "list"}), !ContainsSubstring("FROM"));
  const auto shown = cli.ok("hq", {"report", "show", id});
  CHECK_THAT(shown, ContainsSubstring("Title     Detention at the bus stop\n"));
  CHECK_THAT(shown, ContainsSubstring("\nSender    Anna K\nReceived  "));
  CHECK_THAT(shown, ContainsSubstring(" on import: signatures, attachments and custody chain\n"));
  CHECK(json::parse(cli.ok("hq", {"--json", "report", "show", id}))["origin"]["sender_name"] == kAnna);
  CHECK(json::parse(cli.ok("field", {"--json", "report", "show", id})).count("origin") == 0);
  CHECK_THAT(shown, ContainsSubstring("Signature verifies"));
  // HQ's custody view: the sender's entries, then HQ's "received", each part
  // checked against its own side's key.
  const auto hq_custody = cli.ok("hq", {"custody", id});
  CHECK(std::regex_search(hq_custody, std::regex("\n[0-9]+ +[0-9TZ:-]+  received +bundle=")));
  CHECK_THAT(hq_custody, ContainsSubstring("Chain verifies: "));
  const auto attachment_sha = sha256_hex(read_file(x.attachment));
  const auto saved = cli.path("saved.jpg");
  (void)cli.ok("hq", {"attachment", "save", id, attachment_sha, "-o", saved.string()});
  CHECK(read_file(saved) == read_file(x.attachment));

  // The same bundle again: a duplicate, in plain and JSON form.
  auto again = cli.run("hq", {"import", bundle.string()});
  CHECK(again.code == kExitSuccess);
  CHECK(again.out == bundle.string() + ": duplicate: this bundle was imported before; nothing changed\n");
  auto again_json = json::parse(cli.ok("hq", {"import", "--json", bundle.string()}));
  REQUIRE(again_json["bundles"].size() == 1);
  CHECK(again_json["bundles"][0]["status"] == "duplicate");
  CHECK(again_json["bundles"][0]["files"] == json::array({bundle.string()}));
  CHECK(again_json["gaps"].empty());

  // HQ's receipt, imported in the field vault, marks the report delivered.
  const auto receipts = cli.mkdir("receipts");
  auto receipt = cli.run("hq", {"receipt", "--to", kAnna, "-o", receipts.string()});
  INFO(receipt.err);
  REQUIRE(receipt.code == kExitSuccess);
  CHECK_THAT(receipt.out, StartsWith("Receipt for Anna K: 1 bundle, 1 report.\nWrote "));
  REQUIRE(names_in(receipts).size() == 1);
  auto applied = cli.run("field", {"import", receipts.string()});
  INFO(applied.err);
  REQUIRE(applied.code == kExitSuccess);
  CHECK_THAT(applied.out, EndsWith(": receipt from Memorial HQ: 1 report newly delivered\n"));
  CHECK_THAT(cli.ok("field", {"report", "show", id}), ContainsSubstring("Delivery  delivered"));
  // A second import of the same receipt changes nothing.
  CHECK_THAT(cli.ok("field", {"import", receipts.string()}),
             EndsWith(": receipt from Memorial HQ: 0 reports newly delivered, 1 already delivered\n"));

  // Nothing is left to export; then purge what HQ confirmed.
  auto nothing = cli.run("field", {"export", "--to", kHq, "-o", outbox.string()});
  CHECK(nothing.code == kExitFailure);
  CHECK(nothing.err == "fieldseal: nothing to export: no final report that HQ has not yet confirmed\n");
  auto purged = cli.run("field", {"purge", "--delivered"});
  INFO(purged.err);
  REQUIRE(purged.code == kExitSuccess);
  CHECK_THAT(purged.err, StartsWith("Purged 1 delivered report;"));
  const auto stub = cli.ok("field", {"report", "show", id});
  CHECK_THAT(stub, ContainsSubstring("Status    purged"));
  CHECK_THAT(stub, !ContainsSubstring("Detention at the bus stop"));
  CHECK_THAT(cli.run("field", {"purge", "--delivered"}).err, StartsWith("Purged 0 delivered reports;"));
  // HQ still holds it.
  CHECK_THAT(cli.ok("hq", {"report", "show", id}), ContainsSubstring("Detention at the bus stop"));
}

TEST_CASE("cli exchange: purge-on-receipt purges as the receipt is imported; --armor bundles",
          "[cli][exchange]") {
  Exchange x;
  auto& cli = x.cli;
  const auto id = cli.add_final("field", "Search of an office", x.attachment);
  (void)cli.ok("field", {"config", "set", "purge-on-receipt", "on"});
  const auto outbox = cli.mkdir("outbox");
  const auto files = x.export_to(outbox, {"--armor", "--all"});
  REQUIRE(files.size() == 1);
  CHECK_THAT(read_file(files[0]), StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
  CHECK_THAT(cli.ok("hq", {"import", files[0].string()}), ContainsSubstring(": imported 1 report"));
  const auto receipts = cli.mkdir("receipts");
  (void)cli.ok("hq", {"receipt", "--to", kAnna, "-o", receipts.string(), "--armor"});
  CHECK_THAT(read_file(receipts / names_in(receipts).at(0)), StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
  CHECK_THAT(cli.ok("field", {"import", receipts.string()}),
             EndsWith(": receipt from Memorial HQ: 1 report newly delivered; purged 1 (purge-on-receipt)\n"));
  CHECK_THAT(cli.ok("field", {"report", "show", id}), ContainsSubstring("Status    purged"));
}

TEST_CASE("cli exchange: import names missing parts, rejects damage, quarantines strangers, reports gaps",
          "[cli][exchange]") {
  Exchange x;
  auto& cli = x.cli;
  const auto id = cli.add_final("field", "Raid on a flat", x.attachment);
  const auto hq_reports = [&cli] { return cli.ok("hq", {"--json", "report", "list", "--limit", "100"}); };
  const auto empty_hq = hq_reports();

  // Sequence 1, split into parts with neutral names.
  const auto outbox = cli.mkdir("outbox");
  auto split = json::parse(cli.ok("field", {"--json", "export", "--to", kHq, "-o", outbox.string(),
                                            "--split", "64K", id}));
  CHECK(split["sequence"] == 1);
  CHECK(split["reports"] == json::array({id}));
  const auto count = split["files"].size();
  REQUIRE(count >= 5);
  for (const auto& f : split["files"]) {
    CHECK(fs::file_size(f.get<std::string>()) <= 64u * 1024u);
    CHECK(std::regex_match(fs::path(f.get<std::string>()).filename().string(),
                           std::regex("[0-9a-f]{16,}-[0-9]+\\.age")));
  }
  // Part 2 held back (and later renamed): the bundle is named incomplete.
  const auto held = cli.mkdir("held");
  const fs::path part2 = split["files"][1].get<std::string>();
  fs::rename(part2, held / "photo-from-chat.bin");
  auto missing = cli.run("hq", {"import", outbox.string()});
  CHECK(missing.code == kExitFailure);
  CHECK_THAT(missing.out, EndsWith(": part 2 of " + std::to_string(count) + " missing\n"));
  CHECK(missing.err == "fieldseal: not everything was imported (see above); rejected bundles changed nothing\n");
  CHECK(hq_reports() == empty_hq);
  auto missing_json = json::parse(cli.run("hq", {"--json", "import", outbox.string()}).out);
  REQUIRE(missing_json["bundles"].size() == 1);
  CHECK(missing_json["bundles"][0]["status"] == "parts_missing");
  CHECK(missing_json["bundles"][0]["part"] == json({{"number", 2}, {"count", count}}));
  CHECK(missing_json["bundles"][0]["files"].size() == count - 1);
  // All parts, in any order and under any name.
  auto joined = cli.run("hq", {"import", (held / "photo-from-chat.bin").string(), outbox.string()});
  INFO(joined.err);
  REQUIRE(joined.code == kExitSuccess);
  CHECK_THAT(joined.out, EndsWith(": imported 1 report (1 attachment) from Anna K, sequence 1\n"));
  const auto with_one = hq_reports();
  CHECK(json::parse(with_one).size() == 1);

  // Sequence 2: kept intact aside, and a copy with one byte changed.
  const auto later = cli.mkdir("later");
  const auto second = x.export_to(later).at(0);
  const auto damaged_dir = cli.mkdir("damaged");
  const auto damaged = damaged_dir / "bundle.age";
  fs::copy_file(second, damaged);
  flip_byte(damaged, fs::file_size(damaged) / 2);
  auto rejected = cli.run("hq", {"import", damaged.string()});
  CHECK(rejected.code == kExitFailure);
  CHECK(rejected.out == damaged.string() + ": rejected: the bundle is damaged (authentication failed)\n");
  CHECK(hq_reports() == with_one);

  // Sequence 3 arrives: bundle 2 is reported as possibly lost.
  const auto third_dir = cli.mkdir("third");
  const auto third = x.export_to(third_dir).at(0);
  auto gap = cli.run("hq", {"import", third.string()});
  INFO(gap.err);
  REQUIRE(gap.code == kExitSuccess);
  CHECK(gap.out == third.string() + ": imported 0 reports from Anna K, sequence 3; 1 already held\n"
                   "Possibly lost: bundle 2 from Anna K never arrived (sequence gap); ask the sender to "
                   "export again.\n");
  auto gap_json = json::parse(cli.ok("hq", {"--json", "import", third.string()}));
  REQUIRE(gap_json["gaps"].size() == 1);
  CHECK(gap_json["gaps"][0]["first"] == 2);
  CHECK(gap_json["gaps"][0]["last"] == 2);
  CHECK(gap_json["gaps"][0]["sender_name"] == kAnna);
  // Bundle 2 after bundle 3: a replay, rejected.
  auto replay = cli.run("hq", {"import", second.string()});
  CHECK(replay.code == kExitFailure);
  const std::string gap_line =
      "Possibly lost: bundle 2 from Anna K never arrived (sequence gap); ask the sender to export again.\n";
  CHECK(replay.out == second.string() +
                          ": rejected: the bundle is older than bundles already imported from its sender "
                          "(possible replay)\n" +
                          gap_line);
  CHECK(hq_reports() == with_one);

  // A researcher HQ has not enrolled: quarantined, never listed with reports.
  cli.init("boris", "field", "Boris");
  (void)cli.ok("boris", {"contact", "add", cli.path("hq.card").string()});
  (void)cli.ok("boris", {"card", "-o", cli.path("boris.card").string()});
  const auto boris_id = cli.add_final("boris", "Threats by phone", x.attachment);
  const auto boris_out = cli.mkdir("boris-out");
  const auto boris1 = x.export_to(boris_out, {}, "boris").at(0);
  auto quarantined = cli.run("hq", {"import", boris1.string()});
  INFO(quarantined.err);
  REQUIRE(quarantined.code == kExitSuccess);
  CHECK(quarantined.out == boris1.string() +
                               ": quarantined (unknown sender) as 1: add the sender's card and compare "
                               "safety numbers, then 'fieldseal quarantine accept 1'\n" +
                               gap_line);
  CHECK(hq_reports() == with_one);
  const auto boris2 = x.export_to(boris_out, {}, "boris").at(0);
  CHECK_THAT(cli.ok("hq", {"import", boris2.string()}), ContainsSubstring(": quarantined (unknown sender) as 2"));

  const auto card = read_file(cli.path("boris.card"));
  const auto key_at = card.find("signing-key: ") + 13;
  const auto boris_key = card.substr(key_at, card.find('\n', key_at) - key_at);
  const auto qlist = cli.ok("hq", {"quarantine", "list"});
  CHECK_THAT(qlist, StartsWith("ID  RECEIVED              REPORTS  BYTES         SENDER SIGNING KEY\n1   "));
  CHECK_THAT(qlist, EndsWith(boris_key + "\n"));
  auto qjson = json::parse(cli.ok("hq", {"--json", "quarantine", "list"}));
  REQUIRE(qjson.size() == 2);
  CHECK(qjson[0]["id"] == 1);
  CHECK(qjson[0]["sender"] == boris_key);
  CHECK(qjson[0]["sequence"] == 1);
  CHECK(qjson[0]["reports"] == 1);
  CHECK(qjson[1]["sequence"] == 2);

  auto early = cli.run("hq", {"quarantine", "accept", "1"});
  CHECK(early.code == kExitFailure);
  CHECK_THAT(early.err, ContainsSubstring("the sender is still not a contact"));
  (void)cli.ok("hq", {"quarantine", "drop", "2"});
  (void)cli.ok("hq", {"contact", "add", cli.path("boris.card").string()});
  auto accepted = cli.run("hq", {"quarantine", "accept", "1"});
  INFO(accepted.err);
  REQUIRE(accepted.code == kExitSuccess);
  CHECK(accepted.out == "Quarantined bundle 1: imported 1 report (1 attachment) from Boris, sequence 1\n");
  auto listed = json::parse(hq_reports());
  CHECK(listed.size() == 2);
  CHECK(std::any_of(listed.begin(), listed.end(), [&](const json& r) { return r["id"] == boris_id; }));
  CHECK(json::parse(cli.ok("hq", {"--json", "quarantine", "list"})).empty());
  auto gone = cli.run("hq", {"quarantine", "drop", "2"});
  CHECK(gone.code == kExitFailure);
  CHECK(gone.err == "fieldseal: cannot drop the bundle: no quarantined bundle with that id\n");
}

TEST_CASE("cli exchange: usage errors and wrong roles change nothing", "[cli][exchange]") {
  Cli cli;
  const auto usage = [&cli](std::vector<std::string> args, const std::string& message) {
    auto r = cli.run("nowhere", std::move(args));
    INFO(r.err);
    CHECK(r.code == kExitUsage);
    CHECK_THAT(r.err, ContainsSubstring(message));
    CHECK(r.out.empty());
  };
  const auto out = cli.mkdir("out").string();
  usage({"export", "-o", out}, "--to is required");
  usage({"export", "--to", kHq}, "--output is required");
  usage({"export", "--to", kHq, "-o", out, "--all", "abc"}, "give report IDs or --all, not both");
  usage({"export", "--to", kHq, "-o", out, "--split", "95X"}, "--split takes a size such as 95M");
  usage({"export", "--to", kHq, "-o", out, "--split", "M"}, "--split takes a size such as 95M");
  usage({"export", "--to", kHq, "-o", out, "--split", "1K"}, "--split: the size must be at least 64K");
  usage({"export", "--to", "A,A", "-o", out}, "--to: a contact is named twice");
  usage({"import"}, "FILE is required");
  usage({"quarantine"}, "A subcommand is required");
  usage({"quarantine", "accept", "first"}, "ID is the number 'fieldseal quarantine list' shows");
  usage({"quarantine", "drop", "-1"}, "");
  usage({"receipt", "-o", out}, "--to is required");
  usage({"purge", "--delivered", "abc"}, "give report IDs or --delivered, not both");
  usage({"purge"}, "give the IDs of the reports to purge, or --delivered");
  CHECK(!fs::exists(cli.path("nowhere")));

  cli.init("field", "field", kAnna);
  cli.init("hq", "hq", kHq);
  (void)cli.ok("hq", {"card", "-o", cli.path("hq.card").string()});
  (void)cli.ok("field", {"card", "-o", cli.path("anna.card").string()});
  (void)cli.ok("field", {"contact", "add", cli.path("hq.card").string()});
  const auto fail = [&cli](const std::string& vault, std::vector<std::string> args, const std::string& err) {
    auto r = cli.run(vault, std::move(args));
    INFO(r.err);
    CHECK(r.code == kExitFailure);
    CHECK(r.err == "fieldseal: " + err + "\n");
    CHECK(r.out.empty());
  };
  fail("field", {"export", "--to", kHq, "-o", cli.path("missing").string()},
       "the output directory does not exist");
  fail("field", {"export", "--to", kHq, "-o", out},
       "nothing to export: no final report that HQ has not yet confirmed");
  fail("field", {"export", "--to", "Nobody", "-o", out},
       "cannot export: a --to name is not an HQ contact ('fieldseal contact list')");
  fail("field", {"export", "--to", kHq, "-o", out, "0f0e0d0c-0000-4000-8000-000000000000"},
       "cannot export: a given report is unknown, still a draft, or purged");
  fail("hq", {"export", "--to", kHq, "-o", out},
       "export is for a field vault; an HQ vault sends receipts ('fieldseal receipt')");
  fail("field", {"receipt", "--to", kHq, "-o", out},
       "receipts come from an HQ vault; a field vault imports them ('fieldseal import')");
  fail("field", {"quarantine", "list"}, "the quarantine is for an HQ vault");
  fail("hq", {"receipt", "--to", kAnna, "-o", out},
       "cannot write a receipt: --to is not a researcher contact ('fieldseal contact list')");
  (void)cli.ok("hq", {"contact", "add", cli.path("anna.card").string()});
  fail("hq", {"receipt", "--to", kAnna, "-o", out},
       "cannot write a receipt: nothing has been received from that researcher");
  fail("hq", {"import", cli.path("missing").string()}, "an input file or directory does not exist");
  fail("hq", {"purge", "--delivered"},
       "cannot purge: the operation belongs to the other vault role (field or HQ)");
  CHECK(names_in(out).empty());

  // A field vault takes receipts only: a file that is none is rejected.
  write_file(cli.path("junk.age"), "not a receipt");
  auto junk = cli.run("field", {"import", cli.path("junk.age").string()});
  CHECK(junk.code == kExitFailure);
  CHECK_THAT(junk.out, StartsWith(cli.path("junk.age").string() + ": rejected: "));
  CHECK(junk.err == "fieldseal: a receipt was rejected; nothing was changed by it\n");
}

TEST_CASE("cli exchange: no progress line for a small export, even on a terminal", "[cli][exchange]") {
  Exchange x;
  auto& cli = x.cli;
  (void)cli.add_final("field", "Banned assembly", x.attachment);
  cli.stderr_is_terminal = true;
  const auto outbox = cli.mkdir("outbox");
  auto r = cli.run("field", {"export", "--to", kHq, "-o", outbox.string()});
  INFO(r.err);
  REQUIRE(r.code == kExitSuccess);
  CHECK_THAT(r.err, StartsWith("Send the file to HQ"));
  auto imported = cli.run("hq", {"import", outbox.string()});
  REQUIRE(imported.code == kExitSuccess);
  CHECK(imported.err.empty());
}

TEST_CASE("cli exchange: recovery without fieldseal: age -d | zstd -d | tar -x", "[cli][exchange][interop]") {
  const std::string age = FIELDSEAL_AGE_EXECUTABLE;
  if (age.empty() || run_shell("command -v zstd >/dev/null && command -v tar >/dev/null", {}) != 0) {
    SKIP("the age, zstd or tar binary is missing");
  }
  Exchange x;
  auto& cli = x.cli;
  const auto id = cli.add_final("field", "Detention of a journalist", x.attachment);
  const auto outbox = cli.mkdir("outbox");
  const auto bundle = x.export_to(outbox).at(0);
  (void)cli.ok("hq", {"import", bundle.string()});
  const auto key = cli.path("hq.key");
  (void)cli.ok("hq", {"identity", "export-secret", "-o", key.string()});

  const auto extracted = cli.mkdir("extracted");
  REQUIRE(run_shell("set -e; cd \"$1\"; \"$2\" -d -i \"$3\" \"$4\" | zstd -d -q | tar -x",
                    {extracted.string(), age, key.string(), bundle.string()}) == 0);
  const auto attachment_sha = sha256_hex(read_file(x.attachment));
  CHECK(names_in(extracted) == std::vector<std::string>{"attachments", "custody", "manifest.json",
                                                        "manifest.sig", "reports"});
  CHECK(names_in(extracted / "reports") == std::vector<std::string>{id + ".json"});
  CHECK(names_in(extracted / "attachments") == std::vector<std::string>{attachment_sha});
  CHECK(names_in(extracted / "custody") == std::vector<std::string>{id + ".json"});
  CHECK(fs::file_size(extracted / "manifest.sig") == 64);

  // The attachment, byte for byte as the vault holds it.
  const auto saved = cli.path("saved.jpg");
  (void)cli.ok("hq", {"attachment", "save", id, attachment_sha, "-o", saved.string()});
  CHECK(read_file(extracted / "attachments" / attachment_sha) == read_file(saved));
  CHECK(read_file(saved) == read_file(x.attachment));

  // The report as JSON: exactly the signed bytes, whose SHA-256 both vaults show.
  const auto report_json = read_file(extracted / "reports" / (id + ".json"));
  const auto report = json::parse(report_json);
  CHECK(report_json.find("Detention of a journalist") != std::string::npos);
  auto shown = json::parse(cli.ok("hq", {"--json", "report", "show", id}));
  CHECK(shown["content_sha256"] == sha256_hex(report_json));
  CHECK(json::parse(cli.ok("field", {"--json", "report", "show", id}))["content_sha256"] ==
        sha256_hex(report_json));

  // The manifest lists every entry with its size and hash, and the sender.
  const auto manifest = json::parse(read_file(extracted / "manifest.json"));
  CHECK(manifest["format"] == "fieldseal-bundle");
  CHECK(manifest["version"] == 1);
  CHECK(manifest["sequence"] == 1);
  REQUIRE(manifest["entries"].size() == 3);
  for (const auto& entry : manifest["entries"]) {
    const auto data = read_file(extracted / entry["name"].get<std::string>());
    CHECK(entry["size"] == data.size());
    CHECK(entry["sha256"] == sha256_hex(data));
  }
  const auto custody = json::parse(read_file(extracted / "custody" / (id + ".json")));
  CHECK(custody["report"] == id);
  CHECK(custody["custody"].size() >= 3);  // created, attachment added, finalized

  // The manifest signature, checked with OpenSSL as docs/recovery.md shows.
  if (run_shell("command -v openssl >/dev/null && command -v basenc >/dev/null", {}) == 0) {
    const std::string verify =
        "set -e; cd \"$1\"; "
        "sender=$(sed -n 's/.*\"sender\":\"\\([0-9a-f]\\{64\\}\\)\".*/\\1/p' manifest.json); "
        "printf '302a300506032b6570032100%s' \"$sender\" | tr a-f A-F | basenc --base16 -d > ../sender.der; "
        "{ printf 'fieldseal-bundle-manifest-v1\\n'; cat manifest.json; } > ../signed.bin; "
        "openssl pkeyutl -verify -pubin -keyform DER -inkey ../sender.der -rawin -in ../signed.bin "
        "-sigfile manifest.sig >/dev/null";
    CHECK(run_shell(verify, {extracted.string()}) == 0);
    flip_byte(extracted / "manifest.json", 10);
    CHECK(run_shell(verify, {extracted.string()}) != 0);
  }

  // Split parts, renamed and joined with the loop of docs/recovery.md.
  const auto parts_out = cli.mkdir("parts-out");
  const auto parts = x.export_to(parts_out, {"--split", "64K"});
  REQUIRE(parts.size() >= 5);
  const auto renamed = cli.mkdir("parts");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    fs::rename(parts[i], renamed / ("z" + std::to_string(parts.size() - i) + ".bin"));
  }
  const auto from_parts = cli.mkdir("from-parts");
  const std::string join =
      "set -e; cd \"$1\"; "
      "for p in parts/*; do "
      "  n=$(\"$2\" -d -i \"$3\" \"$p\" | head -c 36 | tail -c 4 | od -An -tu1 | "
      "      awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'); "
      "  echo \"$n $p\"; "
      "done | sort -n | while read -r n p; do "
      "  \"$2\" -d -i \"$3\" \"$p\" | tail -c +89; "
      "done > whole.age; "
      "cd from-parts; \"$2\" -d -i \"$3\" ../whole.age | zstd -d -q | tar -x";
  REQUIRE(run_shell(join, {cli.path("").string(), age, key.string()}) == 0);
  CHECK(read_file(from_parts / "reports" / (id + ".json")) == report_json);
  CHECK(read_file(from_parts / "attachments" / attachment_sha) == read_file(x.attachment));
  CHECK(json::parse(read_file(from_parts / "manifest.json"))["sequence"] == 2);
}
