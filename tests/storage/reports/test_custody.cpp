#include <algorithm>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "report_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::storage;
using fieldseal::storage::test::Vault;

namespace {

// A report with five custody entries: created, edited, finalized, exported, receipt.
std::string busy_report(Vault& v) {
  ReportDraft d;
  d.title = "custody";
  auto id = create_report(v.db, v.key, d);
  REQUIRE(id.ok());
  d.title = "custody, edited";
  REQUIRE(update_report(v.db, v.key, *id, d).ok());
  REQUIRE(finalize_report(v.db, v.key, *id).ok());
  REQUIRE(record_export(v.db, v.key, *id, "HQ", "bundle-1").ok());
  REQUIRE(record_receipt(v.db, v.key, *id, "receipt-1").ok());
  return *id;
}

std::optional<std::int64_t> broken_at(Vault& v, const std::string& id,
                                      const crypto::Ed25519PublicKey* expected = nullptr) {
  auto check = check_custody(v.db, id, expected);
  REQUIRE(check.ok());
  return check->broken_at;
}

}  // namespace

TEST_CASE("custody log: every event, chained, signed, verifiable") {
  Vault v;
  const auto id = busy_report(v);
  auto log = list_custody(v.db, id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 5);
  const CustodyEvent expected[] = {CustodyEvent::created, CustodyEvent::edited,
                                   CustodyEvent::finalized, CustodyEvent::exported,
                                   CustodyEvent::receipt_received};
  Sha256Digest prev{};
  for (std::size_t i = 0; i < log->size(); ++i) {
    const CustodyEntry& e = (*log)[i];
    CHECK(e.seq == static_cast<std::int64_t>(i) + 1);
    CHECK(e.event == expected[i]);
    CHECK(e.prev == prev);
    const std::string bytes = custody_entry_bytes(e);
    CHECK(bytes.find("\"format\":\"fieldseal-custody/1\"") != std::string::npos);
    Sha256Digest h{};
    crypto::sha256({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, h);
    CHECK(h == e.hash);
    CHECK(v.key.public_key()
              .verify({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()},
                      e.signature)
              .ok());
    prev = e.hash;
  }
  auto r = get_report(v.db, id);
  CHECK((*log)[2].details.at("sha256") == crypto::hex_encode(*r->content_sha256));
  CHECK(verify_custody(v.db, id).ok());
  CHECK(verify_custody(v.db, id, &v.key.public_key()).ok());
  auto check = check_custody(v.db, id);
  REQUIRE(check.ok());
  CHECK(check->intact());
  CHECK(check->entries == 5);
  CHECK(custody_json(*log, *check).find("\"intact\":true") != std::string::npos);

  auto appended = append_custody(v.db, v.key, id, CustodyEvent::exported,
                                 {{"to", "Second HQ"}, {"bundle", "bundle-2"}});
  REQUIRE(appended.ok());
  CHECK(appended->seq == 6);
  CHECK(verify_custody(v.db, id).ok());
  CHECK(append_custody(v.db, v.key, id, CustodyEvent::exported, {{"to", ""}}).error() ==
        Error::invalid_argument);
  CHECK(append_custody(v.db, v.key, id, CustodyEvent::exported,
                       {{"to", std::string(kMaxCustodyDetailBytes, 'x')}})
            .error() == Error::invalid_argument);
}

TEST_CASE("custody log: a modified entry is found by number") {
  Vault v;
  const auto id = busy_report(v);
  SECTION("details") {
    REQUIRE(v.db.exec("UPDATE custody SET details = '{\"to\":\"Someone else\",\"bundle\":"
                      "\"bundle-1\"}' WHERE seq = 4").ok());
    CHECK(broken_at(v, id) == 4);
  }
  SECTION("time") {
    REQUIRE(v.db.exec("UPDATE custody SET at = '2020-01-01T00:00:00Z' WHERE seq = 2").ok());
    CHECK(broken_at(v, id) == 2);
  }
  SECTION("event") {
    REQUIRE(v.db.exec("UPDATE custody SET event = 'purged' WHERE seq = 3").ok());
    CHECK(broken_at(v, id) == 3);
  }
  SECTION("signature") {
    REQUIRE(v.db.exec("UPDATE custody SET signature = zeroblob(64) WHERE seq = 1").ok());
    CHECK(broken_at(v, id) == 1);
  }
  SECTION("re-signed by another key and re-hashed is still caught by the expected key") {
    // An attacker who rewrites entry 5 consistently with their own key passes
    // the self-contained check but not the check against the vault's key.
    auto log = list_custody(v.db, id);
    REQUIRE(log.ok());
    CustodyEntry e = log->back();
    const auto other = crypto::Ed25519KeyPair::generate();
    e.signer = other.public_key().bytes();
    const std::string bytes = custody_entry_bytes(e);
    const std::span<const std::uint8_t> span(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                             bytes.size());
    crypto::sha256(span, e.hash);
    e.signature = other.sign(span);
    auto s = v.db.prepare(
        "UPDATE custody SET signer = ?1, signature = ?2, entry_hash = ?3 WHERE seq = 5");
    REQUIRE(s.ok());
    s->bind_blob(1, e.signer).bind_blob(2, e.signature).bind_blob(3, e.hash);
    REQUIRE(s->run().ok());
    REQUIRE(v.db.exec("UPDATE reports SET custody_head = (SELECT entry_hash FROM custody "
                      "WHERE seq = 5)").ok());
    CHECK(broken_at(v, id) == std::nullopt);
    CHECK(broken_at(v, id, &v.key.public_key()) == 5);
  }
  CHECK(verify_custody(v.db, id, &v.key.public_key()).error() == Error::custody_chain_broken);
}

TEST_CASE("custody log: deleted and reordered entries are found") {
  Vault v;
  const auto id = busy_report(v);
  SECTION("deleted in the middle") {
    REQUIRE(v.db.exec("DELETE FROM custody WHERE seq = 2").ok());
    CHECK(broken_at(v, id) == 2);
  }
  SECTION("deleted first") {
    REQUIRE(v.db.exec("DELETE FROM custody WHERE seq = 1").ok());
    CHECK(broken_at(v, id) == 1);
  }
  SECTION("deleted last (tail truncation)") {
    REQUIRE(v.db.exec("DELETE FROM custody WHERE seq = 5").ok());
    CHECK(broken_at(v, id) == 5);
  }
  SECTION("deleted last and the head rewound") {
    REQUIRE(v.db.exec("DELETE FROM custody WHERE seq = 5").ok());
    REQUIRE(v.db.exec("UPDATE reports SET custody_count = 4").ok());
    CHECK(broken_at(v, id) == 5);  // the head hash still names entry 5
  }
  SECTION("two entries swapped") {
    REQUIRE(v.db.exec("UPDATE custody SET seq = 100 WHERE seq = 3").ok());
    REQUIRE(v.db.exec("UPDATE custody SET seq = 3 WHERE seq = 4").ok());
    REQUIRE(v.db.exec("UPDATE custody SET seq = 4 WHERE seq = 100").ok());
    CHECK(broken_at(v, id) == 3);
  }
  SECTION("renumbered after a deletion") {
    REQUIRE(v.db.exec("DELETE FROM custody WHERE seq = 2").ok());
    REQUIRE(v.db.exec("UPDATE custody SET seq = seq - 1 WHERE seq > 2").ok());
    CHECK(broken_at(v, id) == 2);
  }
  CHECK(verify_custody(v.db, id).error() == Error::custody_chain_broken);
}
