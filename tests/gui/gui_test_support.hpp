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
#include <QtGlobal>
#include <filesystem>
#include <string>
#include <utility>

#include "common.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/vault.hpp"

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

// The class names of the focusable widgets visible under `root` that have
// no accessible name (a scroll area's own children, such as its viewport,
// excepted): what a screen reader would announce without a name.
inline QStringList unnamed_controls(QWidget* root) {
  QStringList unnamed;
  for (QWidget* w : root->findChildren<QWidget*>()) {
    if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(root)) continue;
    if (qobject_cast<QWidget*>(w->parent()) && w->parent()->inherits("QAbstractScrollArea")) continue;
    if (!w->accessibleName().isEmpty()) continue;
    unnamed << QString::fromLatin1(w->metaObject()->className());
  }
  return unnamed;
}

// A new field vault in `dir` owned by `name`, at the floor KDF strength (an
// HQ test's researchers, made with the core API); aborts the test run if it
// cannot be made.
inline storage::Vault make_field_vault(const std::filesystem::path& dir, const std::string& name) {
  auto pass = crypto::SecretBuffer::from_text("field passphrase for the test");
  auto v = storage::Vault::create(dir, storage::Role::field, name, pass, crypto::Argon2idParams::floor());
  if (!v) qFatal("cannot create a field vault");
  return std::move(*v);
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
