#include "fieldseal/storage/exchange_records.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

#include "content_internal.hpp"

namespace fieldseal::storage {

namespace {

constexpr std::string_view kExchangeV3 = R"sql(
CREATE TABLE export_log (
  num INTEGER PRIMARY KEY,
  bundle_id BLOB NOT NULL UNIQUE CHECK (length(bundle_id) = 16),
  sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
  created INTEGER NOT NULL,
  exported_at TEXT NOT NULL,
  bundle_bytes INTEGER NOT NULL,
  file_count INTEGER NOT NULL
);
CREATE TABLE export_recipients (
  export_num INTEGER NOT NULL REFERENCES export_log(num) ON DELETE CASCADE,
  name TEXT NOT NULL,
  signing_key BLOB NOT NULL,
  PRIMARY KEY (export_num, signing_key)
) WITHOUT ROWID;
CREATE TABLE export_reports (
  export_num INTEGER NOT NULL REFERENCES export_log(num) ON DELETE CASCADE,
  report_id TEXT NOT NULL,
  sha256 BLOB NOT NULL,
  PRIMARY KEY (export_num, report_id)
) WITHOUT ROWID;
CREATE INDEX export_reports_by_report ON export_reports(report_id);

CREATE TABLE received_bundles (
  num INTEGER PRIMARY KEY,
  bundle_id BLOB NOT NULL UNIQUE CHECK (length(bundle_id) = 16),
  sender BLOB NOT NULL CHECK (length(sender) = 32),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  created INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  UNIQUE (sender, sequence)
);
CREATE TABLE received_bundle_reports (
  bundle_num INTEGER NOT NULL REFERENCES received_bundles(num) ON DELETE CASCADE,
  report_id TEXT NOT NULL,
  sha256 BLOB NOT NULL,
  PRIMARY KEY (bundle_num, report_id)
) WITHOUT ROWID;
CREATE TABLE report_origin (
  report_id TEXT PRIMARY KEY,
  sender BLOB NOT NULL,
  bundle_id BLOB NOT NULL,
  received_at TEXT NOT NULL,
  verified_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE quarantine (
  num INTEGER PRIMARY KEY,
  bundle_id BLOB NOT NULL UNIQUE,
  sender BLOB NOT NULL,
  sequence INTEGER NOT NULL,
  created INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  report_count INTEGER NOT NULL,
  bytes INTEGER NOT NULL
);
CREATE TABLE quarantine_chunks (
  quarantine_num INTEGER NOT NULL REFERENCES quarantine(num) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (quarantine_num, seq)
) WITHOUT ROWID;
)sql";

std::int64_t to_i64(std::uint64_t value) noexcept {
  return value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())
             ? std::numeric_limits<std::int64_t>::max()
             : static_cast<std::int64_t>(value);
}

std::uint64_t to_u64(std::int64_t value) noexcept {
  return value < 0 ? 0 : static_cast<std::uint64_t>(value);
}

Result<std::vector<std::string>> id_list(Database& db, std::string_view sql) {
  auto s = db.prepare(sql);
  if (!s) return fail(s.error());
  std::vector<std::string> out;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    out.push_back(s->column_text(0));
  }
  return out;
}

std::string custody_details_json(const std::map<std::string, std::string>& details) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : details) j[k] = v;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<QuarantineRow> quarantine_row(const Statement& s) {
  QuarantineRow row;
  row.num = s.column_int64(0);
  if (!detail::to_array(s.column_blob(1), row.bundle_id) ||
      !detail::to_array(s.column_blob(2), row.sender)) {
    return fail(Error::database_damaged);
  }
  row.sequence = to_u64(s.column_int64(3));
  row.created = to_u64(s.column_int64(4));
  row.received_at = s.column_text(5);
  row.report_count = to_u64(s.column_int64(6));
  row.bytes = to_u64(s.column_int64(7));
  return row;
}

constexpr std::string_view kQuarantineColumns =
    "SELECT num, bundle_id, sender, sequence, created, received_at, report_count, bytes "
    "FROM quarantine ";

}  // namespace

Result<void> migrate_exchange_v3(Database& db) { return db.exec(kExchangeV3); }

// ---------------------------------------------------------------- field side

Result<std::vector<std::string>> undelivered_final_reports(Database& db) {
  return id_list(db,
                 "SELECT id FROM reports WHERE status = 'final' AND delivery != 'delivered' "
                 "ORDER BY id");
}

