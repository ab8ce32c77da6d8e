#include <catch2/catch_test_macros.hpp>

#include <set>

#include "fieldseal/storage/key_slots.hpp"
#include "vault_test_util.hpp"

namespace crypto = fieldseal::crypto;
using namespace fieldseal::storage;
using namespace fieldseal::storage::test;

namespace {

SlotContent content(SlotKind kind, std::string_view name = "Anna") {
  return SlotContent{kind, Role::field, std::string(name),
                     crypto::SecretBuffer::random(kMasterKeyBytes)};
}

}  // namespace

TEST_CASE("key-slot file: size is constant whatever the number of used slots", "[key_slots]") {
  auto file = KeySlotFile::fresh(kFast);
  CHECK(file.serialize().size() == kKeySlotFileBytes);
  const auto p = pass("first");
  for (std::size_t i : {2u, 5u}) {
    auto sealed = file.seal(i, p, kFast, content(SlotKind::normal));
    REQUIRE(sealed.ok());
    CHECK(file.serialize().size() == kKeySlotFileBytes);
  }
  TempDir dir;
  REQUIRE(file.write_atomic(dir / "keys").ok());
  CHECK(std::filesystem::file_size(dir / "keys") == kKeySlotFileBytes);
  CHECK(file_names(dir.path()) == std::vector<std::string>{"keys"});
}

TEST_CASE("key-slot file: fillers carry the same plausible parameters as used slots",
          "[key_slots]") {
  auto file = KeySlotFile::fresh(kFast);
  REQUIRE(file.seal(3, pass("p"), kFast, content(SlotKind::normal)).ok());
  REQUIRE(file.seal(6, pass("d"), kFast, content(SlotKind::duress)).ok());
  auto parsed = KeySlotFile::parse(file.serialize());
  REQUIRE(parsed.ok());
  std::set<std::vector<std::uint8_t>> salts;
  for (std::size_t i = 0; i < kKeySlotCount; ++i) {
    CHECK(parsed->params(i) == kFast);
    CHECK(parsed->params(i).validate().ok());
    auto s = parsed->salt(i);
    salts.insert(std::vector<std::uint8_t>(s.begin(), s.end()));
  }
  CHECK(salts.size() == kKeySlotCount);
  // The used slots' ciphertext regions look like the fillers': no zero runs.
  const auto bytes = file.serialize();
  for (std::size_t i = 0; i < kKeySlotCount; ++i) {
    std::size_t zeros = 0;
    for (std::size_t j = 48; j < kSlotBytes; ++j) zeros += bytes[i * kSlotBytes + j] == 0;
    CHECK(zeros < 16);
  }
}

TEST_CASE("key-slot file: seal and unlock round trip; wrong passphrase opens nothing",
          "[key_slots]") {
  auto file = KeySlotFile::fresh(kFast);
  auto c = content(SlotKind::normal, "Иван Петров");
  const auto master = c.key.clone();
  REQUIRE(file.seal(4, pass("correct horse"), kFast, c).ok());
  auto parsed = KeySlotFile::parse(file.serialize());
  REQUIRE(parsed.ok());

  auto opened = parsed->unlock(pass("correct horse"));
  REQUIRE(opened.ok());
  REQUIRE(opened->has_value());
  CHECK((*opened)->index == 4);
  CHECK((*opened)->content.kind == SlotKind::normal);
  CHECK((*opened)->content.name == "Иван Петров");
  CHECK((*opened)->content.key.equals(master));
  CHECK((*opened)->params == kFast);

  auto wrong = parsed->unlock(pass("correct horsf"));
  REQUIRE(wrong.ok());
  CHECK_FALSE(wrong->has_value());
  CHECK(parsed->unlock(crypto::SecretBuffer()).error() == Error::passphrase_empty);
}

TEST_CASE("key-slot file: the kind is inside the ciphertext", "[key_slots]") {
  auto file = KeySlotFile::fresh(kFast);
  REQUIRE(file.seal(0, pass("normal"), kFast, content(SlotKind::normal)).ok());
  REQUIRE(file.seal(7, pass("duress"), kFast, content(SlotKind::duress)).ok());
  auto d = file.unlock(pass("duress"));
  REQUIRE(d.ok());
  REQUIRE(d->has_value());
  CHECK((*d)->index == 7);
  CHECK((*d)->content.kind == SlotKind::duress);
  auto n = file.unlock(pass("normal"));
  REQUIRE(n.ok());
  REQUIRE(n->has_value());
  CHECK((*n)->content.kind == SlotKind::normal);
}

