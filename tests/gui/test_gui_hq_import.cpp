// HQ's import page and quarantine review, driven on the offscreen platform
// against a real HQ vault (opened through VaultSession) and field vaults
// made with the core API: a good bundle (imported, N reports), the same again
// (duplicate), a damaged file (rejected with the reason), a split bundle with
// a part missing (names the part), then all parts dropped as a QDropEvent
// (imported; the damaged bundle's number shows as possibly lost), bundles
// from an unknown sender (quarantined) → quarantine page: the wrong card says
// mismatch and keeps Accept disabled, the right card and the confirmed
// comparison accept (contact added, reports in the vault), a failed accept
// adds no contact, drop asks and deletes.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <filesystem>
#include <fstream>
#include <optional>

#include "common.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "gui_test_support.hpp"
#include "hq_import_page.hpp"
#include "import_results_model.hpp"
#include "quarantine_page.hpp"
#include "vault_session.hpp"

using namespace fieldseal;
using namespace fieldseal::gui;
using fieldseal::gui::test::accept_next_message_box;
using fieldseal::gui::test::for_each_screenshot_language;
using fieldseal::gui::test::make_field_vault;
using fieldseal::gui::test::unnamed_controls;
using fieldseal::gui::test::mnemonic_clashes;
namespace fs = std::filesystem;

namespace {

constexpr int kWait = 60000;  // Argon2id and imports on a loaded machine
constexpr std::uint64_t kPartBytes = 64 * 1024;
constexpr std::size_t kPhotoBytes = 300 * 1024;  // several parts of kPartBytes
const QString kPassphrase = QStringLiteral("correct horse battery staple 42");

std::vector<std::uint8_t> noise(std::size_t size, std::uint32_t seed) {
  std::vector<std::uint8_t> out(size);
  std::uint32_t x = seed * 2654435761u + 1;
  for (auto& b : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b = static_cast<std::uint8_t>(x);
  }
  return out;
}

std::string final_report(storage::Vault& v, const std::string& title, std::size_t photo_bytes = 0) {
  storage::ReportDraft d;
  d.title = title;
  d.narrative = "Задержание у здания суда; detained outside the court.";
  d.start = storage::PartialDate{storage::DatePrecision::day, "2026-11-07"};
  d.location.text = "Тверской суд";
  d.location.region = "Москва";
  storage::Act act;
  act.type_code = "03010100000004";
  d.acts.push_back(act);
  auto id = storage::create_report(v.database(), v.signing_key(), d);
  if (!id) qFatal("cannot create a report");
  if (photo_bytes > 0) {
    const auto bytes = noise(photo_bytes, 7);
    crypto::MemorySource src(bytes);
    if (!storage::add_attachment(v.database(), v.signing_key(), *id, src, "photo.jpg", "image/jpeg"))
      qFatal("cannot add an attachment");
  }
  if (!storage::finalize_report(v.database(), v.signing_key(), *id)) qFatal("cannot finalize");
  return *id;
}

std::vector<fs::path> export_one(storage::Vault& v, const std::string& id, const fs::path& out,
                                 std::uint64_t split = 0) {
  fs::create_directories(out);
  transport::ExportOptions options;
  options.output_dir = out;
  options.split_bytes = split;
  const std::vector<std::string> to = {"HQ"};
  const std::vector<std::string> ids = {id};
  auto r = transport::export_bundle(v, to, ids, options);
  if (!r) qFatal("export failed: %s", std::string(transport::message(r.error())).c_str());
  return r->files;
}

QStringList qpaths(const std::vector<fs::path>& paths) {
  QStringList out;
  for (const auto& p : paths) out << qs(p.string());
  return out;
}

// Every column's text of a results row.
QString row_text(ImportResultsModel* m, int row) {
  QStringList cells;
  for (int c = 0; c < ImportResultsModel::column_count; ++c) cells << m->index(row, c).data().toString();
  return cells.join(QStringLiteral(" | "));
}

transport::ImportStatus row_status(ImportResultsModel* m, int row) {
  return static_cast<transport::ImportStatus>(
      m->index(row, 0).data(ImportResultsModel::kStatusRole).toInt());
}

}  // namespace

