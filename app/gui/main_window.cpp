#include "main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

#include "common.hpp"
#include "receipt_dialog.hpp"  // before dashboard_page.hpp: its inline accessor needs the type
#include "dashboard_page.hpp"
#include "field_exchange.hpp"
#include "first_run_wizard.hpp"
#include "hq_import_page.hpp"
#include "lock_guard.hpp"
#include "quarantine_page.hpp"
#include "report_editor.hpp"
#include "report_list_model.hpp"
#include "reports_page.hpp"
#include "settings_dialog.hpp"
#include "unlock_widget.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {
constexpr int kNavigationWidth = 170;
constexpr int kHqPageCount = 4;
}  // namespace

MainWindow::MainWindow(VaultSession* session, Preferences preferences, QWidget* parent)
    : QMainWindow(parent), session_(session), preferences_(std::move(preferences)),
      guard_(new LockGuard(this)) {
  connect(guard_, &LockGuard::lock_requested, this, &MainWindow::lock_now);
  connect(session_, &VaultSession::unlocked, this, &MainWindow::on_unlocked);
  connect(session_, &VaultSession::locked, this, &MainWindow::on_locked);
  build_ui();
  set_preferences(preferences_);
  update_actions();
  resize(1100, 720);
}

void MainWindow::build_ui() {
  setWindowTitle(tr("fieldseal"));
  root_ = new QWidget;
  stack_ = new QStackedWidget;
  unlock_ = new UnlockWidget(session_);
  reports_ = new ReportsPage(session_);
  editor_ = new ReportEditor(session_);
  import_page_ = new HqImportPage(session_);
  quarantine_page_ = new QuarantinePage(session_);
  dashboard_page_ = new DashboardPage(session_);
  field_exchange_ = new FieldExchange(session_, root_);
  for (QWidget* page : std::initializer_list<QWidget*>{unlock_, reports_, editor_, import_page_,
                                                       quarantine_page_, dashboard_page_})
    stack_->addWidget(page);

  navigation_ = new QListWidget;
  navigation_->setAccessibleName(tr("Pages"));
  navigation_->setMaximumWidth(kNavigationWidth);
  navigation_->addItems({tr("Reports"), tr("Import"), tr("Quarantine"), tr("Dashboard")});
  auto* layout = new QHBoxLayout(root_);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(navigation_);
  layout->addWidget(stack_, 1);
  setCentralWidget(root_);

  new_report_action = new QAction(tr("&New report"), root_);
  new_report_action->setShortcut(QKeySequence::New);
  lock_action = new QAction(tr("&Lock"), root_);
  lock_action->setShortcut(QKeySequence(tr("Ctrl+L")));
  panic_action = new QAction(tr("&Panic"), root_);
  panic_action->setShortcut(QKeySequence(tr("Ctrl+Shift+Del")));
  panic_action->setShortcutContext(Qt::ApplicationShortcut);
  lock_action->setShortcutContext(Qt::ApplicationShortcut);
  settings_action = new QAction(tr("&Settings…"), root_);
  quit_action = new QAction(tr("&Quit"), root_);
  quit_action->setShortcut(QKeySequence::Quit);

  export_action = new QAction(tr("&Export to HQ…"), root_);
  export_action->setShortcut(QKeySequence(tr("Ctrl+E")));
  import_receipt_action = new QAction(tr("&Import receipt…"), root_);
  import_receipt_action->setShortcut(QKeySequence(tr("Ctrl+R")));
  purge_delivered_action = new QAction(tr("&Purge delivered…"), root_);
  import_bundles_action = new QAction(tr("&Import bundles…"), root_);
  import_bundles_action->setShortcut(QKeySequence(tr("Ctrl+I")));
  create_receipt_action = new QAction(tr("Create &receipt…"), root_);
  create_receipt_action->setShortcut(QKeySequence(tr("Ctrl+R")));
  go_actions.clear();
  const QStringList go_texts = {tr("&Reports"), tr("&Import"), tr("&Quarantine"),
                                tr("&Dashboard")};
  for (int i = 0; i < kHqPageCount; ++i) {
    auto* action = new QAction(go_texts[i], root_);
    action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    connect(action, &QAction::triggered, this,
            [this, i]() { show_hq_page(static_cast<HqPage>(i)); });
    go_actions << action;
  }

  menuBar()->clear();
  auto* vault_menu = new QMenu(tr("&Vault"), root_);
  vault_menu->addAction(new_report_action);
  vault_menu->addSeparator();
  vault_menu->addAction(lock_action);
  vault_menu->addAction(panic_action);
  vault_menu->addSeparator();
  vault_menu->addAction(settings_action);
  vault_menu->addAction(quit_action);
  menuBar()->addMenu(vault_menu);
  exchange_menu = new QMenu(tr("&Exchange"), root_);
  for (QAction* a : {export_action, import_receipt_action, purge_delivered_action,
                     import_bundles_action, create_receipt_action})
    exchange_menu->addAction(a);
  menuBar()->addMenu(exchange_menu);
  go_menu = new QMenu(tr("&Go"), root_);
  go_menu->addActions(go_actions);
  menuBar()->addMenu(go_menu);

  toolbar_ = new QToolBar(tr("Actions"));
  toolbar_->setObjectName(QStringLiteral("actions"));
  toolbar_->setMovable(false);
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  addToolBar(toolbar_);
  toolbar_->addAction(new_report_action);
  toolbar_->addAction(lock_action);
  toolbar_->addSeparator();
  for (QAction* a : {export_action, import_receipt_action, purge_delivered_action,
                     import_bundles_action, create_receipt_action})
    toolbar_->addAction(a);
  auto* spacer = new QWidget;
  spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  toolbar_->addWidget(spacer);
  toolbar_->addAction(panic_action);
  if (QWidget* panic_button = toolbar_->widgetForAction(panic_action)) {
    panic_button->setStyleSheet(QStringLiteral(
        "QToolButton { background: #b00020; color: white; font-weight: bold; padding: 4px 14px; }"));
    panic_button->setAccessibleName(tr("Panic"));
  }
  for (QAction* a : toolbar_->actions())
    if (QWidget* w = toolbar_->widgetForAction(a); w && w->accessibleName().isEmpty()) {
      QString name = a->text();
      w->setAccessibleName(name.remove(u'&').remove(u'…'));
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
  connect(export_action, &QAction::triggered, this, [this]() {
    if (session_->role() == storage::Role::field)
      field_exchange_->export_reports(reports_->selected_ids());
  });
  connect(import_receipt_action, &QAction::triggered, this, [this]() {
    if (session_->role() == storage::Role::field) field_exchange_->import_receipts();
  });
  connect(purge_delivered_action, &QAction::triggered, this, [this]() {
    if (session_->role() == storage::Role::field) field_exchange_->purge_delivered();
  });
  connect(import_bundles_action, &QAction::triggered, this,
          [this]() { show_hq_page(HqPage::import); });
  connect(create_receipt_action, &QAction::triggered, this, [this]() {
    if (session_->role() == storage::Role::hq) dashboard_page_->create_receipt();
  });
  connect(navigation_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0 && row < kHqPageCount) show_hq_page(static_cast<HqPage>(row));
  });

  connect(unlock_, &UnlockWidget::create_requested, this, &MainWindow::open_wizard);
  connect(reports_, &ReportsPage::new_report, new_report_action, &QAction::trigger);
  connect(reports_, &ReportsPage::open_report, this, &MainWindow::open_report);
  connect(editor_, &ReportEditor::changed_in_vault, this, &MainWindow::reload_lists);
  connect(editor_, &ReportEditor::close_requested, this, &MainWindow::close_editor);
  connect(field_exchange_, &FieldExchange::vault_changed, this, &MainWindow::reload_lists);
  connect(import_page_, &HqImportPage::vault_changed, this, &MainWindow::reload_lists);
  connect(import_page_, &HqImportPage::quarantine_changed, quarantine_page_,
          &QuarantinePage::reload);
  connect(quarantine_page_, &QuarantinePage::vault_changed, this, &MainWindow::reload_lists);
}

