// HQ import records custody "received" (exchange.hpp, custody.hpp): signed
// by HQ's key, chained after the sender's entries, verified with both keys;
// forged entries refused; kept in order when a later bundle extends the
// sender's log; the same on quarantine accept.
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/custody.hpp"
#include "fieldseal/transport/digest.hpp"
#include "import_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::transport;
using fieldseal::transport::test::ImportWorld;

namespace {

constexpr std::uint64_t kFirstImport = 1795000000;   // 2026-11-18T11:06:40Z
constexpr std::uint64_t kSecondImport = 1795100000;  // 2026-11-19T14:53:20Z

std::vector<storage::CustodyEntry> custody_of(storage::Vault& v, const std::string& id) {
  auto log = storage::list_custody(v.database(), id);
  REQUIRE(log.ok());
  return std::move(*log);
}

void check_received(const storage::CustodyEntry& e, const ImportWorld& w, const BundleId& bundle,
                    const std::string& at) {
  CHECK(e.event == storage::CustodyEvent::received);
  CHECK(e.signer == w.hq.signing_key().public_key().bytes());
  CHECK(e.at == at);
  CHECK(e.details.at("bundle") == to_hex(bundle));
  CHECK(e.details.at("from") == "Researcher");
  CHECK(e.details.at("sender") == to_hex(w.field.signing_key().public_key().bytes()));
  CHECK(e.details.size() == 3);
}

}  // namespace

TEST_CASE("import received: HQ's entry follows the sender's chain and verifies with both keys",
          "[import]") {
  ImportWorld w;
  const auto id = ImportWorld::final_report(w.field, "with video", test::pseudo_random(70 * 1024, 3));
  const auto bundle = w.export_to(w.field, "b1");
  const auto r = w.import_paths({bundle.files[0]}, kFirstImport);
  REQUIRE(r.bundles.size() == 1);
  INFO(r.bundles[0].describe());
  REQUIRE(r.bundles[0].status == ImportStatus::imported);

  const auto theirs = custody_of(w.field, id);  // created, attachment_added, finalized, exported
  const auto ours = custody_of(w.hq, id);
  REQUIRE(theirs.size() == 4);
  REQUIRE(ours.size() == 4);  // the sender's first three, then received
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(ours[i].hash == theirs[i].hash);
    CHECK(ours[i].signature == theirs[i].signature);
  }
  check_received(ours[3], w, bundle.bundle_id, "2026-11-18T11:06:40Z");
  CHECK(ours[3].prev == ours[2].hash);
  CHECK(ours[3].seq == 4);

  const auto sender = w.field.signing_key().public_key();
  const auto own = w.hq.signing_key().public_key();
  storage::Database& db = w.hq.database();
  CHECK(storage::verify_custody(db, id, &sender, &own).ok());
  CHECK(storage::check_custody(db, id)->intact());  // as `fieldseal custody ID` checks
  CHECK(storage::verify_custody(db, id, &sender).error() == storage::Error::custody_chain_broken);

  SECTION("HQ's entry altered in the vault") {
    REQUIRE(db.exec("UPDATE custody SET at = '2026-01-01T00:00:00Z' WHERE seq = 4").ok());
    CHECK(storage::check_custody(db, id, &sender, &own)->broken_at == 4);
  }
  SECTION("HQ's entry re-signed by another key") {
    const auto mallory = crypto::Ed25519KeyPair::generate();
    auto tx = db.begin();
    REQUIRE(tx.ok());
    auto tail = storage::detach_custody_tail(db, id, own);
    REQUIRE(tail.ok());
    REQUIRE(tail->size() == 1);
    REQUIRE(storage::append_custody_in_transaction(db, mallory, id, (*tail)[0].event, (*tail)[0].details,
                                                   (*tail)[0].at)
                .ok());
    REQUIRE(tx->commit().ok());
    CHECK(storage::check_custody(db, id, &sender, &own)->broken_at == 4);
  }
}

TEST_CASE("import received: a bundle whose sender signed a 'received' entry is rejected", "[import]") {
  ImportWorld w;
  const auto id = ImportWorld::final_report(w.field, "forged");
  // The field vault claims, with its own key, that HQ already received it.
  REQUIRE(storage::append_custody(w.field.database(), w.field.signing_key(), id,
                                  storage::CustodyEvent::received,
                                  {{"bundle", std::string(32, '0')}, {"from", "HQ"}})
              .ok());
  const auto bundle = w.export_to(w.field, "b1");
  const auto before = w.dump_hq();
  const auto r = w.import_paths({bundle.files[0]});
  REQUIRE(r.bundles.size() == 1);
  CHECK(r.bundles[0].status == ImportStatus::rejected);
  CHECK(r.bundles[0].error == Error::report_invalid);
  CHECK(w.dump_hq() == before);
}

