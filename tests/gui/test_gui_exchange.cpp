// Drives the researcher's exchange screens on the offscreen platform against
// a real field vault (through VaultSession) and a real HQ vault (core API):
// export through ExportDialog into a temp folder (one armored file; split
// parts), a cancelled export that leaves nothing, HQ's import of what was
// written, receipt import (a good and a bad file), purge of delivered
// reports (declined, then confirmed), a keyboard-only export, the lock
// closing every dialog, and the removable-drive rule.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStorageInfo>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>

#include "common.hpp"
#include "export_dialog.hpp"
#include "field_exchange.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "file_picker.hpp"
#include "vault_session.hpp"
#include "exchange_test_support.hpp"

using namespace fieldseal;
using namespace fieldseal::gui;

namespace {

constexpr int kWait = 60000;  // generous: Argon2id and sealing on a loaded machine
constexpr std::size_t kAttachmentBytes = 2500 * 1024;  // > 2 parts of 1 MiB
const char* const kPassphrase = "correct horse battery staple 42";
const char* const kHqName = "HQ Test Org";
const char* const kResearcher = "Researcher N";

// A final report with an attachment of `bytes` pseudo-random bytes
// (incompressible, so the bundle is about that large). Returns its id.
std::string make_final_report(storage::Vault& vault, const std::string& title, std::size_t bytes) {
  storage::ReportDraft draft;
  draft.title = title;
  draft.narrative = "Detained after the picket; released the next morning.";
  draft.start = storage::PartialDate{storage::DatePrecision::month, "2024-03"};
  auto id = storage::create_report(vault.database(), vault.signing_key(), draft);
  if (!id) return {};
  if (bytes > 0) {
    std::vector<std::uint8_t> data(bytes);
    std::uint32_t x = 2463534242u;
    for (auto& b : data) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      b = static_cast<std::uint8_t>(x);
    }
    crypto::MemorySource source(data);
    if (!storage::add_attachment(vault.database(), vault.signing_key(), *id, source, "photo.jpg",
                                 "image/jpeg"))
      return {};
  }
  if (!storage::finalize_report(vault.database(), vault.signing_key(), *id)) return {};
  return *id;
}

QStringList files_in(const QString& dir) {
  return QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

// Answers the next FilePicker with `path` typed into its path field and Enter.
void answer_next_picker(const QString& path) {
  auto* timer = new QTimer;
  timer->setInterval(20);
  QObject::connect(timer, &QTimer::timeout, timer, [timer, path]() {
    auto* picker = qobject_cast<FilePicker*>(QApplication::activeModalWidget());
    if (!picker) return;
    timer->stop();
    timer->deleteLater();
    auto* edit = picker->findChild<QLineEdit*>();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, path);
    QTest::keyClick(edit, Qt::Key_Return);
  });
  timer->start();
}

QAbstractButton* button_with_role(QMessageBox* box, QMessageBox::ButtonRole role) {
  for (QAbstractButton* b : box->buttons())
    if (box->buttonRole(b) == role) return b;
  return nullptr;
}

}  // namespace

class TestGuiExchange : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void removable_drive_rule();
  void dialog_lists_recipients_and_reports();
  void export_one_armored_file();
  void export_split_parts();
  void cancel_leaves_nothing();
  void hq_imports_what_was_written();
  void receipt_import();
  void purge_delivered();
  void keyboard_only_export();
  void lock_closes_dialogs();
  void cleanupTestCase();

 private:
  QString out_dir(const QString& name);
  ExportDialog* open_export(const QStringList& preselected = {});
  std::vector<storage::DeliveryState> delivery_states();

  QTemporaryDir temp_;
  std::unique_ptr<VaultSession> session_;
  std::unique_ptr<QWidget> window_;
  std::unique_ptr<FieldExchange> exchange_;
  std::optional<storage::Vault> hq_;
  std::vector<std::string> report_ids_;  // [0] small, [1] large
  QStringList exported_files_;
};

