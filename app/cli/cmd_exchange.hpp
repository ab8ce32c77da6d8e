#pragma once
// What the report commands (cmd_report.cpp) show about imported reports in an
// HQ vault: who sent a report and when its signatures and custody chain were
// verified (on import; storage::report_origin). Defined in cmd_exchange.cpp.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "fieldseal/storage/vault.hpp"

namespace fieldseal::cli {

struct ReportOriginView {
  std::string sender_name;  // the contact's name; empty when no contact has the key any more
  std::string sender_key;   // Ed25519 key, base64 as on cards
  std::string bundle_id;    // hex: the bundle that first brought the report
  std::string received_at;  // UTC ISO 8601
  std::string verified_at;  // UTC ISO 8601: signatures and custody verified (on import)
};

// Looks up origins for one command (contact names cached). In a field vault,
// and for reports made in this vault, get() returns nothing.
class ReportOrigins {
 public:
  explicit ReportOrigins(storage::Vault& vault) noexcept : vault_(vault) {}
  // Fails (exit 1) when the vault cannot be read.
  [[nodiscard]] std::optional<ReportOriginView> get(std::string_view report_id);
  // {"sender", "sender_name", "bundle_id", "received_at", "verified_at"} or null.
  [[nodiscard]] nlohmann::json json(std::string_view report_id);
  // "Anna K" (or the key when no contact has it) for the FROM column; "" for none.
  [[nodiscard]] std::string from_text(std::string_view report_id);
  [[nodiscard]] bool is_hq() const noexcept { return vault_.role() == storage::Role::hq; }

 private:
  storage::Vault& vault_;
  std::map<std::string, std::string> names_;  // key → contact name
};

}  // namespace fieldseal::cli
