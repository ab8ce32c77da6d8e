// fieldseal report add|edit|finalize|amend|list|show|search, vocab, attach,
// attachment list|save, custody, purge: reports after the HURIDOCS model, as
// thin wrappers over fieldseal_storage. How a report is typed on the command
// line (the --act / --person / --source mini-syntax) is in the --help text
// below and in docs/cli.md.
#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli_context.hpp"
#include "cmd_vault_util.hpp"
#include "commands.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/report_origin.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/search.hpp"
#include "fieldseal/storage/vocabulary.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "files.hpp"

namespace fieldseal::cli {
namespace {

namespace st = storage;

constexpr std::uint64_t kProgressMinBytes = 64ull << 20;
constexpr std::int64_t kDefaultListLimit = 50;

// Flags shared by `report add` and `report edit`. Scalars given replace the
// field; a repeatable flag given replaces its whole list; --clear empties.
struct ContentOptions {
  CLI::Option* title_opt = nullptr;
  CLI::Option* narrative_opt = nullptr;
  CLI::Option* narrative_file_opt = nullptr;
  CLI::Option* start_opt = nullptr;
  CLI::Option* end_opt = nullptr;
  CLI::Option* place_opt = nullptr;
  CLI::Option* region_opt = nullptr;
  CLI::Option* coords_opt = nullptr;
  std::string title, narrative, narrative_file, start, end, place, region, coords;
  std::vector<std::string> acts, persons, sensitive, sources, tags, clear;
};

struct AddOptions {
  ContentOptions content;
  std::vector<std::string> attach;
};

struct EditOptions {
  std::string id;
  ContentOptions content;
};

struct IdOptions {
  std::string id;
};

struct AmendOptions {
  std::string id;
  CLI::Option* text_opt = nullptr;
  CLI::Option* text_file_opt = nullptr;
  std::string text, text_file;
};

// The report filters `report list` and `report search` share.
struct FilterOptions {
  std::string status, type, from, to, region;
};

struct ListOptions {
  FilterOptions filter;
  std::int64_t limit = kDefaultListLimit;
};

struct ShowOptions {
  std::string id;
  bool sensitive = false;
};

struct SearchOptions {
  std::vector<std::string> words;
  FilterOptions filter;
  std::int64_t limit = kDefaultListLimit;
};

struct VocabOptions {
  std::string lang = "en";
};

struct AttachOptions {
  std::string id;
  std::string file;
  std::string name;
  std::string type;
};

struct SaveOptions {
  std::string id;
  std::string sha;
  std::string output;
};

struct PurgeOptions {
  std::vector<std::string> ids;
  bool delivered = false;
};

bool given(const CLI::Option* option) { return option != nullptr && option->count() > 0; }

std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

template <std::size_t N>
std::string hex(const std::array<std::uint8_t, N>& bytes) {
  return crypto::hex_encode(bytes);
}

// Splits `text` at ':' into at most `max_parts` parts; the last takes the rest.
std::vector<std::string> split_fields(std::string_view text, std::size_t max_parts) {
  std::vector<std::string> parts;
  while (parts.size() + 1 < max_parts) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) break;
    parts.emplace_back(text.substr(0, colon));
    text.remove_prefix(colon + 1);
  }
  parts.emplace_back(text);
  return parts;
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

bool valid_ref(std::string_view ref) noexcept {
  if (ref.empty() || ref.size() > st::kMaxRefBytes) return false;
  return std::all_of(ref.begin(), ref.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
  });
}

std::string where(std::string_view flag, std::size_t index) {
  return std::string(flag) + " (" + ordinal(index + 1) + ")";
}

st::PartialDate date_option(std::string_view text, std::string_view flag) {
  auto date = st::parse_partial_date(text);
  if (!date.ok()) {
    usage_error(std::string(flag) + ": a date is YYYY-MM-DD, YYYY-MM, YYYY or 'unknown'");
  }
  return std::move(date).value();
}

st::Act parse_act(std::string_view text, std::size_t index) {
  auto parts = split_fields(text, 5);
  parts.resize(5);
  const auto* type = st::find_act_type(parts[0]);
  if (type == nullptr) {
    usage_error(where("--act", index) + ": unknown act type; 'fieldseal vocab' lists them");
  }
  st::Act act;
  act.type_code = std::string(type->code);
  act.victim_ref = parts[1];
  act.perpetrator_ref = parts[2];
  if (!parts[3].empty()) act.date = date_option(parts[3], where("--act", index));
  act.method = parts[4];
  return act;
}

st::Person parse_person(std::string_view text, std::size_t index) {
  auto parts = split_fields(text, 4);
  if (parts.size() < 3) usage_error(where("--person", index) + ": expected REF:ROLES:NAME[:DESCRIPTION]");
  parts.resize(4);
  st::Person person;
  person.ref = parts[0];
  if (!valid_ref(person.ref)) {
    usage_error(where("--person", index) +
                ": REF is required and may hold only letters, digits, '_' and '-'");
  }
  for (const auto& role_text : split_list(parts[1])) {
    auto role = st::parse_person_role(role_text);
    if (!role) {
      usage_error(where("--person", index) + ": a role is victim, witness, source or perpetrator");
    }
    if (std::find(person.roles.begin(), person.roles.end(), *role) == person.roles.end()) {
      person.roles.push_back(*role);
    }
  }
  if (person.roles.empty()) usage_error(where("--person", index) + ": give at least one role");
  person.name = parts[2];
  person.description = parts[3];
  return person;
}

st::Source parse_source(std::string_view text, std::size_t index) {
  auto parts = split_fields(text, 3);
  if (parts.size() < 3) usage_error(where("--source", index) + ": expected [REF]:[CONSENT]:DESCRIPTION");
  st::Source source;
  source.person_ref = parts[0];
  if (!source.person_ref.empty() && !valid_ref(source.person_ref)) {
    usage_error(where("--source", index) + ": REF may hold only letters, digits, '_' and '-'");
  }
  for (const auto& flag : split_list(parts[1])) {
    if (flag == "quote") {
      source.consent.may_quote = true;
    } else if (flag == "publish") {
      source.consent.may_publish = true;
    } else if (flag == "named") {
      source.consent.must_anonymise = false;
    } else if (flag == "anonymise" || flag == "anonymize") {
      source.consent.must_anonymise = true;
    } else if (flag != "none") {
      usage_error(where("--source", index) +
                  ": consent flags are quote, publish, named, anonymise and none");
    }
  }
  source.description = parts[2];
  return source;
}