Result<std::vector<std::string>> delivered_unpurged_reports(Database& db) {
  return id_list(db,
                 "SELECT id FROM reports WHERE status != 'purged' AND delivery = 'delivered' "
                 "ORDER BY id");
}

Result<std::uint64_t> next_export_sequence(Database& db) {
  auto s = db.prepare("SELECT COALESCE(MAX(sequence), 0) FROM export_log");
  if (!s) return fail(s.error());
  auto r = s->step();
  if (!r) return fail(r.error());
  return to_u64(s->column_int64(0)) + 1;
}

Result<std::uint64_t> reserve_export_sequence(Database& db, const BundleIdBytes& bundle_id,
                                              std::uint64_t created) {
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto sequence = next_export_sequence(db);
  if (!sequence) return fail(sequence.error());
  auto s = db.prepare(
      "INSERT INTO export_log (bundle_id, sequence, created, exported_at, bundle_bytes, "
      "file_count) VALUES (?1, ?2, ?3, ?4, 0, 0)");
  if (!s) return fail(s.error());
  s->bind_blob(1, bundle_id).bind(2, to_i64(*sequence)).bind(3, to_i64(created));
  s->bind(4, detail::now_utc());
  FIELDSEAL_TRY(s->run());
  FIELDSEAL_TRY(tx->commit());
  return *sequence;
}

Result<ExportReader> ExportReader::create(Database& db) {
  auto row = db.prepare(
      "SELECT num, status, signature, content_sha256, length(canonical_json) FROM reports "
      "WHERE id = ?1");
  if (!row) return fail(row.error());
  auto attachments =
      db.prepare("SELECT sha256, size FROM attachments WHERE report_num = ?1 ORDER BY num");
  if (!attachments) return fail(attachments.error());
  auto amendments = db.prepare(
      "SELECT canonical_json, signature FROM amendments WHERE report_num = ?1 ORDER BY num");
  if (!amendments) return fail(amendments.error());
  auto json = db.prepare("SELECT status, canonical_json FROM reports WHERE id = ?1");
  if (!json) return fail(json.error());
  auto custody = db.prepare(
      "SELECT seq, at, event, details, prev_hash, entry_hash, signer, signature FROM custody "
      "WHERE report_id = ?1 ORDER BY seq");
  if (!custody) return fail(custody.error());
  return ExportReader(std::move(*row), std::move(*attachments), std::move(*amendments),
                      std::move(*json), std::move(*custody));
}

ExportReader::ExportReader(Statement row, Statement attachments, Statement amendments,
                           Statement json, Statement custody) noexcept
    : row_(std::move(row)),
      attachments_(std::move(attachments)),
      amendments_(std::move(amendments)),
      json_(std::move(json)),
      custody_(std::move(custody)) {}

Result<ExportReportData> ExportReader::report(std::string_view report_id) {
  ExportReportData out;
  std::int64_t num = 0;
  {
    row_.reset();
    row_.bind(1, report_id);
    auto r = row_.step();
    if (!r) return fail(r.error());
    if (!*r) return fail(Error::not_found);
    num = row_.column_int64(0);
    const auto status = parse_report_status(row_.column_text(1));
    if (!status) return fail(Error::database_damaged);
    out.status = *status;
    if (!row_.column_is_null(2)) {
      crypto::Ed25519Signature signature{};
      if (!detail::to_array(row_.column_blob(2), signature)) return fail(Error::database_damaged);
      out.signature = signature;
    }
    if (!row_.column_is_null(3)) {
      Sha256Digest digest{};
      if (!detail::to_array(row_.column_blob(3), digest)) return fail(Error::database_damaged);
      out.content_sha256 = digest;
    }
    out.json_bytes = to_u64(row_.column_int64(4));
    row_.reset();
  }
  if (out.status == ReportStatus::purged) return out;
  attachments_.reset();
  attachments_.bind(1, num);
  for (;;) {
    auto r = attachments_.step();
    if (!r) return fail(r.error());
    if (!*r) break;
    Sha256Digest sha256{};
    if (!detail::to_array(attachments_.column_blob(0), sha256) || attachments_.column_int64(1) < 0) {
      return fail(Error::database_damaged);
    }
    out.attachments.emplace_back(sha256, to_u64(attachments_.column_int64(1)));
  }
  amendments_.reset();
  amendments_.bind(1, num);
  for (;;) {
    auto r = amendments_.step();
    if (!r) return fail(r.error());
    if (!*r) break;
    const auto json = amendments_.column_blob(0);
    crypto::Ed25519Signature signature{};
    if (!detail::to_array(amendments_.column_blob(1), signature)) return fail(Error::database_damaged);
    out.amendments.emplace_back(std::string(json.begin(), json.end()), signature);
  }
  return out;
}

