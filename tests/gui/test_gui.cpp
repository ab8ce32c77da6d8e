// Drives fieldseal-gui's real widgets on the offscreen platform: first-run
// wizard → report with attachment → finalize → list → search → idle lock
// clears every view → unlock → purge → panic wipe leaves no openable vault;
// plus translations, accessible names, preferences and the passphrase tools.
#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include "common.hpp"
#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/passphrase.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "gui_test_support.hpp"
#include "receipt_dialog.hpp"  // before dashboard_page.hpp: its inline accessor needs the type
#include "dashboard_page.hpp"
#include "hq_import_page.hpp"
#include "quarantine_page.hpp"
#include "first_run_wizard.hpp"
#include "lock_guard.hpp"
#include "main_window.hpp"
#include "passphrase_widgets.hpp"
#include "preferences.hpp"
#include "report_editor.hpp"
#include "report_list_model.hpp"
#include "reports_page.hpp"
#include "unlock_widget.hpp"
#include "vault_session.hpp"

using namespace fieldseal;
using namespace fieldseal::gui;
using fieldseal::gui::test::accept_next_message_box;
using fieldseal::gui::test::mnemonic_clashes;

namespace {

constexpr int kWait = 60000;  // generous: Argon2id on a loaded machine
const QString kPassphrase = QStringLiteral("correct horse battery staple 42");
const QString kTitle = QStringLiteral("Задержание Ивана Петрова у станции Тверская");
const QString kNarrative =
    QStringLiteral("Police detained the journalist after the picket; held overnight.");

QString hq_card_text() {
  const auto identity = crypto::X25519Identity::generate();
  const auto signer = crypto::Ed25519KeyPair::generate();
  crypto::Card card;
  card.name = "HQ Test Org";
  card.role = crypto::CardRole::hq;
  card.age_recipient = identity.recipient();
  card.signing_key = signer.public_key();
  auto text = crypto::write_card(card, signer);
  if (!text.ok()) return {};
  return qs(*text);
}

QStringList editor_mnemonic_clashes(MainWindow* window) {
  ReportEditor* e = window->editor();
  window->stack()->setCurrentWidget(e);
  QStringList clashes;
  for (int tab = 0; tab < e->tabs->count(); ++tab) {
    e->tabs->setCurrentIndex(tab);
    clashes << mnemonic_clashes(e);
  }
  window->stack()->setCurrentWidget(window->reports_page());
  return clashes;
}

}  // namespace

class TestGui : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void generated_passphrase();
  void strength_meter();
  void preferences_hold_only_allowed_keys();
  void russian_translation_complete();
  void wizard_creates_vault_with_hq_card();
  void add_report_with_attachment();
  void finalize_report();
  void list_shows_report_and_filters();
  void search_as_you_type();
  void idle_lock_clears_views();
  void wrong_passphrase_is_refused();
  void unlock_and_shortcut_lock();
  void purge_report();
  void accessible_names();
  void russian_ui();
  void live_language_switch();
  void hq_reports_browser();
  void panic_wipe_leaves_no_vault();
  void cleanupTestCase();

 private:
  void unlock_with(const QString& passphrase, const QString& directory = {});

  QTemporaryDir temp_;
  QString vault_dir_;
  QString report_id_;
  std::unique_ptr<VaultSession> session_;
  std::unique_ptr<MainWindow> window_;
};

void TestGui::initTestCase() {
  QVERIFY(temp_.isValid());
  // Outside the fresh-HOME run, keep the preferences away from the real HOME.
  if (qEnvironmentVariableIsEmpty("FIELDSEAL_GUI_TEST_WRITE_PREFERENCES"))
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, temp_.filePath("config"));
  install_language(QStringLiteral("en"));
  vault_dir_ = temp_.filePath(QStringLiteral("vault"));
  session_ = std::make_unique<VaultSession>();
  session_->set_kdf_params(crypto::Argon2idParams::floor());
  window_ = std::make_unique<MainWindow>(session_.get(), Preferences{});
  window_->show();
  QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
}

void TestGui::generated_passphrase() {
  const auto a = crypto::generate_passphrase();
  const auto b = crypto::generate_passphrase();
  QCOMPARE(a.size(), crypto::kGeneratedPassphraseBytes);
  QVERIFY(!a.equals(b));
  const auto r = a.read();
  const QString text = qs(r.text());
  const QStringList groups = text.split(u'-');
  QCOMPARE(groups.size(), static_cast<qsizetype>(crypto::kGeneratedPassphraseGroups));
  for (const QString& g : groups) {
    QCOMPARE(g.size(), static_cast<qsizetype>(crypto::kGeneratedPassphraseGroupChars));
    for (QChar c : g)
      QVERIFY2(QStringLiteral("abcdefghijkmnpqrstuvwxyz23456789").contains(c), qPrintable(g));
  }
  QCOMPARE(estimate_strength(text).level, 4);
}

