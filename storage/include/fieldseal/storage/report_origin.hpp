#pragma once
// Where a held report came from, for the front ends' report lists and views
// (fieldseal report list/show and the GUI's reports browser), and the
// save-out of an attachment to a file (fieldseal attachment save, the GUI's
// "Save attachment…").
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/exchange_records.hpp"

namespace fieldseal::storage {

// An imported report's origin (exchange_records.hpp: sender key, first
// bundle, when received, when its signatures and custody chain were verified
// on import) and the sender's contact name: empty when no contact has that
// key any more (front ends then show the key).
struct ReportSender {
  ReportOrigin origin;
  std::string sender_name;
};

// nullopt for a report made in this vault (every report of a field vault).
[[nodiscard]] Result<std::optional<ReportSender>> report_sender(Database& db,
                                                                std::string_view report_id);
// One entry per id, in order (a list page): each sender's contact is looked
// up once.
[[nodiscard]] Result<std::vector<std::optional<ReportSender>>> report_senders(
    Database& db, std::span<const std::string> report_ids);

// Writes an attachment to a new file `target` (mode 0600), checking its
// SHA-256 as it streams: the bytes go to a hidden file beside the target,
// which is synced and then linked under the target's name, so the target
// appears complete and verified or not at all; an existing file is never
// replaced. io_failed (cannot write, or `target` exists), attachment_damaged
// (stored bytes do not match: nothing is left), attachment_not_found,
// not_found, purged.
[[nodiscard]] Result<void> save_attachment_file(Database& db, std::string_view report_id,
                                                const Sha256Digest& sha256,
                                                const std::filesystem::path& target);

}  // namespace fieldseal::storage
