// fieldseal_gui_screenshots OUT_DIR LANGUAGE
// Builds a demo vault in a temporary directory (fictional reports), drives
// the real windows through each main screen and saves them as PNGs. Run by
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

  window.lock_now();
  session.wait_idle();
  return failures == 0 ? 0 : 1;
}
