// fieldseal export | import | quarantine list|accept|drop | receipt: sealed
// bundles and receipts between a field vault and an HQ vault, as thin
// wrappers over fieldseal_transport's exchange API (exchange.hpp). The
// output (plain and --json) is documented in docs/cli.md, "Sealed bundles".
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli_context.hpp"
#include "cmd_vault_util.hpp"
#include "commands.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "fieldseal/transport/parts.hpp"

namespace fieldseal::cli {
namespace {

namespace fs = std::filesystem;
namespace tr = transport;

// Split sizes: at least 64 KiB (smaller parts would be mostly age overhead),
// at most 1 TiB.
constexpr std::uint64_t kMinSplitBytes = 64ull << 10;
constexpr std::uint64_t kMaxSplitBytes = 1ull << 40;
constexpr std::uint64_t kProgressMinBytes = 64ull << 20;

struct ExportOptions {
  std::vector<std::string> to;
  std::string output;
  std::vector<std::string> ids;
  bool all = false;
  std::string split;
  bool armor = false;
};

struct ImportOptions {
  std::vector<std::string> paths;
};

struct QuarantineIdOptions {
  std::string id;
};

struct ReceiptOptions {
  std::string to;
  std::string output;
  bool armor = false;
};

// Unwraps a transport Result; a vault failure names the storage problem.
template <class T>
T check_tr(tr::Result<T>&& result, std::string_view context) {
  if (!result.ok() && result.error() == tr::Error::vault_failed) {
    if (auto detail = tr::last_storage_error()) {
      failure(std::string(context) + ": " + std::string(storage::message(*detail)));
    }
  }
  return check(std::move(result), context);
}
void check_tr(tr::Result<void>&& result, std::string_view context) {
  if (!result.ok() && result.error() == tr::Error::vault_failed) {
    if (auto detail = tr::last_storage_error()) {
      failure(std::string(context) + ": " + std::string(storage::message(*detail)));
    }
  }
  check(std::move(result), context);
}

// "95M", "1900M", "20M", "512K", "2G" or plain bytes; K/M/G are KiB/MiB/GiB.
std::uint64_t parse_size(const std::string& text) {
  const auto bad = [] {
    usage_error("--split takes a size such as 95M, 1900M or 20M (K, M, G: KiB, MiB, GiB)");
  };
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) ++digits;
  if (digits == 0 || digits > 15) bad();
  std::uint64_t value = std::stoull(text.substr(0, digits));
  std::uint64_t unit = 1;
  const std::string suffix = text.substr(digits);
  if (suffix == "K" || suffix == "k") {
    unit = 1ull << 10;
  } else if (suffix == "M" || suffix == "m") {
    unit = 1ull << 20;
  } else if (suffix == "G" || suffix == "g") {
    unit = 1ull << 30;
  } else if (!suffix.empty()) {
    bad();
  }
  if (value > kMaxSplitBytes / unit) usage_error("--split: the size is too large");
  value *= unit;
  if (value < kMinSplitBytes) usage_error("--split: the size must be at least 64K");
  return value;
}

std::string hex_id(const tr::BundleId& id) { return crypto::hex_encode(id); }

std::string key_text(const crypto::Ed25519PublicKey& key) {
  return crypto::base64_encode(key.bytes(), false);
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// A progress line on stderr fed by the transport's cumulative callback;
// inactive (and never called) unless stderr is a terminal, and silent for
// work under 64 MiB, as the other commands' progress.
class ProgressFeed {
 public:
  ProgressFeed(CliContext& ctx, std::string label, std::uint64_t fallback_total)
      : ctx_(ctx), label_(std::move(label)), fallback_total_(fallback_total) {}

  [[nodiscard]] tr::ProgressFn callback() {
    if (!ctx_.io().stderr_is_terminal) return {};
    return [this](std::uint64_t done, std::uint64_t total) noexcept { update(done, total); };
  }

 private:
  void update(std::uint64_t done, std::uint64_t total) noexcept {
    try {
      if (!progress_) {
        const std::uint64_t known = total > 0 ? total : fallback_total_;
        if (known > 0 && known < kProgressMinBytes) return;  // short work: no progress line
        progress_.emplace(ctx_, label_, known);
      }
      if (done > last_) {
        progress_->advance(done - last_);
        last_ = done;
      }
    } catch (...) {
      // Progress is decoration: never let it stop the work.
    }
  }

  CliContext& ctx_;
  std::string label_;
  std::uint64_t fallback_total_;
  std::optional<Progress> progress_;
  std::uint64_t last_ = 0;
};

// ---------------------------------------------------------------------------
// export (field)
// ---------------------------------------------------------------------------

void run_export(CliContext& ctx, const ExportOptions& options) {
  std::vector<std::string> recipients;
  for (const auto& name : options.to) {
    if (name.empty()) usage_error("--to: an empty contact name");
    if (std::find(recipients.begin(), recipients.end(), name) != recipients.end()) {
      usage_error("--to: a contact is named twice");
    }
    recipients.push_back(name);
  }
  if (recipients.empty()) usage_error("give the HQ contact(s) with --to NAME[,NAME...]");
  if (options.output.empty()) usage_error("give the output directory with -o DIR");
  if (options.all && !options.ids.empty()) usage_error("give report IDs or --all, not both");
  tr::ExportOptions export_options;
  if (!options.split.empty()) export_options.split_bytes = parse_size(options.split);
  export_options.armor = options.armor;
  export_options.output_dir = options.output;
  std::error_code ec;
  if (!fs::is_directory(export_options.output_dir, ec)) failure("the output directory does not exist");

  auto vault = open_vault(ctx);
  if (vault.role() != storage::Role::field) {
    failure("export is for a field vault; an HQ vault sends receipts ('fieldseal receipt')");
  }
  ProgressFeed feed(ctx, "Sealing", 0);
  export_options.progress = feed.callback();
  auto exported = tr::export_bundle(vault, recipients, options.ids, export_options);
  if (!exported.ok()) {
    switch (exported.error()) {
      case tr::Error::unknown_contact:
        failure("cannot export: a --to name is not an HQ contact ('fieldseal contact list')");
      case tr::Error::nothing_to_export:
        failure("nothing to export: no final report that HQ has not yet confirmed");
      case tr::Error::report_not_exportable:
        failure("cannot export: a given report is unknown, still a draft, or purged");
      case tr::Error::part_size_too_small:
        usage_error("--split: the size is too small to hold any data");
      default:
        break;
    }
  }
  const auto result = check_tr(std::move(exported), "cannot export");

  if (ctx.json()) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : result.files) files.push_back(f.string());
    ctx.print_json({{"bundle_id", hex_id(result.bundle_id)},
                    {"sequence", result.sequence},
                    {"recipients", recipients},
                    {"reports", result.report_ids},
                    {"bytes", result.bundle_bytes},
                    {"files", files}});
    return;
  }
  auto& out = ctx.out();
  out << "Sealed " << plural(result.report_ids.size(), "report", "reports") << " for ";
  for (std::size_t i = 0; i < recipients.size(); ++i) out << (i ? ", " : "") << printable(recipients[i]);
  out << " (bundle " << hex_id(result.bundle_id) << ", sequence " << result.sequence << ", "
      << result.bundle_bytes << " bytes).\n";
  const std::size_t count = result.files.size();
  for (std::size_t i = 0; i < count; ++i) {
    out << "Wrote " << printable(result.files[i].string());
    if (count > 1) out << "  (part " << (i + 1) << " of " << count << ")";
    out << '\n';
  }
  ctx.err() << "Send " << (count == 1 ? "the file" : "all the files")
            << " to HQ by any channel. The reports count as delivered once HQ's receipt is\n"
               "imported here ('fieldseal import RECEIPT').\n";
}

