#include "fieldseal/storage/contacts.hpp"

#include <array>
#include <ctime>

namespace fieldseal::storage {

namespace {

constexpr std::string_view kColumns = "SELECT id, card, added_at FROM contacts ";

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  std::array<char, 32> buffer{};
  const std::size_t n = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buffer.data(), n);
}

// Rows are re-parsed (and so re-verified) on every read: a card changed in
// the database is reported, not trusted.
Result<Contact> row_to_contact(const Statement& st) {
  Contact contact;
  contact.id = st.column_int64(0);
  contact.card_text = st.column_text(1);
  contact.added_at = st.column_text(2);
  auto card = crypto::parse_card(contact.card_text);
  if (!card) return fail(Error::card_invalid);
  contact.card = std::move(card).value();
  return contact;
}

Result<std::vector<Contact>> query(Database& db, std::string_view where,
                                   std::optional<std::string_view> text,
                                   std::optional<std::span<const std::uint8_t>> blob) {
  auto st = db.prepare(std::string(kColumns) + std::string(where));
  if (!st) return fail(st.error());
  if (text) st->bind(1, *text);
  if (blob) st->bind_blob(1, *blob);
  std::vector<Contact> out;
  for (;;) {
    auto row = st->step();
    if (!row) return fail(row.error());
    if (!*row) break;
    auto contact = row_to_contact(*st);
    if (!contact) return fail(contact.error());
    out.push_back(std::move(contact).value());
  }
  return out;
}

}  // namespace

std::string Contact::safety_number() const {
  return crypto::safety_number(card.age_recipient, card.signing_key);
}

Result<Contact> add_contact(Database& db, std::string_view card_text) {
  auto parsed = crypto::parse_card(card_text);
  if (!parsed) return fail(Error::card_invalid);
  Contact contact;
  contact.card = std::move(parsed).value();
  contact.card_text = std::string(card_text);
  contact.added_at = now_utc();

  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  const std::string recipient = contact.card.age_recipient.to_string();
  {
    auto st = db.prepare(
        "SELECT 1 FROM contacts WHERE name = ? OR age_recipient = ? OR signing_key = ?;");
    if (!st) return fail(st.error());
    st->bind(1, std::string_view(contact.card.name))
        .bind(2, std::string_view(recipient))
        .bind_blob(3, contact.card.signing_key.bytes());
    auto row = st->step();
    if (!row) return fail(row.error());
    if (*row) return fail(Error::contact_exists);
  }
  auto st = db.prepare(
      "INSERT INTO contacts(name, role, age_recipient, signing_key, card, added_at) "
      "VALUES (?, ?, ?, ?, ?, ?);");
  if (!st) return fail(st.error());
  st->bind(1, std::string_view(contact.card.name))
      .bind(2, std::string_view(contact.card.role == crypto::CardRole::hq ? "hq" : "field"))
      .bind(3, std::string_view(recipient))
      .bind_blob(4, contact.card.signing_key.bytes())
      .bind(5, std::string_view(contact.card_text))
      .bind(6, std::string_view(contact.added_at));
  auto inserted = st->run();
  if (!inserted) {
    return fail(inserted.error() == Error::constraint_failed ? Error::contact_exists
                                                             : inserted.error());
  }
  contact.id = db.last_insert_rowid();
  FIELDSEAL_TRY(tx->commit());
  return contact;
}

Result<std::vector<Contact>> list_contacts(Database& db) {
  return query(db, "ORDER BY name;", std::nullopt, std::nullopt);
}

Result<Contact> find_contact(Database& db, std::string_view name) {
  auto found = query(db, "WHERE name = ?;", name, std::nullopt);
  if (!found) return fail(found.error());
  if (found->empty()) return fail(Error::not_found);
  return std::move(found->front());
}

Result<std::optional<Contact>> find_contact_by_signing_key(Database& db,
                                                           const crypto::Ed25519PublicKey& key) {
  auto found = query(db, "WHERE signing_key = ?;", std::nullopt,
                     std::span<const std::uint8_t>(key.bytes()));
  if (!found) return fail(found.error());
  if (found->empty()) return std::optional<Contact>();
  return std::optional<Contact>(std::move(found->front()));
}

Result<void> remove_contact(Database& db, std::string_view name) {
  auto st = db.prepare("DELETE FROM contacts WHERE name = ?;");
  if (!st) return fail(st.error());
  st->bind(1, name);
  FIELDSEAL_TRY(st->run());
  if (db.changes() == 0) return fail(Error::not_found);
  return {};
}

}  // namespace fieldseal::storage
