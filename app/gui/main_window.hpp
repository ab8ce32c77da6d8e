#pragma once
// The main window: unlock screen, report list and report editor in one stack,
// the Vault menu, the lock and panic actions and the automatic lock.
//
// Locking (shortcut, idle, sleep/screen lock, panic in "lock" mode) wipes the
// keys through VaultSession::lock, closes every dialog, clears the list model,
// the filters and the editor, and returns to the unlock screen.
//
// Transport workflows (export to HQ, import of receipts, HQ's bundle import,
// quarantine review and dashboard) are separate pages that will join the
// stack once fieldseal_transport integrates with the vault; they will call
// its API through VaultSession::run like the pages here.
#include <QMainWindow>

#include "preferences.hpp"

class QAction;
class QStackedWidget;

namespace fieldseal::gui {

class LockGuard;
class ReportEditor;
class ReportsPage;
class UnlockWidget;
class VaultSession;
class FirstRunWizard;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(VaultSession* session, Preferences preferences,
                      QWidget* parent = nullptr);

  // Shows the unlock screen for `directory`, or the first-run wizard when
  // no vault is there.
  void start(const QString& directory);
  void lock_now();
  void panic();
  void open_wizard();

  [[nodiscard]] VaultSession* session() const { return session_; }
  [[nodiscard]] LockGuard* lock_guard() const { return guard_; }
  [[nodiscard]] UnlockWidget* unlock_page() const { return unlock_; }
  [[nodiscard]] ReportsPage* reports_page() const { return reports_; }
  [[nodiscard]] ReportEditor* editor() const { return editor_; }
  [[nodiscard]] QStackedWidget* stack() const { return stack_; }
  [[nodiscard]] FirstRunWizard* wizard() const { return wizard_; }
  [[nodiscard]] const Preferences& preferences() const { return preferences_; }
  void set_preferences(const Preferences& preferences);

  QAction* new_report_action;
  QAction* lock_action;
  QAction* panic_action;
  QAction* settings_action;
  QAction* quit_action;

 private:
  void on_unlocked();
  void on_locked();
  void show_settings();
  void update_actions();

  VaultSession* session_;
  Preferences preferences_;
  LockGuard* guard_;
  QStackedWidget* stack_;
  UnlockWidget* unlock_;
  ReportsPage* reports_;
  ReportEditor* editor_;
  FirstRunWizard* wizard_ = nullptr;
};

}  // namespace fieldseal::gui
