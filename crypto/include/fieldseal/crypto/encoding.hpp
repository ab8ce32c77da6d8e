#pragma once
// Text encodings used by keys, cards and the age format. All decoders are
// strict: they reject non-canonical input rather than guess.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::crypto {

// Bech32 (BIP 173, not bech32m) as age uses it: no 90-character limit, the
// whole string either all lower or all upper case. `hrp` is compared
// case-insensitively and must match (bech32_wrong_prefix otherwise); a
// string with a bad checksum is bech32_invalid whatever its prefix. Encoding
// computes the checksum over the lower-cased `hrp`; an `hrp` that is empty,
// mixed-case or outside ASCII 33..126 is a contract violation (abort).
[[nodiscard]] std::string bech32_encode(std::string_view hrp, std::span<const std::uint8_t> data,
                                        bool upper_case = false);
[[nodiscard]] Result<std::vector<std::uint8_t>> bech32_decode(std::string_view hrp,
                                                              std::string_view text);
// Secret variants: the encoded text / decoded bytes live in secret memory.
[[nodiscard]] SecretBuffer bech32_encode_secret(std::string_view hrp, const SecretBuffer& data,
                                                bool upper_case);
[[nodiscard]] Result<SecretBuffer> bech32_decode_secret(std::string_view hrp,
                                                        std::string_view text);

// Standard base64 alphabet. age uses it unpadded ("raw"); PEM armor padded.
// Decoding rejects padding when unpadded is asked, non-zero trailing bits, and
// any character outside the alphabet.
[[nodiscard]] std::string base64_encode(std::span<const std::uint8_t> data, bool padded);
[[nodiscard]] Result<std::vector<std::uint8_t>> base64_decode(std::string_view text, bool padded);

// Lower-case hex. Decoding accepts either case; invalid_argument on an odd
// length or a non-hex character.
[[nodiscard]] std::string hex_encode(std::span<const std::uint8_t> data);
[[nodiscard]] Result<std::vector<std::uint8_t>> hex_decode(std::string_view text);

// Strict UTF-8 (RFC 3629): decodes the scalar value at text[at] into `out`
// and advances `at`; false on an overlong form, a surrogate, a value above
// U+10FFFF, a bad or missing continuation byte, or at >= text.size().
[[nodiscard]] bool utf8_next(std::string_view text, std::size_t& at, char32_t& out) noexcept;
// True when all of `text` is strict UTF-8.
[[nodiscard]] bool utf8_valid(std::string_view text) noexcept;

}  // namespace fieldseal::crypto
