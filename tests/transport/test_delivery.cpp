// What a receipt confirms (docs/bundle-format.md §12, issue 10's data-loss
// defects): a report's whole signed state, content and every amendment, and
// only for bundles sealed to the HQ that signed it. Each case scripts the
// exact sequence that lost data before the fix.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "fieldseal/transport/receipt.hpp"
#include "import_fixture.hpp"

namespace fs = std::filesystem;
using namespace fieldseal;
using namespace fieldseal::transport;
using fieldseal::transport::test::ImportWorld;
using fieldseal::transport::test::TempDir;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<crypto::age::Identity> identities_of(const storage::Vault& v) {
  auto copy = crypto::X25519Identity::from_secret(
      crypto::SecretBuffer::from_bytes(v.age_identity().secret().read().span()));
  REQUIRE(copy.ok());
  std::vector<crypto::age::Identity> out;
  out.emplace_back(std::move(*copy));
  return out;
}

Receipt open_as_researcher(const storage::Vault& field, const fs::path& receipt) {
  const Bytes bytes = read_all(receipt);
  crypto::MemorySource in(bytes);
  auto parsed = read_receipt(in, identities_of(field));
  REQUIRE(parsed.ok());
  return std::move(*parsed);
}

// A researcher who knows two HQs, A and B; each HQ knows the researcher.
struct TwoHqWorld {
  TempDir dir;
  storage::Vault field = ImportWorld::make(dir.path() / "field", storage::Role::field, "Researcher");
  storage::Vault hq_a = ImportWorld::make(dir.path() / "a", storage::Role::hq, "HQ A");
  storage::Vault hq_b = ImportWorld::make(dir.path() / "b", storage::Role::hq, "HQ B");
  int outputs = 0;

  TwoHqWorld() {
    for (storage::Vault* hq : {&hq_a, &hq_b}) {
      ImportWorld::enroll(*hq, field);
      ImportWorld::enroll(field, *hq);
    }
  }
  fs::path fresh_dir() {
    auto p = dir.path() / ("out" + std::to_string(++outputs));
    fs::create_directories(p);
    return p;
  }
  ExportResult export_to(const std::vector<std::string>& to, std::vector<std::string> ids = {}) {
    ExportOptions options;
    options.output_dir = fresh_dir();
    auto r = export_bundle(field, to, ids, options);
    if (!r) FAIL(message(r.error()));
    return std::move(*r);
  }
  static void import_into(storage::Vault& hq, const ExportResult& exported) {
    auto r = import_files(hq, exported.files);
    if (!r) FAIL(message(r.error()));
    REQUIRE(r->bundles.size() == 1);
    REQUIRE(!r->bundles.front().error);
  }
  fs::path receipt_from(storage::Vault& hq) {
    auto r = make_receipt(hq, "Researcher", fresh_dir());
    if (!r) FAIL(message(r.error()));
    return r->file;
  }
  ReceiptApplied apply(const fs::path& receipt) {
    auto r = apply_receipt_file(field, receipt);
    if (!r) FAIL(message(r.error()));
    return *r;
  }
  storage::Report report(storage::Vault& v, const std::string& id) {
    auto r = storage::get_report(v.database(), id);
    REQUIRE(r.ok());
    return std::move(*r);
  }
  // The researcher's view of a receipt's content, re-signed by `signer` as a
  // hostile HQ holding its own valid key would.
  fs::path resigned(const fs::path& receipt, storage::Vault& signer) {
    Receipt parsed = open_as_researcher(field, receipt);
    parsed.hq = signer.signing_key().public_key();
    crypto::MemorySink sink;
    REQUIRE(write_receipt(parsed, signer.signing_key(), field.age_identity().recipient(), false, sink)
                .ok());
    const auto path = fresh_dir() / "forged.age";
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(sink.bytes().data()),
               static_cast<std::streamsize>(sink.bytes().size()));
    return path;
  }
};

}  // namespace

TEST_CASE("delivery: an amendment after the receipt is never purged unconfirmed", "[delivery]") {
  TwoHqWorld w;
  const auto id = ImportWorld::final_report(w.field, "Detention at the court");
  const auto first = w.export_to({"HQ A"});
  TwoHqWorld::import_into(w.hq_a, first);
  const auto old_receipt = w.receipt_from(w.hq_a);

  SECTION("amended before the old receipt is applied") {
    REQUIRE(storage::add_amendment(w.field.database(), w.field.signing_key(), id, "Also: 3 detained").ok());
    const auto applied = w.apply(old_receipt);
    CHECK(applied.newly_delivered == 0);
    CHECK(applied.outdated == 1);
    CHECK(w.report(w.field, id).delivery != storage::DeliveryState::delivered);
  }
  SECTION("amended after the receipt was applied") {
    CHECK(w.apply(old_receipt).newly_delivered == 1);
    REQUIRE(storage::add_amendment(w.field.database(), w.field.signing_key(), id, "Also: 3 detained").ok());
    CHECK(w.report(w.field, id).delivery == storage::DeliveryState::none);
    // The old receipt again changes nothing.
    CHECK(w.apply(old_receipt).newly_delivered == 0);
  }
  SECTION("amended with purge-on-receipt on") {
    REQUIRE(w.field.set_config(storage::kConfigPurgeOnReceipt, "on").ok());
    REQUIRE(storage::add_amendment(w.field.database(), w.field.signing_key(), id, "Also: 3 detained").ok());
    CHECK(w.apply(old_receipt).purged == 0);
  }

  // Nothing is purged while HQ lacks the amendment.
  CHECK(purge_delivered(w.field).value() == 0);
  const auto held = w.report(w.field, id);
  CHECK(held.status == storage::ReportStatus::final);
  REQUIRE(held.amendments.size() == 1);

  // The default export carries the report again; HQ appends the amendment.
  const auto second = w.export_to({"HQ A"});
  CHECK(second.report_ids == std::vector<std::string>{id});
  TwoHqWorld::import_into(w.hq_a, second);
  const auto at_hq = w.report(w.hq_a, id);
  REQUIRE(at_hq.amendments.size() == 1);
  CHECK(at_hq.amendments[0].canonical_json == held.amendments[0].canonical_json);
  CHECK(storage::verify_report(w.hq_a.database(), id, &w.field.signing_key().public_key()).ok());

  // A receipt for the new state confirms it; only then may it be purged.
  const auto applied = w.apply(w.receipt_from(w.hq_a));
  CHECK((applied.newly_delivered == 1 || applied.purged == 1));
  (void)purge_delivered(w.field);
  CHECK(w.report(w.field, id).status == storage::ReportStatus::purged);
}

