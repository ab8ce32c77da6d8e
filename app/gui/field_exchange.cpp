#include "field_exchange.hpp"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWidget>
#include <filesystem>
#include <optional>
#include <vector>

#include "common.hpp"
#include "export_dialog.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "file_picker.hpp"
#include "transport_messages.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

constexpr int kPathRole = Qt::UserRole;

struct PurgeCount {
  std::optional<storage::Error> error;
  std::size_t count = 0;
};

struct PurgeRun {
  std::optional<transport::Error> error;
  std::optional<storage::Error> detail;
  std::size_t purged = 0;
};

}  // namespace

// ---------------------------------------------------------------- receipts

struct ReceiptImportDialog::Applied {
  int row = 0;
  std::optional<transport::Error> error;
  std::optional<storage::Error> detail;
  transport::ReceiptApplied applied;
};

ReceiptImportDialog::ReceiptImportDialog(VaultSession* session, QWidget* parent)
    : QDialog(parent),
      table(new QTableWidget(0, columns)),
      add_button(new QPushButton(tr("&Add file…"))),
      remove_button(new QPushButton(tr("&Remove"))),
      import_button(new QPushButton(tr("&Import"))),
      close_button(new QPushButton(tr("&Close"))),
      status(new QLabel),
      session_(session) {
  setWindowTitle(tr("Import HQ's receipts"));
  setModal(true);
  auto* note = new QLabel(
      tr("A receipt is a file HQ sends back once it holds your reports. Importing it marks those "
         "reports delivered; only delivered reports can be purged."));
  note->setWordWrap(true);
  table->setHorizontalHeaderLabels({tr("File"), tr("Result")});
  table->setAccessibleName(tr("Receipt files and results"));
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setTabKeyNavigation(false);
  table->setWordWrap(true);
  table->verticalHeader()->setVisible(false);
  table->horizontalHeader()->setSectionResizeMode(column_file, QHeaderView::Interactive);
  table->horizontalHeader()->setStretchLastSection(true);
  table->setColumnWidth(column_file, 220);
  auto* table_label = new QLabel(tr("Receipt &files:"));
  table_label->setBuddy(table);
  add_button->setAccessibleName(tr("Add a receipt file"));
  remove_button->setAccessibleName(tr("Remove the selected file"));
  import_button->setAccessibleName(tr("Import the receipts"));
  close_button->setAccessibleName(tr("Close"));
  import_button->setDefault(true);
  close_button->setAutoDefault(false);
  status->setWordWrap(true);
  status->setAccessibleName(tr("Receipt import status"));

  auto* side = new QHBoxLayout;
  side->addWidget(add_button);
  side->addWidget(remove_button);
  side->addStretch(1);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(import_button, QDialogButtonBox::ActionRole);
  buttons->addButton(close_button, QDialogButtonBox::RejectRole);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(note);
  layout->addWidget(table_label);
  layout->addWidget(table, 1);
  layout->addLayout(side);
  layout->addWidget(status);
  layout->addWidget(buttons);

  connect(add_button, &QPushButton::clicked, this, &ReceiptImportDialog::choose_file);
  connect(remove_button, &QPushButton::clicked, this, [this] {
    const int row = table->currentRow();
    if (row >= 0 && !busy_) table->removeRow(row);
    update_buttons();
  });
  connect(import_button, &QPushButton::clicked, this, &ReceiptImportDialog::import_files);
  connect(close_button, &QPushButton::clicked, this, &QDialog::reject);
  connect(table, &QTableWidget::currentCellChanged, this, [this] { update_buttons(); });
  setTabOrder(table, add_button);
  setTabOrder(add_button, remove_button);
  setTabOrder(remove_button, import_button);
  setTabOrder(import_button, close_button);
  resize(720, 400);
  update_buttons();
  add_button->setFocus();
}

QStringList ReceiptImportDialog::files() const {
  QStringList paths;
  for (int r = 0; r < table->rowCount(); ++r) paths << table->item(r, column_file)->data(kPathRole).toString();
  return paths;
}

QString ReceiptImportDialog::result_text(int row) const {
  const QTableWidgetItem* item = table->item(row, column_result);
  return item ? item->text() : QString();
}

void ReceiptImportDialog::add_files(const QStringList& paths) {
  QStringList known = files();
  for (const QString& path : paths) {
    const QString clean = QDir::cleanPath(path);
    if (clean.isEmpty() || known.contains(clean) || QFileInfo(clean).isDir()) continue;
    known << clean;
    const int row = table->rowCount();
    table->insertRow(row);
    auto* file = new QTableWidgetItem(QFileInfo(clean).fileName());
    file->setData(kPathRole, clean);
    file->setToolTip(QDir::toNativeSeparators(clean));
    table->setItem(row, column_file, file);
    table->setItem(row, column_result, new QTableWidgetItem);
    table->setCurrentCell(row, column_file);
  }
  update_buttons();
}

