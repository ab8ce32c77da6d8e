#pragma once
// Cards: how public identities travel between a researcher and HQ. A card is a
// small UTF-8 text file with a name, a role, the age recipient and the Ed25519
// public key, self-signed with that Ed25519 key:
//
//   fieldseal-card v1
//   name: <display name, 1..128 bytes of UTF-8, no control characters>
//   role: field | hq
//   age-recipient: age1…
//   signing-key: <unpadded standard base64 of the 32-byte Ed25519 public key>
//   signature: <unpadded standard base64 of the 64-byte Ed25519 signature>
//
// Lines end in "\n" (no CR). The signature covers every byte of the file
// before the "signature: " line, under the domain label
// "fieldseal card v1\n" prepended. Parsing is strict: exactly these lines in
// this order, nothing after the signature line's newline, at most kCardMaxBytes.
// Base64 must be canonical and unpadded, the recipient lower-case Bech32, so
// an accepted card has exactly one byte representation.
//
// A valid name is 1..kCardNameMaxBytes bytes of well-formed UTF-8 (shortest
// form, no surrogates), with no control characters (U+0000..U+001F,
// U+007F..U+009F), no bidirectional formatting characters (U+200E, U+200F,
// U+202A..U+202E, U+2066..U+2069: they can make one name display as another),
// and no leading or trailing space.
//
// The safety number lets two people compare a card by phone or in person: 60
// decimal digits in 12 groups of 5, derived from the two public keys only
// (not the name) by 5200 iterations of SHA-512, as Signal's safety numbers are:
//   K = age recipient (32 bytes) || Ed25519 public key (32 bytes)
//   H = 0x00 0x00 || K || "fieldseal-card"
//   5200 times: H = SHA-512(H || K)
//   group i (0..11) = big-endian 40-bit integer H[5i .. 5i+5) mod 100000,
//   written as 5 digits with leading zeros.
#include <cstddef>
#include <string>
#include <string_view>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/keys.hpp"

namespace fieldseal::crypto {

inline constexpr std::size_t kCardMaxBytes = 4096;
inline constexpr std::size_t kCardNameMaxBytes = 128;

enum class CardRole { field, hq };

struct Card {
  std::string name;
  CardRole role = CardRole::field;
  X25519Recipient age_recipient;
  Ed25519PublicKey signing_key;
};

// Serialises and signs `card` (signing_key must be `signer`'s public key,
// else invalid_argument; so must the name be valid).
[[nodiscard]] Result<std::string> write_card(const Card& card, const Ed25519KeyPair& signer);

// The canonical text of `card` up to and including the "signing-key: " line:
// the bytes the signature covers, without the domain label. invalid_argument
// when the name is not valid.
[[nodiscard]] Result<std::string> card_unsigned_text(const Card& card);

// True when `name` is a valid card name (see above).
[[nodiscard]] bool card_name_valid(std::string_view name) noexcept;

// card_too_large, card_malformed, bech32_*, key_invalid, base64_invalid or
// card_signature_invalid (also for a signature of the wrong length).
[[nodiscard]] Result<Card> parse_card(std::string_view text);

// "12345 67890 …" (12 groups of 5 digits separated by single spaces).
[[nodiscard]] std::string safety_number(const X25519Recipient& age_recipient,
                                        const Ed25519PublicKey& signing_key);

}  // namespace fieldseal::crypto
