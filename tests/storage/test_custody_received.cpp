// HQ's "received" custody entries after a sender's log (custody.hpp): the
// two-signer rule of check_custody, appending at a given time inside a
// transaction, and taking HQ's entries off the tail and putting them back.
#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/custody.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::Vault;

namespace {

constexpr std::string_view kReceivedAt = "2026-11-21T10:00:00Z";

// A final report whose log the vault's key (v.key, "the sender") wrote:
// created, finalized, exported.
std::string sender_report(Vault& v) {
  ReportDraft d;
  d.title = "received";
  auto id = create_report(v.db, v.key, d);
  REQUIRE(id.ok());
  REQUIRE(finalize_report(v.db, v.key, *id).ok());
  REQUIRE(record_export(v.db, v.key, *id, "HQ", "bundle-1").ok());
  return *id;
}

std::map<std::string, std::string> received_details(const std::string& bundle) {
  return {{"bundle", bundle}, {"from", "Researcher"}, {"sender", std::string(64, 'a')}};
}

void append(Vault& v, const crypto::Ed25519KeyPair& key, const std::string& id, CustodyEvent event,
            const std::map<std::string, std::string>& details, std::string_view at = kReceivedAt) {
  auto tx = v.db.begin();
  REQUIRE(tx.ok());
  REQUIRE(append_custody_in_transaction(v.db, key, id, event, details, at).ok());
  REQUIRE(tx->commit().ok());
}

std::optional<std::int64_t> broken_at(Vault& v, const std::string& id,
                                      const crypto::Ed25519PublicKey* expected,
                                      const crypto::Ed25519PublicKey* receiver) {
  auto check = check_custody(v.db, id, expected, receiver);
  REQUIRE(check.ok());
  return check->broken_at;
}

}  // namespace

TEST_CASE("custody received: HQ's entry after the sender's verifies with both keys") {
  Vault v;
  const auto hq = crypto::Ed25519KeyPair::generate();
  const auto id = sender_report(v);
  const auto sender = v.key.public_key();
  const auto hq_key = hq.public_key();
  append(v, hq, id, CustodyEvent::received, received_details("b1"));

  auto log = list_custody(v.db, id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 4);
  const auto& entry = log->back();
  CHECK(entry.event == CustodyEvent::received);
  CHECK(entry.seq == 4);
  CHECK(entry.at == kReceivedAt);
  CHECK(entry.prev == (*log)[2].hash);
  CHECK(entry.signer == hq_key.bytes());
  CHECK(entry.details == received_details("b1"));
  CHECK(key(CustodyEvent::received) == "received");
  CHECK(parse_custody_event("received") == CustodyEvent::received);
  CHECK(label(CustodyEvent::received, Language::en) == "Received at HQ");
  CHECK(label(CustodyEvent::received, Language::ru) == "Получен офисом");

  CHECK(verify_custody(v.db, id, &sender, &hq_key).ok());
  CHECK(broken_at(v, id, nullptr, &hq_key) == std::nullopt);
  CHECK(broken_at(v, id, nullptr, nullptr) == std::nullopt);  // each by its stated signer
  // Strict single-signer checks still refuse HQ's entry.
  CHECK(broken_at(v, id, &sender, nullptr) == 4);
  CHECK(broken_at(v, id, &hq_key, nullptr) == 1);
  // Swapped roles: the sender's entries are not HQ's.
  CHECK(broken_at(v, id, &hq_key, &sender) == 1);

  // A second bundle's "received" follows; the chain still verifies.
  append(v, hq, id, CustodyEvent::received, received_details("b2"), "2026-11-22T10:00:00Z");
  CHECK(broken_at(v, id, &sender, &hq_key) == std::nullopt);
}

