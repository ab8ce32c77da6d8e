#include "passphrase_widgets.hpp"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <cmath>

#include <sodium.h>

#include "common.hpp"
#include "fieldseal/crypto/passphrase.hpp"

namespace fieldseal::gui {

StrengthEstimate estimate_strength(const QString& passphrase) {
  bool lower = false, upper = false, digit = false, symbol = false, space = false, other = false;
  for (const QChar c : passphrase) {
    if (c >= u'a' && c <= u'z') lower = true;
    else if (c >= u'A' && c <= u'Z') upper = true;
    else if (c.isDigit()) digit = true;
    else if (c == u' ') space = true;
    else if (c.unicode() < 128) symbol = true;
    else other = true;
  }
  int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 32 : 0) +
             (space ? 1 : 0) + (other ? 66 : 0);
  StrengthEstimate e;
  if (pool == 0) return e;
  e.bits = static_cast<int>(std::floor(static_cast<double>(passphrase.size()) *
                                       std::log2(static_cast<double>(pool))));
  e.level = e.bits < 40 ? 0 : e.bits < 60 ? 1 : e.bits < 80 ? 2 : e.bits < 110 ? 3 : 4;
  return e;
}

PassphraseField::PassphraseField(bool allow_generate, QWidget* parent)
    : QWidget(parent), first_(new QLineEdit), second_(new QLineEdit), meter_(new QProgressBar),
      verdict_(new QLabel), match_(new QLabel), show_(new QCheckBox(tr("S&how passphrase"))) {
  for (QLineEdit* e : {first_, second_}) {
    e->setEchoMode(QLineEdit::Password);
    e->setMaxLength(1024);
    connect(e, &QLineEdit::textEdited, this, [this]() {
      generated_ = false;
      update_meter();
    });
    connect(e, &QLineEdit::textChanged, this, &PassphraseField::update_meter);
  }
  first_->setAccessibleName(tr("Passphrase"));
  second_->setAccessibleName(tr("Repeat passphrase"));
  meter_->setRange(0, 4);
  meter_->setTextVisible(false);
  meter_->setAccessibleName(tr("Passphrase strength"));
  show_->setAccessibleName(tr("Show passphrase"));
  connect(show_, &QCheckBox::toggled, this, [this](bool on) {
    for (QLineEdit* e : {first_, second_})
      e->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
  });

  auto* form = new QFormLayout(this);
  form->setContentsMargins(0, 0, 0, 0);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form->addRow(tr("&Passphrase:"), first_);
  form->addRow(tr("&Repeat:"), second_);
  auto* strength = new QHBoxLayout;
  strength->addWidget(meter_, 1);
  strength->addWidget(verdict_, 1);
  form->addRow(tr("Strength:"), strength);
  form->addRow(QString(), match_);
  auto* row = new QHBoxLayout;
  row->addWidget(show_);
  if (allow_generate) {
    generate_ = new QPushButton(tr("&Generate a passphrase"));
    generate_->setAccessibleName(tr("Generate a passphrase"));
    connect(generate_, &QPushButton::clicked, this, [this]() {
      const crypto::SecretBuffer generated = crypto::generate_passphrase();
      const auto r = generated.read();
      const QString text = qs(r.text());
      first_->setText(text);
      second_->setText(text);
      generated_ = true;
      update_meter();
      show_->setChecked(true);
    });
    row->addWidget(generate_);
  }
  row->addStretch();
  form->addRow(QString(), row);
  update_meter();
}

void PassphraseField::update_meter() {
  auto e = estimate_strength(first_->text());
  // A generated passphrase's strength is known exactly: its random bits.
  if (generated_) e = {static_cast<int>(crypto::kGeneratedPassphraseBits), 4};
  meter_->setValue(first_->text().isEmpty() ? 0 : e.level);
  static const char* const kVerdicts[] = {QT_TR_NOOP("very weak"), QT_TR_NOOP("weak"),
                                          QT_TR_NOOP("fair"), QT_TR_NOOP("strong"),
                                          QT_TR_NOOP("very strong")};
  verdict_->setText(first_->text().isEmpty()
                        ? QString()
                        : tr("%1 (about %2 bits)").arg(tr(kVerdicts[e.level])).arg(e.bits));
  if (second_->text().isEmpty()) {
    match_->clear();
  } else {
    match_->setText(first_->text() == second_->text() ? tr("The passphrases match.")
                                                      : tr("The passphrases differ."));
  }
  emit changed();
}

bool PassphraseField::acceptable() const {
  return !first_->text().isEmpty() && first_->text() == second_->text();
}

crypto::SecretBuffer PassphraseField::take() {
  second_->clear();
  return take_passphrase(first_);
}

void PassphraseField::clear() {
  generated_ = false;
  first_->clear();
  second_->clear();
  show_->setChecked(false);
}

}  // namespace fieldseal::gui
