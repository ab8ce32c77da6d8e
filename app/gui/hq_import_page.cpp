#include "hq_import_page.hpp"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include "common.hpp"
#include "file_picker.hpp"
#include "import_results_model.hpp"
#include "transport_messages.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

constexpr int kPermille = 1000;
constexpr int kGapsListRows = 4;
constexpr int kMaxColumnWidth = 220;

struct ImportRun {
  std::optional<transport::Error> error;
  std::optional<storage::Error> detail;
  std::vector<ImportResultsModel::Row> rows;
  std::vector<transport::SequenceGap> gaps;
};

struct GapsRun {
  bool ok = false;
  std::vector<transport::SequenceGap> gaps;
};

// Local files only: a drop of web links or of a mix is refused whole.
QStringList local_paths(const QMimeData* mime) {
  QStringList paths;
  if (mime == nullptr || !mime->hasUrls()) return {};
  for (const QUrl& url : mime->urls()) {
    if (!url.isLocalFile()) return {};
    paths << url.toLocalFile();
  }
  return paths;
}

ImportRun run_import(storage::Vault* vault, const std::vector<std::filesystem::path>& paths,
                     transport::ImportOptions options) {
  ImportRun run;
  if (vault == nullptr) {
    run.error = transport::Error::vault_failed;
    return run;
  }
  auto result = transport::import_files(*vault, paths, options);
  if (!result) {
    run.error = result.error();
    run.detail = transport::last_storage_error();
    return run;
  }
  // The held bundle's report count, for quarantined rows (display only).
  std::map<std::int64_t, std::size_t> held;
  bool any_quarantined = false;
  for (const auto& b : result->bundles)
    any_quarantined = any_quarantined || b.status == transport::ImportStatus::quarantined;
  if (any_quarantined) {
    if (auto list = transport::quarantine_list(*vault))
      for (const auto& item : *list) held[item.id] = item.report_count;
  }
  for (auto& b : result->bundles) {
    ImportResultsModel::Row row;
    if (b.quarantine_id) {
      if (auto it = held.find(*b.quarantine_id); it != held.end()) row.held_reports = it->second;
    }
    row.outcome = std::move(b);
    run.rows.push_back(std::move(row));
  }
  run.gaps = std::move(result->gaps);
  return run;
}

}  // namespace