void TestGuiExchange::initTestCase() {
  QVERIFY(temp_.isValid());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, temp_.filePath("config"));
  install_language(QStringLiteral("en"));

  const auto passphrase = crypto::SecretBuffer::from_text(kPassphrase);
  auto hq = storage::Vault::create(std::filesystem::path(utf8(temp_.filePath("hq"))), storage::Role::hq,
                                   kHqName, passphrase, crypto::Argon2idParams::floor());
  QVERIFY(hq.ok());
  hq_.emplace(std::move(*hq));
  auto hq_card = hq_->card_text();
  QVERIFY(hq_card.ok());

  session_ = std::make_unique<VaultSession>();
  session_->set_kdf_params(crypto::Argon2idParams::floor());
  VaultSession::CreateRequest request;
  request.directory = std::filesystem::path(utf8(temp_.filePath("field")));
  request.name = kResearcher;
  request.passphrase = std::make_shared<crypto::SecretBuffer>(crypto::SecretBuffer::from_text(kPassphrase));
  request.hq_card = *hq_card;
  std::optional<std::optional<storage::Error>> created;
  session_->create(std::move(request), this, [&created](std::optional<storage::Error> e) { created = e; });
  QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), kWait);
  QVERIFY(!created->has_value());

  // HQ enrols the researcher's card; two final reports in the field vault.
  const auto field_card = test::on_worker<std::string>(*session_, [](storage::Vault* v) {
    auto text = v->card_text();
    return text.ok() ? *text : std::string();
  });
  QVERIFY(!field_card.empty());
  QVERIFY(storage::add_contact(hq_->database(), field_card).ok());
  report_ids_ = test::on_worker<std::vector<std::string>>(*session_, [](storage::Vault* v) {
    return std::vector<std::string>{make_final_report(*v, "Задержание у станции Тверская", 0),
                                    make_final_report(*v, "Search of the office", kAttachmentBytes)};
  });
  QCOMPARE(report_ids_.size(), std::size_t{2});
  QVERIFY(!report_ids_[0].empty() && !report_ids_[1].empty());

  window_ = std::make_unique<QWidget>();
  window_->resize(900, 700);
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
  exchange_ = std::make_unique<FieldExchange>(session_.get(), window_.get());
}

QString TestGuiExchange::out_dir(const QString& name) {
  const QString dir = temp_.filePath(name);
  if (!QDir().mkpath(dir)) return {};
  return dir;
}

ExportDialog* TestGuiExchange::open_export(const QStringList& preselected) {
  exchange_->export_reports(preselected);
  ExportDialog* d = exchange_->export_dialog();
  if (!d) return nullptr;
  if (!QTest::qWaitForWindowExposed(d)) return nullptr;
  if (!QTest::qWaitFor([d] { return !d->loading(); }, kWait)) return nullptr;
  return d;
}

std::vector<storage::DeliveryState> TestGuiExchange::delivery_states() {
  const auto ids = report_ids_;
  return test::on_worker<std::vector<storage::DeliveryState>>(*session_, [ids](storage::Vault* v) {
    std::vector<storage::DeliveryState> states;
    for (const auto& id : ids) {
      auto r = storage::get_report(v->database(), id);
      states.push_back(r.ok() ? r->delivery : storage::DeliveryState::none);
    }
    return states;
  });
}

void TestGuiExchange::removable_drive_rule() {
  QVERIFY(ExportDialog::looks_removable(QStringLiteral("/media/user/KINGSTON"), QStringLiteral("/dev/sdb1")));
  QVERIFY(ExportDialog::looks_removable(QStringLiteral("/run/media/user/SD"), QStringLiteral("/dev/sdc1")));
  QVERIFY(ExportDialog::looks_removable(QStringLiteral("/mnt/stick"), QStringLiteral("/dev/sdd1")));
  QVERIFY(ExportDialog::looks_removable(QStringLiteral("/srv/card"), QStringLiteral("/dev/mmcblk0p1")));
  QVERIFY(!ExportDialog::looks_removable(QStringLiteral("/"), QStringLiteral("/dev/nvme0n1p2")));
  QVERIFY(!ExportDialog::looks_removable(QStringLiteral("/home"), QStringLiteral("/dev/sda3")));
  QVERIFY(!ExportDialog::looks_removable(QStringLiteral("/mediaX"), QStringLiteral("tmpfs")));
  // Whatever this machine has mounted: only writable volumes that pass the rule.
  for (const auto& v : ExportDialog::removable_volumes()) {
    const QStorageInfo info(v.root);
    QVERIFY(info.isValid() && info.isReady() && !info.isReadOnly());
    QVERIFY(ExportDialog::looks_removable(info.rootPath(), QString::fromLocal8Bit(info.device())));
  }
}