void TestGui::strength_meter() {
  QCOMPARE(estimate_strength(QString()).bits, 0);
  QCOMPARE(estimate_strength(QStringLiteral("abc")).level, 0);
  QVERIFY(estimate_strength(QStringLiteral("abcdefgh")).bits <
          estimate_strength(QStringLiteral("abcdEFG1")).bits);
  QCOMPARE(estimate_strength(QStringLiteral("Tr0ub4dor&3")).level, 2);
  QCOMPARE(estimate_strength(kPassphrase).level, 4);
  PassphraseField field(true);
  QVERIFY(!field.acceptable());
  field.generate_button()->click();
  QVERIFY(field.acceptable());
  QCOMPARE(field.first()->echoMode(), QLineEdit::Normal);
  QVERIFY2(field.findChildren<QLabel*>().size() > 0, "labels");
  bool shows_exact_bits = false;
  for (QLabel* l : field.findChildren<QLabel*>())
    if (l->text().contains(QString::number(crypto::kGeneratedPassphraseBits))) shows_exact_bits = true;
  QVERIFY(shows_exact_bits);
  auto secret = field.take();
  QCOMPARE(secret.size(), crypto::kGeneratedPassphraseBytes);
  QVERIFY(field.first()->text().isEmpty());
}

void TestGui::preferences_hold_only_allowed_keys() {
  Preferences p;
  p.language = QStringLiteral("ru");
  p.idle_minutes = 7;
  p.panic = PanicAction::wipe;
  p.save();
  const Preferences back = Preferences::load();
  QCOMPARE(back.language, p.language);
  QCOMPARE(back.idle_minutes, 7);
  QVERIFY(back.panic == PanicAction::wipe);
  const QSettings settings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("fieldseal"),
                           QStringLiteral("fieldseal-gui"));
  for (const QString& key : settings.allKeys())
    QVERIFY2(Preferences::allowed_keys().contains(key), qPrintable(key));
}

void TestGui::russian_translation_complete() {
  QFile ts(QStringLiteral(FIELDSEAL_SOURCE_DIR "/app/gui/translations/fieldseal_ru.ts"));
  QVERIFY(ts.open(QIODevice::ReadOnly));
  QXmlStreamReader xml(&ts);
  int messages = 0;
  QStringList untranslated;
  QString source;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("source")) source = xml.readElementText();
    if (xml.name() == QLatin1String("translation")) {
      ++messages;
      const bool unfinished = xml.attributes().value(QLatin1String("type")) ==
                              QLatin1String("unfinished");
      const bool numerus = false;
      Q_UNUSED(numerus);
      const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      if (unfinished || text.trimmed().isEmpty()) untranslated << source;
    }
  }
  QVERIFY(!xml.hasError());
  QVERIFY(messages > 200);
  QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(QStringLiteral(" | "))));
}

void TestGui::wizard_creates_vault_with_hq_card() {
  window_->start(vault_dir_);
  QTRY_VERIFY(window_->wizard() != nullptr);
  FirstRunWizard* w = window_->wizard();
  QCOMPARE(w->folder_edit->text(), vault_dir_);
  QVERIFY(!w->currentPage()->isComplete());  // no name yet
  w->name_edit->setText(QStringLiteral("Researcher N"));
  QVERIFY(w->currentPage()->isComplete());
  w->next();
  QCOMPARE(w->currentId(), static_cast<int>(FirstRunWizard::passphrase_page));
  w->passphrase->first()->setText(kPassphrase);
  w->passphrase->second()->setText(kPassphrase + QStringLiteral("x"));
  QVERIFY(!w->currentPage()->isComplete());  // they differ
  w->passphrase->second()->setText(kPassphrase);
  QVERIFY(w->currentPage()->isComplete());
  w->next();
  QCOMPARE(w->currentId(), static_cast<int>(FirstRunWizard::duress_page));
  QVERIFY(w->currentPage()->isComplete());
  w->next();
  QCOMPARE(w->currentId(), static_cast<int>(FirstRunWizard::hq_card_page));

  QVERIFY(!w->load_card_text(QByteArrayLiteral("fieldseal-card v1\nname: x\n")));
  QVERIFY(!w->card_compared->isEnabled());
  const QString card = hq_card_text();
  QVERIFY(w->load_card_text(card.toUtf8()));
  const auto parsed = crypto::parse_card(utf8(card));
  QVERIFY(parsed.ok());
  QVERIFY(w->card_summary->text().contains(
      qs(crypto::safety_number(parsed->age_recipient, parsed->signing_key))));
  QVERIFY(!w->currentPage()->isComplete());  // must confirm the comparison
  w->card_compared->setChecked(true);
  QVERIFY(w->currentPage()->isComplete());

  w->accept();
  QTRY_VERIFY_WITH_TIMEOUT(session_->is_open(), kWait);
  QTRY_VERIFY(window_->wizard() == nullptr);
  QVERIFY(storage::Vault::exists(std::filesystem::path(utf8(vault_dir_))));
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->reports_page()));

  // The HQ card became a contact.
  std::optional<std::size_t> contacts;
  session_->run<std::size_t>(
      this,
      [](storage::Vault* v) -> std::size_t {
        auto list = storage::list_contacts(v->database());
        return list.ok() ? list->size() : 0;
      },
      [&contacts](std::size_t n) { contacts = n; });
  QTRY_VERIFY(contacts.has_value());
  QCOMPARE(*contacts, std::size_t{1});
}

