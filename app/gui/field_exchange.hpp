#pragma once
// The field researcher's side of the exchange with HQ, as actions the main
// window offers on a field vault: export to HQ (ExportDialog), import of
// HQ's receipts, and the purge of delivered reports. Every vault call goes
// through VaultSession::run (fieldseal::transport's export_bundle,
// apply_receipt_file, purge_delivered), the same API the CLI calls.
//
// Every dialog and message box here is opened with open() (window-modal, no
// nested event loop), kept by a guarded pointer and closed by
// close_dialogs(), so a lock can drop everything at once.
#include <QDialog>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QLabel;
class QPushButton;
class QTableWidget;
class QWidget;

namespace fieldseal::gui {

class ExportDialog;
class VaultSession;

// Import of HQ's receipts: the chosen files are listed (Add file… through
// FilePicker, Remove), Import applies each one that has no result yet with
// transport::apply_receipt_file, and the table says per file what changed
// (newly delivered, already delivered, unknown to this vault, purged at once
// when purge-on-receipt is on) or why it was rejected (nothing changed).
class ReceiptImportDialog : public QDialog {
  Q_OBJECT
 public:
  enum Column { column_file, column_result, columns };
  explicit ReceiptImportDialog(VaultSession* session, QWidget* parent = nullptr);

  // Lists these files (each once); folders are not taken.
  void add_files(const QStringList& paths);
  // Asks for one file with FilePicker (the Add file… button).
  void choose_file();
  // Applies every listed file without a result, in list order (Import).
  void import_files();

  [[nodiscard]] bool busy() const { return busy_; }
  [[nodiscard]] QStringList files() const;
  // The result sentence shown for row `row` (empty: not imported yet).
  [[nodiscard]] QString result_text(int row) const;

  QTableWidget* table;
  QPushButton* add_button;
  QPushButton* remove_button;
  QPushButton* import_button;
  QPushButton* close_button;
  QLabel* status;

 signals:
  // Reports were marked delivered or purged.
  void vault_changed();

 private:
  struct Applied;
  void show_applied(const std::vector<Applied>& applied);
  void update_buttons();

  VaultSession* session_;
  bool busy_ = false;
};

class FieldExchange : public QObject {
  Q_OBJECT
 public:
  // `parent_widget` parents the dialogs.
  FieldExchange(VaultSession* session, QWidget* parent_widget);

  // Opens the export dialog; `preselected` report ids are ticked (empty:
  // every final report not yet delivered).
  void export_reports(const QStringList& preselected = {});
  // Opens the receipt dialog and asks for receipt files; it says per file
  // what changed.
  void import_receipts();
  // Counts the delivered reports, asks for confirmation (how many; cannot
  // be undone), then purges them and says how many were purged.
  void purge_delivered();
  // Closes any dialog this object opened (on lock); a running export is
  // cancelled.
  void close_dialogs();

  // The dialogs and the message box now open (null when none).
  [[nodiscard]] ExportDialog* export_dialog() const;
  [[nodiscard]] ReceiptImportDialog* receipt_dialog() const { return receipt_dialog_; }
  [[nodiscard]] QMessageBox* message_box() const { return box_; }
  // A purge (count, confirmation or run) is under way.
  [[nodiscard]] bool busy() const { return busy_; }

 signals:
  // Reports were exported, marked delivered or purged: lists must reload.
  void vault_changed();

 private:
  void show_box(QMessageBox::Icon icon, const QString& title, const QString& text);
  void confirm_purge(std::size_t count);
  void run_purge();

  VaultSession* session_;
  QWidget* parent_widget_;
  QPointer<ExportDialog> export_dialog_;
  QPointer<ReceiptImportDialog> receipt_dialog_;
  QPointer<QMessageBox> box_;
  bool busy_ = false;
};

}  // namespace fieldseal::gui