void TestGuiExchange::dialog_lists_recipients_and_reports() {
  ExportDialog* d = open_export();
  QVERIFY(d);
  QCOMPARE(d->recipients_list->count(), 1);
  QCOMPARE(d->recipients_list->item(0)->text(), QString::fromUtf8(kHqName));
  QCOMPARE(d->recipients_list->item(0)->checkState(), Qt::Checked);  // the only HQ: ticked
  QCOMPARE(d->reports_table->rowCount(), 2);
  QCOMPARE(d->ticked_reports().size(), 2);  // default: every report not yet delivered
  QStringList titles;
  for (int r = 0; r < 2; ++r) {
    titles << d->reports_table->item(r, ExportDialog::column_title)->text();
    QCOMPARE(d->reports_table->item(r, ExportDialog::column_incident)->text(), QStringLiteral("2024-03"));
    QCOMPARE(d->reports_table->item(r, ExportDialog::column_delivery)->text(), QStringLiteral("Not sent"));
  }
  QVERIFY(titles.contains(QStringLiteral("Search of the office")));

  // Nothing ticked or no destination: Export stays off.
  if (d->destination().isEmpty()) QVERIFY(!d->export_button->isEnabled());
  d->set_destination(out_dir(QStringLiteral("unused")));
  QVERIFY(d->export_button->isEnabled());
  d->tick_none_button->click();
  QVERIFY(d->ticked_reports().isEmpty());
  QVERIFY(!d->export_button->isEnabled());
  d->tick_all_button->click();
  QCOMPARE(d->ticked_reports().size(), 2);
  d->recipients_list->item(0)->setCheckState(Qt::Unchecked);
  QVERIFY(!d->export_button->isEnabled());
  d->recipients_list->item(0)->setCheckState(Qt::Checked);
  QVERIFY(d->export_button->isEnabled());

  // Split presets.
  d->split_combo->setCurrentIndex(ExportDialog::split_none);
  QCOMPARE(d->split_bytes(), std::uint64_t{0});
  QVERIFY(!d->custom_split->isEnabled());
  d->split_combo->setCurrentIndex(ExportDialog::split_signal);
  QCOMPARE(d->split_bytes(), 95 * ExportDialog::kMiB);
  d->split_combo->setCurrentIndex(ExportDialog::split_telegram);
  QCOMPARE(d->split_bytes(), 1900 * ExportDialog::kMiB);
  d->split_combo->setCurrentIndex(ExportDialog::split_email);
  QCOMPARE(d->split_bytes(), 20 * ExportDialog::kMiB);
  d->split_combo->setCurrentIndex(ExportDialog::split_custom);
  QVERIFY(d->custom_split->isEnabled());
  d->custom_split->setValue(7);
  QCOMPARE(d->split_bytes(), 7 * ExportDialog::kMiB);
  d->close_button->click();
  QTRY_VERIFY(exchange_->export_dialog() == nullptr);

  // Preselected ids are the ones ticked.
  d = open_export({qs(report_ids_[0])});
  QVERIFY(d);
  QCOMPARE(d->ticked_reports(), QStringList{qs(report_ids_[0])});
  d->reject();
  QTRY_VERIFY(exchange_->export_dialog() == nullptr);
  QVERIFY(files_in(temp_.filePath(QStringLiteral("unused"))).isEmpty());
}

