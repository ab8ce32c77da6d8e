#include "settings_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace fieldseal::gui {

SettingsDialog::SettingsDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent), language(new QComboBox), idle_minutes(new QSpinBox),
      panic_action(new QComboBox) {
  setWindowTitle(tr("Settings"));
  language->addItem(tr("System default"), QString());
  language->addItem(QStringLiteral("English"), QStringLiteral("en"));
  language->addItem(QStringLiteral("Русский"), QStringLiteral("ru"));
  language->setCurrentIndex(std::max(0, language->findData(current.language)));
  language->setAccessibleName(tr("Language"));
  idle_minutes->setRange(1, kMaxIdleMinutes);
  idle_minutes->setValue(current.idle_minutes);
  idle_minutes->setSuffix(tr(" min"));
  idle_minutes->setAccessibleName(tr("Lock after minutes without input"));
  panic_action->addItem(tr("Lock the vault"), static_cast<int>(PanicAction::lock));
  panic_action->addItem(tr("Destroy the vault (panic wipe)"), static_cast<int>(PanicAction::wipe));
  panic_action->setCurrentIndex(current.panic == PanicAction::wipe ? 1 : 0);
  panic_action->setAccessibleName(tr("Panic button action"));

  auto* form = new QFormLayout(this);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  auto add = [form](const QString& text, QWidget* w) {
    auto* label = new QLabel(text);
    label->setBuddy(w);
    form->addRow(label, w);
  };
  add(tr("&Language:"), language);
  auto* note = new QLabel(tr("The window switches to a new language at once; the vault stays unlocked."));
  note->setWordWrap(true);
  form->addRow(QString(), note);
  add(tr("Lock after &idle:"), idle_minutes);
  add(tr("&Panic button:"), panic_action);
  auto* warning = new QLabel(tr("Panic wipe destroys the vault at once, without asking. "
                                "Nothing can bring it back."));
  warning->setWordWrap(true);
  form->addRow(QString(), warning);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
  buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

Preferences SettingsDialog::preferences() const {
  Preferences p;
  p.language = language->currentData().toString();
  p.idle_minutes = idle_minutes->value();
  p.panic = panic_action->currentData().toInt() == static_cast<int>(PanicAction::wipe)
                ? PanicAction::wipe
                : PanicAction::lock;
  return p;
}

}  // namespace fieldseal::gui
