#include "report_editor.hpp"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <fcntl.h>
#include <unistd.h>

#include <sodium.h>

#include "common.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/custody.hpp"
#include "file_picker.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

// Images above this size are not previewed (the preview reads the whole
// attachment into memory).
constexpr std::uint64_t kMaxPreviewBytes = 64ULL * 1024 * 1024;

enum ActColumn { act_type, act_victim, act_perpetrator, act_method, act_date, act_columns };
enum PersonColumn {
  person_ref, person_name, person_victim, person_witness, person_source, person_perpetrator,
  person_description, person_legal_name, person_birth_date, person_contact, person_notes,
  person_columns
};
enum SourceColumn {
  source_person, source_description, source_quote, source_anonymise, source_publish,
  source_columns
};

QTableWidget* make_table(int columns, const QStringList& headers, const QString& name) {
  auto* table = new QTableWidget(0, columns);
  table->setHorizontalHeaderLabels(headers);
  table->setAccessibleName(name);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setTabKeyNavigation(false);
  table->verticalHeader()->setVisible(false);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setStretchLastSection(true);
  return table;
}

QString cell_text(const QTableWidget* table, int row, int column) {
  const QTableWidgetItem* item = table->item(row, column);
  return item ? item->text().trimmed() : QString();
}

bool cell_checked(const QTableWidget* table, int row, int column) {
  const QTableWidgetItem* item = table->item(row, column);
  return item && item->checkState() == Qt::Checked;
}

void set_text(QTableWidget* table, int row, int column, const std::string& text) {
  table->setItem(row, column, new QTableWidgetItem(qs(text)));
}

void set_check(QTableWidget* table, int row, int column, bool checked) {
  auto* item = new QTableWidgetItem;
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
  item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
  table->setItem(row, column, item);
}

QWidget* table_with_buttons(QTableWidget* table, const QString& add_text,
                            const QString& remove_text, const std::function<void()>& add,
                            QList<QWidget*>& edit_buttons) {
  auto* page = new QWidget;
  auto* layout = new QVBoxLayout(page);
  layout->addWidget(table, 1);
  auto* row = new QHBoxLayout;
  auto* add_button = new QPushButton(add_text);
  add_button->setAccessibleName(add_text.contains(u'&') ? QString(add_text).remove(u'&')
                                                        : add_text);
  auto* remove_button = new QPushButton(remove_text);
  remove_button->setAccessibleName(QString(remove_text).remove(u'&'));
  QObject::connect(add_button, &QPushButton::clicked, page, add);
  QObject::connect(remove_button, &QPushButton::clicked, table, [table]() {
    if (table->currentRow() >= 0) table->removeRow(table->currentRow());
  });
  row->addWidget(add_button);
  row->addWidget(remove_button);
  row->addStretch();
  layout->addLayout(row);
  edit_buttons << add_button << remove_button;
  return page;
}

QString format_size(std::uint64_t bytes) {
  return QLocale().formattedDataSize(static_cast<qint64>(bytes));
}

}  // namespace

// ---------------------------------------------------------------------------