void MainWindow::set_language(const QString& language) {
  preferences_.language = language;
  install_language(preferences_.effective_language());
  rebuild_ui();
}

void MainWindow::rebuild_ui() {
  const QWidget* current = stack_->currentWidget();
  const bool was_editor = current == editor_;
  const QString report_id = editor_->report_id();
  const int hq_row = navigation_->currentRow();
  const QString folder = unlock_->folder_edit->text();
  const QString unlock_message = unlock_->message->text();
  const bool unlocking = unlock_->busy();

  field_exchange_->close_dialogs();
  dashboard_page_->close_dialogs();
  // Deleted later: this may run inside a slot of an action being replaced.
  QWidget* old_root = takeCentralWidget();
  old_root->hide();
  old_root->deleteLater();
  removeToolBar(toolbar_);
  toolbar_->deleteLater();

  build_ui();
  set_preferences(preferences_);
  if (!unlocking) unlock_->reset(folder);
  else unlock_->folder_edit->setText(folder);
  unlock_->message->setText(unlock_message);
  update_actions();
  if (!session_->is_open()) {
    stack_->setCurrentWidget(unlock_);
    return;
  }
  guard_->arm();
  reports_->apply();
  if (session_->role() == storage::Role::hq && hq_row > 0 && !was_editor) {
    show_hq_page(static_cast<HqPage>(hq_row));
  } else if (was_editor) {
    if (report_id.isEmpty()) editor_->open_new();
    else editor_->open_report(report_id);
    stack_->setCurrentWidget(editor_);
  } else {
    stack_->setCurrentWidget(reports_);
  }
}

