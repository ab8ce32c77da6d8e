// fieldseal: the command-line front end. Hardens the process and runs the
// crypto self-test before anything else, then hands the command line to
// run_cli() with the real streams, environment and terminal.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>
#include <unistd.h>

#include "cli.hpp"
#include "fieldseal/crypto/self_test.hpp"
#include "signals.hpp"
#include "terminal.hpp"

int main(int argc, char** argv) {
  using namespace fieldseal;
  if (auto hardened = crypto::harden_process(); !hardened.ok()) {
    std::cerr << "fieldseal: refusing to run: " << crypto::message(hardened.error()) << '\n';
    return cli::kExitFailure;
  }
  if (auto tested = crypto::run_self_test(); !tested.ok()) {
    std::cerr << "fieldseal: refusing to run: " << crypto::message(tested.error()) << '\n';
    return cli::kExitFailure;
  }
  cli::install_cleanup_signal_handlers();
  std::ios::sync_with_stdio(false);

  cli::TerminalPrompter prompter;
  cli::CliIo io{std::cin,
                std::cout,
                std::cerr,
                ::isatty(STDIN_FILENO) == 1,
                ::isatty(STDOUT_FILENO) == 1,
                ::isatty(STDERR_FILENO) == 1,
                [](std::string_view name) -> std::optional<std::string_view> {
                  const char* value = std::getenv(std::string(name).c_str());
                  if (value == nullptr) return std::nullopt;
                  return std::string_view(value);
                },
                prompter};
  std::vector<std::string> args(argv + 1, argv + argc);
  int status = cli::run_cli(args, io);
  std::cout.flush();
  return status;
}
