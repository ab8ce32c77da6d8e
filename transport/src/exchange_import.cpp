// The HQ side of exchange.hpp: import pipeline, quarantine, sequence gaps.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <system_error>

#include "exchange_internal.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/bundle.hpp"
#include "fieldseal/transport/parts.hpp"

namespace fieldseal::transport {

namespace {

constexpr std::size_t kChunkBytes = storage::kAttachmentChunkBytes;
// What the reader may pull before the manifest decides between import and
// quarantine: the age header, the manifest (4 MiB at most, compressed) and
// the decryptor's read-ahead.
constexpr std::size_t kTeeBufferCap = std::size_t{64} << 20;

storage::BundleIdBytes to_storage_id(const BundleId& id) {
  storage::BundleIdBytes out{};
  std::copy(id.begin(), id.end(), out.begin());
  return out;
}

// Storage failures while staging a bundle: those caused by the bundle's
// content are report_invalid, the rest are the vault's.
Error staging_error(storage::Error error) noexcept {
  switch (error) {
    case storage::Error::constraint_failed:
    case storage::Error::invalid_argument:
    case storage::Error::report_json_invalid:
    case storage::Error::signature_invalid:
    case storage::Error::custody_chain_broken:
    case storage::Error::unknown_act_type:
    case storage::Error::not_found:
    case storage::Error::attachment_damaged:
      return Error::report_invalid;
    default:
      return vault_error(error);
  }
}

// Passes bytes through to the bundle reader. Until decide() it keeps them
// (the bundle may be going to quarantine); then either forgets them or
// stores them, and all that follows, as quarantine chunks in the vault.
class TeeSource final : public crypto::ByteSource {
 public:
  TeeSource(crypto::ByteSource& inner, storage::Database& db) : inner_(inner), db_(db) {}
  crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    auto got = inner_.read(out);
    if (!got || *got == 0) return got;
    total_ += *got;
    const std::span<const std::uint8_t> data(out.data(), *got);
    if (mode_ == Mode::buffering) {
      if (pending_.size() + data.size() > kTeeBufferCap) return fail(crypto::Error::io_read);
      pending_.insert(pending_.end(), data.begin(), data.end());
    } else if (mode_ == Mode::storing) {
      pending_.insert(pending_.end(), data.begin(), data.end());
      if (!flush(false)) return fail(crypto::Error::io_read);
    }
    return got;
  }
  void pass_through() {
    mode_ = Mode::passing;
    pending_.clear();
    pending_.shrink_to_fit();
  }
  [[nodiscard]] Result<void> store_into(std::int64_t num) {
    mode_ = Mode::storing;
    num_ = num;
    return flush(false);
  }
  [[nodiscard]] Result<void> finish() { return flush(true); }
  [[nodiscard]] std::uint64_t total() const noexcept { return total_; }

 private:
  enum class Mode { buffering, passing, storing };
  Result<void> flush(bool all) {
    std::size_t offset = 0;
    while (pending_.size() - offset >= kChunkBytes || (all && offset < pending_.size())) {
      const std::size_t n = std::min(kChunkBytes, pending_.size() - offset);
      auto stored = storage::add_quarantine_chunk(
          db_, num_, seq_, std::span<const std::uint8_t>(pending_.data() + offset, n));
      if (!stored) return fail(vault_error(stored.error()));
      ++seq_;
      offset += n;
    }
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(offset));
    return {};
  }

  crypto::ByteSource& inner_;
  storage::Database& db_;
  Mode mode_ = Mode::buffering;
  std::vector<std::uint8_t> pending_;
  std::int64_t num_ = 0;
  std::int64_t seq_ = 0;
  std::uint64_t total_ = 0;
};

Result<std::string> read_document(BundleReader& reader, std::uint64_t size) {
  if (size > kMaxDocumentBytes) return fail(Error::tar_entry_too_large);
  std::string out(size, '\0');
  std::size_t filled = 0;
  for (;;) {
    std::span<std::uint8_t> rest(reinterpret_cast<std::uint8_t*>(out.data()) + filled,  // NOLINT
                                 out.size() - filled);
    if (rest.empty()) {
      std::uint8_t probe[1];
      auto extra = reader.read(probe);
      if (!extra) return fail(extra.error());
      if (*extra != 0) return fail(Error::entry_size_mismatch);
      return out;
    }
    auto got = reader.read(rest);
    if (!got) return fail(got.error());
    if (*got == 0) return fail(Error::entry_size_mismatch);
    filled += *got;
  }
}

