#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "fieldseal/transport/manifest.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;

namespace {

Manifest sample_manifest(const Keys& keys) {
  Manifest m;
  m.bundle_id = new_bundle_id();
  m.sender = keys.sender.public_key();
  m.sequence = 3;
  m.created = 1'795'000'000;
  m.recipients = {recipient_fingerprint(keys.hq.recipient()), recipient_fingerprint(keys.hq2.recipient())};
  std::sort(m.recipients.begin(), m.recipients.end());
  Bytes photo = pseudo_random(100, 5);
  m.entries = {{"reports/a.json", 10, Sha256::of(bytes_of("0123456789"))},
               {"attachments/" + to_hex(Sha256::of(photo)), photo.size(), Sha256::of(photo)},
               {"custody/a.json", 2, Sha256::of(bytes_of("[]"))}};
  return m;
}

Error parse_error(std::string_view text) {
  auto r = parse_manifest(bytes_of(text));
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

TEST_CASE("transport: manifest serialises canonically and parses back identically", "[transport][manifest]") {
  Keys keys;
  Manifest m = sample_manifest(keys);
  auto text = serialize(m);
  REQUIRE(text.ok());
  CHECK(text->front() == '{');
  CHECK(text->find(' ') == std::string::npos);
  CHECK(text->find("\"version\":1") != std::string::npos);
  auto parsed = parse_manifest(bytes_of(*text));
  REQUIRE(parsed.ok());
  CHECK(*parsed == m);
  auto again = serialize(*parsed);
  REQUIRE(again.ok());
  CHECK(*again == *text);
}

TEST_CASE("transport: manifest parsing is strict", "[transport][manifest]") {
  Keys keys;
  std::string text = *serialize(sample_manifest(keys));
  // A second spelling of the same document is refused.
  CHECK(parse_error(" " + text) == Error::manifest_malformed);
  CHECK(parse_error(text + "\n") == Error::manifest_malformed);
  CHECK(parse_error(replace(text, "\"created\":1795000000", "\"created\":1795000000.0")) == Error::manifest_malformed);
  CHECK(parse_error(replace(text, "\"created\":1795000000", "\"created\":-1")) == Error::manifest_malformed);
  CHECK(parse_error(replace(text, "\"sequence\":3", "\"sequence\":\"3\"")) == Error::manifest_malformed);
  CHECK(parse_error(replace(text, "\"sequence\":3", "\"sequence\":0")) == Error::manifest_malformed);
  // Unknown, missing and duplicate fields.
  CHECK(parse_error(replace(text, "{\"bundle_id\"", "{\"aaa\":1,\"bundle_id\"")) == Error::manifest_malformed);
  CHECK(parse_error(replace(text, "\"format\":\"fieldseal-bundle\",", "")) == Error::manifest_malformed);
  CHECK(parse_error(replace(text, "\"format\":\"fieldseal-bundle\",",
                            "\"format\":\"fieldseal-bundle\",\"format\":\"fieldseal-bundle\",")) ==
        Error::manifest_malformed);
  // Hex must be lower case.
  std::string sender = to_hex(keys.sender.public_key().bytes());
  std::string upper = sender;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  if (upper != sender) CHECK(parse_error(replace(text, sender, upper)) == Error::manifest_malformed);
  // Names outside the allowed set.
  CHECK(parse_error(replace(text, "reports/a.json", "reports/../a.json")) == Error::manifest_malformed);
  CHECK(parse_error(replace(text, "custody/a.json", "/custody/a.json")) == Error::manifest_malformed);
  // Deep nesting is refused before it is built.
  CHECK(parse_error(std::string(100000, '[') + std::string(100000, ']')) == Error::manifest_malformed);
  CHECK(parse_error("") == Error::manifest_malformed);
  CHECK(parse_error("null") == Error::manifest_malformed);
}

TEST_CASE("transport: manifest versions and size cap", "[transport][manifest]") {
  Keys keys;
  std::string text = *serialize(sample_manifest(keys));
  CHECK(parse_error(replace(text, "\"version\":1", "\"version\":2")) == Error::unsupported_version);
  CHECK(parse_error(replace(text, "\"version\":1", "\"version\":0")) == Error::unsupported_version);
  CHECK(parse_error(replace(text, "\"version\":1", "\"version\":\"1\"")) == Error::manifest_malformed);
  std::string huge(kManifestMaxBytes + 1, ' ');
  CHECK(parse_error(huge) == Error::manifest_too_large);
}

TEST_CASE("transport: manifest validation enforces order, names and caps", "[transport][manifest]") {
  Keys keys;
  Manifest good = sample_manifest(keys);
  REQUIRE(validate(good).ok());

  Manifest m = good;
  std::swap(m.entries[0], m.entries[1]);  // attachment before report
  CHECK(validate(m).error() == Error::manifest_malformed);

  m = good;
  m.entries.push_back(m.entries.back());  // duplicate name
  CHECK(validate(m).error() == Error::manifest_malformed);

  m = good;
  m.entries[1].sha256[0] ^= 1;  // attachment name is its hash
  CHECK(validate(m).error() == Error::manifest_malformed);

  m = good;
  m.entries[0].size = kMaxDocumentBytes + 1;
  CHECK(validate(m).error() == Error::manifest_malformed);

  m = good;
  m.entries.erase(m.entries.begin());  // no report
  CHECK(validate(m).error() == Error::manifest_malformed);

  m = good;
  std::reverse(m.recipients.begin(), m.recipients.end());
  CHECK(validate(m).error() == Error::manifest_malformed);

  m = good;
  m.recipients.clear();
  CHECK(validate(m).error() == Error::manifest_malformed);

  m = good;
  m.entries.push_back({"manifest.sig", 64, {}});
  CHECK(validate(m).error() == Error::manifest_malformed);
}

TEST_CASE("transport: entry names", "[transport][manifest]") {
  CHECK(classify_entry_name("manifest.json") == EntryKind::manifest);
  CHECK(classify_entry_name("manifest.sig") == EntryKind::signature);
  CHECK(classify_entry_name("reports/abc-DEF_09.json") == EntryKind::report);
  CHECK(classify_entry_name("custody/x.json") == EntryKind::custody);
  CHECK(classify_entry_name("attachments/" + std::string(64, 'a')) == EntryKind::attachment);
  for (const std::string& bad : std::vector<std::string>{"", "reports/.json", "reports/a", "reports/../x.json", "/manifest.json",
                          "./manifest.json", "reports/a/b.json", "attachments/" + std::string(64, 'A'),
                          "attachments/" + std::string(63, 'a'), "reports/" + std::string(65, 'a') + ".json",
                          "Manifest.json", "manifest.json/", "reports/a.json\n"})
    CHECK_FALSE(classify_entry_name(bad).has_value());
}

TEST_CASE("transport: manifest signature binds the exact bytes and the sender", "[transport][manifest]") {
  Keys keys;
  std::string text = *serialize(sample_manifest(keys));
  auto sig = sign_manifest(bytes_of(text), keys.sender);
  CHECK(verify_manifest_signature(bytes_of(text), sig, keys.sender.public_key()).ok());
  auto stranger = crypto::Ed25519KeyPair::generate();
  CHECK(verify_manifest_signature(bytes_of(text), sig, stranger.public_key()).error() == Error::signature_invalid);
  std::string changed = text;
  changed[changed.size() / 2] ^= 1;
  CHECK(verify_manifest_signature(bytes_of(changed), sig, keys.sender.public_key()).error() ==
        Error::signature_invalid);
  CHECK(verify_manifest_signature(bytes_of(text), std::span(sig).first(63), keys.sender.public_key()).error() ==
        Error::signature_missing);
  // The domain label matters: a plain signature over the bytes does not verify.
  auto plain = keys.sender.sign(bytes_of(text));
  CHECK(verify_manifest_signature(bytes_of(text), plain, keys.sender.public_key()).error() ==
        Error::signature_invalid);
}

TEST_CASE("transport: recipient fingerprints", "[transport][manifest]") {
  Keys keys;
  auto a = recipient_fingerprint(keys.hq.recipient());
  CHECK(a == recipient_fingerprint(keys.hq.recipient()));
  CHECK(a != recipient_fingerprint(keys.hq2.recipient()));
  // SHA-256 of the label and the raw key, as documented.
  Bytes input = bytes_of(kRecipientFingerprintContext);
  input.insert(input.end(), keys.hq.recipient().bytes().begin(), keys.hq.recipient().bytes().end());
  CHECK(a == Sha256::of(input));
}