class TestGuiHqImport : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void good_bundle_is_imported();
  void same_bundle_again_is_duplicate();
  void damaged_file_is_rejected_with_reason();
  void split_bundle_with_a_part_missing_names_it();
  void dropped_parts_are_imported_and_gaps_shown();
  void drop_of_non_local_urls_is_refused();
  void unknown_sender_is_quarantined();
  void wrong_card_says_mismatch();
  void right_card_and_comparison_accept();
  void failed_accept_adds_no_contact();
  void drop_asks_and_deletes();
  void cancel_changes_nothing_and_queued_paths_follow();
  void accessible_names_and_clear();
  void screenshots();
  void cleanupTestCase();

 private:
  template <class R>
  R on_worker(std::function<R(storage::Vault*)> work);
  std::size_t hq_report_count();
  bool hq_has_contact(const std::string& name);
  void import_and_wait(const QStringList& paths);

  QTemporaryDir temp_;
  fs::path root_;
  std::unique_ptr<VaultSession> session_;
  std::optional<storage::Vault> field_;
  std::optional<storage::Vault> stranger_;
  std::string hq_card_;
  std::unique_ptr<HqImportPage> import_;
  std::unique_ptr<QuarantinePage> quarantine_;
  std::vector<fs::path> good_;
  std::vector<fs::path> damaged_;
  std::vector<fs::path> parts_;
  std::vector<fs::path> stranger_bundles_;
};

template <class R>
R TestGuiHqImport::on_worker(std::function<R(storage::Vault*)> work) {
  std::optional<R> out;
  session_->run<R>(this, std::move(work), [&out](R r) { out = std::move(r); });
  session_->wait_idle();
  if (!QTest::qWaitFor([&out]() { return out.has_value(); }, kWait)) qFatal("worker did not answer");
  return std::move(*out);
}

std::size_t TestGuiHqImport::hq_report_count() {
  return on_worker<std::size_t>([](storage::Vault* v) -> std::size_t {
    auto list = storage::list_reports(v->database(), storage::ReportFilter{});
    return list ? list->size() : 0;
  });
}

bool TestGuiHqImport::hq_has_contact(const std::string& name) {
  return on_worker<bool>([name](storage::Vault* v) {
    auto c = storage::find_contact(v->database(), name);
    return c.ok();
  });
}

void TestGuiHqImport::import_and_wait(const QStringList& paths) {
  QSignalSpy finished(import_.get(), &HqImportPage::import_finished);
  import_->import_paths(paths);
  QVERIFY(import_->busy());
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kWait);
  QVERIFY(!import_->busy());
  QVERIFY(!import_->progress->isVisible());
}

