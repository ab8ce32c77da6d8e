// Exchange between vaults (exchange.hpp): export from a field vault, import
// into an HQ vault with quarantine, duplicate and replay checks, receipts and
// purge, and bad input that must leave the HQ vault's content unchanged.

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/search.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/bundle.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "fieldseal/transport/receipt.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;
using namespace fieldseal;
using namespace fieldseal::transport;
using fieldseal::transport::test::Bytes;
using fieldseal::transport::test::TempDir;

namespace {

Bytes read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  REQUIRE(out.good());
}

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}

storage::Vault make_vault(const fs::path& dir, storage::Role role, std::string_view name) {
  auto pass = crypto::SecretBuffer::from_text("correct horse battery staple");
  auto v = storage::Vault::create(dir, role, name, pass, crypto::Argon2idParams::floor());
  REQUIRE(v.ok());
  return std::move(*v);
}

void enroll(storage::Vault& into, const storage::Vault& card_of) {
  auto text = card_of.card_text();
  REQUIRE(text.ok());
  REQUIRE(storage::add_contact(into.database(), *text).ok());
}

// Every row of every table (virtual tables aside: their shadow tables are
// included) as text, sorted. Equal dumps: equal vault content. A Dumper
// keeps its prepared statements (the bad-input loops dump a thousand times).
class Dumper {
 public:
  explicit Dumper(storage::Database& db) {
    std::vector<std::string> tables;
    {
      auto s = db.prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
          "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
      REQUIRE(s.ok());
      while (s->step().value()) tables.push_back(s->column_text(0));
    }
    REQUIRE(tables.size() > 10);
    for (const auto& t : tables) {
      std::string expr = "'" + t + ":'";
      auto s = db.prepare("SELECT name FROM pragma_table_info('" + t + "')");
      REQUIRE(s.ok());
      while (s->step().value()) expr += " || quote(\"" + s->column_text(0) + "\") || ','";
      auto select = db.prepare("SELECT " + expr + " FROM \"" + t + "\" ORDER BY 1");
      REQUIRE(select.ok());
      statements_.push_back(std::move(*select));
    }
  }
  std::vector<std::string> operator()() {
    std::vector<std::string> rows;
    for (auto& s : statements_) {
      s.reset();
      while (s.step().value()) rows.push_back(s.column_text(0));
    }
    return rows;
  }

 private:
  std::vector<storage::Statement> statements_;
};

std::vector<std::string> dump(storage::Database& db) { return Dumper(db)(); }

std::size_t count_rows(storage::Database& db, const std::string& table) {
  auto s = db.prepare("SELECT COUNT(*) FROM " + table);
  REQUIRE(s.ok());
  REQUIRE(s->step().value());
  return static_cast<std::size_t>(s->column_int64(0));
}

storage::ReportDraft draft(const std::string& title) {
  storage::ReportDraft d;
  d.title = title;
  d.narrative = "Задержание у здания суда; detained outside the court.";
  d.start = storage::PartialDate{storage::DatePrecision::day, "2026-11-07"};
  d.location.text = "Тверской суд";
  d.location.region = "Москва";
  storage::Person p;
  p.name = "Witness A";
  p.roles = {storage::PersonRole::witness};
  p.sensitive.legal_name = "Иван Иванов";
  d.persons.push_back(p);
  storage::Act act;
  act.type_code = "03010100000004";
  d.acts.push_back(act);
  d.tags = {"court"};
  return d;
}

// A final report with the given attachments (and an amendment if asked).
std::string final_report(storage::Vault& v, const std::string& title,
                         const std::vector<Bytes>& attachments, bool amend = false) {
  auto id = storage::create_report(v.database(), v.signing_key(), draft(title));
  REQUIRE(id.ok());
  int n = 0;
  for (const auto& a : attachments) {
    crypto::MemorySource src(a);
    REQUIRE(storage::add_attachment(v.database(), v.signing_key(), *id, src,
                                    "file" + std::to_string(n++) + ".jpg", "image/jpeg")
                .ok());
  }
  REQUIRE(storage::finalize_report(v.database(), v.signing_key(), *id).ok());
  if (amend) {
    REQUIRE(storage::add_amendment(v.database(), v.signing_key(), *id, "Correction: 15:00").ok());
  }
  return *id;
}

ExportResult export_to(storage::Vault& field, const fs::path& out, std::vector<std::string> ids = {},
                       ExportOptions options = {}) {
  fs::create_directories(out);
  options.output_dir = out;
  const std::vector<std::string> to = {"HQ"};
  auto r = export_bundle(field, to, ids, options);
  if (!r) FAIL(message(r.error()));
  return std::move(*r);
}

ImportResult import_paths(storage::Vault& hq, std::vector<fs::path> paths) {
  auto r = import_files(hq, paths);
  if (!r) FAIL(message(r.error()));
  return std::move(*r);
}