void apply_sensitive(std::vector<st::Person>& persons, std::string_view text, std::size_t index) {
  auto parts = split_fields(text, 2);
  const auto eq = parts.size() == 2 ? parts[1].find('=') : std::string::npos;
  if (eq == std::string::npos) usage_error(where("--sensitive", index) + ": expected REF:FIELD=VALUE");
  const std::string field = parts[1].substr(0, eq);
  std::string value = parts[1].substr(eq + 1);
  auto it = std::find_if(persons.begin(), persons.end(),
                         [&](const st::Person& p) { return p.ref == parts[0]; });
  if (it == persons.end()) usage_error(where("--sensitive", index) + ": no person with that REF");
  if (field == "legal-name") {
    it->sensitive.legal_name = std::move(value);
  } else if (field == "birth-date") {
    it->sensitive.birth_date = std::move(value);
  } else if (field == "contact") {
    it->sensitive.contact = std::move(value);
  } else if (field == "notes") {
    it->sensitive.notes = std::move(value);
  } else {
    usage_error(where("--sensitive", index) + ": FIELD is legal-name, birth-date, contact or notes");
  }
}

// Applies the flags to `draft` (empty for add, the stored content for edit).
void apply_content(CliContext& ctx, const ContentOptions& o, st::ReportDraft& draft) {
  static const std::set<std::string> clearable{"narrative", "start",   "end",     "place", "region",
                                               "coords",    "acts",    "persons", "sources", "tags"};
  for (const auto& field : o.clear) {
    if (clearable.count(field) == 0) {
      usage_error("--clear takes narrative, start, end, place, region, coords, acts, persons, "
                  "sources or tags");
    }
    if (field == "narrative") draft.narrative.clear();
    if (field == "start") draft.start = {};
    if (field == "end") draft.end = {};
    if (field == "place") draft.location.text.clear();
    if (field == "region") draft.location.region.clear();
    if (field == "coords") draft.location.coordinates.reset();
    if (field == "acts") draft.acts.clear();
    if (field == "persons") draft.persons.clear();
    if (field == "sources") draft.sources.clear();
    if (field == "tags") draft.tags.clear();
  }

  if (given(o.title_opt)) draft.title = o.title;
  if (given(o.narrative_opt) && given(o.narrative_file_opt)) {
    usage_error("--narrative and --narrative-file can't be combined");
  }
  if (given(o.narrative_opt)) draft.narrative = o.narrative;
  if (given(o.narrative_file_opt)) {
    draft.narrative = read_text_input(ctx, o.narrative_file, st::kMaxNarrativeBytes, "narrative file");
  }
  if (given(o.start_opt)) draft.start = date_option(o.start, "--start");
  if (given(o.end_opt)) draft.end = date_option(o.end, "--end");
  if (given(o.place_opt)) draft.location.text = o.place;
  if (given(o.region_opt)) draft.location.region = o.region;
  if (given(o.coords_opt)) {
    auto coords = st::parse_coordinates(o.coords);
    if (!coords.ok()) {
      usage_error("--coords: expected LAT,LON in decimal degrees, e.g. 55.755826,37.6173");
    }
    draft.location.coordinates = coords.value();
  }

  if (!o.persons.empty()) {
    std::vector<st::Person> persons;
    for (std::size_t i = 0; i < o.persons.size(); ++i) {
      auto person = parse_person(o.persons[i], i);
      for (const auto& existing : persons) {
        if (existing.ref == person.ref) usage_error(where("--person", i) + ": REF used twice");
      }
      // An edit that restates a person keeps the sensitive details stored for that REF.
      for (const auto& old : draft.persons) {
        if (old.ref == person.ref) person.sensitive = old.sensitive;
      }
      persons.push_back(std::move(person));
    }
    draft.persons = std::move(persons);
  }
  for (std::size_t i = 0; i < o.sensitive.size(); ++i) apply_sensitive(draft.persons, o.sensitive[i], i);

  std::set<std::string> refs;
  for (std::size_t i = 0; i < draft.persons.size(); ++i) {
    refs.insert(draft.persons[i].ref.empty() ? "p" + std::to_string(i + 1) : draft.persons[i].ref);
  }
  auto known = [&](const std::string& ref) { return ref.empty() || refs.count(ref) > 0; };

  if (!o.acts.empty()) {
    draft.acts.clear();
    for (std::size_t i = 0; i < o.acts.size(); ++i) {
      auto act = parse_act(o.acts[i], i);
      if (!known(act.victim_ref) || !known(act.perpetrator_ref)) {
        usage_error(where("--act", i) + ": VICTIM and PERPETRATOR must be REFs given with --person");
      }
      draft.acts.push_back(std::move(act));
    }
  }
  if (!o.sources.empty()) {
    draft.sources.clear();
    for (std::size_t i = 0; i < o.sources.size(); ++i) {
      auto source = parse_source(o.sources[i], i);
      if (!known(source.person_ref)) usage_error(where("--source", i) + ": REF must be given with --person");
      draft.sources.push_back(std::move(source));
    }
  }
  if (!o.tags.empty()) draft.tags = o.tags;
}

// Rejects a draft the storage layer would refuse, with a message that says why.
st::ReportDraft normalized(st::ReportDraft draft) {
  if (draft.title.empty()) usage_error("a report needs a title: --title TEXT");
  auto result = st::normalize_draft(std::move(draft));
  if (!result.ok() && result.error() == st::Error::invalid_argument) {
    failure("the report is not valid: a field is too long, the end date precedes the start, "
            "a person REF is used twice, or a tag is empty");
  }
  return check(std::move(result), "the report is not valid");
}

