#pragma once
// HQ: bundles from senders who are not contacts. Each held bundle shows its
// sender's key and safety number; the analyst loads the sender's card (got
// through another channel), compares the safety numbers with the sender, and
// accepts (card added as a contact, bundle imported) or drops the bundle.
#include <QWidget>

namespace fieldseal::gui {

class VaultSession;

class QuarantinePage : public QWidget {
  Q_OBJECT
 public:
  explicit QuarantinePage(VaultSession* session, QWidget* parent = nullptr);

  // Reads the quarantine list from the vault.
  void reload();
  // Forgets every row (on lock).
  void clear();

 signals:
  // A bundle was accepted: report lists and the dashboard must reload.
  void vault_changed();

 private:
  VaultSession* session_;
};

}  // namespace fieldseal::gui