BundleOutcome import_one(storage::Vault& hq, const fs::path& path) {
  auto r = import_paths(hq, {path});
  REQUIRE(r.bundles.size() == 1);
  return r.bundles.front();
}

std::vector<crypto::age::Identity> hq_identities(const storage::Vault& hq) {
  auto secret = hq.export_secret();
  REQUIRE(secret.ok());
  auto identity = crypto::X25519Identity::parse(secret->read().text());
  REQUIRE(identity.ok());
  std::vector<crypto::age::Identity> out;
  out.emplace_back(std::move(*identity));
  return out;
}

// The plaintext tar of a loaded bundle, rebuilt entry by entry (`edit` may
// change an entry's data), as someone holding HQ's key could.
template <class Edit>
Bytes rebuild_tar(const LoadedBundle& loaded, const std::string& manifest_bytes, Edit edit) {
  test::RawTar tar;
  tar.add("manifest.json", test::bytes_of(manifest_bytes));
  for (const auto& [entry, data] : loaded.entries) {
    Bytes copy = data;
    edit(entry.name, copy);
    tar.add(entry.name, copy);
  }
  tar.add("manifest.sig", Bytes(loaded.bundle.signature.begin(), loaded.bundle.signature.end()));
  tar.finish();
  return tar.bytes;
}

struct World {
  TempDir dir;
  storage::Vault field = make_vault(dir.path() / "field", storage::Role::field, "Researcher");
  storage::Vault hq = make_vault(dir.path() / "hq", storage::Role::hq, "HQ");
  World() {
    enroll(hq, field);
    enroll(field, hq);
  }
  fs::path out(const std::string& name) const { return dir.path() / name; }
};

}  // namespace

