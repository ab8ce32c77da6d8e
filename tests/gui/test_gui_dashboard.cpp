// HQ's dashboard and receipt dialog, driven on the offscreen platform against
// a real HQ vault (opened through VaultSession) that imported bundles from two
// field vaults made with the core API. The charts' data (BarChart::bars(),
// not pixels) must hold the exact counts per month, act type, region and
// sender; the tables the same numbers; a filter narrows them; clear() empties
// everything. The receipt dialog lists what was received from each
// researcher, writes a receipt for one of them, and that researcher's field
// vault accepts it with transport::apply_receipt_file (reports delivered).
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <optional>

#include "bar_chart.hpp"
#include "common.hpp"
#include "dashboard_page.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "gui_test_support.hpp"
#include "receipt_dialog.hpp"
#include "vault_session.hpp"

using namespace fieldseal;
using namespace fieldseal::gui;
using fieldseal::gui::test::for_each_screenshot_language;
using fieldseal::gui::test::make_field_vault;
using fieldseal::gui::test::unnamed_controls;
namespace fs = std::filesystem;

namespace {

constexpr int kWait = 60000;  // Argon2id and imports on a loaded machine
const QString kPassphrase = QStringLiteral("correct horse battery staple 42");
using Bars = QVector<BarChart::Bar>;

void final_report(storage::Vault& v, const std::string& start, const std::string& region,
                  std::vector<std::string> acts) {
  storage::ReportDraft d;
  d.title = "Incident";
  d.start = storage::parse_partial_date(start).value();
  d.location.region = region;
  for (auto& code : acts) {
    storage::Act act;
    act.type_code = std::move(code);
    d.acts.push_back(std::move(act));
  }
  auto id = storage::create_report(v.database(), v.signing_key(), d);
  if (!id || !storage::finalize_report(v.database(), v.signing_key(), *id)) qFatal("cannot make a report");
}

fs::path export_all(storage::Vault& v, const fs::path& out) {
  fs::create_directories(out);
  transport::ExportOptions options;
  options.output_dir = out;
  const std::vector<std::string> to = {"HQ"};
  auto r = transport::export_bundle(v, to, {}, options);
  if (!r || r->files.size() != 1) qFatal("export failed");
  return r->files.front();
}

QString act_label(std::string_view key) {
  return qs(storage::label(*storage::find_act_type(key), ui_language()));
}

bool same(const Bars& actual, const Bars& expected) {
  if (actual == expected) return true;
  for (const auto& b : actual) qWarning("actual: %s %lld%s", qPrintable(b.label), b.value, b.muted ? " muted" : "");
  return false;
}

QString table_text(QTableWidget* t) {
  QStringList rows;
  for (int r = 0; r < t->rowCount(); ++r) rows << t->item(r, 0)->text() + QStringLiteral(": ") + t->item(r, 1)->text();
  return rows.join(QLatin1Char('\n'));
}

}  // namespace

class TestGuiDashboard : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void charts_hold_the_counts();
  void tables_and_text_hold_the_same_numbers();
  void filters_narrow_the_counts();
  void a_bad_date_says_so();
  void clear_forgets_everything();
  void receipt_is_accepted_by_the_field_vault();
  void keyboard_and_accessible_names();
  void screenshots();
  void cleanupTestCase();

 private:
  template <class R>
  R on_worker(std::function<R(storage::Vault*)> work);
  void reload_and_wait();

  QTemporaryDir temp_;
  fs::path root_;
  std::unique_ptr<VaultSession> session_;
  std::optional<storage::Vault> anna_;
  std::optional<storage::Vault> boris_;
  std::unique_ptr<DashboardPage> page_;
};

template <class R>
R TestGuiDashboard::on_worker(std::function<R(storage::Vault*)> work) {
  std::optional<R> out;
  session_->run<R>(this, std::move(work), [&out](R r) { out = std::move(r); });
  session_->wait_idle();
  if (!QTest::qWaitFor([&out]() { return out.has_value(); }, kWait)) qFatal("worker did not answer");
  return std::move(*out);
}

void TestGuiDashboard::reload_and_wait() {
  QSignalSpy reloaded(page_.get(), &DashboardPage::reloaded);
  page_->reload();
  QVERIFY(page_->busy());
  QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() == 1, kWait);
  QVERIFY(!page_->busy());
}