// ---------------------------------------------------------------------------
// import (field: receipts; HQ: bundles and parts)
// ---------------------------------------------------------------------------

std::string_view status_key(tr::ImportStatus status) {
  switch (status) {
    case tr::ImportStatus::imported: return "imported";
    case tr::ImportStatus::duplicate: return "duplicate";
    case tr::ImportStatus::quarantined: return "quarantined";
    case tr::ImportStatus::rejected: return "rejected";
    case tr::ImportStatus::parts_missing: return "parts_missing";
  }
  return "rejected";
}

// Why a bundle was not taken, in one sentence without user data.
std::string reason_text(const tr::BundleOutcome& b) {
  if (b.part_problem) return tr::describe(*b.part_problem);
  if (b.error) return std::string(tr::message(*b.error));
  return "unknown reason";
}

std::string outcome_text(const tr::BundleOutcome& b) {
  switch (b.status) {
    case tr::ImportStatus::imported: {
      std::string text = "imported " + plural(b.reports, "report", "reports");
      if (b.reports > 0 && b.attachments > 0) {
        text += " (" + plural(b.attachments, "attachment", "attachments") + ")";
      }
      text += " from " + printable(b.sender_name) + ", sequence " + std::to_string(b.sequence);
      if (b.reports_already_held > 0) {
        text += "; " + std::to_string(b.reports_already_held) + " already held";
      }
      return text;
    }
    case tr::ImportStatus::duplicate:
      return "duplicate: this bundle was imported before; nothing changed";
    case tr::ImportStatus::quarantined: {
      const std::string id = b.quarantine_id ? std::to_string(*b.quarantine_id) : std::string("?");
      return "quarantined (unknown sender) as " + id +
             ": add the sender's card and compare safety numbers, then 'fieldseal quarantine accept " +
             id + "'";
    }
    case tr::ImportStatus::rejected: return "rejected: " + reason_text(b);
    case tr::ImportStatus::parts_missing: return reason_text(b);
  }
  return "rejected";
}