TEST_CASE("exchange: field → HQ → receipt → delivered → purge", "[exchange]") {
  World w;
  const Bytes photo = test::pseudo_random(300 * 1024, 1);
  const Bytes note = test::bytes_of("scan of the court ruling");
  const std::string r1 = final_report(w.field, "Detention at the court", {photo, note});
  const std::string r2 = final_report(w.field, "Обыск у журналиста", {note}, true);
  const std::string draft_id =
      storage::create_report(w.field.database(), w.field.signing_key(), draft("draft")).value();

  const auto exported = export_to(w.field, w.out("out"));
  REQUIRE(exported.files.size() == 1);
  CHECK(exported.sequence == 1);
  CHECK(exported.report_ids == std::vector<std::string>{std::min(r1, r2), std::max(r1, r2)});
  CHECK(files_in(w.out("out")) == 1);
  const auto name = exported.files[0].filename().string();
  CHECK(name.find("fieldseal") == std::string::npos);
  CHECK(name.size() == 16 + 4);  // 16 hex + ".age"
  for (const auto& id : {r1, r2}) {
    auto report = storage::get_report(w.field.database(), id);
    REQUIRE(report.ok());
    CHECK(report->delivery == storage::DeliveryState::exported);
    auto custody = storage::list_custody(w.field.database(), id);
    REQUIRE(custody.ok());
    CHECK(custody->back().event == storage::CustodyEvent::exported);
    CHECK(custody->back().details.at("to") == "HQ");
  }
  CHECK(storage::get_report(w.field.database(), draft_id)->delivery == storage::DeliveryState::none);

  const auto before = dump(w.hq.database());
  const auto outcome = import_one(w.hq, exported.files[0]);
  INFO(outcome.describe());
  REQUIRE(outcome.status == ImportStatus::imported);
  CHECK(outcome.reports == 2);
  CHECK(outcome.attachments == 2);
  CHECK(outcome.sender_name == "Researcher");
  CHECK(outcome.sequence == 1);
  REQUIRE(outcome.sender.has_value());
  CHECK(*outcome.sender == w.field.signing_key().public_key());
  CHECK(dump(w.hq.database()) != before);

  // Visible in list, show and search, with sender and verification state.
  storage::ReportFilter filter;
  auto list = storage::list_reports(w.hq.database(), filter);
  REQUIRE(list.ok());
  CHECK(list->size() == 2);
  for (const auto& id : {r1, r2}) {
    auto theirs = storage::get_report(w.hq.database(), id);
    auto ours = storage::get_report(w.field.database(), id);
    REQUIRE(theirs.ok());
    CHECK(theirs->status == storage::ReportStatus::final);
    CHECK(theirs->content == ours->content);
    CHECK(theirs->canonical_json == ours->canonical_json);
    CHECK(theirs->signer == ours->signer);
    CHECK(theirs->amendments.size() == ours->amendments.size());
    const auto sender = w.field.signing_key().public_key();
    const auto own = w.hq.signing_key().public_key();
    CHECK(storage::verify_report(w.hq.database(), id, &sender).ok());
    CHECK(storage::verify_custody(w.hq.database(), id, &sender, &own).ok());
    auto origin = storage::report_origin(w.hq.database(), id);
    REQUIRE(origin.ok());
    REQUIRE(origin->has_value());
    CHECK((*origin)->sender == sender.bytes());
    CHECK(!(*origin)->verified_at.empty());
    for (const auto& a : theirs->attachments) {
      crypto::MemorySink sink;
      REQUIRE(storage::read_attachment(w.hq.database(), id, a.sha256, sink).ok());
      CHECK(sink.bytes() == (a.size == photo.size() ? photo : note));
    }
  }
  auto hits = storage::search_reports(w.hq.database(), "журналиста");
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK(hits->front().id == r2);
  CHECK(storage::report_origin(w.field.database(), r1).value() == std::nullopt);
  CHECK(sequence_gaps(w.hq).value().empty());

  SECTION("the same bundle twice is a duplicate and adds no rows") {
    const auto rows = dump(w.hq.database());
    const auto again = import_one(w.hq, exported.files[0]);
    CHECK(again.status == ImportStatus::duplicate);
    CHECK(dump(w.hq.database()) == rows);
  }

  SECTION("a later amendment reaches HQ with the next export of the report") {
    REQUIRE(storage::add_amendment(w.field.database(), w.field.signing_key(), r1, "Also: 3 detained")
                .ok());
    const auto second = export_to(w.field, w.out("out2"), {r1});
    CHECK(second.sequence == 2);
    const auto again = import_one(w.hq, second.files[0]);
    INFO(again.describe());
    REQUIRE(again.status == ImportStatus::imported);
    CHECK(again.reports == 0);
    CHECK(again.reports_already_held == 1);
    const auto sender = w.field.signing_key().public_key();
    auto theirs = storage::get_report(w.hq.database(), r1);
    REQUIRE(theirs.ok());
    CHECK(theirs->amendments.size() == 1);
    CHECK(storage::verify_report(w.hq.database(), r1, &sender).ok());
    const auto own = w.hq.signing_key().public_key();
    CHECK(storage::verify_custody(w.hq.database(), r1, &sender, &own).ok());
    // The receipt now lists both bundles.
    fs::create_directories(w.out("receipts"));
    auto receipt = make_receipt(w.hq, "Researcher", w.out("receipts"));
    REQUIRE(receipt.ok());
    CHECK(receipt->bundles == 2);
    CHECK(receipt->reports == 3);
  }

  SECTION("receipt marks delivered, purge removes, purge-on-receipt") {
    auto receipt = make_receipt(w.hq, "Researcher", w.out("receipts") / "" , false);
    CHECK(receipt.error() == Error::invalid_argument);  // no such directory yet
    fs::create_directories(w.out("receipts"));
    receipt = make_receipt(w.hq, "Researcher", w.out("receipts"));
    REQUIRE(receipt.ok());
    CHECK(receipt->bundles == 1);
    CHECK(receipt->reports == 2);
    CHECK(make_receipt(w.hq, "nobody", w.out("receipts")).error() == Error::unknown_contact);
    CHECK(make_receipt(w.field, "HQ", w.out("receipts")).error() == Error::wrong_role);

    auto applied = apply_receipt_file(w.field, receipt->file);
    REQUIRE(applied.ok());
    CHECK(applied->hq_name == "HQ");
    CHECK(applied->newly_delivered == 2);
    CHECK(applied->purged == 0);
    for (const auto& id : {r1, r2}) {
      auto report = storage::get_report(w.field.database(), id);
      CHECK(report->delivery == storage::DeliveryState::delivered);
      CHECK(storage::list_custody(w.field.database(), id)->back().event ==
            storage::CustodyEvent::receipt_received);
    }
    // Applying it again changes nothing.
    auto again = apply_receipt_file(w.field, receipt->file);
    REQUIRE(again.ok());
    CHECK(again->newly_delivered == 0);
    CHECK(again->already_delivered == 2);
    // Nothing is left to export by default.
    ExportOptions options;
    options.output_dir = w.out("out");
    const std::vector<std::string> to = {"HQ"};
    CHECK(export_bundle(w.field, to, {}, options).error() == Error::nothing_to_export);

    auto purged = purge_delivered(w.field);
    REQUIRE(purged.ok());
    CHECK(*purged == 2);
    CHECK(storage::get_report(w.field.database(), r1)->status == storage::ReportStatus::purged);
    CHECK(storage::get_report(w.field.database(), draft_id)->status == storage::ReportStatus::draft);
    CHECK(purge_delivered(w.field).value() == 0);
  }

  SECTION("purge-on-receipt purges as the receipt is applied") {
    REQUIRE(w.field.set_config(storage::kConfigPurgeOnReceipt, "on").ok());
    fs::create_directories(w.out("receipts"));
    auto receipt = make_receipt(w.hq, "Researcher", w.out("receipts"), true);
    REQUIRE(receipt.ok());
    auto applied = apply_receipt_file(w.field, receipt->file);
    REQUIRE(applied.ok());
    CHECK(applied->purged == 2);
    CHECK(storage::get_report(w.field.database(), r2)->status == storage::ReportStatus::purged);
  }

  SECTION("a receipt signed by an HQ the field does not know is refused") {
    TempDir other_dir;
    auto rogue = make_vault(other_dir.path() / "v", storage::Role::hq, "Rogue");
    enroll(rogue, w.field);
    // The rogue HQ holds nothing from the researcher: it cannot even make one.
    fs::create_directories(w.out("receipts"));
    CHECK(make_receipt(rogue, "Researcher", w.out("receipts")).error() == Error::nothing_to_receipt);
    // It was not a recipient of the bundle either.
    CHECK(import_one(rogue, exported.files[0]).error == Error::not_encrypted_to_us);
    // A receipt for the real bundle, signed by the rogue HQ's key.
    Receipt forged;
    forged.hq = rogue.signing_key().public_key();
    forged.researcher = w.field.signing_key().public_key();
    forged.created = 1;
    ReceiptBundle b;
    b.id = exported.bundle_id;
    b.reports.push_back(ReceiptReport{r1, Sha256::of(test::bytes_of(
                                               *storage::get_report(w.field.database(), r1)
                                                    ->canonical_json))});
    forged.bundles.push_back(b);
    crypto::MemorySink sink;
    REQUIRE(write_receipt(forged, rogue.signing_key(), w.field.age_identity().recipient(), false,
                          sink)
                .ok());
    const auto field_before = dump(w.field.database());
    crypto::MemorySource src(sink.bytes());
    CHECK(apply_receipt(w.field, src).error() == Error::receipt_unknown_signer);
    CHECK(dump(w.field.database()) == field_before);
  }
}

