#pragma once
// HQ: import of bundles. Files or folders are dropped on the page (or chosen
// with the button); fieldseal::transport::import_files runs on the session's
// worker with progress and cancel, and a results table lists every bundle:
// imported (N reports, sender), duplicate, quarantined, rejected with the
// reason, or parts missing (which part), plus possibly lost bundles
// (sequence gaps).
//
// A drop (or a button) imports at once; everything dropped together is one
// import_files call, so the parts of a split bundle must arrive together
// (dropped at once, or as their folder). Results accumulate until "Clear
// results" or clear(). Paths given while an import runs are imported after
// it. Nothing is written outside the vault; no path is remembered.
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <memory>
#include <vector>

#include "fieldseal/transport/exchange.hpp"

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;

namespace fieldseal::gui {

class ImportResultsModel;
class VaultSession;

class HqImportPage : public QWidget {
  Q_OBJECT
 public:
  explicit HqImportPage(VaultSession* session, QWidget* parent = nullptr);

  // Imports these files and folders (what a drop or the button does).
  void import_paths(const QStringList& paths);
  // Empties the results table (on lock). Also stops a running import
  // (cancel) and forgets paths waiting for it.
  void clear();
  // Reads the sequence gaps of every sender from the vault (also after each
  // import, and when the page is shown).
  void reload_gaps();

  [[nodiscard]] ImportResultsModel* results() const { return model_; }
  [[nodiscard]] const std::vector<transport::SequenceGap>& gaps() const { return gaps_; }
  [[nodiscard]] bool busy() const { return busy_; }

  QLabel* drop_hint;
  QPushButton* add_file_button;
  QPushButton* add_folder_button;
  QPushButton* clear_button;
  QProgressBar* progress;
  QPushButton* cancel_button;
  QLabel* status_label;
  QTableView* table;
  QListWidget* gaps_list;

 signals:
  // New reports were imported: report lists and the dashboard must reload.
  void vault_changed();
  // Bundles went into quarantine.
  void quarantine_changed();
  // An import ended and its rows are in the table (also after an error).
  void import_finished();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void set_busy(bool busy);
  void show_progress(quint64 run, int permille);
  void show_gaps(std::vector<transport::SequenceGap> gaps);
  void choose_file();
  void choose_folder();

  VaultSession* session_;
  ImportResultsModel* model_;
  std::vector<transport::SequenceGap> gaps_;
  QStringList pending_;
  std::shared_ptr<std::atomic<bool>> cancel_;
  quint64 run_ = 0;
  bool busy_ = false;
};

}  // namespace fieldseal::gui
