#include "fieldseal/transport/receipt.hpp"

#include <algorithm>

#include "age_io.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "json_strict.hpp"

namespace fieldseal::transport {

namespace {

std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept { return crypto::as_bytes(text); }

std::vector<std::uint8_t> signed_message(std::string_view receipt_bytes) {
  std::vector<std::uint8_t> message(kReceiptSignatureContext.size() + receipt_bytes.size());
  auto label = crypto::as_bytes(kReceiptSignatureContext);
  std::copy(label.begin(), label.end(), message.begin());
  std::copy(receipt_bytes.begin(), receipt_bytes.end(),
            message.begin() + static_cast<std::ptrdiff_t>(label.size()));
  return message;
}

Sha256Digest content_only_state(const Sha256Digest& content_sha256) {
  return storage::report_state_digest(content_sha256, {});
}

bool valid_report_id(std::string_view id) {
  std::string name = "reports/" + std::string(id) + ".json";
  return classify_entry_name(name) == EntryKind::report;
}

nlohmann::json to_json(const Receipt& r) {
  nlohmann::json bundles = nlohmann::json::array();
  for (const ReceiptBundle& b : r.bundles) {
    nlohmann::json reports = nlohmann::json::array();
    for (const ReceiptReport& rep : b.reports) {
      nlohmann::json entry = {{"id", rep.id}, {"sha256", to_hex(rep.sha256)}};
      if (r.version >= 2) entry["state"] = to_hex(rep.state);
      reports.push_back(std::move(entry));
    }
    bundles.push_back({{"id", to_hex(b.id)}, {"reports", std::move(reports)}});
  }
  return {
      {"bundles", std::move(bundles)},
      {"created", r.created},
      {"format", kReceiptFormat},
      {"hq", to_hex(r.hq.bytes())},
      {"researcher", to_hex(r.researcher.bytes())},
      {"version", r.version},
  };
}

Result<Receipt> from_json(const nlohmann::json& doc) {
  using namespace json_strict;
  if (!doc.is_object()) return fail(Error::receipt_malformed);
  auto version = get_uint(doc, "version");
  if (!version) return fail(Error::receipt_malformed);
  if (*version < kReceiptOldestVersion || *version > kReceiptVersion)
    return fail(Error::unsupported_version);
  if (!has_exactly(doc, {"bundles", "created", "format", "hq", "researcher", "version"}))
    return fail(Error::receipt_malformed);
  const std::string* format = get_string(doc, "format");
  auto created = get_uint(doc, "created");
  std::array<std::uint8_t, crypto::kEd25519PublicKeyBytes> hq{};
  std::array<std::uint8_t, crypto::kEd25519PublicKeyBytes> researcher{};
  if (format == nullptr || *format != kReceiptFormat || !created || !get_hex(doc, "hq", hq) ||
      !get_hex(doc, "researcher", researcher))
    return fail(Error::receipt_malformed);
  auto hq_key = crypto::Ed25519PublicKey::from_bytes(hq);
  auto researcher_key = crypto::Ed25519PublicKey::from_bytes(researcher);
  if (!hq_key || !researcher_key) return fail(Error::receipt_malformed);
  Receipt r;
  r.version = *version;
  r.hq = *hq_key;
  r.researcher = *researcher_key;
  r.created = *created;
  const nlohmann::json& bundles = doc["bundles"];
  if (!bundles.is_array() || bundles.size() > kReceiptMaxBundles) return fail(Error::receipt_malformed);
  for (const nlohmann::json& b : bundles) {
    if (!has_exactly(b, {"id", "reports"})) return fail(Error::receipt_malformed);
    ReceiptBundle bundle;
    if (!get_hex(b, "id", bundle.id)) return fail(Error::receipt_malformed);
    const nlohmann::json& reports = b["reports"];
    if (!reports.is_array() || reports.size() > kMaxEntries) return fail(Error::receipt_malformed);
    for (const nlohmann::json& rep : reports) {
      const bool with_state = *version >= 2;
      if (with_state ? !has_exactly(rep, {"id", "sha256", "state"})
                     : !has_exactly(rep, {"id", "sha256"}))
        return fail(Error::receipt_malformed);
      ReceiptReport report;
      const std::string* id = get_string(rep, "id");
      if (id == nullptr || !get_hex(rep, "sha256", report.sha256)) return fail(Error::receipt_malformed);
      if (!with_state) {
        report.state = content_only_state(report.sha256);
      } else if (!get_hex(rep, "state", report.state)) {
        return fail(Error::receipt_malformed);
      }
      report.id = *id;
      bundle.reports.push_back(std::move(report));
    }
    r.bundles.push_back(std::move(bundle));
  }
  FIELDSEAL_TRY(validate(r));
  return r;
}

}  // namespace

Result<void> validate(const Receipt& r) {
  if (r.version < kReceiptOldestVersion || r.version > kReceiptVersion)
    return fail(Error::unsupported_version);
  if (r.created > kMaxCreated) return fail(Error::receipt_malformed);
  if (r.bundles.empty() || r.bundles.size() > kReceiptMaxBundles) return fail(Error::receipt_malformed);
  for (std::size_t i = 0; i < r.bundles.size(); ++i) {
    const ReceiptBundle& b = r.bundles[i];
    if (i > 0 && !(r.bundles[i - 1].id < b.id)) return fail(Error::receipt_malformed);
    if (b.reports.empty() || b.reports.size() > kMaxEntries) return fail(Error::receipt_malformed);
    for (std::size_t k = 0; k < b.reports.size(); ++k) {
      if (!valid_report_id(b.reports[k].id)) return fail(Error::receipt_malformed);
      if (r.version == 1 && b.reports[k].state != content_only_state(b.reports[k].sha256))
        return fail(Error::receipt_malformed);
      if (k > 0 && !(b.reports[k - 1].id < b.reports[k].id)) return fail(Error::receipt_malformed);
    }
  }
  return {};
}

Result<std::string> serialize(const Receipt& receipt) {
  FIELDSEAL_TRY(validate(receipt));
  auto text = json_strict::dump(to_json(receipt));
  if (!text) return fail(Error::receipt_malformed);
  if (text->size() > kReceiptMaxBytes - 256) return fail(Error::receipt_too_large);
  return std::move(*text);
}

Result<Receipt> parse_receipt(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > kReceiptMaxBytes) return fail(Error::receipt_too_large);
  auto doc = json_strict::parse_canonical(bytes);
  if (!doc) return fail(Error::receipt_malformed);
  return from_json(*doc);
}