TEST_CASE("custody received: forged entries are refused") {
  Vault v;
  const auto hq = crypto::Ed25519KeyPair::generate();
  const auto id = sender_report(v);
  const auto sender = v.key.public_key();
  const auto hq_key = hq.public_key();

  SECTION("a third key signs a received entry") {
    const auto mallory = crypto::Ed25519KeyPair::generate();
    append(v, mallory, id, CustodyEvent::received, received_details("b1"));
    CHECK(broken_at(v, id, &sender, &hq_key) == 4);
  }
  SECTION("the sender claims HQ received it") {
    append(v, v.key, id, CustodyEvent::received, received_details("b1"));
    CHECK(broken_at(v, id, &sender, &hq_key) == 4);
  }
  SECTION("a sender entry after HQ's") {
    append(v, hq, id, CustodyEvent::received, received_details("b1"));
    append(v, v.key, id, CustodyEvent::exported, {{"to", "HQ"}, {"bundle", "b2"}});
    CHECK(broken_at(v, id, &sender, &hq_key) == 5);
  }
  SECTION("HQ signs in the sender's part") {
    append(v, hq, id, CustodyEvent::exported, {{"to", "HQ"}});
    append(v, v.key, id, CustodyEvent::exported, {{"to", "HQ"}});
    CHECK(broken_at(v, id, &sender, &hq_key) == 5);
  }
  SECTION("HQ's entry altered after signing") {
    append(v, hq, id, CustodyEvent::received, received_details("b1"));
    REQUIRE(v.db.exec("UPDATE custody SET details = '{\"bundle\":\"b9\",\"from\":\"Researcher\","
                      "\"sender\":\"" + std::string(64, 'a') + "\"}' WHERE seq = 4")
                .ok());
    CHECK(broken_at(v, id, &sender, &hq_key) == 4);
  }
  SECTION("HQ's signature replaced by one over other bytes") {
    append(v, hq, id, CustodyEvent::received, received_details("b1"));
    const auto other = hq.sign(std::span<const std::uint8_t>());
    auto s = v.db.prepare("UPDATE custody SET signature = ?1 WHERE seq = 4");
    REQUIRE(s.ok());
    s->bind_blob(1, other);
    REQUIRE(s->run().ok());
    CHECK(broken_at(v, id, &sender, &hq_key) == 4);
  }
  SECTION("HQ's entry dropped from the end") {
    append(v, hq, id, CustodyEvent::received, received_details("b1"));
    REQUIRE(v.db.exec("DELETE FROM custody WHERE seq = 4").ok());
    CHECK(broken_at(v, id, &sender, &hq_key) == 4);
  }
}

TEST_CASE("custody received: HQ's tail taken off and put back after new sender entries") {
  Vault v;
  const auto hq = crypto::Ed25519KeyPair::generate();
  const auto id = sender_report(v);
  const auto sender = v.key.public_key();
  const auto hq_key = hq.public_key();
  append(v, hq, id, CustodyEvent::received, received_details("b1"));

  auto tx = v.db.begin();
  REQUIRE(tx.ok());
  auto tail = detach_custody_tail(v.db, id, hq_key);
  REQUIRE(tail.ok());
  REQUIRE(tail->size() == 1);
  CHECK((*tail)[0].event == CustodyEvent::received);
  CHECK((*tail)[0].at == kReceivedAt);
  CHECK(list_custody(v.db, id)->size() == 3);
  CHECK(broken_at(v, id, &sender, nullptr) == std::nullopt);  // head moved back too
  // Nothing of HQ's left: a second detach takes nothing.
  auto none = detach_custody_tail(v.db, id, hq_key);
  REQUIRE(none.ok());
  CHECK(none->empty());
  // The sender's next entry, then HQ's again with its time and details.
  REQUIRE(append_custody_in_transaction(v.db, v.key, id, CustodyEvent::exported,
                                        {{"to", "HQ"}, {"bundle", "b2"}}, "2026-11-21T11:00:00Z")
              .ok());
  for (const auto& e : *tail) {
    REQUIRE(append_custody_in_transaction(v.db, hq, id, e.event, e.details, e.at).ok());
  }
  REQUIRE(tx->commit().ok());

  auto log = list_custody(v.db, id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 5);
  CHECK((*log)[3].event == CustodyEvent::exported);
  CHECK((*log)[4].event == CustodyEvent::received);
  CHECK((*log)[4].at == kReceivedAt);
  CHECK((*log)[4].details == received_details("b1"));
  CHECK((*log)[4].seq == 5);
  CHECK(broken_at(v, id, &sender, &hq_key) == std::nullopt);
}

TEST_CASE("custody received: appending at a time needs an open transaction and valid input") {
  Vault v;
  const auto hq = crypto::Ed25519KeyPair::generate();
  const auto id = sender_report(v);
  CHECK(append_custody_in_transaction(v.db, hq, id, CustodyEvent::received, received_details("b1"),
                                      kReceivedAt)
            .error() == Error::invalid_argument);
  CHECK(detach_custody_tail(v.db, id, hq.public_key()).error() == Error::invalid_argument);
  auto tx = v.db.begin();
  REQUIRE(tx.ok());
  CHECK(append_custody_in_transaction(v.db, hq, id, CustodyEvent::received, received_details("b1"), "")
            .error() == Error::invalid_argument);
  CHECK(append_custody_in_transaction(v.db, hq, "no-such-report", CustodyEvent::received,
                                      received_details("b1"), kReceivedAt)
            .error() == Error::not_found);
  CHECK(list_custody(v.db, id)->size() == 3);
}