TEST_CASE("exchange: export errors change nothing", "[exchange]") {
  World w;
  const fs::path out = w.out("out");
  fs::create_directories(out);
  ExportOptions options;
  options.output_dir = out;
  const std::vector<std::string> hq = {"HQ"};
  const std::vector<std::string> nobody = {"Nobody"};
  const auto before = dump(w.field.database());
  CHECK(export_bundle(w.field, hq, {}, options).error() == Error::nothing_to_export);
  const std::string id = final_report(w.field, "one", {});
  const auto with_report = dump(w.field.database());
  CHECK(export_bundle(w.field, nobody, {}, options).error() == Error::unknown_contact);
  CHECK(export_bundle(w.field, {}, {}, options).error() == Error::invalid_argument);
  const std::string draft_id =
      storage::create_report(w.field.database(), w.field.signing_key(), draft("d")).value();
  const std::vector<std::string> drafts = {draft_id};
  CHECK(export_bundle(w.field, hq, drafts, options).error() == Error::report_not_exportable);
  const std::vector<std::string> unknown = {"00000000-0000-4000-8000-000000000000"};
  CHECK(export_bundle(w.field, hq, unknown, options).error() == Error::report_not_exportable);
  CHECK(export_bundle(w.hq, hq, {}, options).error() == Error::wrong_role);
  // A field contact is no recipient.
  TempDir other;
  auto peer = make_vault(other.path() / "v", storage::Role::field, "Peer");
  enroll(w.field, peer);
  const auto with_draft = dump(w.field.database());
  const std::vector<std::string> to_peer = {"Peer"};
  CHECK(export_bundle(w.field, to_peer, {}, options).error() == Error::unknown_contact);
  ExportOptions too_small = options;
  too_small.split_bytes = 100;
  CHECK(export_bundle(w.field, hq, {}, too_small).error() == Error::part_size_too_small);
  std::atomic<bool> cancel{true};
  ExportOptions cancelled = options;
  cancelled.cancel = &cancel;
  CHECK(export_bundle(w.field, hq, {}, cancelled).error() == Error::cancelled);
  CHECK(files_in(out) == 0);
  CHECK(dump(w.field.database()) == with_draft);
  CHECK(storage::next_export_sequence(w.field.database()).value() == 1);
  CHECK(import_files(w.field, std::vector<fs::path>{out}).error() == Error::wrong_role);
  (void)before;
  (void)with_report;
  (void)id;
}

