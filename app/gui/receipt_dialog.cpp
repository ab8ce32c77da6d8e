#include "receipt_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStorageInfo>
#include <QTableWidget>
#include <QVBoxLayout>
#include <optional>
#include <variant>
#include <vector>

#include "common.hpp"
#include "file_picker.hpp"
#include "fieldseal/storage/statistics.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "transport_messages.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {
namespace {

using Summaries = std::variant<storage::Error, std::vector<storage::ReceivedSummary>>;

struct Written {
  std::optional<transport::Error> error;
  std::optional<storage::Error> detail;
  transport::ReceiptFile file;
};

// Mounted, writable volumes under the usual mount points of removable media.
bool is_removable(const QStorageInfo& volume) {
  const QString root = volume.rootPath();
  return volume.isValid() && volume.isReady() && !volume.isReadOnly() &&
         (root.startsWith(QLatin1String("/media/")) || root.startsWith(QLatin1String("/run/media/")));
}

}  // namespace

ReceiptDialog::ReceiptDialog(VaultSession* session, QWidget* parent)
    : QDialog(parent), researchers(new QTableWidget(0, columns)), destinations(new QComboBox),
      browse_button(new QPushButton(tr("Other &folder…"))),
      armor_check(new QCheckBox(tr("&Text (ASCII armor) for channels that only take text"))),
      create_button(new QPushButton(tr("&Create receipt"))),
      close_button(new QPushButton(tr("Close"))), status(new QLabel), session_(session) {
  setWindowTitle(tr("Create a receipt"));
  researchers->setHorizontalHeaderLabels(
      {tr("Researcher"), tr("Bundles"), tr("Reports"), tr("Last received")});
  researchers->setAccessibleName(tr("Researchers and what was received from each"));
  researchers->setSelectionBehavior(QAbstractItemView::SelectRows);
  researchers->setSelectionMode(QAbstractItemView::SingleSelection);
  researchers->setEditTriggers(QAbstractItemView::NoEditTriggers);
  researchers->setTabKeyNavigation(false);
  researchers->verticalHeader()->setVisible(false);
  researchers->horizontalHeader()->setSectionResizeMode(column_name, QHeaderView::Stretch);
  researchers->horizontalHeader()->setSectionResizeMode(column_last, QHeaderView::ResizeToContents);
  destinations->setAccessibleName(tr("Destination folder"));
  destinations->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  destinations->setMinimumContentsLength(30);
  browse_button->setAccessibleName(tr("Choose another destination folder"));
  armor_check->setAccessibleName(tr("Write the receipt as text (ASCII armor)"));
  create_button->setAccessibleName(tr("Create the receipt for the selected researcher"));
  create_button->setDefault(true);
  close_button->setAccessibleName(tr("Close"));
  status->setAccessibleName(tr("Receipt status"));
  status->setWordWrap(true);
  status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

  auto* intro = new QLabel(
      tr("A receipt tells a researcher which of their reports HQ holds. It is encrypted to "
         "the researcher and signed by this vault, so it may travel by any channel."));
  intro->setWordWrap(true);
  auto* who = new QLabel(tr("&Researcher:"));
  who->setBuddy(researchers);
  auto* where = new QLabel(tr("&Destination:"));
  where->setBuddy(destinations);
  auto* dest_row = new QHBoxLayout;
  dest_row->addWidget(where);
  dest_row->addWidget(destinations, 1);
  dest_row->addWidget(browse_button);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(create_button);
  buttons->addWidget(close_button);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(who);
  layout->addWidget(researchers, 1);
  layout->addLayout(dest_row);
  layout->addWidget(armor_check);
  layout->addWidget(status);
  layout->addLayout(buttons);
  setTabOrder(researchers, destinations);
  setTabOrder(destinations, browse_button);
  setTabOrder(browse_button, armor_check);
  setTabOrder(armor_check, create_button);
  setTabOrder(create_button, close_button);

  connect(browse_button, &QPushButton::clicked, this, &ReceiptDialog::choose_folder);
  connect(create_button, &QPushButton::clicked, this, &ReceiptDialog::create);
  connect(close_button, &QPushButton::clicked, this, &QDialog::reject);
  connect(researchers, &QTableWidget::itemSelectionChanged, this, &ReceiptDialog::update_buttons);
  connect(destinations, &QComboBox::currentIndexChanged, this, &ReceiptDialog::update_buttons);
  add_removable_drives();
  resize(640, 420);
  update_buttons();
}

void ReceiptDialog::add_removable_drives() {
  for (const QStorageInfo& volume : QStorageInfo::mountedVolumes()) {
    if (!is_removable(volume)) continue;
    const QString name = volume.displayName();
    destinations->addItem(tr("%1 (removable drive)").arg(name), volume.rootPath());
  }
}

void ReceiptDialog::set_destination(const QString& folder) {
  const QString path = QDir::cleanPath(folder);
  int index = destinations->findData(path);
  if (index < 0) {
    destinations->addItem(QDir::toNativeSeparators(path), path);
    index = destinations->count() - 1;
  }
  destinations->setCurrentIndex(index);
}

