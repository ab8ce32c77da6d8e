#include "reports_page.hpp"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "common.hpp"
#include "fieldseal/storage/reports.hpp"
#include "report_list_model.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

ReportsPage::ReportsPage(VaultSession* session, QWidget* parent)
    : QWidget(parent), status_filter(new QComboBox), act_filter(new QComboBox),
      from_filter(new QLineEdit), to_filter(new QLineEdit), search_edit(new QLineEdit),
      table(new QTableView), new_button(new QPushButton(tr("&New report"))),
      open_button(new QPushButton(tr("&Open"))), info(new QLabel),
      session_(session), model_(new ReportListModel(session, this)),
      debounce_(new QTimer(this)) {
  const auto lang = ui_language();
  status_filter->addItem(tr("Drafts and final"), QString());
  for (auto s : storage::kReportStatuses)
    status_filter->addItem(qs(storage::label(s, lang)), qs(storage::key(s)));
  status_filter->setAccessibleName(tr("Filter by status"));
  act_filter->addItem(tr("All acts"), QString());
  for (const auto& type : storage::act_types())
    act_filter->addItem(qs(storage::label(type, lang)), qs(type.code));
  act_filter->setAccessibleName(tr("Filter by type of act"));
  for (QLineEdit* e : {from_filter, to_filter}) {
    e->setPlaceholderText(tr("YYYY-MM-DD"));
    e->setMaxLength(10);
    e->setClearButtonEnabled(true);
  }
  from_filter->setAccessibleName(tr("Incident date from"));
  to_filter->setAccessibleName(tr("Incident date to"));
  search_edit->setPlaceholderText(tr("Search titles, narratives, places, names, tags"));
  search_edit->setAccessibleName(tr("Search"));
  search_edit->setClearButtonEnabled(true);
  new_button->setAccessibleName(tr("New report"));
  open_button->setAccessibleName(tr("Open the selected report"));
  info->setAccessibleName(tr("List status"));

  table->setModel(model_);
  table->setAccessibleName(tr("Reports"));
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::ExtendedSelection);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setTabKeyNavigation(false);
  table->verticalHeader()->setVisible(false);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
  table->horizontalHeader()->setSectionResizeMode(ReportListModel::title, QHeaderView::Stretch);
  table->setWordWrap(false);

  debounce_->setSingleShot(true);
  debounce_->setInterval(kSearchDelayMs);
  connect(debounce_, &QTimer::timeout, this, &ReportsPage::apply);
  connect(search_edit, &QLineEdit::textChanged, debounce_, qOverload<>(&QTimer::start));
  connect(status_filter, &QComboBox::currentIndexChanged, this, &ReportsPage::apply);
  connect(act_filter, &QComboBox::currentIndexChanged, this, &ReportsPage::apply);
  connect(from_filter, &QLineEdit::editingFinished, this, &ReportsPage::apply);
  connect(to_filter, &QLineEdit::editingFinished, this, &ReportsPage::apply);
  connect(table, &QTableView::activated, this, &ReportsPage::open_current);
  connect(open_button, &QPushButton::clicked, this, &ReportsPage::open_current);
  connect(new_button, &QPushButton::clicked, this, &ReportsPage::new_report);
  connect(model_, &ReportListModel::page_loaded, this, &ReportsPage::update_info);
  // Column widths follow the rows loaded so far (Qt samples at most 1000
  // rows), capped so that the title keeps the room that is left.
  connect(model_, &ReportListModel::page_loaded, table, [this]() {
    table->resizeColumnsToContents();
    for (int c = 0; c < ReportListModel::column_count; ++c)
      if (c != ReportListModel::title && table->columnWidth(c) > kMaxColumnWidth)
        table->setColumnWidth(c, kMaxColumnWidth);
  });
  connect(model_, &ReportListModel::load_failed, info, &QLabel::setText);

  auto* filters = new QHBoxLayout;
  auto add = [filters](const QString& text, QWidget* w, int stretch) {
    auto* label = new QLabel(text);
    label->setBuddy(w);
    filters->addWidget(label);
    filters->addWidget(w, stretch);
  };
  add(tr("&Status:"), status_filter, 0);
  add(tr("&Act:"), act_filter, 1);
  add(tr("&From:"), from_filter, 0);
  add(tr("&To:"), to_filter, 0);
  auto* search_row = new QHBoxLayout;
  auto* search_label = new QLabel(tr("S&earch:"));
  search_label->setBuddy(search_edit);
  search_row->addWidget(search_label);
  search_row->addWidget(search_edit, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(new_button);
  buttons->addWidget(open_button);
  buttons->addStretch();
  buttons->addWidget(info);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(search_row);
  layout->addLayout(filters);
  layout->addWidget(table, 1);
  layout->addLayout(buttons);
}