bool is_failure(const tr::BundleOutcome& b) {
  return b.status == tr::ImportStatus::rejected || b.status == tr::ImportStatus::parts_missing;
}

std::string files_text(const std::vector<fs::path>& files) {
  if (files.empty()) return "(no file)";
  std::string text;
  for (const auto& f : files) text += (text.empty() ? "" : ", ") + printable(f.string());
  return text;
}

nlohmann::json outcome_json(const tr::BundleOutcome& b) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : b.files) files.push_back(f.string());
  nlohmann::json part = nullptr;
  if (b.part_problem) part = {{"number", b.part_problem->number}, {"count", b.part_problem->count}};
  const bool verified = b.sender.has_value();
  return {{"files", files},
          {"status", status_key(b.status)},
          {"message", outcome_text(b)},
          {"bundle_id", b.bundle_id ? nlohmann::json(hex_id(*b.bundle_id)) : nlohmann::json(nullptr)},
          {"sender", verified ? nlohmann::json(key_text(*b.sender)) : nlohmann::json(nullptr)},
          {"sender_name", b.sender_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.sender_name)},
          {"sequence", verified ? nlohmann::json(b.sequence) : nlohmann::json(nullptr)},
          {"reports", b.reports},
          {"reports_already_held", b.reports_already_held},
          {"attachments", b.attachments},
          {"reason", is_failure(b) ? nlohmann::json(reason_text(b)) : nlohmann::json(nullptr)},
          {"part", part},
          {"quarantine_id", b.quarantine_id ? nlohmann::json(*b.quarantine_id) : nlohmann::json(nullptr)}};
}

nlohmann::json gap_json(const tr::SequenceGap& g) {
  return {{"sender", key_text(g.sender)}, {"sender_name", g.sender_name}, {"first", g.first}, {"last", g.last}};
}

std::string gap_text(const tr::SequenceGap& g) {
  std::string which = g.first == g.last ? "bundle " + std::to_string(g.first)
                                        : "bundles " + std::to_string(g.first) + " to " + std::to_string(g.last);
  return "Possibly lost: " + which + " from " + printable(g.sender_name) +
         " never arrived (sequence gap); ask the sender to export again.";
}

// The regular files to read: files as given, directories' regular files
// (not recursive), each directory's in name order. Their total size.
std::uint64_t total_size(const std::vector<fs::path>& paths) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& p : paths) {
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (e.is_regular_file(ec)) total += e.file_size(ec);
      }
    } else if (fs::is_regular_file(p, ec)) {
      total += fs::file_size(p, ec);
    }
  }
  return total;
}

