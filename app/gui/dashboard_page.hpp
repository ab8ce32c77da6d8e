#pragma once
// HQ: counts of incidents per month, per act type, per region and per sender,
// painted with QPainter (BarChart) from the core's statistics query
// (storage::incident_statistics: the same numbers `fieldseal stats` prints,
// with the same filters and the same rules: final reports only, a report
// with acts of two types counts for each, year-only dates in a bucket of
// their own), and the creation of receipts for researchers (ReceiptDialog).
//
// Every number is also available as text: each chart's tooltip and
// accessible description, and "Show as table", which swaps the four charts
// for tables a screen reader reads cell by cell.
//
// reload() runs the queries on the session's worker (the main window calls it
// when vault_changed arrives and when the page is shown); clear() forgets every
// number and closes the receipt dialog (on lock).
#include <QPointer>
#include <QVector>
#include <QWidget>
#include <array>
#include <cstddef>
#include <optional>

#include "bar_chart.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace fieldseal::gui {

class ReceiptDialog;
class VaultSession;

class DashboardPage : public QWidget {
  Q_OBJECT
 public:
  // The charts, in the order of storage::StatsDimension.
  enum Chart { chart_month, chart_act, chart_region, chart_sender, chart_count };

  explicit DashboardPage(VaultSession* session, QWidget* parent = nullptr);

  // Reads the statistics from the vault.
  void reload();
  // Forgets every number (on lock).
  void clear();
  // Opens the receipt dialog.
  void create_receipt();
  // Closes the receipt dialog (clear() does it too).
  void close_dialogs();

  [[nodiscard]] BarChart* chart(Chart which) const { return charts_[static_cast<std::size_t>(which)]; }
  [[nodiscard]] QTableWidget* table(Chart which) const {
    return tables_[static_cast<std::size_t>(which)];
  }
  // Incidents counted by the last reload (nullopt: nothing loaded).
  [[nodiscard]] std::optional<qint64> total() const { return total_; }
  // The open receipt dialog, or null.
  [[nodiscard]] ReceiptDialog* receipt_dialog() const;
  [[nodiscard]] bool busy() const { return busy_; }

  QLineEdit* from_filter;
  QLineEdit* to_filter;
  QComboBox* act_filter;
  QLineEdit* region_filter;
  QComboBox* sender_filter;
  QPushButton* apply_button;
  QPushButton* reload_button;
  QCheckBox* table_toggle;
  QPushButton* receipt_button;
  QLabel* total_label;
  QLabel* status;

 signals:
  // A reload finished and the charts show its numbers.
  void reloaded();
  // A receipt was written (the dialog's receipt_written).
  void receipt_written(const QString& file);

 private:
  struct Loaded;
  void show_loaded(const Loaded& loaded);
  void show_as_table(bool tables);

  VaultSession* session_;
  std::array<BarChart*, chart_count> charts_{};
  std::array<QTableWidget*, chart_count> tables_{};
  std::array<QWidget*, chart_count> stacks_{};  // the chart and its table
  std::optional<qint64> total_;
  QPointer<ReceiptDialog> receipt_;
  bool busy_ = false;
  bool reload_again_ = false;
};

}  // namespace fieldseal::gui
