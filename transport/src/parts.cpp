#include "fieldseal/transport/parts.hpp"

#include <algorithm>
#include <cstring>

#include "age_io.hpp"
#include "fieldseal/transport/zstd_stream.hpp"

namespace fieldseal::transport {

namespace {

constexpr std::size_t kCopyChunk = 64 * 1024;
constexpr std::uint64_t kAgeNonceBytes = 16;
constexpr std::uint64_t kAgeTagBytes = 16;
constexpr std::uint64_t kArmorBeginLine = 35;  // "-----BEGIN AGE ENCRYPTED FILE-----\n"
constexpr std::uint64_t kArmorEndLine = 33;    // "-----END AGE ENCRYPTED FILE-----\n"
constexpr std::uint64_t kArmorColumns = 64;

void put_be(std::uint8_t* p, std::uint64_t v, int bytes) noexcept {
  for (int i = bytes - 1; i >= 0; --i, v >>= 8) p[i] = static_cast<std::uint8_t>(v);
}

std::uint64_t get_be(const std::uint8_t* p, int bytes) noexcept {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
  return v;
}

// A sink that counts what passes through it.
class CountingSink final : public crypto::ByteSink {
 public:
  explicit CountingSink(crypto::ByteSink& out) noexcept : out_(out) {}
  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override {
    FIELDSEAL_TRY(out_.write(data));
    bytes_ += data.size();
    return {};
  }
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }

 private:
  crypto::ByteSink& out_;
  std::uint64_t bytes_ = 0;
};

}  // namespace

std::array<std::uint8_t, kPartHeaderBytes> serialize_part_header(const PartHeader& h) {
  std::array<std::uint8_t, kPartHeaderBytes> out{};
  std::uint8_t* p = out.data();
  std::memcpy(p, kPartMagic.data(), kPartMagic.size());
  p += kPartMagic.size();
  std::memcpy(p, h.bundle_id.data(), h.bundle_id.size());
  p += h.bundle_id.size();
  put_be(p, h.number, 4);
  put_be(p + 4, h.count, 4);
  put_be(p + 8, h.whole_bytes, 8);
  put_be(p + 16, h.offset, 8);
  std::memcpy(p + 24, h.whole_sha256.data(), h.whole_sha256.size());
  return out;
}

Result<PartHeader> parse_part_header(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != kPartHeaderBytes ||
      std::memcmp(bytes.data(), kPartMagic.data(), kPartMagic.size()) != 0)
    return fail(Error::part_malformed);
  const std::uint8_t* p = bytes.data() + kPartMagic.size();
  PartHeader h;
  std::memcpy(h.bundle_id.data(), p, h.bundle_id.size());
  p += h.bundle_id.size();
  h.number = static_cast<std::uint32_t>(get_be(p, 4));
  h.count = static_cast<std::uint32_t>(get_be(p + 4, 4));
  h.whole_bytes = get_be(p + 8, 8);
  h.offset = get_be(p + 16, 8);
  std::memcpy(h.whole_sha256.data(), p + 24, h.whole_sha256.size());
  if (h.number < 1 || h.number > h.count || h.count > kMaxParts || h.whole_bytes < 1 ||
      h.offset >= h.whole_bytes || (h.number == 1) != (h.offset == 0) || h.count > h.whole_bytes)
    return fail(Error::part_malformed);
  return h;
}

std::uint64_t age_file_bytes(std::uint64_t payload, std::uint64_t age_header_bytes,
                             bool armor) noexcept {
  std::uint64_t chunks = std::max<std::uint64_t>(
      1, (payload + crypto::age::kChunkBytes - 1) / crypto::age::kChunkBytes);
  std::uint64_t binary = age_header_bytes + kAgeNonceBytes + payload + chunks * kAgeTagBytes;
  if (!armor) return binary;
  std::uint64_t b64 = (binary + 2) / 3 * 4;
  return kArmorBeginLine + b64 + (b64 + kArmorColumns - 1) / kArmorColumns + kArmorEndLine;
}