void TestGui::add_report_with_attachment() {
  window_->new_report_action->trigger();
  ReportEditor* e = window_->editor();
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(e));
  e->save();
  QVERIFY(e->message->text().contains(QStringLiteral("title")));  // refused: no title
  QVERIFY(e->report_id().isEmpty());

  e->title_edit->setText(kTitle);
  e->narrative_edit->setPlainText(kNarrative);
  e->start_edit->edit->setText(QStringLiteral("2024-03"));
  e->place_edit->setText(QStringLiteral("Tverskaya metro station"));
  e->region_edit->setText(QStringLiteral("Moscow"));
  e->coordinates_edit->setText(QStringLiteral("55.7652,37.6047"));
  e->tags_edit->setText(QStringLiteral("picket, press"));
  e->add_person_row();
  e->persons_table->item(0, 1)->setText(QStringLiteral("Ivan Petrov"));
  e->persons_table->item(0, 2)->setCheckState(Qt::Checked);  // victim
  storage::Act act;
  act.type_code = "03010200000004";  // detention
  act.victim_ref = "p1";
  e->add_act_row(act);
  e->add_source_row();
  e->sources_table->item(0, 0)->setText(QStringLiteral("p1"));
  e->sources_table->item(0, 1)->setText(QStringLiteral("interview in person"));

  e->start_edit->edit->setText(QStringLiteral("2024-13"));
  e->save();
  QVERIFY(e->message->text().contains(QStringLiteral("start date")));
  e->start_edit->edit->setText(QStringLiteral("2024-03"));

  e->save();
  QTRY_VERIFY_WITH_TIMEOUT(!e->report_id().isEmpty() && !e->busy(), kWait);
  report_id_ = e->report_id();
  QTRY_COMPARE(e->persons_table->rowCount(), 1);  // reloaded from the vault
  QCOMPARE(e->persons_table->item(0, 0)->text(), QStringLiteral("p1"));

  QImage image(40, 30, QImage::Format_RGB32);
  image.fill(QColor(200, 10, 10));
  const QString path = temp_.filePath(QStringLiteral("photo.png"));
  QVERIFY(image.save(path, "PNG"));
  e->add_attachment(path);
  QTRY_COMPARE_WITH_TIMEOUT(e->attachments_list->count(), 1, kWait);
  QVERIFY(e->attachments_list->item(0)->text().contains(QStringLiteral("photo.png")));
  QVERIFY(e->attachments_list->item(0)->text().contains(QStringLiteral("image/png")));
  QVERIFY(QFile::remove(path));
  e->attachments_list->setCurrentRow(0);
  QTRY_VERIFY_WITH_TIMEOUT(!e->preview_image().isNull(), kWait);
  QCOMPARE(e->preview_image().size(), QSize(40, 30));
  QCOMPARE(e->preview_image().pixelColor(5, 5), QColor(200, 10, 10));
}

