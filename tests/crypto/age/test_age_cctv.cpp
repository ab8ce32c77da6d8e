// The C2SP CCTV age vectors (directory given at configure time as
// FIELDSEAL_CCTV_AGE_DIR): every vector outside the post-quantum ones must
// give exactly its `expect` class and release exactly the plaintext whose
// SHA-256 its `payload` names.
#include <algorithm>
#include <map>
#include <optional>

#include "age_test_util.hpp"
#include "fieldseal/crypto/keys.hpp"

using namespace age_test;
using fieldseal::crypto::SecretBuffer;
using fieldseal::crypto::X25519Identity;

namespace {

// Vectors in the CCTV set (cctv-age 0.2.0: 143 files) and how many of them
// this test must run: all but the 19 post-quantum ones.
constexpr std::size_t kExpectedVectors = 143;
constexpr std::size_t kExpectedRun = 124;

const std::vector<std::string> kKnownKeys = {"expect",     "payload",  "file key", "identity",
                                             "passphrase", "armored", "compressed", "comment"};

struct Vector {
  std::string name;
  std::vector<std::pair<std::string, std::string>> fields;
  Bytes file;
  bool unknown_key = false;

  [[nodiscard]] std::optional<std::string> get(const std::string& key) const {
    for (const auto& [k, v] : fields)
      if (k == key) return v;
    return std::nullopt;
  }
  [[nodiscard]] bool post_quantum() const {
    const std::string_view marker = "mlkem768x25519";
    for (const auto& [k, v] : fields)
      if (k == "identity" && v.starts_with("AGE-SECRET-KEY-PQ-")) return true;
    return std::search(file.begin(), file.end(), marker.begin(), marker.end()) != file.end();
  }
};

Vector load(const std::filesystem::path& path) {
  Vector v;
  v.name = path.filename().string();
  const Bytes raw = read_file(path);
  const std::string_view text(reinterpret_cast<const char*>(raw.data()), raw.size());
  const std::size_t split = text.find("\n\n");
  REQUIRE(split != std::string_view::npos);
  std::string_view head = text.substr(0, split);
  while (!head.empty()) {
    const std::size_t nl = head.find('\n');
    const std::string_view line = head.substr(0, nl);
    const std::size_t colon = line.find(": ");
    REQUIRE(colon != std::string_view::npos);
    std::string key(line.substr(0, colon));
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end())
      v.unknown_key = true;
    v.fields.emplace_back(std::move(key), std::string(line.substr(colon + 2)));
    head = nl == std::string_view::npos ? std::string_view{} : head.substr(nl + 1);
  }
  v.file.assign(raw.begin() + static_cast<std::ptrdiff_t>(split + 2), raw.end());
  if (v.get("compressed") == std::optional<std::string>("zlib")) v.file = inflate_zlib(v.file);
  return v;
}

std::vector<Vector> load_all() {
  const std::filesystem::path dir(FIELDSEAL_CCTV_AGE_DIR);
  REQUIRE(std::filesystem::is_directory(dir));
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.is_regular_file()) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<Vector> out;
  for (const auto& p : paths) out.push_back(load(p));
  return out;
}

std::vector<age::Identity> identities_of(const Vector& v) {
  std::vector<age::Identity> ids;
  for (const auto& [k, val] : v.fields) {
    if (k == "identity") {
      auto id = X25519Identity::parse(val);
      REQUIRE(id.ok());
      ids.emplace_back(std::move(*id));
    } else if (k == "passphrase") {
      ids.emplace_back(age::ScryptIdentity{SecretBuffer::from_text(val)});
    }
  }
  // A few failure vectors name no identity: any identity must fail the same.
  if (ids.empty()) ids.emplace_back(X25519Identity::generate());
  return ids;
}

}  // namespace

TEST_CASE("age: CCTV age vectors give exactly their expected result", "[age][cctv]") {
  const std::vector<Vector> vectors = load_all();
  REQUIRE(vectors.size() == kExpectedVectors);
  std::size_t run = 0;
  std::map<std::string, std::size_t> by_class;
  for (const Vector& v : vectors) {
    if (v.unknown_key || v.post_quantum()) continue;
    ++run;
    const std::string expect = v.get("expect").value_or("?");
    ++by_class[expect];
    const auto ids = identities_of(v);
    const bool armored = v.get("armored") == std::optional<std::string>("yes");
    for (unsigned threads : {1u, 2u}) {
      INFO("vector " << v.name << " threads " << threads);
      age::DecryptOptions options;
      options.threads = threads;
      options.armor = armored ? age::ArmorMode::armored : age::ArmorMode::binary;
      const DecryptOutcome outcome = stream_decrypt(ids, v.file, options);
      const std::string got = outcome.ok ? "success" : error_class(outcome.error);
      CHECK(got == expect);
      if (auto payload = v.get("payload")) CHECK(sha256_hex(outcome.released) == *payload);
      if (!outcome.ok && expect != "payload failure") CHECK(outcome.released.empty());
    }
  }
  CHECK(run == kExpectedRun);
  // Every class is exercised (a reader that misparses the files cannot pass).
  CHECK(by_class["success"] == 21);
  CHECK(by_class["header failure"] == 53);
  CHECK(by_class["armor failure"] == 22);
  CHECK(by_class["payload failure"] == 19);
  CHECK(by_class["no match"] == 8);
  CHECK(by_class["HMAC failure"] == 1);
}

TEST_CASE("age: CCTV headers that parse serialize to identical bytes", "[age][cctv][header]") {
  std::size_t parsed = 0;
  for (const Vector& v : load_all()) {
    Bytes file = v.file;
    if (v.get("armored") == std::optional<std::string>("yes")) {
      auto decoded = age::armor_decode(file);
      if (!decoded.ok()) continue;
      file = std::move(*decoded);
    }
    auto header = age::parse_header(file);
    if (!header.ok()) continue;
    ++parsed;
    INFO("vector " << v.name);
    const Bytes again = age::serialize_header(header->header);
    REQUIRE(header->header_bytes <= file.size());
    CHECK(again == Bytes(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(header->header_bytes)));
    CHECK(header->mac_input_bytes + 1 + 43 + 1 == header->header_bytes);
  }
  // Most vectors have a well-formed header; the header failures mostly do not.
  CHECK(parsed >= 90);
}

TEST_CASE("age: the decryptor detects armor from the first bytes", "[age][cctv][armor]") {
  for (const Vector& v : load_all()) {
    if (v.name != "armor_x25519" && v.name != "x25519" && v.name != "armor_whitespace_outside")
      continue;
    INFO("vector " << v.name);
    const auto ids = identities_of(v);
    const DecryptOutcome outcome = stream_decrypt(ids, v.file);  // ArmorMode::detect
    CHECK(outcome.ok);
    CHECK(sha256_hex(outcome.released) == v.get("payload").value());
  }
}
