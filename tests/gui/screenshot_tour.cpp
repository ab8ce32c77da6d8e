// fieldseal_gui_screenshots OUT_DIR LANGUAGE
// Builds demo vaults in a temporary directory (fictional reports): the
// researcher's field vault, an HQ vault, and a second researcher whom HQ does
// not know yet (their bundle lands in quarantine). Drives the real windows
// through each main screen of both roles — field: wizard, unlock, list,
// search, editor, settings, export dialog and its result; HQ: import results,
// quarantine review, reports browser with verification, report view,
// dashboard, receipt dialog — and saves them as PNGs. Run by
// scripts/screenshots.sh under xvfb-run; not part of the product.
#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QPainter>
#include <QCheckBox>
#include <QComboBox>
#include <QTableWidget>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <functional>

#include "common.hpp"
#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "receipt_dialog.hpp"  // before dashboard_page.hpp: its inline accessor needs the type
#include "dashboard_page.hpp"
#include "export_dialog.hpp"
#include "field_exchange.hpp"
#include "hq_import_page.hpp"
#include "quarantine_page.hpp"
#include "fieldseal/storage/vault.hpp"
#include "first_run_wizard.hpp"
#include "main_window.hpp"
#include "passphrase_widgets.hpp"
#include "report_editor.hpp"
#include "report_list_model.hpp"
#include "reports_page.hpp"
#include "settings_dialog.hpp"
#include "unlock_widget.hpp"
#include "vault_session.hpp"

using namespace fieldseal;
using namespace fieldseal::gui;

namespace {

const char* const kDemoPassphrase = "demo passphrase for screenshots";

bool wait_for(const std::function<bool()>& condition, int ms = 60000) {
  QElapsedTimer t;
  t.start();
  while (!condition()) {
    if (t.elapsed() > ms) return false;
    QApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

void settle() {
  for (int i = 0; i < 20; ++i) QApplication::processEvents(QEventLoop::AllEvents, 10);
}

storage::ReportDraft demo_report(int i) {
  static const struct {
    const char* title;
    const char* date;
    const char* region;
    const char* act;
  } kDemo[] = {
      {"Detention of a journalist after a single-person picket", "2026-10-14", "Moscow", "detention"},
      {"Задержание участников акции у здания суда", "2026-10-02", "Saint Petersburg", "arrest"},
      {"Search of an NGO office; equipment seized", "2026-09", "Kazan", "illegal_search"},
      {"Threats against a lawyer after a court hearing", "2026-09-21", "Krasnodar", "threats"},
      {"Beating in a police van (fictional example)", "2026-08-30", "Yekaterinburg", "physical_assault"},
      {"Ban on a street assembly", "2026-08", "Novosibirsk", "banned_assembly"},
  };
  const auto& d = kDemo[static_cast<std::size_t>(i) % std::size(kDemo)];
  storage::ReportDraft r;
  r.title = d.title;
  r.narrative = "Fictional demo text. The witness describes what happened, when and where.";
  r.start = storage::parse_partial_date(d.date).value();
  r.location.text = "Fictional place";
  r.location.region = d.region;
  storage::Person victim;
  victim.name = "Person A";
  victim.roles = {storage::PersonRole::victim, storage::PersonRole::source};
  victim.description = "journalist";
  storage::Person witness;
  witness.name = "Person B";
  witness.roles = {storage::PersonRole::witness};
  r.persons = {victim, witness};
  storage::Act act;
  if (const auto* type = storage::find_act_type(d.act)) act.type_code = std::string(type->code);
  else act.type_code = "90000000000004";
  act.victim_ref = "p1";
  act.method = "";
  act.date = r.start;
  r.acts = {act};
  storage::Source source;
  source.person_ref = "p1";
  source.description = "interview in person";
  source.consent.may_quote = true;
  r.sources = {source};
  r.tags = {"demo"};
  return r;
}

bool build_demo_vault(const std::filesystem::path& dir) {
  auto vault = storage::Vault::create(dir, storage::Role::field, "Demo researcher",
                                      crypto::SecretBuffer::from_text(kDemoPassphrase),
                                      crypto::Argon2idParams::floor());
  if (!vault.ok()) return false;
  auto& db = vault->database();
  for (int i = 0; i < 6; ++i) {
    auto id = storage::create_report(db, vault->signing_key(), demo_report(i));
    if (!id.ok()) return false;
    if (i == 0) {
      QImage image(480, 320, QImage::Format_RGB32);
      image.fill(QColor(60, 90, 120));
      QPainter painter(&image);
      painter.setPen(Qt::white);
      painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 20));
      painter.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("demo photo"));
      painter.end();
      QByteArray png;
      QBuffer buffer(&png);
      buffer.open(QIODevice::WriteOnly);
      image.save(&buffer, "PNG");
      crypto::MemorySource source(std::span(reinterpret_cast<const std::uint8_t*>(png.constData()),
                                            static_cast<std::size_t>(png.size())));
      if (!storage::add_attachment(db, vault->signing_key(), *id, source, "photo-0001.png",
                                   "image/png").ok())
        return false;
    }
    if (i % 2 == 0 && !storage::finalize_report(db, vault->signing_key(), *id).ok()) return false;
  }
  vault->lock();
  return true;
}