TEST_CASE("exchange: bad input leaves the HQ vault unchanged", "[exchange]") {
  World w;
  final_report(w.field, "first", {test::bytes_of("a")});
  const auto first = export_to(w.field, w.out("a"));
  REQUIRE(import_one(w.hq, first.files[0]).status == ImportStatus::imported);

  // A small bundle for byte flips, a large one (several 64 KiB chunks) for
  // truncation.
  const std::string small_id = final_report(w.field, "small", {test::bytes_of("tiny")});
  const auto small = export_to(w.field, w.out("b"), {small_id});
  const std::string big_id = final_report(w.field, "big", {test::pseudo_random(330 * 1024, 9)});
  const auto big = export_to(w.field, w.out("c"), {big_id});
  const Bytes small_file = read_file(small.files[0]);
  const Bytes big_file = read_file(big.files[0]);

  Dumper dumper(w.hq.database());
  const auto before = dumper();
  REQUIRE(before == dump(w.hq.database()));
  const fs::path bad = w.out("bad.age");
  auto expect_rejected = [&](const Bytes& data) {
    write_file(bad, data);
    const auto outcome = import_one(w.hq, bad);
    INFO(outcome.describe());
    CHECK(outcome.status == ImportStatus::rejected);
    CHECK(outcome.error.has_value());
    CHECK(dumper() == before);
    return outcome.error.value_or(Error::internal);
  };

  SECTION("1,000 random single-byte flips") {
    std::mt19937 rng(20261121);
    std::uniform_int_distribution<std::size_t> pos(0, small_file.size() - 1);
    std::uniform_int_distribution<int> bit(0, 7);
    for (int i = 0; i < 1000; ++i) {
      Bytes flipped = small_file;
      const std::size_t at = pos(rng);
      flipped[at] = static_cast<std::uint8_t>(flipped[at] ^ (1u << bit(rng)));
      INFO("flip at " << at);
      expect_rejected(flipped);
    }
  }

  SECTION("truncation at every 64 KiB boundary ±1 and at 50 random points") {
    auto header = crypto::age::parse_header(big_file);
    REQUIRE(header.ok());
    std::vector<std::size_t> cuts;
    for (std::size_t k = 0; k * 65536 <= big_file.size() + 1; ++k) {
      for (std::size_t base : {k * 65536, header->header_bytes + 16 + k * (65536 + 16)}) {
        for (std::size_t at : {base - 1, base, base + 1}) {
          if (base > 0 && at < big_file.size()) cuts.push_back(at);
        }
      }
    }
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> pos(0, big_file.size() - 1);
    for (int i = 0; i < 50; ++i) cuts.push_back(pos(rng));
    cuts.push_back(0);
    REQUIRE(cuts.size() > 60);
    for (const std::size_t at : cuts) {
      INFO("cut at " << at << " of " << big_file.size());
      expect_rejected(Bytes(big_file.begin(), big_file.begin() + static_cast<std::ptrdiff_t>(at)));
    }
  }

  SECTION("appended garbage") {
    Bytes longer = big_file;
    for (std::uint8_t b : test::bytes_of("garbage")) longer.push_back(b);
    // The last age chunk is then no longer last: it fails authentication.
    const auto e1 = expect_rejected(longer);
    CHECK((e1 == Error::damaged || e1 == Error::trailing_data));
    Bytes one_more = small_file;
    one_more.push_back(0);
    const auto e2 = expect_rejected(one_more);
    CHECK((e2 == Error::damaged || e2 == Error::trailing_data));
  }

  SECTION("not an age file, empty file") {
    CHECK(expect_rejected(test::bytes_of("hello")) == Error::age_invalid);
    expect_rejected(Bytes{});
  }

  // The genuine bundles still import afterwards.
  CHECK(import_one(w.hq, small.files[0]).status == ImportStatus::imported);
  CHECK(import_one(w.hq, big.files[0]).status == ImportStatus::imported);
}