void TestGuiHqImport::initTestCase() {
  QVERIFY(temp_.isValid());
  install_language(QStringLiteral("en"));
  root_ = fs::path(utf8(temp_.path()));
  session_ = std::make_unique<VaultSession>();
  session_->set_kdf_params(crypto::Argon2idParams::floor());

  VaultSession::CreateRequest request;
  request.directory = root_ / "hq";
  request.role = storage::Role::hq;
  request.name = "HQ";
  request.passphrase = std::make_shared<crypto::SecretBuffer>(
      crypto::SecretBuffer::from_text(utf8(kPassphrase)));
  std::optional<std::optional<storage::Error>> created;
  session_->create(std::move(request), this, [&created](std::optional<storage::Error> e) { created = e; });
  QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), kWait);
  QVERIFY(!created->has_value());
  hq_card_ = on_worker<std::string>([](storage::Vault* v) { return v->card_text().value(); });

  field_.emplace(make_field_vault(root_ / "field", "Researcher N"));
  stranger_.emplace(make_field_vault(root_ / "stranger", "Stranger S"));
  for (auto* v : {&*field_, &*stranger_})
    QVERIFY(storage::add_contact(v->database(), hq_card_).ok());
  const std::string field_card = field_->card_text().value();
  QVERIFY(on_worker<bool>([field_card](storage::Vault* v) {
    return storage::add_contact(v->database(), field_card).ok();
  }));

  // Sequence 1: good; 2: damaged on the way; 3: split into parts.
  good_ = export_one(*field_, final_report(*field_, "Detention at the court"), root_ / "out" / "good");
  damaged_ = export_one(*field_, final_report(*field_, "Search of the office"), root_ / "out" / "damaged");
  parts_ = export_one(*field_, final_report(*field_, "Raid with photos", kPhotoBytes),
                      root_ / "out" / "parts", kPartBytes);
  QVERIFY(parts_.size() >= 3);
  {
    std::fstream f(damaged_.front(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(-100, std::ios::end);
    char c = 0;
    f.get(c);
    f.seekp(-100, std::ios::end);
    f.put(static_cast<char>(c ^ 0x40));
    QVERIFY(f.good());
  }
  for (int i = 0; i < 2; ++i) {
    const auto id = final_report(*stranger_, "From a stranger " + std::to_string(i));
    const auto files = export_one(*stranger_, id, root_ / "out" / ("stranger" + std::to_string(i)));
    stranger_bundles_.push_back(files.front());
  }

  import_ = std::make_unique<HqImportPage>(session_.get());
  quarantine_ = std::make_unique<QuarantinePage>(session_.get());
  import_->resize(900, 600);
  import_->show();
  QVERIFY(QTest::qWaitForWindowExposed(import_.get()));
}

void TestGuiHqImport::good_bundle_is_imported() {
  QSignalSpy changed(import_.get(), &HqImportPage::vault_changed);
  QSignalSpy quarantined(import_.get(), &HqImportPage::quarantine_changed);
  import_and_wait(qpaths(good_));
  ImportResultsModel* m = import_->results();
  QCOMPARE(m->rowCount(), 1);
  QCOMPARE(row_status(m, 0), transport::ImportStatus::imported);
  QCOMPARE(m->index(0, ImportResultsModel::col_status).data().toString(), QStringLiteral("Imported"));
  QCOMPARE(m->index(0, ImportResultsModel::col_sender).data().toString(), QStringLiteral("Researcher N"));
  QCOMPARE(m->index(0, ImportResultsModel::col_reports).data().toString(), QStringLiteral("1"));
  QCOMPARE(m->index(0, ImportResultsModel::col_files).data().toString(),
           qs(good_.front().filename().string()));
  QVERIFY2(m->index(0, ImportResultsModel::col_details).data().toString().contains(QStringLiteral("1 new report")),
           qPrintable(row_text(m, 0)));
  QCOMPARE(changed.count(), 1);
  QCOMPARE(quarantined.count(), 0);
  QCOMPARE(hq_report_count(), std::size_t{1});
  QVERIFY(import_->status_label->text().contains(QStringLiteral("Import finished")));
}

void TestGuiHqImport::same_bundle_again_is_duplicate() {
  QSignalSpy changed(import_.get(), &HqImportPage::vault_changed);
  import_and_wait(qpaths(good_));
  ImportResultsModel* m = import_->results();
  QCOMPARE(m->rowCount(), 2);  // results accumulate
  QCOMPARE(row_status(m, 1), transport::ImportStatus::duplicate);
  QCOMPARE(m->index(1, ImportResultsModel::col_status).data().toString(), QStringLiteral("Duplicate"));
  QVERIFY2(row_text(m, 1).contains(QStringLiteral("Imported before; nothing changed.")),
           qPrintable(row_text(m, 1)));
  QCOMPARE(changed.count(), 0);
  QCOMPARE(hq_report_count(), std::size_t{1});
}

void TestGuiHqImport::damaged_file_is_rejected_with_reason() {
  import_and_wait(qpaths(damaged_));
  ImportResultsModel* m = import_->results();
  QCOMPARE(m->rowCount(), 3);
  QCOMPARE(row_status(m, 2), transport::ImportStatus::rejected);
  QCOMPARE(m->index(2, ImportResultsModel::col_status).data().toString(), QStringLiteral("Rejected"));
  QCOMPARE(m->index(2, ImportResultsModel::col_details).data().toString(),
           QStringLiteral("The bundle is damaged or was altered (authentication failed)."));
  QVERIFY(import_->status_label->text().contains(
      QStringLiteral("1 bundle not imported; it changed nothing. The table says why.")));
  QCOMPARE(hq_report_count(), std::size_t{1});
}

void TestGuiHqImport::split_bundle_with_a_part_missing_names_it() {
  std::vector<fs::path> without_second = parts_;
  without_second.erase(without_second.begin() + 1);
  import_and_wait(qpaths(without_second));
  ImportResultsModel* m = import_->results();
  QCOMPARE(m->rowCount(), 4);
  QCOMPARE(row_status(m, 3), transport::ImportStatus::parts_missing);
  QCOMPARE(m->index(3, ImportResultsModel::col_status).data().toString(), QStringLiteral("Parts missing"));
  QCOMPARE(m->index(3, ImportResultsModel::col_details).data().toString(),
           QStringLiteral("Part 2 of %1 is missing.").arg(parts_.size()));
  // The row lists the files it was made of.
  QCOMPARE(m->index(3, ImportResultsModel::col_files).data().toString().count(u','),
           static_cast<qsizetype>(parts_.size()) - 2);
  QCOMPARE(hq_report_count(), std::size_t{1});
}

void TestGuiHqImport::dropped_parts_are_imported_and_gaps_shown() {
  // Renamed and dropped in reverse order, as a file manager would hand them.
  QList<QUrl> urls;
  for (auto it = parts_.rbegin(); it != parts_.rend(); ++it) {
    const fs::path renamed = it->parent_path() / ("renamed-" + std::to_string(urls.size()));
    fs::rename(*it, renamed);
    urls << QUrl::fromLocalFile(qs(renamed.string()));
  }
  QMimeData mime;
  mime.setUrls(urls);
  const QPointF where(import_->width() / 2.0, import_->height() / 2.0);
  QDragEnterEvent enter(where.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(import_.get(), &enter);
  QVERIFY(enter.isAccepted());
  QSignalSpy finished(import_.get(), &HqImportPage::import_finished);
  QSignalSpy changed(import_.get(), &HqImportPage::vault_changed);
  QDropEvent drop(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QCoreApplication::sendEvent(import_.get(), &drop);
  QVERIFY(drop.isAccepted());
  QVERIFY(import_->busy());
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kWait);
  ImportResultsModel* m = import_->results();
  QCOMPARE(m->rowCount(), 5);
  QCOMPARE(row_status(m, 4), transport::ImportStatus::imported);
  // (English plural forms come from the .qm; "report(s)" before it is regenerated.)
  QVERIFY2(row_text(m, 4).contains(QStringLiteral("1 new report")) &&
               row_text(m, 4).contains(QStringLiteral("; attachments: 1; the sender's bundle no. 3.")),
           qPrintable(row_text(m, 4)));
  QCOMPARE(changed.count(), 1);
  QCOMPARE(hq_report_count(), std::size_t{2});
  // Bundle 2 (the damaged one) never arrived intact: a gap between 1 and 3.
  QCOMPARE(import_->gaps().size(), std::size_t{1});
  QCOMPARE(import_->gaps().front().first, std::uint64_t{2});
  QCOMPARE(import_->gaps().front().last, std::uint64_t{2});
  QCOMPARE(import_->gaps_list->count(), 1);
  QCOMPARE(import_->gaps_list->item(0)->text(),
           QStringLiteral("Possibly lost: bundle 2 from Researcher N never arrived. Ask the sender "
                          "to export again."));
}

void TestGuiHqImport::drop_of_non_local_urls_is_refused() {
  QMimeData mime;
  mime.setUrls({QUrl::fromLocalFile(qs(good_.front().string())),
                QUrl(QStringLiteral("https://example.org/bundle.age"))});
  QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  enter.setAccepted(false);
  QCoreApplication::sendEvent(import_.get(), &enter);
  QVERIFY(!enter.isAccepted());
  QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  drop.setAccepted(false);
  QCoreApplication::sendEvent(import_.get(), &drop);
  QVERIFY(!drop.isAccepted());
  QVERIFY(!import_->busy());
  QCOMPARE(import_->results()->rowCount(), 5);
}

void TestGuiHqImport::unknown_sender_is_quarantined() {
  QSignalSpy quarantined(import_.get(), &HqImportPage::quarantine_changed);
  QSignalSpy changed(import_.get(), &HqImportPage::vault_changed);
  import_and_wait(qpaths(stranger_bundles_));
  ImportResultsModel* m = import_->results();
  QCOMPARE(m->rowCount(), 7);
  for (int r : {5, 6}) {
    QCOMPARE(row_status(m, r), transport::ImportStatus::quarantined);
    QCOMPARE(m->index(r, ImportResultsModel::col_status).data().toString(), QStringLiteral("Quarantined"));
    QCOMPARE(m->index(r, ImportResultsModel::col_reports).data().toString(), QStringLiteral("1"));
    QVERIFY2(m->index(r, ImportResultsModel::col_sender).data().toString().startsWith(
                 QStringLiteral("Not a contact")),
             qPrintable(row_text(m, r)));
    QVERIFY(row_text(m, r).contains(QStringLiteral("Quarantine page")));
  }
  QCOMPARE(quarantined.count(), 1);
  QCOMPARE(changed.count(), 0);
  QCOMPARE(hq_report_count(), std::size_t{2});

  quarantine_->resize(900, 600);
  quarantine_->show();
  QSignalSpy updated(quarantine_.get(), &QuarantinePage::quarantine_updated);
  quarantine_->reload();
  QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, kWait);
  QCOMPARE(quarantine_->held().size(), std::size_t{2});
  QCOMPARE(quarantine_->table->rowCount(), 2);
  const QString key = ImportResultsModel::key_text(stranger_->signing_key().public_key());
  QCOMPARE(quarantine_->table->item(0, QuarantinePage::col_sender)->text(), key);
  QCOMPARE(quarantine_->table->item(0, QuarantinePage::col_reports)->text(), QStringLiteral("1"));
  QVERIFY(quarantine_->selected() != nullptr);
  QVERIFY(quarantine_->held_details->text().contains(key));
  QVERIFY(!quarantine_->accept_button->isEnabled());
  QVERIFY(quarantine_->drop_button->isEnabled());
}

void TestGuiHqImport::wrong_card_says_mismatch() {
  QVERIFY(!quarantine_->load_card_text(QByteArrayLiteral("fieldseal-card v1\nname: x\n")));
  QVERIFY(!quarantine_->status_label->text().isEmpty());
  const QByteArray wrong = QByteArray::fromStdString(field_->card_text().value());
  QVERIFY(quarantine_->load_card_text(wrong));
  QVERIFY(!quarantine_->card_matches());
  QVERIFY(quarantine_->card_details->text().contains(QStringLiteral("Researcher N")));
  QVERIFY(quarantine_->card_details->text().contains(qs(field_->safety_number().substr(0, 5))));
  QVERIFY2(quarantine_->match_label->text().startsWith(QStringLiteral("MISMATCH")),
           qPrintable(quarantine_->match_label->text()));
  QVERIFY(!quarantine_->compared_check->isEnabled());
  quarantine_->compared_check->setChecked(true);  // even forced, it does not enable Accept
  QVERIFY(!quarantine_->accept_button->isEnabled());
  quarantine_->accept_selected();
  session_->wait_idle();
  QCOMPARE(quarantine_->held().size(), std::size_t{2});
  QVERIFY(!hq_has_contact("Stranger S"));
}

void TestGuiHqImport::right_card_and_comparison_accept() {
  // Accept the newer bundle (sequence 2) first: the older one is then a
  // replay, which the next test uses.
  int newer = -1;
  for (std::size_t i = 0; i < quarantine_->held().size(); ++i)
    if (quarantine_->held()[i].item.sequence == 2) newer = static_cast<int>(i);
  QVERIFY(newer >= 0);
  quarantine_->table->selectRow(newer);
  QCOMPARE(quarantine_->selected()->item.sequence, std::uint64_t{2});

  QVERIFY(quarantine_->load_card_text(QByteArray::fromStdString(stranger_->card_text().value())));
  QVERIFY(quarantine_->card_matches());
  QVERIFY2(quarantine_->match_label->text().startsWith(QStringLiteral("MATCH")),
           qPrintable(quarantine_->match_label->text()));
  const QString safety = qs(stranger_->safety_number());
  QVERIFY(quarantine_->card_details->text().contains(safety.left(35)));  // first 6 groups
  QVERIFY(quarantine_->compared_check->isEnabled());
  QVERIFY(!quarantine_->accept_button->isEnabled());  // the comparison is not confirmed yet
  quarantine_->compared_check->setFocus();
  QTest::keyClick(quarantine_->compared_check, Qt::Key_Space);
  QVERIFY(quarantine_->compared_check->isChecked());
  QVERIFY(quarantine_->accept_button->isEnabled());

  QSignalSpy changed(quarantine_.get(), &QuarantinePage::vault_changed);
  QSignalSpy updated(quarantine_.get(), &QuarantinePage::quarantine_updated);
  quarantine_->accept_button->setFocus();
  QTest::keyClick(quarantine_->accept_button, Qt::Key_Space);
  QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, kWait);
  QCOMPARE(changed.count(), 1);
  QVERIFY2(quarantine_->status_label->text().startsWith(QStringLiteral("Accepted: 1 new report")),
           qPrintable(quarantine_->status_label->text()));
  QCOMPARE(hq_report_count(), std::size_t{3});
  QVERIFY(hq_has_contact("Stranger S"));
  QCOMPARE(quarantine_->held().size(), std::size_t{1});
  QCOMPARE(quarantine_->held().front().item.sequence, std::uint64_t{1});
  // The remaining bundle's sender is a contact now.
  QCOMPARE(quarantine_->held().front().contact_name, std::string("Stranger S"));
}

