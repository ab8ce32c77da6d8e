// fieldseal-gui: hardens the process and runs the crypto self-test before Qt
// starts, then shows the main window.
#include <QApplication>
#include <cstdio>

#include "common.hpp"
#include "fieldseal/crypto/self_test.hpp"
#include "main_window.hpp"
#include "preferences.hpp"
#include "vault_session.hpp"

int main(int argc, char** argv) {
  using namespace fieldseal;
  if (auto hardened = crypto::harden_process(); !hardened.ok()) {
    std::fprintf(stderr, "fieldseal-gui: %s\n", std::string(crypto::message(hardened.error())).c_str());
    return 1;
  }
  if (auto tested = crypto::run_self_test(); !tested.ok()) {
    std::fprintf(stderr, "fieldseal-gui: %s\n", std::string(crypto::message(tested.error())).c_str());
    return 1;
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("fieldseal-gui"));
  QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
  const gui::Preferences preferences = gui::Preferences::load();
  gui::install_language(preferences.effective_language());

  gui::VaultSession session;
  gui::MainWindow window(&session, preferences);
  window.show();
  window.start(gui::default_vault_directory());
  const int code = QApplication::exec();
  session.lock();
  return code;
}
