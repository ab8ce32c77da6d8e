// The whole journey of a report through fieldseal-gui's screens, with two
// sessions as on two computers, on the offscreen platform:
//   field vault → report with attachment (ReportEditor) → finalize →
//   export (FieldExchange / ExportDialog) → HQ vault: import
//   (HqImportPage::import_paths) → the report is in HQ's ReportsPage →
//   receipt (DashboardPage::create_receipt and its dialog) → field: import
//   the receipt (ReceiptImportDialog) → purge delivered → a purged stub.
// The vaults are created as the first-run wizard creates them
// (VaultSession::create, with HQ's card for the researcher); test_gui drives
// the wizard itself. HQ enrols the researcher's card through the core
// (storage::add_contact, what `fieldseal contact add` does): the GUI's way to
// enrol a sender is the quarantine review, tested in gui.hq_import.
#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

#include "common.hpp"
#include "dashboard_page.hpp"
#include "export_dialog.hpp"
#include "field_exchange.hpp"
#include "gui_test_support.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "hq_import_page.hpp"
#include "receipt_dialog.hpp"
#include "report_editor.hpp"
#include "report_list_model.hpp"
#include "reports_page.hpp"
#include "vault_session.hpp"
#include "exchange_test_support.hpp"

using namespace fieldseal;
using namespace fieldseal::gui;

namespace {

constexpr int kWait = 60000;  // generous: Argon2id and sealing on a loaded machine
const char* const kPassphrase = "correct horse battery staple 42";
const QString kTitle = QStringLiteral("Обыск в офисе правозащитного центра");
const QString kNarrative = QStringLiteral("Officers searched the office and seized two laptops.");

bool create_vault(VaultSession& session, const QString& dir, storage::Role role, const char* name,
                  const std::string& hq_card) {
  session.set_kdf_params(crypto::Argon2idParams::floor());
  VaultSession::CreateRequest request;
  request.directory = std::filesystem::path(utf8(dir));
  request.role = role;
  request.name = name;
  request.passphrase = std::make_shared<crypto::SecretBuffer>(crypto::SecretBuffer::from_text(kPassphrase));
  request.hq_card = hq_card;
  std::optional<std::optional<storage::Error>> created;
  QObject context;
  session.create(std::move(request), &context, [&created](std::optional<storage::Error> e) { created = e; });
  return QTest::qWaitFor([&created] { return created.has_value(); }, kWait) && !created->has_value();
}

std::string card_of(VaultSession& session) {
  return test::on_worker<std::string>(session, [](storage::Vault* v) {
    if (!v) return std::string();
    auto text = v->card_text();
    return text.ok() ? *text : std::string();
  });
}

}  // namespace

class TestGuiE2e : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void report_from_field_to_hq_and_back();
  void cleanupTestCase();

 private:
  QTemporaryDir temp_;
  VaultSession field_;
  VaultSession hq_;
};

void TestGuiE2e::initTestCase() {
  QVERIFY(temp_.isValid());
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, temp_.filePath("config"));
  install_language(QStringLiteral("en"));
  QVERIFY(create_vault(hq_, temp_.filePath("hq"), storage::Role::hq, "HQ Test Org", {}));
  const std::string hq_card = card_of(hq_);
  QVERIFY(!hq_card.empty());
  QVERIFY(create_vault(field_, temp_.filePath("field"), storage::Role::field, "Researcher N", hq_card));
  const std::string field_card = card_of(field_);
  QVERIFY(!field_card.empty());
  const bool enrolled = test::on_worker<bool>(hq_, [field_card](storage::Vault* v) {
    return v && storage::add_contact(v->database(), field_card).ok();
  });
  QVERIFY(enrolled);
}