Result<void> drain(BundleReader& reader) {
  std::vector<std::uint8_t> buffer(kChunkBytes);
  for (;;) {
    auto got = reader.read(buffer);
    if (!got) return fail(got.error());
    if (*got == 0) return {};
  }
}

template <std::size_t N>
bool hex_member(const nlohmann::json& object, std::string_view key, std::array<std::uint8_t, N>& out) {
  return json_strict::get_hex(object, key, out);
}

// One custody entry as carried in a seal: its exact signed bytes, which must
// be the canonical form of what they say.
Result<storage::CustodyEntry> parse_custody_entry(const std::string& bytes,
                                                  const std::string& signature_hex) {
  auto j = json_strict::parse_canonical(as_bytes(bytes));
  if (!j || !json_strict::has_exactly(*j, {"at", "details", "event", "format", "prev", "report",
                                           "seq", "signer"})) {
    return fail(Error::report_invalid);
  }
  storage::CustodyEntry e;
  const auto* at = json_strict::get_string(*j, "at");
  const auto* event = json_strict::get_string(*j, "event");
  const auto* format = json_strict::get_string(*j, "format");
  const auto* report = json_strict::get_string(*j, "report");
  const auto seq = json_strict::get_uint(*j, "seq");
  if (at == nullptr || event == nullptr || format == nullptr || report == nullptr || !seq ||
      *format != storage::kCustodyFormat || *seq == 0 || *seq > kMaxSequence ||
      !hex_member(*j, "prev", e.prev) || !hex_member(*j, "signer", e.signer) ||
      !from_hex(signature_hex, e.signature)) {
    return fail(Error::report_invalid);
  }
  const auto parsed_event = storage::parse_custody_event(*event);
  const auto& details = (*j)["details"];
  if (!parsed_event || !details.is_object()) return fail(Error::report_invalid);
  for (auto it = details.begin(); it != details.end(); ++it) {
    if (!it.value().is_string()) return fail(Error::report_invalid);
    e.details[it.key()] = it.value().get<std::string>();
  }
  e.at = *at;
  e.event = *parsed_event;
  e.report_id = *report;
  e.seq = static_cast<std::int64_t>(*seq);
  e.hash = Sha256::of(as_bytes(bytes));
  if (storage::custody_entry_bytes(e) != bytes) return fail(Error::report_invalid);
  return e;
}

Result<storage::Amendment> parse_amendment(const std::string& bytes, const std::string& signature_hex) {
  auto j = json_strict::parse_canonical(as_bytes(bytes));
  if (!j || !json_strict::has_exactly(
                *j, {"created_at", "format", "id", "report", "report_sha256", "signer", "text"})) {
    return fail(Error::report_invalid);
  }
  storage::Amendment a;
  const auto* id = json_strict::get_string(*j, "id");
  const auto* report = json_strict::get_string(*j, "report");
  const auto* created = json_strict::get_string(*j, "created_at");
  const auto* text = json_strict::get_string(*j, "text");
  const auto* format = json_strict::get_string(*j, "format");
  if (id == nullptr || report == nullptr || created == nullptr || text == nullptr ||
      format == nullptr || *format != storage::kAmendmentFormat ||
      id->size() != storage::kReportIdLength || !hex_member(*j, "signer", a.signer) ||
      !from_hex(signature_hex, a.signature)) {
    return fail(Error::report_invalid);
  }
  a.id = *id;
  a.report_id = *report;
  a.created_at = *created;
  a.text = *text;
  a.canonical_json = bytes;
  return a;
}

struct StagedReport {
  std::string id;
  Sha256Digest entry_sha256{};
  bool held = false;
  bool sealed = false;
  bool custody_extended = false;
  bool purged = false;
  std::int64_t num = 0;
  std::vector<storage::CustodyEntry> own_entries;  // HQ's, detached to re-append after the sender's
  std::vector<storage::AttachmentInfo> attachments;
};

struct AttachmentTarget {
  std::int64_t attachment_num = 0;
  std::uint64_t size = 0;
};

class Importer {
 public:
  Importer(storage::Vault& vault, const std::vector<crypto::age::Identity>& identities,
           std::string now)
      : db_(vault.database()),
        key_(vault.signing_key()),
        identities_(identities),
        now_(std::move(now)) {}