Result<std::uint32_t> split_bundle(crypto::ByteSource& whole, std::uint64_t whole_bytes,
                                   const Sha256Digest& whole_sha256, const BundleId& bundle_id,
                                   std::span<const crypto::X25519Recipient> recipients,
                                   const SplitOptions& options, PartWriter& out) {
  if (whole_bytes == 0 || recipients.empty()) return fail(Error::invalid_argument);
  std::vector<crypto::age::Recipient> age_recipients(recipients.begin(), recipients.end());
  // The header's length depends only on the recipients; measure it.
  auto empty = crypto::age::encrypt(age_recipients, {});
  if (!empty) return fail(from_crypto(empty.error()));
  const std::uint64_t header_bytes = empty->size() - kAgeNonceBytes - kAgeTagBytes;

  const std::uint64_t limit = options.max_part_bytes;
  if (age_file_bytes(kPartHeaderBytes + 1, header_bytes, options.armor) > limit)
    return fail(Error::part_size_too_small);
  std::uint64_t lo = kPartHeaderBytes + 1;
  std::uint64_t hi = limit;
  while (lo < hi) {
    std::uint64_t mid = lo + (hi - lo + 1) / 2;
    if (age_file_bytes(mid, header_bytes, options.armor) <= limit) lo = mid;
    else hi = mid - 1;
  }
  const std::uint64_t slice = lo - kPartHeaderBytes;
  const std::uint64_t count = (whole_bytes + slice - 1) / slice;
  if (count > kMaxParts) return fail(Error::too_many_parts);

  Sha256 hash;
  std::vector<std::uint8_t> buf(kCopyChunk);
  std::uint64_t offset = 0;
  for (std::uint32_t number = 1; number <= count; ++number) {
    auto sink = out.begin(number, static_cast<std::uint32_t>(count));
    if (!sink) return fail(sink.error());
    CountingSink counting(**sink);
    auto enc = crypto::age::Encryptor::begin(age_recipients, counting,
                                             {.armor = options.armor, .threads = options.threads});
    if (!enc) return fail(from_crypto(enc.error()));
    PartHeader h{bundle_id, number, static_cast<std::uint32_t>(count), whole_bytes, offset, whole_sha256};
    if (auto r = enc->write(serialize_part_header(h)); !r) return fail(from_crypto(r.error()));
    std::uint64_t left = std::min(slice, whole_bytes - offset);
    while (left > 0) {
      auto n = whole.read({buf.data(), static_cast<std::size_t>(std::min<std::uint64_t>(left, buf.size()))});
      if (!n) return fail(Error::io_read);
      if (*n == 0) return fail(Error::invalid_argument);
      hash.update({buf.data(), *n});
      if (auto r = enc->write({buf.data(), *n}); !r) return fail(from_crypto(r.error()));
      left -= *n;
      offset += *n;
    }
    if (auto r = enc->finish(); !r) return fail(from_crypto(r.error()));
    if (counting.bytes() > limit) return fail(Error::internal);
    FIELDSEAL_TRY(out.end(number));
  }
  auto n = whole.read({buf.data(), 1});
  if (!n) return fail(Error::io_read);
  if (*n != 0 || !crypto::constant_time_equal(hash.finish(), whole_sha256))
    return fail(Error::invalid_argument);
  return static_cast<std::uint32_t>(count);
}

Result<std::optional<PartHeader>> read_part_header(
    crypto::ByteSource& file, std::span<const crypto::age::Identity> identities) {
  auto dec = crypto::age::Decryptor::open(file, identities);
  if (!dec) return fail(from_crypto(dec.error()));
  detail::DecryptorSource source(std::move(*dec));
  std::array<std::uint8_t, kPartHeaderBytes> bytes{};
  auto n = crypto::read_full(source, bytes);
  if (!n) return fail(source.error() ? *source.error() : Error::io_read);
  if (*n >= 4 && bytes[0] == 0x28 && bytes[1] == 0xB5 && bytes[2] == 0x2F && bytes[3] == 0xFD)
    return std::optional<PartHeader>{};
  auto header = parse_part_header(std::span(bytes).first(*n));
  if (!header) return fail(header.error());
  return std::optional<PartHeader>(*header);
}

std::string describe(const PartProblem& problem) {
  if (problem.number == 0) return std::string(message(problem.error));
  std::string which = "part " + std::to_string(problem.number) + " of " + std::to_string(problem.count);
  switch (problem.error) {
    case Error::part_missing: return which + " missing";
    case Error::part_duplicate: return which + " given twice";
    case Error::part_damaged: return which + " damaged";
    case Error::part_mismatch: return which + " belongs to another bundle or is inconsistent";
    default: return which + ": " + std::string(message(problem.error));
  }
}