// HQ's vault (knows the demo researcher), and a second researcher HQ does
// not know, whose exported bundle goes to `unknown_out`.
bool build_exchange(const std::filesystem::path& field_dir, const std::filesystem::path& hq_dir,
                    const std::filesystem::path& other_dir,
                    const std::filesystem::path& unknown_out, QString* other_card) {
  const auto pass = [] { return crypto::SecretBuffer::from_text(kDemoPassphrase); };
  auto field = storage::Vault::open(field_dir, pass(), crypto::Argon2idParams::floor());
  auto hq = storage::Vault::create(hq_dir, storage::Role::hq, "Demo HQ", pass(),
                                   crypto::Argon2idParams::floor());
  auto other = storage::Vault::create(other_dir, storage::Role::field, "Researcher K", pass(),
                                      crypto::Argon2idParams::floor());
  if (!field.ok() || !hq.ok() || !other.ok()) return false;
  auto hq_text = hq->card_text();
  auto field_text = field->card_text();
  auto other_text = other->card_text();
  if (!hq_text.ok() || !field_text.ok() || !other_text.ok()) return false;
  if (!storage::add_contact(field->database(), *hq_text).ok() ||
      !storage::add_contact(hq->database(), *field_text).ok() ||
      !storage::add_contact(other->database(), *hq_text).ok())
    return false;
  *other_card = qs(*other_text);
  auto id = storage::create_report(other->database(), other->signing_key(), demo_report(3));
  if (!id.ok() || !storage::finalize_report(other->database(), other->signing_key(), *id).ok())
    return false;
  transport::ExportOptions options;
  options.output_dir = unknown_out;
  const std::vector<std::string> to = {"Demo HQ"};
  if (!transport::export_bundle(*other, to, {}, options).ok()) return false;
  field->lock();
  hq->lock();
  other->lock();
  return true;
}