  // One bundle from `source`: the outcome (files are the caller's).
  void run(crypto::ByteSource& source, const std::optional<BundleId>& expected_id,
           bool allow_quarantine, BundleOutcome& outcome) {
    auto done = run_impl(source, expected_id, allow_quarantine, outcome);
    if (!done) {
      outcome.status = ImportStatus::rejected;
      outcome.error = done.error();
      outcome.reports = 0;
      outcome.reports_already_held = 0;
      outcome.attachments = 0;
    }
  }

 private:
  Result<void> run_impl(crypto::ByteSource& source, const std::optional<BundleId>& expected_id,
                        bool allow_quarantine, BundleOutcome& outcome) {
    auto tx = db_.begin();
    if (!tx) return fail(vault_error(tx.error()));
    TeeSource tee(source, db_);
    auto reader = BundleReader::open(tee, identities_);
    if (!reader) return fail(reader.error());
    const Manifest manifest = (*reader)->manifest();
    if (expected_id && manifest.bundle_id != *expected_id) return fail(Error::part_mismatch);
    auto contact = storage::find_contact_by_signing_key(db_, manifest.sender);
    if (!contact) return fail(vault_error(contact.error()));
    const bool enrolled = *contact && (*contact)->card.role == crypto::CardRole::field;
    if (!enrolled) {
      if (!allow_quarantine) return fail(Error::sender_unknown);
      return quarantine(tee, **reader, manifest, *tx, outcome);
    }
    tee.pass_through();
    sender_ = manifest.sender;
    sender_name_ = (*contact)->card.name;
    bundle_id_ = to_storage_id(manifest.bundle_id);
    for (;;) {
      auto entry = (*reader)->next_entry();
      if (!entry) return fail(entry.error());
      if (!*entry) break;
      FIELDSEAL_TRY(stage(**reader, **entry));
    }
    auto verified = (*reader)->finish();
    if (!verified) return fail(verified.error());

    outcome.bundle_id = manifest.bundle_id;
    outcome.sender = manifest.sender;
    outcome.sender_name = (*contact)->card.name;
    outcome.sequence = manifest.sequence;
    auto seen = storage::find_received_bundle(db_, bundle_id_);
    if (!seen) return fail(vault_error(seen.error()));
    if (*seen) {
      outcome.status = ImportStatus::duplicate;
      return {};  // the transaction rolls back: no new rows
    }
    auto sequences = storage::received_sequences(db_, manifest.sender.bytes());
    if (!sequences) return fail(vault_error(sequences.error()));
    if (!sequences->empty() && manifest.sequence <= sequences->back()) {
      return fail(Error::sequence_replayed);
    }
    FIELDSEAL_TRY(record_received());
    FIELDSEAL_TRY(check_staged());
    {
      std::vector<std::int64_t> nums;
      for (const auto& [id, staged] : staged_) {
        if (!staged.held) nums.push_back(staged.num);
      }
      std::sort(nums.begin(), nums.end());
      if (auto r = storage::index_received_reports(db_, nums); !r) return fail(vault_error(r.error()));
    }

    auto bundle_num = storage::insert_received_bundle(
        db_, storage::ReceivedBundle{0, bundle_id_, manifest.sender.bytes(), manifest.sequence,
                                     manifest.created, now_});
    if (!bundle_num) return fail(staging_error(bundle_num.error()));
    for (const auto& [id, staged] : staged_) {
      if (auto r = storage::insert_received_bundle_report(db_, *bundle_num, id, staged.entry_sha256);
          !r) {
        return fail(staging_error(r.error()));
      }
    }
    auto held = storage::find_quarantine_by_bundle(db_, bundle_id_);
    if (!held) return fail(vault_error(held.error()));
    if (*held) {
      if (auto r = storage::delete_quarantine(db_, (*held)->num); !r) {
        return fail(vault_error(r.error()));
      }
    }
    if (auto r = tx->commit(); !r) return fail(vault_error(r.error()));
    outcome.status = ImportStatus::imported;
    for (const auto& [id, staged] : staged_) {
      if (staged.held) {
        ++outcome.reports_already_held;
      } else {
        ++outcome.reports;
      }
    }
    outcome.attachments = attachments_received_.size();
    return {};
  }

