// Truncated, bit-flipped and swapped key-slot files and databases: each gives
// its own error and leaves every file byte-for-byte as it was.
#include <catch2/catch_test_macros.hpp>

#include "fieldseal/storage/key_slots.hpp"
#include "fieldseal/storage/vault.hpp"
#include "vault_test_util.hpp"

namespace crypto = fieldseal::crypto;
using namespace fieldseal::storage;
using namespace fieldseal::storage::test;

namespace {

void make_vault(const std::filesystem::path& dir, std::string_view passphrase,
                std::string_view name = "Researcher") {
  auto v = Vault::create(dir, Role::field, name, pass(passphrase), kFast);
  REQUIRE(v.ok());
  // Some content, so the database has more than its first page.
  for (int i = 0; i < 40; ++i) {
    REQUIRE(v->set_config(kConfigPurgeOnReceipt, i % 2 == 0 ? "on" : "off").ok());
  }
}

void expect_error_unchanged(const std::filesystem::path& dir, std::string_view passphrase,
                            Error expected) {
  const auto before = snapshot(dir);
  auto opened = Vault::open(dir, pass(passphrase), kFast);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error() == expected);
  CHECK(snapshot(dir) == before);
}

}  // namespace

TEST_CASE("damaged key-slot file: named error, nothing written", "[vault][damaged]") {
  TempDir dir;
  const auto v = dir / "v";
  make_vault(v, "pass");
  const auto keys = v / "keys";
  auto bytes = read_bytes(keys);
  REQUIRE(bytes.size() == kKeySlotFileBytes);

  SECTION("truncated") {
    bytes.resize(kKeySlotFileBytes - 7);
    write_bytes(keys, bytes);
    expect_error_unchanged(v, "pass", Error::key_slots_damaged);
    write_bytes(keys, {});
    expect_error_unchanged(v, "pass", Error::key_slots_damaged);
  }
  SECTION("extended") {
    bytes.push_back(0);
    write_bytes(keys, bytes);
    expect_error_unchanged(v, "pass", Error::key_slots_damaged);
  }
  SECTION("bit flipped in every slot and the trailer") {
    for (std::size_t at = 5; at < kKeySlotFileBytes; at += kSlotBytes) {
      auto flipped = bytes;
      flipped[at] ^= 0x80;
      write_bytes(keys, flipped);
      expect_error_unchanged(v, "pass", Error::key_slots_damaged);
    }
  }
  SECTION("slots swapped within the file") {
    std::swap_ranges(bytes.begin(), bytes.begin() + kSlotBytes, bytes.begin() + 3 * kSlotBytes);
    write_bytes(keys, bytes);
    expect_error_unchanged(v, "pass", Error::key_slots_damaged);
  }
  SECTION("slot file of another vault, another passphrase") {
    make_vault(dir / "w", "other");
    std::filesystem::copy_file(dir / "w" / "keys", keys,
                               std::filesystem::copy_options::overwrite_existing);
    expect_error_unchanged(v, "pass", Error::wrong_passphrase);
  }
  SECTION("slot file of another vault, same passphrase") {
    make_vault(dir / "w", "pass");
    std::filesystem::copy_file(dir / "w" / "keys", keys,
                               std::filesystem::copy_options::overwrite_existing);
    expect_error_unchanged(v, "pass", Error::database_damaged);
  }
  CHECK(std::filesystem::exists(v / "data"));
}

TEST_CASE("damaged database: named error, nothing written", "[vault][damaged]") {
  TempDir dir;
  const auto v = dir / "v";
  make_vault(v, "pass");
  const auto data = v / "data";
  auto bytes = read_bytes(data);
  REQUIRE(bytes.size() >= 4096);

  SECTION("truncated to nothing") {
    write_bytes(data, {});
    expect_error_unchanged(v, "pass", Error::database_damaged);
  }
  SECTION("truncated mid-page") {
    bytes.resize(1000);
    write_bytes(data, bytes);
    expect_error_unchanged(v, "pass", Error::database_damaged);
  }
  SECTION("missing") {
    std::filesystem::remove(data);
    expect_error_unchanged(v, "pass", Error::database_damaged);
  }
  SECTION("bit flipped in the first page") {
    for (std::size_t at : {std::size_t{3}, std::size_t{20}, std::size_t{500}, std::size_t{4000}}) {
      auto flipped = bytes;
      flipped[at] ^= 0x01;
      write_bytes(data, flipped);
      expect_error_unchanged(v, "pass", Error::database_damaged);
    }
  }
  SECTION("database of another vault") {
    make_vault(dir / "w", "pass");
    std::filesystem::copy_file(dir / "w" / "data", data,
                               std::filesystem::copy_options::overwrite_existing);
    expect_error_unchanged(v, "pass", Error::database_damaged);
  }
  SECTION("wrong passphrase still says wrong passphrase") {
    bytes[100] ^= 0xFF;
    write_bytes(data, bytes);
    expect_error_unchanged(v, "nope", Error::wrong_passphrase);
  }
}

TEST_CASE("damaged database page beyond the first: integrity check fails", "[vault][damaged]") {
  TempDir dir;
  const auto v = dir / "v";
  make_vault(v, "pass");
  auto bytes = read_bytes(v / "data");
  REQUIRE(bytes.size() >= 2 * 4096);
  bytes[bytes.size() - 100] ^= 0x10;  // inside the last page's ciphertext or HMAC
  write_bytes(v / "data", bytes);
  auto opened = Vault::open(v, pass("pass"), kFast);
  if (opened.ok()) {
    auto ok = opened->database().integrity_ok();
    CHECK((!ok.ok() || !*ok));
  } else {
    CHECK(opened.error() == Error::database_damaged);
  }
}
