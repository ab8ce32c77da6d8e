// fieldseal stats, run in-process through run_cli(): counts over reports that
// reached an HQ vault through a real export and import (so the sender comes
// from the import pipeline), the text and JSON outputs, filters, drafts in a
// field vault, --received, and usage errors. Vaults use --kdf-memory 64.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "cli_harness.hpp"
#include "cli_test_files.hpp"

namespace fs = std::filesystem;
using namespace fieldseal::cli::test;  // NOLINT: test helpers
using Catch::Matchers::ContainsSubstring;
using fieldseal::cli::kExitFailure;
using fieldseal::cli::kExitSuccess;
using fieldseal::cli::kExitUsage;
using nlohmann::json;

namespace {

constexpr const char* kPassphrase = "correct horse battery staple";

class Cli : public VaultsCli {
 public:
  Cli() : VaultsCli("s", kPassphrase) {}

  json ok_json(const std::string& vault, std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    return json::parse(ok(vault, std::move(args)));
  }
  std::string add(const std::string& vault, std::vector<std::string> args, bool final = true) {
    args.insert(args.begin(), {"report", "add", "--title", "Incident"});
    const auto id = trimmed(ok(vault, std::move(args)));
    REQUIRE(id.size() == 36);
    if (final) (void)ok(vault, {"report", "finalize", id});
    return id;
  }
};

// Two researchers send reports to one HQ.
struct Hq {
  Cli cli;
  Hq() {
    cli.init("hq", "hq", "Memorial HQ");
    (void)cli.ok("hq", {"card", "-o", cli.path("hq.card").string()});
    for (const std::string name : {"anna", "boris"}) {
      cli.init(name, "field", name == "anna" ? "Анна К" : "Boris");
      (void)cli.ok(name, {"card", "-o", cli.path(name + ".card").string()});
      (void)cli.ok(name, {"contact", "add", cli.path("hq.card").string()});
      (void)cli.ok("hq", {"contact", "add", cli.path(name + ".card").string()});
    }
    cli.add("anna", {"--start", "2026-01-15", "--region", "Москва", "--act", "arrest", "--act", "torture"});
    cli.add("anna", {"--start", "2026-03", "--region", "Москва", "--act", "detention"});
    cli.add("anna", {"--start", "2026-01", "--act", "arrest"}, false);  // a draft stays home
    cli.add("boris", {"--start", "2025", "--region", "Чечня", "--act", "arrest"});
    send("anna");
    send("boris");
  }
  void send(const std::string& from) {
    const fs::path out = cli.mkdir("out-" + from);
    (void)cli.ok(from, {"export", "--to", "Memorial HQ", "-o", out.string()});
    (void)cli.ok("hq", {"import", out.string()});
  }
};

std::vector<std::pair<json, std::int64_t>> pairs(const json& doc) {
  std::vector<std::pair<json, std::int64_t>> out;
  for (const auto& b : doc.at("buckets")) out.emplace_back(b.at("key"), b.at("count").get<std::int64_t>());
  return out;
}

}  // namespace

