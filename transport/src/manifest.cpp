#include "fieldseal/transport/manifest.hpp"

#include <algorithm>
#include <limits>

#include "json_strict.hpp"

namespace fieldseal::transport {

namespace {

constexpr std::string_view kReportsPrefix = "reports/";
constexpr std::string_view kAttachmentsPrefix = "attachments/";
constexpr std::string_view kCustodyPrefix = "custody/";
constexpr std::string_view kJsonSuffix = ".json";
constexpr std::uint64_t kTarBlock = 512;
// A generous allowance per entry for its ustar header plus a pax extended
// header (needed only for sizes of 8 GiB and more).
constexpr std::uint64_t kTarHeaderAllowance = 4 * kTarBlock;
constexpr std::uint64_t kTarTrailerAllowance = 20 * kTarBlock;

bool valid_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > kMaxIdChars) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
  });
}

bool lower_hex(std::string_view text, std::size_t chars) noexcept {
  return text.size() == chars && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

int group_rank(EntryKind kind) noexcept {
  switch (kind) {
    case EntryKind::report: return 0;
    case EntryKind::attachment: return 1;
    case EntryKind::custody: return 2;
    default: return 3;
  }
}

std::vector<std::uint8_t> signed_message(std::span<const std::uint8_t> manifest_bytes) {
  // Sized once and filled: GCC 12 misreports insert() after a short prefix
  // as out of bounds (-Warray-bounds).
  std::vector<std::uint8_t> message(kManifestSignatureContext.size() + manifest_bytes.size());
  auto label = crypto::as_bytes(kManifestSignatureContext);
  std::copy(label.begin(), label.end(), message.begin());
  std::copy(manifest_bytes.begin(), manifest_bytes.end(),
            message.begin() + static_cast<std::ptrdiff_t>(label.size()));
  return message;
}

}  // namespace

std::optional<EntryKind> classify_entry_name(std::string_view name) noexcept {
  if (name == kManifestName) return EntryKind::manifest;
  if (name == kSignatureName) return EntryKind::signature;
  auto with_id = [&](std::string_view prefix) {
    if (!name.starts_with(prefix) || !name.ends_with(kJsonSuffix)) return false;
    if (name.size() < prefix.size() + kJsonSuffix.size()) return false;
    return valid_id(name.substr(prefix.size(), name.size() - prefix.size() - kJsonSuffix.size()));
  };
  if (with_id(kReportsPrefix)) return EntryKind::report;
  if (with_id(kCustodyPrefix)) return EntryKind::custody;
  if (name.starts_with(kAttachmentsPrefix) &&
      lower_hex(name.substr(kAttachmentsPrefix.size()), 2 * kSha256Bytes))
    return EntryKind::attachment;
  return std::nullopt;
}

std::uint64_t entry_size_cap(EntryKind kind) noexcept {
  switch (kind) {
    case EntryKind::manifest: return kManifestMaxBytes;
    case EntryKind::signature: return crypto::kEd25519SignatureBytes;
    case EntryKind::attachment: return kMaxAttachmentBytes;
    case EntryKind::report:
    case EntryKind::custody: return kMaxDocumentBytes;
  }
  return 0;
}

BundleId new_bundle_id() {
  BundleId id{};
  crypto::SecretBuffer random = crypto::SecretBuffer::random(id.size());
  auto bytes = random.read();
  std::copy(bytes.span().begin(), bytes.span().end(), id.begin());
  return id;
}

Sha256Digest recipient_fingerprint(const crypto::X25519Recipient& recipient) {
  Sha256 h;
  h.update(crypto::as_bytes(kRecipientFingerprintContext));
  h.update(recipient.bytes());
  return h.finish();
}

Result<void> validate(const Manifest& m) {
  if (m.version != kFormatVersion) return fail(Error::unsupported_version);
  if (m.sequence < 1 || m.sequence > kMaxSequence) return fail(Error::manifest_malformed);
  if (m.created > kMaxCreated) return fail(Error::manifest_malformed);
  if (m.recipients.empty() || m.recipients.size() > kMaxRecipients)
    return fail(Error::manifest_malformed);
  for (std::size_t i = 1; i < m.recipients.size(); ++i)
    if (!(m.recipients[i - 1] < m.recipients[i])) return fail(Error::manifest_malformed);
  if (m.entries.empty() || m.entries.size() > kMaxEntries) return fail(Error::manifest_malformed);
  std::uint64_t total = 0;
  bool has_report = false;
  for (std::size_t i = 0; i < m.entries.size(); ++i) {
    const ManifestEntry& e = m.entries[i];
    auto kind = classify_entry_name(e.name);
    if (!kind || *kind == EntryKind::manifest || *kind == EntryKind::signature)
      return fail(Error::manifest_malformed);
    if (e.size > entry_size_cap(*kind)) return fail(Error::manifest_malformed);
    if (*kind == EntryKind::report) has_report = true;
    if (*kind == EntryKind::attachment && e.name.substr(kAttachmentsPrefix.size()) != to_hex(e.sha256))
      return fail(Error::manifest_malformed);
    total += e.size;
    if (total > kMaxTotalEntryBytes) return fail(Error::manifest_malformed);
    if (i > 0) {
      const ManifestEntry& prev = m.entries[i - 1];
      int a = group_rank(*classify_entry_name(prev.name));
      int b = group_rank(*kind);
      if (a > b || (a == b && !(prev.name < e.name))) return fail(Error::manifest_malformed);
    }
  }
  if (!has_report) return fail(Error::manifest_malformed);
  return {};
}