void TestGuiDashboard::initTestCase() {
  QVERIFY(temp_.isValid());
  install_language(QStringLiteral("en"));
  root_ = fs::path(utf8(temp_.path()));
  session_ = std::make_unique<VaultSession>();
  session_->set_kdf_params(crypto::Argon2idParams::floor());
  VaultSession::CreateRequest request;
  request.directory = root_ / "hq";
  request.role = storage::Role::hq;
  request.name = "HQ";
  request.passphrase = std::make_shared<crypto::SecretBuffer>(crypto::SecretBuffer::from_text(utf8(kPassphrase)));
  std::optional<std::optional<storage::Error>> created;
  session_->create(std::move(request), this, [&created](std::optional<storage::Error> e) { created = e; });
  QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), kWait);
  QVERIFY(!created->has_value());
  const auto hq_card = on_worker<std::string>([](storage::Vault* v) { return v->card_text().value(); });

  anna_.emplace(make_field_vault(root_ / "anna", "Анна К"));
  boris_.emplace(make_field_vault(root_ / "boris", "Boris"));
  for (auto* v : {&*anna_, &*boris_}) {
    QVERIFY(storage::add_contact(v->database(), hq_card).ok());
    const std::string card = v->card_text().value();
    QVERIFY(on_worker<bool>([card](storage::Vault* hq) { return storage::add_contact(hq->database(), card).ok(); }));
  }
  final_report(*anna_, "2026-01-15", "Москва", {"arrest", "torture"});
  final_report(*anna_, "2026-03", "Краснодарский край", {"detention"});
  final_report(*boris_, "2025", "", {"arrest"});
  const std::vector<fs::path> bundles{export_all(*anna_, root_ / "out" / "anna"),
                                      export_all(*boris_, root_ / "out" / "boris")};
  const auto imported = on_worker<std::size_t>([bundles](storage::Vault* v) -> std::size_t {
    auto r = transport::import_files(*v, bundles);
    std::size_t n = 0;
    if (r) for (const auto& b : r->bundles) n += b.reports;
    return n;
  });
  QCOMPARE(imported, std::size_t{3});

  page_ = std::make_unique<DashboardPage>(session_.get());
  page_->resize(900, 700);
  page_->show();
  QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
  QVERIFY(!page_->total().has_value());
  reload_and_wait();
}

void TestGuiDashboard::charts_hold_the_counts() {
  QCOMPARE(page_->total().value_or(-1), qint64(3));
  QVERIFY(page_->total_label->text().startsWith(QStringLiteral("3 incident")));
  QVERIFY(same(page_->chart(DashboardPage::chart_month)->bars(),
                Bars{{QStringLiteral("2025 (month unknown)"), 1, true},
                 {QStringLiteral("Jan 2026"), 1, false},
                 {QStringLiteral("Feb 2026"), 0, false},
                 {QStringLiteral("Mar 2026"), 1, false}}));
  QVERIFY(same(page_->chart(DashboardPage::chart_act)->bars(),
                Bars{{act_label("arrest"), 2, false},
                 {act_label("torture"), 1, false},
                 {act_label("detention"), 1, false}}));
  QVERIFY(same(page_->chart(DashboardPage::chart_region)->bars(),
                Bars{{QStringLiteral("Краснодарский край"), 1, false},
                 {QStringLiteral("Москва"), 1, false},
                 {QStringLiteral("No region"), 1, true}}));
  QVERIFY(same(page_->chart(DashboardPage::chart_sender)->bars(),
                Bars{{QStringLiteral("Анна К"), 2, false}, {QStringLiteral("Boris"), 1, false}}));
  // The sender filter offers the researchers.
  QCOMPARE(page_->sender_filter->count(), 3);
  QCOMPARE(page_->sender_filter->itemText(1), QStringLiteral("Boris"));
}

void TestGuiDashboard::tables_and_text_hold_the_same_numbers() {
  for (int i = 0; i < DashboardPage::chart_count; ++i) {
    const auto which = static_cast<DashboardPage::Chart>(i);
    QCOMPARE(table_text(page_->table(which)), page_->chart(which)->as_text());
  }
  QCOMPARE(page_->chart(DashboardPage::chart_act)->as_text(),
           act_label("arrest") + QStringLiteral(": 2\n") + act_label("torture") + QStringLiteral(": 1\n") +
               act_label("detention") + QStringLiteral(": 1"));
  auto* month = page_->chart(DashboardPage::chart_month);
  QVERIFY(month->accessibleDescription().contains(QStringLiteral("Feb 2026: 0")));
  page_->table_toggle->setChecked(true);
  QVERIFY(page_->table(DashboardPage::chart_region)->isVisible());
  QVERIFY(!page_->chart(DashboardPage::chart_region)->isVisible());
  page_->table_toggle->setChecked(false);
  QVERIFY(page_->chart(DashboardPage::chart_region)->isVisible());
}

