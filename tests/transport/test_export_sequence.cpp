// Export (exchange.hpp): the sequence number is reserved durably before any
// file is written, so an export that fails or is killed after that point
// burns its number. HQ then imports the files a killed export left complete,
// or lists the number as a gap, and never mistakes the next bundle for a
// replay. Also: documents built one at a time still make a bundle HQ
// verifies, and an export that stops before the reservation changes nothing.
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/bundle.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "helpers.hpp"

namespace fs = std::filesystem;
using namespace fieldseal;
using namespace fieldseal::transport;

namespace {

// Two enrolled vaults (field "Researcher", HQ "HQ") in a scratch directory.
class Pair {
 public:
  Pair() {
    REQUIRE(storage::add_contact(field.database(), hq.card_text().value()).ok());
    REQUIRE(storage::add_contact(hq.database(), field.card_text().value()).ok());
  }
  ~Pair() {
    field.lock();
    hq.lock();
  }
  Pair(const Pair&) = delete;
  Pair& operator=(const Pair&) = delete;

  // A new empty directory under the scratch root.
  fs::path dir(const std::string& name) const {
    fs::create_directories(root_.path() / name);
    return root_.path() / name;
  }

  std::string report(const std::string& title, const test::Bytes& attachment) {
    storage::ReportDraft d;
    d.title = title;
    d.narrative = "Задержан у отдела полиции; detained at the station.";
    d.start = storage::PartialDate{storage::DatePrecision::day, "2026-11-20"};
    auto id = storage::create_report(field.database(), field.signing_key(), d);
    REQUIRE(id.ok());
    crypto::MemorySource source(attachment);
    REQUIRE(storage::add_attachment(field.database(), field.signing_key(), *id, source, "a.bin",
                                    "application/octet-stream")
                .ok());
    REQUIRE(storage::finalize_report(field.database(), field.signing_key(), *id).ok());
    return *id;
  }

  transport::Result<ExportResult> send(const fs::path& out, const ExportOptions& base = {}) {
    ExportOptions options = base;
    options.output_dir = out;
    const std::vector<std::string> to = {"HQ"};
    return export_bundle(field, to, {}, options);
  }

  BundleOutcome receive(const std::vector<fs::path>& files) {
    auto result = import_files(hq, files);
    REQUIRE(result.ok());
    REQUIRE(result->bundles.size() == 1);
    return result->bundles.front();
  }

  storage::Vault open_new(storage::Role role, std::string_view name) {
    auto pass = crypto::SecretBuffer::from_text("export sequence test passphrase");
    auto v = storage::Vault::create(root_.path() / std::string(name), role, name, pass,
                                    crypto::Argon2idParams::floor());
    REQUIRE(v.ok());
    return std::move(*v);
  }

 private:
  test::TempDir root_;

 public:
  storage::Vault field = open_new(storage::Role::field, "Researcher");
  storage::Vault hq = open_new(storage::Role::hq, "HQ");
};

std::vector<fs::path> files_of(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  return out;
}

std::int64_t scalar(storage::Database& db, const std::string& sql) {
  auto s = db.prepare(sql);
  REQUIRE(s.ok());
  REQUIRE(s->step().value());
  return s->column_int64(0);
}

std::size_t custody_length(storage::Vault& v, const std::string& id) {
  auto entries = storage::list_custody(v.database(), id);
  REQUIRE(entries.ok());
  return entries->size();
}

}  // namespace

