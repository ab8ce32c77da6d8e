#include "fieldseal/storage/report_json.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "content_internal.hpp"
#include "fieldseal/crypto/encoding.hpp"

namespace fieldseal::storage {
namespace {

using json = nlohmann::json;

// Compact, sorted (std::map), raw UTF-8; throws on invalid UTF-8.
std::string dump_strict(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::strict); }
std::string dump_lenient(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json date_json(const PartialDate& d) {
  return json{{"precision", std::string(key(d.precision))}, {"value", d.value}};
}

json content_json(const ReportDraft& d, bool include_sensitive) {
  json incident = json::object();
  incident["title"] = d.title;
  incident["narrative"] = d.narrative;
  incident["start"] = date_json(d.start);
  incident["end"] = date_json(d.end);
  json location{{"text", d.location.text}, {"region", d.location.region}, {"coordinates", nullptr}};
  if (d.location.coordinates) {
    location["coordinates"] = json{{"latitude", d.location.coordinates->latitude},
                                   {"longitude", d.location.coordinates->longitude}};
  }
  incident["location"] = std::move(location);

  json acts = json::array();
  for (const auto& a : d.acts) {
    acts.push_back(json{{"type", a.type_code},
                        {"victim", a.victim_ref},
                        {"perpetrator", a.perpetrator_ref},
                        {"method", a.method},
                        {"date", date_json(a.date)}});
  }
  json persons = json::array();
  for (const auto& p : d.persons) {
    json roles = json::array();
    for (const auto r : p.roles) roles.push_back(std::string(key(r)));
    json person{{"ref", p.ref}, {"name", p.name}, {"roles", std::move(roles)},
                {"description", p.description}};
    if (include_sensitive) {
      person["sensitive"] = json{{"legal_name", p.sensitive.legal_name},
                                 {"birth_date", p.sensitive.birth_date},
                                 {"contact", p.sensitive.contact},
                                 {"notes", p.sensitive.notes}};
    }
    persons.push_back(std::move(person));
  }
  json sources = json::array();
  for (const auto& s : d.sources) {
    sources.push_back(json{{"person", s.person_ref},
                           {"description", s.description},
                           {"consent", json{{"may_quote", s.consent.may_quote},
                                            {"must_anonymise", s.consent.must_anonymise},
                                            {"may_publish", s.consent.may_publish}}}});
  }
  json out = json::object();
  out["incident"] = std::move(incident);
  out["acts"] = std::move(acts);
  out["persons"] = std::move(persons);
  out["sources"] = std::move(sources);
  out["tags"] = d.tags;
  return out;
}

json attachment_json(const AttachmentInfo& a, bool with_time) {
  json j{{"sha256", detail::to_hex(a.sha256)},
         {"size", a.size},
         {"name", a.name},
         {"media_type", a.media_type}};
  if (with_time) j["added_at"] = a.added_at;
  return j;
}

// ------------------------------------------------------------ strict parse

struct Invalid {};

const json& field(const json& object, const char* name) {
  const auto it = object.find(name);
  if (it == object.end()) throw Invalid{};
  return *it;
}

void expect_keys(const json& object, std::initializer_list<const char*> names) {
  if (!object.is_object() || object.size() != names.size()) throw Invalid{};
  for (const char* name : names) (void)field(object, name);
}

std::string text(const json& object, const char* name) {
  const json& v = field(object, name);
  if (!v.is_string()) throw Invalid{};
  return v.get<std::string>();
}

bool boolean(const json& object, const char* name) {
  const json& v = field(object, name);
  if (!v.is_boolean()) throw Invalid{};
  return v.get<bool>();
}

std::int64_t integer(const json& v) {
  if (!v.is_number_integer()) throw Invalid{};
  return v.get<std::int64_t>();
}

const json& array(const json& object, const char* name) {
  const json& v = field(object, name);
  if (!v.is_array() || v.size() > kMaxListItems) throw Invalid{};
  return v;
}

template <std::size_t N>
std::array<std::uint8_t, N> hex_array(const std::string& hex) {
  auto bytes = crypto::hex_decode(hex);
  std::array<std::uint8_t, N> out{};
  if (!bytes || !detail::to_array(*bytes, out) || detail::to_hex(out) != hex) throw Invalid{};
  return out;
}

PartialDate parse_date(const json& v) {
  expect_keys(v, {"precision", "value"});
  const auto precision = parse_date_precision(text(v, "precision"));
  if (!precision) throw Invalid{};
  return PartialDate{*precision, text(v, "value")};
}

// Depth of nesting outside strings; rejects deep input before the recursive
// parser sees it.
bool depth_ok(std::string_view input) noexcept {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : input) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return false;
    } else if (c == '}' || c == ']') {
      if (depth == 0) return false;
      --depth;
    }
  }
  return true;
}

