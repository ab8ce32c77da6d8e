// Bad input for the bundle reader: tampering, truncation, hostile archives
// inside validly encrypted files, bombs, re-encryption and forged signatures.
// Each case asserts the specific error.
#include <catch2/catch_test_macros.hpp>

#include <random>
#include <set>

#include "fieldseal/transport/bundle.hpp"
#include "fieldseal/transport/zstd_stream.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;

namespace {

Error open_error(const Bytes& file, std::span<const crypto::age::Identity> ids, ReaderOptions options = {}) {
  auto r = open_bundle(file, ids, options);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

// The tar of a bundle, built by hand from its parts.
Bytes bundle_tar(const std::string& manifest, const Content& content, const Bytes& signature) {
  RawTar t;
  t.add("manifest.json", bytes_of(manifest));
  for (const auto& [name, data] : content.entries) t.add(name, data);
  t.add("manifest.sig", signature);
  t.finish();
  return t.bytes;
}

Bytes signature_of(const std::string& manifest, const crypto::Ed25519KeyPair& key) {
  auto sig = sign_manifest(bytes_of(manifest), key);
  return Bytes(sig.begin(), sig.end());
}

Content small_content() {
  Content c;
  c.add("reports/r1.json", bytes_of(R"({"title":"t"})"));
  c.add_attachment(pseudo_random(5000, 3));
  c.add("custody/r1.json", bytes_of("[]"));
  return c;
}

}  // namespace

TEST_CASE("transport: a hand-built bundle is accepted (control for the cases below)", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Content c = small_content();
  std::string m = manifest_for(c, keys, {keys.hq.recipient()});
  Bytes file = seal_plaintext_tar(bundle_tar(m, c, signature_of(m, keys.sender)), {keys.hq.recipient()});
  auto loaded = open_bundle(file, ids);
  REQUIRE(loaded.ok());
  CHECK(loaded->entries.size() == 3);
}

TEST_CASE("transport: 1000 random single-byte flips are all rejected", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Sealed sealed = seal(sample_content(150'000), keys, {keys.hq.recipient()});
  auto header = crypto::age::parse_header(sealed.file);
  REQUIRE(header.ok());
  const std::size_t header_bytes = header->header_bytes;
  std::mt19937_64 rng(20261121);
  std::uniform_int_distribution<std::size_t> where(0, sealed.file.size() - 1);
  std::uniform_int_distribution<int> bit(1, 255);
  std::set<Error> seen;
  for (int i = 0; i < 1000; ++i) {
    Bytes file = sealed.file;
    std::size_t at = (i < 100) ? where(rng) % header_bytes : where(rng);
    file[at] ^= static_cast<std::uint8_t>(bit(rng));
    Error e = open_error(file, ids);
    seen.insert(e);
    if (at < header_bytes) {
      // A flip in the header breaks its syntax, the wrapped file key or the MAC.
      CHECK((e == Error::age_invalid || e == Error::not_encrypted_to_us || e == Error::damaged));
    } else {
      CHECK(e == Error::damaged);
    }
  }
  CHECK(seen.contains(Error::damaged));
}

TEST_CASE("transport: truncation at chunk boundaries and random points is rejected", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Sealed sealed = seal(sample_content(300'000), keys, {keys.hq.recipient()});
  auto header = crypto::age::parse_header(sealed.file);
  REQUIRE(header.ok());
  const std::size_t payload = header->header_bytes + 16;
  const std::size_t sealed_chunk = crypto::age::kChunkBytes + 16;
  std::vector<std::size_t> cuts;
  for (std::size_t k = 1; payload + k * sealed_chunk - 1 < sealed.file.size(); ++k)
    for (std::size_t delta : {std::size_t{0}, std::size_t{1}, std::size_t{2}})
      if (payload + k * sealed_chunk + delta - 1 < sealed.file.size())
        cuts.push_back(payload + k * sealed_chunk + delta - 1);
  REQUIRE(cuts.size() >= 12);
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::size_t> where(0, sealed.file.size() - 1);
  for (int i = 0; i < 50; ++i) cuts.push_back(where(rng));
  cuts.push_back(0);
  cuts.push_back(payload);
  for (std::size_t cut : cuts) {
    Bytes file(sealed.file.begin(), sealed.file.begin() + static_cast<std::ptrdiff_t>(cut));
    Error e = open_error(file, ids);
    if (cut < header->header_bytes) {
      CHECK(e == Error::age_invalid);
    } else {
      // A cut on a chunk boundary leaves a full chunk that fails as the last
      // one; elsewhere the final chunk is missing or short.
      CHECK((e == Error::truncated || e == Error::damaged));
    }
  }
}

TEST_CASE("transport: appended garbage is rejected", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Sealed sealed = seal(sample_content(100'000), keys, {keys.hq.recipient()});
  for (std::size_t extra : {std::size_t{1}, std::size_t{16}, std::size_t{70'000}}) {
    Bytes file = sealed.file;
    Bytes junk = pseudo_random(extra, 11);
    file.insert(file.end(), junk.begin(), junk.end());
    Error e = open_error(file, ids);
    CHECK((e == Error::trailing_data || e == Error::damaged));
  }
}

TEST_CASE("transport: hostile tar inside a validly encrypted bundle", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Content c = small_content();
  std::string m = manifest_for(c, keys, {keys.hq.recipient()});
  Bytes sig = signature_of(m, keys.sender);
  auto sealed_with = [&](auto&& build) {
    RawTar t;
    build(t);
    t.finish();
    return seal_plaintext_tar(t.bytes, {keys.hq.recipient()});
  };
  auto after_manifest = [&](auto&& build) {
    return sealed_with([&](RawTar& t) {
      t.add("manifest.json", bytes_of(m));
      build(t);
    });
  };
  Bytes body = bytes_of("x");
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("../reports/r1.json", body); }), ids) ==
        Error::tar_entry_name_invalid);
  CHECK(open_error(sealed_with([&](RawTar& t) { t.add("/manifest.json", bytes_of(m)); }), ids) ==
        Error::tar_entry_name_invalid);
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("reports/r1.json", {}, '2', "/etc/shadow"); }), ids) ==
        Error::tar_entry_not_regular);
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("reports/r1.json", {}, '1', "manifest.json"); }), ids) ==
        Error::tar_entry_not_regular);
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("reports/r1.json", {}, '3'); }), ids) ==
        Error::tar_entry_not_regular);
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("manifest.json", bytes_of(m)); }), ids) ==
        Error::tar_entry_duplicate);
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("evil.sh", body); }), ids) ==
        Error::tar_entry_name_invalid);
  // An allowed name the manifest does not list.
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("reports/r0.json", body); }), ids) ==
        Error::entry_unexpected);
  // An entry larger than the manifest says.
  CHECK(open_error(after_manifest([&](RawTar& t) {
          Bytes bigger = c.entries[0].second;
          bigger.push_back(' ');
          t.add("reports/r1.json", bigger);
        }),
        ids) == Error::entry_size_mismatch);
  // The manifest not first.
  CHECK(open_error(sealed_with([&](RawTar& t) {
          t.add("reports/r1.json", c.entries[0].second);
          t.add("manifest.json", bytes_of(m));
        }),
        ids) == Error::manifest_missing);
  // Entries missing, the signature missing.
  CHECK(open_error(after_manifest([&](RawTar& t) { t.add("manifest.sig", sig); }), ids) == Error::entry_missing);
  CHECK(open_error(after_manifest([&](RawTar& t) {
          for (const auto& [name, data] : c.entries) t.add(name, data);
        }),
        ids) == Error::signature_missing);
  // Something after manifest.sig.
  CHECK(open_error(after_manifest([&](RawTar& t) {
          for (const auto& [name, data] : c.entries) t.add(name, data);
          t.add("manifest.sig", sig);
          t.add("reports/r9.json", body);
        }),
        ids) == Error::entry_unexpected);
  // Not tar at all, and not zstd at all.
  std::vector<crypto::age::Recipient> rs;
  rs.emplace_back(keys.hq.recipient());
  CHECK(open_error(*crypto::age::encrypt(rs, compress_padded(pseudo_random(3000, 1))), ids) == Error::tar_corrupt);
  CHECK(open_error(*crypto::age::encrypt(rs, bytes_of("plain text")), ids) == Error::not_zstd);
}