  Result<void> quarantine(TeeSource& tee, BundleReader& reader, const Manifest& manifest,
                          storage::Database::Transaction& tx, BundleOutcome& outcome) {
    const auto id = to_storage_id(manifest.bundle_id);
    auto existing = storage::find_quarantine_by_bundle(db_, id);
    if (!existing) return fail(vault_error(existing.error()));
    auto imported = storage::find_received_bundle(db_, id);
    if (!imported) return fail(vault_error(imported.error()));
    std::size_t reports = 0;
    for (const auto& e : manifest.entries) {
      if (classify_entry_name(e.name) == EntryKind::report) ++reports;
    }
    storage::QuarantineRow row;
    row.bundle_id = id;
    row.sender = manifest.sender.bytes();
    row.sequence = manifest.sequence;
    row.created = manifest.created;
    row.received_at = now_;
    row.report_count = reports;
    std::int64_t num = 0;
    if (*existing || *imported) {
      tee.pass_through();
    } else {
      auto inserted = storage::insert_quarantine(db_, row);
      if (!inserted) return fail(vault_error(inserted.error()));
      num = *inserted;
      FIELDSEAL_TRY(tee.store_into(num));
    }
    for (;;) {
      auto entry = reader.next_entry();
      if (!entry) return fail(entry.error());
      if (!*entry) break;
      FIELDSEAL_TRY(drain(reader));
    }
    auto verified = reader.finish();
    if (!verified) return fail(verified.error());
    outcome.bundle_id = manifest.bundle_id;
    outcome.sender = manifest.sender;
    outcome.sequence = manifest.sequence;
    if (*existing || *imported) {
      outcome.status = ImportStatus::duplicate;
      if (*existing) outcome.quarantine_id = (*existing)->num;
      return {};
    }
    FIELDSEAL_TRY(tee.finish());
    row.bytes = tee.total();
    if (auto r = storage::finish_quarantine(db_, num, row); !r) return fail(vault_error(r.error()));
    if (auto r = tx.commit(); !r) return fail(vault_error(r.error()));
    outcome.status = ImportStatus::quarantined;
    outcome.quarantine_id = num;
    return {};
  }

  Result<void> stage(BundleReader& reader, const ManifestEntry& entry) {
    const auto kind = classify_entry_name(entry.name);
    if (kind == EntryKind::report) return stage_report(reader, entry);
    if (kind == EntryKind::attachment) return stage_attachment(reader, entry);
    if (kind == EntryKind::custody) return stage_seal(reader, entry);
    return fail(Error::entry_unexpected);
  }

  static std::string id_of(const std::string& name, std::size_t prefix) {
    return name.substr(prefix, name.size() - prefix - 5);  // minus ".json"
  }

  Result<void> stage_report(BundleReader& reader, const ManifestEntry& entry) {
    auto json = read_document(reader, entry.size);
    if (!json) return fail(json.error());
    StagedReport staged;
    staged.id = id_of(entry.name, 8);
    staged.entry_sha256 = entry.sha256;
    auto doc = storage::parse_report_json(*json);
    if (!doc) return fail(Error::report_invalid);
    if (doc->id != staged.id || staged.id.size() != storage::kReportIdLength ||
        doc->signer != sender_.bytes()) {
      return fail(Error::report_invalid);
    }
    auto held = storage::held_report_hash(db_, staged.id);
    if (!held) return fail(vault_error(held.error()));
    if (*held) {
      if (**held != Sha256::of(as_bytes(*json))) return fail(Error::report_conflict);
      staged.held = true;
    } else {
      auto num = storage::insert_received_report(db_, *doc, *json, crypto::Ed25519Signature{},
                                                 bundle_id_, now_);
      if (!num) return fail(staging_error(num.error()));
      staged.num = *num;
      staged.attachments = doc->attachments;
      for (auto info : doc->attachments) {
        info.added_at = now_;
        auto row = storage::begin_received_attachment(db_, staged.num, info);
        if (!row) return fail(staging_error(row.error()));
        targets_[info.sha256].push_back(AttachmentTarget{*row, info.size});
      }
    }
    staged_.emplace(staged.id, std::move(staged));
    return {};
  }

