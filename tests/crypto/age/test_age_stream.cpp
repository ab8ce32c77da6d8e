// Round trips, tampering, truncation and appended data for age v1 files we
// write, plus header and armor edge cases beyond the CCTV set.
#include <catch2/generators/catch_generators.hpp>
#include <algorithm>
#include <random>

#include "age_test_util.hpp"
#include "fieldseal/crypto/keys.hpp"

using namespace age_test;
using fieldseal::crypto::ByteSink;
using fieldseal::crypto::ByteSource;
using fieldseal::crypto::MemorySink;
using fieldseal::crypto::Result;
using fieldseal::crypto::SecretBuffer;
using fieldseal::crypto::X25519Identity;

namespace {

constexpr std::size_t kChunk = age::kChunkBytes;
constexpr std::size_t kEncChunk = age::kChunkBytes + 16;
constexpr std::size_t kNonce = 16;
constexpr int kTestLogN = 10;  // fast scrypt for tests; age's default is 18

// Returns at most `max` bytes per read, varying, to exercise short reads.
class ChoppySource final : public ByteSource {
 public:
  ChoppySource(std::span<const std::uint8_t> data, std::size_t max) : data_(data), max_(max) {}
  Result<std::size_t> read(std::span<std::uint8_t> out) override {
    const std::size_t n = std::min({out.size(), data_.size() - offset_, 1 + (calls_++ * 7) % max_});
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
    offset_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t max_;
  std::size_t offset_ = 0;
  std::size_t calls_ = 0;
};

class FailingSink final : public ByteSink {
 public:
  explicit FailingSink(std::size_t budget) : budget_(budget) {}
  Result<void> write(std::span<const std::uint8_t> data) override {
    if (data.size() > budget_) return fieldseal::fail(Error::io_write);
    budget_ -= data.size();
    return {};
  }