Result<std::string> sign_receipt(const Receipt& receipt, const crypto::Ed25519KeyPair& hq) {
  if (!(hq.public_key() == receipt.hq)) return fail(Error::invalid_argument);
  auto body = serialize(receipt);
  if (!body) return fail(body.error());
  crypto::Ed25519Signature signature = hq.sign(signed_message(*body));
  nlohmann::json doc = {{"receipt", to_json(receipt)}, {"signature", to_hex(signature)}};
  auto text = json_strict::dump(doc);
  if (!text) return fail(Error::receipt_malformed);
  return std::move(*text);
}

Result<Receipt> open_receipt(std::span<const std::uint8_t> plaintext) {
  using namespace json_strict;
  if (plaintext.size() > kReceiptMaxBytes) return fail(Error::receipt_too_large);
  auto doc = parse_canonical(plaintext);
  if (!doc || !has_exactly(*doc, {"receipt", "signature"})) return fail(Error::receipt_malformed);
  crypto::Ed25519Signature signature{};
  if (!get_hex(*doc, "signature", signature)) return fail(Error::receipt_malformed);
  auto receipt = from_json((*doc)["receipt"]);
  if (!receipt) return fail(receipt.error());
  // The signed bytes are the canonical form, which is what the plaintext
  // carries (the whole document was checked to be canonical).
  auto body = dump((*doc)["receipt"]);
  if (!body) return fail(Error::receipt_malformed);
  if (!receipt->hq.verify(signed_message(*body), signature))
    return fail(Error::receipt_signature_invalid);
  return receipt;
}

Result<void> write_receipt(const Receipt& receipt, const crypto::Ed25519KeyPair& hq,
                           const crypto::X25519Recipient& researcher, bool armor,
                           crypto::ByteSink& out) {
  auto plaintext = sign_receipt(receipt, hq);
  if (!plaintext) return fail(plaintext.error());
  std::vector<crypto::age::Recipient> recipients;
  recipients.emplace_back(researcher);
  auto enc = crypto::age::Encryptor::begin(recipients, out, {.armor = armor});
  if (!enc) return fail(from_crypto(enc.error()));
  if (auto r = enc->write(bytes_of(*plaintext)); !r) return fail(from_crypto(r.error()));
  if (auto r = enc->finish(); !r) return fail(from_crypto(r.error()));
  return {};
}

Result<Receipt> read_receipt(crypto::ByteSource& in,
                             std::span<const crypto::age::Identity> identities) {
  detail::CapturingSource capture(in, detail::kHeaderCaptureBytes);
  auto dec = crypto::age::Decryptor::open(capture, identities);
  if (!dec) return fail(from_crypto(dec.error()));
  const auto stanzas = detail::count_x25519_stanzas(capture.captured());
  capture.release();
  if (stanzas != std::size_t{1}) return fail(Error::receipt_recipients_invalid);
  detail::DecryptorSource source(std::move(*dec));
  std::vector<std::uint8_t> plaintext;
  std::array<std::uint8_t, 64 * 1024> buf{};
  for (;;) {
    auto n = source.read(buf);
    if (!n) return fail(source.error() ? *source.error() : Error::io_read);
    if (*n == 0) break;
    if (plaintext.size() + *n > kReceiptMaxBytes) return fail(Error::receipt_too_large);
    plaintext.insert(plaintext.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
  }
  return open_receipt(plaintext);
}

}  // namespace fieldseal::transport