void ReceiptImportDialog::choose_file() {
  const QString path = FilePicker::open_file(this, tr("HQ's receipt"));
  if (!path.isEmpty()) add_files({path});
}

void ReceiptImportDialog::update_buttons() {
  bool pending = false;
  for (int r = 0; r < table->rowCount(); ++r) pending = pending || result_text(r).isEmpty();
  import_button->setEnabled(!busy_ && pending);
  add_button->setEnabled(!busy_);
  remove_button->setEnabled(!busy_ && table->currentRow() >= 0);
  close_button->setEnabled(!busy_);
}

void ReceiptImportDialog::import_files() {
  if (busy_) return;
  std::vector<std::pair<int, std::string>> pending;
  for (int r = 0; r < table->rowCount(); ++r)
    if (result_text(r).isEmpty()) pending.emplace_back(r, utf8(table->item(r, column_file)->data(kPathRole).toString()));
  if (pending.empty()) return;
  busy_ = true;
  status->setText(tr("Checking the receipts…"));
  update_buttons();
  session_->run<std::vector<Applied>>(
      this,
      [pending = std::move(pending)](storage::Vault* vault) {
        std::vector<Applied> out;
        for (const auto& [row, path] : pending) {
          Applied a;
          a.row = row;
          if (!vault) {
            a.error = transport::Error::vault_failed;
            a.detail = storage::Error::vault_not_found;
          } else if (auto applied = transport::apply_receipt_file(*vault, std::filesystem::path(path))) {
            a.applied = std::move(*applied);
          } else {
            a.error = applied.error();
            if (applied.error() == transport::Error::vault_failed) a.detail = transport::last_storage_error();
          }
          out.push_back(std::move(a));
        }
        return out;
      },
      [this](std::vector<Applied> applied) { show_applied(applied); });
}

void ReceiptImportDialog::show_applied(const std::vector<Applied>& applied) {
  busy_ = false;
  bool changed = false;
  int rejected = 0;
  for (const Applied& a : applied) {
    if (a.row >= table->rowCount()) continue;
    QString text;
    if (a.error) {
      ++rejected;
      text = tr("Rejected: %1 Nothing was changed.").arg(TransportMessages::error(*a.error, a.detail));
    } else {
      const auto& r = a.applied;
      const auto n = [](std::size_t v) { return static_cast<int>(v); };
      QStringList parts;
      parts << tr("%n report(s) newly delivered", nullptr, n(r.newly_delivered));
      if (r.already_delivered > 0) parts << tr("%n already delivered", nullptr, n(r.already_delivered));
      if (r.unknown > 0)
        parts << tr("%n not exported from here to this HQ (ignored)", nullptr, n(r.unknown));
      if (r.outdated > 0)
        parts << tr("%n amended since (still not delivered; export them again)", nullptr,
                    n(r.outdated));
      if (r.purged > 0) parts << tr("%n purged at once (purge on receipt)", nullptr, n(r.purged));
      text = tr("Receipt from %1: %2.").arg(qs(r.hq_name), parts.join(QStringLiteral(", ")));
      changed = changed || r.newly_delivered > 0 || r.purged > 0;
    }
    table->item(a.row, column_result)->setText(text);
    table->item(a.row, column_result)->setToolTip(text);
  }
  table->resizeRowsToContents();
  status->setText(rejected == 0 ? tr("Done.")
                                : tr("%n receipt(s) rejected; the others were applied.", nullptr, rejected));
  update_buttons();
  close_button->setDefault(true);
  if (changed) emit vault_changed();
}

// ---------------------------------------------------------------- FieldExchange

FieldExchange::FieldExchange(VaultSession* session, QWidget* parent_widget)
    : QObject(parent_widget), session_(session), parent_widget_(parent_widget) {}

ExportDialog* FieldExchange::export_dialog() const { return export_dialog_; }

void FieldExchange::export_reports(const QStringList& preselected) {
  if (export_dialog_) {
    export_dialog_->raise();
    export_dialog_->activateWindow();
    return;
  }
  auto* dialog = new ExportDialog(session_, preselected, parent_widget_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &ExportDialog::exported, this, &FieldExchange::vault_changed);
  export_dialog_ = dialog;
  dialog->open();
}

