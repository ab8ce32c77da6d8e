#include <catch2/catch_test_macros.hpp>

#include "fieldseal/transport/tar_stream.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;

namespace {

struct Listing {
  std::vector<std::pair<std::string, Bytes>> entries;
  std::optional<Error> error;
};

Listing list(const Bytes& tar) {
  crypto::MemorySource source(tar);
  Listing out;
  auto reader = TarReader::open(source);
  if (!reader) {
    out.error = reader.error();
    return out;
  }
  Bytes buf(1000);
  for (;;) {
    auto e = (*reader)->next();
    if (!e) {
      out.error = e.error();
      return out;
    }
    if (!*e) return out;
    Bytes data;
    for (;;) {
      auto n = (*reader)->read(buf);
      if (!n) {
        out.error = n.error();
        return out;
      }
      if (*n == 0) break;
      data.insert(data.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
    }
    out.entries.emplace_back((*e)->name, std::move(data));
  }
}

Error list_error(const Bytes& tar) {
  Listing l = list(tar);
  REQUIRE(l.error.has_value());
  return *l.error;
}

}  // namespace

TEST_CASE("transport: tar writer output reads back strictly", "[transport][tar]") {
  crypto::MemorySink sink;
  auto writer = TarWriter::create(sink, 1'795'000'000);
  REQUIRE(writer.ok());
  Bytes big = pseudo_random(1'000'003, 2);
  REQUIRE((*writer)->add("manifest.json", bytes_of("{}")).ok());
  REQUIRE((*writer)->add("reports/a.json", {}).ok());
  crypto::MemorySource big_source(big);
  auto digest = (*writer)->add_stream("attachments/" + std::string(64, 'b'), big.size(), big_source);
  REQUIRE(digest.ok());
  CHECK(*digest == Sha256::of(big));
  REQUIRE((*writer)->finish().ok());
  CHECK(sink.bytes().size() % 512 == 0);

  Listing l = list(sink.bytes());
  REQUIRE_FALSE(l.error.has_value());
  REQUIRE(l.entries.size() == 3);
  CHECK(l.entries[0].first == "manifest.json");
  CHECK(l.entries[0].second == bytes_of("{}"));
  CHECK(l.entries[1].second.empty());
  CHECK(l.entries[2].second == big);
}

TEST_CASE("transport: tar writer refuses bad names and wrong sizes", "[transport][tar]") {
  crypto::MemorySink sink;
  auto writer = TarWriter::create(sink, 0);
  REQUIRE(writer.ok());
  CHECK((*writer)->add("../etc/passwd", bytes_of("x")).error() == Error::invalid_argument);
  Bytes data = bytes_of("12345");
  crypto::MemorySource short_source(data);
  CHECK((*writer)->add_stream("reports/a.json", 6, short_source).error() == Error::invalid_argument);
}

TEST_CASE("transport: hostile tar entries are rejected", "[transport][tar]") {
  Bytes body = bytes_of("payload");
  auto one = [&](std::string_view name, char type, std::string_view link = {}) {
    RawTar t;
    t.add(name, type == '0' ? body : Bytes{}, type, link);
    t.finish();
    return t.bytes;
  };
  CHECK(list_error(one("../manifest.json", '0')) == Error::tar_entry_name_invalid);
  CHECK(list_error(one("reports/../../x.json", '0')) == Error::tar_entry_name_invalid);
  CHECK(list_error(one("/manifest.json", '0')) == Error::tar_entry_name_invalid);
  CHECK(list_error(one("notes.txt", '0')) == Error::tar_entry_name_invalid);
  CHECK(list_error(one("reports/a.json", '2', "/etc/passwd")) == Error::tar_entry_not_regular);
  CHECK(list_error(one("reports/a.json", '1', "manifest.json")) == Error::tar_entry_not_regular);
  CHECK(list_error(one("reports/a.json", '3')) == Error::tar_entry_not_regular);
  CHECK(list_error(one("reports/a.json", '4')) == Error::tar_entry_not_regular);
  CHECK(list_error(one("reports/a.json", '6')) == Error::tar_entry_not_regular);
  CHECK(list_error(one("reports/", '5')) == Error::tar_entry_not_regular);

  RawTar dup;
  dup.add("reports/a.json", body);
  dup.add("reports/a.json", body);
  dup.finish();
  CHECK(list_error(dup.bytes) == Error::tar_entry_duplicate);

  RawTar big;
  big.add_header_only("reports/a.json", kMaxDocumentBytes + 1);
  CHECK(list_error(big.bytes) == Error::tar_entry_too_large);
  RawTar huge_manifest;
  huge_manifest.add_header_only("manifest.json", std::uint64_t{100} << 20);
  CHECK(list_error(huge_manifest.bytes) == Error::manifest_too_large);

  RawTar trailing;
  trailing.add("reports/a.json", body);
  trailing.finish();
  trailing.bytes.resize(trailing.bytes.size() + 64 * 1024, 0);
  trailing.bytes.push_back(1);
  CHECK(list_error(trailing.bytes) == Error::tar_trailing_data);

  RawTar truncated;
  truncated.add("reports/a.json", pseudo_random(5000, 3));
  truncated.bytes.resize(truncated.bytes.size() - 1000);
  CHECK(list_error(truncated.bytes) == Error::tar_corrupt);

  CHECK(list_error(pseudo_random(4096, 8)) == Error::tar_corrupt);
}
