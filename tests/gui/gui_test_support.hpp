#pragma once
// Helpers shared by the QtTest executables under tests/gui (header-only, so
// each test stays one source file in tests/gui/CMakeLists.txt).
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace fieldseal::gui::test {

// Clicks the accepting button of the next message box that opens (the
// confirm()/warn() boxes run their own event loop, so a timer answers them).
inline void accept_next_message_box() {
  auto* timer = new QTimer;
  timer->setInterval(20);
  QObject::connect(timer, &QTimer::timeout, timer, [timer]() {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) return;
    for (QAbstractButton* b : box->buttons())
      if (box->buttonRole(b) == QMessageBox::AcceptRole) {
        timer->stop();
        timer->deleteLater();
        b->click();
        return;
      }
  });
  timer->start();
}

}  // namespace fieldseal::gui::test