ReportDocument parse_document(const json& j) {
  expect_keys(j, {"format", "id", "created_at", "finalized_at", "signer", "incident", "acts",
                  "persons", "sources", "tags", "attachments"});
  if (text(j, "format") != kReportFormat) throw Invalid{};
  ReportDocument doc;
  doc.id = text(j, "id");
  if (doc.id.size() != kReportIdLength) throw Invalid{};
  doc.created_at = text(j, "created_at");
  doc.finalized_at = text(j, "finalized_at");
  doc.signer = hex_array<crypto::kEd25519PublicKeyBytes>(text(j, "signer"));

  const json& incident = field(j, "incident");
  expect_keys(incident, {"title", "narrative", "start", "end", "location"});
  ReportDraft& d = doc.content;
  d.title = text(incident, "title");
  d.narrative = text(incident, "narrative");
  d.start = parse_date(field(incident, "start"));
  d.end = parse_date(field(incident, "end"));
  const json& location = field(incident, "location");
  expect_keys(location, {"text", "region", "coordinates"});
  d.location.text = text(location, "text");
  d.location.region = text(location, "region");
  const json& coordinates = field(location, "coordinates");
  if (!coordinates.is_null()) {
    expect_keys(coordinates, {"latitude", "longitude"});
    d.location.coordinates = Coordinates{integer(field(coordinates, "latitude")),
                                         integer(field(coordinates, "longitude"))};
  }
  for (const json& a : array(j, "acts")) {
    expect_keys(a, {"type", "victim", "perpetrator", "method", "date"});
    d.acts.push_back(Act{text(a, "type"), text(a, "victim"), text(a, "perpetrator"),
                         text(a, "method"), parse_date(field(a, "date"))});
  }
  for (const json& p : array(j, "persons")) {
    expect_keys(p, {"ref", "name", "roles", "description", "sensitive"});
    Person person;
    person.ref = text(p, "ref");
    person.name = text(p, "name");
    person.description = text(p, "description");
    for (const json& r : array(p, "roles")) {
      if (!r.is_string()) throw Invalid{};
      const auto role = parse_person_role(r.get<std::string>());
      if (!role) throw Invalid{};
      person.roles.push_back(*role);
    }
    const json& s = field(p, "sensitive");
    expect_keys(s, {"legal_name", "birth_date", "contact", "notes"});
    person.sensitive = PersonSensitive{text(s, "legal_name"), text(s, "birth_date"),
                                       text(s, "contact"), text(s, "notes")};
    d.persons.push_back(std::move(person));
  }
  for (const json& s : array(j, "sources")) {
    expect_keys(s, {"person", "description", "consent"});
    const json& c = field(s, "consent");
    expect_keys(c, {"may_quote", "must_anonymise", "may_publish"});
    d.sources.push_back(Source{text(s, "person"), text(s, "description"),
                               Consent{boolean(c, "may_quote"), boolean(c, "must_anonymise"),
                                       boolean(c, "may_publish")}});
  }
  for (const json& t : array(j, "tags")) {
    if (!t.is_string()) throw Invalid{};
    d.tags.push_back(t.get<std::string>());
  }
  for (const json& a : array(j, "attachments")) {
    expect_keys(a, {"sha256", "size", "name", "media_type"});
    AttachmentInfo info;
    info.sha256 = hex_array<kSha256DigestBytes>(text(a, "sha256"));
    const std::int64_t size = integer(field(a, "size"));
    if (size < 0) throw Invalid{};
    info.size = static_cast<std::uint64_t>(size);
    info.name = text(a, "name");
    info.media_type = text(a, "media_type");
    doc.attachments.push_back(std::move(info));
  }
  return doc;
}

}  // namespace