void TestGuiExchange::export_one_armored_file() {
  QSignalSpy changed(exchange_.get(), &FieldExchange::vault_changed);
  const QString out = out_dir(QStringLiteral("usb1"));
  ExportDialog* d = open_export();
  QVERIFY(d);
  d->set_destination(out);
  d->armor_check->setChecked(true);
  d->export_button->click();
  QVERIFY(d->busy());
  QVERIFY(!d->export_button->isEnabled());
  QTRY_VERIFY_WITH_TIMEOUT(!d->busy(), kWait);
  QVERIFY2(d->statement->isVisible(), qPrintable(d->status->text()));
  QCOMPARE(changed.count(), 1);

  const QStringList files = files_in(out);
  QCOMPARE(files.size(), 1);
  QCOMPARE(d->written_files().size(), 1);
  QCOMPARE(QFileInfo(d->written_files()[0]).fileName(), files[0]);
  QVERIFY(files[0].endsWith(QStringLiteral(".age")));
  QFile f(QDir(out).filePath(files[0]));
  QVERIFY(f.open(QIODevice::ReadOnly));
  QVERIFY(f.readLine().startsWith("-----BEGIN AGE ENCRYPTED FILE-----"));

  const QString text = test::plain_english(d->statement->toPlainText());
  QVERIFY2(text.contains(QStringLiteral("Sealed 2 reports for HQ Test Org.")), qPrintable(text));
  QVERIFY(text.contains(files[0]));
  QVERIFY(text.contains(QDir::toNativeSeparators(out)));
  QVERIFY(text.contains(QStringLiteral("carry or send this file to HQ")));
  QVERIFY(text.contains(QStringLiteral("receipt")));
  QVERIFY(!text.contains(QStringLiteral("Задержание")));  // no report content in the statement
  QCOMPARE(delivery_states(),
           (std::vector{storage::DeliveryState::exported, storage::DeliveryState::exported}));
  // The list reloaded with the new state.
  QTRY_COMPARE(d->reports_table->item(0, ExportDialog::column_delivery)->text(),
               QStringLiteral("Exported in a bundle"));
  exported_files_ << d->written_files();
  d->close_button->click();
  QTRY_VERIFY(exchange_->export_dialog() == nullptr);
}

void TestGuiExchange::export_split_parts() {
  const QString out = out_dir(QStringLiteral("usb2"));
  ExportDialog* d = open_export({qs(report_ids_[1])});
  QVERIFY(d);
  d->set_destination(out);
  d->split_combo->setCurrentIndex(ExportDialog::split_custom);
  d->custom_split->setValue(1);
  d->export_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(!d->busy(), kWait);
  QVERIFY2(d->statement->isVisible(), qPrintable(d->status->text()));
  const QStringList files = files_in(out);
  QVERIFY2(files.size() >= 3, qPrintable(files.join(u',')));
  QCOMPARE(d->written_files().size(), files.size());
  const QString text = test::plain_english(d->statement->toPlainText());
  QVERIFY2(text.contains(QStringLiteral("Sealed 1 report for HQ Test Org.")), qPrintable(text));
  for (int i = 0; i < files.size(); ++i) {
    QVERIFY(QFileInfo(QDir(out).filePath(files[i])).size() <= qint64(ExportDialog::kMiB));
    QVERIFY(text.contains(files[i]));
    QVERIFY(text.contains(QStringLiteral("(part %1 of %2)").arg(i + 1).arg(files.size())));
  }
  QVERIFY(text.contains(QStringLiteral("all %1 files").arg(files.size())));
  exported_files_ << d->written_files();
  d->close_button->click();
  QTRY_VERIFY(exchange_->export_dialog() == nullptr);
}