void add_content_options(CLI::App* command, ContentOptions& o, bool for_edit) {
  o.title_opt = command->add_option("--title", o.title,
                                    for_edit ? "New title" : "Title (required)")
                    ->type_name("TEXT");
  o.narrative_opt = command->add_option("--narrative", o.narrative, "Narrative text")->type_name("TEXT");
  o.narrative_file_opt =
      command->add_option("--narrative-file", o.narrative_file, "Read the narrative from FILE ('-': stdin)")
          ->type_name("FILE");
  o.start_opt = command->add_option("--start", o.start,
                                    "Start date: YYYY-MM-DD, YYYY-MM or YYYY (the precision follows "
                                    "from the shape), or 'unknown'")
                    ->type_name("DATE");
  o.end_opt = command->add_option("--end", o.end, "End date, as --start")->type_name("DATE");
  o.place_opt = command->add_option("--place", o.place, "Location as free text")->type_name("TEXT");
  o.region_opt =
      command->add_option("--region", o.region, "Region (report list --region matches it exactly)")
          ->type_name("TEXT");
  o.coords_opt =
      command->add_option("--coords", o.coords, "Coordinates, decimal degrees: 55.755826,37.6173")
          ->type_name("LAT,LON");
  command
      ->add_option("--person", o.persons,
                   "A person: REF:ROLES:NAME[:DESCRIPTION]. REF is a short label you choose (v1, "
                   "w1) that --act and --source refer to; ROLES is a comma list of victim, "
                   "witness, source, perpetrator; NAME may be a pseudonym (no ':'); DESCRIPTION "
                   "is the rest. Repeatable")
      ->type_name("SPEC")
      ->allow_extra_args(false);
  command
      ->add_option("--sensitive", o.sensitive,
                   "Identifying details of a person, stored apart: REF:FIELD=VALUE with FIELD "
                   "legal-name, birth-date, contact or notes. Repeatable")
      ->type_name("SPEC")
      ->allow_extra_args(false);
  command
      ->add_option("--act", o.acts,
                   "An act: TYPE[:VICTIM[:PERPETRATOR[:DATE[:METHOD]]]]. TYPE is a key or code "
                   "from 'fieldseal vocab' (arrest, detention, torture, ...); VICTIM and "
                   "PERPETRATOR are person REFs or empty; DATE as --start; METHOD is free text "
                   "(the rest, ':' allowed). Example: --act 'arrest:v1:pp1:2024-03-05:taken from "
                   "the street'. Repeatable")
      ->type_name("SPEC")
      ->allow_extra_args(false);
  command
      ->add_option("--source", o.sources,
                   "A source: [REF]:[CONSENT]:DESCRIPTION. REF a person REF or empty; CONSENT a "
                   "comma list of quote (may be quoted), publish (may be published), named (need "
                   "not be anonymised); without 'named' the source must be anonymised. Example: "
                   "--source 'w1:quote:interview in person'. Repeatable")
      ->type_name("SPEC")
      ->allow_extra_args(false);
  command->add_option("--tag", o.tags, "A tag. Repeatable")->type_name("TAG")->allow_extra_args(false);
  if (for_edit) {
    command
        ->add_option("--clear", o.clear,
                     "Empty a field or list: narrative, start, end, place, region, coords, acts, "
                     "persons, sources, tags. Repeatable")
        ->type_name("FIELD")
        ->allow_extra_args(false);
  }
}

// Counts bytes into a Progress on their way to the vault.
class ProgressSource final : public crypto::ByteSource {
 public:
  ProgressSource(crypto::ByteSource& inner, Progress& progress) noexcept
      : inner_(inner), progress_(progress) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    auto n = inner_.read(out);
    if (n.ok()) progress_.advance(n.value());
    return n;
  }

 private:
  crypto::ByteSource& inner_;
  Progress& progress_;
};

std::string guess_media_type(std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {"jpg", "image/jpeg"},        {"jpeg", "image/jpeg"},     {"png", "image/png"},
      {"gif", "image/gif"},         {"webp", "image/webp"},     {"heic", "image/heic"},
      {"tif", "image/tiff"},        {"tiff", "image/tiff"},     {"mp3", "audio/mpeg"},
      {"m4a", "audio/mp4"},         {"ogg", "audio/ogg"},       {"opus", "audio/opus"},
      {"wav", "audio/wav"},         {"amr", "audio/amr"},       {"mp4", "video/mp4"},
      {"mov", "video/quicktime"},   {"webm", "video/webm"},     {"mkv", "video/x-matroska"},
      {"3gp", "video/3gpp"},        {"pdf", "application/pdf"}, {"txt", "text/plain"},
      {"odt", "application/vnd.oasis.opendocument.text"},
      {"doc", "application/msword"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
  };
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(name.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return std::string(type);
  }
  return {};
}

std::string base_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

st::AttachmentInfo attach_file(CliContext& ctx, st::Vault& vault, const std::string& id,
                               InputFile& input, const std::string& name,
                               const std::string& media_type) {
  Progress progress(ctx, "attaching",
                    input.size().value_or(0) >= kProgressMinBytes ? *input.size() : 0);
  ProgressSource source(input.source(), progress);
  auto added = st::add_attachment(vault.database(), vault.signing_key(), id, source, name, media_type);
  if (!added.ok() && added.error() == st::Error::invalid_argument) {
    failure("cannot attach the file: its name or media type is not acceptable, or it is too large");
  }
  return check(std::move(added), "cannot attach the file");
}

void print_attachment_line(CliContext& ctx, const st::AttachmentInfo& a) {
  ctx.out() << hex(a.sha256) << "  " << a.size << "  " << printable(a.name) << '\n';
}