TEST_CASE("export: a failure after the reservation burns the number; HQ reports the gap",
          "[exchange][export]") {
  Pair p;
  const std::string a = p.report("first", test::pseudo_random(200 * 1024, 3));
  const std::size_t custody_before = custody_length(p.field, a);

  // Cancelled once the first bytes are on their way: after the reservation.
  std::atomic<bool> cancel{false};
  ExportOptions stopping;
  stopping.cancel = &cancel;
  stopping.progress = [&](std::uint64_t done, std::uint64_t) {
    if (done > 0) cancel = true;
  };
  const fs::path out1 = p.dir("out1");
  auto failed = p.send(out1, stopping);
  REQUIRE(!failed.ok());
  CHECK(failed.error() == Error::cancelled);
  CHECK(files_of(out1).empty());
  // The number is taken (a reservation, never completed); nothing else changed.
  CHECK(storage::next_export_sequence(p.field.database()).value() == 2);
  CHECK(scalar(p.field.database(), "SELECT COUNT(*) FROM export_log WHERE file_count = 0") == 1);
  CHECK(scalar(p.field.database(), "SELECT COUNT(*) FROM export_reports") == 0);
  CHECK(custody_length(p.field, a) == custody_before);
  CHECK(storage::get_report(p.field.database(), a)->delivery == storage::DeliveryState::none);

  const fs::path out2 = p.dir("out2");
  auto next = p.send(out2);
  REQUIRE(next.ok());
  CHECK(next->sequence == 2);
  CHECK(scalar(p.field.database(), "SELECT COUNT(*) FROM export_log WHERE file_count = 0") == 1);
  CHECK(scalar(p.field.database(), "SELECT file_count FROM export_log WHERE sequence = 2") == 1);
  const auto outcome = p.receive(next->files);
  INFO(outcome.describe());
  CHECK(outcome.status == ImportStatus::imported);
  CHECK(outcome.sequence == 2);
  auto gaps = sequence_gaps(p.hq);
  REQUIRE(gaps.ok());
  REQUIRE(gaps->size() == 1);
  CHECK(gaps->front().first == 1);
  CHECK(gaps->front().last == 1);
  CHECK(gaps->front().sender_name == "Researcher");
}

TEST_CASE("export: files left by a killed export are imported, then the next bundle, no replay",
          "[exchange][export]") {
  Pair p;
  const test::Bytes photo = test::pseudo_random(150 * 1024, 5);
  const std::string a = p.report("killed export", photo);
  const std::size_t custody_before = custody_length(p.field, a);

  // The "crash": the files are durable and read back, the export is not yet
  // recorded. What the crash would leave on disk is copied aside first.
  const fs::path out1 = p.dir("out1");
  const fs::path left_behind = p.dir("left");
  ExportOptions crashing;
  crashing.before_record = [&] {
    for (const auto& f : files_of(out1)) fs::copy_file(f, left_behind / f.filename());
    return false;
  };
  auto killed = p.send(out1, crashing);
  REQUIRE(!killed.ok());
  CHECK(killed.error() == Error::cancelled);
  REQUIRE(files_of(left_behind).size() == 1);
  CHECK(custody_length(p.field, a) == custody_before);
  CHECK(storage::get_report(p.field.database(), a)->delivery == storage::DeliveryState::none);

  // Report a was never recorded as exported, so the next export carries it
  // again, with b, under the next number.
  const std::string b = p.report("after the crash", test::bytes_of("note"));
  const fs::path out2 = p.dir("out2");
  auto next = p.send(out2);
  REQUIRE(next.ok());
  CHECK(next->sequence == 2);
  CHECK(next->report_ids.size() == 2);

  const auto orphan = p.receive(files_of(left_behind));
  INFO(orphan.describe());
  REQUIRE(orphan.status == ImportStatus::imported);
  CHECK(orphan.sequence == 1);
  CHECK(orphan.reports == 1);
  const auto second = p.receive(next->files);
  INFO(second.describe());
  REQUIRE(second.status == ImportStatus::imported);
  CHECK(second.sequence == 2);
  CHECK(second.reports == 1);
  CHECK(second.reports_already_held == 1);
  CHECK(sequence_gaps(p.hq).value().empty());

  crypto::MemorySink sink;
  const auto sha = storage::get_report(p.hq.database(), a)->attachments.at(0).sha256;
  REQUIRE(storage::read_attachment(p.hq.database(), a, sha, sink).ok());
  CHECK(sink.bytes() == photo);
}

