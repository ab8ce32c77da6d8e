#pragma once
// Generated passphrases, for front ends that offer "generate one for me".
//
// kGeneratedPassphraseGroups groups of kGeneratedPassphraseGroupChars
// characters from a 32-symbol alphabet without look-alikes
// ("abcdefghijkmnpqrstuvwxyz23456789": no l, o, 0, 1), joined by '-':
//   "7kq2-mzx9-…" (39 bytes). Each symbol is 5 bits of one byte of
// randombytes_buf (32 divides 256, so no modulo bias): 160 bits in all.
#include <cstddef>

#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::crypto {

inline constexpr std::size_t kGeneratedPassphraseGroups = 8;
inline constexpr std::size_t kGeneratedPassphraseGroupChars = 4;
inline constexpr std::size_t kGeneratedPassphraseBits =
    kGeneratedPassphraseGroups * kGeneratedPassphraseGroupChars * 5;
inline constexpr std::size_t kGeneratedPassphraseBytes =
    kGeneratedPassphraseGroups * (kGeneratedPassphraseGroupChars + 1) - 1;

// A fresh passphrase in secret memory (see above).
[[nodiscard]] SecretBuffer generate_passphrase();

}  // namespace fieldseal::crypto