void run_add(CliContext& ctx, const AddOptions& options) {
  st::ReportDraft draft;
  apply_content(ctx, options.content, draft);
  draft = normalized(std::move(draft));

  // Every attachment is opened before anything is written, so a missing file
  // fails the command with the vault unchanged.
  std::vector<InputFile> inputs;
  inputs.reserve(options.attach.size());
  for (const auto& path : options.attach) {
    if (is_std_stream(path)) usage_error("--attach takes files; attach stdin with 'fieldseal attach ID - --name NAME'");
    inputs.push_back(InputFile::open(ctx, path, "attachment"));
  }

  auto vault = open_vault(ctx);
  const auto id = check(st::create_report(vault.database(), vault.signing_key(), draft),
                        "cannot create the report");
  std::vector<st::AttachmentInfo> added;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    try {
      const auto name = base_name(options.attach[i]);
      added.push_back(attach_file(ctx, vault, id, inputs[i], name, guess_media_type(name)));
    } catch (const CommandError& e) {
      ctx.out() << id << '\n';
      failure("the report was created, but its " + ordinal(i + 1) + " attachment was not added (" +
              e.what() + "); add it with 'fieldseal attach'");
    }
  }
  if (ctx.json()) {
    ctx.print_json({{"id", id}, {"attachments", nlohmann::json::parse(st::attachments_json(added))}});
    return;
  }
  ctx.out() << id << '\n';
}

st::Report load_report(st::Vault& vault, std::string_view id) {
  auto report = st::get_report(vault.database(), id);
  if (!report.ok() && report.error() == st::Error::not_found) failure("no report with that id");
  return check(std::move(report), "cannot read the report");
}

void run_edit(CliContext& ctx, const EditOptions& options) {
  auto vault = open_vault(ctx);
  auto report = load_report(vault, options.id);
  if (report.status == st::ReportStatus::final) {
    failure("a final report cannot be edited; add an amendment with 'fieldseal report amend'");
  }
  if (report.status == st::ReportStatus::purged) failure("the report's content was purged");
  st::ReportDraft draft = report.content;
  apply_content(ctx, options.content, draft);
  draft = normalized(std::move(draft));
  if (draft == report.content) {
    ctx.err() << "Nothing changed.\n";
    return;
  }
  check(st::update_report(vault.database(), vault.signing_key(), options.id, draft),
        "cannot edit the report");
}

void run_finalize(CliContext& ctx, const IdOptions& options) {
  auto vault = open_vault(ctx);
  (void)load_report(vault, options.id);
  const auto json = check(st::finalize_report(vault.database(), vault.signing_key(), options.id),
                          "cannot finalize the report");
  std::array<std::uint8_t, crypto::kSha256Bytes> digest{};
  crypto::sha256(bytes_of(json), digest);
  ctx.out() << "Finalized and signed. Content SHA-256: " << hex(digest) << '\n';
}

void run_amend(CliContext& ctx, const AmendOptions& options) {
  if (given(options.text_opt) == given(options.text_file_opt)) {
    usage_error("give the correction with --text TEXT or --text-file FILE");
  }
  std::string text = given(options.text_opt)
                         ? options.text
                         : read_text_input(ctx, options.text_file, st::kMaxAmendmentBytes, "amendment file");
  if (text.empty()) usage_error("the amendment text is empty");
  auto vault = open_vault(ctx);
  (void)load_report(vault, options.id);
  auto amendment = st::add_amendment(vault.database(), vault.signing_key(), options.id, text);
  if (!amendment.ok() && amendment.error() == st::Error::report_not_final) {
    failure("only a final report takes amendments; edit a draft with 'fieldseal report edit'");
  }
  ctx.out() << check(std::move(amendment), "cannot amend the report") << '\n';
}

std::string date_text(const st::PartialDate& date) {
  return date.value.empty() ? std::string("unknown") : date.value;
}

st::ReportFilter report_filter(const FilterOptions& options, std::int64_t limit) {
  st::ReportFilter filter;
  if (!options.status.empty()) {
    auto status = st::parse_report_status(options.status);
    if (!status) usage_error("--status is draft, final or purged");
    filter.status = *status;
  }
  if (!options.type.empty()) {
    const auto* type = st::find_act_type(options.type);
    if (type == nullptr) usage_error("--type: unknown act type; 'fieldseal vocab' lists them");
    filter.act_type = std::string(type->code);
  }
  if (!options.from.empty()) {
    (void)date_option(options.from, "--from");
    filter.date_from = options.from;
  }
  if (!options.to.empty()) {
    (void)date_option(options.to, "--to");
    filter.date_to = options.to;
  }
  if (!options.region.empty()) filter.region = options.region;
  if (limit < 1 || limit > st::kMaxListLimit) {
    usage_error("--limit is 1.." + std::to_string(st::kMaxListLimit));
  }
  filter.limit = limit;
  return filter;
}

void add_filter_options(CLI::App* command, FilterOptions& o) {
  command->add_option("--status", o.status, "draft, final or purged")->type_name("STATUS");
  command->add_option("--type", o.type, "Only reports with an act of this type (key or code)")
      ->type_name("TYPE");
  command->add_option("--from", o.from, "Incident start on or after DATE (YYYY[-MM[-DD]])")
      ->type_name("DATE");
  command->add_option("--to", o.to, "Incident start on or before DATE (YYYY[-MM[-DD]])")
      ->type_name("DATE");
  command->add_option("--region", o.region, "Region, exact match")->type_name("TEXT");
}

// Where each listed report came from (storage::report_senders): nullopt for
// a report made in this vault. Only an HQ vault holds imported reports, and
// only its lists show origins, so a field vault gets no list at all.
using Origins = std::vector<std::optional<st::ReportSender>>;

std::optional<Origins> hq_origins(st::Vault& vault, const std::vector<st::ReportSummary>& reports) {
  if (vault.role() != st::Role::hq) return std::nullopt;
  std::vector<std::string> ids;
  ids.reserve(reports.size());
  for (const auto& r : reports) ids.push_back(r.id);
  return check(st::report_senders(vault.database(), ids), "cannot read the report's origin");
}

std::optional<st::ReportSender> hq_origin(st::Vault& vault, const std::string& id) {
  if (vault.role() != st::Role::hq) return std::nullopt;
  return check(st::report_sender(vault.database(), id), "cannot read the report's origin");
}

