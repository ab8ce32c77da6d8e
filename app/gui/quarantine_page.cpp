#include "quarantine_page.hpp"

#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "common.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "file_picker.hpp"
#include "import_results_model.hpp"
#include "transport_messages.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

constexpr int kSafetyGroupsPerLine = 6;

struct ListRun {
  std::optional<transport::Error> error;
  std::optional<storage::Error> detail;
  std::vector<QuarantinePage::Held> rows;
};

struct AcceptRun {
  std::optional<transport::Error> error;
  std::optional<storage::Error> storage_error;
  std::optional<transport::BundleOutcome> outcome;
};

struct DropRun {
  std::optional<transport::Error> error;
  std::optional<storage::Error> detail;
};

ListRun list_held(storage::Vault* vault) {
  ListRun run;
  if (vault == nullptr) {
    run.error = transport::Error::vault_failed;
    return run;
  }
  auto items = transport::quarantine_list(*vault);
  if (!items) {
    run.error = items.error();
    run.detail = transport::last_storage_error();
    return run;
  }
  for (auto& item : *items) {
    QuarantinePage::Held h;
    if (auto c = storage::find_contact_by_signing_key(vault->database(), item.sender); c && *c)
      h.contact_name = (*c)->card.name;
    h.item = std::move(item);
    run.rows.push_back(std::move(h));
  }
  return run;
}

bool failed(const transport::BundleOutcome& o) {
  return o.status == transport::ImportStatus::rejected ||
         o.status == transport::ImportStatus::parts_missing;
}

// Adds the card as a contact unless the sender is one already, imports the
// held bundle, and removes the contact again when the import did not happen.
AcceptRun accept_held(storage::Vault* vault, std::int64_t id,
                      const crypto::Ed25519PublicKey& sender, const std::string& card_text) {
  AcceptRun run;
  if (vault == nullptr) {
    run.error = transport::Error::vault_failed;
    return run;
  }
  storage::Database& db = vault->database();
  auto existing = storage::find_contact_by_signing_key(db, sender);
  if (!existing) {
    run.storage_error = existing.error();
    return run;
  }
  std::optional<std::string> added;
  if (!*existing) {
    auto card = crypto::parse_card(card_text);
    if (card_text.empty() || !card || card->signing_key != sender ||
        card->role != crypto::CardRole::field) {
      run.error = transport::Error::sender_unknown;
      return run;
    }
    auto contact = storage::add_contact(db, card_text);
    if (!contact) {
      run.storage_error = contact.error();
      return run;
    }
    added = contact->card.name;
  }
  auto accepted = transport::quarantine_accept(*vault, id);
  if (!accepted) {
    run.error = accepted.error();
    if (auto detail = transport::last_storage_error()) run.storage_error = detail;
  } else {
    run.outcome = std::move(*accepted);
  }
  if (added && (!run.outcome || failed(*run.outcome)))
    (void)storage::remove_contact(db, *added);
  return run;
}

// Times as "2026-11-21 23:14 UTC" in every language (the vault keeps UTC).
QString utc_text(const QDateTime& time) {
  return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QString();
}

QString received_text(const std::string& iso) {
  const QDateTime time = QDateTime::fromString(qs(iso), Qt::ISODate);
  return time.isValid() ? utc_text(time.toUTC()) : qs(iso);
}

QString grouped_safety_number(const std::string& number) {
  const QStringList groups = qs(number).split(QLatin1Char(' '));
  QStringList lines;
  for (qsizetype i = 0; i < groups.size(); i += kSafetyGroupsPerLine)
    lines << groups.mid(i, kSafetyGroupsPerLine).join(QLatin1Char(' '));
  return lines.join(QLatin1Char('\n'));
}

}  // namespace

