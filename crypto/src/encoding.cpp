#include "fieldseal/crypto/encoding.hpp"

#include <sodium.h>

#include <array>
#include <cstdlib>
#include <cstring>

namespace fieldseal::crypto {

namespace {

// ---- Bech32 (BIP 173) -------------------------------------------------------

constexpr std::string_view kBech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::size_t kBech32ChecksumChars = 6;

// Character → value tables for the decoders; -1 marks characters outside the
// alphabet.
template <std::size_t N>
constexpr std::array<std::int8_t, N> make_reverse(std::string_view alphabet) {
  std::array<std::int8_t, N> table{};
  for (auto& v : table) v = -1;
  for (std::size_t i = 0; i < alphabet.size(); ++i) {
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
  }
  return table;
}
constexpr auto kBech32Reverse = make_reverse<128>(kBech32Charset);

constexpr char lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char upper(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

std::uint32_t polymod_step(std::uint32_t chk, std::uint8_t value) noexcept {
  constexpr std::array<std::uint32_t, 5> kGen = {0x3b6a57b2u, 0x26508e6du, 0x1ea119fau,
                                                 0x3d4233ddu, 0x2a1462b3u};
  const std::uint32_t top = chk >> 25;
  chk = ((chk & 0x1ffffffu) << 5) ^ value;
  for (std::size_t i = 0; i < kGen.size(); ++i) {
    if ((top >> i) & 1u) chk ^= kGen[i];
  }
  return chk;
}

// Polymod over the expanded (lower-cased) HRP.
std::uint32_t polymod_hrp(std::string_view hrp) noexcept {
  std::uint32_t chk = 1;
  for (char c : hrp) chk = polymod_step(chk, static_cast<std::uint8_t>(static_cast<unsigned char>(lower(c)) >> 5));
  chk = polymod_step(chk, 0);
  for (char c : hrp) chk = polymod_step(chk, static_cast<std::uint8_t>(static_cast<unsigned char>(lower(c)) & 31u));
  return chk;
}

bool hrp_valid(std::string_view hrp) noexcept {
  if (hrp.empty()) return false;
  bool has_lower = false;
  bool has_upper = false;
  for (char c : hrp) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 33 || u > 126) return false;
    has_lower = has_lower || (c >= 'a' && c <= 'z');
    has_upper = has_upper || (c >= 'A' && c <= 'Z');
  }
  return !(has_lower && has_upper);
}

bool hrp_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

constexpr std::size_t bech32_values_for(std::size_t bytes) noexcept { return (bytes * 8 + 4) / 5; }

std::size_t bech32_encoded_size(std::string_view hrp, std::size_t bytes) noexcept {
  return hrp.size() + 1 + bech32_values_for(bytes) + kBech32ChecksumChars;
}

// Writes the encoding into `out` (exactly bech32_encoded_size bytes), using
// `values` (bech32_values_for(data.size()) bytes) as scratch space, so that
// the secret variant can keep both in secret memory.
void bech32_encode_into(std::string_view hrp, std::span<const std::uint8_t> data,
                        std::span<std::uint8_t> values, std::span<char> out, bool upper_case) {
  std::size_t nvalues = 0;
  std::uint32_t acc = 0;
  unsigned bits = 0;
  for (std::uint8_t byte : data) {
    acc = ((acc << 8) | byte) & 0xfffu;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      values[nvalues++] = static_cast<std::uint8_t>((acc >> bits) & 31u);
    }
  }
  if (bits > 0) values[nvalues++] = static_cast<std::uint8_t>((acc << (5 - bits)) & 31u);
  acc = 0;

  std::uint32_t chk = polymod_hrp(hrp);
  for (std::size_t i = 0; i < nvalues; ++i) chk = polymod_step(chk, values[i]);
  for (std::size_t i = 0; i < kBech32ChecksumChars; ++i) chk = polymod_step(chk, 0);
  chk ^= 1;

  auto put = [&](std::size_t& at, char c) { out[at++] = upper_case ? upper(c) : lower(c); };
  std::size_t at = 0;
  for (char c : hrp) put(at, c);
  put(at, '1');
  for (std::size_t i = 0; i < nvalues; ++i) put(at, kBech32Charset[values[i]]);
  for (std::size_t i = 0; i < kBech32ChecksumChars; ++i) {
    put(at, kBech32Charset[(chk >> (5 * (kBech32ChecksumChars - 1 - i))) & 31u]);
  }
}

struct Bech32Layout {
  std::size_t separator = 0;    // index of the last '1'
  std::size_t data_values = 0;  // 5-bit values before the checksum
  std::size_t data_bytes = 0;   // bytes those values carry
};