void TestGuiHqImport::failed_accept_adds_no_contact() {
  // The analyst removes the contact again; the older bundle's accept then
  // adds it from the card, fails as a replay, and must take it out again.
  QVERIFY(on_worker<bool>([](storage::Vault* v) {
    return storage::remove_contact(v->database(), "Stranger S").ok();
  }));
  QSignalSpy updated(quarantine_.get(), &QuarantinePage::quarantine_updated);
  quarantine_->reload();
  QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, kWait);
  QCOMPARE(quarantine_->held().size(), std::size_t{1});
  QVERIFY(quarantine_->held().front().contact_name.empty());
  QVERIFY(quarantine_->load_card_text(QByteArray::fromStdString(stranger_->card_text().value())));
  quarantine_->compared_check->setChecked(true);
  QVERIFY(quarantine_->accept_button->isEnabled());
  QSignalSpy changed(quarantine_.get(), &QuarantinePage::vault_changed);
  quarantine_->accept_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 2, kWait);
  QCOMPARE(changed.count(), 0);
  QVERIFY2(quarantine_->status_label->text().contains(QStringLiteral("possible replay")),
           qPrintable(quarantine_->status_label->text()));
  QVERIFY(quarantine_->status_label->text().startsWith(QStringLiteral("Not accepted")));
  QVERIFY(!hq_has_contact("Stranger S"));
  QCOMPARE(quarantine_->held().size(), std::size_t{1});
  QCOMPARE(hq_report_count(), std::size_t{3});
}