QuarantinePage::QuarantinePage(VaultSession* session, QWidget* parent)
    : QWidget(parent), table(new QTableWidget(0, column_count)), held_details(new QLabel),
      load_card_button(new QPushButton(tr("&Load sender's card…"))), card_details(new QLabel),
      match_label(new QLabel),
      compared_check(new QCheckBox(
          tr("I &compared the safety number with the researcher (in person or by phone) and "
             "every digit matches"))),
      accept_button(new QPushButton(tr("&Accept"))), drop_button(new QPushButton(tr("&Drop…"))),
      status_label(new QLabel), session_(session) {
  table->setHorizontalHeaderLabels(
      {tr("Received"), tr("Reports"), tr("Size"), tr("Sender's signing key")});
  table->setAccessibleName(tr("Quarantined bundles"));
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::SingleSelection);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setTabKeyNavigation(false);
  table->verticalHeader()->setVisible(false);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setSectionResizeMode(col_sender, QHeaderView::Stretch);

  for (QLabel* l : {held_details, card_details, match_label, status_label}) {
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  }
  held_details->setAccessibleName(tr("Held bundle"));
  card_details->setAccessibleName(tr("Sender's card"));
  match_label->setAccessibleName(tr("Does the card match the sender"));
  status_label->setAccessibleName(tr("Quarantine status"));
  load_card_button->setAccessibleName(tr("Load the sender's card"));
  compared_check->setAccessibleName(tr("Safety number compared with the researcher"));
  accept_button->setAccessibleName(tr("Accept the bundle and add the sender as a contact"));
  drop_button->setAccessibleName(tr("Drop the bundle"));

  connect(table, &QTableWidget::itemSelectionChanged, this, &QuarantinePage::update_selection);
  connect(load_card_button, &QPushButton::clicked, this, &QuarantinePage::choose_card);
  connect(compared_check, &QCheckBox::toggled, this, &QuarantinePage::update_buttons);
  connect(accept_button, &QPushButton::clicked, this, &QuarantinePage::accept_selected);
  connect(drop_button, &QPushButton::clicked, this, &QuarantinePage::drop_selected);

  auto* intro = new QLabel(
      tr("These bundles verified, but their sender is not a contact. Get the sender's card through "
         "another channel, load it, and compare its safety number with the researcher in person "
         "or by phone before you accept. If in doubt, drop the bundle: the researcher can send "
         "it again."));
  intro->setWordWrap(true);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(load_card_button);
  buttons->addStretch();
  buttons->addWidget(accept_button);
  buttons->addWidget(drop_button);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addWidget(table, 1);
  layout->addWidget(held_details);
  layout->addWidget(card_details);
  layout->addWidget(match_label);
  layout->addWidget(compared_check);
  layout->addLayout(buttons);
  layout->addWidget(status_label);
  update_selection();
}

void QuarantinePage::reload() {
  if (!session_->is_open()) return;
  session_->run<ListRun>(this, list_held, [this](ListRun run) {
    if (run.error) {
      status_label->setText(tr("The quarantine could not be read: %1")
                                .arg(TransportMessages::error(*run.error, run.detail)));
    } else {
      show_rows(std::move(run.rows));
    }
    emit quarantine_updated();
  });
}

void QuarantinePage::show_rows(std::vector<Held> rows) {
  const std::optional<std::int64_t> was = selected() ? std::optional(selected()->item.id) : std::nullopt;
  const QSignalBlocker block(table);
  held_ = std::move(rows);
  table->clearContents();
  table->setRowCount(static_cast<int>(held_.size()));
  int select = held_.empty() ? -1 : 0;
  const QLocale locale;
  for (std::size_t i = 0; i < held_.size(); ++i) {
    const auto& h = held_[i];
    const int r = static_cast<int>(i);
    if (was && h.item.id == *was) select = r;
    table->setItem(r, col_received, new QTableWidgetItem(received_text(h.item.received_at)));
    auto* count = new QTableWidgetItem(QString::number(h.item.report_count));
    count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->setItem(r, col_reports, count);
    table->setItem(r, col_size, new QTableWidgetItem(locale.formattedDataSize(
                                static_cast<qint64>(h.item.bytes))));
    const QString key = ImportResultsModel::key_text(h.item.sender);
    table->setItem(r, col_sender, new QTableWidgetItem(
                                  h.contact_name.empty()
                                      ? key
                                      : tr("%1 (now a contact)").arg(qs(h.contact_name))));
  }
  if (select >= 0) table->selectRow(select);
  loaded_ = true;
  update_selection();
}