HqImportPage::HqImportPage(VaultSession* session, QWidget* parent)
    : QWidget(parent), drop_hint(new QLabel), add_file_button(new QPushButton(tr("Add &file…"))),
      add_folder_button(new QPushButton(tr("Add fol&der…"))),
      clear_button(new QPushButton(tr("C&lear results"))), progress(new QProgressBar),
      cancel_button(new QPushButton(tr("C&ancel import"))), status_label(new QLabel),
      table(new QTableView), gaps_list(new QListWidget), session_(session),
      model_(new ImportResultsModel(this)) {
  setAcceptDrops(true);
  drop_hint->setText(
      tr("Drop bundle files or folders here, or add them with the buttons. The parts of a split "
         "bundle must be imported together: drop them at once, or add their folder."));
  drop_hint->setWordWrap(true);
  drop_hint->setFrameShape(QFrame::StyledPanel);
  drop_hint->setMargin(12);
  drop_hint->setAccessibleName(tr("Drop area for bundle files and folders"));
  add_file_button->setAccessibleName(tr("Add a bundle file"));
  add_folder_button->setAccessibleName(tr("Add a folder of bundle files"));
  clear_button->setAccessibleName(tr("Clear the import results"));
  cancel_button->setAccessibleName(tr("Cancel the import"));
  progress->setAccessibleName(tr("Import progress"));
  progress->setRange(0, kPermille);
  progress->setTextVisible(false);
  status_label->setAccessibleName(tr("Import status"));
  status_label->setWordWrap(true);
  status_label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

  table->setModel(model_);
  table->setAccessibleName(tr("Import results"));
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::SingleSelection);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setTabKeyNavigation(false);
  table->setWordWrap(true);
  table->verticalHeader()->setVisible(false);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  table->horizontalHeader()->setSectionResizeMode(ImportResultsModel::col_details, QHeaderView::Stretch);
  // Columns follow their content up to a cap, so that the details keep the
  // room that is left (full file lists and keys are in the tooltips).
  connect(model_, &QAbstractItemModel::rowsInserted, table, [this]() {
    for (int c = 0; c < ImportResultsModel::col_details; ++c) {
      table->resizeColumnToContents(c);
      table->setColumnWidth(c, std::min(table->columnWidth(c), kMaxColumnWidth));
    }
    table->resizeRowsToContents();
  });

  auto* gaps_label = new QLabel(tr("&Possibly lost bundles (gaps in a sender's numbering):"));
  gaps_label->setBuddy(gaps_list);
  gaps_list->setAccessibleName(tr("Possibly lost bundles"));
  gaps_list->setWordWrap(true);
  gaps_list->setMaximumHeight(gaps_list->fontMetrics().lineSpacing() * kGapsListRows * 2);

  connect(add_file_button, &QPushButton::clicked, this, &HqImportPage::choose_file);
  connect(add_folder_button, &QPushButton::clicked, this, &HqImportPage::choose_folder);
  connect(clear_button, &QPushButton::clicked, model_, &ImportResultsModel::clear);
  connect(cancel_button, &QPushButton::clicked, this, [this]() {
    if (cancel_) cancel_->store(true);
    cancel_button->setEnabled(false);
    status_label->setText(tr("Cancelling…"));
  });

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_file_button);
  buttons->addWidget(add_folder_button);
  buttons->addStretch();
  buttons->addWidget(clear_button);
  auto* progress_row = new QHBoxLayout;
  progress_row->addWidget(progress, 1);
  progress_row->addWidget(cancel_button);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(drop_hint);
  layout->addLayout(buttons);
  layout->addLayout(progress_row);
  layout->addWidget(status_label);
  layout->addWidget(table, 1);
  layout->addWidget(gaps_label);
  layout->addWidget(gaps_list);
  set_busy(false);
}

void HqImportPage::set_busy(bool busy) {
  busy_ = busy;
  progress->setVisible(busy);
  cancel_button->setVisible(busy);
  cancel_button->setEnabled(busy);
  if (busy) progress->setValue(0);
}

