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
inline constexpr unsigned kMaxThreads = 8;
// Chunks each thread seals or opens per batch: memory in flight is about
// threads x kChunksPerThread x 128 KiB (ciphertext + plaintext), 2 MiB with 2
// threads, whatever the file size.
inline constexpr std::size_t kChunksPerThread = 8;

struct EncryptOptions {
  bool armor = false;
  // 0: one per available core; capped at kMaxThreads. The calling thread is
  // one of them; the others are started on the first batch of more than one
  // chunk, so small files never start a thread.
  unsigned threads = 0;
};

class Encryptor {
 public:
  // Writes the header to `sink` at once (with armor: the lines complete so
  // far). An scrypt recipient must be alone (age_scrypt_not_alone); at least
  // one recipient (invalid_argument); scrypt log_n in 1..kScryptMaxLogN
  // (invalid_argument). `sink` must outlive the Encryptor. After any error
  // the Encryptor refuses further use (age_writer_state).
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
enum class ArmorMode {
  detect,   // armored when the input starts with whitespace or '-' (a binary
            // age file always starts with "age-encryption.org/")
  armored,  // the input must be PEM-armored (age_armor_invalid otherwise)
  binary,   // the input is a binary age file
};

struct DecryptOptions {
  unsigned threads = 0;  // as EncryptOptions::threads
  ArmorMode armor = ArmorMode::detect;
};

class Decryptor {
 public:
  // Reads and verifies the header (unwrapping the file key with the first
  // identity that matches, then checking the MAC) and reads the payload nonce.
  // `source` must outlive the Decryptor. Errors, by class:
  //   header: age_header_invalid, age_header_too_large, age_unsupported_version,
  //           age_stanza_invalid, age_scrypt_not_alone,
  //           age_scrypt_work_factor_too_high, age_payload_nonce_missing
  //   age_no_identity_matched, age_hmac_mismatch, age_armor_invalid, io_read.
  // Identities are tried in order; a malformed stanza of an identity's type
  // is an error, not a mismatch. Stanzas of unknown types are ignored.
  [[nodiscard]] static Result<Decryptor> open(ByteSource& source,
                                              std::span<const Identity> identities,
                                              DecryptOptions options = {});
  ~Decryptor();
  Decryptor(Decryptor&&) noexcept;
  Decryptor& operator=(Decryptor&&) noexcept;

  // Fills `out` with authenticated plaintext; returns 0 only once the final
  // chunk has been authenticated and the input is verified to end there.
  // `out` must not be empty (invalid_argument). Payload errors (age_payload_auth_failed, age_payload_truncated,
  // age_payload_trailing_data, age_payload_empty_last_chunk) come after every
  // chunk before the bad one has been released, as age does; a final chunk
  // that authenticates but is followed by more data is released, then
  // age_payload_trailing_data. Errors are sticky.
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
// Strict PEM per the age spec and the CCTV armor vectors: the begin line,
// lines of exactly 64 columns of canonical padded base64 except a last shorter
// (non-empty) one, the end line. Each line ends in LF or CRLF (the end line
// may end the input). Up to 1024 bytes of whitespace (space, tab, CR, LF) are
// tolerated before the begin line and after the end line, nothing else.
// armor_encode writes LF line endings and a final newline.
[[nodiscard]] Result<std::vector<std::uint8_t>> armor_decode(std::span<const std::uint8_t> text);
[[nodiscard]] std::string armor_encode(std::span<const std::uint8_t> binary);

}  // namespace fieldseal::crypto::age