const QuarantinePage::Held* QuarantinePage::selected() const {
  const auto rows = table->selectionModel()->selectedRows();
  if (rows.isEmpty()) return nullptr;
  const int r = rows.first().row();
  if (r < 0 || r >= static_cast<int>(held_.size())) return nullptr;
  return &held_[static_cast<std::size_t>(r)];
}

void QuarantinePage::update_selection() {
  compared_check->setChecked(false);
  const Held* h = selected();
  if (h == nullptr) {
    held_details->setText(!loaded_         ? QString()
                          : held_.empty() ? tr("The quarantine is empty.")
                                          : tr("Select a held bundle."));
  } else {
    QString text =
        tr("Held bundle: %n report(s), sealed %1, received %2.\nSender's signing key: %3",
           nullptr, static_cast<int>(h->item.report_count))
            .arg(utc_text(QDateTime::fromSecsSinceEpoch(static_cast<qint64>(h->item.created), Qt::UTC)),
                 received_text(h->item.received_at), ImportResultsModel::key_text(h->item.sender));
    text += QLatin1Char('\n');
    text += h->contact_name.empty()
                ? tr("Safety number: load the sender's card. A safety number is computed from both "
                     "of the sender's keys, and a bundle carries only the signing key.")
                : tr("The sender has become a contact (%1): you can accept the bundle.")
                      .arg(qs(h->contact_name));
    held_details->setText(text);
  }
  update_card();
}

bool QuarantinePage::card_matches() const {
  const Held* h = selected();
  return h != nullptr && card_ && card_->signing_key == h->item.sender;
}

void QuarantinePage::update_card() {
  if (!card_) {
    card_details->clear();
    match_label->clear();
  } else {
    const QString role = card_->role == crypto::CardRole::field ? tr("field researcher") : tr("HQ");
    card_details->setText(
        tr("Card of: %1 (%2)\nSigning key: %3\nSafety number:\n%4")
            .arg(qs(card_->name), role, ImportResultsModel::key_text(card_->signing_key),
                 grouped_safety_number(crypto::safety_number(card_->age_recipient, card_->signing_key))));
    if (selected() == nullptr) {
      match_label->clear();
    } else if (!card_matches()) {
      match_label->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
      match_label->setText(
          tr("MISMATCH: this card's signing key is not the sender of the selected bundle. Do not "
             "accept; ask the researcher for their card again through another channel."));
    } else if (card_->role != crypto::CardRole::field) {
      match_label->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
      match_label->setText(tr("This is an HQ card; a bundle's sender must be a field researcher."));
    } else {
      match_label->setStyleSheet(QStringLiteral("color: #1b6e20; font-weight: bold"));
      match_label->setText(
          tr("MATCH: this card's signing key is the sender of the selected bundle. Now compare the "
             "safety number with the researcher."));
    }
  }
  update_buttons();
}

void QuarantinePage::update_buttons() {
  const Held* h = selected();
  const bool can_compare = !working_ && card_matches() && card_->role == crypto::CardRole::field &&
                           (h == nullptr || h->contact_name.empty());
  compared_check->setEnabled(can_compare);
  if (!can_compare && compared_check->isChecked()) {
    const QSignalBlocker block(compared_check);
    compared_check->setChecked(false);
  }
  const bool contact = h != nullptr && !h->contact_name.empty();
  accept_button->setEnabled(!working_ && h != nullptr &&
                            (contact || (can_compare && compared_check->isChecked())));
  drop_button->setEnabled(!working_ && h != nullptr);
  load_card_button->setEnabled(!working_);
}