void ReportsPage::apply() {
  debounce_->stop();
  ListQuery query;
  query.search = search_edit->text().trimmed();
  // As you type, the last word is usually unfinished: match it as a prefix
  // (the core's trailing-'*' syntax) unless a space ends the text.
  if (!query.search.isEmpty() && !search_edit->text().back().isSpace() &&
      !query.search.endsWith(u'*'))
    query.search += u'*';
  if (auto s = storage::parse_report_status(utf8(status_filter->currentData().toString())))
    query.status = *s;
  if (const QString code = act_filter->currentData().toString(); !code.isEmpty())
    query.act_type = utf8(code);
  bool dates_ok = true;
  for (auto [edit, target] : {std::pair{from_filter, &query.date_from},
                              std::pair{to_filter, &query.date_to}}) {
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) continue;
    if (!storage::parse_partial_date(utf8(text)).ok()) {
      dates_ok = false;
      continue;
    }
    *target = utf8(text);
  }
  if (!dates_ok) {
    info->setText(tr("A date must be YYYY, YYYY-MM or YYYY-MM-DD."));
    return;
  }
  // HQ: who sent each report and when it was verified come right after the
  // title; delivery (a field vault's state) is left out.
  const bool hq = session_->role() == storage::Role::hq;
  table->setColumnHidden(ReportListModel::sender, !hq);
  table->setColumnHidden(ReportListModel::verified, !hq);
  table->setColumnHidden(ReportListModel::delivery, hq);
  QHeaderView* header = table->horizontalHeader();
  header->moveSection(header->visualIndex(ReportListModel::sender),
                      hq ? ReportListModel::status : ReportListModel::sender);
  header->moveSection(header->visualIndex(ReportListModel::verified),
                      hq ? ReportListModel::status + 1 : ReportListModel::verified);
  model_->set_query(std::move(query));
}

void ReportsPage::clear() {
  debounce_->stop();
  for (QLineEdit* e : {search_edit, from_filter, to_filter}) {
    const QSignalBlocker block(e);
    e->clear();
  }
  for (QComboBox* c : {status_filter, act_filter}) {
    const QSignalBlocker block(c);
    c->setCurrentIndex(0);
  }
  model_->clear();
  info->clear();
}

QStringList ReportsPage::selected_ids() const {
  QList<int> rows;
  for (const QModelIndex& index : table->selectionModel()->selectedRows()) rows << index.row();
  std::sort(rows.begin(), rows.end());
  QStringList ids;
  for (int row : rows)
    if (QString id = model_->report_id(row); !id.isEmpty()) ids << id;
  return ids;
}

void ReportsPage::open_current() {
  const QModelIndex index = table->currentIndex();
  if (!index.isValid()) return;
  const QString id = model_->report_id(index.row());
  if (!id.isEmpty()) emit open_report(id);
}

void ReportsPage::update_info() {
  const int rows = model_->rowCount();
  if (model_->at_end())
    info->setText(tr("%n report(s)", nullptr, rows));
  else
    info->setText(tr("%n report(s) shown; more load as you scroll", nullptr, rows));
}

}  // namespace fieldseal::gui