  Result<void> stage_attachment(BundleReader& reader, const ManifestEntry& entry) {
    const Sha256Digest sha = entry.sha256;
    attachments_received_.insert(sha);
    const auto it = targets_.find(sha);
    if (it == targets_.end()) return drain(reader);  // only held reports list it
    const auto& targets = it->second;
    for (const auto& t : targets) {
      if (t.size != entry.size) return fail(Error::report_invalid);
    }
    const std::int64_t num = targets.front().attachment_num;
    std::vector<std::uint8_t> chunk(kChunkBytes);
    std::size_t filled = 0;
    std::int64_t seq = 0;
    for (;;) {
      auto got = reader.read(std::span<std::uint8_t>(chunk.data() + filled, chunk.size() - filled));
      if (!got) return fail(got.error());
      filled += *got;
      if (filled == chunk.size() || (*got == 0 && filled > 0)) {
        if (auto r = storage::add_received_chunk(db_, num, seq,
                                                 std::span<const std::uint8_t>(chunk.data(), filled));
            !r) {
          return fail(staging_error(r.error()));
        }
        ++seq;
        filled = 0;
      }
      if (*got == 0) break;
    }
    if (auto r = storage::finish_received_attachment(db_, num, sha, entry.size, seq); !r) {
      return fail(staging_error(r.error()));
    }
    for (std::size_t i = 1; i < targets.size(); ++i) {
      if (auto r = storage::copy_received_attachment(db_, num, targets[i].attachment_num, sha,
                                                     entry.size);
          !r) {
        return fail(staging_error(r.error()));
      }
    }
    return {};
  }

  Result<void> stage_seal(BundleReader& reader, const ManifestEntry& entry) {
    auto text = read_document(reader, entry.size);
    if (!text) return fail(text.error());
    const std::string id = id_of(entry.name, 8);
    auto it = staged_.find(id);
    if (it == staged_.end()) return fail(Error::report_invalid);
    StagedReport& staged = it->second;
    auto j = json_strict::parse_canonical(as_bytes(*text));
    crypto::Ed25519Signature signature{};
    if (!j ||
        !json_strict::has_exactly(*j, {"amendments", "custody", "format", "report", "signature"})) {
      return fail(Error::report_invalid);
    }
    const auto* format = json_strict::get_string(*j, "format");
    const auto* report = json_strict::get_string(*j, "report");
    const auto& amendments = (*j)["amendments"];
    const auto& custody = (*j)["custody"];
    if (format == nullptr || *format != kReportSealFormat || report == nullptr || *report != id ||
        !json_strict::get_hex(*j, "signature", signature) || !amendments.is_array() ||
        !custody.is_array()) {
      return fail(Error::report_invalid);
    }
    std::vector<std::string> known_amendments;
    std::int64_t known_custody = 0;
    if (staged.held) {
      auto ids = storage::amendment_ids(db_, id);
      if (!ids) return fail(vault_error(ids.error()));
      known_amendments = std::move(*ids);
      auto own = storage::detach_custody_tail(db_, id, key_.public_key());
      if (!own) return fail(vault_error(own.error()));
      staged.own_entries = std::move(*own);
      auto count = storage::custody_count(db_, id);
      if (!count) return fail(vault_error(count.error()));
      known_custody = *count;
    }
    std::int64_t report_num = staged.num;
    if (staged.held) {
      // Amendments that arrive for a held report attach to its row.
      auto row = storage::get_report(db_, id);
      if (!row) return fail(vault_error(row.error()));
      if (row->status == storage::ReportStatus::purged) {
        staged.sealed = true;
        staged.purged = true;
        return {};
      }
    }
    for (const auto& a : amendments) {
      const auto* json = a.is_object() && json_strict::has_exactly(a, {"json", "signature"})
                             ? json_strict::get_string(a, "json")
                             : nullptr;
      const auto* sig = json != nullptr ? json_strict::get_string(a, "signature") : nullptr;
      if (json == nullptr || sig == nullptr) return fail(Error::report_invalid);
      auto amendment = parse_amendment(*json, *sig);
      if (!amendment) return fail(amendment.error());
      if (amendment->report_id != id) return fail(Error::report_invalid);
      if (std::find(known_amendments.begin(), known_amendments.end(), amendment->id) !=
          known_amendments.end()) {
        continue;
      }
      if (staged.held) {
        auto num = held_num(id);
        if (!num) return fail(num.error());
        report_num = *num;
      }
      if (auto r = storage::insert_received_amendment(db_, report_num, *amendment); !r) {
        return fail(staging_error(r.error()));
      }
      staged.custody_extended = true;
    }
    std::vector<storage::CustodyEntry> received;
    for (const auto& c : custody) {
      const auto* bytes = c.is_object() && json_strict::has_exactly(c, {"entry", "signature"})
                              ? json_strict::get_string(c, "entry")
                              : nullptr;
      const auto* sig = bytes != nullptr ? json_strict::get_string(c, "signature") : nullptr;
      if (bytes == nullptr || sig == nullptr) return fail(Error::report_invalid);
      auto e = parse_custody_entry(*bytes, *sig);
      if (!e) return fail(e.error());
      if (e->report_id != id) return fail(Error::report_invalid);
      if (e->seq <= known_custody) continue;
      received.push_back(std::move(*e));
    }
    // A new report's signature goes into the same UPDATE of its row.
    const crypto::Ed25519Signature* new_signature = staged.held ? nullptr : &signature;
    if (!received.empty()) {
      if (auto r = storage::insert_received_custody(db_, received, new_signature); !r) {
        return fail(staging_error(r.error()));
      }
      staged.custody_extended = true;
    } else if (new_signature != nullptr) {
      if (auto r = storage::set_received_signature(db_, staged.num, signature); !r) {
        return fail(staging_error(r.error()));
      }
    }
    staged.sealed = true;
    return {};
  }