void TestGui::finalize_report() {
  ReportEditor* e = window_->editor();
  QVERIFY(e->finalize_button->isEnabled());
  accept_next_message_box();
  e->finalize();
  QTRY_VERIFY_WITH_TIMEOUT(e->status() == storage::ReportStatus::final && !e->busy(), kWait);
  QVERIFY(e->title_edit->isReadOnly());
  QVERIFY(!e->save_button->isEnabled());
  QVERIFY(!e->add_attachment_button->isEnabled());
  QVERIFY(e->header->text().contains(QStringLiteral("only amended")));
  QTRY_VERIFY(e->custody_table->rowCount() >= 3);
  QStringList events;
  for (int r = 0; r < e->custody_table->rowCount(); ++r) events << e->custody_table->item(r, 2)->text();
  QVERIFY2(events.contains(qs(storage::label(storage::CustodyEvent::finalized, storage::Language::en))),
           qPrintable(events.join(u',')));
  QVERIFY(events.contains(
      qs(storage::label(storage::CustodyEvent::attachment_added, storage::Language::en))));
  QVERIFY(!e->custody_table->item(0, 3) ||
          !e->custody_table->item(e->custody_table->rowCount() - 1, 3)->text().contains(kTitle));
  QVERIFY(e->amend_button->isEnabled());
  e->add_amendment(QStringLiteral("Correction: released the next morning."));
  QTRY_VERIFY_WITH_TIMEOUT(
      e->amendments_view->toPlainText().contains(QStringLiteral("released the next morning")), kWait);
  QCOMPARE(e->status(), std::optional(storage::ReportStatus::final));
  e->back_button->click();
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->reports_page()));
  QVERIFY(e->report_id().isEmpty());
}

void TestGui::list_shows_report_and_filters() {
  ReportsPage* page = window_->reports_page();
  ReportListModel* model = page->model();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  QCOMPARE(model->report_id(0), report_id_);
  QCOMPARE(model->index(0, ReportListModel::title).data().toString(), kTitle);
  QCOMPARE(model->index(0, ReportListModel::incident).data().toString(), QStringLiteral("2024-03"));
  QCOMPARE(model->index(0, ReportListModel::region).data().toString(), QStringLiteral("Moscow"));
  QVERIFY(!model->index(0, ReportListModel::acts).data().toString().isEmpty());

  page->status_filter->setCurrentIndex(page->status_filter->findData(QStringLiteral("draft")));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading(), kWait);
  QCOMPARE(model->rowCount(), 0);
  page->status_filter->setCurrentIndex(page->status_filter->findData(QStringLiteral("final")));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  page->act_filter->setCurrentIndex(page->act_filter->findData(QStringLiteral("02011111000004")));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading(), kWait);
  QCOMPARE(model->rowCount(), 0);  // no torture act
  page->act_filter->setCurrentIndex(page->act_filter->findData(QStringLiteral("03010200000004")));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  page->from_filter->setText(QStringLiteral("2024-04"));
  page->apply();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading(), kWait);
  QCOMPARE(model->rowCount(), 0);
  page->from_filter->setText(QStringLiteral("2024"));
  page->to_filter->setText(QStringLiteral("2024-03"));
  page->apply();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  page->to_filter->setText(QStringLiteral("2024-3x"));
  page->apply();
  QVERIFY(page->info->text().contains(QStringLiteral("YYYY")));
  page->clear();
  page->apply();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
}

void TestGui::search_as_you_type() {
  ReportsPage* page = window_->reports_page();
  ReportListModel* model = page->model();
  page->search_edit->setFocus();
  // Case-insensitive Cyrillic. (QTest::keyClicks takes Latin-1 only; typing
  // goes through the same textChanged → debounce path.)
  page->search_edit->setText(QStringLiteral("ПЕТРОВ"));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  QCOMPARE(model->report_id(0), report_id_);
  QCOMPARE(model->index(0, ReportListModel::title).data().toString(), kTitle);
  // The filters apply during a search (the report is final, with a detention).
  QVERIFY(page->status_filter->isEnabled());
  page->status_filter->setCurrentIndex(page->status_filter->findData(QStringLiteral("draft")));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->at_end(), kWait);
  QCOMPARE(model->rowCount(), 0);
  page->status_filter->setCurrentIndex(page->status_filter->findData(QStringLiteral("final")));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  page->act_filter->setCurrentIndex(page->act_filter->findData(QStringLiteral("02011111000004")));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->at_end(), kWait);
  QCOMPARE(model->rowCount(), 0);  // no torture act
  QCOMPARE(page->search_edit->text(), QStringLiteral("ПЕТРОВ"));
  page->act_filter->setCurrentIndex(0);
  page->status_filter->setCurrentIndex(0);
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  page->search_edit->clear();
  QTest::keyClicks(page->search_edit, QStringLiteral("overni"));  // narrative, as a prefix
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  page->search_edit->clear();
  QTest::keyClicks(page->search_edit, QStringLiteral("nonexistentword"));
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 0 && model->at_end(), kWait);
  page->search_edit->clear();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
}