void TestGuiHqImport::drop_asks_and_deletes() {
  QVERIFY(quarantine_->drop_button->isEnabled());
  QSignalSpy updated(quarantine_.get(), &QuarantinePage::quarantine_updated);
  accept_next_message_box();
  quarantine_->drop_button->click();
  QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, kWait);
  QVERIFY(quarantine_->held().empty());
  QCOMPARE(quarantine_->table->rowCount(), 0);
  QCOMPARE(quarantine_->status_label->text(), QStringLiteral("The bundle was dropped."));
  QCOMPARE(quarantine_->held_details->text(), QStringLiteral("The quarantine is empty."));
  QVERIFY(!quarantine_->drop_button->isEnabled());
  QCOMPARE(hq_report_count(), std::size_t{3});
  const auto held = on_worker<std::size_t>([](storage::Vault* v) -> std::size_t {
    auto list = transport::quarantine_list(*v);
    return list ? list->size() : 99;
  });
  QCOMPARE(held, std::size_t{0});
}

void TestGuiHqImport::cancel_changes_nothing_and_queued_paths_follow() {
  const auto fourth = export_one(*field_, final_report(*field_, "Threats by phone"), root_ / "out" / "fourth");
  ImportResultsModel* m = import_->results();
  const int before = m->rowCount();
  const std::size_t reports = hq_report_count();
  // Hold the worker so that Cancel is pressed before the import starts.
  QSemaphore gate;
  session_->run<int>(
      this, [&gate](storage::Vault*) { gate.acquire(); return 0; }, [](int) {});
  QSignalSpy finished(import_.get(), &HqImportPage::import_finished);
  QSignalSpy changed(import_.get(), &HqImportPage::vault_changed);
  import_->import_paths(qpaths(fourth));
  QVERIFY(import_->busy());
  QVERIFY(import_->cancel_button->isVisibleTo(import_.get()));
  import_->import_paths(qpaths(good_));  // waits for the running import
  QVERIFY(import_->status_label->text().contains(QStringLiteral("wait")));
  import_->cancel_button->click();
  QVERIFY(!import_->cancel_button->isEnabled());
  gate.release();
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, kWait);
  QVERIFY(!import_->busy());
  QCOMPARE(m->rowCount(), before + 2);
  QCOMPARE(row_status(m, before), transport::ImportStatus::rejected);
  QCOMPARE(m->index(before, ImportResultsModel::col_details).data().toString(), QStringLiteral("Cancelled."));
  QCOMPARE(row_status(m, before + 1), transport::ImportStatus::duplicate);
  QCOMPARE(changed.count(), 0);
  QCOMPARE(hq_report_count(), reports);
  // The cancelled bundle imports normally afterwards.
  import_and_wait(qpaths(fourth));
  QCOMPARE(row_status(m, before + 2), transport::ImportStatus::imported);
  QCOMPARE(hq_report_count(), reports + 1);
}