void MainWindow::set_preferences(const Preferences& preferences) {
  preferences_ = preferences;
  guard_->set_timeout_ms(preferences_.idle_minutes * 60 * 1000);
  update_panic_tooltip();
}

void MainWindow::update_panic_tooltip() {
  const QString keys = panic_action->shortcut().toString(QKeySequence::NativeText);
  panic_action->setToolTip(preferences_.panic == PanicAction::wipe
                               ? tr("Destroy the vault now (%1)").arg(keys)
                               : tr("Lock the vault now (%1)").arg(keys));
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

void MainWindow::show_hq_page(HqPage page) {
  if (session_->role() != storage::Role::hq) return;
  const int row = static_cast<int>(page);
  if (navigation_->currentRow() != row) {
    const QSignalBlocker block(navigation_);
    navigation_->setCurrentRow(row);
  }
  switch (page) {
    case HqPage::reports:
      // An open report belongs to the Reports page: it stays open.
      if (stack_->currentWidget() != editor_) {
        stack_->setCurrentWidget(reports_);
        reports_->table->setFocus();
      }
      break;
    case HqPage::import:
      stack_->setCurrentWidget(import_page_);
      break;
    case HqPage::quarantine:
      quarantine_page_->reload();
      stack_->setCurrentWidget(quarantine_page_);
      break;
    case HqPage::dashboard:
      dashboard_page_->reload();
      stack_->setCurrentWidget(dashboard_page_);
      break;
  }
  if (page == HqPage::reports || navigation_->hasFocus()) return;
  // Keyboard users land on the page's first control.
  QWidget* shown = stack_->currentWidget();
  for (QWidget* w = shown->nextInFocusChain(); w && w != shown; w = w->nextInFocusChain())
    if (shown->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isEnabled() &&
        w->isVisibleTo(shown)) {
      w->setFocus(Qt::ShortcutFocusReason);
      return;
    }
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
  update_actions();
  reports_->apply();
  if (session_->role() == storage::Role::hq) {
    const QSignalBlocker block(navigation_);
    navigation_->setCurrentRow(static_cast<int>(HqPage::reports));
  }
  stack_->setCurrentWidget(reports_);
  reports_->table->setFocus();
}

void MainWindow::on_locked() {
  guard_->disarm();
  // Close every dialog first (confirmations, file pickers, the wizard), so
  // nothing of the vault stays on screen.
  field_exchange_->close_dialogs();
  dashboard_page_->close_dialogs();
  for (QWidget* w : QApplication::topLevelWidgets())
    if (auto* dialog = qobject_cast<QDialog*>(w); dialog && dialog->isVisible()) dialog->reject();
  editor_->clear();
  reports_->clear();
  import_page_->clear();
  quarantine_page_->clear();
  dashboard_page_->clear();
  unlock_->reset(unlock_->folder_edit->text());
  stack_->setCurrentWidget(unlock_);
  update_actions();
}

void MainWindow::reload_lists() {
  if (!session_->is_open()) return;
  reports_->model()->reload();
  if (session_->role() == storage::Role::hq) {
    if (stack_->currentWidget() == dashboard_page_) dashboard_page_->reload();
    if (stack_->currentWidget() == quarantine_page_) quarantine_page_->reload();
  }
}

void MainWindow::open_report(const QString& id) {
  editor_->open_report(id);
  stack_->setCurrentWidget(editor_);
}

void MainWindow::close_editor() {
  editor_->clear();
  stack_->setCurrentWidget(reports_);
  reports_->table->setFocus();
}

void MainWindow::show_settings() {
  SettingsDialog dialog(preferences_, this);
  if (dialog.exec() != QDialog::Accepted) return;
  const Preferences p = dialog.preferences();
  const bool new_language = p.effective_language() != preferences_.effective_language();
  if (new_language && stack_->currentWidget() == editor_ && editor_->editable() &&
      !confirm(this, tr("Change the language"),
               tr("The open report is reloaded in the new language: changes not yet saved "
                  "are lost."),
               tr("Change now")))
    return;
  p.save();
  set_preferences(p);
  if (new_language) set_language(p.language);
}

void MainWindow::update_actions() {
  const bool open = session_->is_open();
  const auto role = session_->role();
  const bool field = open && role == storage::Role::field;
  const bool hq = open && role == storage::Role::hq;
  new_report_action->setEnabled(open);
  lock_action->setEnabled(open);
  for (QAction* a : {export_action, import_receipt_action, purge_delivered_action}) {
    a->setVisible(field);
    a->setEnabled(field);
  }
  for (QAction* a : {import_bundles_action, create_receipt_action}) {
    a->setVisible(hq);
    a->setEnabled(hq);
  }
  for (QAction* a : go_actions) a->setEnabled(hq);
  exchange_menu->menuAction()->setVisible(open);
  go_menu->menuAction()->setVisible(hq);
  navigation_->setVisible(hq);
}

}  // namespace fieldseal::gui
