#include "common.hpp"

#include <QByteArray>
#include <QLineEdit>
#include <atomic>
#include <span>

#include <sodium.h>

namespace fieldseal::gui {

namespace {
std::atomic<storage::Language> g_language{storage::Language::en};
}

QString qs(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

std::string utf8(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

storage::Language ui_language() noexcept { return g_language.load(); }
void set_ui_language(storage::Language language) noexcept { g_language.store(language); }

crypto::SecretBuffer take_passphrase(QLineEdit* edit) {
  QByteArray bytes = edit->text().toUtf8();
  auto secret = crypto::SecretBuffer::from_bytes(
      std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                static_cast<std::size_t>(bytes.size())));
  sodium_memzero(bytes.data(), static_cast<std::size_t>(bytes.size()));
  edit->clear();
  return secret;
}

QString Messages::error(storage::Error error) {
  using E = storage::Error;
  switch (error) {
    case E::vault_not_found: return tr("There is no vault in this folder.");
    case E::vault_exists: return tr("This folder already holds a vault.");
    case E::wrong_passphrase: return tr("The passphrase did not open the vault.");
    case E::key_slots_damaged: return tr("The vault's key file is damaged.");
    case E::database_damaged: return tr("The vault's data file is damaged or does not match the keys.");
    case E::database_locked: return tr("The vault is open in another program.");
    case E::schema_too_new: return tr("The vault was written by a newer version of fieldseal.");
    case E::key_slots_full: return tr("There is no free passphrase slot.");
    case E::passphrase_empty: return tr("The passphrase is empty.");
    case E::kdf_failed: return tr("Not enough memory to check the passphrase.");
    case E::io_failed: return tr("A file could not be read or written (disk full or no permission?).");
    case E::vault_wiped: return tr("The vault has been destroyed.");
    case E::wrong_role: return tr("This belongs to the other kind of vault (field or HQ).");
    case E::not_found: return tr("The record was not found.");
    case E::invalid_argument: return tr("A field is missing or out of range.");
    case E::report_final: return tr("A final report cannot be edited; add an amendment instead.");
    case E::report_not_final: return tr("The report must be finalized first.");
    case E::unknown_act_type: return tr("Unknown type of act.");
    case E::attachment_not_found: return tr("The attachment was not found.");
    case E::contact_exists: return tr("A contact with this name or key already exists.");
    case E::card_invalid: return tr("The card is not valid.");
    case E::custody_chain_broken: return tr("The custody log does not verify.");
    case E::signature_invalid: return tr("A signature does not verify.");
    case E::search_query_invalid: return tr("The search needs at least one word.");
    case E::purged: return tr("The report's content has been purged.");
    case E::sql_failed: return tr("The vault's database reported an error.");
    case E::constraint_failed: return tr("The change conflicts with data already in the vault.");
    case E::attachment_damaged: return tr("The attachment's stored bytes are damaged.");
    case E::report_json_invalid: return tr("The report data is not valid.");
  }
  return qs(storage::message(error));
}

QString Messages::error(crypto::Error error) {
  using E = crypto::Error;
  switch (error) {
    case E::card_malformed:
    case E::card_too_large:
    case E::bech32_invalid:
    case E::bech32_wrong_prefix:
    case E::key_invalid:
    case E::base64_invalid:
      return tr("This is not a valid fieldseal card.");
    case E::card_signature_invalid:
      return tr("The card's signature does not verify: it was altered.");
    case E::io_read: return tr("The file could not be read.");
    case E::self_test_failed: return tr("The cryptographic self-test failed.");
    default: break;
  }
  return qs(crypto::message(error));
}

}  // namespace fieldseal::gui

#include <QStandardPaths>

namespace fieldseal::gui {
QString default_vault_directory() {
  const QString env = qEnvironmentVariable("FIELDSEAL_VAULT");
  if (!env.isEmpty()) return env;
  return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
         QStringLiteral("/fieldseal/vault");
}
}  // namespace fieldseal::gui

#include <QMessageBox>
#include <QPushButton>

namespace fieldseal::gui {
void warn(QWidget* parent, const QString& title, const QString& text) {
  QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
  box.addButton(Messages::tr("OK"), QMessageBox::AcceptRole);
  box.exec();
}

bool confirm(QWidget* parent, const QString& title, const QString& text,
             const QString& yes_text) {
  QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
  QPushButton* yes = box.addButton(yes_text, QMessageBox::AcceptRole);
  QPushButton* no = box.addButton(Messages::tr("Cancel"), QMessageBox::RejectRole);
  box.setDefaultButton(no);
  box.setEscapeButton(no);
  box.exec();
  return box.clickedButton() == yes;
}
}  // namespace fieldseal::gui

#include <QTranslator>

namespace fieldseal::gui {
bool install_language(const QString& language) {
  static QTranslator* translator = nullptr;
  if (translator) {
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
  }
  const bool russian = language == QLatin1String("ru");
  set_ui_language(russian ? storage::Language::ru : storage::Language::en);
  translator = new QTranslator;
  if (!translator->load(russian ? QStringLiteral(":/i18n/fieldseal_ru.qm")
                                : QStringLiteral(":/i18n/fieldseal_en.qm"))) {
    delete translator;
    translator = nullptr;
    return false;
  }
  QCoreApplication::installTranslator(translator);
  return true;
}
}  // namespace fieldseal::gui