TEST_CASE("transport: a changed entry fails its hash, a foreign signature fails", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Content c = small_content();
  std::string m = manifest_for(c, keys, {keys.hq.recipient()});

  Content changed = c;
  changed.entries[0].second[2] ^= 1;  // same size, other content
  CHECK(open_error(seal_plaintext_tar(bundle_tar(m, changed, signature_of(m, keys.sender)), {keys.hq.recipient()}),
                   ids) == Error::entry_hash_mismatch);

  auto stranger = crypto::Ed25519KeyPair::generate();
  CHECK(open_error(seal_plaintext_tar(bundle_tar(m, c, signature_of(m, stranger)), {keys.hq.recipient()}), ids) ==
        Error::signature_invalid);
  Bytes short_sig = signature_of(m, keys.sender);
  short_sig.pop_back();
  CHECK(open_error(seal_plaintext_tar(bundle_tar(m, c, short_sig), {keys.hq.recipient()}), ids) ==
        Error::signature_missing);
}

TEST_CASE("transport: unknown format version and a 100 MB manifest", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Content c = small_content();
  std::string v2 = manifest_for(c, keys, {keys.hq.recipient()}, 2);
  CHECK(open_error(seal_plaintext_tar(bundle_tar(v2, c, signature_of(v2, keys.sender)), {keys.hq.recipient()}),
                   ids) == Error::unsupported_version);

  RawTar t;
  t.add("manifest.json", Bytes(std::size_t{100} << 20, ' '));
  t.finish();
  CHECK(open_error(seal_plaintext_tar(t.bytes, {keys.hq.recipient()}), ids) == Error::manifest_too_large);
}