void HqImportPage::import_paths(const QStringList& paths) {
  QStringList given;
  for (const QString& p : paths)
    if (!p.isEmpty()) given << p;
  if (given.isEmpty()) return;
  if (!session_->is_open()) {
    status_label->setText(tr("Unlock the vault first."));
    return;
  }
  if (busy_) {
    pending_ << given;
    status_label->setText(tr("Importing… (more files wait for their turn)"));
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const QString& p : given) files.emplace_back(utf8(p));
  set_busy(true);
  status_label->setText(tr("Importing…"));
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  const quint64 run = ++run_;

  transport::ImportOptions options;
  // Called on the worker for every chunk read: post only when the shown
  // value changes. `last` lives in the closure, which only the worker calls.
  QPointer<HqImportPage> self(this);
  options.progress = [self, run, last = -1](std::uint64_t done, std::uint64_t total) mutable {
    if (total == 0) return;
    const int permille = static_cast<int>(std::min<std::uint64_t>(done, total) * kPermille / total);
    if (permille == last) return;
    last = permille;
    QMetaObject::invokeMethod(
        qApp,
        [self, run, permille]() {
          if (self) self->show_progress(run, permille);
        },
        Qt::QueuedConnection);
  };
  auto cancel = cancel_;  // kept alive by the work until it returns
  session_->run<ImportRun>(
      this,
      [files = std::move(files), options = std::move(options), cancel](storage::Vault* vault) {
        transport::ImportOptions with_cancel = options;
        with_cancel.cancel = cancel.get();
        return run_import(vault, files, std::move(with_cancel));
      },
      [this, run](ImportRun result) {
        if (run != run_) return;
        set_busy(false);
        cancel_.reset();
        if (result.error) {
          status_label->setText(tr("Nothing was imported: %1")
                                    .arg(TransportMessages::error(*result.error, result.detail)));
        } else {
          int failed = 0;
          int imported = 0;
          int quarantined = 0;
          for (const auto& r : result.rows) {
            switch (r.outcome.status) {
              case transport::ImportStatus::imported: ++imported; break;
              case transport::ImportStatus::quarantined: ++quarantined; break;
              case transport::ImportStatus::rejected:
              case transport::ImportStatus::parts_missing: ++failed; break;
              case transport::ImportStatus::duplicate: break;
            }
          }
          QStringList summary;
          summary << tr("Import finished: %n bundle(s).", nullptr, static_cast<int>(result.rows.size()));
          if (failed > 0)
            summary << tr("%n bundle(s) not imported; they changed nothing. The table says why.",
                          nullptr, failed);
          if (quarantined > 0)
            summary << tr("%n bundle(s) held in quarantine.", nullptr, quarantined);
          status_label->setText(summary.join(QLatin1Char(' ')));
          model_->append(std::move(result.rows));
          table->scrollToBottom();
          show_gaps(std::move(result.gaps));
          if (imported > 0) emit vault_changed();
          if (quarantined > 0) emit quarantine_changed();
        }
        emit import_finished();
        if (!pending_.isEmpty()) {
          const QStringList next = std::exchange(pending_, {});
          import_paths(next);
        }
      });
}

void HqImportPage::show_progress(quint64 run, int permille) {
  if (!busy_ || run != run_) return;
  progress->setValue(permille);
}

void HqImportPage::show_gaps(std::vector<transport::SequenceGap> gaps) {
  gaps_ = std::move(gaps);
  gaps_list->clear();
  for (const auto& g : gaps_) gaps_list->addItem(ImportResultsModel::gap_text(g));
  if (gaps_.empty()) {
    auto* none = new QListWidgetItem(tr("None: every sender's bundles arrived in sequence."));
    none->setFlags(Qt::ItemIsEnabled);
    gaps_list->addItem(none);
  }
}

void HqImportPage::reload_gaps() {
  if (!session_->is_open()) return;
  session_->run<GapsRun>(
      this,
      [](storage::Vault* vault) {
        GapsRun run;
        if (vault == nullptr) return run;
        if (auto gaps = transport::sequence_gaps(*vault)) {
          run.ok = true;
          run.gaps = std::move(*gaps);
        }
        return run;
      },
      [this](GapsRun run) {
        if (run.ok && !busy_) show_gaps(std::move(run.gaps));
      });
}

void HqImportPage::clear() {
  if (cancel_) cancel_->store(true);
  cancel_.reset();
  ++run_;  // a result still on its way belongs to no run now
  pending_.clear();
  set_busy(false);
  model_->clear();
  gaps_.clear();
  gaps_list->clear();
  status_label->clear();
}

void HqImportPage::choose_file() {
  const QString path = FilePicker::open_file(this, tr("Choose a bundle file to import"));
  if (!path.isEmpty()) import_paths({path});
}

void HqImportPage::choose_folder() {
  const QString path = FilePicker::choose_folder(this, tr("Choose a folder of bundle files"));
  if (!path.isEmpty()) import_paths({path});
}

void HqImportPage::dragEnterEvent(QDragEnterEvent* event) {
  if (!local_paths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void HqImportPage::dragMoveEvent(QDragMoveEvent* event) {
  if (!local_paths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void HqImportPage::dropEvent(QDropEvent* event) {
  const QStringList paths = local_paths(event->mimeData());
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  import_paths(paths);
}

void HqImportPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!busy_) reload_gaps();
}

}  // namespace fieldseal::gui