 private:
  std::size_t budget_;
};

struct Keys {
  X25519Identity identity = X25519Identity::generate();
  std::vector<age::Recipient> recipients() const {
    std::vector<age::Recipient> r;
    r.emplace_back(identity.recipient());
    return r;
  }
  std::vector<age::Identity> identities() const {
    std::vector<age::Identity> ids;
    auto copy = X25519Identity::from_secret(identity.secret().clone());
    REQUIRE(copy.ok());
    ids.emplace_back(std::move(*copy));
    return ids;
  }
};

Bytes seal(const Keys& keys, std::span<const std::uint8_t> plain, age::EncryptOptions options = {},
           std::size_t write_size = 0) {
  MemorySink sink;
  const auto recipients = keys.recipients();
  auto enc = age::Encryptor::begin(recipients, sink, options);
  REQUIRE(enc.ok());
  if (write_size == 0) {
    REQUIRE(enc->write(plain).ok());
  } else {
    for (std::size_t off = 0; off < plain.size(); off += write_size)
      REQUIRE(enc->write(plain.subspan(off, std::min(write_size, plain.size() - off))).ok());
  }
  REQUIRE(enc->finish().ok());
  return sink.take();
}

std::size_t header_end(std::span<const std::uint8_t> file) {
  auto parsed = age::parse_header(file);
  REQUIRE(parsed.ok());
  return parsed->header_bytes;
}

bool is_prefix(const Bytes& prefix, const Bytes& whole) {
  return prefix.size() <= whole.size() && std::equal(prefix.begin(), prefix.end(), whole.begin());
}

}  // namespace

TEST_CASE("age: round trip across sizes, thread counts, write sizes and armor", "[age][stream]") {
  const Keys keys;
  const auto ids = keys.identities();
  const std::size_t size = GENERATE(std::size_t{0}, 1, 100, kChunk - 1, kChunk, kChunk + 1,
                                    2 * kChunk, 2 * kChunk + 1, 17 * kChunk + 5);
  // With two threads a batch is 16 chunks: 17 chunks and a bit cross it.
  const Bytes plain = pattern(size, static_cast<std::uint32_t>(size));
  for (unsigned enc_threads : {1u, 2u}) {
    for (bool armor : {false, true}) {
      for (std::size_t write_size : {std::size_t{0}, std::size_t{7919}}) {
        INFO("size " << size << " threads " << enc_threads << " armor " << armor << " write "
                     << write_size);
        age::EncryptOptions eo;
        eo.threads = enc_threads;
        eo.armor = armor;
        const Bytes file = seal(keys, plain, eo, write_size);
        if (!armor) {
          const std::size_t chunks = std::max<std::size_t>(1, (size + kChunk - 1) / kChunk);
          CHECK(file.size() == header_end(file) + kNonce + size + 16 * chunks);
        } else {
          CHECK(std::string_view(reinterpret_cast<const char*>(file.data()), 35) ==
                "-----BEGIN AGE ENCRYPTED FILE-----\n");
        }
        for (unsigned dec_threads : {1u, 2u}) {
          age::DecryptOptions dopt;
          dopt.threads = dec_threads;
          const DecryptOutcome out = stream_decrypt(ids, file, dopt, 4093);
          REQUIRE(out.ok);
          CHECK(out.released == plain);
        }
      }
    }
  }
}

TEST_CASE("age: short reads from the source", "[age][stream]") {
  const Keys keys;
  const auto ids = keys.identities();
  const Bytes plain = pattern(3 * kChunk + 77);
  for (bool armor : {false, true}) {
    age::EncryptOptions eo;
    eo.armor = armor;
    const Bytes file = seal(keys, plain, eo);
    ChoppySource source(file, 97);
    auto dec = age::Decryptor::open(source, ids);
    REQUIRE(dec.ok());
    Bytes got;
    Bytes buf(1000);
    for (;;) {
      auto n = dec->read(buf);
      REQUIRE(n.ok());
      if (*n == 0) break;
      got.insert(got.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
    }
    CHECK(got == plain);
    // The end stays the end.
    auto again = dec->read(buf);
    REQUIRE(again.ok());
    CHECK(*again == 0);
  }
}

TEST_CASE("age: several X25519 recipients; others do not match", "[age][x25519]") {
  const Keys a, b, c, stranger;
  std::vector<age::Recipient> recipients;
  for (const Keys* k : {&a, &b, &c}) recipients.emplace_back(k->identity.recipient());
  const Bytes plain = pattern(1000);
  auto file = age::encrypt(recipients, plain);
  REQUIRE(file.ok());
  auto parsed = age::parse_header(*file);
  REQUIRE(parsed.ok());
  CHECK(parsed->header.stanzas.size() == 3);
  for (const Keys* k : {&a, &b, &c}) {
    auto got = age::decrypt(k->identities(), *file);
    REQUIRE(got.ok());
    CHECK(*got == plain);
  }
  auto none = age::decrypt(stranger.identities(), *file);
  REQUIRE(!none.ok());
  CHECK(none.error() == Error::age_no_identity_matched);
  // A stranger's identity listed first does not stop the right one.
  std::vector<age::Identity> ids = stranger.identities();
  for (auto& id : c.identities()) ids.push_back(std::move(id));
  auto got = age::decrypt(ids, *file);
  REQUIRE(got.ok());
  CHECK(*got == plain);
}

TEST_CASE("age: scrypt recipients", "[age][scrypt]") {
  const Bytes plain = pattern(70000);
  std::vector<age::Recipient> recipients;
  recipients.emplace_back(age::ScryptRecipient{SecretBuffer::from_text("correct horse"), kTestLogN});
  auto file = age::encrypt(recipients, plain);
  REQUIRE(file.ok());
  auto parsed = age::parse_header(*file);
  REQUIRE(parsed.ok());
  REQUIRE(parsed->header.stanzas.size() == 1);
  CHECK(parsed->header.stanzas[0].type == "scrypt");
  CHECK(parsed->header.stanzas[0].args.size() == 2);
  CHECK(parsed->header.stanzas[0].args[1] == "10");

  std::vector<age::Identity> right;
  right.emplace_back(age::ScryptIdentity{SecretBuffer::from_text("correct horse")});
  auto got = age::decrypt(right, *file);
  REQUIRE(got.ok());
  CHECK(*got == plain);

  std::vector<age::Identity> wrong;
  wrong.emplace_back(age::ScryptIdentity{SecretBuffer::from_text("correct horse!")});
  auto bad = age::decrypt(wrong, *file);
  REQUIRE(!bad.ok());
  CHECK(bad.error() == Error::age_no_identity_matched);

  std::vector<age::Identity> capped;
  capped.emplace_back(age::ScryptIdentity{SecretBuffer::from_text("correct horse"), kTestLogN - 1});
  auto too_high = age::decrypt(capped, *file);
  REQUIRE(!too_high.ok());
  CHECK(too_high.error() == Error::age_scrypt_work_factor_too_high);

  // An X25519 identity does not match an scrypt file.
  const Keys keys;
  auto x = age::decrypt(keys.identities(), *file);
  REQUIRE(!x.ok());
  CHECK(x.error() == Error::age_no_identity_matched);

  // scrypt must be alone, and its work factor within range.
  std::vector<age::Recipient> mixed;
  mixed.emplace_back(age::ScryptRecipient{SecretBuffer::from_text("p"), kTestLogN});
  mixed.emplace_back(keys.identity.recipient());
  auto m = age::encrypt(mixed, plain);
  REQUIRE(!m.ok());
  CHECK(m.error() == Error::age_scrypt_not_alone);
  for (int log_n : {0, age::kScryptMaxLogN + 1}) {
    std::vector<age::Recipient> r;
    r.emplace_back(age::ScryptRecipient{SecretBuffer::from_text("p"), log_n});
    auto e = age::encrypt(r, plain);
    REQUIRE(!e.ok());
    CHECK(e.error() == Error::invalid_argument);
  }
}

TEST_CASE("age: every flipped byte of a small file is rejected", "[age][tamper]") {
  const Keys keys;
  const auto ids = keys.identities();
  const Bytes plain = pattern(200);
  const Bytes file = seal(keys, plain);
  const std::size_t header = header_end(file);
  for (std::size_t i = 0; i < file.size(); ++i) {
    for (std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}}) {
      Bytes bad = file;
      bad[i] ^= mask;
      INFO("byte " << i << " mask " << int{mask});
      const DecryptOutcome out = stream_decrypt(ids, bad);
      REQUIRE(!out.ok);
      CHECK(out.released.empty());
      const std::string cls = error_class(out.error);
      if (i < header) {
        CHECK((cls == "header failure" || cls == "HMAC failure" || cls == "no match"));
      } else {
        CHECK(cls == "payload failure");
      }
    }
  }
}