void ReceiptDialog::choose_folder() {
  const QString folder = FilePicker::choose_folder(this, tr("Where to write the receipt"), destination());
  if (!folder.isEmpty()) set_destination(folder);
}

QString ReceiptDialog::destination() const { return destinations->currentData().toString(); }

QString ReceiptDialog::result_text() const { return status->text(); }

bool ReceiptDialog::select_researcher(const QString& name) {
  for (int row = 0; row < researchers->rowCount(); ++row) {
    QTableWidgetItem* item = researchers->item(row, column_name);
    if (item->text() == name && (item->flags() & Qt::ItemIsEnabled)) {
      researchers->selectRow(row);
      return true;
    }
  }
  return false;
}

void ReceiptDialog::update_buttons() {
  const auto selected = researchers->selectionModel()->selectedRows();
  create_button->setEnabled(!busy_ && !selected.isEmpty() && !destination().isEmpty());
  browse_button->setEnabled(!busy_);
  researchers->setEnabled(!busy_);
}

void ReceiptDialog::reload() {
  session_->run<Summaries>(
      this,
      [](storage::Vault* vault) -> Summaries {
        if (vault == nullptr) return storage::Error::vault_not_found;
        auto rows = storage::received_summary(vault->database());
        if (!rows) return rows.error();
        return std::move(*rows);
      },
      [this](Summaries result) {
        const QString previous = researchers->selectionModel()->selectedRows().isEmpty()
                                     ? QString()
                                     : researchers->item(researchers->currentRow(), column_name)->text();
        researchers->setRowCount(0);
        if (const auto* error = std::get_if<storage::Error>(&result)) {
          status->setText(Messages::error(*error));
          update_buttons();
          emit researchers_loaded();
          return;
        }
        const auto& rows = std::get<std::vector<storage::ReceivedSummary>>(result);
        const QLocale locale;
        for (const auto& r : rows) {
          const int row = researchers->rowCount();
          researchers->insertRow(row);
          auto cell = [&](int column, const QString& text, Qt::Alignment align) {
            auto* item = new QTableWidgetItem(text);
            item->setTextAlignment(align | Qt::AlignVCenter);
            if (r.bundles == 0) item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            researchers->setItem(row, column, item);
          };
          cell(column_name, qs(r.name), Qt::AlignLeft);
          cell(column_bundles, locale.toString(r.bundles), Qt::AlignRight);
          cell(column_reports, locale.toString(r.reports), Qt::AlignRight);
          cell(column_last, r.last_received_at.empty() ? tr("nothing received") : qs(r.last_received_at),
               Qt::AlignLeft);
        }
        if (rows.empty()) {
          status->setText(tr("There are no researchers' cards among the contacts."));
        } else {
          status->clear();
        }
        if (previous.isEmpty() || !select_researcher(previous)) {
          for (int row = 0; row < researchers->rowCount(); ++row) {
            if (researchers->item(row, column_name)->flags() & Qt::ItemIsEnabled) {
              researchers->selectRow(row);
              break;
            }
          }
        }
        update_buttons();
        emit researchers_loaded();
      });
}

void ReceiptDialog::create() {
  const auto selected = researchers->selectionModel()->selectedRows();
  if (busy_ || selected.isEmpty() || destination().isEmpty()) return;
  const QString name = researchers->item(selected.front().row(), column_name)->text();
  const QString folder = destination();
  const bool armor = armor_check->isChecked();
  busy_ = true;
  status->setText(tr("Writing the receipt…"));
  update_buttons();
  session_->run<Written>(
      this,
      [researcher = utf8(name), dir = std::filesystem::path(utf8(folder)), armor](storage::Vault* vault) {
        Written out;
        if (vault == nullptr) {
          out.error = transport::Error::vault_failed;
          out.detail = storage::Error::vault_not_found;
          return out;
        }
        auto file = transport::make_receipt(*vault, researcher, dir, armor);
        if (!file) {
          out.error = file.error();
          out.detail = transport::last_storage_error();
        } else {
          out.file = std::move(*file);
        }
        return out;
      },
      [this, name](Written written) {
        busy_ = false;
        if (written.error) {
          const QString message = TransportMessages::error(*written.error, written.detail);
          status->setText(tr("No receipt was written: %1").arg(message));
          update_buttons();
          emit receipt_failed(message);
          return;
        }
        const QString path = QDir::toNativeSeparators(qs(written.file.file.string()));
        status->setText(
            tr("Receipt for %1 written to:\n%2").arg(name, path) + QLatin1Char('\n') +
            tr("It lists %n report(s)", "", int(written.file.reports)) + QLatin1Char(' ') +
            tr("from %n bundle(s).", "", int(written.file.bundles)) + QLatin1Char('\n') +
            tr("Give the file to the researcher by any channel. When their vault imports it, those "
               "reports are marked delivered there and can then be purged from their laptop."));
        update_buttons();
        emit receipt_written(qs(written.file.file.string()));
      });
}

}  // namespace fieldseal::gui