void TestGuiExchange::cancel_leaves_nothing() {
  const auto states_before = delivery_states();
  const auto sequence_before = test::on_worker<std::uint64_t>(*session_, [](storage::Vault* v) {
    auto s = storage::next_export_sequence(v->database());
    return s.ok() ? *s : 0;
  });
  QVERIFY(sequence_before > 0);
  const QString out = out_dir(QStringLiteral("usb3"));
  ExportDialog* d = open_export();
  QVERIFY(d);
  d->set_destination(out);

  // Hold the worker so that Cancel is pressed before the export starts,
  // whatever the machine's speed: then not even a sequence number is
  // reserved (a cancel after the reservation leaves that number used up).
  auto gate = std::make_shared<QSemaphore>(0);
  QObject holder;
  session_->run<int>(
      &holder, [gate](storage::Vault*) { gate->acquire(); return 0; }, [](int) {});
  d->export_button->click();
  QVERIFY(d->busy());
  QVERIFY(d->cancel_button->isEnabled());
  QVERIFY(!d->close_button->isEnabled());
  d->cancel_button->click();
  QVERIFY(d->status->text().contains(QStringLiteral("Cancelling")));
  gate->release();
  QTRY_VERIFY_WITH_TIMEOUT(!d->busy(), kWait);
  QVERIFY2(d->status->text().contains(QStringLiteral("cancelled")), qPrintable(d->status->text()));
  QVERIFY(d->status->text().contains(QStringLiteral("no file was left and no report changed")));
  QVERIFY(!d->statement->isVisible());
  QVERIFY(d->written_files().isEmpty());
  QVERIFY(files_in(out).isEmpty());
  QCOMPARE(delivery_states(), states_before);
  const auto sequence_after = test::on_worker<std::uint64_t>(*session_, [](storage::Vault* v) {
    auto s = storage::next_export_sequence(v->database());
    return s.ok() ? *s : 0;
  });
  QCOMPARE(sequence_after, sequence_before);

  // Escape during an export cancels it instead of closing the dialog.
  session_->run<int>(
      &holder, [gate](storage::Vault*) { gate->acquire(); return 0; }, [](int) {});
  d->export_button->click();
  QVERIFY(d->busy());
  d->reject();
  QVERIFY(d->isVisible());
  gate->release();
  QTRY_VERIFY_WITH_TIMEOUT(!d->busy(), kWait);
  QVERIFY(d->status->text().contains(QStringLiteral("cancelled")));
  QVERIFY(files_in(out).isEmpty());
  d->reject();
  QTRY_VERIFY(exchange_->export_dialog() == nullptr);
}

void TestGuiExchange::hq_imports_what_was_written() {
  std::vector<std::filesystem::path> paths;
  for (const QString& f : exported_files_) paths.emplace_back(utf8(f));
  QCOMPARE(paths.size() >= 4, true);
  auto imported = transport::import_files(*hq_, paths);
  QVERIFY(imported.ok());
  QCOMPARE(imported->bundles.size(), std::size_t{2});
  for (const auto& b : imported->bundles)
    QVERIFY2(b.status == transport::ImportStatus::imported, b.describe().c_str());
  QCOMPARE(imported->bundles[0].reports + imported->bundles[1].reports, std::size_t{2});
}