TEST_CASE("age: 1,000 random flipped bytes of a 1 MiB file are rejected", "[age][tamper]") {
  const Keys keys;
  const auto ids = keys.identities();
  const Bytes plain = pattern(1 << 20, 7);
  const Bytes file = seal(keys, plain);
  const std::size_t payload = header_end(file) + kNonce;
  std::mt19937_64 rng(20261121);
  std::uniform_int_distribution<std::size_t> pos(0, file.size() - 1);
  std::uniform_int_distribution<int> bit(0, 7);
  for (int trial = 0; trial < 1000; ++trial) {
    const std::size_t i = pos(rng);
    Bytes bad = file;
    bad[i] ^= static_cast<std::uint8_t>(1u << bit(rng));
    INFO("byte " << i);
    const DecryptOutcome out = stream_decrypt(ids, bad, {}, 1 << 16);
    REQUIRE(!out.ok);
    REQUIRE(is_prefix(out.released, plain));
    if (i >= payload + kNonce) {
      // Nothing of the damaged chunk or after it is released.
      const std::size_t chunk = (i - payload) / kEncChunk;
      CHECK(out.released.size() <= chunk * kChunk);
      CHECK(error_class(out.error) == "payload failure");
    } else {
      CHECK(out.released.empty());
    }
  }
}

