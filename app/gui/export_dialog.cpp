#include "export_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStorageInfo>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include "common.hpp"
#include "transport_messages.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "file_picker.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

constexpr int kIdRole = Qt::UserRole;       // report id; destination folder
constexpr int kDriveRole = Qt::UserRole + 1;  // destination: a removable drive
constexpr int kRecipientListRows = 3;

// IEC units (KiB, MiB), as the split presets are given, in the UI's language.
QString size_text(std::uint64_t bytes) {
  const QLocale locale(ui_language() == storage::Language::ru ? QLocale::Russian : QLocale::English);
  return locale.formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeIecFormat);
}

}  // namespace

struct ExportDialog::Loaded {
  std::optional<storage::Error> error;
  std::vector<std::string> hq_names;
  std::vector<storage::ReportSummary> reports;
};

struct ExportDialog::Outcome {
  std::optional<transport::Error> error;
  std::optional<storage::Error> storage_error;
  transport::ExportResult result;
  std::vector<std::uint64_t> sizes;
};

bool ExportDialog::looks_removable(const QString& root, const QString& device) {
  for (const char* prefix : {"/media/", "/run/media/", "/mnt/", "/Volumes/"})
    if (root.startsWith(QLatin1String(prefix))) return true;
  const QString d = device.toLower();
  return d.contains(QLatin1String("usb")) || d.startsWith(QLatin1String("/dev/mmcblk"));
}

std::vector<ExportDialog::Volume> ExportDialog::removable_volumes() {
  std::vector<Volume> volumes;
  for (const QStorageInfo& v : QStorageInfo::mountedVolumes()) {
    if (!v.isValid() || !v.isReady() || v.isReadOnly()) continue;
    if (!looks_removable(v.rootPath(), QString::fromLocal8Bit(v.device()))) continue;
    volumes.push_back(Volume{v.rootPath(), v.displayName(),
                             static_cast<std::uint64_t>(std::max<qint64>(0, v.bytesAvailable()))});
  }
  return volumes;
}

