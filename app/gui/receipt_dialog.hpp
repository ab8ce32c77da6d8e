#pragma once
// HQ: a receipt for one researcher. The dialog lists the field contacts with
// what was received from each (storage::received_summary: bundles, reports,
// last received; the same as `fieldseal stats --received`), a destination
// folder (removable drives first, any other folder through FilePicker, which
// remembers nothing) and the armor option; Create runs
// transport::make_receipt on the session's worker (as `fieldseal receipt`)
// and then says what was written where and what happens when the researcher
// imports it. A researcher from whom nothing was received cannot be chosen.
//
// Opened by DashboardPage::create_receipt; the main window may open it from a
// menu too. Non-modal, with open(); everything it shows is dropped when it
// is closed or the session locks (the owner deletes it).
#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fieldseal::gui {

class VaultSession;

class ReceiptDialog : public QDialog {
  Q_OBJECT
 public:
  enum Column { column_name, column_bundles, column_reports, column_last, columns };

  explicit ReceiptDialog(VaultSession* session, QWidget* parent = nullptr);

  // Lists the field contacts (on the worker).
  void reload();
  // Adds `folder` to the destinations (once) and selects it.
  void set_destination(const QString& folder);
  // Asks for a folder with FilePicker (the Other folder… button).
  void choose_folder();
  // Selects the researcher named `name` (tests; keyboard users use the table).
  bool select_researcher(const QString& name);
  // Writes the receipt for the selected researcher (Create).
  void create();

  [[nodiscard]] bool busy() const { return busy_; }
  [[nodiscard]] QString destination() const;
  // The sentence shown after the last Create (empty before).
  [[nodiscard]] QString result_text() const;

  QTableWidget* researchers;
  QComboBox* destinations;
  QPushButton* browse_button;
  QCheckBox* armor_check;
  QPushButton* create_button;
  QPushButton* close_button;
  QLabel* status;

 signals:
  void researchers_loaded();
  // A receipt file was written and checked.
  void receipt_written(const QString& file);
  void receipt_failed(const QString& message);

 private:
  void update_buttons();
  void add_removable_drives();

  VaultSession* session_;
  bool busy_ = false;
};

}  // namespace fieldseal::gui