std::vector<fs::path> expand_receipt_paths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> inside;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (e.is_regular_file(ec)) inside.push_back(e.path());
      }
      if (ec) failure("cannot read an input directory");
      std::sort(inside.begin(), inside.end());
      files.insert(files.end(), inside.begin(), inside.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      failure("an input is neither a regular file nor a directory, or cannot be read");
    }
  }
  return files;
}

void import_receipts(CliContext& ctx, storage::Vault& vault, const std::vector<fs::path>& paths) {
  const auto files = expand_receipt_paths(paths);
  if (files.empty()) failure("no file to import in the given directories");
  nlohmann::json receipts = nlohmann::json::array();
  bool failed = false;
  for (const auto& file : files) {
    auto applied = tr::apply_receipt_file(vault, file);
    if (!applied.ok()) {
      failed = true;
      std::string reason(tr::message(applied.error()));
      if (applied.error() == tr::Error::vault_failed) {
        if (auto detail = tr::last_storage_error()) reason = std::string(storage::message(*detail));
      }
      if (ctx.json()) {
        receipts.push_back({{"file", file.string()}, {"status", "rejected"}, {"reason", reason}});
      } else {
        ctx.out() << printable(file.string()) << ": rejected: " << reason << '\n';
      }
      continue;
    }
    const auto& r = applied.value();
    if (ctx.json()) {
      receipts.push_back({{"file", file.string()},
                          {"status", "applied"},
                          {"hq", r.hq_name},
                          {"newly_delivered", r.newly_delivered},
                          {"already_delivered", r.already_delivered},
                          {"unknown", r.unknown},
                          {"outdated", r.outdated},
                          {"purged", r.purged}});
      continue;
    }
    auto& out = ctx.out();
    out << printable(file.string()) << ": receipt from " << printable(r.hq_name) << ": "
        << plural(r.newly_delivered, "report", "reports") << " newly delivered";
    if (r.already_delivered > 0) out << ", " << r.already_delivered << " already delivered";
    if (r.unknown > 0) out << ", " << r.unknown << " not exported from here to this HQ (ignored)";
    if (r.outdated > 0)
      out << ", " << r.outdated << " amended since (still not delivered; export them again)";
    if (r.purged > 0) out << "; purged " << r.purged << " (purge-on-receipt)";
    out << '\n';
  }
  if (ctx.json()) {
    ctx.print_json({{"bundles", nlohmann::json::array()},
                    {"receipts", receipts},
                    {"gaps", nlohmann::json::array()}});
  }
  if (failed) failure("a receipt was rejected; nothing was changed by it");
}

void import_bundles(CliContext& ctx, storage::Vault& vault, const std::vector<fs::path>& paths) {
  ProgressFeed feed(ctx, "Importing", ctx.io().stderr_is_terminal ? total_size(paths) : 0);
  tr::ImportOptions import_options;
  import_options.progress = feed.callback();
  auto result = check_tr(tr::import_files(vault, paths, import_options), "cannot import");
  bool failed = false;
  for (const auto& b : result.bundles) failed = failed || is_failure(b);
  if (ctx.json()) {
    nlohmann::json bundles = nlohmann::json::array();
    for (const auto& b : result.bundles) bundles.push_back(outcome_json(b));
    nlohmann::json gaps = nlohmann::json::array();
    for (const auto& g : result.gaps) gaps.push_back(gap_json(g));
    ctx.print_json({{"bundles", bundles}, {"receipts", nlohmann::json::array()}, {"gaps", gaps}});
  } else {
    for (const auto& b : result.bundles) ctx.out() << files_text(b.files) << ": " << outcome_text(b) << '\n';
    for (const auto& g : result.gaps) ctx.out() << gap_text(g) << '\n';
  }
  if (failed) failure("not everything was imported (see above); rejected bundles changed nothing");
}

void run_import(CliContext& ctx, const ImportOptions& options) {
  if (options.paths.empty()) usage_error("give the files or directories to import");
  std::vector<fs::path> paths;
  for (const auto& p : options.paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) failure("an input file or directory does not exist");
    paths.emplace_back(p);
  }
  auto vault = open_vault(ctx);
  if (vault.role() == storage::Role::field) {
    import_receipts(ctx, vault, paths);
  } else {
    import_bundles(ctx, vault, paths);
  }
}

