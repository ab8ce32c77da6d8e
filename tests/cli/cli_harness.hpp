#pragma once
// The in-process CLI harness shared by the tests/cli suites: run_cli() with
// scripted stdin, environment and passphrase answers, in a scratch directory
// under the build tree (tests write nothing to /tmp) that is removed
// afterwards. Suites derive a small fixture from CliHarness (a vault in the
// environment) or VaultsCli (several vaults) for what they share. The suites
// that run the fieldseal executable use ScratchDir alone.
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

// A new directory test_cli_work/<tag><random> in the build tree, removed
// with everything in it when the object goes out of scope. `tag` tells the
// suites' directories apart.
class ScratchDir {
 public:
  explicit ScratchDir(std::string_view tag) {
    std::random_device rd;
    path_ = std::filesystem::path(FIELDSEAL_BINARY_DIR) / "test_cli_work" /
            (std::string(tag) + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

class CliHarness {
 public:
  // `tag` starts the scratch directory's name.
  explicit CliHarness(std::string_view tag) : scratch_(tag) {}

  [[nodiscard]] std::string path(const std::string& name) const { return (dir() / name).string(); }
  [[nodiscard]] const std::filesystem::path& dir() const { return scratch_.path(); }

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
  ScratchDir scratch_;
};

// Any number of vaults (subdirectories of the scratch directory) that share
// one passphrase from the environment, so no passphrase prompt is answered;
// each command names the vault it runs against.
class VaultsCli : public CliHarness {
 public:
  VaultsCli(std::string_view tag, const std::string& passphrase) : CliHarness(tag) {
    env["FIELDSEAL_PASSPHRASE"] = passphrase;
  }

  [[nodiscard]] std::filesystem::path path(const std::string& name) const { return dir() / name; }
  // A new empty directory in the scratch directory.
  std::filesystem::path mkdir(const std::string& name) const {
    std::filesystem::create_directories(path(name));
    return path(name);
  }

  // Runs a command against the vault in subdirectory `vault` ("" for none).
  Outcome run(const std::string& vault, std::vector<std::string> args) {
    if (vault.empty()) {
      env.erase("FIELDSEAL_VAULT");
    } else {
      env["FIELDSEAL_VAULT"] = path(vault).string();
    }
    return CliHarness::run(std::move(args));
  }
  // Runs a command that must succeed; its stdout.
  std::string ok(const std::string& vault, std::vector<std::string> args) {
    auto r = run(vault, std::move(args));
    INFO(r.err);
    REQUIRE(r.code == kExitSuccess);
    return r.out;
  }

  // A vault of `role` (field or hq) owned by `name`, at the floor KDF
  // strength (--kdf-memory 64) so that each unlock stays short.
  void init(const std::string& vault, const std::string& role, const std::string& name) {
    (void)ok(vault, {"init", "--role", role, "--name", name, "--kdf-memory", "64"});
  }
};

}  // namespace fieldseal::cli::test
