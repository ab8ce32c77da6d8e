#pragma once
// Internal pieces shared by the age_*.cpp files (not installed, not a contract).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/age.hpp"

namespace fieldseal::crypto::age::detail {

inline constexpr std::string_view kVersionLine = "age-encryption.org/v1";
inline constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
inline constexpr std::string_view kArmorEnd = "-----END AGE ENCRYPTED FILE-----";
inline constexpr std::size_t kArmorColumns = 64;
inline constexpr std::size_t kArmorBytesPerLine = kArmorColumns / 4 * 3;
inline constexpr std::size_t kArmorMaxOuterWhitespace = 1024;
inline constexpr std::size_t kMacBytes = 32;
inline constexpr std::size_t kPayloadNonceBytes = 16;
inline constexpr std::size_t kTagBytes = 16;
inline constexpr std::size_t kEncChunkBytes = kChunkBytes + kTagBytes;

// Header parsing with "need more input" distinguished from "invalid", so a
// streaming reader can grow its buffer until the header is complete.
enum class ParseStatus { ok, incomplete, invalid };
struct HeaderParse {
  ParseStatus status = ParseStatus::invalid;
  Error error = Error::age_header_invalid;
  ParsedHeader parsed;
};
[[nodiscard]] HeaderParse parse_header_prefix(std::span<const std::uint8_t> input);

// Everything the MAC covers: version line, stanzas and the final "---".
[[nodiscard]] std::vector<std::uint8_t> serialize_header_for_mac(const Header& header);

// A source that first serves `prefix`, then reads from `inner`.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::vector<std::uint8_t> prefix, ByteSource& inner) noexcept
      : prefix_(std::move(prefix)), inner_(&inner) {}
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out) override;

 private:
  std::vector<std::uint8_t> prefix_;
  std::size_t offset_ = 0;
  ByteSource* inner_;
};

// Decodes the PEM armor of `inner` as it streams; age_armor_invalid on any
// deviation from the strict format, checked line by line.
class ArmorSource final : public ByteSource {
 public:
  explicit ArmorSource(ByteSource& inner) noexcept : inner_(&inner) {}
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out) override;

 private:
  [[nodiscard]] Result<int> next_byte();  // -1 at end of input
  [[nodiscard]] Result<bool> read_line(std::vector<std::uint8_t>& line);  // false at EOF
  [[nodiscard]] Result<void> begin();
  [[nodiscard]] Result<void> decode_next_line();
  [[nodiscard]] Result<void> check_trailing();

  ByteSource* inner_;
  std::vector<std::uint8_t> in_buf_;
  std::size_t in_pos_ = 0;
  bool in_eof_ = false;
  bool started_ = false;
  bool finished_ = false;
  bool expect_end_ = false;
  bool failed_ = false;
  Error error_ = Error::age_armor_invalid;
  std::vector<std::uint8_t> decoded_;
  std::size_t decoded_pos_ = 0;
};

// Encodes into PEM armor as bytes arrive; finish() writes the last line and
// the end line.
class ArmorSink final : public ByteSink {
 public:
  explicit ArmorSink(ByteSink& inner) noexcept : inner_(&inner) {}
  [[nodiscard]] Result<void> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] Result<void> finish();

 private:
  [[nodiscard]] Result<void> emit_line(std::span<const std::uint8_t> bytes);
  ByteSink* inner_;
  bool started_ = false;
  std::vector<std::uint8_t> pending_;
};

// Recipient stanzas.
[[nodiscard]] Result<Stanza> wrap_file_key(const Recipient& recipient, const SecretBuffer& file_key);
// Tries `identity` against every stanza. age_no_identity_matched when none
// unwraps; a malformed stanza of the identity's type is an error.
[[nodiscard]] Result<SecretBuffer> unwrap_file_key(const Identity& identity,
                                                   const std::vector<Stanza>& stanzas);

}  // namespace fieldseal::crypto::age::detail