// ---------------------------------------------------------------------------
// quarantine (HQ)
// ---------------------------------------------------------------------------

std::int64_t parse_quarantine_id(const std::string& text) {
  if (text.empty() || text.size() > 18 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    usage_error("ID is the number 'fieldseal quarantine list' shows");
  }
  return std::stoll(text);
}

storage::Vault open_hq_vault(CliContext& ctx, std::string_view what) {
  auto vault = open_vault(ctx);
  if (vault.role() != storage::Role::hq) failure(std::string(what) + " is for an HQ vault");
  return vault;
}

void run_quarantine_list(CliContext& ctx) {
  auto vault = open_hq_vault(ctx, "the quarantine");
  const auto items = check_tr(tr::quarantine_list(vault), "cannot list the quarantine");
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& q : items) {
      list.push_back({{"id", q.id},
                      {"bundle_id", hex_id(q.bundle_id)},
                      {"sender", key_text(q.sender)},
                      {"sequence", q.sequence},
                      {"created", q.created},
                      {"received_at", q.received_at},
                      {"reports", q.report_count},
                      {"bytes", q.bytes}});
    }
    ctx.print_json(list);
    return;
  }
  if (items.empty()) {
    ctx.err() << "The quarantine is empty.\n";
    return;
  }
  std::size_t id_w = 2;
  for (const auto& q : items) id_w = std::max(id_w, std::to_string(q.id).size());
  ctx.out() << pad("ID", id_w) << "  " << pad("RECEIVED", 20) << "  REPORTS  " << pad("BYTES", 12)
            << "  SENDER SIGNING KEY\n";
  for (const auto& q : items) {
    ctx.out() << pad(std::to_string(q.id), id_w) << "  " << pad(q.received_at, 20) << "  "
              << pad(std::to_string(q.report_count), 7) << "  " << pad(std::to_string(q.bytes), 12) << "  "
              << key_text(q.sender) << '\n';
  }
  ctx.err() << "A quarantined bundle verified, but its sender is not a contact. Compare the signing key\n"
               "with the sender's card, add it ('fieldseal contact add'), check the safety number with\n"
               "them, then 'fieldseal quarantine accept ID'; or 'fieldseal quarantine drop ID'.\n";
}

void run_quarantine_accept(CliContext& ctx, const QuarantineIdOptions& options) {
  const auto id = parse_quarantine_id(options.id);
  auto vault = open_hq_vault(ctx, "the quarantine");
  auto accepted = tr::quarantine_accept(vault, id);
  if (!accepted.ok() && accepted.error() == tr::Error::sender_unknown) {
    failure("the sender is still not a contact: add their card with 'fieldseal contact add' first");
  }
  const auto outcome = check_tr(std::move(accepted), "cannot accept the bundle");
  if (ctx.json()) {
    ctx.print_json(outcome_json(outcome));
  } else {
    ctx.out() << "Quarantined bundle " << id << ": " << outcome_text(outcome) << '\n';
  }
  if (is_failure(outcome)) failure("the bundle was not imported; it stays in quarantine");
}

void run_quarantine_drop(CliContext& ctx, const QuarantineIdOptions& options) {
  const auto id = parse_quarantine_id(options.id);
  auto vault = open_hq_vault(ctx, "the quarantine");
  check_tr(tr::quarantine_drop(vault, id), "cannot drop the bundle");
  ctx.err() << "Dropped quarantined bundle " << id << ".\n";
}

// ---------------------------------------------------------------------------
// receipt (HQ)
// ---------------------------------------------------------------------------