std::string sender_key_text(const st::ReportSender& s) { return crypto::base64_encode(s.origin.sender, false); }

// {"sender", "sender_name", "bundle_id", "received_at", "verified_at"} or null.
nlohmann::json origin_json(const std::optional<st::ReportSender>& s) {
  if (!s) return nullptr;
  return {{"sender", sender_key_text(*s)},
          {"sender_name", s->sender_name.empty() ? nlohmann::json(nullptr) : nlohmann::json(s->sender_name)},
          {"bundle_id", crypto::hex_encode(s->origin.bundle_id)},
          {"received_at", s->origin.received_at},
          {"verified_at", s->origin.verified_at}};
}

// The FROM column: the sender's contact name, or their key when no contact
// has it any more; "(this vault)" for a report made here.
std::string from_text(const std::optional<st::ReportSender>& s) {
  if (!s) return "(this vault)";
  return s->sender_name.empty() ? sender_key_text(*s) : printable(s->sender_name);
}

// The `report list` JSON document (also `report search`'s), with each
// report's origin in an HQ vault.
void print_summaries_json(CliContext& ctx, const std::vector<st::ReportSummary>& reports,
                          const std::optional<Origins>& origins) {
  auto list = nlohmann::json::parse(st::report_list_json(reports));
  if (origins) {
    for (std::size_t i = 0; i < list.size(); ++i) list[i]["origin"] = origin_json((*origins)[i]);
  }
  ctx.print_json(list);
}

void run_list(CliContext& ctx, const ListOptions& options) {
  const st::ReportFilter filter = report_filter(options.filter, options.limit);

  auto vault = open_vault(ctx);
  auto reports = check(st::list_reports(vault.database(), filter), "cannot list the reports");
  const auto origins = hq_origins(vault, reports);
  if (ctx.json()) {
    print_summaries_json(ctx, reports, origins);
    return;
  }
  if (reports.empty()) {
    ctx.err() << "No reports.\n";
    return;
  }
  std::size_t status_w = 6;
  std::size_t region_w = 6;
  for (const auto& r : reports) region_w = std::max(region_w, display_width(printable(r.region)));
  // HQ: who sent each report, and the day its signatures and custody chain
  // were verified (on import; 'report show' verifies again).
  std::vector<std::string> from;
  std::vector<std::string> verified_on;
  std::size_t from_w = 12;
  if (origins) {
    for (const auto& origin : *origins) {
      from.push_back(from_text(origin));
      verified_on.push_back(origin ? origin->origin.verified_at.substr(0, 10) : "-");
      from_w = std::max(from_w, display_width(from.back()));
    }
    for (std::size_t i = 0; i < from.size(); ++i) from[i] = pad(from[i], from_w) + "  " + pad(verified_on[i], 10);
  }
  ctx.out() << pad("ID", st::kReportIdLength) << "  " << pad("STATUS", status_w) << "  "
            << pad("START", 10) << "  " << pad("REGION", region_w) << "  "
            << (from.empty() ? "" : pad("FROM", from_w) + "  VERIFIED    ") << "TITLE\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const auto& r = reports[i];
    ctx.out() << pad(r.id, st::kReportIdLength) << "  " << pad(st::key(r.status), status_w) << "  "
              << pad(date_text(r.start), 10) << "  " << pad(printable(r.region), region_w) << "  "
              << (from.empty() ? "" : from[i] + "  ") << printable(r.title) << '\n';
  }
}

std::string roles_text(const std::vector<st::PersonRole>& roles) {
  std::string out;
  for (auto role : roles) {
    if (!out.empty()) out += ',';
    out += st::key(role);
  }
  return out;
}

std::string consent_text(const st::Consent& c) {
  std::string out = c.must_anonymise ? "anonymise" : "named";
  if (c.may_quote) out += ", quote";
  if (c.may_publish) out += ", publish";
  return out;
}

std::string indent(std::string_view text, std::string_view prefix) {
  std::string out(prefix);
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += prefix;
  }
  return out;
}