TEST_CASE("age: truncation at every chunk boundary and around the header end", "[age][truncate]") {
  const Keys keys;
  const auto ids = keys.identities();
  // A short final chunk, and a full final chunk (lastness only from the flag).
  for (std::size_t size : {3 * kChunk + 100, 3 * kChunk}) {
    const Bytes plain = pattern(size, 3);
    const Bytes file = seal(keys, plain);
    const std::size_t header = header_end(file);
    const std::size_t payload = header + kNonce;
    std::vector<std::size_t> cuts = {0, 1, header - 1, header, header + 1, payload - 1, payload,
                                     payload + 1};
    for (std::size_t b = payload + kEncChunk; b < file.size() + 2; b += kEncChunk) {
      cuts.push_back(b - 1);
      cuts.push_back(b);
      cuts.push_back(b + 1);
    }
    cuts.push_back(file.size() - 1);
    for (std::size_t cut : cuts) {
      if (cut >= file.size()) continue;
      INFO("size " << size << " cut at " << cut << " of " << file.size());
      const DecryptOutcome out =
          stream_decrypt(ids, std::span(file).first(cut), {}, 1 << 16);
      REQUIRE(!out.ok);
      CHECK(is_prefix(out.released, plain));
      CHECK(out.released.size() < plain.size());
      const std::string cls = error_class(out.error);
      if (cut < payload) {
        CHECK(cls == "header failure");
      } else {
        CHECK(cls == "payload failure");
      }
      if (cut > payload && (cut - payload) % kEncChunk == 0) {
        // Cut exactly after a full chunk: the chunks before are released,
        // then the missing final chunk is reported.
        CHECK(out.error == Error::age_payload_truncated);
        CHECK(out.released.size() == (cut - payload) / kEncChunk * kChunk);
      }
    }
  }
}

TEST_CASE("age: appended bytes are rejected", "[age][trailing]") {
  const Keys keys;
  const auto ids = keys.identities();
  for (std::size_t size : {std::size_t{0}, std::size_t{100}, kChunk, 2 * kChunk}) {
    const Bytes plain = pattern(size, 5);
    const Bytes file = seal(keys, plain);
    for (std::size_t extra : {std::size_t{1}, std::size_t{16}, kEncChunk}) {
      INFO("size " << size << " extra " << extra);
      Bytes bad = file;
      const Bytes tail = pattern(extra, 9);
      bad.insert(bad.end(), tail.begin(), tail.end());
      const DecryptOutcome out = stream_decrypt(ids, bad);
      REQUIRE(!out.ok);
      CHECK(error_class(out.error) == "payload failure");
      CHECK(is_prefix(out.released, plain));
      if (size == kChunk || size == 2 * kChunk) {
        // The final chunk is full: it authenticates as last, then the extra
        // bytes are trailing data.
        CHECK(out.error == Error::age_payload_trailing_data);
      }
    }
    // A copy of the final chunk appended.
    Bytes twice = file;
    const std::size_t last = header_end(file) + kNonce + (size == 0 ? 0 : (size - 1) / kChunk * kEncChunk);
    twice.insert(twice.end(), file.begin() + static_cast<std::ptrdiff_t>(last), file.end());
    const DecryptOutcome out = stream_decrypt(ids, twice);
    REQUIRE(!out.ok);
    CHECK(error_class(out.error) == "payload failure");
  }
  // Armored: anything but whitespace after the end line.
  age::EncryptOptions eo;
  eo.armor = true;
  Bytes armored = seal(keys, pattern(500), eo);
  Bytes ws = armored;
  for (char c : std::string(" \r\n\t\n")) ws.push_back(static_cast<std::uint8_t>(c));
  CHECK(stream_decrypt(ids, ws).ok);
  armored.push_back('x');
  const DecryptOutcome out = stream_decrypt(ids, armored);
  REQUIRE(!out.ok);
  CHECK(out.error == Error::age_armor_invalid);
}