// Structure checks that do not need scratch memory: characters, case,
// separator position, and the data part's length being a whole number of
// bytes plus under 5 bits of padding.
Result<Bech32Layout> bech32_layout(std::string_view text) {
  bool has_lower = false;
  bool has_upper = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 33 || u > 126) return fail(Error::bech32_invalid);
    has_lower = has_lower || (c >= 'a' && c <= 'z');
    has_upper = has_upper || (c >= 'A' && c <= 'Z');
  }
  if (has_lower && has_upper) return fail(Error::bech32_invalid);
  const std::size_t pos = text.rfind('1');
  if (pos == std::string_view::npos || pos < 1 || pos + 1 + kBech32ChecksumChars > text.size()) {
    return fail(Error::bech32_invalid);
  }
  Bech32Layout layout;
  layout.separator = pos;
  layout.data_values = text.size() - pos - 1 - kBech32ChecksumChars;
  layout.data_bytes = layout.data_values * 5 / 8;
  // More than 4 bits of padding means a whole extra value: not canonical.
  if (layout.data_values * 5 - layout.data_bytes * 8 > 4) return fail(Error::bech32_invalid);
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (kBech32Reverse[static_cast<unsigned char>(lower(text[i]))] < 0) {
      return fail(Error::bech32_invalid);
    }
  }
  return layout;
}

Result<void> bech32_decode_into(std::string_view hrp, std::string_view text,
                                const Bech32Layout& layout, std::span<std::uint8_t> values,
                                std::span<std::uint8_t> out) {
  const std::string_view text_hrp = text.substr(0, layout.separator);
  const std::size_t total_values = layout.data_values + kBech32ChecksumChars;
  std::uint32_t chk = polymod_hrp(text_hrp);
  for (std::size_t i = 0; i < total_values; ++i) {
    const char c = lower(text[layout.separator + 1 + i]);
    values[i] = static_cast<std::uint8_t>(kBech32Reverse[static_cast<unsigned char>(c)]);
    chk = polymod_step(chk, values[i]);
  }
  if (chk != 1) return fail(Error::bech32_invalid);

  std::uint32_t acc = 0;
  unsigned bits = 0;
  std::size_t nout = 0;
  for (std::size_t i = 0; i < layout.data_values; ++i) {
    acc = ((acc << 5) | values[i]) & 0xfffu;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[nout++] = static_cast<std::uint8_t>((acc >> bits) & 0xffu);
    }
  }
  const bool padding_nonzero = (acc & ((1u << bits) - 1u)) != 0;
  acc = 0;
  if (padding_nonzero) return fail(Error::bech32_invalid);
  if (!hrp_equal(hrp, text_hrp)) return fail(Error::bech32_wrong_prefix);
  return {};
}

// ---- base64 (RFC 4648 section 4) ------------------------------------------

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr auto kBase64Reverse = make_reverse<256>(kBase64Alphabet);

constexpr std::string_view kHexDigits = "0123456789abcdef";

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string bech32_encode(std::string_view hrp, std::span<const std::uint8_t> data,
                          bool upper_case) {
  if (!hrp_valid(hrp)) std::abort();
  std::vector<std::uint8_t> values(bech32_values_for(data.size()));
  std::string out(bech32_encoded_size(hrp, data.size()), '\0');
  bech32_encode_into(hrp, data, values, out, upper_case);
  return out;
}

Result<std::vector<std::uint8_t>> bech32_decode(std::string_view hrp, std::string_view text) {
  auto layout = bech32_layout(text);
  if (!layout.ok()) return fail(layout.error());
  std::vector<std::uint8_t> values(layout->data_values + kBech32ChecksumChars);
  std::vector<std::uint8_t> out(layout->data_bytes);
  FIELDSEAL_TRY(bech32_decode_into(hrp, text, *layout, values, out));
  return out;
}

SecretBuffer bech32_encode_secret(std::string_view hrp, const SecretBuffer& data,
                                  bool upper_case) {
  if (!hrp_valid(hrp)) std::abort();
  SecretBuffer values(bech32_values_for(data.size()));
  SecretBuffer out(bech32_encoded_size(hrp, data.size()));
  {
    auto r = data.read();
    auto v = values.write();
    auto w = out.write();
    bech32_encode_into(hrp, r.span(), v.span(),
                       {reinterpret_cast<char*>(w.data()), w.size()}, upper_case);
  }
  return out;
}