void TestGuiDashboard::filters_narrow_the_counts() {
  page_->act_filter->setCurrentIndex(page_->act_filter->findData(QStringLiteral("03010100000004")));
  reload_and_wait();
  QCOMPARE(page_->total().value_or(-1), qint64(2));
  QVERIFY(same(page_->chart(DashboardPage::chart_region)->bars(),
                Bars{{QStringLiteral("Москва"), 1, false}, {QStringLiteral("No region"), 1, true}}));
  page_->sender_filter->setCurrentIndex(page_->sender_filter->findData(QStringLiteral("Boris")));
  page_->from_filter->setText(QStringLiteral("2025"));
  reload_and_wait();
  QCOMPARE(page_->total().value_or(-1), qint64(1));
  QCOMPARE(page_->sender_filter->currentData().toString(), QStringLiteral("Boris"));
  QVERIFY(same(page_->chart(DashboardPage::chart_sender)->bars(),
                Bars{{QStringLiteral("Boris"), 1, false}}));
  page_->act_filter->setCurrentIndex(0);
  page_->sender_filter->setCurrentIndex(0);
  page_->from_filter->clear();
  reload_and_wait();
  QCOMPARE(page_->total().value_or(-1), qint64(3));
}

void TestGuiDashboard::a_bad_date_says_so() {
  page_->to_filter->setText(QStringLiteral("2026-13"));
  reload_and_wait();
  QVERIFY(page_->status->isVisible());
  QVERIFY(page_->status->text().contains(QStringLiteral("YYYY-MM-DD")));
  QCOMPARE(page_->total().value_or(-1), qint64(3));  // the last good numbers stay
  page_->to_filter->clear();
  reload_and_wait();
  QVERIFY(!page_->status->isVisible());
}

void TestGuiDashboard::clear_forgets_everything() {
  page_->region_filter->setText(QStringLiteral("Москва"));
  page_->clear();
  QVERIFY(!page_->total().has_value());
  QVERIFY(page_->total_label->text().isEmpty());
  QVERIFY(page_->region_filter->text().isEmpty());
  QCOMPARE(page_->sender_filter->count(), 1);
  for (int i = 0; i < DashboardPage::chart_count; ++i) {
    const auto which = static_cast<DashboardPage::Chart>(i);
    QVERIFY(page_->chart(which)->bars().isEmpty());
    QVERIFY(page_->chart(which)->as_text().isEmpty());
    QCOMPARE(page_->table(which)->rowCount(), 0);
  }
  reload_and_wait();
  QCOMPARE(page_->total().value_or(-1), qint64(3));
}

void TestGuiDashboard::receipt_is_accepted_by_the_field_vault() {
  page_->create_receipt();
  ReceiptDialog* dialog = page_->receipt_dialog();
  QVERIFY(dialog != nullptr);
  QSignalSpy loaded(dialog, &ReceiptDialog::researchers_loaded);
  QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kWait);
  QTableWidget* t = dialog->researchers;
  QCOMPARE(t->rowCount(), 2);
  QCOMPARE(t->item(0, ReceiptDialog::column_name)->text(), QStringLiteral("Boris"));
  QCOMPARE(t->item(1, ReceiptDialog::column_name)->text(), QStringLiteral("Анна К"));
  QCOMPARE(t->item(1, ReceiptDialog::column_bundles)->text(), QStringLiteral("1"));
  QCOMPARE(t->item(1, ReceiptDialog::column_reports)->text(), QStringLiteral("2"));
  QVERIFY(dialog->select_researcher(QStringLiteral("Анна К")));

  const fs::path out = root_ / "receipts";
  fs::create_directories(out);
  dialog->set_destination(qs(out.string()));
  QVERIFY(dialog->create_button->isEnabled());
  QSignalSpy written(dialog, &ReceiptDialog::receipt_written);
  QSignalSpy forwarded(page_.get(), &DashboardPage::receipt_written);
  QTest::mouseClick(dialog->create_button, Qt::LeftButton);
  QTRY_VERIFY_WITH_TIMEOUT(written.count() == 1, kWait);
  QCOMPARE(forwarded.count(), 1);
  const fs::path file = utf8(written.front().front().toString());
  QCOMPARE(file.parent_path(), out);
  QVERIFY(fs::exists(file));
  QVERIFY(dialog->result_text().contains(QStringLiteral("It lists 2 report")));
  QVERIFY(dialog->result_text().contains(QStringLiteral("from 1 bundle")));
  QVERIFY(dialog->result_text().contains(qs(file.string())));

  auto applied = transport::apply_receipt_file(*anna_, file);
  QVERIFY(applied.ok());
  QCOMPARE(applied->newly_delivered, std::size_t{2});
  QCOMPARE(applied->unknown, std::size_t{0});
  QCOMPARE(applied->hq_name, std::string("HQ"));
  // Boris's vault cannot open a receipt made for Anna.
  QVERIFY(!transport::apply_receipt_file(*boris_, file).ok());

  // A failure is said in the dialog, and nothing is written.
  dialog->set_destination(qs((root_ / "missing").string()));
  QSignalSpy failed(dialog, &ReceiptDialog::receipt_failed);
  dialog->create();
  QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, kWait);
  QVERIFY(dialog->result_text().startsWith(QStringLiteral("No receipt was written")));
  QVERIFY(!fs::exists(root_ / "missing"));

  page_->clear();
  QVERIFY(page_->receipt_dialog() == nullptr);
  reload_and_wait();
}