void run_receipt(CliContext& ctx, const ReceiptOptions& options) {
  if (options.to.empty()) usage_error("give the researcher with --to NAME");
  if (options.output.empty()) usage_error("give the output directory with -o DIR");
  std::error_code ec;
  if (!fs::is_directory(options.output, ec)) failure("the output directory does not exist");
  auto vault = open_vault(ctx);
  if (vault.role() != storage::Role::hq) {
    failure("receipts come from an HQ vault; a field vault imports them ('fieldseal import')");
  }
  auto made = tr::make_receipt(vault, options.to, options.output, options.armor);
  if (!made.ok() && made.error() == tr::Error::unknown_contact) {
    failure("cannot write a receipt: --to is not a researcher contact ('fieldseal contact list')");
  }
  const auto receipt = check_tr(std::move(made), "cannot write a receipt");
  if (ctx.json()) {
    ctx.print_json({{"file", receipt.file.string()}, {"bundles", receipt.bundles}, {"reports", receipt.reports}});
    return;
  }
  ctx.out() << "Receipt for " << printable(options.to) << ": " << plural(receipt.bundles, "bundle", "bundles")
            << ", " << plural(receipt.reports, "report", "reports") << ".\n"
            << "Wrote " << printable(receipt.file.string()) << '\n';
}

}  // namespace

void register_exchange_commands(CLI::App& app, CliContext& ctx) {
  auto export_options = std::make_shared<ExportOptions>();
  auto* exp = app.add_subcommand(
      "export",
      "Seal final reports (with attachments and custody logs) for HQ contacts into a bundle in DIR "
      "(field vault). Default: every final report HQ has not yet confirmed");
  exp->add_option("--to", export_options->to, "HQ contact name(s), comma-separated or repeated")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->type_name("NAME[,NAME...]")
      ->required();
  exp->add_option("-o,--output", export_options->output, "Existing directory for the bundle file(s)")
      ->type_name("DIR")
      ->required();
  exp->add_flag("--all", export_options->all, "Every final report not yet delivered (the default)");
  exp->add_option("ID", export_options->ids, "Only these final reports");
  exp->add_option("--split", export_options->split,
                  "Cut into parts of at most SIZE bytes each (e.g. 95M, 1900M, 20M; K/M/G = KiB/MiB/GiB)")
      ->type_name("SIZE");
  exp->add_flag("--armor", export_options->armor, "ASCII armor, for channels that take only text");
  exp->callback([&ctx, export_options] { run_export(ctx, *export_options); });

  auto import_options = std::make_shared<ImportOptions>();
  auto* imp = app.add_subcommand(
      "import",
      "HQ vault: import bundles and parts (any order, any names; directories: their files). "
      "Field vault: import HQ's receipts. Exit 1 if anything was rejected");
  imp->add_option("FILE", import_options->paths, "Files or directories")->required();
  imp->callback([&ctx, import_options] { run_import(ctx, *import_options); });

  auto* quarantine = app.add_subcommand(
      "quarantine", "Verified bundles from senders who are not contacts (HQ vault)");
  quarantine->require_subcommand(1);
  quarantine->add_subcommand("list", "List the quarantined bundles")->callback([&ctx] {
    run_quarantine_list(ctx);
  });
  auto accept_options = std::make_shared<QuarantineIdOptions>();
  auto* accept = quarantine->add_subcommand(
      "accept", "Import a quarantined bundle, after 'contact add' of its sender's card");
  accept->add_option("ID", accept_options->id, "The id 'quarantine list' shows")->required();
  accept->callback([&ctx, accept_options] { run_quarantine_accept(ctx, *accept_options); });
  auto drop_options = std::make_shared<QuarantineIdOptions>();
  auto* drop = quarantine->add_subcommand("drop", "Delete a quarantined bundle");
  drop->add_option("ID", drop_options->id, "The id 'quarantine list' shows")->required();
  drop->callback([&ctx, drop_options] { run_quarantine_drop(ctx, *drop_options); });

  auto receipt_options = std::make_shared<ReceiptOptions>();
  auto* receipt = app.add_subcommand(
      "receipt",
      "Write a signed receipt for everything received from a researcher so far, sealed to them (HQ vault)");
  receipt->add_option("--to", receipt_options->to, "The researcher's contact name")
      ->type_name("NAME")
      ->required();
  receipt->add_option("-o,--output", receipt_options->output, "Existing directory for the receipt file")
      ->type_name("DIR")
      ->required();
  receipt->add_flag("--armor", receipt_options->armor, "ASCII armor");
  receipt->callback([&ctx, receipt_options] { run_receipt(ctx, *receipt_options); });
}

}  // namespace fieldseal::cli