void TestGui::idle_lock_clears_views() {
  // Leave something on screen to be cleared: an open report and a search.
  window_->reports_page()->search_edit->setText(QStringLiteral("petrov"));
  window_->editor()->open_report(report_id_);
  QTRY_VERIFY_WITH_TIMEOUT(window_->editor()->title_edit->text() == kTitle, kWait);
  window_->lock_guard()->set_timeout_ms(200);
  QTRY_VERIFY_WITH_TIMEOUT(!session_->is_open(), kWait);
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->unlock_page()));
  QCOMPARE(window_->reports_page()->model()->rowCount(), 0);
  QVERIFY(window_->reports_page()->search_edit->text().isEmpty());
  QVERIFY(window_->editor()->title_edit->text().isEmpty());
  QVERIFY(window_->editor()->narrative_edit->toPlainText().isEmpty());
  QCOMPARE(window_->editor()->attachments_list->count(), 0);
  QCOMPARE(window_->editor()->custody_table->rowCount(), 0);
  QVERIFY(window_->editor()->preview_image().isNull());
  QVERIFY(!window_->lock_guard()->armed());
  // Work queued before the lock never reaches the views.
  QTest::qWait(300);
  QCOMPARE(window_->reports_page()->model()->rowCount(), 0);
  window_->lock_guard()->set_timeout_ms(5 * 60 * 1000);
}

void TestGui::unlock_with(const QString& passphrase, const QString& directory) {
  UnlockWidget* u = window_->unlock_page();
  u->folder_edit->setText(directory.isEmpty() ? vault_dir_ : directory);
  u->passphrase_edit->setFocus();
  QTest::keyClicks(u->passphrase_edit, passphrase);
  QTest::keyClick(u->passphrase_edit, Qt::Key_Return);
  QVERIFY(u->passphrase_edit->text().isEmpty());  // taken into secret memory at once
  QTRY_VERIFY_WITH_TIMEOUT(!u->busy(), kWait);
}

void TestGui::wrong_passphrase_is_refused() {
  unlock_with(QStringLiteral("not the passphrase"));
  QVERIFY(!session_->is_open());
  QCOMPARE(window_->unlock_page()->message->text(), Messages::error(storage::Error::wrong_passphrase));
}

void TestGui::unlock_and_shortcut_lock() {
  unlock_with(kPassphrase);
  QVERIFY(session_->is_open());
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->reports_page()));
  QTRY_VERIFY_WITH_TIMEOUT(window_->reports_page()->model()->rowCount() == 1, kWait);
  QApplication::setActiveWindow(window_.get());
  QVERIFY(QTest::qWaitForWindowActive(window_.get()));
  QTest::keyClick(window_->reports_page()->table, Qt::Key_L, Qt::ControlModifier);
  QVERIFY(!session_->is_open());
  QCOMPARE(window_->reports_page()->model()->rowCount(), 0);
  unlock_with(kPassphrase);
  QVERIFY(session_->is_open());
  QTRY_VERIFY_WITH_TIMEOUT(window_->reports_page()->model()->rowCount() == 1, kWait);
}

void TestGui::purge_report() {
  // Keyboard only: Ctrl+N, type the title, Alt+N to the narrative
  //, type, Ctrl+S.
  QApplication::setActiveWindow(window_.get());
  QVERIFY(QTest::qWaitForWindowActive(window_.get()));
  QTest::keyClick(window_->reports_page()->table, Qt::Key_N, Qt::ControlModifier);
  ReportEditor* e = window_->editor();
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(e));
  QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(e->title_edit));
  QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Draft to purge: search at the office"));
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::AltModifier);  // "&Narrative" tab
  QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(e->narrative_edit));
  QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("zanzibarword"));
  QCOMPARE(e->narrative_edit->toPlainText(), QStringLiteral("zanzibarword"));
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
  QTRY_VERIFY_WITH_TIMEOUT(!e->report_id().isEmpty() && !e->busy(), kWait);
  const QString id = e->report_id();
  QTRY_VERIFY_WITH_TIMEOUT(window_->reports_page()->model()->rowCount() == 2, kWait);
  accept_next_message_box();
  e->purge();
  QTRY_VERIFY_WITH_TIMEOUT(e->status() == storage::ReportStatus::purged && !e->busy(), kWait);
  QCOMPARE(e->report_id(), id);
  QVERIFY(e->title_edit->text().isEmpty());
  QVERIFY(!e->purge_button->isEnabled());
  e->back_button->click();
  ReportListModel* model = window_->reports_page()->model();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  QCOMPARE(model->report_id(0), report_id_);
  window_->reports_page()->search_edit->setText(QStringLiteral("zanzibarword"));
  window_->reports_page()->apply();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->at_end(), kWait);
  QCOMPARE(model->rowCount(), 0);
  window_->reports_page()->clear();
  window_->reports_page()->apply();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
}

