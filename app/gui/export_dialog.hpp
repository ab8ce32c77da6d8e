#pragma once
// The researcher's export to HQ: HQ recipients (contacts with the HQ role;
// ticked when there is exactly one), final reports with their incident date
// and delivery state (ticked: the preselected ids, else every one HQ has not
// yet confirmed), the destination folder (removable drives first, then any
// folder through FilePicker; remembered only while the dialog is open), a
// split preset for the channel and ASCII armor. The export runs
// fieldseal::transport::export_bundle on the session's worker, with a
// progress bar and a Cancel button that stops it (the core then removes what
// it wrote and leaves the vault unchanged). Afterwards the dialog states what
// was written where and what to do next.
//
// The dialog is opened with open() (window-modal, no nested event loop) so
// that a lock can close it at any time; closing it while an export runs
// cancels the export.
#include <QDialog>
#include <QString>
#include <QStringList>
#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fieldseal::gui {

class VaultSession;

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  static constexpr std::uint64_t kMiB = 1024ULL * 1024ULL;
  // Part sizes for the channels' attachment limits, with room for the
  // channel's own overhead (CLI: --split 95M, 1900M, 20M).
  static constexpr std::uint64_t kSignalPartBytes = 95 * kMiB;     // Signal: 100 MB
  static constexpr std::uint64_t kTelegramPartBytes = 1900 * kMiB;  // Telegram: 2 GB
  static constexpr std::uint64_t kEmailPartBytes = 20 * kMiB;       // e-mail: ~25 MB encoded
  static constexpr int kMinCustomMiB = 1;
  static constexpr int kMaxCustomMiB = 1024 * 1024;  // 1 TiB, the CLI's cap
  static constexpr int kProgressSteps = 1000;

  // Indices of split_combo.
  enum SplitPreset { split_none, split_signal, split_telegram, split_email, split_custom };
  // Columns of reports_table (the first one carries the tick box and the id).
  enum ReportColumn { column_title, column_incident, column_delivery, report_columns };

  struct Volume {
    QString root;  // mount point
    QString name;  // label or device
    std::uint64_t free_bytes = 0;
  };
  // Mounted, writable volumes that look removable: mounted under /media,
  // /run/media or /mnt, or on a device whose name suggests USB or a card.
  [[nodiscard]] static std::vector<Volume> removable_volumes();
  [[nodiscard]] static bool looks_removable(const QString& root, const QString& device);

  // Loads the contacts and reports on the worker (reload()).
  ExportDialog(VaultSession* session, const QStringList& preselected, QWidget* parent = nullptr);
  ~ExportDialog() override;

  // Reads HQ contacts and final reports again; lists the removable drives.
  void reload();
  // Adds `folder` as a destination (after the drives) and selects it: what
  // "Other folder…" does with the picker's answer.
  void set_destination(const QString& folder);
  // Opens FilePicker to choose a folder.
  void choose_folder();
  // Ticks every report / none.
  void tick_all_reports(bool ticked);
  // Starts the export with the current choices (the Export button).
  void start_export();
  // Stops a running export (the Cancel button while exporting).
  void cancel_export();

  [[nodiscard]] bool loading() const { return loading_; }
  [[nodiscard]] bool busy() const { return busy_; }
  [[nodiscard]] QString destination() const;
  // 0: one file; else the part size in bytes.
  [[nodiscard]] std::uint64_t split_bytes() const;
  [[nodiscard]] QStringList ticked_recipients() const;
  [[nodiscard]] QStringList ticked_reports() const;
  // The files of the last successful export, in part order.
  [[nodiscard]] const QStringList& written_files() const { return written_; }

  QListWidget* recipients_list;
  QTableWidget* reports_table;
  QPushButton* tick_all_button;
  QPushButton* tick_none_button;
  QComboBox* destination_combo;
  QPushButton* folder_button;
  QComboBox* split_combo;
  QSpinBox* custom_split;
  QCheckBox* armor_check;
  QProgressBar* progress;
  QLabel* status;
  QPlainTextEdit* statement;
  QPushButton* export_button;
  QPushButton* cancel_button;
  QPushButton* close_button;

 signals:
  // Reports were exported (their delivery state changed).
  void exported();

 public slots:
  void reject() override;

 private:
  struct Loaded;
  struct Outcome;
  void show_loaded(Loaded loaded);
  void show_outcome(Outcome outcome, const QStringList& recipients, const QString& folder);
  void on_progress(std::uint64_t done, std::uint64_t total);
  void update_buttons();
  void set_busy(bool busy);

  VaultSession* session_;
  QStringList preselected_;
  QStringList written_;
  std::shared_ptr<std::atomic<bool>> cancel_;
  bool loading_ = false;
  bool busy_ = false;
};

}  // namespace fieldseal::gui
