#pragma once
// Contacts: the cards (crypto/card.hpp) of the people and HQs this vault
// exchanges bundles and receipts with. A contact is added only from a card
// whose self-signature verifies; names, age recipients and signing keys are
// each unique among contacts (contact_exists otherwise). The card text is kept
// verbatim so it can be shown and re-verified.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"

namespace fieldseal::storage {

struct Contact {
  std::int64_t id = 0;
  crypto::Card card;
  std::string card_text;
  std::string added_at;  // UTC, ISO 8601

  // The card's safety number (crypto::safety_number), to compare by phone or
  // in person.
  [[nodiscard]] std::string safety_number() const;
};

// card_invalid (with the crypto reason lost on purpose: the message names the
// problem, not the card), contact_exists.
[[nodiscard]] Result<Contact> add_contact(Database& db, std::string_view card_text);
// Sorted by name.
[[nodiscard]] Result<std::vector<Contact>> list_contacts(Database& db);
// not_found.
[[nodiscard]] Result<Contact> find_contact(Database& db, std::string_view name);
// nullopt when no contact has that Ed25519 key (the transport's sender lookup).
[[nodiscard]] Result<std::optional<Contact>> find_contact_by_signing_key(
    Database& db, const crypto::Ed25519PublicKey& key);
// not_found.
[[nodiscard]] Result<void> remove_contact(Database& db, std::string_view name);

}  // namespace fieldseal::storage
