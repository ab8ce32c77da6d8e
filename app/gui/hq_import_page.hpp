#pragma once
// HQ: import of bundles. Files or folders are dropped on the page (or chosen
// with the button); fieldseal::transport::import_files runs on the session's
// worker with progress and cancel, and a results table lists every bundle:
// imported (N reports, sender), duplicate, quarantined, rejected with the
// reason, or parts missing (which part), plus possibly lost bundles
// (sequence gaps).
#include <QStringList>
#include <QWidget>

namespace fieldseal::gui {

class VaultSession;

class HqImportPage : public QWidget {
  Q_OBJECT
 public:
  explicit HqImportPage(VaultSession* session, QWidget* parent = nullptr);

  // Imports these files and folders (what a drop or the button does).
  void import_paths(const QStringList& paths);
  // Empties the results table (on lock).
  void clear();

 signals:
  // New reports were imported: report lists and the dashboard must reload.
  void vault_changed();
  // Bundles went into quarantine.
  void quarantine_changed();

 private:
  VaultSession* session_;
};

}  // namespace fieldseal::gui