TEST_CASE("exchange: re-encrypted bundles are rejected", "[exchange]") {
  World w;
  const std::string id = final_report(w.field, "Detention of Petrov", {test::bytes_of("x")});
  const auto bundle = export_to(w.field, w.out("a"));
  const Bytes file = read_file(bundle.files[0]);
  const auto ids = hq_identities(w.hq);
  crypto::MemorySource src(file);
  auto loaded = read_bundle(src, ids);
  REQUIRE(loaded.ok());
  const std::string report_name = "reports/" + id + ".json";
  auto change_report = [&](const std::string& name, Bytes& data) {
    if (name != report_name) return;
    const std::string text(data.begin(), data.end());
    data = test::bytes_of(test::replace(text, "Petrov", "Ivanov"));
  };
  const auto before = dump(w.hq.database());
  const fs::path bad = w.out("bad.age");
  auto import_bytes = [&](const Bytes& data) {
    write_file(bad, data);
    return import_one(w.hq, bad);
  };

  SECTION("changed report, manifest kept: hash") {
    const Bytes tar = rebuild_tar(*loaded, loaded->bundle.manifest_bytes, change_report);
    const auto outcome = import_bytes(test::seal_plaintext_tar(tar, {w.hq.age_identity().recipient()}));
    CHECK(outcome.status == ImportStatus::rejected);
    CHECK(outcome.error == Error::entry_hash_mismatch);
    CHECK(dump(w.hq.database()) == before);
  }
  SECTION("changed report, manifest updated: signature") {
    Bytes changed;
    for (const auto& [entry, data] : loaded->entries) {
      if (entry.name == report_name) {
        changed = data;
        change_report(entry.name, changed);
      }
    }
    std::string manifest = loaded->bundle.manifest_bytes;
    for (const auto& [entry, data] : loaded->entries) {
      if (entry.name == report_name) {
        manifest = test::replace(manifest, to_hex(entry.sha256), to_hex(Sha256::of(changed)));
      }
    }
    const Bytes tar = rebuild_tar(*loaded, manifest, change_report);
    const auto outcome = import_bytes(test::seal_plaintext_tar(tar, {w.hq.age_identity().recipient()}));
    CHECK(outcome.status == ImportStatus::rejected);
    CHECK(outcome.error == Error::signature_invalid);
    CHECK(dump(w.hq.database()) == before);
  }
  SECTION("re-encrypted to a different recipient set: binding") {
    const Bytes tar = rebuild_tar(*loaded, loaded->bundle.manifest_bytes, [](auto&, auto&) {});
    const auto other = crypto::X25519Identity::generate();
    const auto outcome = import_bytes(
        test::seal_plaintext_tar(tar, {w.hq.age_identity().recipient(), other.recipient()}));
    CHECK(outcome.status == ImportStatus::rejected);
    CHECK(outcome.error == Error::recipient_binding_failed);
    CHECK(dump(w.hq.database()) == before);
    // The same plaintext to exactly HQ is the genuine bundle again.
    const auto same = import_bytes(test::seal_plaintext_tar(tar, {w.hq.age_identity().recipient()}));
    CHECK(same.status == ImportStatus::imported);
  }
  SECTION("encrypted to someone else entirely") {
    const Bytes tar = rebuild_tar(*loaded, loaded->bundle.manifest_bytes, [](auto&, auto&) {});
    const auto other = crypto::X25519Identity::generate();
    const auto outcome = import_bytes(test::seal_plaintext_tar(tar, {other.recipient()}));
    CHECK(outcome.error == Error::not_encrypted_to_us);
    CHECK(dump(w.hq.database()) == before);
  }
}

TEST_CASE("exchange: replay of an older bundle and sequence gaps", "[exchange]") {
  World w;
  const std::string a = final_report(w.field, "a", {});
  const auto b1 = export_to(w.field, w.out("1"), {a});
  const std::string b = final_report(w.field, "b", {});
  const auto b2 = export_to(w.field, w.out("2"), {b});
  const std::string c = final_report(w.field, "c", {});
  const auto b3 = export_to(w.field, w.out("3"), {c});
  CHECK(b1.sequence == 1);
  CHECK(b2.sequence == 2);
  CHECK(b3.sequence == 3);

  REQUIRE(import_one(w.hq, b1.files[0]).status == ImportStatus::imported);
  auto r3 = import_paths(w.hq, {b3.files[0]});
  REQUIRE(r3.bundles[0].status == ImportStatus::imported);
  REQUIRE(r3.gaps.size() == 1);
  CHECK(r3.gaps[0].first == 2);
  CHECK(r3.gaps[0].last == 2);
  CHECK(r3.gaps[0].sender_name == "Researcher");

  // Bundle 2 arriving after 3: refused as a possible replay, nothing changes.
  const auto before = dump(w.hq.database());
  const auto late = import_one(w.hq, b2.files[0]);
  CHECK(late.status == ImportStatus::rejected);
  CHECK(late.error == Error::sequence_replayed);
  CHECK(dump(w.hq.database()) == before);
  // An old bundle already imported is a duplicate.
  CHECK(import_one(w.hq, b1.files[0]).status == ImportStatus::duplicate);
  CHECK(dump(w.hq.database()) == before);

  // Nothing is lost: report b is undelivered, so the next default export
  // carries it again (with a and c, which HQ already holds).
  const auto b4 = export_to(w.field, w.out("4"));
  CHECK(b4.sequence == 4);
  const auto next = import_one(w.hq, b4.files[0]);
  INFO(next.describe());
  CHECK(next.status == ImportStatus::imported);
  CHECK(next.reports == 1);
  CHECK(next.reports_already_held == 2);
  CHECK(storage::get_report(w.hq.database(), b).ok());
  // HQ's copies of a and c grew by the custody entries of the export.
  const auto sender = w.field.signing_key().public_key();
  const auto own = w.hq.signing_key().public_key();
  for (const auto& id : {a, b, c}) {
    CHECK(storage::verify_custody(w.hq.database(), id, &sender, &own).ok());
    // The sender's entries but its last "exported", then HQ's "received" per bundle.
    CHECK(storage::list_custody(w.hq.database(), id)->size() ==
          storage::list_custody(w.field.database(), id)->size() - 1 + (id == b ? 1 : 2));
  }
}

