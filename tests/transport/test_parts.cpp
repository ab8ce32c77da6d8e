#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <memory>
#include <random>

#include "fieldseal/transport/parts.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;

namespace {

class MemoryParts final : public PartWriter {
 public:
  Result<crypto::ByteSink*> begin(std::uint32_t number, std::uint32_t count) override {
    if (number != sinks.size() + 1) return fail(Error::invalid_argument);
    announced = count;
    sinks.push_back(std::make_unique<crypto::MemorySink>());
    return static_cast<crypto::ByteSink*>(sinks.back().get());
  }
  Result<void> end(std::uint32_t number) override {
    if (number != sinks.size()) return fail(Error::invalid_argument);
    ++ended;
    return {};
  }
  std::vector<Bytes> files() const {
    std::vector<Bytes> out;
    for (const auto& s : sinks) out.push_back(s->bytes());
    return out;
  }
  std::vector<std::unique_ptr<crypto::MemorySink>> sinks;
  std::uint32_t announced = 0;
  std::uint32_t ended = 0;
};

std::vector<Bytes> split(const Sealed& sealed, const Keys& keys, std::uint64_t max, bool armor,
                         std::vector<crypto::X25519Recipient> recipients) {
  crypto::MemorySource whole(sealed.file);
  MemoryParts parts;
  SplitOptions options;
  options.max_part_bytes = max;
  options.armor = armor;
  auto count = split_bundle(whole, sealed.file.size(), sealed.summary.file_sha256,
                            sealed.summary.manifest.bundle_id, recipients, options, parts);
  REQUIRE(count.ok());
  CHECK(*count == parts.sinks.size());
  CHECK(parts.ended == *count);
  (void)keys;
  return parts.files();
}

struct JoinOutcome {
  Result<LoadedBundle> bundle = fail(Error::internal);
  std::optional<PartProblem> problem;
};

// Reads headers, plans, joins and reads the bundle, as an importer would.
JoinOutcome join(const std::vector<Bytes>& files, std::span<const crypto::age::Identity> ids) {
  JoinOutcome out;
  std::vector<PartHeader> headers;
  for (const Bytes& f : files) {
    crypto::MemorySource source(f);
    auto h = read_part_header(source, ids);
    if (!h) {
      out.bundle = fail(h.error());
      return out;
    }
    REQUIRE(h->has_value());
    headers.push_back(**h);
  }
  PartProblem problem;
  auto order = plan_join(headers, &problem);
  if (!order) {
    out.problem = problem;
    out.bundle = fail(order.error());
    return out;
  }
  JoinedSource joined(headers, *order,
                      [&](std::size_t index) -> Result<std::unique_ptr<crypto::ByteSource>> {
                        return std::unique_ptr<crypto::ByteSource>(
                            std::make_unique<crypto::MemorySource>(files[index]));
                      },
                      ids);
  out.bundle = read_bundle(joined, ids);
  out.problem = joined.problem();
  return out;
}

}  // namespace

TEST_CASE("transport: part header round trip and strictness", "[transport][parts]") {
  PartHeader h{new_bundle_id(), 2, 5, 1000, 200, Sha256::of(bytes_of("whole"))};
  auto bytes = serialize_part_header(h);
  CHECK(std::string_view(reinterpret_cast<const char*>(bytes.data()), 16) == "fieldseal-part/1");
  auto parsed = parse_part_header(bytes);
  REQUIRE(parsed.ok());
  CHECK(*parsed == h);
  CHECK(parse_part_header(std::span(bytes).first(87)).error() == Error::part_malformed);
  auto bad = [&](auto mutate) {
    PartHeader x = h;
    mutate(x);
    return parse_part_header(serialize_part_header(x)).error();
  };
  CHECK(bad([](PartHeader& x) { x.number = 0; }) == Error::part_malformed);
  CHECK(bad([](PartHeader& x) { x.number = 6; }) == Error::part_malformed);
  CHECK(bad([](PartHeader& x) { x.offset = 1000; }) == Error::part_malformed);
  CHECK(bad([](PartHeader& x) { x.offset = 0; }) == Error::part_malformed);  // only part 1 starts at 0
  CHECK(bad([](PartHeader& x) { x.count = kMaxParts + 1; }) == Error::part_malformed);
  auto magic = bytes;
  magic[0] ^= 1;
  CHECK(parse_part_header(magic).error() == Error::part_malformed);
}