void TestGuiExchange::receipt_import() {
  const QString out = out_dir(QStringLiteral("receipts"));
  auto receipt = transport::make_receipt(*hq_, kResearcher, std::filesystem::path(utf8(out)));
  QVERIFY(receipt.ok());
  const QString bogus = QDir(out).filePath(QStringLiteral("not-a-receipt.age"));
  {
    QFile f(bogus);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not an age file\n");
  }
  QSignalSpy changed(exchange_.get(), &FieldExchange::vault_changed);
  exchange_->import_receipts();
  ReceiptImportDialog* d = exchange_->receipt_dialog();
  QVERIFY(d);
  QVERIFY(QTest::qWaitForWindowExposed(d));
  QVERIFY(!d->import_button->isEnabled());  // nothing listed yet
  d->add_files({qs(receipt->file.string()), bogus, qs(receipt->file.string())});
  QCOMPARE(d->files().size(), 2);  // listed once
  QVERIFY(d->import_button->isEnabled());
  d->import_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(!d->busy(), kWait);
  const QString good = test::plain_english(d->result_text(0));
  QVERIFY2(good.contains(QStringLiteral("Receipt from HQ Test Org: 2 reports newly delivered")),
           qPrintable(good));
  const QString bad = d->result_text(1);
  QVERIFY2(bad.startsWith(QStringLiteral("Rejected: ")), qPrintable(bad));
  QVERIFY(bad.contains(QStringLiteral("Nothing was changed")));
  QVERIFY(test::plain_english(d->status->text()).contains(QStringLiteral("1 receipt rejected")));
  QCOMPARE(changed.count(), 1);
  QVERIFY(!d->import_button->isEnabled());  // every file has its result
  QCOMPARE(delivery_states(),
           (std::vector{storage::DeliveryState::delivered, storage::DeliveryState::delivered}));

  // The same receipt again: nothing new.
  d->table->setCurrentCell(1, 0);
  d->remove_button->click();
  d->table->removeRow(0);
  d->add_files({qs(receipt->file.string())});
  d->import_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(!d->busy(), kWait);
  QVERIFY2(test::plain_english(d->result_text(0)).contains(QStringLiteral("0 reports newly delivered")), qPrintable(d->result_text(0)));
  QVERIFY(d->result_text(0).contains(QStringLiteral("already delivered")));
  QCOMPARE(changed.count(), 1);
  d->close_button->click();
  QTRY_VERIFY(exchange_->receipt_dialog() == nullptr);
}

void TestGuiExchange::purge_delivered() {
  QSignalSpy changed(exchange_.get(), &FieldExchange::vault_changed);
  // Declined: nothing purged.
  exchange_->purge_delivered();
  QTRY_VERIFY_WITH_TIMEOUT(exchange_->message_box() && exchange_->message_box()->isVisible(), kWait);
  QMessageBox* box = exchange_->message_box();
  QVERIFY2(test::plain_english(box->text()).contains(QStringLiteral("Purge 2 delivered reports?")), qPrintable(box->text()));
  QVERIFY(box->text().contains(QStringLiteral("cannot be undone")));
  QCOMPARE(box->defaultButton(), button_with_role(box, QMessageBox::RejectRole));
  button_with_role(box, QMessageBox::RejectRole)->click();
  QTRY_VERIFY(exchange_->message_box() == nullptr);
  QVERIFY(!exchange_->busy());
  QCOMPARE(changed.count(), 0);
  for (const auto& id : report_ids_) {
    const auto status = test::on_worker<int>(*session_, [id](storage::Vault* v) {
      auto r = storage::get_report(v->database(), id);
      return r.ok() ? static_cast<int>(r->status) : -1;
    });
    QCOMPARE(status, static_cast<int>(storage::ReportStatus::final));
  }

  // Confirmed.
  exchange_->purge_delivered();
  QTRY_VERIFY_WITH_TIMEOUT(exchange_->message_box() && exchange_->message_box()->isVisible(), kWait);
  box = exchange_->message_box();
  button_with_role(box, QMessageBox::AcceptRole)->click();
  QTRY_VERIFY_WITH_TIMEOUT(exchange_->message_box() &&
                               exchange_->message_box()->text().contains(QStringLiteral("Purged")),
                           kWait);
  QVERIFY2(test::plain_english(exchange_->message_box()->text()).contains(QStringLiteral("Purged 2 reports.")),
           qPrintable(exchange_->message_box()->text()));
  QCOMPARE(changed.count(), 1);
  for (const auto& id : report_ids_) {
    const auto status = test::on_worker<int>(*session_, [id](storage::Vault* v) {
      auto r = storage::get_report(v->database(), id);
      return r.ok() && r->content.title.empty() ? static_cast<int>(r->status) : -1;
    });
    QCOMPARE(status, static_cast<int>(storage::ReportStatus::purged));
  }
  button_with_role(exchange_->message_box(), QMessageBox::AcceptRole)->click();
  QTRY_VERIFY(exchange_->message_box() == nullptr);

  // Nothing left to purge: said so, nothing asked.
  exchange_->purge_delivered();
  QTRY_VERIFY_WITH_TIMEOUT(exchange_->message_box() && !exchange_->busy(), kWait);
  QVERIFY(exchange_->message_box()->text().contains(QStringLiteral("No report is waiting")));
  QCOMPARE(exchange_->message_box()->buttons().size(), 1);
  exchange_->message_box()->buttons()[0]->click();
  QTRY_VERIFY(exchange_->message_box() == nullptr);
}

