#pragma once
// The fieldseal command line as a library: run_cli() parses and runs one
// command line against the streams and environment in a CliIo, so tests run
// the CLI in-process (as KeePassXC's CLI tests do) and main.cpp is a thin
// wrapper that adds process hardening, the crypto self-test and the real
// terminal.
//
// Exit codes: kExitSuccess, kExitFailure (the command failed; a message
// "fieldseal: <message>" is on stderr), kExitUsage (the command line was
// wrong; a hint to --help is on stderr).
#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::cli {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Longest passphrase accepted from any source (prompt, file, environment).
inline constexpr std::size_t kPassphraseMaxBytes = 1024;

// Asks the user for a passphrase without echo. Returns nothing when no
// passphrase can be asked for (no terminal) or the user aborted (end of input).
// The returned buffer holds the line without its newline.
class PassphrasePrompter {
 public:
  virtual ~PassphrasePrompter() = default;
  [[nodiscard]] virtual std::optional<crypto::SecretBuffer> ask(std::string_view prompt) = 0;
};

// Everything a command may touch of the outside world besides the files it
// is told to open. Streams are binary-safe.
struct CliIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool stdin_is_terminal = false;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  // Environment lookup. The returned view must stay valid for the whole
  // run_cli call (the real one points into the process environment).
  std::function<std::optional<std::string_view>(std::string_view name)> getenv;
  PassphrasePrompter& prompter;
};

// Runs one command line. `args` excludes the program name (argv[1..]).
// Never throws; every failure becomes an exit code and a message on io.err.
[[nodiscard]] int run_cli(std::span<const std::string> args, CliIo& io);

}  // namespace fieldseal::cli
