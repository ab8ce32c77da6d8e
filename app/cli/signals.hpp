#pragma once
// Clean-up on fatal signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT): restore a
// terminal whose echo the passphrase prompt turned off, remove the hidden
// partial output file of an OutputFile, then die of the same signal. Only
// main() installs the handlers; the registrations below are harmless without
// them (in-process tests).
#include <termios.h>

namespace fieldseal::cli {

void install_cleanup_signal_handlers() noexcept;

// One path at a time; nullptr clears. Paths longer than PATH_MAX are not
// registered (the hidden name is short, its directory is the user's).
void set_cleanup_path(const char* path) noexcept;
// The terminal to restore; fd < 0 clears.
void set_terminal_restore(int fd, const termios& saved) noexcept;
void clear_terminal_restore() noexcept;

}  // namespace fieldseal::cli
