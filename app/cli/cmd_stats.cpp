// fieldseal stats: counts of incidents per month, act type, region or sender
// (storage/statistics.hpp, the query HQ's dashboard shows), and with
// --received what HQ has received from each field contact.
#include <algorithm>
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli_context.hpp"
#include "cmd_vault_util.hpp"
#include "commands.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/statistics.hpp"
#include "fieldseal/storage/vocabulary.hpp"

namespace fieldseal::cli {
namespace {

namespace st = storage;

struct StatsOptions {
  std::string by = "month";
  std::string from;
  std::string to;
  std::string act;
  std::string region;
  std::string sender;
  std::string lang = "en";
  bool drafts = false;
  bool received = false;
  CLI::Option* from_opt = nullptr;
  CLI::Option* to_opt = nullptr;
  CLI::Option* act_opt = nullptr;
  CLI::Option* region_opt = nullptr;
  CLI::Option* sender_opt = nullptr;
  CLI::Option* by_opt = nullptr;
  CLI::Option* drafts_opt = nullptr;
};

std::string signing_key_text(std::string_view hex) {
  auto bytes = crypto::hex_decode(hex);
  return bytes ? crypto::base64_encode(*bytes, false) : std::string(hex);
}

// What a bucket is called in the text output (user data made printable).
std::string bucket_label(st::StatsDimension by, const st::StatsBucket& b, st::Language language) {
  switch (by) {
    case st::StatsDimension::month:
      if (b.unknown) return "unknown date";
      return b.key.size() == 4 ? b.key + " (month unknown)" : b.key;
    case st::StatsDimension::act_type: {
      if (b.unknown) return "no act recorded";
      const st::ActType* type = st::find_act_type(b.key);
      return type == nullptr ? b.key : std::string(st::label(*type, language)) + " (" + b.key + ")";
    }
    case st::StatsDimension::region: return b.unknown ? "no region" : printable(b.key);
    case st::StatsDimension::sender:
      if (b.unknown) return "written in this vault";
      return b.name.empty() ? "not a contact: " + signing_key_text(b.key) : printable(b.name);
  }
  return {};
}

std::string_view heading(st::StatsDimension by) {
  switch (by) {
    case st::StatsDimension::month: return "MONTH";
    case st::StatsDimension::act_type: return "ACT TYPE";
    case st::StatsDimension::region: return "REGION";
    case st::StatsDimension::sender: return "SENDER";
  }
  return {};
}

nlohmann::json bucket_json(st::StatsDimension by, const st::StatsBucket& b) {
  nlohmann::json out{{"count", b.count}, {"unknown", b.unknown}};
  out["key"] = b.unknown ? nlohmann::json(nullptr) : nlohmann::json(b.key);
  if (by == st::StatsDimension::act_type && !b.unknown) {
    if (const st::ActType* type = st::find_act_type(b.key)) {
      out["act_key"] = type->key;
      out["label_en"] = st::label(*type, st::Language::en);
      out["label_ru"] = st::label(*type, st::Language::ru);
    }
  }
  if (by == st::StatsDimension::month && !b.unknown) {
    out["precision"] = b.key.size() == 4 ? "year" : "month";
  }
  if (by == st::StatsDimension::sender && !b.unknown) {
    out["key"] = signing_key_text(b.key);
    out["name"] = b.name.empty() ? nlohmann::json(nullptr) : nlohmann::json(b.name);
  }
  return out;
}

void run_received(CliContext& ctx) {
  auto vault = open_vault(ctx);
  if (vault.role() != st::Role::hq) failure(std::string(st::message(st::Error::wrong_role)));
  auto rows = check(st::received_summary(vault.database()), "cannot count what was received");
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : rows) {
      list.push_back({{"name", r.name},
                      {"signing_key", crypto::base64_encode(r.signing_key.bytes(), false)},
                      {"bundles", r.bundles},
                      {"reports", r.reports},
                      {"last_received_at", r.last_received_at.empty()
                                               ? nlohmann::json(nullptr)
                                               : nlohmann::json(r.last_received_at)}});
    }
    ctx.print_json(list);
    return;
  }
  if (rows.empty()) {
    ctx.err() << "No field contacts.\n";
    return;
  }
  std::size_t name_w = 10;
  for (const auto& r : rows) name_w = std::max(name_w, display_width(printable(r.name)));
  ctx.out() << pad("RESEARCHER", name_w) << "  BUNDLES  REPORTS  LAST RECEIVED\n";
  for (const auto& r : rows) {
    const std::string bundles = std::to_string(r.bundles);
    const std::string reports = std::to_string(r.reports);
    ctx.out() << pad(printable(r.name), name_w) << "  " << std::string(7 - std::min<std::size_t>(7, bundles.size()), ' ')
              << bundles << "  " << std::string(7 - std::min<std::size_t>(7, reports.size()), ' ')
              << reports << "  " << (r.last_received_at.empty() ? "-" : r.last_received_at) << '\n';
  }
}