TEST_CASE("cli stats: counts of imported reports per month, act, region and sender", "[cli][stats]") {
  Hq hq;
  auto& cli = hq.cli;

  const std::string received_text = cli.ok("hq", {"stats", "--received"});
  CHECK_THAT(received_text, ContainsSubstring("RESEARCHER  BUNDLES  REPORTS  LAST RECEIVED\n"));
  CHECK_THAT(received_text, ContainsSubstring("Boris             1        1  20"));
  const std::string text = cli.ok("hq", {"stats"});
  CHECK_THAT(text, ContainsSubstring("3 incidents (final reports)"));
  CHECK_THAT(text, ContainsSubstring("2025 (month unknown)      1\n"));
  CHECK_THAT(text, ContainsSubstring("2026-02                   0\n"));

  auto month = cli.ok_json("hq", {"stats", "--by", "month"});
  CHECK(month.at("by") == "month");
  CHECK(month.at("total") == 3);
  using P = std::vector<std::pair<json, std::int64_t>>;
  CHECK(pairs(month) == P{{"2025", 1}, {"2026-01", 1}, {"2026-02", 0}, {"2026-03", 1}});
  CHECK(month.at("buckets")[0].at("precision") == "year");

  auto act = cli.ok_json("hq", {"stats", "--by", "act"});
  CHECK(act.at("total") == 3);
  CHECK(pairs(act) == P{{"03010100000004", 2}, {"02011111000004", 1}, {"03010200000004", 1}});
  CHECK(act.at("buckets")[0].at("act_key") == "arrest");
  CHECK(act.at("buckets")[0].at("label_ru") == "Задержание (арест)");
  CHECK_THAT(cli.ok("hq", {"stats", "--by", "act", "--lang", "ru"}),
             ContainsSubstring("Задержание (арест) (03010100000004)"));

  auto region = cli.ok_json("hq", {"stats", "--by", "region"});
  CHECK(pairs(region) == P{{"Москва", 2}, {"Чечня", 1}});

  auto sender = cli.ok_json("hq", {"stats", "--by", "sender"});
  REQUIRE(sender.at("buckets").size() == 2);
  CHECK(sender.at("buckets")[0].at("name") == "Анна К");
  CHECK(sender.at("buckets")[0].at("count") == 2);
  CHECK(sender.at("buckets")[1].at("name") == "Boris");
  const auto contacts = cli.ok_json("hq", {"contact", "list"});
  bool matched = false;
  for (const auto& c : contacts) {
    if (c.at("name") == "Boris") matched = c.at("signing_key") == sender.at("buckets")[1].at("key");
  }
  CHECK(matched);

  // Filters.
  CHECK(pairs(cli.ok_json("hq", {"stats", "--by", "region", "--act", "arrest"})) ==
        P{{"Москва", 1}, {"Чечня", 1}});
  CHECK(pairs(cli.ok_json("hq", {"stats", "--by", "act", "--sender", "Boris"})) ==
        P{{"03010100000004", 1}});
  CHECK(pairs(cli.ok_json("hq", {"stats", "--from", "2026-01", "--to", "2026-02-28"})) ==
        P{{"2026-01", 1}});
  CHECK(cli.ok_json("hq", {"stats", "--region", "Чечня", "--type", "detention"}).at("total") == 0);

  // What HQ holds from each researcher, for receipts.
  const auto received = cli.ok_json("hq", {"stats", "--received"});
  REQUIRE(received.size() == 2);
  CHECK(received[0].at("name") == "Boris");
  CHECK(received[0].at("bundles") == 1);
  CHECK(received[0].at("reports") == 1);
  CHECK(received[0].at("last_received_at").is_string());
  CHECK(received[1].at("name") == "Анна К");
  CHECK(received[1].at("bundles") == 1);
  CHECK(received[1].at("reports") == 2);
}

TEST_CASE("cli stats: a field vault counts drafts only when asked", "[cli][stats]") {
  Cli cli;
  cli.init("field", "field", "Anna");
  cli.add("field", {"--start", "2026-05-02", "--act", "threats"});
  cli.add("field", {"--act", "threats"}, false);
  auto doc = cli.ok_json("field", {"stats", "--by", "region"});
  CHECK(doc.at("total") == 1);
  CHECK(doc.at("drafts_counted") == false);
  REQUIRE(doc.at("buckets").size() == 1);
  CHECK(doc.at("buckets")[0].at("unknown") == true);
  CHECK(doc.at("buckets")[0].at("count") == 1);
  doc = cli.ok_json("field", {"stats", "--drafts"});
  CHECK(doc.at("total") == 2);
  CHECK(pairs(doc) == std::vector<std::pair<json, std::int64_t>>{{"2026-05", 1}, {nullptr, 1}});
  CHECK_THAT(cli.ok("field", {"stats", "--by", "sender"}), ContainsSubstring("written in this vault"));

  auto r = cli.run("field", {"stats", "--sender", "HQ"});
  CHECK(r.code == kExitFailure);
  CHECK_THAT(r.err, ContainsSubstring("fieldseal: "));
  r = cli.run("field", {"stats", "--received"});
  CHECK(r.code == kExitFailure);
}

TEST_CASE("cli stats: usage errors", "[cli][stats]") {
  Cli cli;
  cli.init("hq", "hq", "HQ");
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"stats", "--by", "day"},
                                             {"stats", "--from", "2026-13"},
                                             {"stats", "--to", "unknown"},
                                             {"stats", "--act", "beating"},
                                             {"stats", "--lang", "de"},
                                             {"stats", "--received", "--by", "act"},
                                             {"stats", "--received", "--region", "X"}}) {
    INFO(args[1]);
    const auto r = cli.run("hq", args);
    CHECK(r.code == kExitUsage);
    CHECK(r.out.empty());
  }
  const auto r = cli.run("hq", {"stats", "--sender", "Nobody"});
  CHECK(r.code == kExitFailure);
  CHECK_THAT(r.err, ContainsSubstring("no contact of that name"));
  CHECK_THAT(r.err, !ContainsSubstring("Nobody"));
  CHECK(cli.ok_json("hq", {"stats"}).at("total") == 0);
  CHECK_THAT(cli.ok("hq", {"stats"}), ContainsSubstring("0 incidents"));
}
