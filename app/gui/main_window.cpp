#include "main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include "common.hpp"
#include "first_run_wizard.hpp"
#include "lock_guard.hpp"
#include "report_editor.hpp"
#include "report_list_model.hpp"
#include "reports_page.hpp"
#include "settings_dialog.hpp"
#include "unlock_widget.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

MainWindow::MainWindow(VaultSession* session, Preferences preferences, QWidget* parent)
    : QMainWindow(parent), session_(session), preferences_(std::move(preferences)),
      guard_(new LockGuard(this)), stack_(new QStackedWidget),
      unlock_(new UnlockWidget(session)), reports_(new ReportsPage(session)),
      editor_(new ReportEditor(session)) {
  setWindowTitle(tr("fieldseal"));
  stack_->addWidget(unlock_);
  stack_->addWidget(reports_);
  stack_->addWidget(editor_);
  setCentralWidget(stack_);

  new_report_action = new QAction(tr("&New report"), this);
  new_report_action->setShortcut(QKeySequence::New);
  lock_action = new QAction(tr("&Lock"), this);
  lock_action->setShortcut(QKeySequence(tr("Ctrl+L")));
  panic_action = new QAction(tr("&Panic"), this);
  panic_action->setShortcut(QKeySequence(tr("Ctrl+Shift+Del")));
  panic_action->setShortcutContext(Qt::ApplicationShortcut);
  lock_action->setShortcutContext(Qt::ApplicationShortcut);
  settings_action = new QAction(tr("&Settings…"), this);
  quit_action = new QAction(tr("&Quit"), this);
  quit_action->setShortcut(QKeySequence::Quit);

  auto* vault_menu = menuBar()->addMenu(tr("&Vault"));
  vault_menu->addAction(new_report_action);
  vault_menu->addSeparator();
  vault_menu->addAction(lock_action);
  vault_menu->addAction(panic_action);
  vault_menu->addSeparator();
  vault_menu->addAction(settings_action);
  vault_menu->addAction(quit_action);

  auto* toolbar = addToolBar(tr("Actions"));
  toolbar->setObjectName(QStringLiteral("actions"));
  toolbar->setMovable(false);
  toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  toolbar->addAction(new_report_action);
  toolbar->addAction(lock_action);
  auto* spacer = new QWidget;
  spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  toolbar->addWidget(spacer);
  toolbar->addAction(panic_action);
  if (QWidget* panic_button = toolbar->widgetForAction(panic_action)) {
    panic_button->setStyleSheet(QStringLiteral(
        "QToolButton { background: #b00020; color: white; font-weight: bold; padding: 4px 14px; }"));
    panic_button->setAccessibleName(tr("Panic"));
  }

  connect(new_report_action, &QAction::triggered, this, [this]() {
    if (!session_->is_open()) return;
    editor_->open_new();
    stack_->setCurrentWidget(editor_);
  });
  connect(lock_action, &QAction::triggered, this, &MainWindow::lock_now);
  connect(panic_action, &QAction::triggered, this, &MainWindow::panic);
  connect(settings_action, &QAction::triggered, this, &MainWindow::show_settings);
  connect(quit_action, &QAction::triggered, this, &QWidget::close);
  connect(guard_, &LockGuard::lock_requested, this, &MainWindow::lock_now);
  connect(session_, &VaultSession::unlocked, this, &MainWindow::on_unlocked);
  connect(session_, &VaultSession::locked, this, &MainWindow::on_locked);
  connect(unlock_, &UnlockWidget::create_requested, this, &MainWindow::open_wizard);
  connect(reports_, &ReportsPage::new_report, new_report_action, &QAction::trigger);
  connect(reports_, &ReportsPage::open_report, this, [this](const QString& id) {
    editor_->open_report(id);
    stack_->setCurrentWidget(editor_);
  });
  connect(editor_, &ReportEditor::changed_in_vault, reports_->model(), &ReportListModel::reload);
  connect(editor_, &ReportEditor::close_requested, this, [this]() {
    editor_->clear();
    stack_->setCurrentWidget(reports_);
    reports_->table->setFocus();
  });

  set_preferences(preferences_);
  update_actions();
  resize(1100, 720);
}

void MainWindow::set_preferences(const Preferences& preferences) {
  preferences_ = preferences;
  guard_->set_timeout_ms(preferences_.idle_minutes * 60 * 1000);
  panic_action->setToolTip(preferences_.panic == PanicAction::wipe
                               ? tr("Destroy the vault now (%1)")
                                     .arg(panic_action->shortcut().toString(QKeySequence::NativeText))
                               : tr("Lock the vault now (%1)")
                                     .arg(panic_action->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::start(const QString& directory) {
  unlock_->reset(directory);
  stack_->setCurrentWidget(unlock_);
  if (!storage::Vault::exists(std::filesystem::path(utf8(directory)))) {
    unlock_->message->setText(tr("There is no vault in this folder yet."));
    open_wizard();
  }
}

void MainWindow::open_wizard() {
  if (wizard_) return;
  wizard_ = new FirstRunWizard(session_, unlock_->folder_edit->text(), this);
  wizard_->setAttribute(Qt::WA_DeleteOnClose);
  connect(wizard_, &QObject::destroyed, this, [this]() { wizard_ = nullptr; });
  connect(wizard_, &QDialog::finished, wizard_, &QWidget::close);
  wizard_->open();
}

void MainWindow::lock_now() {
  if (session_->is_open()) session_->lock();
  else on_locked();
}

void MainWindow::panic() {
  if (preferences_.panic == PanicAction::lock) {
    lock_now();
    return;
  }
  const auto dir = std::filesystem::path(utf8(unlock_->folder_edit->text().trimmed()));
  const bool was_open = session_->is_open();
  auto result = session_->panic(was_open ? session_->directory() : dir);
  if (!was_open) on_locked();
  unlock_->message->setText(result.ok() ? tr("The vault was destroyed.")
                                        : Messages::error(result.error()));
}

void MainWindow::on_unlocked() {
  guard_->arm();
  unlock_->message->clear();
  reports_->apply();
  stack_->setCurrentWidget(reports_);
  reports_->table->setFocus();
  update_actions();
}

void MainWindow::on_locked() {
  guard_->disarm();
  // Close every dialog first (confirmations, file pickers, the wizard), so
  // nothing of the vault stays on screen.
  for (QWidget* w : QApplication::topLevelWidgets())
    if (auto* dialog = qobject_cast<QDialog*>(w); dialog && dialog->isVisible()) dialog->reject();
  editor_->clear();
  reports_->clear();
  unlock_->reset(unlock_->folder_edit->text());
  stack_->setCurrentWidget(unlock_);
  update_actions();
}

void MainWindow::show_settings() {
  SettingsDialog dialog(preferences_, this);
  if (dialog.exec() != QDialog::Accepted) return;
  const Preferences p = dialog.preferences();
  p.save();
  set_preferences(p);
}

void MainWindow::update_actions() {
  new_report_action->setEnabled(session_->is_open());
  lock_action->setEnabled(session_->is_open());
}

}  // namespace fieldseal::gui
