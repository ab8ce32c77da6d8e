#pragma once
// The manifest of a sealed bundle (docs/bundle-format.md, "Manifest"): what
// the bundle holds, who sealed it, for whom, and the size and SHA-256 of every
// entry. Serialised as canonical JSON (sorted keys, no whitespace); parsing is
// strict: the input must be exactly the canonical serialisation of a manifest
// that passes validate(), so parse -> serialize gives identical bytes.
//
// manifest.sig is an Ed25519 signature by the sender over
// kManifestSignatureContext || manifest bytes.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/transport/digest.hpp"
#include "fieldseal/transport/error.hpp"

namespace fieldseal::transport {

inline constexpr std::uint64_t kFormatVersion = 1;
inline constexpr std::string_view kManifestFormat = "fieldseal-bundle";
inline constexpr std::size_t kBundleIdBytes = 16;

// Caps (a reader rejects anything above them; a writer refuses to produce it).
inline constexpr std::size_t kManifestMaxBytes = std::size_t{4} << 20;        // 4 MiB
inline constexpr std::size_t kMaxEntries = 10'000;                          // listed entries
inline constexpr std::size_t kMaxRecipients = 64;
inline constexpr std::size_t kMaxIdChars = 64;                              // report id length
inline constexpr std::uint64_t kMaxDocumentBytes = std::uint64_t{16} << 20;  // reports/, custody/
inline constexpr std::uint64_t kMaxAttachmentBytes = std::uint64_t{16} << 30;  // 16 GiB
inline constexpr std::uint64_t kMaxTotalEntryBytes = std::uint64_t{64} << 30;  // 64 GiB
inline constexpr std::uint64_t kMaxCreated = 253'402'300'799;  // 9999-12-31T23:59:59Z
inline constexpr std::uint64_t kMaxSequence = (std::uint64_t{1} << 53) - 1;  // exact in JSON

inline constexpr std::string_view kManifestName = "manifest.json";
inline constexpr std::string_view kSignatureName = "manifest.sig";
inline constexpr std::string_view kManifestSignatureContext = "fieldseal-bundle-manifest-v1\n";
inline constexpr std::string_view kRecipientFingerprintContext = "fieldseal-recipient-v1\n";

using BundleId = std::array<std::uint8_t, kBundleIdBytes>;

enum class EntryKind { manifest, report, attachment, custody, signature };

// The kind of a tar entry name, or nullopt for a name outside the allowed set:
// "manifest.json", "reports/<id>.json", "attachments/<64 lowercase hex>",
// "custody/<id>.json", "manifest.sig", where <id> is 1..kMaxIdChars of
// [A-Za-z0-9_-].
[[nodiscard]] std::optional<EntryKind> classify_entry_name(std::string_view name) noexcept;
// The size cap of an entry of `kind`.
[[nodiscard]] std::uint64_t entry_size_cap(EntryKind kind) noexcept;

struct ManifestEntry {
  std::string name;
  std::uint64_t size = 0;
  Sha256Digest sha256{};
  friend bool operator==(const ManifestEntry&, const ManifestEntry&) = default;
};

struct Manifest {
  std::uint64_t version = kFormatVersion;
  BundleId bundle_id{};
  crypto::Ed25519PublicKey sender;
  std::uint64_t sequence = 0;   // per sender, >= 1
  std::uint64_t created = 0;    // Unix seconds, UTC
  // Fingerprints of the age recipients (recipient_fingerprint), ascending.
  std::vector<Sha256Digest> recipients;
  // Every entry between manifest.json and manifest.sig, in tar order: reports,
  // then attachments, then custody logs, each group ascending by name.
  std::vector<ManifestEntry> entries;
  friend bool operator==(const Manifest&, const Manifest&) = default;
};

// A fresh random bundle id.
[[nodiscard]] BundleId new_bundle_id();
// SHA-256(kRecipientFingerprintContext || the 32-byte X25519 public key).
[[nodiscard]] Sha256Digest recipient_fingerprint(const crypto::X25519Recipient& recipient);

// Checks every rule of the format (ranges, ordering, names, caps) but not the
// signature. manifest_malformed or unsupported_version.
[[nodiscard]] Result<void> validate(const Manifest& manifest);
// The canonical bytes of a manifest that passes validate().
[[nodiscard]] Result<std::string> serialize(const Manifest& manifest);
// Strict parse of untrusted bytes: manifest_too_large, unsupported_version or
// manifest_malformed.
[[nodiscard]] Result<Manifest> parse_manifest(std::span<const std::uint8_t> bytes);

// The signature stored in manifest.sig.
[[nodiscard]] crypto::Ed25519Signature sign_manifest(std::span<const std::uint8_t> manifest_bytes,
                                                     const crypto::Ed25519KeyPair& sender);
// signature_missing (wrong length) or signature_invalid.
[[nodiscard]] Result<void> verify_manifest_signature(std::span<const std::uint8_t> manifest_bytes,
                                                     std::span<const std::uint8_t> signature,
                                                     const crypto::Ed25519PublicKey& sender);

// An upper bound on the tar stream a manifest of `manifest_bytes` bytes
// describes (headers, data, padding, end blocks), used to tighten the
// decompression cap once the manifest is known.
[[nodiscard]] std::uint64_t tar_size_bound(const Manifest& manifest, std::size_t manifest_bytes) noexcept;

}  // namespace fieldseal::transport
