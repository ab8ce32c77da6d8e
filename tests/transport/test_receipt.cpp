#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/transport/receipt.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;

namespace {

Receipt sample_receipt(const crypto::Ed25519KeyPair& hq, const crypto::Ed25519KeyPair& researcher) {
  Receipt r;
  r.hq = hq.public_key();
  r.researcher = researcher.public_key();
  r.created = 1'795'000'100;
  ReceiptBundle a{new_bundle_id(), {{"r-0001", Sha256::of(bytes_of("one"))}, {"r-0002", Sha256::of(bytes_of("two"))}}};
  ReceiptBundle b{new_bundle_id(), {{"r-0003", Sha256::of(bytes_of("three"))}}};
  if (b.id < a.id) std::swap(a, b);
  r.bundles = {a, b};
  return r;
}

}  // namespace

TEST_CASE("transport: receipt sealed to the researcher round trips", "[transport][receipt]") {
  auto hq = crypto::Ed25519KeyPair::generate();
  auto researcher = crypto::Ed25519KeyPair::generate();
  auto researcher_x = crypto::X25519Identity::generate();
  Receipt r = sample_receipt(hq, researcher);
  for (bool armor : {false, true}) {
    crypto::MemorySink sink;
    REQUIRE(write_receipt(r, hq, researcher_x.recipient(), armor, sink).ok());
    std::vector<crypto::age::Identity> ids;
    ids.emplace_back(std::move(*crypto::X25519Identity::from_secret(researcher_x.secret().clone())));
    crypto::MemorySource source(sink.bytes());
    auto back = read_receipt(source, ids);
    REQUIRE(back.ok());
    CHECK(*back == r);
    // Someone else cannot open it.
    std::vector<crypto::age::Identity> other;
    other.emplace_back(crypto::X25519Identity::generate());
    crypto::MemorySource again(sink.bytes());
    CHECK(read_receipt(again, other).error() == Error::not_encrypted_to_us);
  }
}

TEST_CASE("transport: receipt signature and strict parsing", "[transport][receipt]") {
  auto hq = crypto::Ed25519KeyPair::generate();
  auto researcher = crypto::Ed25519KeyPair::generate();
  Receipt r = sample_receipt(hq, researcher);
  auto signed_text = sign_receipt(r, hq);
  REQUIRE(signed_text.ok());
  auto opened = open_receipt(bytes_of(*signed_text));
  REQUIRE(opened.ok());
  CHECK(*opened == r);

  // Only HQ's own key may sign its receipt.
  CHECK(sign_receipt(r, researcher).error() == Error::invalid_argument);
  // A changed report hash, a changed created time: signature fails.
  std::string hash = to_hex(r.bundles[0].reports[0].sha256);
  std::string other_hash = to_hex(Sha256::of(bytes_of("forged")));
  CHECK(open_receipt(bytes_of(replace(*signed_text, hash, other_hash))).error() ==
        Error::receipt_signature_invalid);
  CHECK(open_receipt(bytes_of(replace(*signed_text, "1795000100", "1795000101"))).error() ==
        Error::receipt_signature_invalid);
  // A receipt re-signed by a stranger who puts their own key in "hq" verifies
  // only as the stranger's: the caller must compare r.hq with the HQ it trusts.
  auto stranger = crypto::Ed25519KeyPair::generate();
  Receipt forged = r;
  forged.hq = stranger.public_key();
  auto forged_text = sign_receipt(forged, stranger);
  REQUIRE(forged_text.ok());
  auto forged_open = open_receipt(bytes_of(*forged_text));
  REQUIRE(forged_open.ok());
  CHECK_FALSE(forged_open->hq == hq.public_key());

  // Strictness.
  CHECK(open_receipt(bytes_of(*signed_text + " ")).error() == Error::receipt_malformed);
  CHECK(open_receipt(bytes_of(replace(*signed_text, "{\"receipt\"", "{\"extra\":0,\"receipt\""))).error() ==
        Error::receipt_malformed);
  CHECK(open_receipt(bytes_of(replace(*signed_text, "\"version\":2", "\"version\":3"))).error() ==
        Error::unsupported_version);
  CHECK(open_receipt(bytes_of(replace(*signed_text, "\"version\":2", "\"version\":0"))).error() ==
        Error::unsupported_version);
  CHECK(open_receipt(bytes_of(replace(*signed_text, "\"r-0001\"", "\"../r\""))).error() == Error::receipt_malformed);
  CHECK(open_receipt(Bytes(kReceiptMaxBytes + 1, ' ')).error() == Error::receipt_too_large);

  auto body = serialize(r);
  REQUIRE(body.ok());
  auto parsed = parse_receipt(bytes_of(*body));
  REQUIRE(parsed.ok());
  CHECK(*parsed == r);

  // Version 2 requires every report's state; version 1 has none and reads
  // as the content-only state.
  const std::string state_member = ",\"state\":\"" + to_hex(r.bundles[0].reports[0].state) + "\"";
  CHECK(parse_receipt(bytes_of(replace(*body, state_member, ""))).error() == Error::receipt_malformed);
  Receipt v1 = r;
  v1.version = 1;
  CHECK(validate(v1).error() == Error::receipt_malformed);
  for (auto& b : v1.bundles)
    for (auto& rep : b.reports) rep.state = fieldseal::storage::report_state_digest(rep.sha256, {});
  auto v1_body = serialize(v1);
  REQUIRE(v1_body.ok());
  CHECK(v1_body->find("\"state\"") == std::string::npos);
  auto v1_parsed = parse_receipt(bytes_of(*v1_body));
  REQUIRE(v1_parsed.ok());
  CHECK(*v1_parsed == v1);
  CHECK(parse_receipt(bytes_of(replace(*v1_body, "\"version\":1", "\"version\":2"))).error() ==
        Error::receipt_malformed);

  Receipt unordered = r;
  std::swap(unordered.bundles[0], unordered.bundles[1]);
  CHECK(validate(unordered).error() == Error::receipt_malformed);
  Receipt empty = r;
  empty.bundles.clear();
  CHECK(validate(empty).error() == Error::receipt_malformed);
}
