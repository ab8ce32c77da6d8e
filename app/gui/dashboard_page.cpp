#include "dashboard_page.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <vector>

#include "common.hpp"
#include "fieldseal/storage/statistics.hpp"
#include "fieldseal/storage/vocabulary.hpp"
#include "receipt_dialog.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

struct DashboardPage::Loaded {
  std::optional<storage::Error> error;
  std::array<storage::Statistics, chart_count> stats;
  std::vector<storage::ReceivedSummary> senders;
};

namespace {

constexpr std::array kDimensions{storage::StatsDimension::month, storage::StatsDimension::act_type,
                                 storage::StatsDimension::region, storage::StatsDimension::sender};
constexpr int kKeyPrefixChars = 8;
constexpr std::size_t kCharts = DashboardPage::chart_count;
constexpr std::size_t index_of(DashboardPage::Chart c) { return static_cast<std::size_t>(c); }

QLocale ui_locale() {
  return ui_language() == storage::Language::ru ? QLocale(QLocale::Russian) : QLocale(QLocale::English);
}

BarChart::Bar month_bar(const storage::StatsBucket& b) {
  if (b.unknown) return {DashboardPage::tr("Date unknown"), b.count, true};
  const QString key = qs(b.key);
  if (key.size() == 4) return {DashboardPage::tr("%1 (month unknown)").arg(key), b.count, true};
  const QDate date = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
  return {date.isValid() ? ui_locale().toString(date, QStringLiteral("MMM yyyy")) : key, b.count, false};
}

BarChart::Bar act_bar(const storage::StatsBucket& b) {
  if (b.unknown) return {DashboardPage::tr("No act recorded"), b.count, true};
  const storage::ActType* type = storage::find_act_type(b.key);
  return {type ? qs(storage::label(*type, ui_language())) : qs(b.key), b.count, false};
}

BarChart::Bar region_bar(const storage::StatsBucket& b) {
  if (b.unknown) return {DashboardPage::tr("No region"), b.count, true};
  return {qs(b.key), b.count, false};
}

BarChart::Bar sender_bar(const storage::StatsBucket& b) {
  if (b.unknown) return {DashboardPage::tr("Written in this vault"), b.count, true};
  if (b.name.empty()) {
    return {DashboardPage::tr("Not a contact (key %1…)").arg(qs(b.key).left(kKeyPrefixChars)), b.count,
            true};
  }
  return {qs(b.name), b.count, false};
}

}  // namespace

