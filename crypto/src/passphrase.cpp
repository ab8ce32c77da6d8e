#include "fieldseal/crypto/passphrase.hpp"

#include <string_view>

namespace fieldseal::crypto {

namespace {
constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
static_assert(kAlphabet.size() == 32);
}  // namespace

SecretBuffer generate_passphrase() {
  const SecretBuffer random = SecretBuffer::random(kGeneratedPassphraseGroups *
                                                   kGeneratedPassphraseGroupChars);
  SecretBuffer out(kGeneratedPassphraseBytes);
  {
    const auto r = random.read();
    const auto w = out.write();
    std::size_t o = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (i > 0 && i % kGeneratedPassphraseGroupChars == 0) w.data()[o++] = '-';
      w.data()[o++] = static_cast<std::uint8_t>(kAlphabet[r.data()[i] & 31U]);
    }
  }
  return out;
}

}  // namespace fieldseal::crypto