TEST_CASE("delivery: a receipt counts only for bundles sealed to its signer", "[delivery]") {
  TwoHqWorld w;
  const auto id = ImportWorld::final_report(w.field, "Search of the office");
  const auto to_b = w.export_to({"HQ B"});
  TwoHqWorld::import_into(w.hq_b, to_b);
  const auto genuine_b = w.receipt_from(w.hq_b);

  // HQ A signs what HQ B's receipt says (it knows the bundle id and hash).
  const auto forged = w.resigned(genuine_b, w.hq_a);
  REQUIRE(w.field.set_config(storage::kConfigPurgeOnReceipt, "on").ok());
  const auto applied = w.apply(forged);
  CHECK(applied.hq_name == "HQ A");
  CHECK(applied.newly_delivered == 0);
  CHECK(applied.purged == 0);
  CHECK(applied.unknown == 1);
  CHECK(w.report(w.field, id).delivery == storage::DeliveryState::exported);
  CHECK(purge_delivered(w.field).value() == 0);
  CHECK(w.report(w.field, id).status == storage::ReportStatus::final);

  // HQ B's own receipt confirms it.
  CHECK(w.apply(genuine_b).purged == 1);
}

TEST_CASE("delivery: a bundle sealed to both HQs is confirmed by either", "[delivery]") {
  TwoHqWorld w;
  const auto id = ImportWorld::final_report(w.field, "Threats by phone");
  const auto both = w.export_to({"HQ A", "HQ B"});
  TwoHqWorld::import_into(w.hq_a, both);
  CHECK(w.apply(w.receipt_from(w.hq_a)).newly_delivered == 1);
  CHECK(w.report(w.field, id).delivery == storage::DeliveryState::delivered);
}

TEST_CASE("delivery: a version 1 receipt confirms only a report without amendments", "[delivery]") {
  TwoHqWorld w;
  const auto plain = ImportWorld::final_report(w.field, "Plain");
  const auto amended = ImportWorld::final_report(w.field, "Amended");
  REQUIRE(storage::add_amendment(w.field.database(), w.field.signing_key(), amended, "Correction").ok());
  const auto exported = w.export_to({"HQ A"});
  TwoHqWorld::import_into(w.hq_a, exported);

  Receipt v1;
  v1.version = 1;
  v1.hq = w.hq_a.signing_key().public_key();
  v1.researcher = w.field.signing_key().public_key();
  v1.created = 1;
  ReceiptBundle bundle;
  bundle.id = exported.bundle_id;
  for (const auto& id : {amended, plain}) {
    const auto content = *w.report(w.field, id).content_sha256;
    bundle.reports.push_back({id, content, storage::report_state_digest(content, {})});
  }
  std::sort(bundle.reports.begin(), bundle.reports.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  v1.bundles.push_back(bundle);
  auto text = serialize(v1);
  REQUIRE(text.ok());
  CHECK(text->find("\"state\"") == std::string::npos);
  CHECK(text->find("\"version\":1") != std::string::npos);
  crypto::MemorySink sink;
  REQUIRE(write_receipt(v1, w.hq_a.signing_key(), w.field.age_identity().recipient(), false, sink).ok());
  crypto::MemorySource src(sink.bytes());
  auto applied = apply_receipt(w.field, src);
  REQUIRE(applied.ok());
  CHECK(applied->newly_delivered == 1);
  CHECK(applied->outdated == 1);
  CHECK(w.report(w.field, plain).delivery == storage::DeliveryState::delivered);
  CHECK(w.report(w.field, amended).delivery != storage::DeliveryState::delivered);
}

TEST_CASE("delivery: a receipt sealed to more than one recipient is refused", "[delivery]") {
  TwoHqWorld w;
  const auto id = ImportWorld::final_report(w.field, "Raid");
  TwoHqWorld::import_into(w.hq_a, w.export_to({"HQ A"}));
  const Receipt receipt = open_as_researcher(w.field, w.receipt_from(w.hq_a));
  auto plaintext = sign_receipt(receipt, w.hq_a.signing_key());
  REQUIRE(plaintext.ok());
  // The same signed plaintext, sealed to the researcher and to a stranger.
  const auto stranger = crypto::X25519Identity::generate();
  std::vector<crypto::age::Recipient> recipients;
  recipients.emplace_back(w.field.age_identity().recipient());
  recipients.emplace_back(stranger.recipient());
  crypto::MemorySink sink;
  auto enc = crypto::age::Encryptor::begin(recipients, sink, {});
  REQUIRE(enc.ok());
  REQUIRE(enc->write(crypto::as_bytes(*plaintext)).ok());
  REQUIRE(enc->finish().ok());
  crypto::MemorySource src(sink.bytes());
  CHECK(apply_receipt(w.field, src).error() == Error::receipt_recipients_invalid);
  CHECK(w.report(w.field, id).delivery == storage::DeliveryState::exported);
}
