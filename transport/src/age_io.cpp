#include "age_io.hpp"

#include <algorithm>
#include <string_view>

#include "fieldseal/crypto/encoding.hpp"

namespace fieldseal::transport::detail {

crypto::Result<void> HashingSink::write(std::span<const std::uint8_t> data) {
  FIELDSEAL_TRY(out_.write(data));
  hash_.update(data);
  bytes_ += data.size();
  return {};
}

crypto::Result<std::size_t> CapturingSource::read(std::span<std::uint8_t> out) {
  auto n = in_.read(out);
  if (n && captured_.size() < cap_) {
    std::size_t keep = std::min(*n, cap_ - captured_.size());
    captured_.insert(captured_.end(), out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep));
  }
  return n;
}

crypto::Result<void> EncryptorSink::write(std::span<const std::uint8_t> data) {
  if (error_) return fail(crypto::Error::io_write);
  auto r = enc_.write(data);
  if (!r) {
    error_ = from_crypto(r.error());
    return fail(crypto::Error::io_write);
  }
  return {};
}

crypto::Result<std::size_t> DecryptorSource::read(std::span<std::uint8_t> out) {
  if (error_) return fail(crypto::Error::io_read);
  auto n = dec_.read(out);
  if (!n) {
    error_ = from_crypto(n.error());
    return fail(crypto::Error::io_read);
  }
  return n;
}

namespace {
constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr std::size_t kArmorColumns = 64;

// The binary bytes of an armored prefix, decoded line by line as far as
// complete lines go.
std::optional<std::vector<std::uint8_t>> dearmor_prefix(std::span<const std::uint8_t> raw) {
  std::string_view text(reinterpret_cast<const char*>(raw.data()), raw.size());
  std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || text.substr(start, kArmorBegin.size()) != kArmorBegin)
    return std::nullopt;
  std::size_t pos = text.find('\n', start);
  std::vector<std::uint8_t> binary;
  while (pos != std::string_view::npos) {
    std::size_t line_start = pos + 1;
    pos = text.find('\n', line_start);
    if (pos == std::string_view::npos) break;
    std::string_view line = text.substr(line_start, pos - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '-' || line.size() > kArmorColumns) break;
    auto bytes = crypto::base64_decode(line, /*padded=*/true);
    if (!bytes) return std::nullopt;
    binary.insert(binary.end(), bytes->begin(), bytes->end());
  }
  return binary;
}
}  // namespace

std::optional<std::size_t> count_x25519_stanzas(std::span<const std::uint8_t> raw) {
  std::optional<std::vector<std::uint8_t>> dearmored;
  if (!raw.empty() && raw[0] != 'a') {
    dearmored = dearmor_prefix(raw);
    if (!dearmored) return std::nullopt;
    raw = *dearmored;
  }
  auto parsed = crypto::age::parse_header(raw);
  if (!parsed) return std::nullopt;
  const auto& stanzas = parsed->header.stanzas;
  if (!std::all_of(stanzas.begin(), stanzas.end(),
                   [](const crypto::age::Stanza& s) { return s.type == "X25519"; }))
    return std::nullopt;
  return stanzas.size();
}

}  // namespace fieldseal::transport::detail
