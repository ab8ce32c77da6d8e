#include "terminal.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include "files.hpp"
#include "signals.hpp"

namespace fieldseal::cli {
namespace {

void write_all(int fd, std::string_view text) noexcept {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

std::optional<crypto::SecretBuffer> TerminalPrompter::ask(std::string_view prompt) {
  int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  write_all(fd, prompt);

  termios saved{};
  bool restore = ::tcgetattr(fd, &saved) == 0;
  if (restore) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHOE | ECHOK | ECHONL);
    quiet.c_lflag |= static_cast<tcflag_t>(ICANON);
    set_terminal_restore(fd, saved);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
  }

  // One byte more than allowed, so an over-long line is seen as such.
  crypto::SecretBuffer line(kPassphraseMaxBytes + 1);
  std::size_t length = 0;
  bool complete = false;
  {
    auto w = line.write();
    while (length < w.size()) {
      ssize_t n = ::read(fd, w.data() + length, 1);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      if (w.data()[length] == '\n') {
        w.data()[length] = 0;
        complete = true;
        break;
      }
      ++length;
    }
    if (complete && length > 0 && w.data()[length - 1] == '\r') w.data()[--length] = 0;
  }

  if (restore) {
    ::tcsetattr(fd, TCSAFLUSH, &saved);
    clear_terminal_restore();
  }
  write_all(fd, "\n");
  ::close(fd);

  if (!complete && length == 0) return std::nullopt;  // end of input: aborted
  return secret_prefix(line, length);
}

}  // namespace fieldseal::cli
