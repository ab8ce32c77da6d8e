#pragma once
// A fresh SQLCipher database in a private temporary directory, keyed with a
// random 32-byte key and migrated to the latest schema, plus a signing key.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/migrations.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::storage::test {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "fs-reports-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

struct Vault {
  TempDir dir;
  std::filesystem::path db_path = dir.path() / "vault.db";
  crypto::SecretBuffer raw_key = crypto::SecretBuffer::random(32);
  crypto::Ed25519KeyPair key = crypto::Ed25519KeyPair::generate();
  Database db = open_fresh();

  Database open_fresh() {
    auto opened = Database::open(db_path, raw_key, true);
    REQUIRE(opened.ok());
    Database out = std::move(*opened);
    REQUIRE(migrate(out).ok());
    return out;
  }
  Database reopen() {
    auto opened = Database::open(db_path, raw_key, false);
    REQUIRE(opened.ok());
    return std::move(*opened);
  }
};

inline std::vector<std::uint8_t> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A draft that fills every field, in Russian and English.
inline ReportDraft full_draft() {
  ReportDraft d;
  d.title = "Задержание на Пушкинской площади / Detention at Pushkin Square";
  d.narrative =
      "Около 14:00 сотрудники ОМОН задержали участников пикета.\n"
      "Around 2 pm riot police detained picketers; one was beaten in the van.";
  d.start = PartialDate{DatePrecision::day, "2026-11-07"};
  d.end = PartialDate{DatePrecision::month, "2026-11"};
  d.location.text = "Пушкинская площадь, Москва / Pushkin Square";
  d.location.region = "Москва";
  d.location.coordinates = Coordinates{55765000, 37605000};
  Person victim;
  victim.ref = "v1";
  victim.name = "Анна К.";
  victim.roles = {PersonRole::victim, PersonRole::source};
  victim.description = "журналистка / journalist";
  victim.sensitive = PersonSensitive{"Анна Ивановна Кузнецова", "1990-02-03",
                                     "+7 900 000-00-00", "living in Tver"};
  Person officer;
  officer.name = "OMON officers";
  officer.roles = {PersonRole::perpetrator};
  officer.description = "group of ~5";
  d.persons = {victim, officer};
  d.acts = {Act{"arrest", "v1", "p2", "грубо затащили в автозак", d.start},
            Act{"02010100000004", "v1", "p2", "beaten with batons", PartialDate{}}};
  d.sources = {Source{"v1", "interview in person", Consent{true, false, true}},
               Source{"", "video posted online", Consent{}}};
  d.tags = {"пикет", "OMON", "  avtozak  ", "пикет"};
  return d;
}

}  // namespace fieldseal::storage::test
