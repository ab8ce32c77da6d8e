#pragma once
// HQ: counts of incidents per month, per act type and per region, painted
// with QPainter from the core's statistics query (the same numbers the CLI
// prints), and the creation of receipts for researchers (ReceiptDialog).
#include <QWidget>

namespace fieldseal::gui {

class VaultSession;

class DashboardPage : public QWidget {
  Q_OBJECT
 public:
  explicit DashboardPage(VaultSession* session, QWidget* parent = nullptr);

  // Reads the statistics from the vault.
  void reload();
  // Forgets every number (on lock).
  void clear();
  // Opens the receipt dialog.
  void create_receipt();

 private:
  VaultSession* session_;
};

}  // namespace fieldseal::gui