TEST_CASE("transport: zstd bombs inside a bundle stay within the caps", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  // A manifest listing a 1 GiB attachment of zeros; the zeros come from 32 KiB
  // of RLE blocks. With a 32 MiB cap the reader stops early.
  Content c;
  c.add("reports/r1.json", bytes_of("{}"));
  const std::uint64_t gib = std::uint64_t{1} << 30;
  std::string attachment = "attachments/" + std::string(64, '0');
  Manifest m;
  m.bundle_id = new_bundle_id();
  m.sender = keys.sender.public_key();
  m.sequence = 1;
  m.recipients = {recipient_fingerprint(keys.hq.recipient())};
  m.entries = {{"reports/r1.json", 2, Sha256::of(bytes_of("{}"))}};
  Sha256Digest zero_name{};
  m.entries.push_back({attachment, gib, zero_name});
  auto text = serialize(m);
  REQUIRE(text.ok());
  RawTar prefix;
  prefix.add("manifest.json", bytes_of(*text));
  prefix.add("reports/r1.json", bytes_of("{}"));
  prefix.add_header_only(attachment, gib);
  Bytes stream = compress_frames(prefix.bytes);
  Bytes bomb = rle_zero_frame(8192);
  stream.insert(stream.end(), bomb.begin(), bomb.end());
  Bytes file = seal_zstd(stream, {keys.hq.recipient()});
  REQUIRE(file.size() < 128 * 1024);
  ReaderOptions capped;
  capped.max_decompressed = 32u << 20;
  CHECK(open_error(file, ids, capped) == Error::decompressed_too_large);

  // Zeros after the end of a valid archive: the trailer cap stops them.
  Content small = small_content();
  std::string sm = manifest_for(small, keys, {keys.hq.recipient()});
  Bytes tar = bundle_tar(sm, small, signature_of(sm, keys.sender));
  Bytes trailing = compress_frames(tar);
  trailing.insert(trailing.end(), bomb.begin(), bomb.end());
  CHECK(open_error(seal_zstd(trailing, {keys.hq.recipient()}), ids) == Error::tar_trailing_data);
}

TEST_CASE("transport: recipient binding", "[transport][bundle][bad]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Content c = sample_content(1000);
  auto reseal = [&](const Bytes& file, std::vector<crypto::X25519Recipient> to) {
    auto plaintext = crypto::age::decrypt(ids, file);
    REQUIRE(plaintext.ok());
    std::vector<crypto::age::Recipient> rs(to.begin(), to.end());
    auto again = crypto::age::encrypt(rs, *plaintext);
    REQUIRE(again.ok());
    return *again;
  };
  Sealed to_hq = seal(c, keys, {keys.hq.recipient()});
  // Re-encrypting to the same set is indistinguishable and fine.
  CHECK(open_bundle(reseal(to_hq.file, {keys.hq.recipient()}), ids).ok());
  // Adding a recipient, or dropping one, breaks the binding.
  CHECK(open_error(reseal(to_hq.file, {keys.hq.recipient(), keys.other.recipient()}), ids) ==
        Error::recipient_binding_failed);
  Sealed to_two = seal(c, keys, {keys.hq.recipient(), keys.hq2.recipient()});
  CHECK(open_error(reseal(to_two.file, {keys.hq.recipient()}), ids) == Error::recipient_binding_failed);
  // Sealed for someone else entirely, then re-encrypted to HQ alone.
  std::vector<crypto::age::Identity> other_ids;
  other_ids.emplace_back(std::move(*crypto::X25519Identity::from_secret(keys.other.secret().clone())));
  Sealed to_other = seal(c, keys, {keys.other.recipient()});
  auto plaintext = crypto::age::decrypt(other_ids, to_other.file);
  REQUIRE(plaintext.ok());
  std::vector<crypto::age::Recipient> rs;
  rs.emplace_back(keys.hq.recipient());
  CHECK(open_error(*crypto::age::encrypt(rs, *plaintext), ids) == Error::recipient_binding_failed);
  // An scrypt-sealed copy is never bound to recipients.
  std::vector<crypto::age::Recipient> pass;
  pass.emplace_back(crypto::age::ScryptRecipient{crypto::SecretBuffer::from_text("pw"), 10});
  auto scrypted = crypto::age::encrypt(pass, *plaintext);
  REQUIRE(scrypted.ok());
  std::vector<crypto::age::Identity> pass_ids;
  pass_ids.emplace_back(crypto::age::ScryptIdentity{crypto::SecretBuffer::from_text("pw"), 22});
  CHECK(open_error(*scrypted, pass_ids) == Error::recipient_binding_failed);
}