void TestGuiHqImport::accessible_names_and_clear() {
  import_->progress->setVisible(true);
  import_->cancel_button->setVisible(true);
  QStringList unnamed = unnamed_controls(import_.get());
  QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u',')));
  QStringList clashes = mnemonic_clashes(import_.get());
  QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u',')));
  import_->progress->setVisible(false);
  import_->cancel_button->setVisible(false);
  unnamed = unnamed_controls(quarantine_.get());
  QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u',')));
  clashes = mnemonic_clashes(quarantine_.get());
  QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u',')));

  import_->clear();
  QCOMPARE(import_->results()->rowCount(), 0);
  QCOMPARE(import_->gaps_list->count(), 0);
  QVERIFY(import_->status_label->text().isEmpty());
  QVERIFY(quarantine_->load_card_text(QByteArray::fromStdString(stranger_->card_text().value())));
  quarantine_->clear();
  QVERIFY(quarantine_->card_details->text().isEmpty());
  QVERIFY(quarantine_->held_details->text().isEmpty());
  QCOMPARE(quarantine_->table->rowCount(), 0);
}

void TestGuiHqImport::screenshots() {
  // Set FIELDSEAL_HQ_SCREENSHOTS to a folder to look at the pages (both
  // languages); FIELDSEAL_HQ_EXTRA_QM: a .qm of these pages' strings to
  // preview Russian before the project's .ts files are regenerated.
  const QString dir = qEnvironmentVariable("FIELDSEAL_HQ_SCREENSHOTS");
  if (dir.isEmpty()) QSKIP("FIELDSEAL_HQ_SCREENSHOTS not set");
  for_each_screenshot_language("FIELDSEAL_HQ_EXTRA_QM", [&](const QString& lang) {
    HqImportPage page(session_.get());
    page.resize(900, 560);
    page.show();
    QSignalSpy finished(&page, &HqImportPage::import_finished);
    QStringList all = qpaths(good_) << qpaths(damaged_) << qpaths(stranger_bundles_);
    std::vector<fs::path> some_parts;
    for (const auto& e : fs::directory_iterator(root_ / "out" / "parts")) some_parts.push_back(e.path());
    std::sort(some_parts.begin(), some_parts.end());
    some_parts.pop_back();
    page.import_paths(all << qpaths(some_parts));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kWait);
    QTest::qWait(50);
    QVERIFY2(mnemonic_clashes(&page).isEmpty(), qPrintable(mnemonic_clashes(&page).join(u',')));
    QVERIFY(page.grab().save(dir + QStringLiteral("/hq_import_%1.png").arg(lang)));

    QuarantinePage q(session_.get());
    q.resize(900, 560);
    q.show();
    QSignalSpy updated(&q, &QuarantinePage::quarantine_updated);
    q.reload();
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() == 1, kWait);
    if (!q.held().empty()) {
      q.load_card_text(QByteArray::fromStdString(stranger_->card_text().value()));
      q.compared_check->setChecked(true);
    }
    QTest::qWait(50);  // let the layout follow the texts
    QVERIFY2(mnemonic_clashes(&q).isEmpty(), qPrintable(mnemonic_clashes(&q).join(u',')));
    QVERIFY(q.grab().save(dir + QStringLiteral("/quarantine_%1.png").arg(lang)));
  });
}

void TestGuiHqImport::cleanupTestCase() {
  quarantine_.reset();
  import_.reset();
  session_->lock();
  session_->wait_idle();
  field_.reset();
  stranger_.reset();
}

QTEST_MAIN(TestGuiHqImport)
#include "test_gui_hq_import.moc"