  // HQ's own custody entries, chained after the sender's: those detached
  // from held reports go back with their time and details, then "received"
  // for this bundle. Purged stubs keep their log as it is.
  Result<void> record_received() {
    const std::map<std::string, std::string> details{
        {"bundle", to_hex(bundle_id_)}, {"from", sender_name_}, {"sender", to_hex(sender_.bytes())}};
    for (auto& [id, staged] : staged_) {
      if (staged.purged) continue;
      for (const auto& e : staged.own_entries) {
        auto again = storage::append_custody_in_transaction(db_, key_, id, e.event, e.details, e.at);
        if (!again) return fail(staging_error(again.error()));
      }
      auto entry = storage::append_custody_in_transaction(db_, key_, id,
                                                          storage::CustodyEvent::received, details, now_);
      if (!entry) return fail(staging_error(entry.error()));
    }
    return {};
  }

  Result<std::int64_t> held_num(const std::string& id) {
    auto s = db_.prepare("SELECT num FROM reports WHERE id = ?1");
    if (!s) return fail(vault_error(s.error()));
    s->bind(1, id);
    auto r = s->step();
    if (!r) return fail(vault_error(r.error()));
    if (!*r) return fail(Error::report_invalid);
    return s->column_int64(0);
  }

  // After the bundle verified: every report sealed, every attachment it
  // lists present, and the stored copies verify as the vault itself checks
  // them (report and amendment signatures by the sender, custody chain).
  Result<void> check_staged() {
    for (const auto& [id, staged] : staged_) {
      if (!staged.sealed) return fail(Error::report_invalid);
      for (const auto& a : staged.attachments) {
        if (attachments_received_.count(a.sha256) == 0) return fail(Error::report_invalid);
      }
      if (!staged.held) {
        if (auto r = storage::verify_report(db_, id, &sender_); !r) {
          return fail(staging_error(r.error()));
        }
      }
      const auto own = key_.public_key();
      if (auto r = storage::verify_custody(db_, id, &sender_, &own); !r) {
        return fail(staging_error(r.error()));
      }
      if (staged.held && staged.custody_extended && !staged.purged) {
        if (auto r = storage::verify_report(db_, id, &sender_); !r) {
          return fail(staging_error(r.error()));
        }
      }
    }
    return {};
  }

  storage::Database& db_;
  const crypto::Ed25519KeyPair& key_;
  const std::vector<crypto::age::Identity>& identities_;
  std::string now_;
  crypto::Ed25519PublicKey sender_;
  std::string sender_name_;
  storage::BundleIdBytes bundle_id_{};
  std::map<std::string, StagedReport> staged_;
  std::map<Sha256Digest, std::vector<AttachmentTarget>> targets_;
  std::set<Sha256Digest> attachments_received_;
};

std::string iso_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string iso_time(std::uint64_t seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

void import_with(storage::Vault& vault, const std::vector<crypto::age::Identity>& identities,
                 const std::string& now, crypto::ByteSource& source,
                 const std::optional<BundleId>& expected_id, bool allow_quarantine,
                 BundleOutcome& outcome) {
  Importer importer(vault, identities, now);
  importer.run(source, expected_id, allow_quarantine, outcome);
}

struct Input {
  std::filesystem::path path;
  std::optional<PartHeader> part;
  std::optional<Error> error;
};

}  // namespace

std::string BundleOutcome::describe() const {
  switch (status) {
    case ImportStatus::imported: {
      std::string text = "imported " + std::to_string(reports) +
                         (reports == 1 ? " report" : " reports");
      if (reports_already_held > 0) {
        text += " (" + std::to_string(reports_already_held) + " already held)";
      }
      return text;
    }
    case ImportStatus::duplicate:
      return quarantine_id ? "duplicate (already in quarantine)" : "duplicate (already imported)";
    case ImportStatus::quarantined: return "quarantined: the sender is not a contact";
    case ImportStatus::parts_missing:
    case ImportStatus::rejected:
      if (part_problem) return "rejected: " + transport::describe(*part_problem);
      return "rejected: " + std::string(message(error.value_or(Error::internal)));
  }
  return "rejected";
}

