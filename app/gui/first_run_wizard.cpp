#include "first_run_wizard.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "common.hpp"
#include "fieldseal/crypto/card.hpp"
#include "file_picker.hpp"
#include "passphrase_widgets.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

QLabel* explanation(const QString& text) {
  auto* label = new QLabel(text);
  label->setWordWrap(true);
  return label;
}

class VaultPage : public QWizardPage {
 public:
  explicit VaultPage(FirstRunWizard* w) : wizard_(w) {
    setTitle(FirstRunWizard::tr("Create a vault"));
    setSubTitle(FirstRunWizard::tr("The vault is an encrypted folder on this computer. "
                                   "Without the passphrase it reveals nothing but its existence."));
    auto* browse = new QPushButton(FirstRunWizard::tr("&Browse…"));
    browse->setAccessibleName(FirstRunWizard::tr("Choose the vault folder"));
    connect(browse, &QPushButton::clicked, this, [this]() {
      const QString dir = FilePicker::choose_folder(this, FirstRunWizard::tr("Vault folder"),
                                                    wizard_->folder_edit->text());
      if (!dir.isEmpty()) wizard_->folder_edit->setText(dir);
    });
    auto* folder = new QHBoxLayout;
    folder->addWidget(wizard_->folder_edit, 1);
    folder->addWidget(browse);
    auto* form = new QFormLayout(this);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto* folder_label = new QLabel(FirstRunWizard::tr("&Folder:"));
    folder_label->setBuddy(wizard_->folder_edit);
    form->addRow(folder_label, folder);
    form->addRow(FirstRunWizard::tr("&Role:"), wizard_->role_combo);
    form->addRow(FirstRunWizard::tr("&Name:"), wizard_->name_edit);
    form->addRow(explanation(FirstRunWizard::tr(
        "The name is shown to HQ on your card. A pseudonym is fine.")));
    connect(wizard_->folder_edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(wizard_->name_edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
  }
  bool isComplete() const override {
    return !wizard_->folder_edit->text().trimmed().isEmpty() &&
           crypto::card_name_valid(utf8(wizard_->name_edit->text()));
  }
  int nextId() const override { return FirstRunWizard::passphrase_page; }

 private:
  FirstRunWizard* wizard_;
};

class PassphrasePage : public QWizardPage {
 public:
  explicit PassphrasePage(FirstRunWizard* w) : wizard_(w) {
    setTitle(FirstRunWizard::tr("Passphrase"));
    setSubTitle(FirstRunWizard::tr("Anyone with this passphrase can read the vault. If you forget "
                                   "it, nobody can recover the vault's content."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(wizard_->passphrase);
    layout->addStretch();
    connect(wizard_->passphrase, &PassphraseField::changed, this, &QWizardPage::completeChanged);
  }
  bool isComplete() const override { return wizard_->passphrase->acceptable(); }
  int nextId() const override { return FirstRunWizard::duress_page; }

 private:
  FirstRunWizard* wizard_;
};

class DuressPage : public QWizardPage {
 public:
  explicit DuressPage(FirstRunWizard* w) : wizard_(w) {
    setTitle(FirstRunWizard::tr("Duress passphrase (optional)"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation(FirstRunWizard::tr(
        "If you are forced to open the vault, type the duress passphrase instead. It silently "
        "destroys the vault's content and opens an empty vault that looks normal. Nothing in "
        "the vault's files shows whether a duress passphrase exists.")));
    layout->addWidget(wizard_->duress_check);
    layout->addWidget(wizard_->duress);
    layout->addStretch();
    wizard_->duress->setEnabled(false);
    connect(wizard_->duress_check, &QCheckBox::toggled, wizard_->duress, &QWidget::setEnabled);
    connect(wizard_->duress_check, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    connect(wizard_->duress, &PassphraseField::changed, this, &QWizardPage::completeChanged);
  }
  bool isComplete() const override {
    return !wizard_->duress_check->isChecked() || wizard_->duress->acceptable();
  }
  int nextId() const override {
    return wizard_->role_combo->currentIndex() == 0 ? FirstRunWizard::hq_card_page : -1;
  }

 private:
  FirstRunWizard* wizard_;
};

class HqCardPage : public QWizardPage {
 public:
  explicit HqCardPage(FirstRunWizard* w) : wizard_(w) {
    setTitle(FirstRunWizard::tr("HQ card (optional)"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation(FirstRunWizard::tr(
        "Import the card of the organisation you report to. Then compare its safety number "
        "with HQ by phone or in person: if the numbers differ, the card is not theirs.")));
    auto* import = new QPushButton(FirstRunWizard::tr("&Import HQ card…"));
    import->setAccessibleName(FirstRunWizard::tr("Import HQ card"));
    connect(import, &QPushButton::clicked, this, [this]() {
      const QString path = FilePicker::open_file(this, FirstRunWizard::tr("HQ card"));
      if (path.isEmpty()) return;
      QFile file(path);
      if (!file.open(QIODevice::ReadOnly)) {
        wizard_->card_summary->setText(FirstRunWizard::tr("The file could not be read."));
        return;
      }
      wizard_->load_card_text(file.read(static_cast<qint64>(crypto::kCardMaxBytes) + 1));
      emit completeChanged();
    });
    layout->addWidget(import, 0, Qt::AlignLeft);
    wizard_->card_summary->setWordWrap(true);
    wizard_->card_summary->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                                   Qt::TextSelectableByKeyboard);
    layout->addWidget(wizard_->card_summary);
    layout->addWidget(wizard_->card_compared);
    layout->addStretch();
    connect(wizard_->card_compared, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
  }
  bool isComplete() const override {
    return wizard_->card_summary->property("loaded").toBool() == false ||
           wizard_->card_compared->isChecked();
  }
  int nextId() const override { return -1; }

 private:
  FirstRunWizard* wizard_;
};

}  // namespace

FirstRunWizard::FirstRunWizard(VaultSession* session, const QString& directory, QWidget* parent)
    : QWizard(parent), folder_edit(new QLineEdit(directory)), role_combo(new QComboBox),
      name_edit(new QLineEdit), passphrase(new PassphraseField(true)),
      duress_check(new QCheckBox(tr("&Set a duress passphrase"))),
      duress(new PassphraseField(false)), card_summary(new QLabel(tr("No card imported."))),
      card_compared(new QCheckBox(tr("I &compared the safety number with HQ and it matches"))),
      status(new QLabel), session_(session) {
  setWindowTitle(tr("fieldseal — first run"));
  setWizardStyle(QWizard::ClassicStyle);
  setOption(QWizard::NoBackButtonOnStartPage);
  setButtonText(QWizard::BackButton, tr("< &Back"));
  setButtonText(QWizard::NextButton, tr("&Next >"));
  setButtonText(QWizard::FinishButton, tr("&Create vault"));
  setButtonText(QWizard::CancelButton, tr("Cancel"));
  folder_edit->setAccessibleName(tr("Vault folder"));
  role_combo->addItem(tr("Field researcher"));
  role_combo->addItem(tr("HQ (receiving organisation)"));
  role_combo->setAccessibleName(tr("Role"));
  name_edit->setAccessibleName(tr("Name on your card"));
  name_edit->setMaxLength(128);
  duress_check->setAccessibleName(tr("Set a duress passphrase"));
  card_compared->setAccessibleName(tr("Safety number compared"));
  card_compared->setEnabled(false);
  status->setWordWrap(true);
  status->setAccessibleName(tr("Status"));

  setPage(vault_page, new VaultPage(this));
  setPage(passphrase_page, new PassphrasePage(this));
  setPage(duress_page, new DuressPage(this));
  setPage(hq_card_page, new HqCardPage(this));
  setStartId(vault_page);
  // One status line, moved to whichever page is showing.
  connect(this, &QWizard::currentIdChanged, this, [this](int id) {
    if (id >= 0 && page(id)->layout()) page(id)->layout()->addWidget(status);
  });
  resize(760, 560);
}

bool FirstRunWizard::load_card_text(const QByteArray& text) {
  const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
  auto card = crypto::parse_card(view);
  card_compared->setChecked(false);
  if (!card.ok()) {
    card_text_.clear();
    card_summary->setProperty("loaded", false);
    card_compared->setEnabled(false);
    card_summary->setText(Messages::error(card.error()));
    return false;
  }
  if (card->role != crypto::CardRole::hq) {
    card_text_.clear();
    card_summary->setProperty("loaded", false);
    card_compared->setEnabled(false);
    card_summary->setText(tr("This card belongs to a field researcher, not to an HQ."));
    return false;
  }
  card_text_ = QString::fromUtf8(text);
  card_summary->setProperty("loaded", true);
  card_compared->setEnabled(true);
  card_summary->setText(tr("Card of: %1\nSafety number:\n%2")
                            .arg(qs(card->name),
                                 qs(crypto::safety_number(card->age_recipient, card->signing_key))));
  return true;
}

void FirstRunWizard::set_busy(bool busy) {
  creating_ = busy;
  for (auto which : {QWizard::BackButton, QWizard::FinishButton, QWizard::CancelButton})
    if (button(which)) button(which)->setEnabled(!busy);
  if (busy) status->setText(tr("Creating the vault… (deriving keys takes a few seconds)"));
}

void FirstRunWizard::accept() {
  if (creating_) return;
  VaultSession::CreateRequest request;
  request.directory = std::filesystem::path(utf8(folder_edit->text().trimmed()));
  request.role = role_combo->currentIndex() == 0 ? storage::Role::field : storage::Role::hq;
  request.name = utf8(name_edit->text());
  request.passphrase = std::make_shared<crypto::SecretBuffer>(passphrase->take());
  passphrase->clear();
  if (duress_check->isChecked()) {
    request.duress = std::make_shared<crypto::SecretBuffer>(duress->take());
    duress->clear();
  }
  if (request.role == storage::Role::field && card_summary->property("loaded").toBool())
    request.hq_card = utf8(card_text_);
  set_busy(true);
  session_->create(std::move(request), this, [this](std::optional<storage::Error> error) {
    set_busy(false);
    if (error) {
      status->setText(Messages::error(*error));
      // The passphrases were consumed: ask for them again.
      restart();
      warn(this, tr("The vault was not created"), Messages::error(*error));
      return;
    }
    emit vault_created();
    QWizard::accept();
  });
}

}  // namespace fieldseal::gui
