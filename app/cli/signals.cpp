#include "signals.hpp"

#include <climits>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace fieldseal::cli {
namespace {

// Written by the main thread, read by the handler: the flags are cleared
// before and set after the data they guard changes.
volatile std::sig_atomic_t g_have_path = 0;
char g_path[PATH_MAX];
volatile std::sig_atomic_t g_have_terminal = 0;
int g_terminal_fd = -1;
termios g_terminal_saved{};

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void on_fatal_signal(int signal_number) {
  if (g_have_terminal != 0) ::tcsetattr(g_terminal_fd, TCSAFLUSH, &g_terminal_saved);
  if (g_have_path != 0) ::unlink(g_path);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  ::sigemptyset(&dfl.sa_mask);
  ::sigaction(signal_number, &dfl, nullptr);
  ::raise(signal_number);
}

}  // namespace

void install_cleanup_signal_handlers() noexcept {
  struct sigaction action {};
  action.sa_handler = on_fatal_signal;
  ::sigemptyset(&action.sa_mask);
  for (int s : kSignals) ::sigaddset(&action.sa_mask, s);
  for (int s : kSignals) {
    struct sigaction previous {};
    // A signal the parent set to "ignore" (nohup, background jobs) stays ignored.
    if (::sigaction(s, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    ::sigaction(s, &action, nullptr);
  }
}

void set_cleanup_path(const char* path) noexcept {
  g_have_path = 0;
  if (path == nullptr) return;
  std::size_t length = std::strlen(path);
  if (length >= sizeof g_path) return;
  std::memcpy(g_path, path, length + 1);
  g_have_path = 1;
}

void set_terminal_restore(int fd, const termios& saved) noexcept {
  g_have_terminal = 0;
  if (fd < 0) return;
  g_terminal_fd = fd;
  g_terminal_saved = saved;
  g_have_terminal = 1;
}

void clear_terminal_restore() noexcept { g_have_terminal = 0; }

}  // namespace fieldseal::cli
