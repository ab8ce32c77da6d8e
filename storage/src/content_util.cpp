#include <sodium.h>

#include <array>
#include <ctime>

#include "content_internal.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::storage::detail {

std::string now_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  std::array<char, 32> text{};
  const std::size_t length = std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(text.data(), length);
}

std::string random_id() {
  crypto::ensure_sodium_initialized();
  std::array<std::uint8_t, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0fU) | 0x40U);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3fU) | 0x80U);  // RFC 4122 variant
  const std::string hex = to_hex(bytes);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const std::uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4U]);
    out.push_back(kDigits[b & 0x0fU]);
  }
  return out;
}

std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

Sha256Digest sha256_of(std::string_view bytes) {
  Sha256Digest digest{};
  crypto::sha256(bytes_of(bytes), digest);
  return digest;
}

bool valid_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<std::uint8_t>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    std::uint32_t code = 0;
    std::uint32_t min = 0;
    if ((c & 0xe0U) == 0xc0U) {
      extra = 1;
      code = c & 0x1fU;
      min = 0x80;
    } else if ((c & 0xf0U) == 0xe0U) {
      extra = 2;
      code = c & 0x0fU;
      min = 0x800;
    } else if ((c & 0xf8U) == 0xf0U) {
      extra = 3;
      code = c & 0x07U;
      min = 0x10000;
    } else {
      return false;
    }
    if (n - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<std::uint8_t>(text[i + k]);
      if ((cc & 0xc0U) != 0x80U) return false;
      code = (code << 6U) | (cc & 0x3fU);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += extra + 1;
  }
  return true;
}

Result<ReportRow> find_report(Database& db, std::string_view id) {
  if (id.size() != kReportIdLength) return fail(Error::not_found);
  auto statement = db.prepare("SELECT num, status FROM reports WHERE id = ?1");
  if (!statement) return fail(statement.error());
  statement->bind(1, id);
  auto row = statement->step();
  if (!row) return fail(row.error());
  if (!*row) return fail(Error::not_found);
  ReportRow out;
  out.num = statement->column_int64(0);
  const auto status = parse_report_status(statement->column_text(1));
  if (!status) return fail(Error::database_damaged);
  out.status = *status;
  return out;
}

}  // namespace fieldseal::storage::detail
