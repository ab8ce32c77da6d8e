#pragma once
// First run: where the vault goes, its role and name, the passphrase (with a
// strength meter and a generator), an optional duress passphrase and, for a
// field vault, the HQ card with its safety number to compare. Finishing
// creates the vault through VaultSession (Argon2id on the worker thread);
// on success the vault is open.
#include <QWizard>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace fieldseal::gui {

class PassphraseField;
class VaultSession;

class FirstRunWizard : public QWizard {
  Q_OBJECT
 public:
  enum PageId { vault_page, passphrase_page, duress_page, hq_card_page };
  FirstRunWizard(VaultSession* session, const QString& directory, QWidget* parent = nullptr);

  // Widgets, for tests and keyboard navigation checks.
  QLineEdit* folder_edit;
  QComboBox* role_combo;
  QLineEdit* name_edit;
  PassphraseField* passphrase;
  QCheckBox* duress_check;
  PassphraseField* duress;
  QLabel* card_summary;
  QCheckBox* card_compared;
  QLabel* status;

  // Loads an HQ card from text (the file button reads a file and calls this).
  bool load_card_text(const QByteArray& text);
  [[nodiscard]] bool creating() const { return creating_; }

  void accept() override;

 signals:
  void vault_created();

 private:
  void set_busy(bool busy);

  VaultSession* session_;
  QString card_text_;
  bool creating_ = false;
};

}  // namespace fieldseal::gui
