#include <algorithm>
#include <string>
#include <string_view>

#include "age_internal.hpp"
#include "fieldseal/crypto/encoding.hpp"

namespace fieldseal::crypto::age {

namespace {

constexpr std::string_view kStanzaPrefix = "-> ";
constexpr std::string_view kMacPrefix = "---";
constexpr std::string_view kVersionPrefix = "age-encryption.org/";
constexpr std::size_t kBodyColumns = 64;
constexpr std::size_t kMacBase64Chars = 43;

std::string_view as_text(std::span<const std::uint8_t> bytes) noexcept {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

bool is_arg_char(char c) noexcept { return c >= 0x21 && c <= 0x7e; }

detail::HeaderParse failure(detail::ParseStatus status, Error error) {
  detail::HeaderParse result;
  result.status = status;
  result.error = error;
  return result;
}

void append(std::vector<std::uint8_t>& out, std::string_view text) {
  out.insert(out.end(), text.begin(), text.end());
}

}  // namespace

namespace detail {

HeaderParse parse_header_prefix(std::span<const std::uint8_t> input) {
  const std::string_view text = as_text(input.first(std::min(input.size(), kHeaderMaxBytes)));
  std::size_t pos = 0;
  bool capped = input.size() >= kHeaderMaxBytes;
  // Returns false when no complete line is available.
  auto next_line = [&](std::string_view& line) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    line = text.substr(pos, nl - pos);
    pos = nl + 1;
    return true;
  };
  auto incomplete = [&] {
    return capped ? failure(ParseStatus::invalid, Error::age_header_too_large)
                  : failure(ParseStatus::incomplete, Error::age_header_invalid);
  };

  std::string_view line;
  if (!next_line(line)) {
    // Fail early on input that cannot become a version line.
    const std::string_view want = kVersionLine;
    const std::size_t n = std::min(text.size(), want.size());
    if (text.substr(0, n) != want.substr(0, n)) {
      const std::size_t m = std::min(text.size(), kVersionPrefix.size());
      return failure(ParseStatus::invalid, text.substr(0, m) == kVersionPrefix.substr(0, m)
                                               ? Error::age_unsupported_version
                                               : Error::age_header_invalid);
    }
    return incomplete();
  }
  if (line != kVersionLine) {
    return failure(ParseStatus::invalid, line.starts_with(kVersionPrefix)
                                             ? Error::age_unsupported_version
                                             : Error::age_header_invalid);
  }

  HeaderParse result;
  Header& header = result.parsed.header;
  for (;;) {
    const std::size_t line_start = pos;
    if (!next_line(line)) return incomplete();
    if (line.starts_with(kStanzaPrefix)) {
      Stanza stanza;
      std::string_view rest = line.substr(kStanzaPrefix.size());
      std::vector<std::string> fields;
      for (;;) {
        const std::size_t sp = rest.find(' ');
        const std::string_view field = rest.substr(0, sp);
        if (field.empty() || !std::all_of(field.begin(), field.end(), is_arg_char))
          return failure(ParseStatus::invalid, Error::age_header_invalid);
        fields.emplace_back(field);
        if (sp == std::string_view::npos) break;
        rest = rest.substr(sp + 1);
      }
      stanza.type = std::move(fields.front());
      stanza.args.assign(std::make_move_iterator(fields.begin() + 1),
                         std::make_move_iterator(fields.end()));
      for (;;) {
        if (!next_line(line)) return incomplete();
        if (line.size() > kBodyColumns)
          return failure(ParseStatus::invalid, Error::age_header_invalid);
        if (!line.empty()) {
          auto decoded = base64_decode(line, false);
          if (!decoded.ok()) return failure(ParseStatus::invalid, Error::age_header_invalid);
          stanza.body.insert(stanza.body.end(), decoded->begin(), decoded->end());
        }
        if (line.size() < kBodyColumns) break;
      }
      header.stanzas.push_back(std::move(stanza));
      continue;
    }
    if (line.starts_with(kMacPrefix)) {
      const std::string_view rest = line.substr(kMacPrefix.size());
      if (rest.size() != 1 + kMacBase64Chars || rest.front() != ' ')
        return failure(ParseStatus::invalid, Error::age_header_invalid);
      auto mac = base64_decode(rest.substr(1), false);
      if (!mac.ok() || mac->size() != kMacBytes)
        return failure(ParseStatus::invalid, Error::age_header_invalid);
      std::copy(mac->begin(), mac->end(), header.mac.begin());
      result.parsed.mac_input_bytes = line_start + kMacPrefix.size();
      result.parsed.header_bytes = pos;
      result.status = ParseStatus::ok;
      return result;
    }
    return failure(ParseStatus::invalid, Error::age_header_invalid);
  }
}

std::vector<std::uint8_t> serialize_header_for_mac(const Header& header) {
  std::vector<std::uint8_t> out;
  append(out, kVersionLine);
  out.push_back('\n');
  for (const Stanza& stanza : header.stanzas) {
    append(out, kStanzaPrefix);
    append(out, stanza.type);
    for (const std::string& arg : stanza.args) {
      out.push_back(' ');
      append(out, arg);
    }
    out.push_back('\n');
    const std::string body = base64_encode(stanza.body, false);
    std::size_t offset = 0;
    for (;;) {
      const std::size_t n = std::min(kBodyColumns, body.size() - offset);
      append(out, std::string_view(body).substr(offset, n));
      out.push_back('\n');
      offset += n;
      if (n < kBodyColumns) break;
    }
  }
  append(out, kMacPrefix);
  return out;
}

}  // namespace detail

Result<ParsedHeader> parse_header(std::span<const std::uint8_t> input) {
  detail::HeaderParse parse = detail::parse_header_prefix(input);
  if (parse.status == detail::ParseStatus::ok) return std::move(parse.parsed);
  return fail(parse.error);
}

std::vector<std::uint8_t> serialize_header(const Header& header) {
  std::vector<std::uint8_t> out = detail::serialize_header_for_mac(header);
  out.push_back(' ');
  append(out, base64_encode(header.mac, false));
  out.push_back('\n');
  return out;
}

}  // namespace fieldseal::crypto::age