void TestGui::accessible_names() {
  // Every control that takes keyboard focus has a name a screen reader reads
  // out (its accessible name, or the text Qt derives from it or its buddy).
  window_->editor()->open_new();
  window_->editor()->add_act_row();
  window_->editor()->add_person_row();
  QList<QWidget*> roots{window_.get()};
  FirstRunWizard wizard(session_.get(), vault_dir_);
  roots << &wizard;
  QStringList missing;
  for (QWidget* root : roots)
    for (QWidget* w : root->findChildren<QWidget*>()) {
      if (!(w->focusPolicy() & Qt::TabFocus)) continue;
      if (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
          qobject_cast<QComboBox*>(w->parentWidget()) ||
          (w->parentWidget() && qobject_cast<QComboBox*>(w->parentWidget()->parentWidget())))
        continue;  // the inner editor or popup list of a composite control
      if (w->inherits("QTabBar") || w->inherits("QScrollBar")) continue;  // named by their items
      QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
      QVERIFY(a);
      if (a->text(QAccessible::Name).trimmed().isEmpty())
        missing << QString::fromLatin1(w->metaObject()->className()) + u'/' + w->objectName() +
                       u'@' +
                       QString::fromLatin1(w->parentWidget() ? w->parentWidget()->metaObject()->className()
                                                             : "");
    }
  QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
  const QStringList clashes = editor_mnemonic_clashes(window_.get());
  QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
  window_->editor()->clear();
}

void TestGui::russian_ui() {
  install_language(QStringLiteral("ru"));
  VaultSession session;
  MainWindow window(&session, Preferences{});
  QCOMPARE(window.unlock_page()->unlock_button->text(), QStringLiteral("&Разблокировать"));
  QVERIFY(window.reports_page()->status_filter->itemText(1) != QStringLiteral("Draft"));
  QCOMPARE(window.reports_page()->model()->headerData(0, Qt::Horizontal).toString(),
           QStringLiteral("Название"));
  // Vocabulary labels come from the core in Russian.
  const auto* detention = storage::find_act_type("detention");
  QVERIFY(detention);
  QCOMPARE(window.reports_page()->act_filter->itemText(
               window.reports_page()->act_filter->findData(qs(detention->code))),
           qs(detention->label_ru));
  window.show();
  window.editor()->open_new();
  const QStringList clashes = editor_mnemonic_clashes(&window);
  QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
  QCOMPARE(Messages::error(storage::Error::wrong_passphrase),
           QStringLiteral("Парольная фраза не подошла к хранилищу."));
  install_language(QStringLiteral("en"));
}

void TestGui::live_language_switch() {
  // Settings → language: the whole window switches at once, still unlocked,
  // on the page it showed, with its rows read again.
  QVERIFY(session_->is_open());
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->reports_page()));
  QCOMPARE(window_->reports_page()->model()->headerData(0, Qt::Horizontal).toString(),
           QStringLiteral("Title"));
  window_->set_language(QStringLiteral("ru"));
  QVERIFY(session_->is_open());
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->reports_page()));
  QCOMPARE(window_->reports_page()->model()->headerData(0, Qt::Horizontal).toString(),
           QStringLiteral("Название"));
  QCOMPARE(window_->reports_page()->new_button->text(),
           QCoreApplication::translate("fieldseal::gui::ReportsPage", "&New report"));
  QVERIFY(window_->reports_page()->new_button->text() != QStringLiteral("&New report"));
  QVERIFY(window_->lock_action->text() != QStringLiteral("&Lock"));
  QCOMPARE(window_->exchange_menu->title(),
           QCoreApplication::translate("fieldseal::gui::MainWindow", "&Exchange"));
  QCOMPARE(ui_language(), storage::Language::ru);
  ReportListModel* model = window_->reports_page()->model();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  QCOMPARE(model->index(0, ReportListModel::title).data().toString(), kTitle);
  // Locking still clears the re-created views; actions still work.
  window_->set_language(QStringLiteral("en"));
  QCOMPARE(window_->reports_page()->new_button->text(), QStringLiteral("&New report"));
  QCOMPARE(ui_language(), storage::Language::en);
  QTRY_VERIFY_WITH_TIMEOUT(!window_->reports_page()->model()->loading() &&
                               window_->reports_page()->model()->rowCount() == 1,
                           kWait);
  window_->lock_action->trigger();
  QVERIFY(!session_->is_open());
  QCOMPARE(window_->reports_page()->model()->rowCount(), 0);
  unlock_with(kPassphrase);
  QVERIFY(session_->is_open());
}