ExportDialog::ExportDialog(VaultSession* session, const QStringList& preselected, QWidget* parent)
    : QDialog(parent),
      recipients_list(new QListWidget),
      reports_table(new QTableWidget(0, report_columns)),
      tick_all_button(new QPushButton(tr("Tick &all"))),
      tick_none_button(new QPushButton(tr("Tick &none"))),
      destination_combo(new QComboBox),
      folder_button(new QPushButton(tr("Other &folder…"))),
      split_combo(new QComboBox),
      custom_split(new QSpinBox),
      armor_check(new QCheckBox(tr("ASCII ar&mor (for channels that accept only text)"))),
      progress(new QProgressBar),
      status(new QLabel),
      statement(new QPlainTextEdit),
      export_button(new QPushButton(tr("&Export"))),
      cancel_button(new QPushButton(tr("Cancel"))),
      close_button(new QPushButton(tr("&Close"))),
      session_(session),
      preselected_(preselected) {
  setWindowTitle(tr("Export reports to HQ"));
  setModal(true);

  recipients_list->setAccessibleName(tr("HQ recipients"));
  recipients_list->setMaximumHeight(recipients_list->sizeHintForRow(0) * kRecipientListRows +
                                    4 * recipients_list->frameWidth() + 48);
  auto* recipients_label = new QLabel(tr("HQ &recipients (the bundle opens only with their keys):"));
  recipients_label->setBuddy(recipients_list);
  recipients_label->setWordWrap(true);

  reports_table->setHorizontalHeaderLabels({tr("Report"), tr("Incident date"), tr("Delivery")});
  reports_table->setAccessibleName(tr("Reports to export"));
  reports_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  reports_table->setSelectionMode(QAbstractItemView::SingleSelection);
  reports_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  reports_table->setTabKeyNavigation(false);
  reports_table->verticalHeader()->setVisible(false);
  reports_table->horizontalHeader()->setSectionResizeMode(column_title, QHeaderView::Stretch);
  reports_table->horizontalHeader()->setSectionResizeMode(column_incident,
                                                          QHeaderView::ResizeToContents);
  reports_table->horizontalHeader()->setSectionResizeMode(column_delivery,
                                                          QHeaderView::ResizeToContents);
  auto* reports_label = new QLabel(tr("Re&ports (ticked: not yet confirmed by HQ):"));
  reports_label->setBuddy(reports_table);
  reports_label->setWordWrap(true);
  tick_all_button->setAccessibleName(tr("Tick all reports"));
  tick_none_button->setAccessibleName(tr("Tick no report"));

  destination_combo->setAccessibleName(tr("Destination"));
  destination_combo->setPlaceholderText(tr("No removable drive found: choose a folder"));
  destination_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  destination_combo->setMinimumContentsLength(24);
  folder_button->setAccessibleName(tr("Choose another folder"));

  split_combo->addItem(tr("One file (no split)"));
  split_combo->addItem(tr("Signal: parts of 95 MiB (limit 100 MB)"));
  split_combo->addItem(tr("Telegram: parts of 1900 MiB (limit 2 GB)"));
  split_combo->addItem(tr("E-mail: parts of 20 MiB"));
  split_combo->addItem(tr("Custom part size"));
  split_combo->setAccessibleName(tr("Split into parts"));
  custom_split->setRange(kMinCustomMiB, kMaxCustomMiB);
  custom_split->setValue(static_cast<int>(kEmailPartBytes / kMiB));
  custom_split->setSuffix(tr(" MiB"));
  custom_split->setAccessibleName(tr("Custom part size in MiB"));
  custom_split->setEnabled(false);
  armor_check->setAccessibleName(tr("ASCII armor"));

  auto* destination_row = new QHBoxLayout;
  destination_row->addWidget(destination_combo, 1);
  destination_row->addWidget(folder_button);
  auto* split_row = new QHBoxLayout;
  split_row->addWidget(split_combo, 1);
  split_row->addWidget(custom_split);
  auto* form = new QFormLayout;
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  auto* destination_label = new QLabel(tr("&Destination:"));
  destination_label->setBuddy(destination_combo);
  auto* split_label = new QLabel(tr("&Split for:"));
  split_label->setBuddy(split_combo);
  form->addRow(destination_label, destination_row);
  form->addRow(split_label, split_row);
  form->addRow(QString(), armor_check);

  progress->setRange(0, kProgressSteps);
  progress->setValue(0);
  progress->setAccessibleName(tr("Export progress"));
  progress->setVisible(false);
  status->setWordWrap(true);
  status->setAccessibleName(tr("Export status"));
  status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  statement->setReadOnly(true);
  statement->setAccessibleName(tr("What was written"));
  statement->setTabChangesFocus(true);
  statement->setVisible(false);

  export_button->setAccessibleName(tr("Export"));
  export_button->setDefault(true);
  cancel_button->setAccessibleName(tr("Cancel the export"));
  cancel_button->setEnabled(false);
  close_button->setAccessibleName(tr("Close"));
  close_button->setAutoDefault(false);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(export_button, QDialogButtonBox::ActionRole);
  buttons->addButton(cancel_button, QDialogButtonBox::ActionRole);
  buttons->addButton(close_button, QDialogButtonBox::RejectRole);

  auto* tick_row = new QHBoxLayout;
  tick_row->addWidget(tick_all_button);
  tick_row->addWidget(tick_none_button);
  tick_row->addStretch(1);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(recipients_label);
  layout->addWidget(recipients_list);
  layout->addWidget(reports_label);
  layout->addWidget(reports_table, 1);
  layout->addLayout(tick_row);
  layout->addLayout(form);
  layout->addWidget(progress);
  layout->addWidget(status);
  layout->addWidget(statement, 1);
  layout->addWidget(buttons);

  connect(recipients_list, &QListWidget::itemChanged, this, [this] { update_buttons(); });
  connect(reports_table, &QTableWidget::itemChanged, this, [this] { update_buttons(); });
  connect(tick_all_button, &QPushButton::clicked, this, [this] { tick_all_reports(true); });
  connect(tick_none_button, &QPushButton::clicked, this, [this] { tick_all_reports(false); });
  connect(folder_button, &QPushButton::clicked, this, &ExportDialog::choose_folder);
  connect(destination_combo, &QComboBox::currentIndexChanged, this, [this] { update_buttons(); });
  connect(split_combo, &QComboBox::currentIndexChanged, this,
          [this](int index) { custom_split->setEnabled(!busy_ && index == split_custom); });
  connect(export_button, &QPushButton::clicked, this, &ExportDialog::start_export);
  connect(cancel_button, &QPushButton::clicked, this, &ExportDialog::cancel_export);
  connect(close_button, &QPushButton::clicked, this, &ExportDialog::reject);

  const std::initializer_list<QWidget*> order{recipients_list, reports_table, tick_all_button,
                                              tick_none_button, destination_combo, folder_button,
                                              split_combo, custom_split, armor_check, statement,
                                              export_button, cancel_button, close_button};
  for (auto it = order.begin(); it + 1 != order.end(); ++it) setTabOrder(*it, *(it + 1));
  resize(760, 620);
  recipients_list->setFocus();
  reload();
}