void TestGuiExchange::keyboard_only_export() {
  const auto id = test::on_worker<std::string>(
      *session_, [](storage::Vault* v) { return make_final_report(*v, "Raid on the flat", 0); });
  QVERIFY(!id.empty());
  const QString out = out_dir(QStringLiteral("usb4"));
  ExportDialog* d = open_export();
  QVERIFY(d);
  QCOMPARE(d->reports_table->rowCount(), 1);  // purged reports are not offered
  d->activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(d));
  QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(d->recipients_list));
  const auto tab = [] { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); };

  // Space on the HQ recipient unticks and ticks it again.
  QTest::keyClick(d->recipients_list, Qt::Key_Space);
  QCOMPARE(d->recipients_list->item(0)->checkState(), Qt::Unchecked);
  QTest::keyClick(d->recipients_list, Qt::Key_Space);
  QCOMPARE(d->recipients_list->item(0)->checkState(), Qt::Checked);
  tab();
  QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(d->reports_table));
  QTest::keyClick(d->reports_table, Qt::Key_Space);
  QVERIFY(d->ticked_reports().isEmpty());
  QTest::keyClick(d->reports_table, Qt::Key_Space);
  QCOMPARE(d->ticked_reports(), QStringList{qs(id)});
  // Tab past "Tick all", "Tick none" and the drive list to "Other folder…".
  while (QApplication::focusWidget() != d->folder_button) {
    tab();
    QVERIFY(QApplication::focusWidget() != d->reports_table);  // no endless loop
  }
  answer_next_picker(out);
  QTest::keyClick(d->folder_button, Qt::Key_Space);
  QTRY_COMPARE(d->destination(), QDir::cleanPath(out));
  QTRY_COMPARE(QApplication::activeModalWidget(), static_cast<QWidget*>(d));
  d->activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(d));
  QCOMPARE(d->focusWidget(), static_cast<QWidget*>(d->folder_button));
  // Alt+E is Export; afterwards the focus is on Close.
  QTest::keyClick(d->focusWidget(), Qt::Key_E, Qt::AltModifier);
  QTRY_VERIFY_WITH_TIMEOUT(!d->busy() && d->statement->isVisible(), kWait);
  QCOMPARE(files_in(out).size(), 1);
  QTRY_COMPARE(d->focusWidget(), static_cast<QWidget*>(d->close_button));
  QTest::keyClick(d->close_button, Qt::Key_Return);
  QTRY_VERIFY(exchange_->export_dialog() == nullptr);
}

void TestGuiExchange::lock_closes_dialogs() {
  exchange_->export_reports();
  exchange_->import_receipts();
  QVERIFY(exchange_->export_dialog());
  QVERIFY(exchange_->receipt_dialog());
  QPointer<QDialog> a = exchange_->export_dialog();
  QPointer<QDialog> b = exchange_->receipt_dialog();
  exchange_->close_dialogs();
  QVERIFY(exchange_->export_dialog() == nullptr);
  QVERIFY(exchange_->receipt_dialog() == nullptr);
  QTRY_VERIFY(a.isNull() && b.isNull());
  session_->lock();
  exchange_->export_reports();
  ExportDialog* d = exchange_->export_dialog();
  QVERIFY(d);
  QTRY_VERIFY_WITH_TIMEOUT(!d->loading() || !d->status->text().isEmpty(), kWait);
  QVERIFY(!d->export_button->isEnabled());
  exchange_->close_dialogs();
}

void TestGuiExchange::cleanupTestCase() {
  exchange_.reset();
  window_.reset();
  if (session_) {
    session_->lock();
    session_->wait_idle();
  }
  session_.reset();
  hq_.reset();
}

QTEST_MAIN(TestGuiExchange)
#include "test_gui_exchange.moc"