void TestGuiDashboard::keyboard_and_accessible_names() {
  QCOMPARE(unnamed_controls(page_.get()), QStringList());
  QCOMPARE(fieldseal::gui::test::mnemonic_clashes(page_.get()), QStringList());
  page_->create_receipt();
  ReceiptDialog* dialog = page_->receipt_dialog();
  QSignalSpy loaded(dialog, &ReceiptDialog::researchers_loaded);
  QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kWait);
  QCOMPARE(unnamed_controls(dialog), QStringList());
  QCOMPARE(fieldseal::gui::test::mnemonic_clashes(dialog), QStringList());
  QVERIFY(dialog->create_button->isDefault());
  page_->close_dialogs();
  QVERIFY(page_->receipt_dialog() == nullptr);

  // Arrow keys move the current bar; its number is in the description.
  BarChart* acts = page_->chart(DashboardPage::chart_act);
  acts->setFocus();
  QTest::keyClick(acts, Qt::Key_Home);
  QCOMPARE(acts->current(), 0);
  QTest::keyClick(acts, Qt::Key_Down);
  QCOMPARE(acts->current(), 1);
  QVERIFY(acts->accessibleDescription().startsWith(act_label("torture") + QStringLiteral(": 1")));
  QTest::keyClick(acts, Qt::Key_End);
  QCOMPARE(acts->current(), 2);
  QTest::keyClick(acts, Qt::Key_Down);
  QCOMPARE(acts->current(), 2);
}

void TestGuiDashboard::screenshots() {
  // Set FIELDSEAL_DASHBOARD_SCREENSHOTS to a folder to look at the page in
  // both languages; FIELDSEAL_DASHBOARD_EXTRA_QM: a .qm of this page's
  // strings to preview Russian before the .ts files are regenerated.
  const QString dir = qEnvironmentVariable("FIELDSEAL_DASHBOARD_SCREENSHOTS");
  if (dir.isEmpty()) QSKIP("FIELDSEAL_DASHBOARD_SCREENSHOTS not set");
  for_each_screenshot_language("FIELDSEAL_DASHBOARD_EXTRA_QM", [&](const QString& lang) {
    DashboardPage page(session_.get());
    page.resize(900, 720);
    page.show();
    QSignalSpy reloaded(&page, &DashboardPage::reloaded);
    page.reload();
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.count() == 1, kWait);
    QVERIFY(page.grab().save(dir + QStringLiteral("/dashboard_%1.png").arg(lang)));
    page.create_receipt();
    QSignalSpy loaded(page.receipt_dialog(), &ReceiptDialog::researchers_loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kWait);
    QVERIFY(page.receipt_dialog()->grab().save(dir + QStringLiteral("/receipt_%1.png").arg(lang)));
    page.close_dialogs();
  });
}

void TestGuiDashboard::cleanupTestCase() {
  page_.reset();
  session_->lock();
  session_->wait_idle();
  session_.reset();
}

QTEST_MAIN(TestGuiDashboard)
#include "test_gui_dashboard.moc"