Result<SecretBuffer> bech32_decode_secret(std::string_view hrp, std::string_view text) {
  auto layout = bech32_layout(text);
  if (!layout.ok()) return fail(layout.error());
  auto values = SecretBuffer::create(layout->data_values + kBech32ChecksumChars);
  if (!values.ok()) return fail(values.error());
  auto out = SecretBuffer::create(layout->data_bytes);
  if (!out.ok()) return fail(out.error());
  {
    auto v = values->write();
    auto w = out->write();
    FIELDSEAL_TRY(bech32_decode_into(hrp, text, *layout, v.span(), w.span()));
  }
  return std::move(out).value();
}

std::string base64_encode(std::span<const std::uint8_t> data, bool padded) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    const std::uint32_t v = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
    out.push_back(kBase64Alphabet[(v >> 18) & 63u]);
    out.push_back(kBase64Alphabet[(v >> 12) & 63u]);
    out.push_back(kBase64Alphabet[(v >> 6) & 63u]);
    out.push_back(kBase64Alphabet[v & 63u]);
  }
  const std::size_t rest = data.size() - i;
  if (rest == 1) {
    const std::uint32_t v = std::uint32_t{data[i]} << 16;
    out.push_back(kBase64Alphabet[(v >> 18) & 63u]);
    out.push_back(kBase64Alphabet[(v >> 12) & 63u]);
    if (padded) out.append("==");
  } else if (rest == 2) {
    const std::uint32_t v = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
    out.push_back(kBase64Alphabet[(v >> 18) & 63u]);
    out.push_back(kBase64Alphabet[(v >> 12) & 63u]);
    out.push_back(kBase64Alphabet[(v >> 6) & 63u]);
    if (padded) out.push_back('=');
  }
  return out;
}

Result<std::vector<std::uint8_t>> base64_decode(std::string_view text, bool padded) {
  if (padded) {
    if (text.size() % 4 != 0) return fail(Error::base64_invalid);
    std::size_t pad = 0;
    while (pad < 2 && pad < text.size() && text[text.size() - 1 - pad] == '=') ++pad;
    text.remove_suffix(pad);
  }
  if (text.size() % 4 == 1) return fail(Error::base64_invalid);
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t acc = 0;
  unsigned bits = 0;
  for (char c : text) {
    const std::int8_t v = kBase64Reverse[static_cast<unsigned char>(c)];
    if (v < 0) return fail(Error::base64_invalid);  // includes '=' in the middle
    acc = ((acc << 6) | static_cast<std::uint32_t>(v)) & 0xffffu;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xffu));
    }
  }
  // Canonical: the bits left over after the last whole byte must be zero.
  if ((acc & ((1u << bits) - 1u)) != 0) return fail(Error::base64_invalid);
  return out;
}

std::string hex_encode(std::span<const std::uint8_t> data) {
  std::string out;
  out.reserve(data.size() * 2);
  for (std::uint8_t b : data) {
    out.push_back(kHexDigits[b >> 4]);
    out.push_back(kHexDigits[b & 15u]);
  }
  return out;
}

Result<std::vector<std::uint8_t>> hex_decode(std::string_view text) {
  if (text.size() % 2 != 0) return fail(Error::invalid_argument);
  std::vector<std::uint8_t> out(text.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_value(text[2 * i]);
    const int lo = hex_value(text[2 * i + 1]);
    if (hi < 0 || lo < 0) return fail(Error::invalid_argument);
    out[i] = static_cast<std::uint8_t>((hi << 4) | lo);
  }
  return out;
}

bool utf8_next(std::string_view text, std::size_t& at, char32_t& out) noexcept {
  if (at >= text.size()) return false;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t b0 = byte(at);
  if (b0 < 0x80) {
    out = b0;
    ++at;
    return true;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xe0u) == 0xc0u) {
    len = 2;
    cp = b0 & 0x1fu;
    min = 0x80;
  } else if ((b0 & 0xf0u) == 0xe0u) {
    len = 3;
    cp = b0 & 0x0fu;
    min = 0x800;
  } else if ((b0 & 0xf8u) == 0xf0u) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return false;
  }
  if (text.size() - at < len) return false;
  for (std::size_t i = 1; i < len; ++i) {
    const std::uint8_t b = byte(at + i);
    if ((b & 0xc0u) != 0x80u) return false;
    cp = (cp << 6) | (b & 0x3fu);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  out = cp;
  at += len;
  return true;
}

bool utf8_valid(std::string_view text) noexcept {
  std::size_t at = 0;
  char32_t cp = 0;
  while (at < text.size()) {
    if (!utf8_next(text, at, cp)) return false;
  }
  return true;
}

}  // namespace fieldseal::crypto
