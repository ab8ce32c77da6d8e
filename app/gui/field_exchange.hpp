#pragma once
// The field researcher's side of the exchange with HQ, as actions the main
// window offers on a field vault: export to HQ (ExportDialog), import of
// HQ's receipts, and the purge of delivered reports. Every vault call goes
// through VaultSession::run (fieldseal::transport's export_bundle,
// apply_receipt_file, purge_delivered), the same API the CLI calls.
#include <QObject>
#include <QStringList>

class QWidget;

namespace fieldseal::gui {

class VaultSession;

class FieldExchange : public QObject {
  Q_OBJECT
 public:
  // `parent_widget` parents the dialogs.
  FieldExchange(VaultSession* session, QWidget* parent_widget);

  // Opens the export dialog; `preselected` report ids are ticked (empty:
  // every final report not yet delivered).
  void export_reports(const QStringList& preselected = {});
  // Asks for receipt files and applies them; says what changed.
  void import_receipts();
  // Asks for confirmation, then purges every delivered report.
  void purge_delivered();
  // Closes any dialog this object opened (on lock).
  void close_dialogs();

 signals:
  // Reports were exported, marked delivered or purged: lists must reload.
  void vault_changed();

 private:
  VaultSession* session_;
  QWidget* parent_widget_;
};

}  // namespace fieldseal::gui