void TestGui::hq_reports_browser() {
  // A researcher's final report with an attachment, exported and imported
  // into an HQ vault through the core; then the HQ vault in the window.
  namespace fs = std::filesystem;
  const fs::path base = utf8(temp_.filePath(QStringLiteral("exchange")));
  const fs::path hq_dir = base / "hq";
  const fs::path bundles = base / "bundles";
  fs::create_directories(bundles);
  const std::string attachment = "%PDF-1.4 court decision, not really a PDF";
  std::string imported_id;
  {
    auto pass = crypto::SecretBuffer::from_text(utf8(kPassphrase));
    auto field = storage::Vault::create(base / "field", storage::Role::field, "Researcher A", pass,
                                        crypto::Argon2idParams::floor());
    auto hq = storage::Vault::create(hq_dir, storage::Role::hq, "HQ", pass,
                                     crypto::Argon2idParams::floor());
    QVERIFY(field.ok() && hq.ok());
    QVERIFY(storage::add_contact(field->database(), *hq->card_text()).ok());
    QVERIFY(storage::add_contact(hq->database(), *field->card_text()).ok());
    storage::ReportDraft d;
    d.title = "Обыск в редакции";
    d.narrative = "Officers searched the newsroom and took the laptops.";
    d.start = storage::PartialDate{storage::DatePrecision::day, "2026-11-02"};
    auto id = storage::create_report(field->database(), field->signing_key(), d);
    QVERIFY(id.ok());
    const std::vector<std::uint8_t> bytes(attachment.begin(), attachment.end());
    crypto::MemorySource source(bytes);
    QVERIFY(storage::add_attachment(field->database(), field->signing_key(), *id, source,
                                    ".decision.pdf", "application/pdf")
                .ok());
    QVERIFY(storage::finalize_report(field->database(), field->signing_key(), *id).ok());
    transport::ExportOptions options;
    options.output_dir = bundles;
    const std::vector<std::string> to = {"HQ"};
    QVERIFY(transport::export_bundle(*field, to, {}, options).ok());
    const std::vector<fs::path> paths = {bundles};
    auto imported = transport::import_files(*hq, paths);
    QVERIFY(imported.ok());
    QCOMPARE(imported->bundles.size(), std::size_t{1});
    QVERIFY(imported->bundles.front().status == transport::ImportStatus::imported);
    imported_id = *id;
  }

  window_->lock_now();
  QVERIFY(!session_->is_open());
  unlock_with(kPassphrase, qs(hq_dir.string()));
  QVERIFY(session_->is_open());
  QVERIFY(session_->role() == storage::Role::hq);
  // HQ: navigation and HQ actions; no field exchange actions.
  QVERIFY(window_->navigation()->isVisible());
  QVERIFY(window_->go_menu->menuAction()->isVisible());
  QVERIFY(window_->create_receipt_action->isVisible());
  QVERIFY(!window_->export_action->isVisible());
  QVERIFY(!window_->import_receipt_action->isEnabled());
  window_->go_actions[2]->trigger();  // Ctrl+3
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->quarantine_page()));
  QCOMPARE(window_->navigation()->currentRow(), 2);
  window_->navigation()->setCurrentRow(3);
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->dashboard_page()));
  window_->go_actions[1]->trigger();
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->import_page()));
  window_->go_actions[0]->trigger();
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->reports_page()));

  // The list names the sender and when the report was verified.
  ReportsPage* page = window_->reports_page();
  ReportListModel* model = page->model();
  QTRY_VERIFY_WITH_TIMEOUT(!model->loading() && model->rowCount() == 1, kWait);
  QCOMPARE(model->report_id(0), qs(imported_id));
  QVERIFY(!page->table->isColumnHidden(ReportListModel::sender));
  QCOMPARE(model->index(0, ReportListModel::sender).data().toString(), QStringLiteral("Researcher A"));
  QVERIFY(model->origin(0).has_value());
  QCOMPARE(model->index(0, ReportListModel::verified).data().toString(),
           qs(model->origin(0)->origin.verified_at).replace(u'T', u' ').remove(u'Z'));
  QVERIFY(!model->origin(0)->origin.verified_at.empty());

  // The view: sender and verification, read-only, no preview, save-out.
  page->table->setCurrentIndex(model->index(0, 0));
  page->open_button->click();
  ReportEditor* e = window_->editor();
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(e));
  QTRY_VERIFY_WITH_TIMEOUT(e->origin().has_value() && !e->busy(), kWait);
  QVERIFY(e->origin_label->isVisible());
  QVERIFY(e->origin_label->text().contains(QStringLiteral("Researcher A")));
  QVERIFY(e->origin_label->text().contains(QStringLiteral("verified")));
  QVERIFY(!e->editable());
  QVERIFY(!e->amend_button->isEnabled());
  QVERIFY(!e->purge_button->isEnabled());
  QVERIFY(e->title_edit->isReadOnly());
  QCOMPARE(e->attachments_list->count(), 1);
  QVERIFY(!e->save_attachment_button->isEnabled());  // nothing selected yet
  e->attachments_list->setCurrentRow(0);
  QVERIFY(e->save_attachment_button->isEnabled());

  // The warning comes first; cancelling it saves nothing.
  QString warning_text;
  QTimer::singleShot(50, this, [&warning_text]() {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      warning_text = box->text();
      box->reject();
    }
  });
  e->save_attachment_button->click();
  QCOMPARE(warning_text, ReportEditor::outside_file_warning());

  const QString out = temp_.filePath(QStringLiteral("saved"));
  QVERIFY(QDir().mkpath(out));
  e->save_attachment_to(0, out);
  const QString saved = QDir(out).filePath(QStringLiteral("decision.pdf"));  // not hidden
  QTRY_VERIFY_WITH_TIMEOUT(!e->busy(), kWait);
  QVERIFY2(QFileInfo::exists(saved), qPrintable(e->message->text()));
  {
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().toStdString(), attachment);
    QCOMPARE(f.permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
  }
  QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden).size(), 1);  // no stray hidden file
  // An existing file is never replaced.
  {
    QFile f(saved);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("mine");
  }
  e->save_attachment_to(0, out);
  QTRY_VERIFY_WITH_TIMEOUT(!e->busy(), kWait);
  QVERIFY(e->message->text().contains(QStringLiteral("already")));
  {
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("mine"));
  }

  // Lock clears every HQ page and hides the navigation; back to the field vault.
  window_->lock_now();
  QVERIFY(!session_->is_open());
  QVERIFY(!window_->navigation()->isVisible());
  QVERIFY(e->attachments_list->count() == 0 && !e->origin());
  QCOMPARE(model->rowCount(), 0);
  unlock_with(kPassphrase);
  QVERIFY(session_->is_open());
  QVERIFY(session_->role() == storage::Role::field);
  QVERIFY(window_->export_action->isVisible() && !window_->navigation()->isVisible());
  QVERIFY(!window_->reports_page()->table->isColumnHidden(ReportListModel::title));
  QVERIFY(window_->reports_page()->table->isColumnHidden(ReportListModel::sender));
}