void run_stats(CliContext& ctx, const StatsOptions& o) {
  if (o.received) {
    for (const CLI::Option* opt :
         {o.from_opt, o.to_opt, o.act_opt, o.region_opt, o.sender_opt, o.by_opt, o.drafts_opt}) {
      if (opt->count() > 0) usage_error("--received takes no --by and no filters");
    }
    run_received(ctx);
    return;
  }
  const auto by = st::parse_stats_dimension(o.by);
  if (!by) usage_error("--by is month, act, region or sender");
  const st::Language language = label_language(o.lang);
  st::StatsFilter filter;
  filter.include_drafts = o.drafts;
  auto date = [](const std::string& text, std::string_view flag) {
    auto d = st::parse_partial_date(text);
    if (!d || d->precision == st::DatePrecision::unknown) {
      usage_error(std::string(flag) + ": a date is YYYY-MM-DD, YYYY-MM or YYYY");
    }
    return text;
  };
  if (o.from_opt->count() > 0) filter.date_from = date(o.from, "--from");
  if (o.to_opt->count() > 0) filter.date_to = date(o.to, "--to");
  if (o.act_opt->count() > 0) {
    const st::ActType* type = st::find_act_type(o.act);
    if (type == nullptr) usage_error("--act: unknown act type; 'fieldseal vocab' lists them");
    filter.act_type = std::string(type->code);
  }
  if (o.region_opt->count() > 0) filter.region = o.region;
  if (o.sender_opt->count() > 0) filter.sender = o.sender;

  auto vault = open_vault(ctx);
  if (filter.sender && vault.role() != st::Role::hq) {
    failure(std::string(st::message(st::Error::wrong_role)));
  }
  auto result = st::incident_statistics(vault.database(), *by, filter);
  if (!result && result.error() == st::Error::not_found && filter.sender) {
    failure("--sender: no contact of that name");
  }
  const auto stats = check(std::move(result), "cannot count the reports");
  if (ctx.json()) {
    nlohmann::json doc{{"by", st::key(*by)}, {"total", stats.total},
                       {"drafts_counted", o.drafts}};
    nlohmann::json buckets = nlohmann::json::array();
    for (const auto& b : stats.buckets) buckets.push_back(bucket_json(*by, b));
    doc["buckets"] = std::move(buckets);
    ctx.print_json(doc);
    return;
  }
  ctx.out() << stats.total << (stats.total == 1 ? " incident" : " incidents")
            << (o.drafts ? " (final reports and drafts)" : " (final reports)") << '\n';
  if (stats.buckets.empty()) return;
  if (*by == st::StatsDimension::act_type) {
    ctx.out() << "A report with acts of several types counts once for each.\n";
  }
  std::vector<std::string> labels;
  std::size_t label_w = heading(*by).size();
  for (const auto& b : stats.buckets) {
    labels.push_back(bucket_label(*by, b, language));
    label_w = std::max(label_w, display_width(labels.back()));
  }
  std::size_t count_w = 5;
  for (const auto& b : stats.buckets) count_w = std::max(count_w, std::to_string(b.count).size());
  ctx.out() << '\n' << pad(heading(*by), label_w) << "  " << std::string(count_w - 5, ' ') << "COUNT\n";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const std::string count = std::to_string(stats.buckets[i].count);
    ctx.out() << pad(labels[i], label_w) << "  " << std::string(count_w - count.size(), ' ') << count
              << '\n';
  }
}

}  // namespace

void register_stats_commands(CLI::App& app, CliContext& ctx) {
  auto o = std::make_shared<StatsOptions>();
  auto* stats = app.add_subcommand(
      "stats", "Count incidents (final reports) per month, act type, region or sender");
  o->by_opt = stats->add_option("--by", o->by, "month (default), act, region or sender")
                  ->type_name("WHAT");
  o->from_opt = stats->add_option("--from", o->from, "Incident start on or after DATE (YYYY[-MM[-DD]])")
                    ->type_name("DATE");
  o->to_opt = stats->add_option("--to", o->to, "Incident start on or before DATE (YYYY[-MM[-DD]])")
                  ->type_name("DATE");
  o->act_opt = stats->add_option("--act,--type", o->act, "Only reports with an act of this type (key or code)")
                   ->type_name("TYPE");
  o->region_opt = stats->add_option("--region", o->region, "Region, exact match ('' for reports without one)")
                      ->type_name("TEXT");
  o->sender_opt = stats->add_option("--sender", o->sender, "HQ: only reports sent by this contact")
                      ->type_name("NAME");
  o->drafts_opt = stats->add_flag("--drafts", o->drafts, "Count drafts too (a field vault's work in progress)");
  stats->add_option("--lang", o->lang, "Act type labels in en or ru (default en)")->type_name("en|ru");
  stats->add_flag("--received", o->received,
                  "HQ: bundles and reports received from each field contact (for receipts)");
  stats->callback([&ctx, o] { run_stats(ctx, *o); });
}

}  // namespace fieldseal::cli