PartialDateEdit::PartialDateEdit(const QString& accessible_name, QWidget* parent)
    : QWidget(parent), edit(new QLineEdit), precision_(new QLabel) {
  edit->setAccessibleName(accessible_name);
  edit->setPlaceholderText(tr("YYYY-MM-DD, YYYY-MM, YYYY or empty"));
  edit->setMaxLength(10);
  precision_->setAccessibleName(tr("Date precision"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(edit, 1);
  layout->addWidget(precision_);
  connect(edit, &QLineEdit::textChanged, this, &PartialDateEdit::update_precision);
  update_precision();
}

storage::Result<storage::PartialDate> PartialDateEdit::value() const {
  return storage::parse_partial_date(utf8(edit->text().trimmed()));
}

void PartialDateEdit::set_value(const storage::PartialDate& date) {
  edit->setText(qs(date.value));
}

void PartialDateEdit::set_read_only(bool read_only) { edit->setReadOnly(read_only); }

void PartialDateEdit::update_precision() {
  const auto date = value();
  if (!date.ok()) {
    precision_->setText(tr("(not a date)"));
    return;
  }
  precision_->setText(tr("precision: %1").arg(qs(storage::label(date->precision, ui_language()))));
}

// ---------------------------------------------------------------------------

ReportEditor::ReportEditor(VaultSession* session, QWidget* parent)
    : QWidget(parent), tabs(new QTabWidget), header(new QLabel), title_edit(new QLineEdit),
      start_edit(new PartialDateEdit(tr("Start date"))),
      end_edit(new PartialDateEdit(tr("End date"))), place_edit(new QLineEdit),
      region_edit(new QLineEdit), coordinates_edit(new QLineEdit), tags_edit(new QLineEdit),
      narrative_edit(new QPlainTextEdit), amendments_view(new QPlainTextEdit),
      attachments_list(new QListWidget),
      preview(new QLabel), save_button(new QPushButton(tr("Save &draft"))),
      finalize_button(new QPushButton(tr("&Finalize…"))),
      purge_button(new QPushButton(tr("P&urge…"))),
      amend_button(new QPushButton(tr("A&mend…"))),
      back_button(new QPushButton(tr("&Back to list"))),
      add_attachment_button(new QPushButton(tr("Add fi&le…"))),
      save_attachment_button(new QPushButton(tr("Sa&ve attachment…"))),
      origin_label(new QLabel), message(new QLabel),
      session_(session) {
  const auto lang = ui_language();
  header->setWordWrap(true);
  header->setAccessibleName(tr("Report state"));
  origin_label->setWordWrap(true);
  origin_label->setAccessibleName(tr("Sender and verification"));
  origin_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  message->setWordWrap(true);
  message->setAccessibleName(tr("Editor status"));
  title_edit->setAccessibleName(tr("Title"));
  title_edit->setMaxLength(static_cast<int>(storage::kMaxTitleBytes / 2));
  place_edit->setAccessibleName(tr("Place"));
  place_edit->setPlaceholderText(tr("e.g. police station, street, town"));
  region_edit->setAccessibleName(tr("Region"));
  coordinates_edit->setAccessibleName(tr("Coordinates"));
  coordinates_edit->setPlaceholderText(tr("latitude,longitude (optional), e.g. 55.7558,37.6173"));
  tags_edit->setAccessibleName(tr("Tags"));
  tags_edit->setPlaceholderText(tr("comma-separated"));
  narrative_edit->setAccessibleName(tr("Narrative"));
  narrative_edit->setTabChangesFocus(true);

  // Incident
  auto* incident = new QWidget;
  auto* form = new QFormLayout(incident);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  auto add_row = [form](const QString& text, QWidget* field, QWidget* buddy) {
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    form->addRow(label, field);
  };
  add_row(tr("&Title:"), title_edit, title_edit);
  add_row(tr("Sta&rt date:"), start_edit, start_edit->edit);
  add_row(tr("&End date:"), end_edit, end_edit->edit);
  add_row(tr("P&lace:"), place_edit, place_edit);
  add_row(tr("Regi&on:"), region_edit, region_edit);
  add_row(tr("&Coordinates:"), coordinates_edit, coordinates_edit);
  add_row(tr("Ta&gs:"), tags_edit, tags_edit);
  tabs->addTab(incident, tr("&Incident"));

  // Narrative, and below it the amendments of a final report
  auto* narrative = new QSplitter(Qt::Vertical);
  narrative->addWidget(narrative_edit);
  amendments_view->setReadOnly(true);
  amendments_view->setAccessibleName(tr("Amendments"));
  amendments_view->setTabChangesFocus(true);
  amendments_view->setPlaceholderText(tr("Amendments to the final report appear here."));
  narrative->addWidget(amendments_view);
  narrative->setStretchFactor(0, 3);
  narrative->setStretchFactor(1, 1);
  tabs->addTab(narrative, tr("&Narrative"));

  // Acts
  acts_table = make_table(act_columns,
                          {tr("Type of act"), tr("Victim (person ref)"),
                           tr("Perpetrator (person ref)"), tr("Method"), tr("Date")},
                          tr("Acts"));
  tabs->addTab(table_with_buttons(acts_table, tr("Add a&ct"), tr("Remove act"),
                                  [this]() { add_act_row(); }, edit_buttons_),
               tr("&Acts"));

  // Persons
  const auto role = [lang](storage::PersonRole r) { return qs(storage::label(r, lang)); };
  persons_table = make_table(
      person_columns,
      {tr("Ref"), tr("Name or pseudonym"), role(storage::PersonRole::victim),
       role(storage::PersonRole::witness), role(storage::PersonRole::source),
       role(storage::PersonRole::perpetrator), tr("Description"), tr("Legal name (sensitive)"),
       tr("Birth date (sensitive)"), tr("Contact (sensitive)"), tr("Notes (sensitive)")},
      tr("Persons"));
  tabs->addTab(table_with_buttons(persons_table, tr("Add pers&on"), tr("Remove person"),
                                  [this]() { add_person_row(); }, edit_buttons_),
               tr("&Persons"));

  // Sources
  const auto flag = [lang](storage::ConsentFlag f) { return qs(storage::label(f, lang)); };
  sources_table = make_table(source_columns,
                             {tr("Person ref"), tr("Description"),
                              flag(storage::ConsentFlag::may_quote),
                              flag(storage::ConsentFlag::must_anonymise),
                              flag(storage::ConsentFlag::may_publish)},
                             tr("Sources and consent"));
  tabs->addTab(table_with_buttons(sources_table, tr("Add s&ource"), tr("Remove source"),
                                  [this]() { add_source_row(); }, edit_buttons_),
               tr("&Sources"));

  // Attachments
  auto* attachments = new QWidget;
  auto* att_layout = new QVBoxLayout(attachments);
  attachments_list->setAccessibleName(tr("Attachments"));
  add_attachment_button->setAccessibleName(tr("Add an attachment from a file"));
  preview->setAccessibleName(tr("Image preview"));
  preview->setAlignment(Qt::AlignCenter);
  preview->setMinimumSize(200, 150);
  auto* scroll = new QScrollArea;
  scroll->setWidget(preview);
  scroll->setWidgetResizable(true);
  scroll->setAccessibleName(tr("Image preview"));
  auto* split = new QSplitter;
  split->addWidget(attachments_list);
  split->addWidget(scroll);
  split->setStretchFactor(1, 2);
  att_layout->addWidget(split, 1);
  auto* att_buttons = new QHBoxLayout;
  att_buttons->addWidget(add_attachment_button);
  att_buttons->addWidget(save_attachment_button);
  att_buttons->addStretch();
  save_attachment_button->setAccessibleName(tr("Save the selected attachment to a folder"));
  connect(save_attachment_button, &QPushButton::clicked, this, &ReportEditor::save_attachment);
  connect(attachments_list, &QListWidget::currentRowChanged, this, [this](int row) {
    save_attachment_button->setEnabled(row >= 0 && busy_ == 0 &&
                                       status_ != std::optional(storage::ReportStatus::purged));
  });
  att_layout->addLayout(att_buttons);
  tabs->addTab(attachments, tr("Attac&hments"));
  connect(add_attachment_button, &QPushButton::clicked, this, [this]() {
    const QString path = FilePicker::open_file(this, tr("Add an attachment"));
    if (!path.isEmpty()) add_attachment(path);
  });
  connect(attachments_list, &QListWidget::currentRowChanged, this, &ReportEditor::show_preview);

  // Custody
  custody_table = make_table(4, {tr("No."), tr("Time (UTC)"), tr("Event"), tr("Details")},
                             tr("Custody log"));
  custody_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  tabs->addTab(custody_table, tr("Custod&y log"));
  tabs->setAccessibleName(tr("Report sections"));
  // Alt+letter on a tab goes into that section: focus its first control
  // (unless the user is moving along the tab bar itself).
  connect(tabs, &QTabWidget::currentChanged, this, [this](int index) {
    QWidget* page = tabs->widget(index);
    if (filling_ || !page || !isVisible() || QApplication::focusWidget() == tabs->tabBar()) return;
    for (QWidget* w = page->nextInFocusChain(); w && w != page; w = w->nextInFocusChain())
      if (page->isAncestorOf(w) && (w->focusPolicy() & Qt::TabFocus) && w->isEnabled() &&
          w->isVisibleTo(page)) {
        w->setFocus(Qt::ShortcutFocusReason);
        return;
      }
  });

  save_button->setAccessibleName(tr("Save draft"));
  finalize_button->setAccessibleName(tr("Finalize"));
  purge_button->setAccessibleName(tr("Purge"));
  back_button->setAccessibleName(tr("Back to list"));
  connect(save_button, &QPushButton::clicked, this, [this]() { save(); });
  connect(finalize_button, &QPushButton::clicked, this, &ReportEditor::finalize);
  connect(purge_button, &QPushButton::clicked, this, &ReportEditor::purge);
  amend_button->setAccessibleName(tr("Add an amendment"));
  connect(amend_button, &QPushButton::clicked, this, &ReportEditor::ask_amendment);
  connect(back_button, &QPushButton::clicked, this, &ReportEditor::close_requested);
  auto* save_shortcut = new QShortcut(QKeySequence::Save, this);
  connect(save_shortcut, &QShortcut::activated, this, [this]() {
    if (save_button->isEnabled()) save();
  });

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(back_button);
  buttons->addStretch();
  buttons->addWidget(save_button);
  buttons->addWidget(finalize_button);
  buttons->addWidget(amend_button);
  buttons->addWidget(purge_button);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(header);
  layout->addWidget(origin_label);
  layout->addWidget(tabs, 1);
  layout->addWidget(message);
  layout->addLayout(buttons);
  clear();
}

void ReportEditor::add_act_row(const storage::Act& act) {
  const int row = acts_table->rowCount();
  acts_table->insertRow(row);
  auto* type = new QComboBox;
  type->setAccessibleName(tr("Type of act"));
  for (const auto& t : storage::act_types())
    type->addItem(qs(storage::label(t, ui_language())), qs(t.code));
  if (!act.type_code.empty()) type->setCurrentIndex(type->findData(qs(act.type_code)));
  acts_table->setCellWidget(row, act_type, type);
  set_text(acts_table, row, act_victim, act.victim_ref);
  set_text(acts_table, row, act_perpetrator, act.perpetrator_ref);
  set_text(acts_table, row, act_method, act.method);
  set_text(acts_table, row, act_date, act.date.value);
  acts_table->setCurrentCell(row, act_type);
}

void ReportEditor::add_person_row(const storage::Person& person) {
  const int row = persons_table->rowCount();
  persons_table->insertRow(row);
  set_text(persons_table, row, person_ref, person.ref);
  set_text(persons_table, row, person_name, person.name);
  const auto has = [&person](storage::PersonRole r) {
    return std::find(person.roles.begin(), person.roles.end(), r) != person.roles.end();
  };
  set_check(persons_table, row, person_victim, has(storage::PersonRole::victim));
  set_check(persons_table, row, person_witness, has(storage::PersonRole::witness));
  set_check(persons_table, row, person_source, has(storage::PersonRole::source));
  set_check(persons_table, row, person_perpetrator, has(storage::PersonRole::perpetrator));
  set_text(persons_table, row, person_description, person.description);
  set_text(persons_table, row, person_legal_name, person.sensitive.legal_name);
  set_text(persons_table, row, person_birth_date, person.sensitive.birth_date);
  set_text(persons_table, row, person_contact, person.sensitive.contact);
  set_text(persons_table, row, person_notes, person.sensitive.notes);
  persons_table->setCurrentCell(row, person_name);
}

void ReportEditor::add_source_row(const storage::Source& source) {
  const int row = sources_table->rowCount();
  sources_table->insertRow(row);
  set_text(sources_table, row, source_person, source.person_ref);
  set_text(sources_table, row, source_description, source.description);
  set_check(sources_table, row, source_quote, source.consent.may_quote);
  set_check(sources_table, row, source_anonymise, source.consent.must_anonymise);
  set_check(sources_table, row, source_publish, source.consent.may_publish);
  sources_table->setCurrentCell(row, source_description);
}

std::variant<storage::ReportDraft, QString> ReportEditor::draft_from_form() const {
  storage::ReportDraft d;
  d.title = utf8(title_edit->text().trimmed());
  if (d.title.empty()) return tr("The report needs a title.");
  d.narrative = utf8(narrative_edit->toPlainText());
  auto start = start_edit->value();
  if (!start.ok()) return tr("The start date must be YYYY, YYYY-MM or YYYY-MM-DD.");
  d.start = *start;
  auto end = end_edit->value();
  if (!end.ok()) return tr("The end date must be YYYY, YYYY-MM or YYYY-MM-DD.");
  d.end = *end;
  d.location.text = utf8(place_edit->text().trimmed());
  d.location.region = utf8(region_edit->text().trimmed());
  if (const QString c = coordinates_edit->text().trimmed(); !c.isEmpty()) {
    auto coordinates = storage::parse_coordinates(utf8(c));
    if (!coordinates.ok())
      return tr("Coordinates must be latitude,longitude in degrees, e.g. 55.7558,37.6173.");
    d.location.coordinates = *coordinates;
  }
  for (const QString& tag : tags_edit->text().split(u',', Qt::SkipEmptyParts))
    if (!tag.trimmed().isEmpty()) d.tags.push_back(utf8(tag.trimmed()));

  for (int row = 0; row < acts_table->rowCount(); ++row) {
    storage::Act act;
    const auto* type = qobject_cast<const QComboBox*>(acts_table->cellWidget(row, act_type));
    act.type_code = type ? utf8(type->currentData().toString()) : std::string();
    act.victim_ref = utf8(cell_text(acts_table, row, act_victim));
    act.perpetrator_ref = utf8(cell_text(acts_table, row, act_perpetrator));
    act.method = utf8(cell_text(acts_table, row, act_method));
    auto date = storage::parse_partial_date(utf8(cell_text(acts_table, row, act_date)));
    if (!date.ok()) return tr("The date of act %1 must be YYYY, YYYY-MM or YYYY-MM-DD.").arg(row + 1);
    act.date = *date;
    d.acts.push_back(std::move(act));
  }
  for (int row = 0; row < persons_table->rowCount(); ++row) {
    storage::Person p;
    p.ref = utf8(cell_text(persons_table, row, person_ref));
    p.name = utf8(cell_text(persons_table, row, person_name));
    if (cell_checked(persons_table, row, person_victim)) p.roles.push_back(storage::PersonRole::victim);
    if (cell_checked(persons_table, row, person_witness)) p.roles.push_back(storage::PersonRole::witness);
    if (cell_checked(persons_table, row, person_source)) p.roles.push_back(storage::PersonRole::source);
    if (cell_checked(persons_table, row, person_perpetrator))
      p.roles.push_back(storage::PersonRole::perpetrator);
    if (p.roles.empty()) return tr("Person %1 needs at least one role.").arg(row + 1);
    p.description = utf8(cell_text(persons_table, row, person_description));
    p.sensitive.legal_name = utf8(cell_text(persons_table, row, person_legal_name));
    p.sensitive.birth_date = utf8(cell_text(persons_table, row, person_birth_date));
    p.sensitive.contact = utf8(cell_text(persons_table, row, person_contact));
    p.sensitive.notes = utf8(cell_text(persons_table, row, person_notes));
    d.persons.push_back(std::move(p));
  }
  for (int row = 0; row < sources_table->rowCount(); ++row) {
    storage::Source s;
    s.person_ref = utf8(cell_text(sources_table, row, source_person));
    s.description = utf8(cell_text(sources_table, row, source_description));
    s.consent.may_quote = cell_checked(sources_table, row, source_quote);
    s.consent.must_anonymise = cell_checked(sources_table, row, source_anonymise);
    s.consent.may_publish = cell_checked(sources_table, row, source_publish);
    d.sources.push_back(std::move(s));
  }
  auto normalized = storage::normalize_draft(std::move(d));
  if (!normalized.ok()) return Messages::error(normalized.error());
  return std::move(normalized).value();
}

void ReportEditor::begin_busy(const QString& text) {
  ++busy_;
  message->setText(text);
  setCursor(Qt::BusyCursor);
  for (QPushButton* b : {save_button, finalize_button, purge_button, amend_button,
                        add_attachment_button, save_attachment_button})
    b->setEnabled(false);
}

void ReportEditor::end_busy() {
  if (busy_ > 0) --busy_;
  if (busy_ == 0) {
    unsetCursor();
    set_editable(editable());
  }
}

void ReportEditor::set_editable(bool editable) {
  const bool busy = busy_ > 0;
  for (QLineEdit* e : {title_edit, place_edit, region_edit, coordinates_edit, tags_edit})
    e->setReadOnly(!editable);
  start_edit->set_read_only(!editable);
  end_edit->set_read_only(!editable);
  narrative_edit->setReadOnly(!editable);
  for (QTableWidget* t : {acts_table, persons_table, sources_table}) {
    t->setEditTriggers(editable ? QAbstractItemView::AllEditTriggers
                                : QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < t->rowCount(); ++row)
      for (int col = 0; col < t->columnCount(); ++col) {
        if (QWidget* w = t->cellWidget(row, col)) w->setEnabled(editable);
        if (QTableWidgetItem* item = t->item(row, col); item && (item->flags() & Qt::ItemIsUserCheckable))
          item->setFlags(editable ? (Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable)
                                  : (Qt::ItemIsEnabled | Qt::ItemIsSelectable));
      }
  }
  for (QWidget* b : edit_buttons_) b->setEnabled(editable);
  save_button->setEnabled(editable && !busy);
  add_attachment_button->setEnabled(editable && !busy);
  finalize_button->setEnabled(editable && !busy);
  amend_button->setEnabled(!busy && !origin_ &&
                           status_ == std::optional(storage::ReportStatus::final));
  purge_button->setEnabled(!id_.isEmpty() && !busy && !origin_ &&
                           status_ != std::optional(storage::ReportStatus::purged));
  save_attachment_button->setEnabled(!busy && attachments_list->currentRow() >= 0 &&
                                     status_ != std::optional(storage::ReportStatus::purged));
}

void ReportEditor::clear() {
  const QScopedValueRollback filling(filling_, true);
  id_.clear();
  status_.reset();
  origin_.reset();
  origin_label->clear();
  origin_label->hide();
  attachments_.clear();
  preview_image_ = QImage();
  preview->clear();
  for (QLineEdit* e : {title_edit, place_edit, region_edit, coordinates_edit, tags_edit,
                       start_edit->edit, end_edit->edit})
    e->clear();
  narrative_edit->clear();
  amendments_view->clear();
  for (QTableWidget* t : {acts_table, persons_table, sources_table, custody_table})
    t->setRowCount(0);
  attachments_list->clear();
  header->clear();
  message->clear();
  tabs->setCurrentIndex(0);
  set_editable(true);
}

void ReportEditor::open_new() {
  clear();
  header->setText(tr("New report (not saved yet)"));
  title_edit->setFocus();
}

void ReportEditor::open_report(const QString& id) {
  clear();
  id_ = id;
  reload();
}

void ReportEditor::reload() {
  if (id_.isEmpty()) return;
  begin_busy(tr("Loading…"));
  using Loaded = std::pair<storage::Report, std::optional<storage::ReportSender>>;
  using R = storage::Result<Loaded>;
  session_->run<R>(
      this,
      [id = utf8(id_)](storage::Vault* vault) -> R {
        if (!vault) return fail(storage::Error::vault_not_found);
        auto report = storage::get_report(vault->database(), id);
        if (!report.ok()) return fail(report.error());
        auto origin = storage::report_sender(vault->database(), id);
        if (!origin.ok()) return fail(origin.error());
        return Loaded{std::move(*report), std::move(*origin)};
      },
      [this](R loaded) {
        if (!loaded.ok()) {
          end_busy();
          message->setText(Messages::error(loaded.error()));
          return;
        }
        load(loaded->first, std::move(loaded->second));
        end_busy();
        message->clear();
      });
}

void ReportEditor::load(const storage::Report& report,
                        std::optional<storage::ReportSender> origin) {
  const QScopedValueRollback filling(filling_, true);
  const int tab = tabs->currentIndex();
  clear();
  tabs->setCurrentIndex(tab);
  id_ = qs(report.id);
  status_ = report.status;
  origin_ = std::move(origin);
  if (origin_) {
    const QString key = qs(crypto::base64_encode(origin_->origin.sender, false));
    const QString sender = origin_->sender_name.empty()
                               ? tr("an unknown sender (signing key %1)").arg(key)
                               : tr("%1 (signing key %2)").arg(qs(origin_->sender_name), key);
    const auto utc = [](const std::string& iso) {
      return qs(iso).replace(u'T', u' ').remove(u'Z');
    };
    origin_label->setText(
        tr("Received from %1 on %2 UTC. Signatures and custody chain verified on import, "
           "%3 UTC. Imported reports are read-only.")
            .arg(sender, utc(origin_->origin.received_at), utc(origin_->origin.verified_at)));
    origin_label->show();
  }
  const auto& c = report.content;
  title_edit->setText(qs(c.title));
  narrative_edit->setPlainText(qs(c.narrative));
  start_edit->set_value(c.start);
  end_edit->set_value(c.end);
  place_edit->setText(qs(c.location.text));
  region_edit->setText(qs(c.location.region));
  if (c.location.coordinates)
    coordinates_edit->setText(qs(storage::format_coordinates(*c.location.coordinates)));
  QStringList tags;
  for (const auto& t : c.tags) tags << qs(t);
  tags_edit->setText(tags.join(QStringLiteral(", ")));
  for (const auto& a : c.acts) add_act_row(a);
  for (const auto& p : c.persons) add_person_row(p);
  for (const auto& s : c.sources) add_source_row(s);
  QStringList amendments;
  for (const auto& a : report.amendments)
    amendments << tr("Amendment of %1:").arg(qs(a.created_at)) + u'\n' + qs(a.text);
  amendments_view->setPlainText(amendments.join(QStringLiteral("\n\n")));
  attachments_ = report.attachments;
  for (const auto& a : attachments_)
    attachments_list->addItem(tr("%1 (%2, %3)")
                                  .arg(qs(a.name), a.media_type.empty() ? tr("unknown type")
                                                                        : qs(a.media_type),
                                       format_size(a.size)));
  const auto lang = ui_language();
  QString state = tr("Status: %1").arg(qs(storage::label(report.status, lang)));
  if (report.status == storage::ReportStatus::final && !origin_)
    state += QStringLiteral(" — ") +
             tr("finalized %1; signed, cannot be edited, only amended")
                 .arg(qs(report.finalized_at.value_or(std::string())));
  if (report.status == storage::ReportStatus::purged)
    state += QStringLiteral(" — ") +
             tr("content purged %1").arg(qs(report.purged_at.value_or(std::string())));
  if (origin_)
    state += QStringLiteral(" — ") +
             tr("finalized %1 by its author")
                 .arg(qs(report.finalized_at.value_or(std::string())));
  else
    state += QStringLiteral(" · ") + tr("Delivery: %1").arg(qs(storage::label(report.delivery, lang)));
  header->setText(state);
  set_editable(editable());
  load_custody();
}

void ReportEditor::load_custody() {
  using R = storage::Result<std::vector<storage::CustodyEntry>>;
  session_->run<R>(
      this,
      [id = utf8(id_)](storage::Vault* vault) -> R {
        if (!vault) return fail(storage::Error::vault_not_found);
        return storage::list_custody(vault->database(), id);
      },
      [this](R entries) {
        custody_table->setRowCount(0);
        if (!entries.ok()) return;
        for (const auto& e : *entries) {
          const int row = custody_table->rowCount();
          custody_table->insertRow(row);
          custody_table->setItem(row, 0, new QTableWidgetItem(QString::number(e.seq)));
          custody_table->setItem(row, 1, new QTableWidgetItem(qs(e.at)));
          custody_table->setItem(row, 2,
                                 new QTableWidgetItem(qs(storage::label(e.event, ui_language()))));
          QStringList details;
          for (const auto& [k, v] : e.details) details << qs(k) + u'=' + qs(v);
          custody_table->setItem(row, 3, new QTableWidgetItem(details.join(QStringLiteral("; "))));
        }
      });
}

void ReportEditor::save(std::function<void()> then) {
  auto draft = draft_from_form();
  if (auto* error = std::get_if<QString>(&draft)) {
    message->setText(*error);
    return;
  }
  begin_busy(tr("Saving…"));
  using R = storage::Result<std::string>;
  session_->run<R>(
      this,
      [id = utf8(id_), d = std::get<storage::ReportDraft>(std::move(draft))](
          storage::Vault* vault) -> R {
        if (!vault) return fail(storage::Error::vault_not_found);
        if (id.empty()) return storage::create_report(vault->database(), vault->signing_key(), d);
        auto updated = storage::update_report(vault->database(), vault->signing_key(), id, d);
        if (!updated.ok()) return fail(updated.error());
        return id;
      },
      [this, then = std::move(then)](R id) {
        end_busy();
        if (!id.ok()) {
          message->setText(Messages::error(id.error()));
          return;
        }
        id_ = qs(*id);
        status_ = storage::ReportStatus::draft;
        emit changed_in_vault();
        reload();
        if (then) then();
      });
}

void ReportEditor::finalize() {
  if (!confirm(this, tr("Finalize the report?"),
               tr("Finalizing signs the report with your key and freezes it. It cannot be "
                  "edited afterwards, only amended. Attachments cannot be added after this. "
                  "Unsaved changes are saved first."),
               tr("&Finalize")))
    return;
  save([this]() {
    run_action<storage::Result<std::string>>(
        tr("Finalizing…"), [id = utf8(id_)](storage::Vault& vault) {
          return storage::finalize_report(vault.database(), vault.signing_key(), id);
        });
  });
}

void ReportEditor::purge() {
  if (id_.isEmpty()) return;
  if (!confirm(this, tr("Purge the report?"),
               tr("Purging removes the report's content and attachments from the vault for "
                  "good; even the passphrase will not bring them back. A stub with the id, "
                  "dates, hash and delivery state stays, with the custody log."),
               tr("&Purge")))
    return;
  run_action<storage::Result<void>>(tr("Purging…"), [id = utf8(id_)](storage::Vault& vault) {
    return storage::purge_report(vault.database(), vault.signing_key(), id);
  });
}

template <class R>
void ReportEditor::run_action(const QString& busy_text, std::function<R(storage::Vault&)> work) {
  begin_busy(busy_text);
  session_->run<R>(
      this,
      [work = std::move(work)](storage::Vault* vault) -> R {
        if (!vault) return fail(storage::Error::vault_not_found);
        return work(*vault);
      },
      [this](R result) {
        end_busy();
        if (!result.ok()) {
          message->setText(Messages::error(result.error()));
          return;
        }
        emit changed_in_vault();
        reload();
      });
}

void ReportEditor::ask_amendment() {
  QDialog dialog(this);
  dialog.setWindowTitle(tr("Add an amendment"));
  auto* text = new QPlainTextEdit;
  text->setAccessibleName(tr("Amendment text"));
  text->setTabChangesFocus(true);
  auto* note = new QLabel(tr("The amendment is signed with your key and kept with the report; "
                             "the report itself stays as it was finalized."));
  note->setWordWrap(true);
  auto* buttons = new QDialogButtonBox;
  auto* add = buttons->addButton(tr("&Add amendment"), QDialogButtonBox::AcceptRole);
  buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
  add->setAccessibleName(tr("Add amendment"));
  connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(note);
  layout->addWidget(text, 1);
  layout->addWidget(buttons);
  dialog.resize(560, 320);
  if (dialog.exec() != QDialog::Accepted || text->toPlainText().trimmed().isEmpty()) return;
  add_amendment(text->toPlainText());
}

void ReportEditor::add_amendment(const QString& text) {
  if (id_.isEmpty()) return;
  run_action<storage::Result<std::string>>(
      tr("Adding the amendment…"), [id = utf8(id_), t = utf8(text)](storage::Vault& vault) {
        return storage::add_amendment(vault.database(), vault.signing_key(), id, t);
      });
}

void ReportEditor::add_attachment(const QString& path) {
  if (id_.isEmpty()) {
    save([this, path]() { add_attachment(path); });
    return;
  }
  begin_busy(tr("Adding the attachment…"));
  using R = storage::Result<storage::AttachmentInfo>;
  const QFileInfo info(path);
  session_->run<R>(
      this,
      [id = utf8(id_), file = utf8(info.absoluteFilePath()),
       name = utf8(info.fileName())](storage::Vault* vault) -> R {
        if (!vault) return fail(storage::Error::vault_not_found);
        const std::string media =
            utf8(QMimeDatabase().mimeTypeForFile(qs(file), QMimeDatabase::MatchContent).name());
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) return fail(storage::Error::io_failed);
        crypto::FdSource source(fd);
        auto added = storage::add_attachment(vault->database(), vault->signing_key(), id, source,
                                             name, media);
        ::close(fd);
        return added;
      },
      [this](R added) {
        end_busy();
        if (!added.ok()) {
          message->setText(Messages::error(added.error()));
          return;
        }
        emit changed_in_vault();
        reload();
        tabs->setCurrentIndex(tabs->indexOf(attachments_list->parentWidget()->parentWidget()));
      });
}

QString ReportEditor::outside_file_warning() {
  return tr("This file comes from outside this vault: a researcher's device or anyone who "
            "handled it may have made it harmful. Opening it can infect this computer. Open it "
            "only on a computer kept apart for that, never on this one.");
}

void ReportEditor::save_attachment() {
  const int row = attachments_list->currentRow();
  if (row < 0 || static_cast<std::size_t>(row) >= attachments_.size()) return;
  if (origin_ && !confirm(this, tr("Save a file from outside"), outside_file_warning(),
                          tr("Choose a folder…")))
    return;
  const QString folder = FilePicker::choose_folder(this, tr("Save the attachment into"));
  if (!folder.isEmpty()) save_attachment_to(row, folder);
}

void ReportEditor::save_attachment_to(int row, const QString& folder) {
  if (row < 0 || static_cast<std::size_t>(row) >= attachments_.size() || folder.isEmpty()) return;
  const auto& info = attachments_[static_cast<std::size_t>(row)];
  // The stored name may come from outside: keep it visible and inside the folder.
  QString name = QFileInfo(qs(info.name)).fileName();
  while (name.startsWith(u'.')) name.remove(0, 1);
  if (name.isEmpty()) name = QStringLiteral("attachment");
  const QString target = QDir(folder).filePath(name);
  if (QFileInfo::exists(target)) {
    message->setText(tr("A file named %1 is already in that folder: nothing was saved.").arg(name));
    return;
  }
  begin_busy(tr("Saving the attachment…"));
  using R = storage::Result<void>;
  session_->run<R>(
      this,
      [id = utf8(id_), sha = info.sha256,
       path = std::filesystem::path(utf8(target))](storage::Vault* vault) -> R {
        if (!vault) return fail(storage::Error::vault_not_found);
        return storage::save_attachment_file(vault->database(), id, sha, path);
      },
      [this, target](R saved) {
        end_busy();
        message->setText(saved.ok()
                             ? tr("Saved to %1 (SHA-256 checked).").arg(target)
                             : tr("The attachment was not saved: %1").arg(Messages::error(saved.error())));
      });
}

void ReportEditor::show_preview(int row) {
  preview->clear();
  preview_image_ = QImage();
  if (row < 0 || static_cast<std::size_t>(row) >= attachments_.size()) return;
  const auto info = attachments_[static_cast<std::size_t>(row)];
  if (info.media_type.rfind("image/", 0) != 0) {
    preview->setText(tr("No preview for this type of file."));
    return;
  }
  // Decoding an image runs an image parser on bytes from outside.
  if (origin_) {
    preview->setText(tr("No preview of files from outside."));
    return;
  }
  if (info.size > kMaxPreviewBytes) {
    preview->setText(tr("Too large to preview."));
    return;
  }
  using R = storage::Result<QImage>;
  session_->run<R>(
      this,
      [id = utf8(id_), sha = info.sha256](storage::Vault* vault) -> R {
        if (!vault) return fail(storage::Error::vault_not_found);
        crypto::MemorySink sink;
        auto read = storage::read_attachment(vault->database(), id, sha, sink);
        std::vector<std::uint8_t> bytes = sink.take();
        QImage image;
        if (read.ok())
          image = QImage::fromData(bytes.data(), static_cast<int>(bytes.size()));
        sodium_memzero(bytes.data(), bytes.size());
        if (!read.ok()) return fail(read.error());
        return image;
      },
      [this](R image) {
        if (!image.ok()) {
          preview->setText(Messages::error(image.error()));
          return;
        }
        if (image->isNull()) {
          preview->setText(tr("The image could not be decoded."));
          return;
        }
        preview_image_ = *image;
        preview->setPixmap(QPixmap::fromImage(preview_image_.scaled(
            QSize(640, 480).boundedTo(preview_image_.size()), Qt::KeepAspectRatio,
            Qt::SmoothTransformation)));
      });
}

}  // namespace fieldseal::gui