TEST_CASE("age: writer and reader misuse", "[age][api]") {
  const Keys keys;
  MemorySink sink;
  CHECK(age::Encryptor::begin({}, sink).error() == Error::invalid_argument);
  const auto recipients = keys.recipients();
  auto enc = age::Encryptor::begin(recipients, sink);
  REQUIRE(enc.ok());
  REQUIRE(enc->write(to_bytes("x")).ok());
  REQUIRE(enc->finish().ok());
  CHECK(enc->write(to_bytes("y")).error() == Error::age_writer_state);
  CHECK(enc->finish().error() == Error::age_writer_state);

  // A sink that fails mid-way: the error surfaces and the writer is spent.
  FailingSink failing(300);
  auto enc2 = age::Encryptor::begin(recipients, failing);
  REQUIRE(enc2.ok());
  const Bytes big = pattern(40 * kChunk);
  auto w = enc2->write(big);
  REQUIRE(!w.ok());
  CHECK(w.error() == Error::io_write);
  CHECK(enc2->write(to_bytes("y")).error() == Error::age_writer_state);

  fieldseal::crypto::MemorySource source(sink.bytes());
  CHECK(age::Decryptor::open(source, {}).error() == Error::invalid_argument);
}

TEST_CASE("age: header parsing: caps and grammar", "[age][header]") {
  age::Header h;
  h.stanzas.push_back({"X25519", {"abc"}, Bytes(48, 7)});  // a full body line + empty line
  h.stanzas.push_back({"t", {}, {}});
  h.stanzas.push_back({"u", {"1", "2", "3"}, Bytes(100, 1)});
  h.mac.fill(9);
  const Bytes bytes = age::serialize_header(h);
  const std::string text(bytes.begin(), bytes.end());
  CHECK(text.find("-> t\n\n") != std::string::npos);
  auto back = age::parse_header(bytes);
  REQUIRE(back.ok());
  CHECK(back->header.stanzas == h.stanzas);
  CHECK(back->header.mac == h.mac);
  CHECK(back->header_bytes == bytes.size());
  // Every strict prefix is invalid (incomplete), never accepted.
  for (std::size_t n = 0; n < bytes.size(); ++n)
    CHECK(!age::parse_header(std::span(bytes).first(n)).ok());

  // A header over the cap.
  Bytes huge = to_bytes("age-encryption.org/v1\n");
  const std::string line = "-> big\n" + std::string(60, 'A') + "\n";
  while (huge.size() <= age::kHeaderMaxBytes) huge.insert(huge.end(), line.begin(), line.end());
  auto too_big = age::parse_header(huge);
  REQUIRE(!too_big.ok());
  CHECK(too_big.error() == Error::age_header_too_large);
  const Keys keys;
  CHECK(stream_decrypt(keys.identities(), huge).error == Error::age_header_too_large);

  CHECK(age::parse_header(to_bytes("age-encryption.org/v2\n")).error() ==
        Error::age_unsupported_version);
  CHECK(age::parse_header(to_bytes("\x89PNG")).error() == Error::age_header_invalid);
}

TEST_CASE("age: armor encode/decode", "[age][armor]") {
  for (std::size_t size : std::initializer_list<std::size_t>{0, 1, 2, 3, 47, 48, 49, 96, 1000}) {
    const Bytes data = pattern(size, 11);
    const std::string text = age::armor_encode(data);
    CHECK(text.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n"));
    CHECK(text.ends_with("-----END AGE ENCRYPTED FILE-----\n"));
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t nl = text.find('\n', start);
      CHECK(nl - start <= 64);
      start = nl + 1;
    }
    auto back = age::armor_decode(to_bytes(text));
    REQUIRE(back.ok());
    CHECK(*back == data);
    // CRLF line endings decode the same.
    std::string crlf;
    for (char c : text) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    auto back2 = age::armor_decode(to_bytes(crlf));
    REQUIRE(back2.ok());
    CHECK(*back2 == data);
  }
  CHECK(!age::armor_decode(to_bytes("")).ok());
  CHECK(!age::armor_decode(to_bytes(std::string(2000, ' '))).ok());
  const std::string ok = age::armor_encode(pattern(10));
  CHECK(age::armor_decode(to_bytes(std::string(1024, '\n') + ok)).ok());
  CHECK(!age::armor_decode(to_bytes(std::string(1025, '\n') + ok)).ok());
}
