#pragma once
// Split bundles (docs/bundle-format.md, "Split parts"). A finished bundle
// file (the "whole", binary age) is cut into slices; each part is its own
// age file for the same recipients whose plaintext is a fixed 88-byte header
// followed by one slice:
//
//   magic "fieldseal-part/1" (16) | bundle id (16) | part number u32be
//   (1-based) | part count u32be | whole size u64be | slice offset u64be |
//   SHA-256 of the whole (32)
//
// Parts join in any order whatever their file names: read every header
// (read_part_header), plan the join (plan_join: missing, duplicate and
// foreign parts are named by number), then stream the whole through
// JoinedSource into BundleReader.
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/transport/digest.hpp"
#include "fieldseal/transport/error.hpp"
#include "fieldseal/transport/manifest.hpp"

namespace fieldseal::transport {

inline constexpr std::string_view kPartMagic = "fieldseal-part/1";
inline constexpr std::size_t kPartHeaderBytes = 88;
inline constexpr std::uint32_t kMaxParts = 100'000;

struct PartHeader {
  BundleId bundle_id{};
  std::uint32_t number = 0;      // 1..count
  std::uint32_t count = 0;
  std::uint64_t whole_bytes = 0;
  std::uint64_t offset = 0;      // of this part's slice in the whole
  Sha256Digest whole_sha256{};
  friend bool operator==(const PartHeader&, const PartHeader&) = default;
};

[[nodiscard]] std::array<std::uint8_t, kPartHeaderBytes> serialize_part_header(const PartHeader& header);
// Strict: exactly kPartHeaderBytes, the magic, 1 <= number <= count <=
// kMaxParts, offset < whole_bytes, whole_bytes >= 1. part_malformed.
[[nodiscard]] Result<PartHeader> parse_part_header(std::span<const std::uint8_t> bytes);

// Where split_bundle writes each part: begin() returns the sink for part
// `number` of `count` (kept alive until end()), end() is told it is complete.
class PartWriter {
 public:
  virtual ~PartWriter() = default;
  [[nodiscard]] virtual Result<crypto::ByteSink*> begin(std::uint32_t number, std::uint32_t count) = 0;
  [[nodiscard]] virtual Result<void> end(std::uint32_t number) = 0;
};

struct SplitOptions {
  std::uint64_t max_part_bytes = 0;  // the size limit of each part file
  bool armor = false;
  unsigned threads = 0;
};

// The size of an age file of `payload` plaintext bytes whose binary header
// is `age_header_bytes` long, armored or not.
[[nodiscard]] std::uint64_t age_file_bytes(std::uint64_t payload, std::uint64_t age_header_bytes,
                                           bool armor) noexcept;

// Splits `whole` (exactly whole_bytes bytes with SHA-256 whole_sha256, e.g.
// from BundleSummary) into parts no larger than max_part_bytes. Returns the
// part count. part_size_too_small, too_many_parts, invalid_argument (the
// source does not match the size or hash; the parts written are then
// unusable).
[[nodiscard]] Result<std::uint32_t> split_bundle(crypto::ByteSource& whole, std::uint64_t whole_bytes,
                                                 const Sha256Digest& whole_sha256,
                                                 const BundleId& bundle_id,
                                                 std::span<const crypto::X25519Recipient> recipients,
                                                 const SplitOptions& options, PartWriter& out);

// Decrypts just the start of an age file: a part's header, or nullopt when
// the file is a whole bundle (its plaintext starts with a zstd frame).
// Errors from the age layer as for bundles; part_malformed if the plaintext
// is neither.
[[nodiscard]] Result<std::optional<PartHeader>> read_part_header(
    crypto::ByteSource& file, std::span<const crypto::age::Identity> identities);

// What is wrong with a set of parts, by number: "part 3 of 5 missing".
struct PartProblem {
  Error error = Error::part_malformed;
  std::uint32_t number = 0;  // 0 when no single part is to blame
  std::uint32_t count = 0;
};
[[nodiscard]] std::string describe(const PartProblem& problem);

// Checks that `headers` are the parts 1..count of one whole, each once, with
// consistent offsets. Returns the indices into `headers` in part order, or
// the first problem (lowest missing number first).
[[nodiscard]] Result<std::vector<std::size_t>> plan_join(std::span<const PartHeader> headers,
                                                         PartProblem* problem = nullptr);

// The whole, streamed from the parts in order. Each part is opened when
// needed, its header re-read and compared with the planned one, its slice
// length checked against the next offset; the SHA-256 of the whole is checked
// before read() returns 0. Failures stick; problem() names the part.
// `identities` must outlive the source.
class JoinedSource final : public crypto::ByteSource {
 public:
  using Opener = std::function<Result<std::unique_ptr<crypto::ByteSource>>(std::size_t index)>;
  JoinedSource(std::vector<PartHeader> headers, std::vector<std::size_t> order, Opener open,
               std::span<const crypto::age::Identity> identities);
  ~JoinedSource() override;
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override;
  [[nodiscard]] std::optional<PartProblem> problem() const noexcept { return problem_; }

 private:
  struct Current;
  Result<std::size_t> read_impl(std::span<std::uint8_t> out);
  Result<void> open_part(std::size_t position);

  std::vector<PartHeader> headers_;
  std::vector<std::size_t> order_;
  Opener open_;
  std::span<const crypto::age::Identity> identities_;
  std::unique_ptr<Current> current_;
  std::size_t position_ = 0;
  std::uint64_t produced_ = 0;
  Sha256 hash_;
  std::optional<PartProblem> problem_;
  bool done_ = false;
};

}  // namespace fieldseal::transport
