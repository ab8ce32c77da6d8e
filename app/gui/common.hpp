#pragma once
// Small helpers shared by the GUI: string conversion, the UI language for the
// core's vocabulary labels, translated error texts and passphrase intake.
#include <QCoreApplication>
#include <QString>
#include <string>
#include <string_view>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/vocabulary.hpp"

class QLineEdit;

namespace fieldseal::gui {

[[nodiscard]] QString qs(std::string_view text);
[[nodiscard]] std::string utf8(const QString& text);

// The language of vocabulary labels (set once at start from the preferences).
[[nodiscard]] storage::Language ui_language() noexcept;
void set_ui_language(storage::Language language) noexcept;

class Messages {
  Q_DECLARE_TR_FUNCTIONS(Messages)
 public:
  [[nodiscard]] static QString error(storage::Error error);
  [[nodiscard]] static QString error(crypto::Error error);
};

// Copies the line edit's text into secret memory, overwrites the temporary
// UTF-8 copy and clears the field. (QLineEdit keeps its own QString, which
// Qt does not let us wipe; clearing it drops the reference early.)
[[nodiscard]] crypto::SecretBuffer take_passphrase(QLineEdit* edit);

}  // namespace fieldseal::gui

namespace fieldseal::gui {
// $FIELDSEAL_VAULT (as the CLI), else $XDG_DATA_HOME/fieldseal/vault. Never
// stored: the GUI remembers no paths.
[[nodiscard]] QString default_vault_directory();
}  // namespace fieldseal::gui

class QWidget;
namespace fieldseal::gui {
// Message boxes with translated buttons (Qt's own translations may be absent).
void warn(QWidget* parent, const QString& title, const QString& text);
// true when the user chose `yes_text`; the default button is the safe one.
[[nodiscard]] bool confirm(QWidget* parent, const QString& title, const QString& text,
                           const QString& yes_text);
}  // namespace fieldseal::gui

namespace fieldseal::gui {
// Installs the translation for "en" or "ru" (embedded .qm under :/i18n) and
// sets ui_language() accordingly. Replaces an earlier one.
bool install_language(const QString& language);
}  // namespace fieldseal::gui