DashboardPage::DashboardPage(VaultSession* session, QWidget* parent)
    : QWidget(parent), from_filter(new QLineEdit), to_filter(new QLineEdit), act_filter(new QComboBox),
      region_filter(new QLineEdit), sender_filter(new QComboBox),
      apply_button(new QPushButton(tr("A&pply"))), reload_button(new QPushButton(tr("&Reload"))),
      table_toggle(new QCheckBox(tr("Show as ta&bles"))),
      receipt_button(new QPushButton(tr("Create re&ceipt…"))), total_label(new QLabel),
      status(new QLabel), session_(session) {
  const auto lang = ui_language();
  for (QLineEdit* e : {from_filter, to_filter}) {
    e->setPlaceholderText(tr("YYYY-MM-DD"));
    e->setMaxLength(10);
    e->setClearButtonEnabled(true);
  }
  from_filter->setAccessibleName(tr("Incident date from"));
  to_filter->setAccessibleName(tr("Incident date to"));
  act_filter->addItem(tr("All acts"), QString());
  for (const auto& type : storage::act_types()) act_filter->addItem(qs(storage::label(type, lang)), qs(type.code));
  act_filter->setAccessibleName(tr("Count only reports with this type of act"));
  act_filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  act_filter->setMinimumContentsLength(16);
  region_filter->setAccessibleName(tr("Count only reports from this region"));
  region_filter->setPlaceholderText(tr("all regions"));
  region_filter->setClearButtonEnabled(true);
  sender_filter->addItem(tr("All senders"), QString());
  sender_filter->setAccessibleName(tr("Count only reports from this researcher"));
  sender_filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  sender_filter->setMinimumContentsLength(12);
  apply_button->setAccessibleName(tr("Apply the filters"));
  reload_button->setAccessibleName(tr("Reload the statistics"));
  table_toggle->setAccessibleName(tr("Show the numbers as tables"));
  receipt_button->setAccessibleName(tr("Create a receipt for a researcher"));
  total_label->setAccessibleName(tr("Total"));
  status->setAccessibleName(tr("Dashboard status"));
  status->setWordWrap(true);

  const std::array<QString, chart_count> titles{
      tr("Incidents per month (incident start date)"), tr("Incidents per type of act"),
      tr("Incidents per region"), tr("Incidents per sender")};
  auto* charts = new QWidget;
  auto* grid = new QGridLayout(charts);
  for (std::size_t i = 0; i < kCharts; ++i) {
    charts_[i] = new BarChart(i == index_of(chart_month) ? BarChart::Layout::columns : BarChart::Layout::rows);
    charts_[i]->set_title(titles[i]);
    charts_[i]->set_empty_text(tr("No incidents."));
    tables_[i] = new QTableWidget(0, 2);
    tables_[i]->setAccessibleName(titles[i]);
    tables_[i]->setHorizontalHeaderLabels({i == index_of(chart_month)    ? tr("Month")
                                           : i == index_of(chart_act)    ? tr("Type of act")
                                           : i == index_of(chart_region) ? tr("Region")
                                                                         : tr("Sender"),
                                           tr("Incidents")});
    tables_[i]->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tables_[i]->setTabKeyNavigation(false);
    tables_[i]->verticalHeader()->setVisible(false);
    tables_[i]->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    tables_[i]->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    // Chart or table, the other one hidden (a hidden widget takes no room,
    // unlike a QStackedWidget's other pages).
    stacks_[i] = new QWidget;
    auto* box = new QVBoxLayout(stacks_[i]);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(charts_[i]);
    box->addWidget(tables_[i]);
    tables_[i]->hide();
  }
  grid->addWidget(stacks_[index_of(chart_month)], 0, 0, 1, 2);
  grid->addWidget(stacks_[index_of(chart_act)], 1, 0, Qt::AlignTop);
  grid->addWidget(stacks_[index_of(chart_region)], 1, 1, Qt::AlignTop);
  grid->addWidget(stacks_[index_of(chart_sender)], 2, 0, Qt::AlignTop);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
  grid->setRowStretch(3, 1);
  auto* note = new QLabel(tr("Final reports only. A report with acts of several types counts once "
                             "for each type."));
  note->setWordWrap(true);
  grid->addWidget(note, 2, 1, Qt::AlignTop);
  auto* scroll = new QScrollArea;
  scroll->setWidget(charts);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setAccessibleName(tr("Charts"));

  auto* dates = new QHBoxLayout;
  auto* more = new QHBoxLayout;
  auto add = [](QHBoxLayout* row, const QString& text, QWidget* w, int stretch) {
    auto* label = new QLabel(text);
    label->setBuddy(w);
    row->addWidget(label);
    row->addWidget(w, stretch);
  };
  add(dates, tr("&From:"), from_filter, 0);
  add(dates, tr("&To:"), to_filter, 0);
  add(dates, tr("&Act:"), act_filter, 1);
  add(more, tr("Re&gion:"), region_filter, 1);
  add(more, tr("S&ender:"), sender_filter, 1);
  more->addWidget(apply_button);
  auto* top = new QHBoxLayout;
  top->addWidget(total_label, 1);
  top->addWidget(table_toggle);
  top->addWidget(reload_button);
  top->addWidget(receipt_button);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(dates);
  layout->addLayout(more);
  layout->addLayout(top);
  layout->addWidget(status);
  layout->addWidget(scroll, 1);

  for (QLineEdit* e : {from_filter, to_filter, region_filter})
    connect(e, &QLineEdit::returnPressed, this, &DashboardPage::reload);
  connect(apply_button, &QPushButton::clicked, this, &DashboardPage::reload);
  connect(reload_button, &QPushButton::clicked, this, &DashboardPage::reload);
  connect(receipt_button, &QPushButton::clicked, this, &DashboardPage::create_receipt);
  connect(table_toggle, &QCheckBox::toggled, this, &DashboardPage::show_as_table);
  status->hide();
}

void DashboardPage::show_as_table(bool tables) {
  for (std::size_t i = 0; i < kCharts; ++i) {
    charts_[i]->setVisible(!tables);
    tables_[i]->setVisible(tables);
  }
}