Result<std::string> serialize(const Manifest& m) {
  FIELDSEAL_TRY(validate(m));
  nlohmann::json entries = nlohmann::json::array();
  for (const ManifestEntry& e : m.entries)
    entries.push_back({{"name", e.name}, {"sha256", to_hex(e.sha256)}, {"size", e.size}});
  nlohmann::json recipients = nlohmann::json::array();
  for (const Sha256Digest& r : m.recipients) recipients.push_back(to_hex(r));
  nlohmann::json doc = {
      {"bundle_id", to_hex(m.bundle_id)},
      {"created", m.created},
      {"entries", std::move(entries)},
      {"format", kManifestFormat},
      {"recipients", std::move(recipients)},
      {"sender", to_hex(m.sender.bytes())},
      {"sequence", m.sequence},
      {"version", m.version},
  };
  auto text = json_strict::dump(doc);
  if (!text) return fail(Error::manifest_malformed);
  if (text->size() > kManifestMaxBytes) return fail(Error::manifest_too_large);
  return std::move(*text);
}

Result<Manifest> parse_manifest(std::span<const std::uint8_t> bytes) {
  using namespace json_strict;
  if (bytes.size() > kManifestMaxBytes) return fail(Error::manifest_too_large);
  auto doc = parse_canonical(bytes);
  if (!doc || !doc->is_object()) return fail(Error::manifest_malformed);
  // The version is looked at first so that a future format is reported as
  // such rather than as a malformed manifest.
  auto version = get_uint(*doc, "version");
  if (!version) return fail(Error::manifest_malformed);
  if (*version != kFormatVersion) return fail(Error::unsupported_version);
  if (!has_exactly(*doc, {"bundle_id", "created", "entries", "format", "recipients", "sender",
                          "sequence", "version"}))
    return fail(Error::manifest_malformed);
  const std::string* format = get_string(*doc, "format");
  if (format == nullptr || *format != kManifestFormat) return fail(Error::manifest_malformed);

  Manifest m;
  m.version = *version;
  std::array<std::uint8_t, crypto::kEd25519PublicKeyBytes> sender{};
  auto sequence = get_uint(*doc, "sequence");
  auto created = get_uint(*doc, "created");
  if (!get_hex(*doc, "bundle_id", m.bundle_id) || !get_hex(*doc, "sender", sender) || !sequence ||
      !created)
    return fail(Error::manifest_malformed);
  auto key = crypto::Ed25519PublicKey::from_bytes(sender);
  if (!key) return fail(Error::manifest_malformed);
  m.sender = *key;
  m.sequence = *sequence;
  m.created = *created;

  const nlohmann::json& recipients = (*doc)["recipients"];
  if (!recipients.is_array() || recipients.size() > kMaxRecipients)
    return fail(Error::manifest_malformed);
  for (const nlohmann::json& r : recipients) {
    Sha256Digest fp{};
    if (!r.is_string() || !from_hex(r.get_ref<const std::string&>(), fp))
      return fail(Error::manifest_malformed);
    m.recipients.push_back(fp);
  }
  const nlohmann::json& entries = (*doc)["entries"];
  if (!entries.is_array() || entries.size() > kMaxEntries) return fail(Error::manifest_malformed);
  for (const nlohmann::json& e : entries) {
    if (!has_exactly(e, {"name", "sha256", "size"})) return fail(Error::manifest_malformed);
    ManifestEntry entry;
    const std::string* name = get_string(e, "name");
    auto size = get_uint(e, "size");
    if (name == nullptr || !size || !get_hex(e, "sha256", entry.sha256))
      return fail(Error::manifest_malformed);
    entry.name = *name;
    entry.size = *size;
    m.entries.push_back(std::move(entry));
  }
  FIELDSEAL_TRY(validate(m));
  return m;
}

crypto::Ed25519Signature sign_manifest(std::span<const std::uint8_t> manifest_bytes,
                                       const crypto::Ed25519KeyPair& sender) {
  return sender.sign(signed_message(manifest_bytes));
}

Result<void> verify_manifest_signature(std::span<const std::uint8_t> manifest_bytes,
                                       std::span<const std::uint8_t> signature,
                                       const crypto::Ed25519PublicKey& sender) {
  if (signature.size() != crypto::kEd25519SignatureBytes) return fail(Error::signature_missing);
  if (!sender.verify(signed_message(manifest_bytes), signature))
    return fail(Error::signature_invalid);
  return {};
}

std::uint64_t tar_size_bound(const Manifest& manifest, std::size_t manifest_bytes) noexcept {
  auto padded = [](std::uint64_t size) { return (size + kTarBlock - 1) / kTarBlock * kTarBlock; };
  std::uint64_t total = kTarHeaderAllowance + padded(manifest_bytes) + kTarHeaderAllowance +
                        padded(crypto::kEd25519SignatureBytes) + kTarTrailerAllowance;
  for (const ManifestEntry& e : manifest.entries) {
    std::uint64_t add = kTarHeaderAllowance + padded(e.size);
    if (total > std::numeric_limits<std::uint64_t>::max() - add)
      return std::numeric_limits<std::uint64_t>::max();
    total += add;
  }
  return total;
}

}  // namespace fieldseal::transport
