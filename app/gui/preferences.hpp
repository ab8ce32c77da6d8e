#pragma once
// Non-identifying preferences, the only thing fieldseal-gui writes outside a
// vault: language, idle-lock timeout and what the panic action does. Stored
// with QSettings (INI, $XDG_CONFIG_HOME/fieldseal/fieldseal-gui.ini). No
// paths, names, recent files or window state.
#include <QString>
#include <QStringList>

namespace fieldseal::gui {

enum class PanicAction { lock, wipe };

inline constexpr int kDefaultIdleMinutes = 5;
inline constexpr int kMaxIdleMinutes = 240;

struct Preferences {
  QString language;  // "en" or "ru"; empty: from the system locale
  int idle_minutes = kDefaultIdleMinutes;
  PanicAction panic = PanicAction::lock;

  [[nodiscard]] static Preferences load();
  void save() const;
  // "en" or "ru": language, else the system locale's if Russian, else "en".
  [[nodiscard]] QString effective_language() const;
  // Every key save() may write.
  [[nodiscard]] static QStringList allowed_keys();
};

}  // namespace fieldseal::gui