void DashboardPage::reload() {
  if (busy_) {
    reload_again_ = true;
    return;
  }
  storage::StatsFilter filter;
  const QString from = from_filter->text().trimmed();
  const QString to = to_filter->text().trimmed();
  if (!from.isEmpty()) filter.date_from = utf8(from);
  if (!to.isEmpty()) filter.date_to = utf8(to);
  if (const QString act = act_filter->currentData().toString(); !act.isEmpty()) filter.act_type = utf8(act);
  if (const QString region = region_filter->text().trimmed(); !region.isEmpty()) filter.region = utf8(region);
  if (const QString sender = sender_filter->currentData().toString(); !sender.isEmpty())
    filter.sender = utf8(sender);
  busy_ = true;
  reload_again_ = false;
  session_->run<Loaded>(
      this,
      [filter](storage::Vault* vault) {
        Loaded out;
        if (vault == nullptr) {
          out.error = storage::Error::vault_not_found;
          return out;
        }
        for (std::size_t i = 0; i < kCharts; ++i) {
          auto stats = storage::incident_statistics(vault->database(), kDimensions[i], filter);
          if (!stats) {
            out.error = stats.error();
            return out;
          }
          out.stats[i] = std::move(*stats);
        }
        if (vault->role() == storage::Role::hq) {
          auto senders = storage::received_summary(vault->database());
          if (!senders) {
            out.error = senders.error();
            return out;
          }
          out.senders = std::move(*senders);
        }
        return out;
      },
      [this](Loaded loaded) {
        busy_ = false;
        show_loaded(loaded);
        if (reload_again_) reload();
      });
}

void DashboardPage::show_loaded(const Loaded& loaded) {
  if (loaded.error) {
    const storage::Error e = *loaded.error;
    status->setText(e == storage::Error::invalid_argument
                        ? tr("A date is YYYY, YYYY-MM or YYYY-MM-DD.")
                        : Messages::error(e));
    status->show();
    emit reloaded();
    return;
  }
  status->clear();
  status->hide();
  const QString chosen = sender_filter->currentData().toString();
  sender_filter->blockSignals(true);
  while (sender_filter->count() > 1) sender_filter->removeItem(1);
  for (const auto& s : loaded.senders) sender_filter->addItem(qs(s.name), qs(s.name));
  const int again = sender_filter->findData(chosen);
  sender_filter->setCurrentIndex(again < 0 ? 0 : again);
  sender_filter->blockSignals(false);

  total_ = loaded.stats[index_of(chart_month)].total;
  total_label->setText(tr("%n incident(s)", "", int(*total_)));
  const QLocale locale = ui_locale();
  for (std::size_t i = 0; i < kCharts; ++i) {
    QVector<BarChart::Bar> bars;
    for (const auto& b : loaded.stats[i].buckets) {
      switch (kDimensions[i]) {
        case storage::StatsDimension::month: bars.push_back(month_bar(b)); break;
        case storage::StatsDimension::act_type: bars.push_back(act_bar(b)); break;
        case storage::StatsDimension::region: bars.push_back(region_bar(b)); break;
        case storage::StatsDimension::sender: bars.push_back(sender_bar(b)); break;
      }
    }
    QTableWidget* t = tables_[i];
    t->setRowCount(0);
    for (const auto& bar : bars) {
      const int row = t->rowCount();
      t->insertRow(row);
      t->setItem(row, 0, new QTableWidgetItem(bar.label));
      auto* count = new QTableWidgetItem(locale.toString(bar.value));
      count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      t->setItem(row, 1, count);
    }
    charts_[i]->set_bars(std::move(bars));
  }
  emit reloaded();
}

void DashboardPage::clear() {
  close_dialogs();
  total_.reset();
  total_label->clear();
  status->clear();
  status->hide();
  for (auto* c : charts_) c->clear();
  for (auto* t : tables_) t->setRowCount(0);
  from_filter->clear();
  to_filter->clear();
  region_filter->clear();
  act_filter->setCurrentIndex(0);
  while (sender_filter->count() > 1) sender_filter->removeItem(1);
  sender_filter->setCurrentIndex(0);
  reload_again_ = false;
  busy_ = false;
}

void DashboardPage::close_dialogs() {
  if (receipt_) {
    receipt_->close();
    delete receipt_.data();
  }
}

ReceiptDialog* DashboardPage::receipt_dialog() const { return receipt_.data(); }

void DashboardPage::create_receipt() {
  if (!receipt_) {
    receipt_ = new ReceiptDialog(session_, this);
    connect(receipt_, &ReceiptDialog::receipt_written, this, &DashboardPage::receipt_written);
  }
  receipt_->reload();
  receipt_->open();
}

}  // namespace fieldseal::gui
