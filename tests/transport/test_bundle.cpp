#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/padme.hpp"
#include <algorithm>

#include "fieldseal/transport/bundle.hpp"
#include "fieldseal/transport/zstd_stream.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;

namespace {

void check_same(const Content& content, const LoadedBundle& loaded) {
  // Tar order: reports, attachments, custody; each ascending.
  REQUIRE(loaded.entries.size() == content.entries.size());
  for (const auto& [entry, data] : loaded.entries) {
    auto it = std::find_if(content.entries.begin(), content.entries.end(),
                           [&](const auto& e) { return e.first == entry.name; });
    REQUIRE(it != content.entries.end());
    CHECK(it->second == data);
    CHECK(entry.sha256 == Sha256::of(data));
  }
  CHECK(loaded.entries.front().first.name.starts_with("reports/"));
  CHECK(loaded.entries.back().first.name.starts_with("custody/"));
}

}  // namespace

TEST_CASE("transport: bundle round trip, binary and armored", "[transport][bundle]") {
  Keys keys;
  Content content = sample_content(3 * 1024 * 1024 + 17);
  for (bool armor : {false, true}) {
    Sealed sealed = seal(content, keys, {keys.hq.recipient()}, armor);
    CHECK(sealed.summary.file_bytes == sealed.file.size());
    CHECK(sealed.summary.file_sha256 == Sha256::of(sealed.file));
    CHECK(sealed.summary.plaintext_bytes == crypto::padme_length(sealed.summary.plaintext_bytes));
    if (armor) CHECK(sealed.file[0] == '-');
    auto ids = keys.hq_identities();
    auto loaded = open_bundle(sealed.file, ids);
    REQUIRE(loaded.ok());
    check_same(content, *loaded);
    const Manifest& m = loaded->bundle.manifest;
    CHECK(m == sealed.summary.manifest);
    CHECK(loaded->bundle.manifest_bytes == sealed.summary.manifest_bytes);
    CHECK(m.sender == keys.sender.public_key());
    CHECK(m.sequence == 7);
    CHECK(m.recipients == std::vector<Sha256Digest>{recipient_fingerprint(keys.hq.recipient())});
    CHECK(loaded->bundle.plaintext_bytes == sealed.summary.plaintext_bytes);
  }
}

TEST_CASE("transport: padded plaintext length is the Padmé length", "[transport][bundle]") {
  Keys keys;
  auto ids = keys.hq_identities();
  for (std::size_t big : {std::size_t{10}, std::size_t{1000}, std::size_t{70'000}, std::size_t{300'000}}) {
    Sealed sealed = seal(sample_content(big), keys, {keys.hq.recipient()});
    auto plaintext = crypto::age::decrypt(ids, sealed.file);
    REQUIRE(plaintext.ok());
    CHECK(plaintext->size() == sealed.summary.plaintext_bytes);
    CHECK(plaintext->size() ==
          crypto::padme_length(sealed.summary.compressed_bytes + kPaddingFrameHeaderBytes));
  }
}

TEST_CASE("transport: several recipients can each open the bundle", "[transport][bundle]") {
  Keys keys;
  Content content = sample_content(10'000);
  Sealed sealed = seal(content, keys, {keys.hq.recipient(), keys.hq2.recipient()});
  for (const crypto::X25519Identity* id : {&keys.hq, &keys.hq2}) {
    std::vector<crypto::age::Identity> ids;
    ids.emplace_back(std::move(*crypto::X25519Identity::from_secret(id->secret().clone())));
    auto loaded = open_bundle(sealed.file, ids);
    REQUIRE(loaded.ok());
    check_same(content, *loaded);
  }
  std::vector<crypto::age::Identity> stranger;
  stranger.emplace_back(std::move(*crypto::X25519Identity::from_secret(keys.other.secret().clone())));
  CHECK(open_bundle(sealed.file, stranger).error() == Error::not_encrypted_to_us);
}

TEST_CASE("transport: the streaming reader hands out entries in order before trust", "[transport][bundle]") {
  Keys keys;
  Content content = sample_content(200'000);
  Sealed sealed = seal(content, keys, {keys.hq.recipient()});
  auto ids = keys.hq_identities();
  crypto::MemorySource source(sealed.file);
  auto reader = BundleReader::open(source, ids);
  REQUIRE(reader.ok());
  CHECK((*reader)->manifest().entries.size() == content.entries.size());
  // Skip the first entry's data entirely: next_entry() drains and checks it.
  auto first = (*reader)->next_entry();
  REQUIRE(first.ok());
  REQUIRE(first->has_value());
  auto second = (*reader)->next_entry();
  REQUIRE(second.ok());
  REQUIRE(second->has_value());
  auto verified = (*reader)->finish();
  REQUIRE(verified.ok());
  CHECK(verified->manifest.bundle_id == sealed.summary.manifest.bundle_id);
  CHECK(verified->signature.size() == 64);
  // Finished: no more use.
  CHECK((*reader)->finish().error() == Error::invalid_argument);
}

TEST_CASE("transport: writer checks entry sizes and hashes", "[transport][bundle]") {
  Keys keys;
  Bytes data = bytes_of("report");
  crypto::MemorySource source(data);
  BundleSpec spec;
  spec.bundle_id = new_bundle_id();
  spec.sequence = 1;
  spec.recipients = {keys.hq.recipient()};
  spec.entries.push_back({"reports/a.json", data.size(), Sha256::of(bytes_of("other")), &source});
  crypto::MemorySink sink;
  CHECK(write_bundle(spec, keys.sender, sink).error() == Error::entry_hash_mismatch);

  crypto::MemorySource source2(data);
  spec.entries[0] = {"reports/a.json", data.size() + 1, Sha256::of(data), &source2};
  crypto::MemorySink sink2;
  CHECK(write_bundle(spec, keys.sender, sink2).error() == Error::invalid_argument);

  spec.entries[0] = {"reports/../a.json", data.size(), Sha256::of(data), &source2};
  CHECK(write_bundle(spec, keys.sender, sink2).error() == Error::manifest_malformed);
  spec.entries.clear();
  CHECK(write_bundle(spec, keys.sender, sink2).error() == Error::manifest_malformed);
  spec.recipients.clear();
  CHECK(write_bundle(spec, keys.sender, sink2).error() == Error::invalid_argument);
}