TEST_CASE("exchange: unknown sender is quarantined; accept after contact add; drop", "[exchange]") {
  World w;
  TempDir other;
  auto stranger = make_vault(other.path() / "s", storage::Role::field, "Stranger");
  enroll(stranger, w.hq);
  final_report(stranger, "from a stranger", {test::pseudo_random(70 * 1024, 3)});
  const auto bundle = export_to(stranger, w.out("s"));

  const auto before = dump(w.hq.database());
  const auto outcome = import_one(w.hq, bundle.files[0]);
  REQUIRE(outcome.status == ImportStatus::quarantined);
  REQUIRE(outcome.quarantine_id.has_value());
  CHECK(count_rows(w.hq.database(), "reports") == 0);
  CHECK(count_rows(w.hq.database(), "received_bundles") == 0);
  auto list = quarantine_list(w.hq);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  CHECK(list->front().sender == stranger.signing_key().public_key());
  CHECK(list->front().report_count == 1);
  CHECK(list->front().bytes == read_file(bundle.files[0]).size());
  // Again: a duplicate of what quarantine holds.
  const auto quarantined = dump(w.hq.database());
  CHECK(quarantined != before);
  CHECK(import_one(w.hq, bundle.files[0]).status == ImportStatus::duplicate);
  CHECK(dump(w.hq.database()) == quarantined);

  CHECK(quarantine_accept(w.hq, *outcome.quarantine_id).error() == Error::sender_unknown);
  CHECK(quarantine_accept(w.hq, 999).error() == Error::quarantine_not_found);
  CHECK(dump(w.hq.database()) == quarantined);

  SECTION("accept after the sender's card is added") {
    enroll(w.hq, stranger);
    auto accepted = quarantine_accept(w.hq, *outcome.quarantine_id);
    REQUIRE(accepted.ok());
    INFO(accepted->describe());
    CHECK(accepted->status == ImportStatus::imported);
    CHECK(accepted->reports == 1);
    CHECK(quarantine_list(w.hq)->empty());
    CHECK(count_rows(w.hq.database(), "quarantine_chunks") == 0);
    CHECK(count_rows(w.hq.database(), "reports") == 1);
    CHECK(import_one(w.hq, bundle.files[0]).status == ImportStatus::duplicate);
  }
  SECTION("imported, leaving quarantine, when it arrives again after the contact is added") {
    enroll(w.hq, stranger);
    const auto again = import_one(w.hq, bundle.files[0]);
    CHECK(again.status == ImportStatus::imported);
    CHECK(quarantine_list(w.hq)->empty());
    CHECK(quarantine_accept(w.hq, *outcome.quarantine_id).error() == Error::quarantine_not_found);
  }
  SECTION("drop") {
    REQUIRE(quarantine_drop(w.hq, *outcome.quarantine_id).ok());
    CHECK(quarantine_list(w.hq)->empty());
    CHECK(dump(w.hq.database()) == before);
    CHECK(quarantine_drop(w.hq, *outcome.quarantine_id).error() == Error::quarantine_not_found);
  }
}