TEST_CASE("export: stopping before the reservation changes nothing", "[exchange][export]") {
  Pair p;
  (void)p.report("never sent", test::bytes_of("x"));
  std::atomic<bool> cancel{true};
  ExportOptions cancelled;
  cancelled.cancel = &cancel;
  const fs::path out = p.dir("out");
  auto r = p.send(out, cancelled);
  REQUIRE(!r.ok());
  CHECK(r.error() == Error::cancelled);
  CHECK(scalar(p.field.database(), "SELECT COUNT(*) FROM export_log") == 0);
  CHECK(storage::next_export_sequence(p.field.database()).value() == 1);
  CHECK(files_of(out).empty());
}

TEST_CASE("export: a reservation is completed once, by its own bundle and number",
          "[exchange][export]") {
  Pair p;
  const std::string a = p.report("recorded", test::bytes_of("y"));
  storage::Database& db = p.field.database();
  const storage::BundleIdBytes first{1};
  const storage::BundleIdBytes second{2};
  REQUIRE(storage::reserve_export_sequence(db, first, 1'790'000'000).value() == 1);
  REQUIRE(storage::reserve_export_sequence(db, second, 1'790'000'000).value() == 2);
  CHECK(storage::reserve_export_sequence(db, first, 1'790'000'000).error() ==
        storage::Error::constraint_failed);

  storage::ExportRecord record;
  record.bundle_id = first;
  record.sequence = 2;  // not the number reserved for this bundle
  record.created = 1'790'000'000;
  record.bundle_bytes = 1000;
  record.file_count = 1;
  record.recipients = {{"HQ", p.hq.signing_key().public_key().bytes()}};
  record.reports = {{a, storage::get_report(db, a)->content_sha256.value()}};
  CHECK(storage::record_bundle_export(db, p.field.signing_key(), record).error() ==
        storage::Error::constraint_failed);
  record.sequence = 1;
  REQUIRE(storage::record_bundle_export(db, p.field.signing_key(), record).ok());
  CHECK(scalar(db, "SELECT file_count FROM export_log WHERE sequence = 1") == 1);
  CHECK(scalar(db, "SELECT bundle_bytes FROM export_log WHERE sequence = 1") == 1000);
  // Completing it again is refused; the number 2 stays reserved.
  CHECK(storage::record_bundle_export(db, p.field.signing_key(), record).error() ==
        storage::Error::constraint_failed);
  CHECK(storage::next_export_sequence(db).value() == 3);
  CHECK(storage::get_report(db, a)->delivery == storage::DeliveryState::exported);
}

TEST_CASE("export: many reports, each document built when written, verify at HQ",
          "[exchange][export]") {
  Pair p;
  constexpr int kReports = 40;
  std::vector<std::string> ids;
  for (int i = 0; i < kReports; ++i) {
    ids.push_back(p.report("report " + std::to_string(i),
                           test::pseudo_random(static_cast<std::size_t>(1000 + i * 700),
                                               static_cast<std::uint32_t>(i))));
  }
  // An amendment changes a report's seal (custody/<id>.json) after finalizing.
  REQUIRE(storage::add_amendment(p.field.database(), p.field.signing_key(), ids[7], "Correction").ok());
  std::uint64_t last_done = 0;
  std::uint64_t total = 0;
  ExportOptions watched;
  watched.progress = [&](std::uint64_t done, std::uint64_t all) {
    last_done = done;
    total = all;
  };
  auto exported = p.send(p.dir("out"), watched);
  REQUIRE(exported.ok());
  CHECK(total > 0);
  CHECK(last_done == total);

  const auto outcome = p.receive(exported->files);
  INFO(outcome.describe());
  REQUIRE(outcome.status == ImportStatus::imported);
  CHECK(outcome.reports == static_cast<std::size_t>(kReports));
  CHECK(outcome.attachments == static_cast<std::size_t>(kReports));
  const auto sender = p.field.signing_key().public_key();
  const auto receiver = p.hq.signing_key().public_key();
  for (const auto& id : ids) {
    CHECK(storage::verify_report(p.hq.database(), id, &sender).ok());
    CHECK(storage::verify_custody(p.hq.database(), id, &sender, &receiver).ok());
  }
  CHECK(storage::get_report(p.hq.database(), ids[7])->amendments.size() == 1);
}