TEST_CASE("key-slot file: seal_with_kek re-seals without a new KDF run", "[key_slots]") {
  auto file = KeySlotFile::fresh(kFast);
  auto kek = file.seal(1, pass("p"), kFast, content(SlotKind::duress));
  REQUIRE(kek.ok());
  const auto before = file.serialize();
  std::vector<std::uint8_t> salt(file.salt(1).begin(), file.salt(1).end());
  auto c = content(SlotKind::normal);
  const auto master = c.key.clone();
  REQUIRE(file.seal_with_kek(1, *kek, salt, kFast, c).ok());
  const auto after = file.serialize();
  CHECK(std::equal(before.begin() + kSlotBytes, before.begin() + kSlotBytes + 24,
                   after.begin() + kSlotBytes));  // salt and parameters kept
  auto opened = file.unlock(pass("p"));
  REQUIRE(opened.ok());
  REQUIRE(opened->has_value());
  CHECK((*opened)->content.kind == SlotKind::normal);
  CHECK((*opened)->content.key.equals(master));
}

TEST_CASE("key-slot file: damaged files are refused", "[key_slots]") {
  auto file = KeySlotFile::fresh(kFast);
  REQUIRE(file.seal(2, pass("p"), kFast, content(SlotKind::normal)).ok());
  const auto good = file.serialize();
  std::vector<std::uint8_t> bytes(good.begin(), good.end());
  REQUIRE(KeySlotFile::parse(bytes).ok());

  SECTION("truncated") {
    bytes.pop_back();
    CHECK(KeySlotFile::parse(bytes).error() == Error::key_slots_damaged);
    CHECK(KeySlotFile::parse({}).error() == Error::key_slots_damaged);
  }
  SECTION("too long") {
    bytes.push_back(0);
    CHECK(KeySlotFile::parse(bytes).error() == Error::key_slots_damaged);
  }
  SECTION("any single bit flipped") {
    for (std::size_t at : {std::size_t{0}, std::size_t{17}, 2 * kSlotBytes + 100,
                           kKeySlotFileBytes - 40, kKeySlotFileBytes - 1}) {
      auto flipped = bytes;
      flipped[at] ^= 0x04;
      CHECK(KeySlotFile::parse(flipped).error() == Error::key_slots_damaged);
    }
  }
  SECTION("two slots swapped") {
    std::swap_ranges(bytes.begin(), bytes.begin() + kSlotBytes, bytes.begin() + 2 * kSlotBytes);
    CHECK(KeySlotFile::parse(bytes).error() == Error::key_slots_damaged);
  }
  SECTION("parameters below the floor or above the cap, with a valid checksum") {
    auto weak = file;
    weak.randomize(5, crypto::Argon2idParams{8ull << 20, 1});
    CHECK(KeySlotFile::parse(weak.serialize()).error() == Error::key_slots_damaged);
    auto huge = file;
    huge.randomize(5, crypto::Argon2idParams{8ull << 30, 3});
    CHECK(KeySlotFile::parse(huge.serialize()).error() == Error::key_slots_damaged);
  }
  SECTION("missing file") {
    TempDir dir;
    CHECK(KeySlotFile::read(dir / "keys").error() == Error::vault_not_found);
  }
}

TEST_CASE("key-slot file: atomic write replaces the file and leaves no temporary",
          "[key_slots]") {
  TempDir dir;
  auto first = KeySlotFile::fresh(kFast);
  first.set_wipe_after(5);
  first.set_failed_unlocks(2);
  REQUIRE(first.write_atomic(dir / "keys").ok());
  auto second = KeySlotFile::fresh(kFast);
  REQUIRE(second.write_atomic(dir / "keys").ok());
  auto read = KeySlotFile::read(dir / "keys");
  REQUIRE(read.ok());
  const auto expected = second.serialize();
  CHECK(read->serialize() == expected);
  CHECK(read->wipe_after() == 0);
  CHECK(file_names(dir.path()) == std::vector<std::string>{"keys"});

  // A stale temporary from an interrupted write is destroyed, not kept.
  write_bytes(dir / "keys.new", std::vector<std::uint8_t>(kKeySlotFileBytes, 0xAA));
  REQUIRE(first.write_atomic(dir / "keys").ok());
  CHECK(file_names(dir.path()) == std::vector<std::string>{"keys"});
  auto again = KeySlotFile::read(dir / "keys");
  REQUIRE(again.ok());
  CHECK(again->wipe_after() == 5);
  CHECK(again->failed_unlocks() == 2);
}

TEST_CASE("shred_file overwrites and unlinks", "[key_slots]") {
  TempDir dir;
  write_bytes(dir / "x", std::vector<std::uint8_t>(10000, 0x41));
  REQUIRE(shred_file(dir / "x").ok());
  CHECK_FALSE(std::filesystem::exists(dir / "x"));
  CHECK(shred_file(dir / "missing").ok());
}
