// fieldseal report search with the filters of report list (--status, --type,
// --from, --to, --region), in-process.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "cli_harness.hpp"

namespace {

using namespace fieldseal::cli::test;  // NOLINT: test helpers
using Catch::Matchers::ContainsSubstring;
using fieldseal::cli::kExitSuccess;
using fieldseal::cli::kExitUsage;
using nlohmann::json;

constexpr const char* kPassphrase = "search filters passphrase";

class Cli : public CliHarness {
 public:
  Cli() : CliHarness("s") {
    env["FIELDSEAL_VAULT"] = path("vault");
    env["FIELDSEAL_PASSPHRASE"] = kPassphrase;
    auto r = run({"init", "--role", "field", "--name", "Anna K", "--kdf-memory", "64"});
    INFO(r.err);
    REQUIRE(r.code == kExitSuccess);
  }

  std::string add(const std::vector<std::string>& flags) {
    std::vector<std::string> args{"report", "add"};
    args.insert(args.end(), flags.begin(), flags.end());
    std::string id = ok(args);
    while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
    REQUIRE(id.size() == 36);
    return id;
  }

  std::set<std::string> found(std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "report", "search"});
    std::set<std::string> ids;
    for (const auto& row : json::parse(ok(args))) ids.insert(row.at("id").get<std::string>());
    return ids;
  }
};

}  // namespace

TEST_CASE("cli search: report search takes report list's filters", "[cli][search]") {
  Cli cli;
  const auto moscow_2024 = cli.add({"--title", "Обыск у журналиста", "--region", "Москва",
                                    "--start", "2024-03-05", "--act", "arrest"});
  const auto kazan_2025 = cli.add({"--title", "Обыск в офисе", "--region", "Казань", "--start",
                                   "2025-01", "--act", "illegal_search"});
  const auto moscow_2023 = cli.add({"--title", "Обыск и задержание", "--region", "Москва",
                                    "--start", "2023", "--act", "illegal_search"});
  const auto unrelated = cli.add({"--title", "Пикет", "--region", "Москва", "--start", "2024"});
  cli.ok({"report", "finalize", moscow_2023});

  using Ids = std::set<std::string>;
  CHECK(cli.found({"обыск"}) == Ids{moscow_2024, kazan_2025, moscow_2023});
  CHECK(cli.found({"ОБЫСК", "--region", "Москва"}) == Ids{moscow_2024, moscow_2023});
  CHECK(cli.found({"обыск", "--type", "illegal_search", "--from", "2024"}) == Ids{kazan_2025});
  CHECK(cli.found({"обыск", "--type", "03010100000004"}) == Ids{moscow_2024});
  CHECK(cli.found({"обыск", "--to", "2023-12-31"}) == Ids{moscow_2023});
  CHECK(cli.found({"обы*", "--from", "2024-03", "--to", "2024-03"}) == Ids{moscow_2024});
  CHECK(cli.found({"пикет", "--region", "Москва", "--status", "draft"}) == Ids{unrelated});
  CHECK(cli.found({"обыск", "--region", "Тверь"}).empty());

  // Plain output as before (ID, TITLE); the filters apply to it too.
  const auto final_only = cli.ok({"report", "search", "обыск", "--status", "final"});
  CHECK(final_only == "ID                                    TITLE\n" + moscow_2023 +
                          "  Обыск и задержание\n");
  const auto none = cli.run({"report", "search", "обыск", "--region", "Тверь"});
  CHECK(none.code == kExitSuccess);
  CHECK(none.out.empty());
  CHECK(none.err == "No matches.\n");

  // --json gives report list's rows for the same reports.
  const auto searched = json::parse(cli.ok({"report", "search", "обыск", "--region", "Москва", "--json"}));
  const auto listed = json::parse(cli.ok({"report", "list", "--region", "Москва", "--json"}));
  REQUIRE(searched.size() == 2);
  for (const auto& row : searched) {
    const auto same = std::find_if(listed.begin(), listed.end(),
                                   [&](const json& l) { return l.at("id") == row.at("id"); });
    REQUIRE(same != listed.end());
    CHECK(row == *same);
  }
  const auto final_row = std::find_if(searched.begin(), searched.end(),
                                      [&](const json& r) { return r.at("id") == moscow_2023; });
  REQUIRE(final_row != searched.end());
  CHECK((*final_row)["status"] == "final");
  CHECK((*final_row)["start"]["value"] == "2023");
  CHECK((*final_row)["region"] == "Москва");
  CHECK((*final_row)["act_types"] == json::array({"04010100000004"}));
}

TEST_CASE("cli search: bad filters are usage errors, as for report list", "[cli][search]") {
  Cli cli;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"report", "search", "обыск", "--status", "lost"}, "--status is draft, final or purged"},
      {{"report", "search", "обыск", "--type", "nonsense"}, "--type: unknown act type"},
      {{"report", "search", "обыск", "--from", "2024-13"}, "--from"},
      {{"report", "search", "обыск", "--to", "soon"}, "--to"},
      {{"report", "search", "обыск", "--limit", "0"}, "--limit is 1..10000"},
      {{"report", "search", "!!!", "--region", "Москва"}, "the search query is empty"},
  };
  for (const auto& [args, message] : cases) {
    INFO(args[3] + " " + (args.size() > 4 ? args[4] : ""));
    const auto r = cli.run(args);
    CHECK(r.code == kExitUsage);
    CHECK_THAT(r.err, ContainsSubstring(message));
    CHECK(r.out.empty());
  }
}