bool QuarantinePage::load_card_file(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    status_label->setText(Messages::error(crypto::Error::io_read));
    return false;
  }
  // One byte over the cap, so an oversized file fails parsing instead of
  // being cut to a valid prefix.
  const QByteArray text = file.read(static_cast<qint64>(crypto::kCardMaxBytes) + 1);
  return load_card_text(text);
}

bool QuarantinePage::load_card_text(const QByteArray& text) {
  const std::string bytes(text.constData(), static_cast<std::size_t>(text.size()));
  auto card = crypto::parse_card(bytes);
  if (!card) {
    card_.reset();
    card_text_.clear();
    status_label->setText(Messages::error(card.error()));
    update_card();
    return false;
  }
  card_ = std::move(*card);
  card_text_ = bytes;
  status_label->clear();
  compared_check->setChecked(false);
  update_card();
  return true;
}

void QuarantinePage::choose_card() {
  const QString path = FilePicker::open_file(this, tr("Choose the sender's card"));
  if (!path.isEmpty()) (void)load_card_file(path);
}

void QuarantinePage::accept_selected() {
  update_buttons();
  if (!accept_button->isEnabled()) return;
  const Held* h = selected();
  const std::int64_t id = h->item.id;
  const crypto::Ed25519PublicKey sender = h->item.sender;
  const std::string card_text = h->contact_name.empty() ? card_text_ : std::string();
  working_ = true;
  update_buttons();
  status_label->setText(tr("Importing the held bundle…"));
  session_->run<AcceptRun>(
      this,
      [id, sender, card_text](storage::Vault* vault) { return accept_held(vault, id, sender, card_text); },
      [this](AcceptRun run) {
        working_ = false;
        if (run.outcome && !failed(*run.outcome)) {
          status_label->setText(tr("Accepted: %1").arg(ImportResultsModel::outcome_text(*run.outcome)));
          card_.reset();
          card_text_.clear();
          if (run.outcome->status == transport::ImportStatus::imported) emit vault_changed();
        } else {
          QString why;
          if (run.outcome) why = ImportResultsModel::outcome_text(*run.outcome);
          else if (run.error) why = TransportMessages::error(*run.error, run.storage_error);
          else if (run.storage_error) why = Messages::error(*run.storage_error);
          status_label->setText(
              tr("Not accepted; the bundle stays in quarantine and no contact was added: %1").arg(why));
        }
        reload();
      });
}

void QuarantinePage::drop_selected() {
  const Held* h = selected();
  if (h == nullptr || working_) return;
  const std::int64_t id = h->item.id;
  if (!confirm(this, tr("Drop the bundle"),
               tr("Delete this held bundle (%n report(s)) from the vault? Its reports are not "
                  "imported. The researcher can send them again.",
                  nullptr, static_cast<int>(h->item.report_count)),
               tr("&Drop")))
    return;
  working_ = true;
  update_buttons();
  session_->run<DropRun>(
      this,
      [id](storage::Vault* vault) {
        DropRun run;
        if (vault == nullptr) {
          run.error = transport::Error::vault_failed;
        } else if (auto r = transport::quarantine_drop(*vault, id); !r) {
          run.error = r.error();
          run.detail = transport::last_storage_error();
        }
        return run;
      },
      [this](DropRun run) {
        working_ = false;
        status_label->setText(run.error ? tr("The bundle was not dropped: %1")
                                              .arg(TransportMessages::error(*run.error, run.detail))
                                        : tr("The bundle was dropped."));
        reload();
      });
}

void QuarantinePage::clear() {
  working_ = false;
  loaded_ = false;
  {
    const QSignalBlocker block(table);
    held_.clear();
    table->clearContents();
    table->setRowCount(0);
  }
  card_.reset();
  card_text_.clear();
  held_details->clear();
  status_label->clear();
  update_selection();
}

}  // namespace fieldseal::gui
