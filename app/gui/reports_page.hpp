#pragma once
// The report list with its filters (status, act type, incident dates) and a
// search field that searches as you type (debounced; the query runs on the
// session's worker). A search is combined with the filters by the core
// (storage::search_report_summaries), as `fieldseal search` with the same
// options does. On an HQ vault the list also shows each report's sender and
// when it was verified.
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace fieldseal::gui {

class ReportListModel;
class VaultSession;

class ReportsPage : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kSearchDelayMs = 250;
  static constexpr int kMaxColumnWidth = 190;
  explicit ReportsPage(VaultSession* session, QWidget* parent = nullptr);

  [[nodiscard]] ReportListModel* model() const { return model_; }
  // Applies the filters now (the search field's debounce ends here too).
  void apply();
  // Forgets the filter values and the rows (on lock).
  void clear();
  // The ids of the selected rows, in list order (export preselects them).
  [[nodiscard]] QStringList selected_ids() const;

  QComboBox* status_filter;
  QComboBox* act_filter;
  QLineEdit* from_filter;
  QLineEdit* to_filter;
  QLineEdit* search_edit;
  QTableView* table;
  QPushButton* new_button;
  QPushButton* open_button;
  QLabel* info;

 signals:
  void open_report(const QString& id);
  void new_report();

 private:
  void open_current();
  void update_info();

  VaultSession* session_;
  ReportListModel* model_;
  QTimer* debounce_;
};

}  // namespace fieldseal::gui
