#pragma once
// Helpers shared by the QtTest executables under tests/gui (header-only, so
// each test stays one source file in tests/gui/CMakeLists.txt).
#include <QAbstractButton>
#include <QApplication>
#include <QCoreApplication>
#include <QLabel>
#include <QMap>
#include <QMessageBox>
#include <QStringList>
#include <QTabBar>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include "common.hpp"

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

// Accelerator letters (Alt+letter) used twice among the visible labels with
// buddies, buttons and tabs under `root`; "&&" is a literal ampersand.
inline QStringList mnemonic_clashes(QWidget* root) {
  QMap<QChar, QStringList> seen;
  const auto add = [&seen](const QString& text) {
    qsizetype i = text.indexOf(u'&');
    while (i >= 0 && i + 1 < text.size() && text[i + 1] == u'&') i = text.indexOf(u'&', i + 2);
    if (i >= 0 && i + 1 < text.size()) seen[text[i + 1].toLower()] << text;
  };
  for (QWidget* w : root->findChildren<QWidget*>()) {
    if (!w->isVisibleTo(root)) continue;
    if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy()) add(l->text());
    if (auto* b = qobject_cast<QAbstractButton*>(w)) add(b->text());
    if (auto* t = qobject_cast<QTabBar*>(w))
      for (int i = 0; i < t->count(); ++i) add(t->tabText(i));
  }
  QStringList clashes;
  for (auto it = seen.cbegin(); it != seen.cend(); ++it)
    if (it.value().size() > 1) clashes << it.value().join(QStringLiteral(" / "));
  return clashes;
}

// The language loop of a test's "screenshots" slot (which first skips itself
// unless its screenshot folder variable is set): installs English, then
// Russian, and calls shoot(lang) with each. For Russian, the .qm file named
// by the environment variable `extra_qm_variable`, if it loads, is installed
// on top: a page's new strings can then be previewed in Russian before the
// project's .ts files are regenerated. Stops after a failed check; ends with
// English installed.
template <class Shoot>
void for_each_screenshot_language(const char* extra_qm_variable, Shoot&& shoot) {
  QTranslator extra;
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ru")}) {
    install_language(lang);
    if (lang == QLatin1String("ru") && extra.load(qEnvironmentVariable(extra_qm_variable)))
      QCoreApplication::installTranslator(&extra);
    shoot(lang);
    QCoreApplication::removeTranslator(&extra);
    if (QTest::currentTestFailed()) break;
  }
  install_language(QStringLiteral("en"));
}

}  // namespace fieldseal::gui::test