Result<std::string> ExportReader::canonical_json(std::string_view report_id) {
  json_.reset();
  json_.bind(1, report_id);
  auto r = json_.step();
  if (!r) return fail(r.error());
  if (!*r) return fail(Error::not_found);
  if (json_.column_text(0) != "final" || json_.column_is_null(1)) {
    json_.reset();
    return fail(Error::report_not_final);
  }
  const auto json = json_.column_blob(1);
  json_.reset();
  return std::string(json.begin(), json.end());
}

Result<std::vector<CustodyEntry>> ExportReader::custody(std::string_view report_id) {
  custody_.reset();
  custody_.bind(1, report_id);
  std::vector<CustodyEntry> out;
  for (;;) {
    auto r = custody_.step();
    if (!r) return fail(r.error());
    if (!*r) break;
    CustodyEntry e;
    e.report_id = std::string(report_id);
    e.seq = custody_.column_int64(0);
    e.at = custody_.column_text(1);
    const auto event = parse_custody_event(custody_.column_text(2));
    const auto details = nlohmann::json::parse(custody_.column_text(3), nullptr, false);
    if (!event || !details.is_object() || !detail::to_array(custody_.column_blob(4), e.prev) ||
        !detail::to_array(custody_.column_blob(5), e.hash) ||
        !detail::to_array(custody_.column_blob(6), e.signer) ||
        !detail::to_array(custody_.column_blob(7), e.signature)) {
      return fail(Error::custody_chain_broken);
    }
    for (const auto& [k, v] : details.items()) {
      if (!v.is_string()) return fail(Error::custody_chain_broken);
      e.details.emplace(k, v.get<std::string>());
    }
    e.event = *event;
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<std::vector<std::uint8_t>>> attachment_chunk(Database& db,
                                                                 std::string_view report_id,
                                                                 const Sha256Digest& sha256,
                                                                 std::int64_t seq) {
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  if (row->status == ReportStatus::purged) return fail(Error::purged);
  auto s = db.prepare(
      "SELECT c.data FROM attachments a JOIN attachment_chunks c ON c.attachment_num = a.num "
      "WHERE a.report_num = ?1 AND a.sha256 = ?2 AND c.seq = ?3");
  if (!s) return fail(s.error());
  s->bind(1, row->num).bind_blob(2, sha256).bind(3, seq);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return std::optional<std::vector<std::uint8_t>>{};
  return std::optional<std::vector<std::uint8_t>>{s->column_blob(0)};
}

Result<void> record_bundle_export(Database& db, const crypto::Ed25519KeyPair& key,
                                  const ExportRecord& record) {
  if (record.sequence == 0 || record.reports.empty() || record.recipients.empty()) {
    return fail(Error::invalid_argument);
  }
  if (record.file_count == 0) return fail(Error::invalid_argument);
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  const std::string now = detail::now_utc();
  std::int64_t export_num = 0;
  {
    auto s = db.prepare("SELECT num, sequence, file_count FROM export_log WHERE bundle_id = ?1");
    if (!s) return fail(s.error());
    s->bind_blob(1, record.bundle_id);
    auto r = s->step();
    if (!r) return fail(r.error());
    if (*r) {
      // A reservation: same number, never completed.
      if (to_u64(s->column_int64(1)) != record.sequence || s->column_int64(2) != 0) {
        return fail(Error::constraint_failed);
      }
      export_num = s->column_int64(0);
    }
  }
  if (export_num != 0) {
    auto s = db.prepare(
        "UPDATE export_log SET created = ?2, exported_at = ?3, bundle_bytes = ?4, file_count = ?5 "
        "WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, export_num).bind(2, to_i64(record.created)).bind(3, now);
    s->bind(4, to_i64(record.bundle_bytes)).bind(5, std::int64_t{record.file_count});
    FIELDSEAL_TRY(s->run());
  } else {
    auto s = db.prepare(
        "INSERT INTO export_log (bundle_id, sequence, created, exported_at, bundle_bytes, "
        "file_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!s) return fail(s.error());
    s->bind_blob(1, record.bundle_id).bind(2, to_i64(record.sequence));
    s->bind(3, to_i64(record.created)).bind(4, now).bind(5, to_i64(record.bundle_bytes));
    s->bind(6, std::int64_t{record.file_count});
    FIELDSEAL_TRY(s->run());
    export_num = db.last_insert_rowid();
  }
  std::string to;
  {
    auto s = db.prepare(
        "INSERT INTO export_recipients (export_num, name, signing_key) VALUES (?1, ?2, ?3)");
    if (!s) return fail(s.error());
    for (const auto& recipient : record.recipients) {
      s->reset();
      s->bind(1, export_num).bind(2, recipient.name).bind_blob(3, recipient.signing_key);
      FIELDSEAL_TRY(s->run());
      if (!to.empty()) to += ", ";
      to += recipient.name;
    }
  }
  if (to.size() > kMaxCustodyDetailBytes) to = "(" + std::to_string(record.recipients.size()) + ")";
  const std::string bundle_hex = detail::to_hex(record.bundle_id);
  // Prepared once for every report (see ExportReader).
  auto insert = db.prepare(
      "INSERT INTO export_reports (export_num, report_id, sha256) VALUES (?1, ?2, ?3)");
  if (!insert) return fail(insert.error());
  auto update = db.prepare(
      "UPDATE reports SET delivery = CASE delivery WHEN 'delivered' THEN 'delivered' "
      "ELSE 'exported' END, exported_at = ?2 WHERE id = ?1 AND status = 'final'");
  if (!update) return fail(update.error());
  for (const auto& report : record.reports) {
    update->reset();
    update->bind(1, report.id).bind(2, now);
    FIELDSEAL_TRY(update->run());
    if (db.changes() != 1) {
      auto row = detail::find_report(db, report.id);
      if (!row) return fail(row.error());
      return fail(row->status == ReportStatus::purged ? Error::purged : Error::report_not_final);
    }
    insert->reset();
    insert->bind(1, export_num).bind(2, report.id).bind_blob(3, report.sha256);
    FIELDSEAL_TRY(insert->run());
    auto entry = detail::append_custody_in_transaction(db, key, report.id, CustodyEvent::exported,
                                                       {{"to", to}, {"bundle", bundle_hex}});
    if (!entry) return fail(entry.error());
  }
  return tx->commit();
}

namespace {

// The reads behind report_state, prepared once for a whole receipt.
class StateReader {
 public:
  [[nodiscard]] static Result<StateReader> create(Database& db) {
    auto row = db.prepare("SELECT status, content_sha256 FROM reports WHERE num = ?1");
    if (!row) return fail(row.error());
    auto amendments = db.prepare("SELECT canonical_json FROM amendments WHERE report_num = ?1");
    if (!amendments) return fail(amendments.error());
    return StateReader(std::move(*row), std::move(*amendments));
  }
  [[nodiscard]] Result<std::optional<Sha256Digest>> state(std::int64_t report_num) {
    row_.reset();
    row_.bind(1, report_num);
    auto r = row_.step();
    if (!r) return fail(r.error());
    if (!*r) return fail(Error::not_found);
    if (row_.column_text(0) != "final") return std::optional<Sha256Digest>{};
    Sha256Digest content{};
    if (!detail::to_array(row_.column_blob(1), content)) return fail(Error::database_damaged);
    std::vector<Sha256Digest> amendments;
    amendments_.reset();
    amendments_.bind(1, report_num);
    for (;;) {
      auto a = amendments_.step();
      if (!a) return fail(a.error());
      if (!*a) break;
      const auto bytes = amendments_.column_blob_view(0);
      amendments.push_back(detail::sha256_of(
          {reinterpret_cast<const char*>(bytes.data()), bytes.size()}));
    }
    return std::optional<Sha256Digest>{report_state_digest(content, std::move(amendments))};
  }

 private:
  StateReader(Statement row, Statement amendments) noexcept
      : row_(std::move(row)), amendments_(std::move(amendments)) {}
  Statement row_;
  Statement amendments_;
};

}  // namespace

Result<std::optional<Sha256Digest>> report_state(Database& db, std::string_view report_id) {
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  auto reader = StateReader::create(db);
  if (!reader) return fail(reader.error());
  return reader->state(row->num);
}

Result<DeliveryOutcome> record_delivery(Database& db, const crypto::Ed25519KeyPair& key,
                                        std::string_view receipt_id, const PublicKeyBytes& hq,
                                        std::span<const DeliveredRef> refs) {
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  // A ref counts only for a bundle sealed to the HQ that signed the receipt:
  // another HQ's signature over it proves nothing about what that HQ holds.
  auto exported = db.prepare(
      "SELECT 1 FROM export_reports r JOIN export_log l ON l.num = r.export_num "
      "WHERE l.bundle_id = ?1 AND r.report_id = ?2 AND r.sha256 = ?3 AND EXISTS "
      "(SELECT 1 FROM export_recipients t WHERE t.export_num = l.num AND t.signing_key = ?4)");
  if (!exported) return fail(exported.error());
  auto delivery = db.prepare("SELECT delivery FROM reports WHERE num = ?1");
  if (!delivery) return fail(delivery.error());
  auto mark = db.prepare(
      "UPDATE reports SET delivery = 'delivered', delivered_at = ?2 WHERE num = ?1");
  if (!mark) return fail(mark.error());
  auto states = StateReader::create(db);
  if (!states) return fail(states.error());
  DeliveryOutcome out;
  const std::string now = detail::now_utc();
  for (const auto& ref : refs) {
    exported->reset();
    exported->bind_blob(1, ref.bundle_id).bind(2, ref.report_id).bind_blob(3, ref.sha256);
    exported->bind_blob(4, hq);
    auto found = exported->step();
    if (!found) return fail(found.error());
    if (!*found) {
      ++out.unknown;
      continue;
    }
    auto row = detail::find_report(db, ref.report_id);
    if (!row) {
      if (row.error() != Error::not_found) return fail(row.error());
      ++out.unknown;
      continue;
    }
    delivery->reset();
    delivery->bind(1, row->num);
    auto d = delivery->step();
    if (!d) return fail(d.error());
    if (delivery->column_text(0) == "delivered") {
      ++out.already_delivered;
      continue;
    }
    auto state = states->state(row->num);
    if (!state) return fail(state.error());
    if (!*state || **state != ref.state) {
      ++out.outdated;
      continue;
    }
    mark->reset();
    mark->bind(1, row->num).bind(2, now);
    FIELDSEAL_TRY(mark->run());
    auto entry = detail::append_custody_in_transaction(
        db, key, ref.report_id, CustodyEvent::receipt_received,
        {{"receipt", std::string(receipt_id)}, {"bundle", detail::to_hex(ref.bundle_id)}});
    if (!entry) return fail(entry.error());
    out.newly_delivered.push_back(ref.report_id);
  }
  FIELDSEAL_TRY(tx->commit());
  return out;
}

// ---------------------------------------------------------------- HQ side

Result<std::optional<ReceivedBundle>> find_received_bundle(Database& db, const BundleIdBytes& id) {
  auto s = db.prepare(
      "SELECT num, sender, sequence, created, received_at FROM received_bundles "
      "WHERE bundle_id = ?1");
  if (!s) return fail(s.error());
  s->bind_blob(1, id);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return std::optional<ReceivedBundle>{};
  ReceivedBundle b;
  b.num = s->column_int64(0);
  b.bundle_id = id;
  if (!detail::to_array(s->column_blob(1), b.sender)) return fail(Error::database_damaged);
  b.sequence = to_u64(s->column_int64(2));
  b.created = to_u64(s->column_int64(3));
  b.received_at = s->column_text(4);
  return std::optional<ReceivedBundle>{std::move(b)};
}

Result<std::vector<std::uint64_t>> received_sequences(Database& db, const PublicKeyBytes& sender) {
  auto s = db.prepare("SELECT sequence FROM received_bundles WHERE sender = ?1 ORDER BY sequence");
  if (!s) return fail(s.error());
  s->bind_blob(1, sender);
  std::vector<std::uint64_t> out;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    out.push_back(to_u64(s->column_int64(0)));
  }
  return out;
}

Result<std::vector<PublicKeyBytes>> received_senders(Database& db) {
  auto s = db.prepare("SELECT DISTINCT sender FROM received_bundles ORDER BY sender");
  if (!s) return fail(s.error());
  std::vector<PublicKeyBytes> out;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    PublicKeyBytes key{};
    if (!detail::to_array(s->column_blob(0), key)) return fail(Error::database_damaged);
    out.push_back(key);
  }
  return out;
}

Result<std::int64_t> insert_received_bundle(Database& db, const ReceivedBundle& bundle) {
  auto s = db.prepare(
      "INSERT INTO received_bundles (bundle_id, sender, sequence, created, received_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!s) return fail(s.error());
  s->bind_blob(1, bundle.bundle_id).bind_blob(2, bundle.sender);
  s->bind(3, to_i64(bundle.sequence)).bind(4, to_i64(bundle.created)).bind(5, bundle.received_at);
  FIELDSEAL_TRY(s->run());
  return db.last_insert_rowid();
}

Result<void> insert_received_bundle_report(Database& db, std::int64_t bundle_num,
                                           std::string_view report_id, const Sha256Digest& sha256) {
  auto s = db.prepare(
      "INSERT INTO received_bundle_reports (bundle_num, report_id, sha256) VALUES (?1, ?2, ?3)");
  if (!s) return fail(s.error());
  s->bind(1, bundle_num).bind(2, report_id).bind_blob(3, sha256);
  return s->run();
}

Result<std::optional<Sha256Digest>> held_report_hash(Database& db, std::string_view report_id) {
  auto s = db.prepare("SELECT content_sha256 FROM reports WHERE id = ?1");
  if (!s) return fail(s.error());
  s->bind(1, report_id);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return std::optional<Sha256Digest>{};
  Sha256Digest digest{};
  if (s->column_is_null(0)) return std::optional<Sha256Digest>{digest};
  if (!detail::to_array(s->column_blob(0), digest)) return fail(Error::database_damaged);
  return std::optional<Sha256Digest>{digest};
}

Result<std::int64_t> insert_received_report(Database& db, const ReportDocument& document,
                                            std::string_view canonical_json,
                                            const crypto::Ed25519Signature& signature,
                                            const BundleIdBytes& bundle_id,
                                            std::string_view received_at) {
  auto num = detail::insert_final_report(db, document, canonical_json, signature);
  if (!num) return fail(num.error());
  auto s = db.prepare(
      "INSERT INTO report_origin (report_id, sender, bundle_id, received_at, verified_at) "
      "VALUES (?1, ?2, ?3, ?4, ?4)");
  if (!s) return fail(s.error());
  s->bind(1, document.id).bind_blob(2, document.signer).bind_blob(3, bundle_id);
  s->bind(4, received_at);
  FIELDSEAL_TRY(s->run());
  return *num;
}

Result<void> index_received_reports(Database& db, std::span<const std::int64_t> report_nums) {
  return detail::index_new_reports(db, report_nums);
}

Result<void> set_received_signature(Database& db, std::int64_t report_num,
                                    const crypto::Ed25519Signature& signature) {
  auto s = db.prepare("UPDATE reports SET signature = ?2 WHERE num = ?1");
  if (!s) return fail(s.error());
  s->bind(1, report_num).bind_blob(2, signature);
  return s->run();
}

Result<std::int64_t> begin_received_attachment(Database& db, std::int64_t report_num,
                                               const AttachmentInfo& info) {
  auto s = db.prepare(
      "INSERT INTO attachments (report_num, sha256, size, name, media_type, chunk_count, "
      "added_at) VALUES (?1, NULL, 0, ?2, ?3, 0, ?4)");
  if (!s) return fail(s.error());
  s->bind(1, report_num).bind(2, info.name).bind(3, info.media_type).bind(4, info.added_at);
  FIELDSEAL_TRY(s->run());
  return db.last_insert_rowid();
}

Result<void> add_received_chunk(Database& db, std::int64_t attachment_num, std::int64_t seq,
                                std::span<const std::uint8_t> data) {
  auto s = db.prepare(
      "INSERT INTO attachment_chunks (attachment_num, seq, data) VALUES (?1, ?2, ?3)");
  if (!s) return fail(s.error());
  s->bind(1, attachment_num).bind(2, seq).bind_blob_static(3, data);
  return s->run();
}

Result<void> finish_received_attachment(Database& db, std::int64_t attachment_num,
                                        const Sha256Digest& sha256, std::uint64_t size,
                                        std::int64_t chunks) {
  auto s = db.prepare(
      "UPDATE attachments SET sha256 = ?2, size = ?3, chunk_count = ?4 WHERE num = ?1");
  if (!s) return fail(s.error());
  s->bind(1, attachment_num).bind_blob(2, sha256).bind(3, to_i64(size)).bind(4, chunks);
  return s->run();
}

Result<void> copy_received_attachment(Database& db, std::int64_t from_attachment_num,
                                      std::int64_t to_attachment_num, const Sha256Digest& sha256,
                                      std::uint64_t size) {
  std::int64_t chunks = 0;
  {
    auto s = db.prepare("SELECT chunk_count FROM attachments WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, from_attachment_num);
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) return fail(Error::not_found);
    chunks = s->column_int64(0);
  }
  {
    auto s = db.prepare(
        "INSERT INTO attachment_chunks (attachment_num, seq, data) "
        "SELECT ?2, seq, data FROM attachment_chunks WHERE attachment_num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, from_attachment_num).bind(2, to_attachment_num);
    FIELDSEAL_TRY(s->run());
  }
  return finish_received_attachment(db, to_attachment_num, sha256, size, chunks);
}

Result<void> insert_received_amendment(Database& db, std::int64_t report_num,
                                       const Amendment& amendment) {
  auto s = db.prepare(
      "INSERT INTO amendments (id, report_num, created_at, text, canonical_json, signature, "
      "signer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!s) return fail(s.error());
  s->bind(1, amendment.id).bind(2, report_num).bind(3, amendment.created_at);
  s->bind(4, amendment.text).bind_blob(5, detail::bytes_of(amendment.canonical_json));
  s->bind_blob(6, amendment.signature).bind_blob(7, amendment.signer);
  return s->run();
}

Result<void> insert_received_custody(Database& db, std::span<const CustodyEntry> entries,
                                     const crypto::Ed25519Signature* signature) {
  if (entries.empty()) return {};
  const std::string& report_id = entries.front().report_id;
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  auto s = db.prepare(
      "INSERT INTO custody (report_id, seq, at, event, details, prev_hash, entry_hash, signer, "
      "signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!s) return fail(s.error());
  for (const CustodyEntry& entry : entries) {
    if (entry.report_id != report_id) return fail(Error::invalid_argument);
    s->reset();
    s->bind(1, entry.report_id).bind(2, entry.seq).bind(3, entry.at);
    s->bind(4, key(entry.event)).bind(5, custody_details_json(entry.details));
    s->bind_blob(6, entry.prev).bind_blob(7, entry.hash).bind_blob(8, entry.signer);
    s->bind_blob(9, entry.signature);
    FIELDSEAL_TRY(s->run());
  }
  // Once per report: every UPDATE rewrites the reports row, document and all.
  auto u = db.prepare(
      "UPDATE reports SET custody_count = ?2, custody_head = ?3, signature = coalesce(?4, "
      "signature) WHERE num = ?1");
  if (!u) return fail(u.error());
  u->bind(1, row->num).bind(2, entries.back().seq).bind_blob(3, entries.back().hash);
  if (signature != nullptr) {
    u->bind_blob(4, *signature);
  } else {
    u->bind_null(4);
  }
  return u->run();
}

Result<std::int64_t> custody_count(Database& db, std::string_view report_id) {
  auto s = db.prepare("SELECT custody_count FROM reports WHERE id = ?1");
  if (!s) return fail(s.error());
  s->bind(1, report_id);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return fail(Error::not_found);
  return s->column_int64(0);
}

Result<std::vector<std::string>> amendment_ids(Database& db, std::string_view report_id) {
  auto s = db.prepare(
      "SELECT a.id FROM amendments a JOIN reports r ON r.num = a.report_num WHERE r.id = ?1 "
      "ORDER BY a.num");
  if (!s) return fail(s.error());
  s->bind(1, report_id);
  std::vector<std::string> out;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    out.push_back(s->column_text(0));
  }
  return out;
}

Result<std::optional<ReportOrigin>> report_origin(Database& db, std::string_view report_id) {
  auto s = db.prepare(
      "SELECT sender, bundle_id, received_at, verified_at FROM report_origin WHERE report_id = ?1");
  if (!s) return fail(s.error());
  s->bind(1, report_id);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return std::optional<ReportOrigin>{};
  ReportOrigin origin;
  if (!detail::to_array(s->column_blob(0), origin.sender) ||
      !detail::to_array(s->column_blob(1), origin.bundle_id)) {
    return fail(Error::database_damaged);
  }
  origin.received_at = s->column_text(2);
  origin.verified_at = s->column_text(3);
  return std::optional<ReportOrigin>{std::move(origin)};
}

Result<std::vector<ReceivedBundleReports>> received_from(Database& db, const PublicKeyBytes& sender) {
  auto s = db.prepare(
      "SELECT b.bundle_id, r.report_id, r.sha256 FROM received_bundles b "
      "JOIN received_bundle_reports r ON r.bundle_num = b.num WHERE b.sender = ?1 "
      "ORDER BY b.bundle_id, r.report_id");
  if (!s) return fail(s.error());
  s->bind_blob(1, sender);
  std::vector<ReceivedBundleReports> out;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    BundleIdBytes id{};
    ExportedReport report;
    if (!detail::to_array(s->column_blob(0), id) ||
        !detail::to_array(s->column_blob(2), report.sha256)) {
      return fail(Error::database_damaged);
    }
    report.id = s->column_text(1);
    if (out.empty() || out.back().bundle_id != id) out.push_back(ReceivedBundleReports{id, {}});
    out.back().reports.push_back(std::move(report));
  }
  return out;
}

Result<std::int64_t> insert_quarantine(Database& db, const QuarantineRow& row) {
  auto s = db.prepare(
      "INSERT INTO quarantine (bundle_id, sender, sequence, created, received_at, report_count, "
      "bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)");
  if (!s) return fail(s.error());
  s->bind_blob(1, row.bundle_id).bind_blob(2, row.sender).bind(3, to_i64(row.sequence));
  s->bind(4, to_i64(row.created)).bind(5, row.received_at).bind(6, to_i64(row.report_count));
  FIELDSEAL_TRY(s->run());
  return db.last_insert_rowid();
}

Result<void> add_quarantine_chunk(Database& db, std::int64_t num, std::int64_t seq,
                                  std::span<const std::uint8_t> data) {
  auto s = db.prepare(
      "INSERT INTO quarantine_chunks (quarantine_num, seq, data) VALUES (?1, ?2, ?3)");
  if (!s) return fail(s.error());
  s->bind(1, num).bind(2, seq).bind_blob(3, data);
  return s->run();
}

Result<void> finish_quarantine(Database& db, std::int64_t num, const QuarantineRow& verified) {
  auto s = db.prepare(
      "UPDATE quarantine SET bundle_id = ?2, sender = ?3, sequence = ?4, created = ?5, "
      "report_count = ?6, bytes = ?7 WHERE num = ?1");
  if (!s) return fail(s.error());
  s->bind(1, num).bind_blob(2, verified.bundle_id).bind_blob(3, verified.sender);
  s->bind(4, to_i64(verified.sequence)).bind(5, to_i64(verified.created));
  s->bind(6, to_i64(verified.report_count)).bind(7, to_i64(verified.bytes));
  return s->run();
}

Result<std::vector<QuarantineRow>> list_quarantine(Database& db) {
  auto s = db.prepare(std::string(kQuarantineColumns) + "ORDER BY num");
  if (!s) return fail(s.error());
  std::vector<QuarantineRow> out;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    auto row = quarantine_row(*s);
    if (!row) return fail(row.error());
    out.push_back(std::move(*row));
  }
  return out;
}

Result<std::optional<QuarantineRow>> find_quarantine(Database& db, std::int64_t num) {
  auto s = db.prepare(std::string(kQuarantineColumns) + "WHERE num = ?1");
  if (!s) return fail(s.error());
  s->bind(1, num);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return std::optional<QuarantineRow>{};
  auto row = quarantine_row(*s);
  if (!row) return fail(row.error());
  return std::optional<QuarantineRow>{std::move(*row)};
}

Result<std::optional<QuarantineRow>> find_quarantine_by_bundle(Database& db,
                                                               const BundleIdBytes& id) {
  auto s = db.prepare(std::string(kQuarantineColumns) + "WHERE bundle_id = ?1");
  if (!s) return fail(s.error());
  s->bind_blob(1, id);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return std::optional<QuarantineRow>{};
  auto row = quarantine_row(*s);
  if (!row) return fail(row.error());
  return std::optional<QuarantineRow>{std::move(*row)};
}

Result<std::optional<std::vector<std::uint8_t>>> quarantine_chunk(Database& db, std::int64_t num,
                                                                 std::int64_t seq) {
  auto s = db.prepare("SELECT data FROM quarantine_chunks WHERE quarantine_num = ?1 AND seq = ?2");
  if (!s) return fail(s.error());
  s->bind(1, num).bind(2, seq);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return std::optional<std::vector<std::uint8_t>>{};
  return std::optional<std::vector<std::uint8_t>>{s->column_blob(0)};
}

Result<void> delete_quarantine(Database& db, std::int64_t num) {
  {
    auto s = db.prepare("DELETE FROM quarantine_chunks WHERE quarantine_num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, num);
    FIELDSEAL_TRY(s->run());
  }
  auto s = db.prepare("DELETE FROM quarantine WHERE num = ?1");
  if (!s) return fail(s.error());
  s->bind(1, num);
  FIELDSEAL_TRY(s->run());
  if (db.changes() == 0) return fail(Error::not_found);
  return {};
}

}  // namespace fieldseal::storage
