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
// by its stated signer, and by `expected` when given) and the report's head.
// The result names nothing but whether and where the chain breaks.
[[nodiscard]] Result<CustodyCheck> check_custody(Database& db, std::string_view report_id,
                                                 const crypto::Ed25519PublicKey* expected = nullptr);
// As check_custody, but custody_chain_broken unless intact.
[[nodiscard]] Result<void> verify_custody(Database& db, std::string_view report_id,
                                          const crypto::Ed25519PublicKey* expected = nullptr);

}  // namespace fieldseal::storage