Result<std::vector<SequenceGap>> sequence_gaps(storage::Vault& vault) {
  if (!vault.is_open()) return fail(Error::invalid_argument);
  if (vault.role() != storage::Role::hq) return fail(Error::wrong_role);
  storage::Database& db = vault.database();
  auto senders = storage::received_senders(db);
  if (!senders) return fail(vault_error(senders.error()));
  std::vector<SequenceGap> gaps;
  for (const auto& key_bytes : *senders) {
    auto key = crypto::Ed25519PublicKey::from_bytes(key_bytes);
    if (!key) return fail(vault_error(storage::Error::database_damaged));
    auto sequences = storage::received_sequences(db, key_bytes);
    if (!sequences) return fail(vault_error(sequences.error()));
    auto contact = storage::find_contact_by_signing_key(db, *key);
    if (!contact) return fail(vault_error(contact.error()));
    const std::string name = *contact ? (*contact)->card.name : std::string();
    std::uint64_t expected = 1;
    for (const std::uint64_t s : *sequences) {
      if (s > expected) gaps.push_back(SequenceGap{*key, name, expected, s - 1});
      expected = s + 1;
    }
  }
  return gaps;
}

Result<ImportResult> import_files(storage::Vault& vault,
                                  std::span<const std::filesystem::path> paths,
                                  const ImportOptions& options) {
  if (!vault.is_open()) return fail(Error::invalid_argument);
  if (vault.role() != storage::Role::hq) return fail(Error::wrong_role);
  if (paths.empty()) return fail(Error::invalid_argument);

  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    const auto status = std::filesystem::symlink_status(path, ec);
    if (ec) return fail(Error::io_read);
    if (std::filesystem::is_directory(status)) {
      std::vector<std::filesystem::path> inside;
      for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_regular_file(ec) && !entry.is_symlink(ec)) inside.push_back(entry.path());
      }
      if (ec) return fail(Error::io_read);
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else {
      files.push_back(path);
    }
  }

  const auto identities = vault_identities(vault);
  if (identities.empty()) return fail(Error::internal);
  Watch watch(options.progress, options.cancel);
  std::uint64_t total = 0;

  // Decrypt the start of every file: a whole bundle, or a part (by number).
  std::vector<Input> inputs;
  for (const auto& path : files) {
    Input input{path, std::nullopt, std::nullopt};
    auto file = OpenedFile::open(path);
    if (!file) {
      input.error = file.error();
    } else {
      total += file->size();
      auto header = read_part_header(*file, identities);
      if (!header) {
        input.error = header.error();
      } else {
        input.part = *header;
      }
    }
    inputs.push_back(std::move(input));
  }
  watch.set_total(total);

  const std::string now = options.now != 0 ? iso_time(options.now) : iso_now();
  ImportResult result;
  std::set<BundleId> parts_done;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Input& input = inputs[i];
    BundleOutcome outcome;
    if (watch.cancelled()) {
      outcome.files = {input.path};
      outcome.error = Error::cancelled;
      result.bundles.push_back(std::move(outcome));
      continue;
    }
    if (input.error) {
      outcome.files = {input.path};
      outcome.error = input.error;
      result.bundles.push_back(std::move(outcome));
      continue;
    }
    if (!input.part) {
      outcome.files = {input.path};
      auto file = OpenedFile::open(input.path);
      if (!file) {
        outcome.error = file.error();
      } else {
        WatchedSource watched(*file, watch);
        import_with(vault, identities, now, watched, std::nullopt, true, outcome);
        if (watch.was_cancelled()) outcome.error = Error::cancelled;
      }
      result.bundles.push_back(std::move(outcome));
      continue;
    }
    const BundleId id = input.part->bundle_id;
    if (!parts_done.insert(id).second) continue;
    std::vector<PartHeader> headers;
    std::vector<std::filesystem::path> part_paths;
    for (const auto& other : inputs) {
      if (other.part && other.part->bundle_id == id) {
        headers.push_back(*other.part);
        part_paths.push_back(other.path);
      }
    }
    outcome.files = part_paths;
    outcome.bundle_id = id;
    PartProblem problem;
    auto order = plan_join(headers, &problem);
    if (!order) {
      outcome.status = problem.error == Error::part_missing ? ImportStatus::parts_missing
                                                            : ImportStatus::rejected;
      outcome.error = problem.error;
      outcome.part_problem = problem;
      result.bundles.push_back(std::move(outcome));
      continue;
    }
    JoinedSource joined(
        headers, *order,
        [&part_paths](std::size_t index) -> Result<std::unique_ptr<crypto::ByteSource>> {
          auto file = OpenedFile::open(part_paths[index]);
          if (!file) return fail(file.error());
          return std::unique_ptr<crypto::ByteSource>(
              std::make_unique<OpenedFile>(std::move(*file)));
        },
        identities);
    WatchedSource watched(joined, watch);
    import_with(vault, identities, now, watched, id, true, outcome);
    if (outcome.status == ImportStatus::rejected) {
      if (const auto p = joined.problem()) {
        outcome.part_problem = *p;
        outcome.error = p->error;
      }
      if (watch.was_cancelled()) outcome.error = Error::cancelled;
    }
    result.bundles.push_back(std::move(outcome));
  }
  auto gaps = sequence_gaps(vault);
  if (!gaps) return fail(gaps.error());
  result.gaps = std::move(*gaps);
  return result;
}

