#pragma once
// The main window: unlock screen, report list and report editor in one stack,
// the role's exchange pages and actions, the Vault menu, the lock and panic
// actions and the automatic lock.
//
// Roles (VaultSession::role after unlock):
// - field: the Exchange menu and toolbar offer Export to HQ… (the reports
//   selected in the list are preselected), Import receipt… and Purge
//   delivered… (FieldExchange);
// - HQ: a navigation list on the left and the Go menu (Ctrl+1..4) switch
//   between Reports, Import (HqImportPage), Quarantine (QuarantinePage) and
//   Dashboard (DashboardPage); the Exchange menu offers Import bundles… and
//   Create receipt… (DashboardPage::create_receipt).
// Pages that change the vault signal it and the lists reload.
//
// Locking (shortcut, idle, sleep/screen lock, panic in "lock" mode) wipes the
// keys through VaultSession::lock, closes every dialog, clears the list model,
// the filters, the editor and every exchange page, and returns to the unlock
// screen.
//
// Language: set_language() installs the translation and re-creates every
// widget of the window at once, without locking: the page shown stays shown
// and its data is read again from the vault (an open report is reopened;
// edits not yet saved are lost, so the settings dialog asks first). Work
// still running on the session's worker for a replaced page ends unseen.
#include <QMainWindow>
#include <QStringList>

#include "preferences.hpp"

class QAction;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolBar;

namespace fieldseal::gui {

class DashboardPage;
class FieldExchange;
class FirstRunWizard;
class HqImportPage;
class LockGuard;
class QuarantinePage;
class ReportEditor;
class ReportsPage;
class UnlockWidget;
class VaultSession;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  // The rows of the HQ navigation list, in order.
  enum class HqPage { reports, import, quarantine, dashboard };

  explicit MainWindow(VaultSession* session, Preferences preferences,
                      QWidget* parent = nullptr);

  // Shows the unlock screen for `directory`, or the first-run wizard when
  // no vault is there.
  void start(const QString& directory);
  void lock_now();
  void panic();
  void open_wizard();
  // HQ: shows one of the pages (what the navigation list and Ctrl+1..4 do).
  void show_hq_page(HqPage page);
  // Installs `language` ("en", "ru" or empty for the system's) and
  // re-creates the window's widgets in it (see "Language" above).
  void set_language(const QString& language);

  [[nodiscard]] VaultSession* session() const { return session_; }
  [[nodiscard]] LockGuard* lock_guard() const { return guard_; }
  [[nodiscard]] UnlockWidget* unlock_page() const { return unlock_; }
  [[nodiscard]] ReportsPage* reports_page() const { return reports_; }
  [[nodiscard]] ReportEditor* editor() const { return editor_; }
  [[nodiscard]] HqImportPage* import_page() const { return import_page_; }
  [[nodiscard]] QuarantinePage* quarantine_page() const { return quarantine_page_; }
  [[nodiscard]] DashboardPage* dashboard_page() const { return dashboard_page_; }
  [[nodiscard]] FieldExchange* field_exchange() const { return field_exchange_; }
  [[nodiscard]] QListWidget* navigation() const { return navigation_; }
  [[nodiscard]] QStackedWidget* stack() const { return stack_; }
  [[nodiscard]] FirstRunWizard* wizard() const { return wizard_; }
  [[nodiscard]] const Preferences& preferences() const { return preferences_; }
  // Applies the idle timeout and panic behaviour (not the language).
  void set_preferences(const Preferences& preferences);

  // Re-created with the widgets on a language change: do not keep pointers.
  QAction* new_report_action = nullptr;
  QAction* lock_action = nullptr;
  QAction* panic_action = nullptr;
  QAction* settings_action = nullptr;
  QAction* quit_action = nullptr;
  // Field.
  QAction* export_action = nullptr;
  QAction* import_receipt_action = nullptr;
  QAction* purge_delivered_action = nullptr;
  // HQ.
  QAction* import_bundles_action = nullptr;
  QAction* create_receipt_action = nullptr;
  QList<QAction*> go_actions;  // in HqPage order
  QMenu* exchange_menu = nullptr;
  QMenu* go_menu = nullptr;

 private:
  void build_ui();
  void rebuild_ui();
  void on_unlocked();
  void on_locked();
  void show_settings();
  void update_actions();
  void update_panic_tooltip();
  void reload_lists();
  void open_report(const QString& id);
  void close_editor();

  VaultSession* session_;
  Preferences preferences_;
  LockGuard* guard_;
  QWidget* root_ = nullptr;  // owns every re-creatable widget and action
  QToolBar* toolbar_ = nullptr;
  QListWidget* navigation_ = nullptr;
  QStackedWidget* stack_ = nullptr;
  UnlockWidget* unlock_ = nullptr;
  ReportsPage* reports_ = nullptr;
  ReportEditor* editor_ = nullptr;
  HqImportPage* import_page_ = nullptr;
  QuarantinePage* quarantine_page_ = nullptr;
  DashboardPage* dashboard_page_ = nullptr;
  FieldExchange* field_exchange_ = nullptr;
  FirstRunWizard* wizard_ = nullptr;
};

}  // namespace fieldseal::gui
