#include "unlock_widget.hpp"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "common.hpp"
#include "file_picker.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

UnlockWidget::UnlockWidget(VaultSession* session, QWidget* parent)
    : QWidget(parent), folder_edit(new QLineEdit), passphrase_edit(new QLineEdit),
      unlock_button(new QPushButton(tr("&Unlock"))),
      create_button(new QPushButton(tr("Create a &new vault…"))), message(new QLabel),
      session_(session), busy_bar_(new QProgressBar), browse_(new QPushButton(tr("&Browse…"))) {
  folder_edit->setAccessibleName(tr("Vault folder"));
  passphrase_edit->setAccessibleName(tr("Passphrase"));
  passphrase_edit->setEchoMode(QLineEdit::Password);
  passphrase_edit->setMaxLength(1024);
  unlock_button->setAccessibleName(tr("Unlock"));
  unlock_button->setDefault(true);
  create_button->setAccessibleName(tr("Create a new vault"));
  browse_->setAccessibleName(tr("Choose the vault folder"));
  message->setWordWrap(true);
  message->setAccessibleName(tr("Unlock status"));
  busy_bar_->setRange(0, 0);
  busy_bar_->setVisible(false);
  busy_bar_->setAccessibleName(tr("Unlocking"));

  auto* title = new QLabel(tr("fieldseal"));
  QFont font = title->font();
  font.setPointSizeF(font.pointSizeF() * 1.6);
  font.setBold(true);
  title->setFont(font);

  auto* folder_row = new QHBoxLayout;
  folder_row->addWidget(folder_edit, 1);
  folder_row->addWidget(browse_);
  auto* form = new QFormLayout;
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  auto* folder_label = new QLabel(tr("&Vault folder:"));
  folder_label->setBuddy(folder_edit);
  form->addRow(folder_label, folder_row);
  auto* pass_label = new QLabel(tr("&Passphrase:"));
  pass_label->setBuddy(passphrase_edit);
  form->addRow(pass_label, passphrase_edit);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(unlock_button);
  buttons->addStretch();
  buttons->addWidget(create_button);

  auto* box = new QWidget;
  box->setMaximumWidth(640);
  auto* inner = new QVBoxLayout(box);
  inner->addWidget(title);
  inner->addLayout(form);
  inner->addWidget(busy_bar_);
  inner->addWidget(message);
  inner->addLayout(buttons);

  auto* outer = new QVBoxLayout(this);
  outer->addStretch(1);
  auto* centre = new QHBoxLayout;
  centre->addStretch(1);
  centre->addWidget(box, 4);
  centre->addStretch(1);
  outer->addLayout(centre);
  outer->addStretch(2);

  connect(unlock_button, &QPushButton::clicked, this, &UnlockWidget::unlock);
  connect(passphrase_edit, &QLineEdit::returnPressed, this, &UnlockWidget::unlock);
  connect(create_button, &QPushButton::clicked, this, &UnlockWidget::create_requested);
  connect(browse_, &QPushButton::clicked, this, [this]() {
    const QString dir = FilePicker::choose_folder(this, tr("Vault folder"), folder_edit->text());
    if (!dir.isEmpty()) folder_edit->setText(dir);
  });
  setTabOrder(passphrase_edit, unlock_button);
}

void UnlockWidget::reset(const QString& directory) {
  folder_edit->setText(directory);
  passphrase_edit->clear();
  message->clear();
  set_busy(false);
  passphrase_edit->setFocus();
}

void UnlockWidget::set_busy(bool busy) {
  busy_ = busy;
  busy_bar_->setVisible(busy);
  for (QWidget* w : std::initializer_list<QWidget*>{folder_edit, passphrase_edit, unlock_button,
                                                    create_button, browse_})
    w->setEnabled(!busy);
  if (busy) message->setText(tr("Checking the passphrase…"));
}

void UnlockWidget::unlock() {
  if (busy_ || passphrase_edit->text().isEmpty()) return;
  auto passphrase = std::make_shared<crypto::SecretBuffer>(take_passphrase(passphrase_edit));
  set_busy(true);
  session_->unlock(std::filesystem::path(utf8(folder_edit->text().trimmed())),
                   std::move(passphrase), this, [this](std::optional<storage::Error> error) {
                     set_busy(false);
                     if (error) {
                       message->setText(Messages::error(*error));
                       passphrase_edit->setFocus();
                     } else {
                       message->clear();
                     }
                   });
}

}  // namespace fieldseal::gui
