// gui_bench: the GUI half of bench/cases/50-gui.sh (issue 5's two goals).
//
//   gui_bench startup DIR         time from process start to the unlock prompt
//                                 shown for the vault in DIR (goal < 1 s)
//   gui_bench list DIR PASSPHRASE time from the vault unlocked to the report
//                                 list showing its first filled page (< 300 ms)
//
// startup: the process start time is the kernel's (/proc/self/stat field 22,
// in clock ticks since boot, so 10 ms resolution), compared with
// CLOCK_BOOTTIME when the unlock page is visible in an exposed window. What
// runs in between is what fieldseal-gui's main() runs: process hardening, the
// crypto self-test, QApplication, preferences and translation, the main
// window, show() and start(DIR). Run under QT_QPA_PLATFORM=offscreen (or
// xvfb-run); the dynamic loading of Qt counts, as for a user.
//
// list: the same window; the unlock goes through VaultSession::unlock with
// the Argon2id floor (the vault must have been made with it: vault_bench
// populate). The clock starts when the session reports the vault unlocked,
// so Argon2id and the rest of Vault::open are excluded (vault_bench open
// measures the latter), and stops when the list model has its first page
// and the table has painted it (a forced repaint of the viewport, after the
// queued events are processed).
//
// Results are "key=value" lines on stdout, like vault_bench.
#include <time.h>
#include <unistd.h>

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QWindow>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "common.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/crypto/self_test.hpp"
#include "main_window.hpp"
#include "preferences.hpp"
#include "report_list_model.hpp"
#include "reports_page.hpp"
#include "unlock_widget.hpp"
#include "vault_session.hpp"

namespace {

using namespace fieldseal;

constexpr int kTimeoutMs = 120'000;
constexpr int kPollMs = 1;

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "gui_bench: %s\n", what);
  std::exit(1);
}

double boottime_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_BOOTTIME, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// The process start time in seconds since boot (/proc/self/stat field 22;
// the command name in field 2 may hold spaces, so parse after its ')').
double process_start_seconds() {
  std::ifstream in("/proc/self/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = stat.rfind(')');
  if (close == std::string::npos) die("cannot parse /proc/self/stat");
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  // Field 3 (state) is the first after ')'; starttime is field 22.
  for (int i = 3; i <= 22; ++i) {
    if (!(fields >> field)) die("cannot parse /proc/self/stat");
  }
  const double ticks = std::stod(field);
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Polls the event loop until `ready` holds; dies after kTimeoutMs.
template <class F>
void wait_until(F ready) {
  QElapsedTimer timer;
  timer.start();
  while (!ready()) {
    if (timer.elapsed() > kTimeoutMs) die("timed out");
    QCoreApplication::processEvents(QEventLoop::AllEvents, kPollMs);
  }
}

bool unlock_prompt_shown(gui::MainWindow& window) {
  QWindow* handle = window.windowHandle();
  return handle != nullptr && handle->isExposed() && window.unlock_page()->isVisible() &&
         window.unlock_page()->passphrase_edit->isVisible();
}

struct App {
  std::unique_ptr<QApplication> app;
  std::unique_ptr<gui::VaultSession> session;
  std::unique_ptr<gui::MainWindow> window;
};

// fieldseal-gui's main() up to the event loop (app/gui/main.cpp).
App start_gui(int& argc, char** argv, const QString& directory,
              const std::function<void(gui::VaultSession&)>& before_window) {
  if (auto hardened = crypto::harden_process(); !hardened.ok()) die("harden_process failed");
  if (auto tested = crypto::run_self_test(); !tested.ok()) die("self-test failed");
  App a;
  a.app = std::make_unique<QApplication>(argc, argv);
  QApplication::setApplicationName(QStringLiteral("fieldseal-gui"));
  QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
  const gui::Preferences preferences = gui::Preferences::load();
  gui::install_language(preferences.effective_language());
  a.session = std::make_unique<gui::VaultSession>();
  if (before_window) before_window(*a.session);
  a.window = std::make_unique<gui::MainWindow>(a.session.get(), preferences);
  a.window->show();
  a.window->start(directory);
  return a;
}

int cmd_startup(int& argc, char** argv, const QString& directory) {
  App a = start_gui(argc, argv, directory, {});
  wait_until([&] { return unlock_prompt_shown(*a.window); });
  const double shown = boottime_seconds();
  std::printf("startup_seconds=%.3f\n", shown - process_start_seconds());
  a.window.reset();
  a.session->lock();
  return 0;
}

int cmd_list(int& argc, char** argv, const QString& directory, const char* passphrase) {
  std::chrono::steady_clock::time_point unlocked_at{};
  bool unlocked = false;
  App a = start_gui(argc, argv, directory, [&](gui::VaultSession& session) {
    session.set_kdf_params(crypto::Argon2idParams::floor());
    // Connected before the window's own slot, so the clock starts before
    // the window reacts to the unlock.
    QObject::connect(&session, &gui::VaultSession::unlocked, [&] {
      unlocked_at = std::chrono::steady_clock::now();
      unlocked = true;
    });
  });
  wait_until([&] { return unlock_prompt_shown(*a.window); });
  std::optional<storage::Error> failure;
  bool done = false;
  a.session->unlock(directory.toStdString(),
                    std::make_shared<crypto::SecretBuffer>(crypto::SecretBuffer::from_text(passphrase)),
                    a.window.get(), [&](std::optional<storage::Error> e) {
                      failure = e;
                      done = true;
                    });
  wait_until([&] { return done; });
  if (failure) die("unlock failed");
  wait_until([&] { return unlocked; });
  auto* page = a.window->reports_page();
  gui::ReportListModel* model = page->model();
  wait_until([&] { return model->rowCount() > 0 && !model->loading() && page->table->isVisible(); });
  page->table->viewport()->repaint();
  const auto filled_at = std::chrono::steady_clock::now();
  std::printf("list_seconds=%.4f\n",
              std::chrono::duration<double>(filled_at - unlocked_at).count());
  std::printf("list_rows=%d\n", model->rowCount());
  a.window.reset();
  a.session->lock();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "startup") {
    const QString directory = QString::fromLocal8Bit(argv[2]);
    int qt_argc = 1;
    return cmd_startup(qt_argc, argv, directory);
  }
  if (argc == 4 && std::string(argv[1]) == "list") {
    const QString directory = QString::fromLocal8Bit(argv[2]);
    int qt_argc = 1;
    return cmd_list(qt_argc, argv, directory, argv[3]);
  }
  std::fputs("usage: gui_bench startup DIR | list DIR PASSPHRASE\n", stderr);
  return 2;
}