TEST_CASE("transport: split and join in any order, binary and armored", "[transport][parts]") {
  Keys keys;
  auto ids = keys.hq_identities();
  Content content = sample_content(1'200'000);
  std::vector<crypto::X25519Recipient> recipients{keys.hq.recipient(), keys.hq2.recipient()};
  Sealed sealed = seal(content, keys, recipients);
  std::mt19937 rng(3);
  for (bool armor : {false, true}) {
    const std::uint64_t max = 300'000;
    std::vector<Bytes> parts = split(sealed, keys, max, armor, recipients);
    REQUIRE(parts.size() >= 5);
    for (const Bytes& p : parts) CHECK(p.size() <= max);
    // The last but one part is filled to the limit (within one byte for armor).
    CHECK(parts[0].size() + (armor ? 70 : 0) >= max - 100);
    std::shuffle(parts.begin(), parts.end(), rng);
    auto out = join(parts, ids);
    REQUIRE(out.bundle.ok());
    CHECK_FALSE(out.problem.has_value());
    CHECK(out.bundle->bundle.manifest == sealed.summary.manifest);
    REQUIRE(out.bundle->entries.size() == content.entries.size());
  }
  // A whole bundle is recognised as such.
  crypto::MemorySource whole(sealed.file);
  auto h = read_part_header(whole, ids);
  REQUIRE(h.ok());
  CHECK_FALSE(h->has_value());
}

TEST_CASE("transport: missing, duplicate, foreign and damaged parts are named", "[transport][parts]") {
  Keys keys;
  auto ids = keys.hq_identities();
  std::vector<crypto::X25519Recipient> recipients{keys.hq.recipient()};
  Sealed sealed = seal(sample_content(600'000), keys, recipients);
  std::vector<Bytes> parts = split(sealed, keys, 150'000, false, recipients);
  REQUIRE(parts.size() == 5);

  std::vector<Bytes> missing = parts;
  missing.erase(missing.begin() + 2);
  auto out = join(missing, ids);
  CHECK(out.bundle.error() == Error::part_missing);
  REQUIRE(out.problem);
  CHECK(describe(*out.problem) == "part 3 of 5 missing");

  std::vector<Bytes> twice = parts;
  twice.push_back(parts[1]);
  out = join(twice, ids);
  CHECK(out.bundle.error() == Error::part_duplicate);
  CHECK(describe(*out.problem) == "part 2 of 5 given twice");

  Sealed other = seal(sample_content(600'000), keys, recipients);
  std::vector<Bytes> foreign_parts = split(other, keys, 150'000, false, recipients);
  std::vector<Bytes> mixed = parts;
  mixed[3] = foreign_parts[3];
  out = join(mixed, ids);
  CHECK(out.bundle.error() == Error::part_mismatch);
  CHECK(describe(*out.problem).starts_with("part 4 of 5"));

  std::vector<Bytes> damaged = parts;
  damaged[2][damaged[2].size() - 100] ^= 0x20;  // beyond the first chunk: header still readable
  out = join(damaged, ids);
  REQUIRE_FALSE(out.bundle.ok());
  REQUIRE(out.problem);
  CHECK(out.problem->error == Error::part_damaged);
  CHECK(describe(*out.problem) == "part 3 of 5 damaged");

  std::vector<Bytes> cut = parts;
  cut[1].resize(cut[1].size() - 1);
  out = join(cut, ids);
  REQUIRE(out.problem);
  CHECK(describe(*out.problem) == "part 2 of 5 damaged");
}

TEST_CASE("transport: split refuses impossible part sizes", "[transport][parts]") {
  Keys keys;
  std::vector<crypto::X25519Recipient> recipients{keys.hq.recipient()};
  Sealed sealed = seal(sample_content(10'000), keys, recipients);
  crypto::MemorySource whole(sealed.file);
  MemoryParts parts;
  SplitOptions options;
  options.max_part_bytes = 200;
  CHECK(split_bundle(whole, sealed.file.size(), sealed.summary.file_sha256, sealed.summary.manifest.bundle_id,
                     recipients, options, parts)
            .error() == Error::part_size_too_small);
  // A whole that does not match its hash.
  crypto::MemorySource whole2(sealed.file);
  options.max_part_bytes = 100'000;
  Sha256Digest wrong = sealed.summary.file_sha256;
  wrong[0] ^= 1;
  CHECK(split_bundle(whole2, sealed.file.size(), wrong, sealed.summary.manifest.bundle_id, recipients, options,
                     parts)
            .error() == Error::invalid_argument);
}