TEST_CASE("exchange: split parts in any order; missing, duplicate and damaged parts named", "[exchange]") {
  World w;
  final_report(w.field, "big", {test::pseudo_random(200 * 1024, 5)});
  ExportOptions options;
  options.split_bytes = 64 * 1024;
  options.armor = true;
  std::uint64_t last_progress = 0;
  options.progress = [&](std::uint64_t done, std::uint64_t) { last_progress = done; };
  const auto bundle = export_to(w.field, w.out("parts"), {}, options);
  REQUIRE(bundle.files.size() >= 4);
  CHECK(files_in(w.out("parts")) == bundle.files.size());  // the whole is gone
  CHECK(last_progress > 200 * 1024);
  for (const auto& f : bundle.files) CHECK(fs::file_size(f) <= 64 * 1024);
  const auto count = bundle.files.size();

  // Renamed and shuffled into another directory.
  const fs::path mixed = w.out("mixed");
  fs::create_directories(mixed);
  for (std::size_t i = 0; i < count; ++i) {
    fs::copy_file(bundle.files[i], mixed / ("x" + std::to_string((i * 7) % count) + "-" + std::to_string(i)));
  }
  const auto before = dump(w.hq.database());

  SECTION("missing") {
    fs::remove(mixed / ("x" + std::to_string((2 * 7) % count) + "-2"));
    const auto r = import_paths(w.hq, {mixed});
    REQUIRE(r.bundles.size() == 1);
    CHECK(r.bundles[0].status == ImportStatus::parts_missing);
    REQUIRE(r.bundles[0].part_problem.has_value());
    CHECK(r.bundles[0].part_problem->number == 3);
    CHECK(r.bundles[0].describe() == "rejected: part 3 of " + std::to_string(count) + " missing");
    CHECK(dump(w.hq.database()) == before);
  }
  SECTION("duplicate") {
    fs::copy_file(bundle.files[1], mixed / "again");
    const auto r = import_paths(w.hq, {mixed});
    REQUIRE(r.bundles.size() == 1);
    CHECK(r.bundles[0].status == ImportStatus::rejected);
    CHECK(r.bundles[0].error == Error::part_duplicate);
    CHECK(r.bundles[0].part_problem->number == 2);
    CHECK(dump(w.hq.database()) == before);
  }
  SECTION("damaged") {
    // A part whose start no longer decrypts cannot be numbered: it is named
    // by its file, and its number is then missing from the rest.
    const fs::path victim = mixed / ("x" + std::to_string((1 * 7) % count) + "-1");
    Bytes data = read_file(victim);
    data[data.size() - 200] = static_cast<std::uint8_t>(data[data.size() - 200] == 'A' ? 'B' : 'A');
    write_file(victim, data);
    const auto r = import_paths(w.hq, {mixed});
    REQUIRE(r.bundles.size() == 2);
    bool named_file = false;
    bool named_part = false;
    for (const auto& b : r.bundles) {
      INFO(b.describe());
      CHECK(b.status != ImportStatus::imported);
      if (b.files.size() == 1 && b.files[0] == victim) {
        named_file = true;
        CHECK(b.error == Error::damaged);
      } else {
        named_part = b.part_problem.has_value() && b.part_problem->number == 2 &&
                     b.status == ImportStatus::parts_missing;
      }
    }
    CHECK(named_file);
    CHECK(named_part);
    CHECK(dump(w.hq.database()) == before);
  }
  SECTION("complete") {
    const auto r = import_paths(w.hq, {mixed});
    REQUIRE(r.bundles.size() == 1);
    INFO(r.bundles[0].describe());
    CHECK(r.bundles[0].status == ImportStatus::imported);
    CHECK(r.bundles[0].files.size() == count);
    CHECK(r.bundles[0].reports == 1);
  }
}

TEST_CASE("exchange: the read-back check refuses a bundle changed on disk", "[exchange]") {
  World w;
  constexpr std::uint64_t kAttachment = 4 << 20;
  const std::string id = final_report(w.field, "checked", {test::pseudo_random(kAttachment, 3)});
  const fs::path out = w.out("out");
  fs::create_directories(out);
  // While the export is still writing, one bit of what is already on disk
  // changes (as a faulty disk or a concurrent writer might): the check covers
  // every byte of the file, so the export fails and records nothing. Once 3
  // MiB have been read, at least one 1 MiB block has passed the pipeline's
  // queues on its own threads, so the file reaches 512 KiB without this one.
  bool flipped = false;
  ExportOptions options;
  options.output_dir = out;
  options.progress = [&](std::uint64_t done, std::uint64_t) {
    if (flipped || done < 3 * (kAttachment / 4)) return;
    for (int tries = 0; tries < 30000 && !flipped; ++tries) {
      for (const auto& entry : fs::directory_iterator(out)) {
        std::error_code ec;
        if (fs::file_size(entry.path(), ec) < (512 << 10) || ec) continue;
        std::fstream f(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(300 << 10);
        const int c = f.get();
        f.seekp(300 << 10);
        f.put(static_cast<char>(c ^ 0x10));
        f.flush();
        flipped = f.good();
      }
      if (!flipped) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  };
  const std::vector<std::string> hq = {"HQ"};
  CHECK(export_bundle(w.field, hq, {}, options).error() == Error::export_verify_failed);
  CHECK(flipped);
  CHECK(files_in(out) == 0);
  CHECK(storage::get_report(w.field.database(), id)->delivery == storage::DeliveryState::none);
  // Unchanged but for the burnt sequence number; the next export takes the one after it.
  options.progress = nullptr;
  const auto again = export_bundle(w.field, hq, {}, options);
  REQUIRE(again.ok());
  CHECK(again->sequence == 2);
}

TEST_CASE("exchange: a damaged attachment chunk fails the export and leaves no file", "[exchange]") {
  World w;
  final_report(w.field, "damaged", {test::pseudo_random(3 * storage::kAttachmentChunkBytes / 2, 4)});
  const fs::path out = w.out("out");
  fs::create_directories(out);
  ExportOptions options;
  options.output_dir = out;
  const std::vector<std::string> hq = {"HQ"};
  SECTION("short chunk") {
    REQUIRE(w.field.database()
                .exec("UPDATE attachment_chunks SET data = substr(data, 1, 100) WHERE seq = 0")
                .ok());
  }
  SECTION("missing chunk") {
    REQUIRE(w.field.database().exec("DELETE FROM attachment_chunks WHERE seq = 1").ok());
  }
  CHECK(export_bundle(w.field, hq, {}, options).error() == Error::vault_failed);
  CHECK(last_storage_error() == storage::Error::attachment_damaged);
  CHECK(files_in(out) == 0);
}