// ------------------------------------------------------------ quarantine

Result<std::vector<QuarantineItem>> quarantine_list(storage::Vault& vault) {
  if (!vault.is_open()) return fail(Error::invalid_argument);
  if (vault.role() != storage::Role::hq) return fail(Error::wrong_role);
  auto rows = storage::list_quarantine(vault.database());
  if (!rows) return fail(vault_error(rows.error()));
  std::vector<QuarantineItem> out;
  for (const auto& row : *rows) {
    auto sender = crypto::Ed25519PublicKey::from_bytes(row.sender);
    if (!sender) return fail(vault_error(storage::Error::database_damaged));
    QuarantineItem item;
    item.id = row.num;
    std::copy(row.bundle_id.begin(), row.bundle_id.end(), item.bundle_id.begin());
    item.sender = *sender;
    item.sequence = row.sequence;
    item.created = row.created;
    item.received_at = row.received_at;
    item.report_count = row.report_count;
    item.bytes = row.bytes;
    out.push_back(std::move(item));
  }
  return out;
}

Result<BundleOutcome> quarantine_accept(storage::Vault& vault, std::int64_t id) {
  if (!vault.is_open()) return fail(Error::invalid_argument);
  if (vault.role() != storage::Role::hq) return fail(Error::wrong_role);
  storage::Database& db = vault.database();
  auto row = storage::find_quarantine(db, id);
  if (!row) return fail(vault_error(row.error()));
  if (!*row) return fail(Error::quarantine_not_found);
  auto sender = crypto::Ed25519PublicKey::from_bytes((*row)->sender);
  if (!sender) return fail(vault_error(storage::Error::database_damaged));
  auto contact = storage::find_contact_by_signing_key(db, *sender);
  if (!contact) return fail(vault_error(contact.error()));
  if (!*contact || (*contact)->card.role != crypto::CardRole::field) {
    return fail(Error::sender_unknown);
  }
  const auto identities = vault_identities(vault);
  BundleId bundle_id{};
  std::copy((*row)->bundle_id.begin(), (*row)->bundle_id.end(), bundle_id.begin());
  ChunkSource source([&db, id](std::int64_t seq) { return storage::quarantine_chunk(db, id, seq); });
  BundleOutcome outcome;
  import_with(vault, identities, iso_now(), source, bundle_id, false, outcome);
  if (outcome.status == ImportStatus::duplicate) {
    FIELDSEAL_TRY(quarantine_drop(vault, id));
  }
  return outcome;
}

Result<void> quarantine_drop(storage::Vault& vault, std::int64_t id) {
  if (!vault.is_open()) return fail(Error::invalid_argument);
  if (vault.role() != storage::Role::hq) return fail(Error::wrong_role);
  storage::Database& db = vault.database();
  auto tx = db.begin();
  if (!tx) return fail(vault_error(tx.error()));
  if (auto r = storage::delete_quarantine(db, id); !r) {
    if (r.error() == storage::Error::not_found) return fail(Error::quarantine_not_found);
    return fail(vault_error(r.error()));
  }
  if (auto r = tx->commit(); !r) return fail(vault_error(r.error()));
  return {};
}

}  // namespace fieldseal::transport
