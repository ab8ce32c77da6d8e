#pragma once
// Conventions shared by every fieldseal command group. A command group lives
// in app/cli/cmd_<group>.cpp and exposes
//
//   void register_<group>_commands(CLI::App& app, CliContext& ctx);
//
// declared in app/cli/commands.hpp and called once from run_cli() (cli.cpp).
// Its CLI11 callbacks do the work and report problems by throwing the errors
// below (never by printing and exiting themselves):
//
//   usage_error("…")     exit 2: the command line is wrong (missing or
//                        conflicting options); run_cli adds a --help hint.
//   failure("…")         exit 1: the command could not be done.
//   check(result)        unwraps a module Result<T, E>; on error, exit 1 with
//                        the module's message(E), which carries no user data.
//
// Messages are printed as "fieldseal: <message>" on stderr. They must not
// contain user data either: no report text, names, passphrases or keys.
//
// Where the vault is: ctx.vault_dir() (--vault DIR, else $FIELDSEAL_VAULT,
// else a usage error). The passphrase: ctx.passphrase(purpose) reads
// $FIELDSEAL_PASSPHRASE_FILE or $FIELDSEAL_PASSPHRASE (not both), else asks
// on the terminal without echo (twice for PassphrasePurpose::create), always
// into a SecretBuffer. Output: plain text on ctx.out(); with ctx.json() (the
// global --json flag) list/show/import print one JSON document through
// ctx.print_json(). Progress for long work: a Progress object, which draws
// only when stderr is a terminal.
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json_fwd.hpp>

#include "cli.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/result.hpp"

namespace fieldseal::cli {

inline constexpr std::string_view kEnvVault = "FIELDSEAL_VAULT";
inline constexpr std::string_view kEnvPassphrase = "FIELDSEAL_PASSPHRASE";
inline constexpr std::string_view kEnvPassphraseFile = "FIELDSEAL_PASSPHRASE_FILE";

// The error a command throws; run_cli prints it and returns exit_code().
class CommandError : public std::exception {
 public:
  CommandError(std::string message, int exit_code) : message_(std::move(message)), exit_code_(exit_code) {}
  [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }
  [[nodiscard]] int exit_code() const noexcept { return exit_code_; }

 private:
  std::string message_;
  int exit_code_;
};

[[noreturn]] void usage_error(std::string message);
[[noreturn]] void failure(std::string message);

// Unwraps `result` or fails (exit 1) with "<context>: <message(error)>" (or
// just the module message when context is empty). message() is found by ADL
// in the error enum's namespace (crypto::message, storage::message, …).
template <class T, class E>
[[nodiscard]] T check(Result<T, E>&& result, std::string_view context = {}) {
  if (!result.ok()) {
    std::string text(message(result.error()));
    failure(context.empty() ? text : std::string(context) + ": " + text);
  }
  return std::move(result).value();
}
template <class E>
void check(Result<void, E>&& result, std::string_view context = {}) {
  if (!result.ok()) {
    std::string text(message(result.error()));
    failure(context.empty() ? text : std::string(context) + ": " + text);
  }
}

enum class PassphrasePurpose {
  unlock,  // asked once
  create,  // a new passphrase: asked twice on the terminal, must match
};

class CliContext {
 public:
  explicit CliContext(CliIo& io) noexcept : io_(io) {}

  [[nodiscard]] CliIo& io() noexcept { return io_; }
  [[nodiscard]] std::ostream& out() noexcept { return io_.out; }
  [[nodiscard]] std::ostream& err() noexcept { return io_.err; }
  [[nodiscard]] std::optional<std::string_view> env(std::string_view name) const;

  // Global options, bound by run_cli to --vault and --json.
  [[nodiscard]] std::string& vault_option() noexcept { return vault_option_; }
  [[nodiscard]] bool& json_option() noexcept { return json_; }
  [[nodiscard]] bool json() const noexcept { return json_; }

  // --vault DIR, else $FIELDSEAL_VAULT; a usage error when neither is set.
  [[nodiscard]] std::filesystem::path vault_dir() const;

  // The passphrase from $FIELDSEAL_PASSPHRASE_FILE (one trailing newline
  // removed), $FIELDSEAL_PASSPHRASE, or a no-echo prompt, in that order of
  // sources; both variables set is an error. Empty variables count as unset.
  // Fails on an empty passphrase, one over kPassphraseMaxBytes, a mismatch
  // between the two prompts, or no terminal to ask on.
  [[nodiscard]] crypto::SecretBuffer passphrase(PassphrasePurpose purpose);

  // One JSON document on stdout, indented, with a final newline.
  void print_json(const nlohmann::json& document);

 private:
  CliIo& io_;
  std::string vault_option_;
  bool json_ = false;
};

// Progress on stderr for long work, drawn only when stderr is a terminal
// (never in pipes, logs or tests). `total` 0 means unknown. Redraws at most
// once per percent (or per 64 MiB when the total is unknown, the first time
// after 64 MiB) and clears its line when destroyed.
class Progress {
 public:
  Progress(CliContext& ctx, std::string_view label, std::uint64_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void advance(std::uint64_t bytes);

 private:
  void draw();
  std::ostream* err_ = nullptr;  // null: inactive
  std::string label_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  std::uint64_t next_draw_;
  bool drawn_ = false;
};

}  // namespace fieldseal::cli