ExportDialog::~ExportDialog() {
  if (cancel_) cancel_->store(true);
}

void ExportDialog::reload() {
  loading_ = true;
  update_buttons();
  destination_combo->blockSignals(true);
  const QString chosen = destination();
  for (int i = destination_combo->count() - 1; i >= 0; --i)
    if (destination_combo->itemData(i, kDriveRole).toBool()) destination_combo->removeItem(i);
  int drives = 0;
  for (const Volume& v : removable_volumes()) {
    destination_combo->insertItem(drives, tr("%1 — %2 free (%3)").arg(v.name, size_text(v.free_bytes),
                                                                        QDir::toNativeSeparators(v.root)),
                                  v.root);
    destination_combo->setItemData(drives, true, kDriveRole);
    ++drives;
  }
  const int again = chosen.isEmpty() ? -1 : destination_combo->findData(chosen);
  destination_combo->setCurrentIndex(again >= 0 ? again : (destination_combo->count() > 0 ? 0 : -1));
  destination_combo->blockSignals(false);

  session_->run<Loaded>(
      this,
      [](storage::Vault* vault) -> Loaded {
        Loaded out;
        if (!vault) {
          out.error = storage::Error::vault_not_found;
          return out;
        }
        auto contacts = storage::list_contacts(vault->database());
        if (!contacts) {
          out.error = contacts.error();
          return out;
        }
        for (const auto& c : *contacts)
          if (c.card.role == crypto::CardRole::hq) out.hq_names.push_back(c.card.name);
        storage::ReportFilter filter;
        filter.status = storage::ReportStatus::final;
        filter.limit = storage::kMaxListLimit;
        for (;;) {
          auto page = storage::list_reports(vault->database(), filter);
          if (!page) {
            out.error = page.error();
            return out;
          }
          const auto got = static_cast<std::int64_t>(page->size());
          for (auto& r : *page) out.reports.push_back(std::move(r));
          if (got < filter.limit) break;
          filter.offset += filter.limit;
        }
        return out;
      },
      [this](Loaded loaded) { show_loaded(std::move(loaded)); });
}

