#pragma once
// Start-up self-test and process hardening, run by both front ends before they
// touch a vault (brief section 6).
#include "fieldseal/crypto/error.hpp"

namespace fieldseal::crypto {

// Known-answer checks of every primitive fieldseal composes (SHA-256,
// HMAC-SHA256, HKDF, X25519, Ed25519, ChaCha20-Poly1305, XChaCha20-Poly1305,
// Argon2id at minimal cost, scrypt at minimal cost). self_test_failed if any
// output differs from its published vector.
[[nodiscard]] Result<void> run_self_test();

// Core dumps off (RLIMIT_CORE = 0), not dumpable / not ptrace-attachable by
// the same user (PR_SET_DUMPABLE 0), libsodium initialised. Returns
// invalid_argument if any of these could not be set.
[[nodiscard]] Result<void> harden_process();

}  // namespace fieldseal::crypto
