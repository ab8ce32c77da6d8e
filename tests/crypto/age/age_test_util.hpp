#pragma once
// Helpers shared by the age tests.
#include <sodium.h>
#include <zlib.h>

#include <catch2/catch_test_macros.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"

namespace age_test {

using Bytes = std::vector<std::uint8_t>;
namespace age = fieldseal::crypto::age;
using fieldseal::crypto::Error;

inline Bytes read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), {});
}

inline void write_file(const std::filesystem::path& path, std::span<const std::uint8_t> data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  REQUIRE(out.good());
}

inline Bytes to_bytes(std::string_view text) { return Bytes(text.begin(), text.end()); }

inline std::string sha256_hex(std::span<const std::uint8_t> data) {
  std::array<std::uint8_t, fieldseal::crypto::kSha256Bytes> digest{};
  fieldseal::crypto::sha256(data, digest);
  return fieldseal::crypto::hex_encode(digest);
}

// Deterministic pseudo-random bytes (test data, not keys).
inline Bytes pattern(std::size_t size, std::uint32_t seed = 1) {
  Bytes out(size);
  std::uint32_t x = seed * 2654435761u + 12345u;
  for (auto& b : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    b = static_cast<std::uint8_t>(x);
  }
  return out;
}

inline Bytes inflate_zlib(std::span<const std::uint8_t> in) {
  z_stream z{};
  REQUIRE(inflateInit(&z) == Z_OK);
  Bytes out;
  std::array<std::uint8_t, 65536> buf{};
  z.next_in = const_cast<Bytef*>(in.data());
  z.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = buf.data();
    z.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&z, Z_NO_FLUSH);
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(buf.size() - z.avail_out));
  }
  inflateEnd(&z);
  REQUIRE(rc == Z_STREAM_END);
  return out;
}

// The CCTV expectation classes.
inline std::string error_class(Error e) {
  switch (e) {
    case Error::age_no_identity_matched: return "no match";
    case Error::age_hmac_mismatch: return "HMAC failure";
    case Error::age_header_invalid:
    case Error::age_header_too_large:
    case Error::age_unsupported_version:
    case Error::age_stanza_invalid:
    case Error::age_scrypt_not_alone:
    case Error::age_scrypt_work_factor_too_high:
    case Error::age_payload_nonce_missing:
      return "header failure";
    case Error::age_payload_auth_failed:
    case Error::age_payload_truncated:
    case Error::age_payload_trailing_data:
    case Error::age_payload_empty_last_chunk:
      return "payload failure";
    case Error::age_armor_invalid: return "armor failure";
    default: return "other error " + std::to_string(static_cast<int>(e));
  }
}

struct DecryptOutcome {
  bool ok = false;
  Error error = Error::invalid_argument;
  Bytes released;  // plaintext handed out before success or the error
};

// Streams `file` through a Decryptor, collecting what it releases.
inline DecryptOutcome stream_decrypt(std::span<const age::Identity> ids,
                                     std::span<const std::uint8_t> file,
                                     age::DecryptOptions options = {},
                                     std::size_t read_size = 10000) {
  DecryptOutcome outcome;
  fieldseal::crypto::MemorySource source(file);
  auto dec = age::Decryptor::open(source, ids, options);
  if (!dec.ok()) {
    outcome.error = dec.error();
    return outcome;
  }
  Bytes buf(read_size);
  for (;;) {
    auto n = dec->read(buf);
    if (!n.ok()) {
      outcome.error = n.error();
      return outcome;
    }
    if (*n == 0) break;
    outcome.released.insert(outcome.released.end(), buf.begin(),
                            buf.begin() + static_cast<std::ptrdiff_t>(*n));
  }
  outcome.ok = true;
  return outcome;
}

}  // namespace age_test