void ExportDialog::show_loaded(Loaded loaded) {
  loading_ = false;
  if (loaded.error) {
    status->setText(Messages::error(*loaded.error));
    update_buttons();
    return;
  }
  QStringList ticked_before = ticked_recipients();
  recipients_list->blockSignals(true);
  recipients_list->clear();
  for (const auto& name : loaded.hq_names) {
    auto* item = new QListWidgetItem(qs(name), recipients_list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    const bool tick = loaded.hq_names.size() == 1 || ticked_before.contains(qs(name));
    item->setCheckState(tick ? Qt::Checked : Qt::Unchecked);
  }
  if (recipients_list->count() > 0) recipients_list->setCurrentRow(0);
  recipients_list->blockSignals(false);

  reports_table->blockSignals(true);
  reports_table->setRowCount(0);
  reports_table->setRowCount(static_cast<int>(loaded.reports.size()));
  int row = 0;
  for (const auto& r : loaded.reports) {
    const QString id = qs(r.id);
    auto* title = new QTableWidgetItem(qs(r.title));
    title->setData(kIdRole, id);
    title->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    const bool tick = preselected_.isEmpty() ? r.delivery != storage::DeliveryState::delivered
                                             : preselected_.contains(id);
    title->setCheckState(tick ? Qt::Checked : Qt::Unchecked);
    auto* date = new QTableWidgetItem(r.start.value.empty() ? tr("unknown") : qs(r.start.value));
    auto* state = new QTableWidgetItem(qs(storage::label(r.delivery, ui_language())));
    for (auto* item : {date, state}) item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    reports_table->setItem(row, column_title, title);
    reports_table->setItem(row, column_incident, date);
    reports_table->setItem(row, column_delivery, state);
    ++row;
  }
  if (row > 0) reports_table->setCurrentCell(0, column_title);
  reports_table->blockSignals(false);
  // Preselection applies to the first listing only; later reloads follow the state.
  preselected_.clear();

  if (loaded.hq_names.empty()) {
    status->setText(tr("There is no HQ contact yet: import HQ's card first."));
  } else if (loaded.reports.empty()) {
    status->setText(tr("There is no final report to export. Finalize a report first."));
  }
  update_buttons();
}

void ExportDialog::set_destination(const QString& folder) {
  const QString clean = QDir::cleanPath(folder);
  int index = destination_combo->findData(clean);
  if (index < 0) {
    destination_combo->addItem(QDir::toNativeSeparators(clean), clean);
    index = destination_combo->count() - 1;
  }
  destination_combo->setCurrentIndex(index);
  update_buttons();
}

void ExportDialog::choose_folder() {
  const QString folder = FilePicker::choose_folder(this, tr("Folder for the bundle"), destination());
  if (!folder.isEmpty()) set_destination(folder);
}

void ExportDialog::tick_all_reports(bool ticked) {
  reports_table->blockSignals(true);
  for (int r = 0; r < reports_table->rowCount(); ++r)
    reports_table->item(r, column_title)->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
  reports_table->blockSignals(false);
  update_buttons();
}

QString ExportDialog::destination() const {
  return destination_combo->currentData(kIdRole).toString();
}

std::uint64_t ExportDialog::split_bytes() const {
  switch (split_combo->currentIndex()) {
    case split_signal: return kSignalPartBytes;
    case split_telegram: return kTelegramPartBytes;
    case split_email: return kEmailPartBytes;
    case split_custom: return static_cast<std::uint64_t>(custom_split->value()) * kMiB;
    default: return 0;
  }
}

QStringList ExportDialog::ticked_recipients() const {
  QStringList names;
  for (int i = 0; i < recipients_list->count(); ++i)
    if (recipients_list->item(i)->checkState() == Qt::Checked) names << recipients_list->item(i)->text();
  return names;
}

QStringList ExportDialog::ticked_reports() const {
  QStringList ids;
  for (int r = 0; r < reports_table->rowCount(); ++r) {
    const QTableWidgetItem* item = reports_table->item(r, column_title);
    if (item && item->checkState() == Qt::Checked) ids << item->data(kIdRole).toString();
  }
  return ids;
}

void ExportDialog::update_buttons() {
  const bool ready = !busy_ && !loading_ && !ticked_recipients().isEmpty() &&
                     !ticked_reports().isEmpty() && !destination().isEmpty();
  export_button->setEnabled(ready);
  cancel_button->setEnabled(busy_);
}

void ExportDialog::set_busy(bool busy) {
  busy_ = busy;
  for (QWidget* w : std::initializer_list<QWidget*>{recipients_list, reports_table, tick_all_button,
                                                    tick_none_button, destination_combo, folder_button,
                                                    split_combo, armor_check})
    w->setEnabled(!busy);
  custom_split->setEnabled(!busy && split_combo->currentIndex() == split_custom);
  close_button->setEnabled(!busy);
  progress->setVisible(busy);
  update_buttons();
  if (busy) {
    cancel_button->setFocus();
  } else {
    export_button->setDefault(!statement->isVisible());
    close_button->setDefault(statement->isVisible());
  }
}

void ExportDialog::start_export() {
  if (busy_ || loading_) return;
  const QStringList recipients = ticked_recipients();
  const QStringList ids = ticked_reports();
  const QString folder = destination();
  if (recipients.isEmpty() || ids.isEmpty() || folder.isEmpty()) return;
  if (!QFileInfo(folder).isDir()) {
    status->setText(tr("The destination folder does not exist (was the drive removed?)."));
    return;
  }
  std::vector<std::string> names;
  for (const QString& n : recipients) names.push_back(utf8(n));
  std::vector<std::string> report_ids;
  for (const QString& id : ids) report_ids.push_back(utf8(id));
  transport::ExportOptions options;
  options.output_dir = std::filesystem::path(utf8(folder));
  options.split_bytes = split_bytes();
  options.armor = armor_check->isChecked();

  cancel_ = std::make_shared<std::atomic<bool>>(false);
  statement->setVisible(false);
  statement->clear();
  written_.clear();
  progress->setValue(0);
  status->setText(tr("Sealing the reports…"));
  set_busy(true);

  QPointer<ExportDialog> guard(this);
  auto last_step = std::make_shared<int>(-1);
  options.progress = [guard, last_step](std::uint64_t done, std::uint64_t total) noexcept {
    const int step =
        total == 0 ? 0 : static_cast<int>(std::min<std::uint64_t>(done, total) * kProgressSteps / total);
    if (step == *last_step) return;
    *last_step = step;
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [guard, done, total] {
          if (guard) guard->on_progress(done, total);
        },
        Qt::QueuedConnection);
  };
  session_->run<Outcome>(
      this,
      [names = std::move(names), report_ids = std::move(report_ids), options = std::move(options),
       cancel = cancel_](storage::Vault* vault) mutable -> Outcome {
        Outcome out;
        if (!vault) {
          out.error = transport::Error::vault_failed;
          out.storage_error = storage::Error::vault_not_found;
          return out;
        }
        options.cancel = cancel.get();
        auto exported = transport::export_bundle(*vault, names, report_ids, options);
        if (!exported) {
          out.error = exported.error();
          if (exported.error() == transport::Error::vault_failed)
            out.storage_error = transport::last_storage_error();
          return out;
        }
        out.result = std::move(*exported);
        for (const auto& f : out.result.files) {
          std::error_code ec;
          const auto size = std::filesystem::file_size(f, ec);
          out.sizes.push_back(ec ? 0 : size);
        }
        return out;
      },
      [this, recipients, folder](Outcome outcome) { show_outcome(std::move(outcome), recipients, folder); });
}