QString hq_card() {
  const auto identity = crypto::X25519Identity::generate();
  const auto signer = crypto::Ed25519KeyPair::generate();
  crypto::Card card{"Demo HQ", crypto::CardRole::hq, identity.recipient(), signer.public_key()};
  return qs(crypto::write_card(card, signer).value());
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc != 3) {
    std::fprintf(stderr, "usage: fieldseal_gui_screenshots OUT_DIR en|ru\n");
    return 2;
  }
  const QString out = QString::fromLocal8Bit(argv[1]);
  const QString lang = QString::fromLocal8Bit(argv[2]);
  QDir().mkpath(out);
  QApplication::setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
  install_language(lang);
  int failures = 0;
  auto shot = [&out, &failures](QWidget* w, const QString& name) {
    settle();
    if (!w->grab().save(out + u'/' + name + QStringLiteral(".png"))) ++failures;
  };

  QTemporaryDir temp;
  const QString vault_dir = temp.filePath(QStringLiteral("vault"));
  if (!build_demo_vault(std::filesystem::path(utf8(vault_dir)))) {
    std::fprintf(stderr, "could not build the demo vault\n");
    return 1;
  }

  VaultSession session;
  session.set_kdf_params(crypto::Argon2idParams::floor());
  MainWindow window(&session, Preferences{});
  window.resize(1100, 720);
  window.show();

  // First-run wizard pages (on a folder with no vault).
  {
    FirstRunWizard wizard(&session, temp.filePath(QStringLiteral("new-vault")), &window);
    wizard.show();
    wizard.name_edit->setText(QStringLiteral("Researcher N"));
    shot(&wizard, QStringLiteral("01-wizard-vault"));
    wizard.next();
    wizard.passphrase->generate_button()->click();
    shot(&wizard, QStringLiteral("02-wizard-passphrase"));
    wizard.next();
    wizard.duress_check->setChecked(true);
    shot(&wizard, QStringLiteral("03-wizard-duress"));
    wizard.duress_check->setChecked(false);
    wizard.next();
    wizard.load_card_text(hq_card().toUtf8());
    shot(&wizard, QStringLiteral("04-wizard-hq-card"));
    wizard.reject();
  }

  window.start(vault_dir);
  shot(&window, QStringLiteral("05-unlock"));
  window.unlock_page()->passphrase_edit->setText(QString::fromUtf8(kDemoPassphrase));
  window.unlock_page()->unlock();
  if (!wait_for([&] { return session.is_open() && window.reports_page()->model()->rowCount() == 6; })) {
    std::fprintf(stderr, "unlock or list failed\n");
    return 1;
  }
  window.reports_page()->table->selectRow(0);
  shot(&window, QStringLiteral("06-report-list"));
  window.reports_page()->search_edit->setText(lang == QLatin1String("ru") ? QStringLiteral("суда")
                                                                         : QStringLiteral("journalist"));
  window.reports_page()->apply();
  wait_for([&] { return !window.reports_page()->model()->loading(); });
  shot(&window, QStringLiteral("07-report-search"));
  window.reports_page()->clear();
  window.reports_page()->apply();
  wait_for([&] { return window.reports_page()->model()->rowCount() == 6; });

  // The oldest report is the one with the photo (the list is newest first).
  const QString photo_report = window.reports_page()->model()->report_id(5);
  ReportEditor* editor = window.editor();
  editor->open_report(photo_report);
  window.stack()->setCurrentWidget(editor);
  wait_for([&] { return !editor->busy() && !editor->title_edit->text().isEmpty(); });
  wait_for([&] { return editor->custody_table->rowCount() > 0; });
  const QStringList tabs{QStringLiteral("08-editor-incident"), QStringLiteral("09-editor-narrative"),
                         QStringLiteral("10-editor-acts"), QStringLiteral("11-editor-persons"),
                         QStringLiteral("12-editor-sources"), QStringLiteral("13-editor-attachments"),
                         QStringLiteral("14-editor-custody")};
  for (int i = 0; i < tabs.size(); ++i) {
    editor->tabs->setCurrentIndex(i);
    if (i == 5) {
      editor->attachments_list->setCurrentRow(0);
      wait_for([&] { return !editor->preview_image().isNull(); });
    }
    shot(&window, tabs[i]);
  }

  // A draft, with the finalize confirmation.
  editor->open_report(window.reports_page()->model()->report_id(4));
  wait_for([&] { return !editor->busy() && !editor->title_edit->text().isEmpty(); });
  editor->tabs->setCurrentIndex(0);
  shot(&window, QStringLiteral("15-editor-draft"));
  QTimer::singleShot(300, [&]() {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      shot(box, QStringLiteral("16-finalize-confirm"));
      for (QAbstractButton* b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::RejectRole) b->click();
    }
  });
  editor->finalize();

  SettingsDialog settings(window.preferences(), &window);
  settings.show();
  shot(&settings, QStringLiteral("17-settings"));
  settings.close();
  window.stack()->setCurrentWidget(window.reports_page());
  window.lock_now();
  session.wait_idle();

  // The exchange: HQ and a second researcher; the field vault learns HQ's card.
  const auto path_of = [&temp](const char* name) {
    return std::filesystem::path(utf8(temp.filePath(QString::fromLatin1(name))));
  };
  const auto field_out = path_of("to-hq");
  const auto unknown_out = path_of("from-unknown");
  std::filesystem::create_directories(field_out);
  std::filesystem::create_directories(unknown_out);
  QString other_card;
  if (!build_exchange(std::filesystem::path(utf8(vault_dir)), path_of("hq"), path_of("other"),
                      unknown_out, &other_card)) {
    std::fprintf(stderr, "could not build the exchange demo\n");
    return 1;
  }
  const auto note = [&failures](bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "screenshot step failed: %s\n", what);
      ++failures;
    }
    return ok;
  };
  const auto unlock = [&](const QString& dir) {
    window.start(dir);
    window.unlock_page()->passphrase_edit->setText(QString::fromUtf8(kDemoPassphrase));
    window.unlock_page()->unlock();
    return wait_for([&] { return session.is_open() && !window.reports_page()->model()->loading(); });
  };

  // Field: export to HQ, then the statement of what was written where.
  if (!note(unlock(vault_dir), "unlock field")) return 1;
  window.export_action->trigger();
  ExportDialog* export_dialog = window.field_exchange()->export_dialog();
  if (note(export_dialog != nullptr, "export dialog") &&
      note(wait_for([&] { return !export_dialog->loading(); }), "export dialog loads")) {
    export_dialog->set_destination(qs(field_out.string()));
    export_dialog->split_combo->setCurrentIndex(ExportDialog::split_signal);
    shot(export_dialog, QStringLiteral("18-export-dialog"));
    export_dialog->start_export();
    note(wait_for([&] { return !export_dialog->busy() && !export_dialog->written_files().isEmpty(); }),
         "export runs");
    shot(export_dialog, QStringLiteral("19-export-result"));
  }
  window.lock_now();
  session.wait_idle();

  // HQ: import (the researcher's bundle, the unknown researcher's, a damaged file).
  {
    QFile damaged(temp.filePath(QStringLiteral("damaged.age")));
    if (damaged.open(QIODevice::WriteOnly)) damaged.write(QByteArray(4096, 'x'));
  }
  if (!note(unlock(temp.filePath(QStringLiteral("hq"))), "unlock HQ")) return 1;
  window.show_hq_page(MainWindow::HqPage::import);
  HqImportPage* import_page = window.import_page();
  import_page->import_paths({qs(field_out.string()), qs(unknown_out.string()),
                             temp.filePath(QStringLiteral("damaged.age"))});
  note(wait_for([&] { return !import_page->busy(); }), "HQ import");
  shot(&window, QStringLiteral("20-hq-import"));

  window.show_hq_page(MainWindow::HqPage::quarantine);
  QuarantinePage* quarantine = window.quarantine_page();
  if (note(wait_for([&] { return !quarantine->held().empty(); }), "quarantine lists")) {
    quarantine->table->selectRow(0);
    (void)quarantine->load_card_text(other_card.toUtf8());
    shot(&window, QStringLiteral("21-quarantine"));
  }

  window.show_hq_page(MainWindow::HqPage::reports);
  ReportListModel* model = window.reports_page()->model();
  note(wait_for([&] { return !model->loading() && model->rowCount() > 0; }), "HQ list");
  window.reports_page()->table->selectRow(0);
  shot(&window, QStringLiteral("22-hq-reports"));
  int photo_row = -1;
  for (int row = 0; row < model->rowCount(); ++row)
    if (model->report_id(row) == photo_report) photo_row = row;
  if (note(photo_row >= 0, "imported photo report")) {
    editor->open_report(photo_report);
    window.stack()->setCurrentWidget(editor);
    wait_for([&] { return !editor->busy() && editor->origin().has_value(); });
    editor->tabs->setCurrentIndex(5);
    editor->attachments_list->setCurrentRow(0);
    shot(&window, QStringLiteral("23-hq-report-view"));
    editor->back_button->click();
  }

  window.show_hq_page(MainWindow::HqPage::dashboard);
  DashboardPage* dashboard = window.dashboard_page();
  note(wait_for([&] { return !dashboard->busy() && dashboard->total().has_value(); }), "dashboard");
  shot(&window, QStringLiteral("24-dashboard"));
  window.create_receipt_action->trigger();
  if (ReceiptDialog* receipt = dashboard->receipt_dialog(); note(receipt != nullptr, "receipt dialog")) {
    wait_for([&] { return receipt->researchers->rowCount() > 0; }, 10000);
    (void)receipt->select_researcher(QStringLiteral("Demo researcher"));
    receipt->set_destination(temp.filePath(QStringLiteral("to-hq")));
    shot(receipt, QStringLiteral("25-receipt-dialog"));
    receipt->close();
  }

  window.lock_now();
  session.wait_idle();
  return failures == 0 ? 0 : 1;
}