Result<std::string> canonical_report_json(const ReportDocument& doc) {
  try {
    json j = content_json(doc.content, true);
    j["format"] = std::string(kReportFormat);
    j["id"] = doc.id;
    j["created_at"] = doc.created_at;
    j["finalized_at"] = doc.finalized_at;
    j["signer"] = detail::to_hex(doc.signer);
    json attachments = json::array();
    for (const auto& a : doc.attachments) attachments.push_back(attachment_json(a, false));
    j["attachments"] = std::move(attachments);
    return dump_strict(j);
  } catch (const json::exception&) {
    return fail(Error::invalid_argument);
  }
}

Result<ReportDocument> parse_report_json(std::string_view input) {
  if (input.empty() || input.size() > kMaxReportJsonBytes || !depth_ok(input) ||
      !detail::valid_utf8(input)) {
    return fail(Error::report_json_invalid);
  }
  try {
    const json j = json::parse(input.begin(), input.end());
    ReportDocument doc = parse_document(j);
    // The content must be a draft we would have saved, unchanged by saving.
    auto normalized = normalize_draft(doc.content);
    if (!normalized || !(*normalized == doc.content)) return fail(Error::report_json_invalid);
    auto again = canonical_report_json(doc);
    if (!again || *again != input) return fail(Error::report_json_invalid);
    return doc;
  } catch (const json::exception&) {
    return fail(Error::report_json_invalid);
  } catch (const Invalid&) {
    return fail(Error::report_json_invalid);
  }
}

Result<void> verify_report_json(std::string_view input, std::span<const std::uint8_t> signature,
                                const crypto::Ed25519PublicKey& signer) {
  if (signature.size() != crypto::kEd25519SignatureBytes) return fail(Error::signature_invalid);
  if (!signer.verify(detail::bytes_of(input), signature)) return fail(Error::signature_invalid);
  return {};
}

Sha256Digest report_state_digest(const Sha256Digest& content_sha256,
                                 std::vector<Sha256Digest> amendment_sha256s) {
  std::sort(amendment_sha256s.begin(), amendment_sha256s.end());
  std::string message(kReportStateContext);
  message.append(reinterpret_cast<const char*>(content_sha256.data()), content_sha256.size());
  for (const auto& digest : amendment_sha256s) {
    message.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  }
  return detail::sha256_of(message);
}

Result<std::string> canonical_amendment_json(const AmendmentDocument& doc) {
  try {
    const json j{{"format", std::string(kAmendmentFormat)},
                 {"id", doc.id},
                 {"report", doc.report_id},
                 {"report_sha256", detail::to_hex(doc.report_sha256)},
                 {"created_at", doc.created_at},
                 {"text", doc.text},
                 {"signer", detail::to_hex(doc.signer)}};
    return dump_strict(j);
  } catch (const json::exception&) {
    return fail(Error::invalid_argument);
  }
}

// ------------------------------------------------------------ views