void ExportDialog::on_progress(std::uint64_t done, std::uint64_t total) {
  if (!busy_) return;
  if (total == 0) {
    progress->setRange(0, 0);
    return;
  }
  progress->setRange(0, kProgressSteps);
  progress->setValue(static_cast<int>(std::min(done, total) * kProgressSteps / total));
  if (!cancel_ || !cancel_->load())
    status->setText(tr("Sealing the reports… %1 of %2").arg(size_text(done), size_text(total)));
}

void ExportDialog::cancel_export() {
  if (!busy_ || !cancel_) return;
  cancel_->store(true);
  cancel_button->setEnabled(false);
  status->setText(tr("Cancelling…"));
}

void ExportDialog::reject() {
  if (busy_) {
    cancel_export();
    return;
  }
  QDialog::reject();
}

void ExportDialog::show_outcome(Outcome outcome, const QStringList& recipients, const QString& folder) {
  cancel_.reset();
  if (outcome.error) {
    statement->setVisible(false);
    set_busy(false);
    if (*outcome.error == transport::Error::cancelled) {
      status->setText(tr("Export cancelled: no file was left and no report changed."));
    } else {
      status->setText(tr("The export failed: %1 No file was left and no report changed.")
                          .arg(TransportMessages::error(*outcome.error, outcome.storage_error)));
    }
    return;
  }
  const auto& r = outcome.result;
  const auto files = static_cast<int>(r.files.size());
  const auto reports = static_cast<int>(r.report_ids.size());
  QStringList lines;
  lines << tr("Sealed %n report(s) for %1.", nullptr, reports).arg(recipients.join(QStringLiteral(", ")));
  lines << tr("Written to %1 (bundle of %2):").arg(QDir::toNativeSeparators(folder), size_text(r.bundle_bytes));
  for (int i = 0; i < files; ++i) {
    const QString name = QString::fromStdString(r.files[static_cast<std::size_t>(i)].filename().string());
    written_ << qs(r.files[static_cast<std::size_t>(i)].string());
    const QString size = size_text(outcome.sizes[static_cast<std::size_t>(i)]);
    lines << (files == 1 ? tr("  %1 — %2").arg(name, size)
                         : tr("  %1 — %2 (part %3 of %4)").arg(name, size).arg(i + 1).arg(files));
  }
  lines << QString();
  lines << (files == 1 ? tr("Next: carry or send this file to HQ by any channel.")
                       : tr("Next: carry or send all %n files to HQ by any channel; HQ needs every "
                            "part, in any order.",
                            nullptr, files));
  lines << tr("The reports count as delivered only when HQ's receipt has been imported here "
              "(Exchange → Import receipt…). Do not purge them before that.");
  statement->setPlainText(lines.join(u'\n'));
  statement->setVisible(true);
  status->setText(tr("Export finished."));
  set_busy(false);
  close_button->setFocus();
  emit exported();
  reload();
}

}  // namespace fieldseal::gui
