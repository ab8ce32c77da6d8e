#pragma once
// Receipts (docs/bundle-format.md, "Receipts"): HQ's signed statement of the
// bundles and reports it holds from one researcher, sealed with age to the
// researcher's X25519 recipient.
//
// The age plaintext is canonical JSON
//   {"receipt":<receipt object>,"signature":"<128 hex>"}
// where the signature is Ed25519 by the receipt's "hq" key over
// kReceiptSignatureContext || the canonical bytes of the receipt object.
// Parsing is strict (canonical bytes only, unknown fields rejected, size cap).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/transport/digest.hpp"
#include "fieldseal/transport/error.hpp"
#include "fieldseal/transport/manifest.hpp"

namespace fieldseal::transport {

// Version 2 adds each report's `state`, the digest of the whole signed state
// HQ holds (storage/report_json.hpp report_state_digest). Version 1 receipts
// are still read: a report in one is taken to have the state of its content
// alone, so it confirms only a report without amendments.
inline constexpr std::uint64_t kReceiptVersion = 2;
inline constexpr std::uint64_t kReceiptOldestVersion = 1;
inline constexpr std::string_view kReceiptFormat = "fieldseal-receipt";
inline constexpr std::string_view kReceiptSignatureContext = "fieldseal-receipt-v1\n";
inline constexpr std::size_t kReceiptMaxBytes = std::size_t{16} << 20;  // 16 MiB
inline constexpr std::size_t kReceiptMaxBundles = 100'000;

struct ReceiptReport {
  std::string id;          // the report id (as in reports/<id>.json)
  Sha256Digest sha256{};   // SHA-256 of that entry, as in the bundle's manifest
  Sha256Digest state{};    // the report's whole signed state as HQ holds it
  friend bool operator==(const ReceiptReport&, const ReceiptReport&) = default;
};

struct ReceiptBundle {
  BundleId id{};
  std::vector<ReceiptReport> reports;  // ascending by id, at least one
  friend bool operator==(const ReceiptBundle&, const ReceiptBundle&) = default;
};

struct Receipt {
  std::uint64_t version = kReceiptVersion;
  crypto::Ed25519PublicKey hq;          // HQ's receipt-signing key
  crypto::Ed25519PublicKey researcher;  // the researcher's signing key (manifest "sender")
  std::uint64_t created = 0;            // Unix seconds, UTC
  std::vector<ReceiptBundle> bundles;   // ascending by id, at least one
  friend bool operator==(const Receipt&, const Receipt&) = default;
};

// Format rules (ordering, ids, counts; version 1 or 2, and for version 1
// every state equal to the content-only state). receipt_malformed,
// unsupported_version.
[[nodiscard]] Result<void> validate(const Receipt& receipt);
[[nodiscard]] Result<std::string> serialize(const Receipt& receipt);
[[nodiscard]] Result<Receipt> parse_receipt(std::span<const std::uint8_t> bytes);

// The signed plaintext. invalid_argument if `hq` is not receipt.hq.
[[nodiscard]] Result<std::string> sign_receipt(const Receipt& receipt, const crypto::Ed25519KeyPair& hq);
// Strict parse of a signed plaintext and verification of its signature with
// the receipt's own "hq" key; the caller checks that key is the HQ it trusts
// and that "researcher" is itself. receipt_too_large, receipt_malformed,
// unsupported_version, receipt_signature_invalid.
[[nodiscard]] Result<Receipt> open_receipt(std::span<const std::uint8_t> plaintext);

// Signs and seals to the researcher.
[[nodiscard]] Result<void> write_receipt(const Receipt& receipt, const crypto::Ed25519KeyPair& hq,
                                         const crypto::X25519Recipient& researcher, bool armor,
                                         crypto::ByteSink& out);
// Decrypts (at most kReceiptMaxBytes of plaintext) and opens. The age header
// must hold exactly one stanza, an X25519 one (receipt_recipients_invalid).
[[nodiscard]] Result<Receipt> read_receipt(crypto::ByteSource& in,
                                           std::span<const crypto::age::Identity> identities);

}  // namespace fieldseal::transport
