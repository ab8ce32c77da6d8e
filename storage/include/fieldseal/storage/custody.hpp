#pragma once
// The custody log: per report, an append-only list of events a court would
// ask about, hash-chained and signed with the vault's Ed25519 key.
//
// Entry n (1-based) is the canonical JSON (report_json.hpp rules)
//   {"at":…,"details":{…},"event":…,"format":"fieldseal-custody/1",
//    "prev":hex(hash of entry n-1, or 64 zeros for n = 1),"report":id,
//    "seq":n,"signer":hex(Ed25519 public key)}
// its hash is SHA-256 of those bytes and its signature an Ed25519 signature
// of those bytes. The report row keeps the count and the last hash, so a
// dropped tail entry is detected too. Details never hold report content
// (no titles, names or file names): only ids, hashes, sizes, recipients.
//
// A report imported at HQ carries its sender's log (entries signed by the
// sender's key) followed by HQ's own entries ("received": bundle id, sender
// name and key, at the import time), signed by HQ's key and chained after
// the sender's last entry. When a later bundle brings more of the sender's
// entries, HQ's entries are taken off the tail (detach_custody_tail), the
// sender's appended, and HQ's put back after them with their original time
// and details, chained and signed again: the log stays one chain, the
// sender's part first.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::storage {

enum class CustodyEvent {
  created,
  edited,
  attachment_added,
  finalized,
  amended,
  exported,
  receipt_received,
  purged,
  received,  // HQ: the report arrived in a bundle (details: bundle, from, sender)
};

[[nodiscard]] std::string_view key(CustodyEvent event) noexcept;
[[nodiscard]] std::string_view label(CustodyEvent event, Language language) noexcept;
[[nodiscard]] std::optional<CustodyEvent> parse_custody_event(std::string_view text) noexcept;

inline constexpr std::size_t kMaxCustodyDetailBytes = 1024;

struct CustodyEntry {
  std::string report_id;
  std::int64_t seq = 0;
  std::string at;
  CustodyEvent event = CustodyEvent::created;
  std::map<std::string, std::string> details;
  Sha256Digest prev{};
  Sha256Digest hash{};
  PublicKeyBytes signer{};
  crypto::Ed25519Signature signature{};
};

// The canonical bytes an entry's hash and signature cover.
[[nodiscard]] std::string custody_entry_bytes(const CustodyEntry& entry);

// Appends an event (in its own transaction). not_found for an unknown report;
// invalid_argument when a detail key or value is empty or too long.
[[nodiscard]] Result<CustodyEntry> append_custody(Database& db, const crypto::Ed25519KeyPair& key,
                                                  std::string_view report_id, CustodyEvent event,
                                                  const std::map<std::string, std::string>& details);

// As append_custody, inside the caller's open transaction (invalid_argument
// if none is open), with the entry's time `at` (UTC ISO 8601) given by the
// caller (an import records its own receive time). Nothing is committed.
[[nodiscard]] Result<CustodyEntry> append_custody_in_transaction(
    Database& db, const crypto::Ed25519KeyPair& key, std::string_view report_id, CustodyEvent event,
    const std::map<std::string, std::string>& details, std::string_view at);

// Inside the caller's open transaction: removes the entries at the end of the
// report's log signed by `signer` (HQ's own entries after the sender's) and
// sets the report's count and head to the last entry left. Returns the
// removed entries in log order (empty if the last entry is not by `signer`).
// not_found; invalid_argument without an open transaction.
[[nodiscard]] Result<std::vector<CustodyEntry>> detach_custody_tail(
    Database& db, std::string_view report_id, const crypto::Ed25519PublicKey& signer);

// The report's log in order (also for purged reports). not_found.
[[nodiscard]] Result<std::vector<CustodyEntry>> list_custody(Database& db,
                                                             std::string_view report_id);

struct CustodyCheck {
  std::int64_t entries = 0;
  // The first entry (1-based) at which the chain fails, or std::nullopt when
  // the whole log verifies. entries + 1 means entries are missing at the end.
  std::optional<std::int64_t> broken_at;
  [[nodiscard]] bool intact() const noexcept { return !broken_at.has_value(); }
};

// Verifies sequence numbers, the hash chain, every hash and signature (each
// by its stated signer) and the report's head. The result names nothing but
// whether and where the chain breaks.
//
// Signers: with `receiver` null, every entry must be by `expected` when
// given. With `receiver` given (HQ checking an imported report: `expected`
// the sender, `receiver` HQ's own key), the log must be a run of at least
// one entry by `expected` (any signer when null) none of which is a
// "received" event, followed by a run of entries by `receiver`; so neither
// side can sign in the other's part, nor the sender claim that HQ received
// anything.
[[nodiscard]] Result<CustodyCheck> check_custody(Database& db, std::string_view report_id,
                                                 const crypto::Ed25519PublicKey* expected = nullptr,
                                                 const crypto::Ed25519PublicKey* receiver = nullptr);
// As check_custody, but custody_chain_broken unless intact.
[[nodiscard]] Result<void> verify_custody(Database& db, std::string_view report_id,
                                          const crypto::Ed25519PublicKey* expected = nullptr,
                                          const crypto::Ed25519PublicKey* receiver = nullptr);

}  // namespace fieldseal::storage
