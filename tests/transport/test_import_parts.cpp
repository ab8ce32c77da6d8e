// A split bundle of 5 parts whose part 3 is damaged (bit flips at several
// places, truncation, the part 3 of another bundle in its place): the import
// outcome names part 3 and the HQ vault is unchanged (exchange.hpp,
// docs/bundle-format.md section 10).
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "import_fixture.hpp"

using namespace fieldseal;
using namespace fieldseal::transport;
using fieldseal::transport::test::Bytes;
using fieldseal::transport::test::ImportWorld;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kParts = 5;
constexpr std::uint64_t kPartBytes = 256 * 1024;
// Random, so incompressible: the whole comes out a little over 4 part sizes.
constexpr std::size_t kAttachmentBytes = 1100 * 1024;

Bytes read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const fs::path& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  REQUIRE(out.good());
}

ExportResult split_export(ImportWorld& w, const std::string& dir, std::uint32_t seed) {
  const auto id =
      ImportWorld::final_report(w.field, "video " + dir, test::pseudo_random(kAttachmentBytes, seed));
  ExportOptions options;
  options.split_bytes = kPartBytes;
  auto bundle = w.export_to(w.field, dir, {id}, options);
  REQUIRE(bundle.files.size() == kParts);
  return bundle;
}

// The outcomes that name part 3 of 5, and whether any bundle got imported.
struct Named {
  bool part3 = false;
  bool imported = false;
  std::vector<std::string> sentences;
  [[nodiscard]] std::string all() const {
    std::string out;
    for (const auto& s : sentences) out += s + "\n";
    return out;
  }
};

Named outcomes(const ImportResult& r) {
  Named n;
  for (const auto& b : r.bundles) {
    n.sentences.push_back(b.describe());
    if (b.status == ImportStatus::imported) n.imported = true;
    if (b.part_problem && b.part_problem->number == 3 && b.part_problem->count == kParts &&
        b.describe().find("part 3 of 5") != std::string::npos) {
      n.part3 = true;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("import parts: part 3 of 5 damaged is named and nothing changes", "[import]") {
  ImportWorld w;
  const auto bundle = split_export(w, "parts", 11);
  const fs::path victim = bundle.files[2];
  const Bytes original = read_all(victim);
  REQUIRE(original.size() > 3 * 64 * 1024);  // several age chunks
  const auto before = w.dump_hq();

  auto import_and_check = [&](const char* what, bool damaged_by_number) {
    const auto r = w.import_paths({w.out("parts")});
    const auto n = outcomes(r);
    INFO(what);
    INFO(n.all());
    CHECK(n.part3);
    CHECK_FALSE(n.imported);
    if (damaged_by_number) {
      bool said_damaged = false;
      for (const auto& s : n.sentences) said_damaged = said_damaged || s == "rejected: part 3 of 5 damaged";
      CHECK(said_damaged);
    }
    CHECK(w.dump_hq() == before);
  };

  SECTION("one bit flipped, in each region of the file") {
    // The age header (stanza, MAC), the first payload chunk (which holds the
    // part header), a middle chunk, the last chunk's tag.
    const std::size_t offsets[] = {40, 200, original.size() / 2, original.size() / 2 + 64 * 1024,
                                   original.size() - 1};
    for (const std::size_t at : offsets) {
      Bytes data = original;
      data[at] = static_cast<std::uint8_t>(data[at] ^ 0x10);
      write_all(victim, data);
      // Past the first chunk the part is numbered from its own header and
      // then fails: "damaged". Before, it cannot be numbered.
      import_and_check(("flip at " + std::to_string(at)).c_str(), at > 64 * 1024 + 200);
    }
  }
  SECTION("truncated") {
    for (const std::size_t keep : {original.size() - 1, original.size() - 17, original.size() / 2,
                                   std::size_t{64 * 1024 + 300}, std::size_t{100}}) {
      write_all(victim, Bytes(original.begin(), original.begin() + static_cast<std::ptrdiff_t>(keep)));
      import_and_check(("truncated to " + std::to_string(keep)).c_str(), keep > 64 * 1024 + 300);
    }
  }
  SECTION("replaced by part 3 of another bundle") {
    const auto other = split_export(w, "other", 12);
    fs::copy_file(other.files[2], victim, fs::copy_options::overwrite_existing);
    const auto r = w.import_paths({w.out("parts")});
    const auto n = outcomes(r);
    INFO(n.all());
    CHECK(n.part3);
    CHECK_FALSE(n.imported);
    CHECK(w.dump_hq() == before);
  }
  SECTION("restored, it imports") {
    write_all(victim, original);
    const auto r = w.import_paths({w.out("parts")});
    REQUIRE(r.bundles.size() == 1);
    INFO(r.bundles[0].describe());
    CHECK(r.bundles[0].status == ImportStatus::imported);
  }
}