void TestGuiE2e::report_from_field_to_hq_and_back() {
  QWidget field_window;
  QWidget hq_window;
  field_window.resize(1000, 700);
  hq_window.resize(1000, 700);
  auto* editor = new ReportEditor(&field_, &field_window);
  auto* exchange = new FieldExchange(&field_, &field_window);
  auto* hq_import = new HqImportPage(&hq_, &hq_window);
  auto* hq_reports = new ReportsPage(&hq_, &hq_window);
  auto* dashboard = new DashboardPage(&hq_, &hq_window);
  hq_import->hide();
  dashboard->hide();
  editor->resize(field_window.size());
  field_window.show();
  hq_window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&field_window));

  // Field: a report with a photo, saved and finalized in the editor.
  editor->open_new();
  editor->title_edit->setText(kTitle);
  editor->narrative_edit->setPlainText(kNarrative);
  editor->start_edit->edit->setText(QStringLiteral("2024-05-14"));
  editor->region_edit->setText(QStringLiteral("Moscow"));
  editor->save();
  QTRY_VERIFY_WITH_TIMEOUT(!editor->report_id().isEmpty() && !editor->busy(), kWait);
  const QString id = editor->report_id();
  QImage image(64, 48, QImage::Format_RGB32);
  image.fill(QColor(20, 120, 200));
  const QString photo = temp_.filePath(QStringLiteral("photo.png"));
  QVERIFY(image.save(photo, "PNG"));
  editor->add_attachment(photo);
  QTRY_COMPARE_WITH_TIMEOUT(editor->attachments_list->count(), 1, kWait);
  QVERIFY(QFile::remove(photo));
  test::accept_next_message_box();
  editor->finalize();
  QTRY_VERIFY_WITH_TIMEOUT(editor->status() == storage::ReportStatus::final && !editor->busy(), kWait);

  // Field: export through the dialog to a "USB stick".
  const QString usb = temp_.filePath(QStringLiteral("usb"));
  QVERIFY(QDir().mkpath(usb));
  exchange->export_reports();
  ExportDialog* dialog = exchange->export_dialog();
  QVERIFY(dialog);
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->loading(), kWait);
  QCOMPARE(dialog->ticked_reports(), QStringList{id});
  QCOMPARE(dialog->ticked_recipients(), QStringList{QStringLiteral("HQ Test Org")});
  dialog->set_destination(usb);
  dialog->export_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(!dialog->busy(), kWait);
  QVERIFY2(dialog->statement->isVisible(), qPrintable(dialog->status->text()));
  const QStringList bundle = dialog->written_files();
  QCOMPARE(bundle.size(), 1);
  QVERIFY(test::plain_english(dialog->statement->toPlainText()).contains(QStringLiteral("Sealed 1 report for HQ Test Org.")));
  dialog->close_button->click();
  QTRY_VERIFY(exchange->export_dialog() == nullptr);

  // HQ: import the stick's folder; the report appears in HQ's list.
  hq_import->show();
  hq_import->import_paths({usb});
  QTRY_VERIFY_WITH_TIMEOUT(!hq_import->busy(), kWait);
  hq_import->hide();
  hq_reports->show();
  hq_reports->model()->reload();
  QTRY_VERIFY_WITH_TIMEOUT(!hq_reports->model()->loading() && hq_reports->model()->rowCount() == 1, kWait);
  QCOMPARE(hq_reports->model()->report_id(0), id);
  QCOMPARE(hq_reports->model()->index(0, ReportListModel::title).data().toString(), kTitle);
  QVERIFY(hq_reports->model()->origin(0).has_value());  // imported, with its sender

  // HQ: a receipt for the researcher, from the dashboard's receipt dialog.
  const QString receipts = temp_.filePath(QStringLiteral("receipts"));
  QVERIFY(QDir().mkpath(receipts));
  dashboard->show();
  dashboard->create_receipt();
  ReceiptDialog* receipt_maker = dashboard->receipt_dialog();
  QVERIFY(receipt_maker);
  QTRY_VERIFY_WITH_TIMEOUT(receipt_maker->select_researcher(QStringLiteral("Researcher N")), kWait);
  receipt_maker->set_destination(receipts);
  QSignalSpy written(receipt_maker, &ReceiptDialog::receipt_written);
  QTRY_VERIFY_WITH_TIMEOUT(receipt_maker->create_button->isEnabled(), kWait);
  receipt_maker->create_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(written.count() == 1 && !receipt_maker->busy(), kWait);
  const QString receipt_file = written.at(0).at(0).toString();
  QCOMPARE(QFileInfo(receipt_file).absolutePath(), QFileInfo(receipts).absoluteFilePath());
  QCOMPARE(QDir(receipts).entryList(QDir::Files).size(), 1);
  dashboard->close_dialogs();
  dashboard->hide();

  // Field: import the receipt; the report is delivered.
  exchange->import_receipts();
  ReceiptImportDialog* receipt_dialog = exchange->receipt_dialog();
  QVERIFY(receipt_dialog);
  receipt_dialog->add_files({receipt_file});
  receipt_dialog->import_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(!receipt_dialog->busy() && !receipt_dialog->result_text(0).isEmpty(), kWait);
  QVERIFY2(test::plain_english(receipt_dialog->result_text(0)).contains(QStringLiteral("1 report newly delivered")),
           qPrintable(receipt_dialog->result_text(0)));
  receipt_dialog->close_button->click();
  QTRY_VERIFY(exchange->receipt_dialog() == nullptr);

  // Field: purge delivered; the report is a stub.
  exchange->purge_delivered();
  QTRY_VERIFY_WITH_TIMEOUT(exchange->message_box() && exchange->message_box()->isVisible(), kWait);
  for (QAbstractButton* b : exchange->message_box()->buttons())
    if (exchange->message_box()->buttonRole(b) == QMessageBox::AcceptRole) b->click();
  QTRY_VERIFY_WITH_TIMEOUT(exchange->message_box() &&
                               test::plain_english(exchange->message_box()->text()).contains(QStringLiteral("Purged 1 report.")),
                           kWait);
  editor->open_report(id);
  QTRY_VERIFY_WITH_TIMEOUT(editor->status() == storage::ReportStatus::purged && !editor->busy(), kWait);
  QVERIFY(editor->title_edit->text().isEmpty());
  QCOMPARE(editor->attachments_list->count(), 0);
  const auto stub = test::on_worker<int>(field_, [id = utf8(id)](storage::Vault* v) {
    auto r = storage::get_report(v->database(), id);
    if (!r.ok()) return -1;
    return r->status == storage::ReportStatus::purged && r->content.title.empty() &&
                   r->delivery == storage::DeliveryState::delivered && r->content_sha256.has_value()
               ? 1
               : 0;
  });
  QCOMPARE(stub, 1);
  // HQ still holds it.
  hq_reports->model()->reload();
  QTRY_VERIFY_WITH_TIMEOUT(!hq_reports->model()->loading() && hq_reports->model()->rowCount() == 1, kWait);
  exchange->close_dialogs();
}

void TestGuiE2e::cleanupTestCase() {
  field_.lock();
  hq_.lock();
  field_.wait_idle();
  hq_.wait_idle();
}

QTEST_MAIN(TestGuiE2e)
#include "test_gui_e2e.moc"