void FieldExchange::import_receipts() {
  if (receipt_dialog_) {
    receipt_dialog_->raise();
    receipt_dialog_->activateWindow();
    return;
  }
  auto* dialog = new ReceiptImportDialog(session_, parent_widget_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &ReceiptImportDialog::vault_changed, this, &FieldExchange::vault_changed);
  receipt_dialog_ = dialog;
  dialog->open();
}

void FieldExchange::show_box(QMessageBox::Icon icon, const QString& title, const QString& text) {
  if (box_) box_->deleteLater();
  auto* box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent_widget_);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->addButton(Messages::tr("OK"), QMessageBox::AcceptRole);
  box_ = box;
  box->open();
}

void FieldExchange::purge_delivered() {
  if (busy_) return;
  busy_ = true;
  session_->run<PurgeCount>(
      this,
      [](storage::Vault* vault) {
        PurgeCount out;
        if (!vault) {
          out.error = storage::Error::vault_not_found;
        } else if (vault->role() != storage::Role::field) {
          out.error = storage::Error::wrong_role;
        } else if (auto ids = storage::delivered_unpurged_reports(vault->database())) {
          out.count = ids->size();
        } else {
          out.error = ids.error();
        }
        return out;
      },
      [this](PurgeCount counted) {
        if (counted.error) {
          busy_ = false;
          show_box(QMessageBox::Warning, tr("Purge delivered reports"), Messages::error(*counted.error));
          return;
        }
        if (counted.count == 0) {
          busy_ = false;
          show_box(QMessageBox::Information, tr("Purge delivered reports"),
                   tr("No report is waiting to be purged: HQ's receipts have not confirmed any "
                      "report that is still here."));
          return;
        }
        confirm_purge(counted.count);
      });
}

void FieldExchange::confirm_purge(std::size_t count) {
  if (box_) box_->deleteLater();
  const int n = static_cast<int>(count);
  auto* box = new QMessageBox(
      QMessageBox::Question, tr("Purge delivered reports"),
      tr("Purge %n delivered report(s)?", nullptr, n) + QStringLiteral("\n\n") +
          tr("HQ's receipts confirm it holds them. Their content and attachments will be erased "
             "from this vault for good; a stub (id, hash, dates, delivery state) and the custody "
             "log stay. This cannot be undone."),
      QMessageBox::NoButton, parent_widget_);
  box->setAttribute(Qt::WA_DeleteOnClose);
  QPushButton* yes = box->addButton(tr("&Purge %n report(s)", nullptr, n), QMessageBox::AcceptRole);
  QPushButton* no = box->addButton(Messages::tr("Cancel"), QMessageBox::RejectRole);
  yes->setAccessibleName(tr("Purge"));
  box->setDefaultButton(no);
  box->setEscapeButton(no);
  connect(box, &QMessageBox::finished, this, [this, box, yes] {
    if (box->clickedButton() == yes) {
      run_purge();
    } else {
      busy_ = false;
    }
  });
  box_ = box;
  box->open();
}

void FieldExchange::run_purge() {
  session_->run<PurgeRun>(
      this,
      [](storage::Vault* vault) {
        PurgeRun out;
        if (!vault) {
          out.error = transport::Error::vault_failed;
          out.detail = storage::Error::vault_not_found;
        } else if (auto purged = transport::purge_delivered(*vault)) {
          out.purged = *purged;
        } else {
          out.error = purged.error();
          if (purged.error() == transport::Error::vault_failed) out.detail = transport::last_storage_error();
        }
        return out;
      },
      [this](PurgeRun run) {
        busy_ = false;
        if (run.error) {
          show_box(QMessageBox::Warning, tr("Purge delivered reports"),
                   tr("The purge failed: %1 Nothing was purged.")
                       .arg(TransportMessages::error(*run.error, run.detail)));
          return;
        }
        show_box(QMessageBox::Information, tr("Purge delivered reports"),
                 tr("Purged %n report(s). Their stubs stay in the list, marked purged.", nullptr,
                    static_cast<int>(run.purged)));
        if (run.purged > 0) emit vault_changed();
      });
}

void FieldExchange::close_dialogs() {
  if (export_dialog_) {
    export_dialog_->cancel_export();
    export_dialog_->hide();
    export_dialog_->deleteLater();
    export_dialog_ = nullptr;
  }
  for (QDialog* d : std::initializer_list<QDialog*>{receipt_dialog_, box_}) {
    if (!d) continue;
    d->hide();
    d->deleteLater();
  }
  receipt_dialog_ = nullptr;
  box_ = nullptr;
  busy_ = false;
}

}  // namespace fieldseal::gui