void TestGui::panic_wipe_leaves_no_vault() {
  QVERIFY(session_->is_open());
  Preferences p;
  p.panic = PanicAction::wipe;
  window_->set_preferences(p);
  window_->panic_action->trigger();
  QVERIFY(!session_->is_open());
  QCOMPARE(window_->stack()->currentWidget(), static_cast<QWidget*>(window_->unlock_page()));
  QCOMPARE(window_->reports_page()->model()->rowCount(), 0);
  session_->wait_idle();
  const auto dir = std::filesystem::path(utf8(vault_dir_));
  QVERIFY(!storage::Vault::exists(dir));
  auto opened = storage::Vault::open(dir, crypto::SecretBuffer::from_text(utf8(kPassphrase)),
                                     crypto::Argon2idParams::floor());
  QVERIFY(!opened.ok());
  QVERIFY(opened.error() == storage::Error::vault_not_found);
  QVERIFY(QDir(vault_dir_).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden)
              .isEmpty());
  unlock_with(kPassphrase);
  QCOMPARE(window_->unlock_page()->message->text(),
           Messages::error(storage::Error::vault_not_found));
}

void TestGui::cleanupTestCase() {
  window_.reset();
  session_.reset();
}

QTEST_MAIN(TestGui)
#include "test_gui.moc"
