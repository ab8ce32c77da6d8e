#include "fieldseal/storage/custody.hpp"

#include <array>
#include <nlohmann/json.hpp>

#include "content_internal.hpp"
#include "fieldseal/storage/report_json.hpp"

namespace fieldseal::storage {
namespace {

struct EventEntry {
  CustodyEvent event;
  std::string_view key;
  std::string_view en;
  std::string_view ru;
};

constexpr std::array<EventEntry, 9> kEvents{{
    {CustodyEvent::created, "created", "Created", "Создан"},
    {CustodyEvent::edited, "edited", "Edited (draft)", "Изменён (черновик)"},
    {CustodyEvent::attachment_added, "attachment_added", "Attachment added",
     "Добавлено вложение"},
    {CustodyEvent::finalized, "finalized", "Finalized and signed", "Завершён и подписан"},
    {CustodyEvent::amended, "amended", "Amendment added", "Добавлено исправление"},
    {CustodyEvent::exported, "exported", "Exported in a bundle", "Выгружен в пакет"},
    {CustodyEvent::receipt_received, "receipt_received", "Receipt received",
     "Получена квитанция"},
    {CustodyEvent::purged, "purged", "Content purged", "Содержимое удалено"},
    {CustodyEvent::received, "received", "Received at HQ", "Получен офисом"},
}};

bool valid_details(const std::map<std::string, std::string>& details) {
  std::size_t total = 0;
  for (const auto& [k, v] : details) {
    if (k.empty() || v.empty() || !detail::valid_utf8(k) || !detail::valid_utf8(v) ||
        k.find('\0') != std::string::npos || v.find('\0') != std::string::npos) {
      return false;
    }
    total += k.size() + v.size();
  }
  return total <= kMaxCustodyDetailBytes;
}

Result<std::map<std::string, std::string>> parse_details(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return fail(Error::database_damaged);
  std::map<std::string, std::string> out;
  for (auto it = parsed.begin(); it != parsed.end(); ++it) {
    if (!it.value().is_string()) return fail(Error::database_damaged);
    out.emplace(it.key(), it.value().get<std::string>());
  }
  return out;
}

std::string details_json(const std::map<std::string, std::string>& details) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : details) j[k] = v;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::vector<CustodyEntry>> load_entries(Database& db, std::string_view report_id) {
  auto s = db.prepare(
      "SELECT seq, at, event, details, prev_hash, entry_hash, signer, signature FROM custody "
      "WHERE report_id = ?1 ORDER BY seq");
  if (!s) return fail(s.error());
  s->bind(1, report_id);
  std::vector<CustodyEntry> out;
  for (;;) {
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) break;
    CustodyEntry e;
    e.report_id = std::string(report_id);
    e.seq = s->column_int64(0);
    e.at = s->column_text(1);
    const auto event = parse_custody_event(s->column_text(2));
    auto details = parse_details(s->column_text(3));
    if (!event || !details || !detail::to_array(s->column_blob(4), e.prev) ||
        !detail::to_array(s->column_blob(5), e.hash) ||
        !detail::to_array(s->column_blob(6), e.signer) ||
        !detail::to_array(s->column_blob(7), e.signature)) {
      return fail(Error::custody_chain_broken);
    }
    e.event = *event;
    e.details = std::move(*details);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::string_view key(CustodyEvent event) noexcept {
  for (const auto& e : kEvents) {
    if (e.event == event) return e.key;
  }
  return {};
}

std::string_view label(CustodyEvent event, Language language) noexcept {
  for (const auto& e : kEvents) {
    if (e.event == event) return language == Language::ru ? e.ru : e.en;
  }
  return {};
}

std::optional<CustodyEvent> parse_custody_event(std::string_view text) noexcept {
  for (const auto& e : kEvents) {
    if (e.key == text) return e.event;
  }
  return std::nullopt;
}

std::string custody_entry_bytes(const CustodyEntry& entry) {
  nlohmann::json j = nlohmann::json::object();
  j["at"] = entry.at;
  nlohmann::json details = nlohmann::json::object();
  for (const auto& [k, v] : entry.details) details[k] = v;
  j["details"] = std::move(details);
  j["event"] = std::string(key(entry.event));
  j["format"] = std::string(kCustodyFormat);
  j["prev"] = detail::to_hex(entry.prev);
  j["report"] = entry.report_id;
  j["seq"] = entry.seq;
  j["signer"] = detail::to_hex(entry.signer);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

Result<CustodyEntry> append_at(Database& db, const crypto::Ed25519KeyPair& key,
                               std::string_view report_id, CustodyEvent event,
                               const std::map<std::string, std::string>& details,
                               std::string at) {
  using detail::to_array;
  if (!valid_details(details) || at.empty() || !detail::valid_utf8(at)) {
    return fail(Error::invalid_argument);
  }
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  CustodyEntry e;
  e.report_id = std::string(report_id);
  e.event = event;
  e.details = details;
  e.at = std::move(at);
  e.signer = key.public_key().bytes();
  {
    auto s = db.prepare("SELECT custody_count, custody_head FROM reports WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num);
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) return fail(Error::not_found);
    e.seq = s->column_int64(0) + 1;
    if (!s->column_is_null(1) && !to_array(s->column_blob(1), e.prev)) {
      return fail(Error::custody_chain_broken);
    }
  }
  const std::string bytes = custody_entry_bytes(e);
  e.hash = detail::sha256_of(bytes);
  e.signature = key.sign(detail::bytes_of(bytes));
  {
    auto s = db.prepare(
        "INSERT INTO custody (report_id, seq, at, event, details, prev_hash, entry_hash, signer, "
        "signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!s) return fail(s.error());
    s->bind(1, report_id).bind(2, e.seq).bind(3, e.at).bind(4, storage::key(event));
    s->bind(5, details_json(details)).bind_blob(6, e.prev).bind_blob(7, e.hash);
    s->bind_blob(8, e.signer).bind_blob(9, e.signature);
    FIELDSEAL_TRY(s->run());
  }
  {
    auto s = db.prepare(
        "UPDATE reports SET custody_count = ?2, custody_head = ?3 WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num).bind(2, e.seq).bind_blob(3, e.hash);
    FIELDSEAL_TRY(s->run());
  }
  return e;
}

}  // namespace

namespace detail {

Result<CustodyEntry> append_custody_in_transaction(
    Database& db, const crypto::Ed25519KeyPair& key, std::string_view report_id,
    CustodyEvent event, const std::map<std::string, std::string>& details) {
  return append_at(db, key, report_id, event, details, now_utc());
}

}  // namespace detail

Result<CustodyEntry> append_custody_in_transaction(Database& db, const crypto::Ed25519KeyPair& key,
                                                   std::string_view report_id, CustodyEvent event,
                                                   const std::map<std::string, std::string>& details,
                                                   std::string_view at) {
  if (!db.in_transaction()) return fail(Error::invalid_argument);
  return append_at(db, key, report_id, event, details, std::string(at));
}

Result<std::vector<CustodyEntry>> detach_custody_tail(Database& db, std::string_view report_id,
                                                      const crypto::Ed25519PublicKey& signer) {
  if (!db.in_transaction()) return fail(Error::invalid_argument);
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  auto entries = load_entries(db, report_id);
  if (!entries) return fail(entries.error());
  const auto mine = signer.bytes();
  std::size_t keep = entries->size();
  while (keep > 0 && (*entries)[keep - 1].signer == mine) --keep;
  std::vector<CustodyEntry> tail(std::make_move_iterator(entries->begin() + static_cast<std::ptrdiff_t>(keep)),
                                 std::make_move_iterator(entries->end()));
  if (tail.empty()) return tail;
  {
    auto s = db.prepare("DELETE FROM custody WHERE report_id = ?1 AND seq > ?2");
    if (!s) return fail(s.error());
    s->bind(1, report_id).bind(2, static_cast<std::int64_t>(keep));
    FIELDSEAL_TRY(s->run());
  }
  auto s = db.prepare("UPDATE reports SET custody_count = ?2, custody_head = ?3 WHERE num = ?1");
  if (!s) return fail(s.error());
  s->bind(1, row->num).bind(2, static_cast<std::int64_t>(keep));
  if (keep == 0) {
    s->bind_null(3);
  } else {
    s->bind_blob(3, (*entries)[keep - 1].hash);
  }
  FIELDSEAL_TRY(s->run());
  return tail;
}

Result<CustodyEntry> append_custody(Database& db, const crypto::Ed25519KeyPair& key,
                                    std::string_view report_id, CustodyEvent event,
                                    const std::map<std::string, std::string>& details) {
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto entry = detail::append_custody_in_transaction(db, key, report_id, event, details);
  if (!entry) return fail(entry.error());
  FIELDSEAL_TRY(tx->commit());
  return entry;
}

Result<std::vector<CustodyEntry>> list_custody(Database& db, std::string_view report_id) {
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  return load_entries(db, report_id);
}

Result<CustodyCheck> check_custody(Database& db, std::string_view report_id,
                                   const crypto::Ed25519PublicKey* expected,
                                   const crypto::Ed25519PublicKey* receiver) {
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  std::int64_t head_count = 0;
  Sha256Digest head{};
  {
    auto s = db.prepare("SELECT custody_count, custody_head FROM reports WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num);
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) return fail(Error::not_found);
    head_count = s->column_int64(0);
    if (!s->column_is_null(1) && !detail::to_array(s->column_blob(1), head)) {
      return CustodyCheck{0, 1};
    }
  }
  auto entries = load_entries(db, report_id);
  CustodyCheck check;
  if (!entries) {
    if (entries.error() != Error::custody_chain_broken) return fail(entries.error());
    check.broken_at = 1;
    return check;
  }
  check.entries = static_cast<std::int64_t>(entries->size());
  Sha256Digest prev{};
  bool in_receiver_part = false;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const CustodyEntry& e = (*entries)[i];
    const auto number = static_cast<std::int64_t>(i) + 1;
    bool ok = e.seq == number && e.prev == prev;
    const std::string bytes = custody_entry_bytes(e);
    ok = ok && detail::sha256_of(bytes) == e.hash;
    if (ok) {
      auto pk = crypto::Ed25519PublicKey::from_bytes(e.signer);
      ok = pk.ok() && pk->verify(detail::bytes_of(bytes), e.signature).ok();
      if (ok && receiver == nullptr) {
        ok = expected == nullptr || *expected == *pk;
      } else if (ok) {
        const bool senders = !in_receiver_part && e.event != CustodyEvent::received &&
                             (expected == nullptr || *expected == *pk);
        if (!senders) {
          in_receiver_part = true;
          ok = i > 0 && *receiver == *pk;
        }
      }
    }
    if (!ok) {
      check.broken_at = number;
      return check;
    }
    prev = e.hash;
  }
  if (head_count != check.entries || (check.entries > 0 && head != prev)) {
    check.broken_at = std::min(head_count, check.entries) + 1;
  }
  return check;
}

Result<void> verify_custody(Database& db, std::string_view report_id,
                            const crypto::Ed25519PublicKey* expected,
                            const crypto::Ed25519PublicKey* receiver) {
  auto check = check_custody(db, report_id, expected, receiver);
  if (!check) return fail(check.error());
  if (!check->intact()) return fail(Error::custody_chain_broken);
  return {};
}

}  // namespace fieldseal::storage
