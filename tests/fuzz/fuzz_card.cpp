// libFuzzer target: card parsing. Property: every accepted card has exactly
// one byte representation, namely the canonical re-emission of its unsigned
// part followed by its (canonical) signature line.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/encoding.hpp"

using namespace fieldseal::crypto;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto card = parse_card(text);
  if (!card.ok()) {
    if (message(card.error()) == "unknown error") std::abort();
    return 0;
  }

  auto unsigned_text = card_unsigned_text(*card);
  if (!unsigned_text.ok()) std::abort();  // an accepted name must be a valid name

  // The original signature line: the input's last line.
  const std::string_view body = text.substr(0, text.size() - 1);
  const std::size_t last_line = body.rfind('\n') + 1;
  const std::string_view signature_line = text.substr(last_line);
  constexpr std::string_view kKey = "signature: ";
  if (!signature_line.starts_with(kKey) || !signature_line.ends_with("\n")) std::abort();

  // Canonical base64: decoding and encoding again gives the same characters.
  const std::string_view signature_b64 =
      signature_line.substr(kKey.size(), signature_line.size() - kKey.size() - 1);
  auto signature = base64_decode(signature_b64, false);
  if (!signature.ok() || base64_encode(*signature, false) != signature_b64) std::abort();

  std::string reemitted = std::move(unsigned_text).value();
  reemitted.append(signature_line);
  if (reemitted != text) std::abort();

  const std::string number = safety_number(card->age_recipient, card->signing_key);
  if (number.size() != 71) std::abort();
  return 0;
}