void print_report(CliContext& ctx, const st::Report& r, bool sensitive) {
  auto& out = ctx.out();
  const auto& c = r.content;
  out << "Report    " << r.id << '\n' << "Status    " << st::key(r.status);
  if (r.finalized_at) out << " (signed " << *r.finalized_at << ")";
  if (r.purged_at) out << " (purged " << *r.purged_at << ")";
  out << '\n' << "Created   " << r.created_at << '\n' << "Updated   " << r.updated_at << '\n';
  if (r.content_sha256) out << "SHA-256   " << hex(*r.content_sha256) << '\n';
  out << "Delivery  " << st::key(r.delivery);
  if (r.delivered_at) {
    out << " (" << *r.delivered_at << ")";
  } else if (r.exported_at) {
    out << " (" << *r.exported_at << ")";
  }
  out << '\n';
  if (r.status == st::ReportStatus::purged) return;

  out << "Title     " << printable(c.title) << '\n'
      << "Dates     " << date_text(c.start) << " to " << date_text(c.end) << '\n';
  if (!c.location.text.empty()) out << "Place     " << printable(c.location.text) << '\n';
  if (!c.location.region.empty()) out << "Region    " << printable(c.location.region) << '\n';
  if (c.location.coordinates) out << "Coords    " << st::format_coordinates(*c.location.coordinates) << '\n';
  if (!c.tags.empty()) {
    out << "Tags      ";
    for (std::size_t i = 0; i < c.tags.size(); ++i) out << (i ? ", " : "") << printable(c.tags[i]);
    out << '\n';
  }
  if (!c.narrative.empty()) out << "\nNarrative\n" << indent(printable(c.narrative, true), "  ") << '\n';
  if (!c.persons.empty()) {
    out << "\nPersons\n";
    std::size_t ref_w = 3;
    std::size_t roles_w = 5;
    for (const auto& p : c.persons) {
      ref_w = std::max(ref_w, display_width(printable(p.ref)));
      roles_w = std::max(roles_w, roles_text(p.roles).size());
    }
    for (const auto& p : c.persons) {
      out << "  " << pad(printable(p.ref), ref_w) << "  " << pad(roles_text(p.roles), roles_w) << "  "
          << printable(p.name);
      if (!p.description.empty()) out << " (" << printable(p.description) << ")";
      out << '\n';
      const auto& s = p.sensitive;
      if (sensitive) {
        const std::string blank(ref_w + roles_w + 6, ' ');
        if (!s.legal_name.empty()) out << blank << "legal name: " << printable(s.legal_name) << '\n';
        if (!s.birth_date.empty()) out << blank << "birth date: " << printable(s.birth_date) << '\n';
        if (!s.contact.empty()) out << blank << "contact:    " << printable(s.contact) << '\n';
        if (!s.notes.empty()) out << blank << "notes:      " << printable(s.notes) << '\n';
      }
    }
    if (!sensitive) out << "  (identifying details not shown; --sensitive shows them)\n";
  }
  if (!c.acts.empty()) {
    out << "\nActs\n";
    for (std::size_t i = 0; i < c.acts.size(); ++i) {
      const auto& a = c.acts[i];
      const auto* type = st::find_act_type(a.type_code);
      out << "  " << (i + 1) << ". " << (type ? type->key : std::string_view("?")) << " ("
          << a.type_code << ")";
      if (!a.victim_ref.empty()) out << "  victim " << printable(a.victim_ref);
      if (!a.perpetrator_ref.empty()) out << "  perpetrator " << printable(a.perpetrator_ref);
      if (!a.date.value.empty()) out << "  " << a.date.value;
      out << '\n';
      if (!a.method.empty()) out << "     method: " << printable(a.method) << '\n';
    }
  }
  if (!c.sources.empty()) {
    out << "\nSources\n";
    for (std::size_t i = 0; i < c.sources.size(); ++i) {
      const auto& s = c.sources[i];
      out << "  " << (i + 1) << ". ";
      if (!s.person_ref.empty()) out << printable(s.person_ref) << "  ";
      out << "[" << consent_text(s.consent) << "]  " << printable(s.description) << '\n';
    }
  }
  if (!r.attachments.empty()) {
    out << "\nAttachments\n";
    for (const auto& a : r.attachments) {
      out << "  " << hex(a.sha256) << "  " << a.size << "  " << printable(a.name);
      if (!a.media_type.empty()) out << "  " << printable(a.media_type);
      out << '\n';
    }
  }
  if (!r.amendments.empty()) {
    out << "\nAmendments\n";
    for (const auto& a : r.amendments) {
      out << "  " << a.created_at << "  " << a.id << '\n' << indent(printable(a.text, true), "    ") << '\n';
    }
  }
}

void run_show(CliContext& ctx, const ShowOptions& options) {
  auto vault = open_vault(ctx);
  const auto report = load_report(vault, options.id);
  std::optional<bool> verified;
  if (report.status == st::ReportStatus::final) {
    verified = st::verify_report(vault.database(), options.id).ok();
  }
  const auto origin = hq_origin(vault, options.id);
  if (ctx.json()) {
    auto view = nlohmann::json::parse(st::report_view_json(report, options.sensitive));
    view["signature_valid"] = verified ? nlohmann::json(*verified) : nlohmann::json(nullptr);
    if (vault.role() == st::Role::hq) view["origin"] = origin_json(origin);
    ctx.print_json(view);
  } else {
    print_report(ctx, report, options.sensitive);
    if (origin) {
      ctx.out() << "\nSender    "
                << (origin->sender_name.empty() ? "(not a contact) " + sender_key_text(*origin)
                                                : printable(origin->sender_name))
                << "\nReceived  " << origin->origin.received_at << " in bundle "
                << crypto::hex_encode(origin->origin.bundle_id) << "\nVerified  " << origin->origin.verified_at
                << " on import: signatures, attachments and custody chain\n";
    }
    if (verified) {
      ctx.out() << "\nSignature " << (*verified ? "verifies" : "DOES NOT VERIFY") << '\n';
    }
  }
  if (verified && !*verified) failure("the report's signature does not verify");
}

void run_search(CliContext& ctx, const SearchOptions& options) {
  std::string query;
  for (const auto& w : options.words) query += (query.empty() ? "" : " ") + w;
  const st::ReportFilter filter = report_filter(options.filter, options.limit);
  if (!st::fts_match_expression(query).ok()) {
    usage_error("the search query is empty, has no words, or is too long");
  }
  auto vault = open_vault(ctx);
  auto hits = check(st::search_report_summaries(vault.database(), query, filter), "cannot search");
  const auto origins = hq_origins(vault, hits);
  if (ctx.json()) {
    print_summaries_json(ctx, hits, origins);
    return;
  }
  if (hits.empty()) {
    ctx.err() << "No matches.\n";
    return;
  }
  std::vector<std::string> from;
  std::size_t from_w = 12;
  if (origins) {
    for (const auto& origin : *origins) {
      from.push_back(from_text(origin));
      from_w = std::max(from_w, display_width(from.back()));
    }
  }
  ctx.out() << pad("ID", st::kReportIdLength) << "  " << (from.empty() ? "" : pad("FROM", from_w) + "  ")
            << "TITLE\n";
  for (std::size_t i = 0; i < hits.size(); ++i) {
    ctx.out() << hits[i].id << "  " << (from.empty() ? "" : pad(from[i], from_w) + "  ")
              << printable(hits[i].title) << '\n';
  }
}

