#pragma once
// The unlock screen: a folder, a passphrase and nothing about the vault's
// content (not even its name, which is inside the encrypted key slots).
// Argon2id runs on the session's worker; a busy bar shows meanwhile.
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace fieldseal::gui {

class VaultSession;

class UnlockWidget : public QWidget {
  Q_OBJECT
 public:
  explicit UnlockWidget(VaultSession* session, QWidget* parent = nullptr);

  void reset(const QString& directory);
  void unlock();
  [[nodiscard]] bool busy() const { return busy_; }

  QLineEdit* folder_edit;
  QLineEdit* passphrase_edit;
  QPushButton* unlock_button;
  QPushButton* create_button;
  QLabel* message;

 signals:
  void create_requested();

 private:
  void set_busy(bool busy);

  VaultSession* session_;
  QProgressBar* busy_bar_;
  QPushButton* browse_;
  bool busy_ = false;
};

}  // namespace fieldseal::gui
