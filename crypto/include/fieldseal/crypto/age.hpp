#pragma once
// age v1 (https://c2sp.org/age), written on libsodium primitives: X25519 and
// scrypt recipient stanzas, the HMAC-SHA256 header MAC, the ChaCha20-Poly1305
// STREAM payload in 64 KiB chunks, and ASCII (PEM) armor.
//
// Streaming in both directions with memory bounded by a fixed number of chunks
// whatever the file size. The decryptor never releases plaintext of a chunk
// before that chunk is authenticated, and reports truncation and trailing data
// as errors, never as a short success. Chunks are independent, so large
// payloads are sealed and opened on a small worker pool (Options::threads)
// while the output order is kept.
//
// Contract status: this header is the agreed shape; the age implementer may
// extend it (keep existing names stable for the layers above).
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::crypto::age {

inline constexpr std::size_t kFileKeyBytes = 16;
inline constexpr std::size_t kChunkBytes = 64 * 1024;
inline constexpr std::size_t kHeaderMaxBytes = 1 << 20;      // refuse larger headers
inline constexpr int kScryptDefaultLogN = 18;                // age's default work factor
inline constexpr int kScryptMaxLogN = 22;                    // cap on read, as age

// --- Header model (exposed for strict round-trip tests and fuzzing) ---------
struct Stanza {
  std::string type;
  std::vector<std::string> args;
  std::vector<std::uint8_t> body;
  friend bool operator==(const Stanza&, const Stanza&) = default;
};

struct Header {
  std::vector<Stanza> stanzas;
  std::array<std::uint8_t, 32> mac{};
};

struct ParsedHeader {
  Header header;
  std::size_t header_bytes = 0;       // bytes up to and including the MAC line's "\n"
  std::size_t mac_input_bytes = 0;    // bytes covered by the MAC ("…---")
};

// Parses the binary header at the start of `input` (which may continue with
// the payload). Strict: canonical base64, line lengths, argument rules.
[[nodiscard]] Result<ParsedHeader> parse_header(std::span<const std::uint8_t> input);
// The canonical encoding of `header`, MAC line included.
[[nodiscard]] std::vector<std::uint8_t> serialize_header(const Header& header);

// --- Recipients and identities ----------------------------------------------
struct ScryptRecipient {
  SecretBuffer passphrase;
  int log_n = kScryptDefaultLogN;
};
struct ScryptIdentity {
  SecretBuffer passphrase;
  int max_log_n = kScryptMaxLogN;
};
using Recipient = std::variant<X25519Recipient, ScryptRecipient>;
using Identity = std::variant<X25519Identity, ScryptIdentity>;

// --- Streaming encryption ----------------------------------------------------
struct EncryptOptions {
  bool armor = false;
  unsigned threads = 0;  // 0: one per available core (at most 2 workers in use here)
};

class Encryptor {
 public:
  // Writes the header to `sink` at once. An scrypt recipient must be alone
  // (age_scrypt_not_alone); at least one recipient (invalid_argument).
  [[nodiscard]] static Result<Encryptor> begin(std::span<const Recipient> recipients,
                                               ByteSink& sink, EncryptOptions options = {});
  ~Encryptor();
  Encryptor(Encryptor&&) noexcept;
  Encryptor& operator=(Encryptor&&) noexcept;

  [[nodiscard]] Result<void> write(std::span<const std::uint8_t> plaintext);
  // Seals the final chunk and, with armor, writes the end line. The sink holds
  // a complete age file only after this returns ok.
  [[nodiscard]] Result<void> finish();

 private:
  struct Impl;
  explicit Encryptor(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

// --- Streaming decryption ----------------------------------------------------
struct DecryptOptions {
  unsigned threads = 0;
  // Armor is detected from the first bytes ("-----BEGIN AGE ENCRYPTED FILE-----").
};

class Decryptor {
 public:
  // Reads and verifies the header (unwrapping the file key with the first
  // identity that matches, then checking the MAC).
  [[nodiscard]] static Result<Decryptor> open(ByteSource& source,
                                              std::span<const Identity> identities,
                                              DecryptOptions options = {});
  ~Decryptor();
  Decryptor(Decryptor&&) noexcept;
  Decryptor& operator=(Decryptor&&) noexcept;

  // Fills `out` with authenticated plaintext; returns 0 only once the final
  // chunk has been authenticated and the input is verified to end there.
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out);

 private:
  struct Impl;
  explicit Decryptor(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

// One-shot helpers over the streaming API (for small inputs and tests).
[[nodiscard]] Result<std::vector<std::uint8_t>> encrypt(std::span<const Recipient> recipients,
                                                        std::span<const std::uint8_t> plaintext,
                                                        EncryptOptions options = {});
[[nodiscard]] Result<std::vector<std::uint8_t>> decrypt(std::span<const Identity> identities,
                                                        std::span<const std::uint8_t> file,
                                                        DecryptOptions options = {});

// --- Armor -------------------------------------------------------------------
// Strict PEM per the age spec: 64-column lines, padded base64, LF or CRLF line
// endings consistently, only surrounding whitespace tolerated as age does.
[[nodiscard]] Result<std::vector<std::uint8_t>> armor_decode(std::span<const std::uint8_t> text);
[[nodiscard]] std::string armor_encode(std::span<const std::uint8_t> binary);

}  // namespace fieldseal::crypto::age
