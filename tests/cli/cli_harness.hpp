#pragma once
// The in-process CLI harness shared by the tests/cli suites: run_cli() with
// scripted stdin, environment and passphrase answers, in a scratch directory
// under the build tree (tests write nothing to /tmp) that is removed
// afterwards. Suites derive a small fixture from CliHarness for what they
// share (a vault in the environment, several vaults, ...).
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::cli::test {

// Answers passphrase prompts from `answers` in order; once they run out it
// declines (as a closed terminal does) and still counts the question.
class ScriptedPrompter final : public PassphrasePrompter {
 public:
  std::vector<std::string> answers;
  std::size_t asked = 0;
  std::optional<crypto::SecretBuffer> ask(std::string_view) override {
    if (asked >= answers.size()) {
      ++asked;
      return std::nullopt;
    }
    return crypto::SecretBuffer::from_text(answers[asked++]);
  }
};

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

class CliHarness {
 public:
  // `tag` starts the scratch directory's name (tells the suites' apart).
  explicit CliHarness(std::string_view tag) {
    std::random_device rd;
    dir_ = std::filesystem::path(FIELDSEAL_BINARY_DIR) / "test_cli_work" /
           (std::string(tag) + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~CliHarness() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  CliHarness(const CliHarness&) = delete;
  CliHarness& operator=(const CliHarness&) = delete;

  [[nodiscard]] std::string path(const std::string& name) const { return (dir_ / name).string(); }
  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }

  Outcome run(std::vector<std::string> args) {
    std::istringstream in(stdin_data);
    std::ostringstream out;
    std::ostringstream err;
    CliIo io{in,
             out,
             err,
             stdin_is_terminal,
             stdout_is_terminal,
             stderr_is_terminal,
             [this](std::string_view name) -> std::optional<std::string_view> {
               auto it = env.find(std::string(name));
               if (it == env.end()) return std::nullopt;
               return std::string_view(it->second);
             },
             prompter};
    int code = run_cli(args, io);
    return {code, out.str(), err.str()};
  }

  // Runs a command that must succeed; its stdout.
  std::string ok(std::vector<std::string> args) {
    auto r = run(std::move(args));
    INFO(r.err);
    REQUIRE(r.code == kExitSuccess);
    return r.out;
  }

  std::map<std::string, std::string> env;
  ScriptedPrompter prompter;
  std::string stdin_data;
  bool stdin_is_terminal = false;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;

 private:
  std::filesystem::path dir_;
};

}  // namespace fieldseal::cli::test