Result<std::vector<std::size_t>> plan_join(std::span<const PartHeader> headers, PartProblem* problem) {
  auto report = [&](Error e, std::uint32_t number, std::uint32_t count) {
    if (problem != nullptr) *problem = {e, number, count};
    return fail(e);
  };
  if (headers.empty()) return report(Error::part_missing, 0, 0);
  const PartHeader& first = headers[0];
  std::vector<std::optional<std::size_t>> slots(first.count);
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const PartHeader& h = headers[i];
    if (h.bundle_id != first.bundle_id || h.count != first.count ||
        h.whole_bytes != first.whole_bytes || h.whole_sha256 != first.whole_sha256)
      return report(Error::part_mismatch, h.number, h.count);
    auto& slot = slots[h.number - 1];
    if (slot) {
      if (headers[*slot] != h) return report(Error::part_mismatch, h.number, h.count);
      return report(Error::part_duplicate, h.number, h.count);
    }
    slot = i;
  }
  std::vector<std::size_t> order;
  for (std::uint32_t k = 0; k < first.count; ++k) {
    if (!slots[k]) return report(Error::part_missing, k + 1, first.count);
    order.push_back(*slots[k]);
  }
  for (std::size_t k = 1; k < order.size(); ++k)
    if (headers[order[k]].offset <= headers[order[k - 1]].offset)
      return report(Error::part_mismatch, static_cast<std::uint32_t>(k + 1), first.count);
  return order;
}

struct JoinedSource::Current {
  std::unique_ptr<crypto::ByteSource> file;
  std::unique_ptr<detail::DecryptorSource> dec;
  std::uint64_t left = 0;
};

JoinedSource::JoinedSource(std::vector<PartHeader> headers, std::vector<std::size_t> order,
                           Opener open, std::span<const crypto::age::Identity> identities)
    : headers_(std::move(headers)), order_(std::move(order)), open_(std::move(open)),
      identities_(identities) {}
JoinedSource::~JoinedSource() = default;

Result<void> JoinedSource::open_part(std::size_t position) {
  const PartHeader& expected = headers_[order_[position]];
  auto damaged = [&]() {
    problem_ = PartProblem{Error::part_damaged, expected.number, expected.count};
    return fail(Error::part_damaged);
  };
  auto current = std::make_unique<Current>();
  auto file = open_(order_[position]);
  if (!file) return damaged();
  current->file = std::move(*file);
  auto dec = crypto::age::Decryptor::open(*current->file, identities_);
  if (!dec) return damaged();
  current->dec = std::make_unique<detail::DecryptorSource>(std::move(*dec));
  std::array<std::uint8_t, kPartHeaderBytes> bytes{};
  auto n = crypto::read_full(*current->dec, bytes);
  if (!n || *n != bytes.size()) return damaged();
  auto header = parse_part_header(bytes);
  if (!header || *header != expected) return damaged();
  std::uint64_t end = position + 1 < order_.size() ? headers_[order_[position + 1]].offset
                                                   : expected.whole_bytes;
  if (expected.offset != produced_ || end <= expected.offset) return damaged();
  current->left = end - expected.offset;
  current_ = std::move(current);
  return {};
}

Result<std::size_t> JoinedSource::read_impl(std::span<std::uint8_t> out) {
  for (;;) {
    if (!current_) {
      if (position_ == order_.size()) {
        const PartHeader& any = headers_[order_[0]];
        if (produced_ != any.whole_bytes ||
            !crypto::constant_time_equal(hash_.finish(), any.whole_sha256)) {
          problem_ = PartProblem{Error::part_hash_mismatch, 0, any.count};
          return fail(Error::part_hash_mismatch);
        }
        done_ = true;
        return std::size_t{0};
      }
      FIELDSEAL_TRY(open_part(position_));
    }
    const PartHeader& h = headers_[order_[position_]];
    if (current_->left == 0) {
      std::array<std::uint8_t, 1> probe{};
      auto n = current_->dec->read(probe);
      if (!n || *n != 0) {
        problem_ = PartProblem{Error::part_damaged, h.number, h.count};
        return fail(Error::part_damaged);
      }
      current_.reset();
      ++position_;
      continue;
    }
    std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), current_->left));
    auto n = current_->dec->read(out.first(want));
    if (!n || *n == 0) {
      problem_ = PartProblem{Error::part_damaged, h.number, h.count};
      return fail(Error::part_damaged);
    }
    hash_.update(out.first(*n));
    produced_ += *n;
    current_->left -= *n;
    return *n;
  }
}

crypto::Result<std::size_t> JoinedSource::read(std::span<std::uint8_t> out) {
  if (problem_) return fail(crypto::Error::io_read);
  if (done_ || out.empty()) return std::size_t{0};
  if (order_.empty() || order_.size() != headers_.size()) {
    problem_ = PartProblem{Error::part_missing, 0, 0};
    return fail(crypto::Error::io_read);
  }
  auto r = read_impl(out);
  if (!r) {
    if (!problem_) problem_ = PartProblem{r.error(), 0, 0};
    return fail(crypto::Error::io_read);
  }
  return *r;
}

}  // namespace fieldseal::transport