TEST_CASE("import received: a later bundle extends the sender's part; HQ's entries stay after it",
          "[import]") {
  ImportWorld w;
  const auto id = ImportWorld::final_report(w.field, "amended later");
  const auto b1 = w.export_to(w.field, "b1");
  REQUIRE(w.import_paths({b1.files[0]}, kFirstImport).bundles[0].status == ImportStatus::imported);
  REQUIRE(storage::add_amendment(w.field.database(), w.field.signing_key(), id, "Also: 3 detained").ok());
  const auto b2 = w.export_to(w.field, "b2", {id});
  const auto r = w.import_paths({b2.files[0]}, kSecondImport);
  INFO(r.bundles[0].describe());
  REQUIRE(r.bundles[0].status == ImportStatus::imported);
  CHECK(r.bundles[0].reports_already_held == 1);

  // Field: created, finalized, exported (b1), amended, exported (b2).
  const auto theirs = custody_of(w.field, id);
  REQUIRE(theirs.size() == 5);
  const auto ours = custody_of(w.hq, id);
  REQUIRE(ours.size() == 6);
  for (std::size_t i = 0; i < 4; ++i) CHECK(ours[i].hash == theirs[i].hash);
  check_received(ours[4], w, b1.bundle_id, "2026-11-18T11:06:40Z");
  check_received(ours[5], w, b2.bundle_id, "2026-11-19T14:53:20Z");
  const auto sender = w.field.signing_key().public_key();
  const auto own = w.hq.signing_key().public_key();
  CHECK(storage::verify_custody(w.hq.database(), id, &sender, &own).ok());

  // A third bundle without new sender entries for the report (it is resent
  // while undelivered) adds only HQ's entry; the earlier ones are unchanged.
  const auto b3 = w.export_to(w.field, "b3", {id});
  REQUIRE(w.import_paths({b3.files[0]}, kSecondImport + 60).bundles[0].status == ImportStatus::imported);
  const auto after = custody_of(w.hq, id);
  REQUIRE(after.size() == 8);  // + exported (b2) of the sender, then HQ's three
  CHECK(after[4].hash == theirs[4].hash);
  check_received(after[5], w, b1.bundle_id, "2026-11-18T11:06:40Z");
  check_received(after[6], w, b2.bundle_id, "2026-11-19T14:53:20Z");
  check_received(after[7], w, b3.bundle_id, "2026-11-19T14:54:20Z");
  CHECK(storage::verify_custody(w.hq.database(), id, &sender, &own).ok());
}

TEST_CASE("import received: quarantine accept records the same event", "[import]") {
  ImportWorld w;
  storage::Vault stranger =
      ImportWorld::make(w.out("stranger"), storage::Role::field, "Stranger");
  ImportWorld::enroll(stranger, w.hq);
  const auto id = ImportWorld::final_report(stranger, "from a stranger");
  const auto bundle = w.export_to(stranger, "q");
  const auto r = w.import_paths({bundle.files[0]});
  REQUIRE(r.bundles[0].status == ImportStatus::quarantined);
  REQUIRE(r.bundles[0].quarantine_id.has_value());
  CHECK(!storage::get_report(w.hq.database(), id).ok());

  ImportWorld::enroll(w.hq, stranger);
  auto accepted = quarantine_accept(w.hq, *r.bundles[0].quarantine_id);
  REQUIRE(accepted.ok());
  INFO(accepted->describe());
  REQUIRE(accepted->status == ImportStatus::imported);
  const auto log = custody_of(w.hq, id);
  REQUIRE(log.size() == 3);  // created, finalized, received
  const auto& e = log.back();
  CHECK(e.event == storage::CustodyEvent::received);
  CHECK(e.signer == w.hq.signing_key().public_key().bytes());
  CHECK(e.details.at("bundle") == to_hex(bundle.bundle_id));
  CHECK(e.details.at("sender") == to_hex(stranger.signing_key().public_key().bytes()));
  const auto sender = stranger.signing_key().public_key();
  const auto own = w.hq.signing_key().public_key();
  CHECK(storage::verify_custody(w.hq.database(), id, &sender, &own).ok());
}