void run_vocab(CliContext& ctx, const VocabOptions& options) {
  const st::Language language = label_language(options.lang);
  if (ctx.json()) {
    ctx.print_json(nlohmann::json::parse(st::vocabulary_json()));
    return;
  }
  std::size_t key_w = 3;
  for (const auto& t : st::act_types()) key_w = std::max(key_w, t.key.size());
  ctx.out() << pad("CODE", st::kHuridocsCodeLength) << "  " << pad("KEY", key_w) << "  LABEL\n";
  for (const auto& t : st::act_types()) {
    ctx.out() << t.code << "  " << pad(t.key, key_w) << "  " << st::label(t, language) << '\n';
  }
  ctx.out() << "\nPerson roles: ";
  for (std::size_t i = 0; i < st::kPersonRoles.size(); ++i) {
    ctx.out() << (i ? ", " : "") << st::key(st::kPersonRoles[i]) << " ("
              << st::label(st::kPersonRoles[i], language) << ")";
  }
  ctx.out() << '\n';
}

void run_attach(CliContext& ctx, const AttachOptions& options) {
  std::string name = options.name;
  if (is_std_stream(options.file)) {
    if (name.empty()) usage_error("attaching standard input needs --name NAME");
  } else if (name.empty()) {
    name = base_name(options.file);
  }
  const std::string type = options.type.empty() ? guess_media_type(name) : options.type;
  auto input = InputFile::open(ctx, options.file, "attachment");
  auto vault = open_vault(ctx);
  (void)load_report(vault, options.id);
  auto added = attach_file(ctx, vault, options.id, input, name, type);
  if (ctx.json()) {
    ctx.print_json(nlohmann::json::parse(st::attachments_json({added}))[0]);
    return;
  }
  print_attachment_line(ctx, added);
}

void run_attachment_list(CliContext& ctx, const IdOptions& options) {
  auto vault = open_vault(ctx);
  (void)load_report(vault, options.id);
  auto list = check(st::list_attachments(vault.database(), options.id), "cannot list the attachments");
  if (ctx.json()) {
    ctx.print_json(nlohmann::json::parse(st::attachments_json(list)));
    return;
  }
  for (const auto& a : list) print_attachment_line(ctx, a);
}

void run_attachment_save(CliContext& ctx, const SaveOptions& options) {
  auto digest_bytes = crypto::hex_decode(options.sha);
  if (!digest_bytes.ok() || digest_bytes.value().size() != st::kSha256DigestBytes) {
    usage_error("SHA is the attachment's SHA-256 in hex (64 characters), as 'fieldseal attachment list' shows");
  }
  st::Sha256Digest digest{};
  std::copy(digest_bytes.value().begin(), digest_bytes.value().end(), digest.begin());
  if (options.output.empty()) usage_error("give the output file with -o FILE ('-o -' for stdout)");
  if (is_std_stream(options.output) && ctx.io().stdout_is_terminal) {
    failure("refusing to write an attachment to the terminal; use -o FILE");
  }
  auto vault = open_vault(ctx);
  (void)load_report(vault, options.id);
  auto output = OutputFile::open(ctx, options.output);
  check(st::read_attachment(vault.database(), options.id, digest, output.sink()),
        "cannot save the attachment");
  output.commit();
}

void run_custody(CliContext& ctx, const IdOptions& options) {
  auto vault = open_vault(ctx);
  auto entries = st::list_custody(vault.database(), options.id);
  if (!entries.ok() && entries.error() == st::Error::not_found) failure("no report with that id");
  auto log = check(std::move(entries), "cannot read the custody log");
  // An imported report's log is the sender's entries followed by this HQ's
  // ("received"): each part must be signed by its own side.
  const auto origin = check(st::report_origin(vault.database(), options.id),
                            "cannot read where the report came from");
  std::optional<crypto::Ed25519PublicKey> sender;
  if (origin) {
    auto key = crypto::Ed25519PublicKey::from_bytes(origin->sender);
    if (!key.ok()) failure("the stored sender key of this report is invalid");
    sender = key.value();
  }
  auto result = check(sender ? st::check_custody(vault.database(), options.id, &*sender,
                                                 &vault.signing_key().public_key())
                             : st::check_custody(vault.database(), options.id),
                      "cannot check the custody log");
  if (ctx.json()) {
    ctx.print_json(nlohmann::json::parse(st::custody_json(log, result)));
  } else {
    std::size_t event_w = 5;
    for (const auto& e : log) event_w = std::max(event_w, st::key(e.event).size());
    ctx.out() << "SEQ  " << pad("AT", 20) << "  " << pad("EVENT", event_w) << "  DETAILS\n";
    for (const auto& e : log) {
      ctx.out() << pad(std::to_string(e.seq), 3) << "  " << pad(e.at, 20) << "  "
                << (e.details.empty() ? std::string(st::key(e.event)) : pad(st::key(e.event), event_w));
      for (const auto& [k, v] : e.details) ctx.out() << "  " << printable(k) << '=' << printable(v);
      ctx.out() << '\n';
    }
    if (result.intact()) {
      ctx.out() << "Chain verifies: " << result.entries << " entries, hash-chained and signed.\n";
    } else {
      ctx.out() << "Chain DOES NOT VERIFY: broken at entry " << *result.broken_at << ".\n";
    }
  }
  if (!result.intact()) {
    failure("the custody log does not verify (broken at entry " + std::to_string(*result.broken_at) + ")");
  }
}

void run_purge(CliContext& ctx, const PurgeOptions& options) {
  if (options.delivered) {
    if (!options.ids.empty()) usage_error("give report IDs or --delivered, not both");
    auto vault = open_vault(ctx);
    const auto purged = check(transport::purge_delivered(vault), "cannot purge");
    ctx.err() << "Purged " << purged << (purged == 1 ? " delivered report" : " delivered reports")
              << "; a stub (id, hash, dates, delivery state) and the custody log are kept.\n";
    return;
  }
  if (options.ids.empty()) usage_error("give the IDs of the reports to purge, or --delivered");
  auto vault = open_vault(ctx);
  for (const auto& id : options.ids) (void)load_report(vault, id);
  check(st::purge_reports(vault.database(), vault.signing_key(), options.ids), "cannot purge");
  ctx.err() << "Purged " << options.ids.size() << (options.ids.size() == 1 ? " report" : " reports")
            << "; a stub (id, hash, dates, delivery state) and the custody log are kept.\n";
}

}  // namespace

