#include "preferences.hpp"

#include <QLocale>
#include <QSettings>

namespace fieldseal::gui {

namespace {
constexpr auto kLanguage = "language";
constexpr auto kIdleMinutes = "idle_minutes";
constexpr auto kPanicAction = "panic_action";

QSettings open_settings() {
  return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("fieldseal"),
                   QStringLiteral("fieldseal-gui"));
}
}  // namespace

Preferences Preferences::load() {
  const QSettings settings = open_settings();
  Preferences p;
  const QString language = settings.value(kLanguage).toString();
  if (language == QLatin1String("en") || language == QLatin1String("ru")) p.language = language;
  bool ok = false;
  const int minutes = settings.value(kIdleMinutes, kDefaultIdleMinutes).toInt(&ok);
  if (ok && minutes >= 1 && minutes <= kMaxIdleMinutes) p.idle_minutes = minutes;
  p.panic = settings.value(kPanicAction).toString() == QLatin1String("wipe") ? PanicAction::wipe
                                                                             : PanicAction::lock;
  return p;
}

void Preferences::save() const {
  QSettings settings = open_settings();
  settings.clear();
  if (!language.isEmpty()) settings.setValue(kLanguage, language);
  settings.setValue(kIdleMinutes, idle_minutes);
  settings.setValue(kPanicAction,
                    panic == PanicAction::wipe ? QStringLiteral("wipe") : QStringLiteral("lock"));
  settings.sync();
}

QString Preferences::effective_language() const {
  if (!language.isEmpty()) return language;
  return QLocale::system().language() == QLocale::Russian ? QStringLiteral("ru")
                                                          : QStringLiteral("en");
}

QStringList Preferences::allowed_keys() {
  return {QString::fromLatin1(kLanguage), QString::fromLatin1(kIdleMinutes),
          QString::fromLatin1(kPanicAction)};
}

}  // namespace fieldseal::gui
