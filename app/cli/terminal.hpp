#pragma once
// The real passphrase prompter: asks on /dev/tty (not stdin, which may carry
// the data being encrypted), echo off via termios, the terminal restored
// afterwards and on fatal signals (see signals.hpp). The line is read byte by
// byte straight into secret memory.
#include "cli.hpp"

namespace fieldseal::cli {

class TerminalPrompter final : public PassphrasePrompter {
 public:
  [[nodiscard]] std::optional<crypto::SecretBuffer> ask(std::string_view prompt) override;
};

}  // namespace fieldseal::cli
