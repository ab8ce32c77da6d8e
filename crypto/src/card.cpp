#include "fieldseal/crypto/card.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"

namespace fieldseal::crypto {

namespace {

constexpr std::string_view kMagicLine = "fieldseal-card v1";
constexpr std::string_view kSignatureDomain = "fieldseal card v1\n";
constexpr std::string_view kNameKey = "name: ";
constexpr std::string_view kRoleKey = "role: ";
constexpr std::string_view kRecipientKey = "age-recipient: ";
constexpr std::string_view kSigningKeyKey = "signing-key: ";
constexpr std::string_view kSignatureKey = "signature: ";
constexpr std::string_view kRoleField = "field";
constexpr std::string_view kRoleHq = "hq";
constexpr std::size_t kCardLines = 6;

constexpr unsigned kSafetyIterations = 5200;
constexpr std::size_t kSafetyGroups = 12;
constexpr std::size_t kSafetyGroupBytes = 5;
constexpr std::uint64_t kSafetyGroupModulus = 100000;
constexpr std::string_view kSafetyIdentifier = "fieldseal-card";

bool forbidden_in_name(char32_t cp) noexcept {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x200e || cp == 0x200f ||
         (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string_view role_text(CardRole role) noexcept {
  return role == CardRole::hq ? kRoleHq : kRoleField;
}

// Splits off the next "\n"-terminated line; false when there is none.
bool take_line(std::string_view& rest, std::string_view& line) noexcept {
  const std::size_t nl = rest.find('\n');
  if (nl == std::string_view::npos) return false;
  line = rest.substr(0, nl);
  rest.remove_prefix(nl + 1);
  return true;
}

bool take_value(std::string_view line, std::string_view key, std::string_view& value) noexcept {
  if (!line.starts_with(key)) return false;
  value = line.substr(key.size());
  return true;
}

Ed25519Signature sign_card(std::string_view unsigned_text, const Ed25519KeyPair& signer) {
  std::string message;
  message.reserve(kSignatureDomain.size() + unsigned_text.size());
  message.append(kSignatureDomain).append(unsigned_text);
  return signer.sign(as_bytes(message));
}

}  // namespace

bool card_name_valid(std::string_view name) noexcept {
  if (name.empty() || name.size() > kCardNameMaxBytes) return false;
  if (name.front() == ' ' || name.back() == ' ') return false;
  std::size_t at = 0;
  while (at < name.size()) {
    char32_t cp = 0;
    if (!utf8_next(name, at, cp)) return false;
    if (forbidden_in_name(cp)) return false;
  }
  return true;
}

Result<std::string> card_unsigned_text(const Card& card) {
  if (!card_name_valid(card.name)) return fail(Error::invalid_argument);
  std::string text;
  text.reserve(256);
  text.append(kMagicLine).append("\n");
  text.append(kNameKey).append(card.name).append("\n");
  text.append(kRoleKey).append(role_text(card.role)).append("\n");
  text.append(kRecipientKey).append(card.age_recipient.to_string()).append("\n");
  text.append(kSigningKeyKey).append(base64_encode(card.signing_key.bytes(), false)).append("\n");
  return text;
}

Result<std::string> write_card(const Card& card, const Ed25519KeyPair& signer) {
  if (!(card.signing_key == signer.public_key())) return fail(Error::invalid_argument);
  auto text = card_unsigned_text(card);
  if (!text.ok()) return fail(text.error());
  const Ed25519Signature signature = sign_card(*text, signer);
  std::string out = std::move(text).value();
  out.append(kSignatureKey).append(base64_encode(signature, false)).append("\n");
  if (out.size() > kCardMaxBytes) return fail(Error::invalid_argument);
  return out;
}

Result<Card> parse_card(std::string_view text) {
  if (text.size() > kCardMaxBytes) return fail(Error::card_too_large);
  if (text.find('\r') != std::string_view::npos) return fail(Error::card_malformed);

  std::array<std::string_view, kCardLines> lines{};
  std::string_view rest = text;
  for (auto& line : lines) {
    if (!take_line(rest, line)) return fail(Error::card_malformed);
  }
  if (!rest.empty()) return fail(Error::card_malformed);

  std::string_view name;
  std::string_view role;
  std::string_view recipient_text;
  std::string_view signing_key_text;
  std::string_view signature_text;
  if (lines[0] != kMagicLine || !take_value(lines[1], kNameKey, name) ||
      !take_value(lines[2], kRoleKey, role) ||
      !take_value(lines[3], kRecipientKey, recipient_text) ||
      !take_value(lines[4], kSigningKeyKey, signing_key_text) ||
      !take_value(lines[5], kSignatureKey, signature_text)) {
    return fail(Error::card_malformed);
  }
  if (!card_name_valid(name)) return fail(Error::card_malformed);

  Card card;
  card.name = std::string(name);
  if (role == kRoleField) {
    card.role = CardRole::field;
  } else if (role == kRoleHq) {
    card.role = CardRole::hq;
  } else {
    return fail(Error::card_malformed);
  }

  auto recipient = X25519Recipient::parse(recipient_text);
  if (!recipient.ok()) return fail(recipient.error());
  card.age_recipient = *recipient;

  auto key_bytes = base64_decode(signing_key_text, false);
  if (!key_bytes.ok()) return fail(key_bytes.error());
  auto signing_key = Ed25519PublicKey::from_bytes(*key_bytes);
  if (!signing_key.ok()) return fail(signing_key.error());
  card.signing_key = *signing_key;

  auto signature = base64_decode(signature_text, false);
  if (!signature.ok()) return fail(signature.error());
  if (signature->size() != kEd25519SignatureBytes) return fail(Error::card_signature_invalid);

  const std::size_t signed_length = text.size() - lines[5].size() - 1;
  std::string message;
  message.reserve(kSignatureDomain.size() + signed_length);
  message.append(kSignatureDomain).append(text.substr(0, signed_length));
  if (!card.signing_key.verify(as_bytes(message), *signature).ok()) {
    return fail(Error::card_signature_invalid);
  }
  return card;
}

std::string safety_number(const X25519Recipient& age_recipient,
                          const Ed25519PublicKey& signing_key) {
  ensure_sodium_initialized();
  std::array<std::uint8_t, kX25519Bytes + kEd25519PublicKeyBytes> key{};
  std::copy(age_recipient.bytes().begin(), age_recipient.bytes().end(), key.begin());
  std::copy(signing_key.bytes().begin(), signing_key.bytes().end(),
            key.begin() + static_cast<std::ptrdiff_t>(kX25519Bytes));

  std::array<std::uint8_t, crypto_hash_sha512_BYTES> hash{};
  crypto_hash_sha512_state state;
  crypto_hash_sha512_init(&state);
  const std::array<std::uint8_t, 2> version{0, 0};
  crypto_hash_sha512_update(&state, version.data(), version.size());
  crypto_hash_sha512_update(&state, key.data(), key.size());
  crypto_hash_sha512_update(&state, as_bytes(kSafetyIdentifier).data(), kSafetyIdentifier.size());
  crypto_hash_sha512_update(&state, key.data(), key.size());
  crypto_hash_sha512_final(&state, hash.data());
  for (unsigned i = 1; i < kSafetyIterations; ++i) {
    crypto_hash_sha512_init(&state);
    crypto_hash_sha512_update(&state, hash.data(), hash.size());
    crypto_hash_sha512_update(&state, key.data(), key.size());
    crypto_hash_sha512_final(&state, hash.data());
  }

  std::string out;
  out.reserve(kSafetyGroups * (kSafetyGroupBytes + 1));
  for (std::size_t g = 0; g < kSafetyGroups; ++g) {
    std::uint64_t value = 0;
    for (std::size_t b = 0; b < kSafetyGroupBytes; ++b) {
      value = (value << 8) | hash[g * kSafetyGroupBytes + b];
    }
    value %= kSafetyGroupModulus;
    if (g != 0) out.push_back(' ');
    std::array<char, kSafetyGroupBytes> digits{};
    for (std::size_t d = kSafetyGroupBytes; d-- > 0;) {
      digits[d] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    out.append(digits.data(), digits.size());
  }
  return out;
}

}  // namespace fieldseal::crypto
