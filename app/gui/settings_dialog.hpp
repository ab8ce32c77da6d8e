#pragma once
// Preferences: language (MainWindow switches at once), idle-lock timeout and
// what the panic button does.
#include <QDialog>

#include "preferences.hpp"

class QComboBox;
class QSpinBox;

namespace fieldseal::gui {

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  explicit SettingsDialog(const Preferences& current, QWidget* parent = nullptr);
  [[nodiscard]] Preferences preferences() const;

  QComboBox* language;
  QSpinBox* idle_minutes;
  QComboBox* panic_action;
};

}  // namespace fieldseal::gui