void register_report_commands(CLI::App& app, CliContext& ctx) {
  auto* report = app.add_subcommand("report", "Reports: incidents after the HURIDOCS model");
  report->require_subcommand(1);

  auto add_options = std::make_shared<AddOptions>();
  auto* add = report->add_subcommand("add", "Create a draft report; prints its id");
  add_content_options(add, add_options->content, false);
  add->add_option("--attach", add_options->attach, "Attach FILE (photo, audio, document). Repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  add->callback([&ctx, add_options] { run_add(ctx, *add_options); });

  auto edit_options = std::make_shared<EditOptions>();
  auto* edit = report->add_subcommand("edit", "Change a draft report (the flags of 'add'; lists given replace)");
  edit->add_option("ID", edit_options->id, "Report id")->required();
  add_content_options(edit, edit_options->content, true);
  edit->callback([&ctx, edit_options] { run_edit(ctx, *edit_options); });

  auto finalize_options = std::make_shared<IdOptions>();
  auto* finalize = report->add_subcommand(
      "finalize", "Sign a draft with this vault's key and make it immutable");
  finalize->add_option("ID", finalize_options->id, "Report id")->required();
  finalize->callback([&ctx, finalize_options] { run_finalize(ctx, *finalize_options); });

  auto amend_options = std::make_shared<AmendOptions>();
  auto* amend = report->add_subcommand("amend", "Add a signed correction to a final report; prints its id");
  amend->add_option("ID", amend_options->id, "Report id")->required();
  amend_options->text_opt = amend->add_option("--text", amend_options->text, "The correction")->type_name("TEXT");
  amend_options->text_file_opt =
      amend->add_option("--text-file", amend_options->text_file, "Read the correction from FILE ('-': stdin)")
          ->type_name("FILE");
  amend->callback([&ctx, amend_options] { run_amend(ctx, *amend_options); });

  auto list_options = std::make_shared<ListOptions>();
  auto* list = report->add_subcommand("list", "List reports, newest first (purged stubs only with --status purged)");
  add_filter_options(list, list_options->filter);
  list->add_option("--limit", list_options->limit, "At most N reports (default 50)")->type_name("N");
  list->callback([&ctx, list_options] { run_list(ctx, *list_options); });

  auto show_options = std::make_shared<ShowOptions>();
  auto* show = report->add_subcommand("show", "Show a report (a final one's signature is checked)");
  show->add_option("ID", show_options->id, "Report id")->required();
  show->add_flag("--sensitive", show_options->sensitive, "Include persons' identifying details");
  show->callback([&ctx, show_options] { run_show(ctx, *show_options); });

  auto search_options = std::make_shared<SearchOptions>();
  auto* search = report->add_subcommand(
      "search", "Full-text search of titles, narratives, places, names and tags (all words must "
                "match; 'word*' matches a prefix; case-insensitive, Cyrillic and Latin), with the "
                "filters of 'report list'");
  search->add_option("QUERY", search_options->words, "Words to find")->required();
  add_filter_options(search, search_options->filter);
  search->add_option("--limit", search_options->limit, "At most N hits (default 50)")->type_name("N");
  search->callback([&ctx, search_options] { run_search(ctx, *search_options); });

  auto vocab_options = std::make_shared<VocabOptions>();
  auto* vocab = app.add_subcommand("vocab", "List the act types (HURIDOCS codes) and person roles");
  vocab->add_option("--lang", vocab_options->lang, "Labels in en or ru (default en)")->type_name("en|ru");
  vocab->callback([&ctx, vocab_options] { run_vocab(ctx, *vocab_options); });

  auto attach_options = std::make_shared<AttachOptions>();
  auto* attach = app.add_subcommand(
      "attach", "Stream FILE into the vault as an attachment of draft report ID; prints its SHA-256");
  attach->add_option("ID", attach_options->id, "Report id")->required();
  attach->add_option("FILE", attach_options->file, "The file ('-': stdin, with --name)")->required();
  attach->add_option("--name", attach_options->name, "Name to store (default: the file's name)")
      ->type_name("NAME");
  attach->add_option("--type", attach_options->type, "Media type (default: from the extension)")
      ->type_name("TYPE");
  attach->callback([&ctx, attach_options] { run_attach(ctx, *attach_options); });

  auto* attachment = app.add_subcommand("attachment", "A report's attachments");
  attachment->require_subcommand(1);
  auto alist_options = std::make_shared<IdOptions>();
  auto* alist = attachment->add_subcommand("list", "List a report's attachments: SHA-256, size, name");
  alist->add_option("ID", alist_options->id, "Report id")->required();
  alist->callback([&ctx, alist_options] { run_attachment_list(ctx, *alist_options); });
  auto save_options = std::make_shared<SaveOptions>();
  auto* save = attachment->add_subcommand(
      "save", "Write an attachment out, checking its SHA-256 (no file is left if it fails)");
  save->add_option("ID", save_options->id, "Report id")->required();
  save->add_option("SHA", save_options->sha, "The attachment's SHA-256 (hex)")->required();
  save->add_option("-o,--output", save_options->output, "Output FILE ('-': stdout)")
      ->type_name("FILE");
  save->callback([&ctx, save_options] { run_attachment_save(ctx, *save_options); });

  auto custody_options = std::make_shared<IdOptions>();
  auto* custody = app.add_subcommand(
      "custody", "Print a report's custody log and check its hash chain and signatures (exit 1 if broken)");
  custody->add_option("ID", custody_options->id, "Report id")->required();
  custody->callback([&ctx, custody_options] { run_custody(ctx, *custody_options); });

  auto purge_options = std::make_shared<PurgeOptions>();
  auto* purge = app.add_subcommand(
      "purge", "Remove reports' content and attachments for good, keeping a stub and the custody log");
  purge->add_option("ID", purge_options->ids, "Report ids");
  purge->add_flag("--delivered", purge_options->delivered,
                  "Every report HQ's receipt confirmed (field vault)");
  purge->callback([&ctx, purge_options] { run_purge(ctx, *purge_options); });
}

}  // namespace fieldseal::cli
