#pragma once
// HQ: bundles from senders who are not contacts. Each held bundle shows its
// sender's key and safety number; the analyst loads the sender's card (got
// through another channel), compares the safety numbers with the sender, and
// accepts (card added as a contact, bundle imported) or drops the bundle.
//
// A safety number is computed from both of a card's keys (age recipient and
// signing key, crypto/card.hpp) and a bundle carries only the signing key,
// so a held bundle shows its signing key; the safety number appears once a
// card is loaded, together with a plain statement whether the card's signing
// key is the bundle's sender. Accept needs (a) a matching researcher card
// and (b) the analyst's confirmation that they compared its safety number
// with the researcher — or a sender who has meanwhile become a contact
// (`fieldseal contact add`). Accept adds the contact (storage::add_contact,
// as `fieldseal contact add`) and calls transport::quarantine_accept on the
// worker; if the import fails, the contact just added is removed again, so a
// failed accept changes nothing. Drop asks first, then quarantine_drop.
#include <QByteArray>
#include <QWidget>
#include <optional>
#include <string>
#include <vector>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/transport/exchange.hpp"

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fieldseal::gui {

class VaultSession;

class QuarantinePage : public QWidget {
  Q_OBJECT
 public:
  enum Column { col_received, col_reports, col_size, col_sender, column_count };

  struct Held {
    transport::QuarantineItem item;
    std::string contact_name;  // non-empty when the sender is a contact by now
  };

  explicit QuarantinePage(VaultSession* session, QWidget* parent = nullptr);

  // Reads the quarantine list from the vault.
  void reload();
  // Forgets every row (on lock).
  void clear();

  // What "Load sender's card…" does after the picker: reads at most
  // kCardMaxBytes, parses and verifies the card and compares it with the
  // selected bundle's sender. false (and a message) when it is no valid card.
  bool load_card_file(const QString& path);
  bool load_card_text(const QByteArray& text);
  // What Accept and Drop do (Drop asks for confirmation first).
  void accept_selected();
  void drop_selected();

  [[nodiscard]] const std::vector<Held>& held() const { return held_; }
  // The selected held bundle, or nullptr.
  [[nodiscard]] const Held* selected() const;
  // True when the loaded card's signing key is the selected bundle's sender.
  [[nodiscard]] bool card_matches() const;

  QTableWidget* table;
  QLabel* held_details;
  QPushButton* load_card_button;
  QLabel* card_details;
  QLabel* match_label;
  QCheckBox* compared_check;
  QPushButton* accept_button;
  QPushButton* drop_button;
  QLabel* status_label;

 signals:
  // A bundle was accepted: report lists and the dashboard must reload.
  void vault_changed();
  // A reload, accept or drop finished (the list is up to date).
  void quarantine_updated();

 private:
  void show_rows(std::vector<Held> rows);
  void update_selection();
  void update_card();
  void update_buttons();
  void choose_card();

  VaultSession* session_;
  std::vector<Held> held_;
  std::optional<crypto::Card> card_;
  std::string card_text_;
  bool working_ = false;
  bool loaded_ = false;
};

}  // namespace fieldseal::gui