std::string report_view_json(const Report& r, bool include_sensitive) {
  json j = r.status == ReportStatus::purged ? json::object()
                                            : content_json(r.content, include_sensitive);
  j["id"] = r.id;
  j["status"] = std::string(key(r.status));
  j["created_at"] = r.created_at;
  j["updated_at"] = r.updated_at;
  j["finalized_at"] = r.finalized_at ? json(*r.finalized_at) : json(nullptr);
  j["purged_at"] = r.purged_at ? json(*r.purged_at) : json(nullptr);
  j["delivery"] = std::string(key(r.delivery));
  j["exported_at"] = r.exported_at ? json(*r.exported_at) : json(nullptr);
  j["delivered_at"] = r.delivered_at ? json(*r.delivered_at) : json(nullptr);
  j["content_sha256"] = r.content_sha256 ? json(detail::to_hex(*r.content_sha256)) : json(nullptr);
  j["signer"] = r.signer ? json(detail::to_hex(*r.signer)) : json(nullptr);
  j["signature"] = r.signature ? json(detail::to_hex(*r.signature)) : json(nullptr);
  json attachments = json::array();
  for (const auto& a : r.attachments) attachments.push_back(attachment_json(a, true));
  j["attachments"] = std::move(attachments);
  json amendments = json::array();
  for (const auto& a : r.amendments) {
    amendments.push_back(json{{"id", a.id},
                              {"created_at", a.created_at},
                              {"text", a.text},
                              {"signature", detail::to_hex(a.signature)}});
  }
  j["amendments"] = std::move(amendments);
  return dump_lenient(j);
}

std::string report_list_json(const std::vector<ReportSummary>& reports) {
  json out = json::array();
  for (const auto& r : reports) {
    out.push_back(json{{"id", r.id},
                       {"status", std::string(key(r.status))},
                       {"title", r.title},
                       {"start", date_json(r.start)},
                       {"region", r.region},
                       {"act_types", r.act_types},
                       {"created_at", r.created_at},
                       {"updated_at", r.updated_at},
                       {"delivery", std::string(key(r.delivery))}});
  }
  return dump_lenient(out);
}

std::string search_hits_json(const std::vector<SearchHit>& hits) {
  json out = json::array();
  for (const auto& h : hits) out.push_back(json{{"id", h.id}, {"title", h.title}, {"rank", h.rank}});
  return dump_lenient(out);
}

std::string custody_json(const std::vector<CustodyEntry>& entries, const CustodyCheck& check) {
  json list = json::array();
  for (const auto& e : entries) {
    list.push_back(json{{"seq", e.seq},
                        {"at", e.at},
                        {"event", std::string(key(e.event))},
                        {"details", e.details},
                        {"prev", detail::to_hex(e.prev)},
                        {"hash", detail::to_hex(e.hash)},
                        {"signer", detail::to_hex(e.signer)},
                        {"signature", detail::to_hex(e.signature)}});
  }
  json out{{"entries", std::move(list)},
           {"intact", check.intact()},
           {"broken_at", check.broken_at ? json(*check.broken_at) : json(nullptr)}};
  return dump_lenient(out);
}

std::string attachments_json(const std::vector<AttachmentInfo>& attachments) {
  json out = json::array();
  for (const auto& a : attachments) out.push_back(attachment_json(a, true));
  return dump_lenient(out);
}

std::string vocabulary_json() {
  const auto labelled = [](std::string_view k, std::string_view en, std::string_view ru) {
    return json{{"key", std::string(k)}, {"en", std::string(en)}, {"ru", std::string(ru)}};
  };
  json acts = json::array();
  for (const auto& t : act_types()) {
    json a = labelled(t.key, t.label_en, t.label_ru);
    a["code"] = std::string(t.code);
    a["huridocs"] = t.huridocs;
    acts.push_back(std::move(a));
  }
  json roles = json::array();
  for (const auto v : kPersonRoles) {
    roles.push_back(labelled(key(v), label(v, Language::en), label(v, Language::ru)));
  }
  json precisions = json::array();
  for (const auto v : kDatePrecisions) {
    precisions.push_back(labelled(key(v), label(v, Language::en), label(v, Language::ru)));
  }
  json consent = json::array();
  for (const auto v : kConsentFlags) {
    consent.push_back(labelled(key(v), label(v, Language::en), label(v, Language::ru)));
  }
  json statuses = json::array();
  for (const auto v : kReportStatuses) {
    statuses.push_back(labelled(key(v), label(v, Language::en), label(v, Language::ru)));
  }
  return dump_lenient(json{{"act_types", std::move(acts)},
                           {"roles", std::move(roles)},
                           {"date_precisions", std::move(precisions)},
                           {"consent_flags", std::move(consent)},
                           {"statuses", std::move(statuses)}});
}

}  // namespace fieldseal::storage
