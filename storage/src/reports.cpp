#include "fieldseal/storage/reports.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "content_internal.hpp"
#include "report_query_internal.hpp"
#include "fieldseal/storage/report_json.hpp"

namespace fieldseal::storage {

using detail::bytes_of;
using detail::to_hex;

namespace {

bool all_digits(std::string_view text) noexcept {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) noexcept {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

int days_in_month(int year, int month) noexcept {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// The earliest day a partial date can mean ("2024" → "2024-01-01"), or
// nullopt when unknown; `latest` gives the last possible day instead (as a
// string that sorts after every real day of that month or year).
std::optional<std::string> date_bound(const PartialDate& date, bool latest) {
  switch (date.precision) {
    case DatePrecision::day: return date.value;
    case DatePrecision::month: return date.value + (latest ? "-31" : "-01");
    case DatePrecision::year: return date.value + (latest ? "-12-31" : "-01-01");
    case DatePrecision::unknown: return std::nullopt;
  }
  return std::nullopt;
}

std::string_view trim(std::string_view text) noexcept {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool valid_text(std::string_view text, std::size_t cap) noexcept {
  return text.size() <= cap && text.find('\0') == std::string_view::npos &&
         detail::valid_utf8(text);
}

bool valid_ref(std::string_view ref) noexcept {
  return !ref.empty() && ref.size() <= kMaxRefBytes &&
         std::all_of(ref.begin(), ref.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-';
         });
}

std::string join_roles(const std::vector<PersonRole>& roles) {
  std::string out;
  for (const auto role : roles) {
    if (!out.empty()) out.push_back(',');
    out.append(key(role));
  }
  return out;
}

Result<std::vector<PersonRole>> split_roles(std::string_view text) {
  std::vector<PersonRole> roles;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto role = parse_person_role(text.substr(0, comma));
    if (!role) return fail(Error::database_damaged);
    roles.push_back(*role);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  return roles;
}

Result<PartialDate> stored_date(std::string value, std::string_view precision) {
  const auto p = parse_date_precision(precision);
  if (!p) return fail(Error::database_damaged);
  PartialDate date{*p, std::move(value)};
  if (!is_valid(date)) return fail(Error::database_damaged);
  return date;
}

// ------------------------------------------------------------ content rows

Result<void> delete_content_rows(Database& db, std::int64_t num) {
  for (const char* sql : {"DELETE FROM report_acts WHERE report_num = ?1",
                          "DELETE FROM person_sensitive WHERE report_num = ?1",
                          "DELETE FROM report_persons WHERE report_num = ?1",
                          "DELETE FROM report_sources WHERE report_num = ?1",
                          "DELETE FROM report_tags WHERE report_num = ?1"}) {
    auto statement = db.prepare(sql);
    if (!statement) return fail(statement.error());
    statement->bind(1, num);
    FIELDSEAL_TRY(statement->run());
  }
  return {};
}

// The content columns of a reports row as parameters ?2 to ?12: title,
// narrative, start date, precision and sort key, end date and precision,
// place, region, latitude, longitude.
void bind_content_columns(Statement& s, const ReportDraft& d) {
  s.bind(2, d.title).bind(3, d.narrative).bind(4, d.start.value);
  s.bind(5, key(d.start.precision)).bind_optional(6, date_bound(d.start, false));
  s.bind(7, d.end.value).bind(8, key(d.end.precision));
  s.bind(9, d.location.text).bind(10, d.location.region);
  if (d.location.coordinates) {
    s.bind(11, d.location.coordinates->latitude).bind(12, d.location.coordinates->longitude);
  } else {
    s.bind_null(11).bind_null(12);
  }
}

// replace: the row's content columns are updated, rows of earlier content
// deleted and the search entry redone. new_row: a row just inserted with its
// content columns has no earlier rows; its caller indexes it.
enum class ContentWrite { replace, new_row };

Result<void> write_content(Database& db, std::int64_t num, const ReportDraft& d,
                           const std::string& now, ContentWrite mode = ContentWrite::replace) {
  if (mode == ContentWrite::replace) {
    auto s = db.prepare(
        "UPDATE reports SET title = ?2, narrative = ?3, start_date = ?4, start_precision = ?5, "
        "start_sort = ?6, end_date = ?7, end_precision = ?8, location_text = ?9, region = ?10, "
        "latitude = ?11, longitude = ?12, updated_at = ?13 WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, num);
    bind_content_columns(*s, d);
    s->bind(13, now);
    FIELDSEAL_TRY(s->run());
    FIELDSEAL_TRY(delete_content_rows(db, num));
  }
  {
    auto s = db.prepare(
        "INSERT INTO report_acts (report_num, position, type_code, victim_ref, perpetrator_ref, "
        "method, date, date_precision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!s) return fail(s.error());
    for (std::size_t i = 0; i < d.acts.size(); ++i) {
      const Act& a = d.acts[i];
      s->reset();
      s->bind(1, num).bind(2, static_cast<std::int64_t>(i)).bind(3, a.type_code);
      s->bind(4, a.victim_ref).bind(5, a.perpetrator_ref).bind(6, a.method);
      s->bind(7, a.date.value).bind(8, key(a.date.precision));
      FIELDSEAL_TRY(s->run());
    }
  }
  {
    auto p = db.prepare(
        "INSERT INTO report_persons (report_num, position, ref, name, roles, description) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!p) return fail(p.error());
    auto q = db.prepare(
        "INSERT INTO person_sensitive (report_num, ref, legal_name, birth_date, contact, notes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!q) return fail(q.error());
    for (std::size_t i = 0; i < d.persons.size(); ++i) {
      const Person& person = d.persons[i];
      p->reset();
      p->bind(1, num).bind(2, static_cast<std::int64_t>(i)).bind(3, person.ref);
      p->bind(4, person.name).bind(5, join_roles(person.roles)).bind(6, person.description);
      FIELDSEAL_TRY(p->run());
      q->reset();
      q->bind(1, num).bind(2, person.ref).bind(3, person.sensitive.legal_name);
      q->bind(4, person.sensitive.birth_date).bind(5, person.sensitive.contact);
      q->bind(6, person.sensitive.notes);
      FIELDSEAL_TRY(q->run());
    }
  }
  {
    auto s = db.prepare(
        "INSERT INTO report_sources (report_num, position, person_ref, description, may_quote, "
        "must_anonymise, may_publish) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!s) return fail(s.error());
    for (std::size_t i = 0; i < d.sources.size(); ++i) {
      const Source& source = d.sources[i];
      s->reset();
      s->bind(1, num).bind(2, static_cast<std::int64_t>(i)).bind(3, source.person_ref);
      s->bind(4, source.description);
      s->bind(5, std::int64_t{source.consent.may_quote});
      s->bind(6, std::int64_t{source.consent.must_anonymise});
      s->bind(7, std::int64_t{source.consent.may_publish});
      FIELDSEAL_TRY(s->run());
    }
  }
  {
    auto s = db.prepare("INSERT INTO report_tags (report_num, tag) VALUES (?1, ?2)");
    if (!s) return fail(s.error());
    for (const auto& tag : d.tags) {
      s->reset();
      s->bind(1, num).bind(2, tag);
      FIELDSEAL_TRY(s->run());
    }
  }
  if (mode == ContentWrite::new_row) return {};
  return detail::index_report(db, num, d);
}

Result<ReportDraft> load_content(Database& db, std::int64_t num) {
  ReportDraft d;
  {
    auto s = db.prepare(
        "SELECT title, narrative, start_date, start_precision, end_date, end_precision, "
        "location_text, region, latitude, longitude FROM reports WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, num);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(Error::not_found);
    d.title = s->column_text(0);
    d.narrative = s->column_text(1);
    auto start = stored_date(s->column_text(2), s->column_text(3));
    if (!start) return fail(start.error());
    d.start = std::move(*start);
    auto end = stored_date(s->column_text(4), s->column_text(5));
    if (!end) return fail(end.error());
    d.end = std::move(*end);
    d.location.text = s->column_text(6);
    d.location.region = s->column_text(7);
    if (!s->column_is_null(8) && !s->column_is_null(9)) {
      d.location.coordinates = Coordinates{s->column_int64(8), s->column_int64(9)};
    }
  }
  {
    auto s = db.prepare(
        "SELECT type_code, victim_ref, perpetrator_ref, method, date, date_precision "
        "FROM report_acts WHERE report_num = ?1 ORDER BY position");
    if (!s) return fail(s.error());
    s->bind(1, num);
    for (;;) {
      auto row = s->step();
      if (!row) return fail(row.error());
      if (!*row) break;
      Act a;
      a.type_code = s->column_text(0);
      a.victim_ref = s->column_text(1);
      a.perpetrator_ref = s->column_text(2);
      a.method = s->column_text(3);
      auto date = stored_date(s->column_text(4), s->column_text(5));
      if (!date) return fail(date.error());
      a.date = std::move(*date);
      d.acts.push_back(std::move(a));
    }
  }
  {
    auto s = db.prepare(
        "SELECT p.ref, p.name, p.roles, p.description, s.legal_name, s.birth_date, s.contact, "
        "s.notes FROM report_persons p LEFT JOIN person_sensitive s "
        "ON s.report_num = p.report_num AND s.ref = p.ref "
        "WHERE p.report_num = ?1 ORDER BY p.position");
    if (!s) return fail(s.error());
    s->bind(1, num);
    for (;;) {
      auto row = s->step();
      if (!row) return fail(row.error());
      if (!*row) break;
      Person p;
      p.ref = s->column_text(0);
      p.name = s->column_text(1);
      auto roles = split_roles(s->column_text(2));
      if (!roles) return fail(roles.error());
      p.roles = std::move(*roles);
      p.description = s->column_text(3);
      p.sensitive.legal_name = s->column_text(4);
      p.sensitive.birth_date = s->column_text(5);
      p.sensitive.contact = s->column_text(6);
      p.sensitive.notes = s->column_text(7);
      d.persons.push_back(std::move(p));
    }
  }
  {
    auto s = db.prepare(
        "SELECT person_ref, description, may_quote, must_anonymise, may_publish "
        "FROM report_sources WHERE report_num = ?1 ORDER BY position");
    if (!s) return fail(s.error());
    s->bind(1, num);
    for (;;) {
      auto row = s->step();
      if (!row) return fail(row.error());
      if (!*row) break;
      Source src;
      src.person_ref = s->column_text(0);
      src.description = s->column_text(1);
      src.consent.may_quote = s->column_int64(2) != 0;
      src.consent.must_anonymise = s->column_int64(3) != 0;
      src.consent.may_publish = s->column_int64(4) != 0;
      d.sources.push_back(std::move(src));
    }
  }
  {
    auto s = db.prepare("SELECT tag FROM report_tags WHERE report_num = ?1 ORDER BY tag");
    if (!s) return fail(s.error());
    s->bind(1, num);
    for (;;) {
      auto row = s->step();
      if (!row) return fail(row.error());
      if (!*row) break;
      d.tags.push_back(s->column_text(0));
    }
  }
  return d;
}

Result<std::vector<Amendment>> load_amendments(Database& db, std::int64_t num,
                                               const std::string& report_id) {
  std::vector<Amendment> out;
  auto s = db.prepare(
      "SELECT id, created_at, text, canonical_json, signature, signer FROM amendments "
      "WHERE report_num = ?1 ORDER BY num");
  if (!s) return fail(s.error());
  s->bind(1, num);
  for (;;) {
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) break;
    Amendment a;
    a.id = s->column_text(0);
    a.report_id = report_id;
    a.created_at = s->column_text(1);
    a.text = s->column_text(2);
    const auto json = s->column_blob(3);
    a.canonical_json.assign(json.begin(), json.end());
    if (!detail::to_array(s->column_blob(4), a.signature) ||
        !detail::to_array(s->column_blob(5), a.signer)) {
      return fail(Error::database_damaged);
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::string> build_document_json(Database& db, std::int64_t num, const std::string& id,
                                        const std::string& created_at,
                                        const std::string& finalized_at,
                                        const PublicKeyBytes& signer) {
  auto content = load_content(db, num);
  if (!content) return fail(content.error());
  auto attachments = detail::load_attachments(db, num);
  if (!attachments) return fail(attachments.error());
  ReportDocument doc{id, created_at, finalized_at, signer, std::move(*content),
                     std::move(*attachments)};
  return canonical_report_json(doc);
}

Result<void> check_signature(std::string_view message, const crypto::Ed25519Signature& signature,
                             const PublicKeyBytes& signer,
                             const crypto::Ed25519PublicKey* expected) {
  auto pk = crypto::Ed25519PublicKey::from_bytes(signer);
  if (!pk) return fail(Error::signature_invalid);
  if (expected != nullptr && !(*expected == *pk)) return fail(Error::signature_invalid);
  if (!pk->verify(bytes_of(message), signature)) return fail(Error::signature_invalid);
  return {};
}

Result<void> require_editable(ReportStatus status) {
  if (status == ReportStatus::final) return fail(Error::report_final);
  if (status == ReportStatus::purged) return fail(Error::purged);
  return {};
}

Result<void> require_final(ReportStatus status) {
  if (status == ReportStatus::draft) return fail(Error::report_not_final);
  if (status == ReportStatus::purged) return fail(Error::purged);
  return {};
}

}  // namespace

Result<std::int64_t> detail::insert_final_report(Database& db, const ReportDocument& document,
                                                 std::string_view canonical_json,
                                                 const crypto::Ed25519Signature& signature) {
  // One INSERT with the content columns: an UPDATE after it would write the
  // row, signed document and all, a second time.
  auto s = db.prepare(
      "INSERT INTO reports (id, title, narrative, start_date, start_precision, start_sort, "
      "end_date, end_precision, location_text, region, latitude, longitude, updated_at, status, "
      "created_at, finalized_at, canonical_json, signature, signer, content_sha256) VALUES (?1, "
      "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'final', ?14, ?13, ?15, ?16, ?17, ?18)");
  if (!s) return fail(s.error());
  s->bind(1, document.id);
  bind_content_columns(*s, document.content);
  s->bind(13, document.finalized_at).bind(14, document.created_at);
  s->bind_blob(15, bytes_of(canonical_json)).bind_blob(16, signature).bind_blob(17, document.signer);
  s->bind_blob(18, detail::sha256_of(canonical_json));
  FIELDSEAL_TRY(s->run());
  const std::int64_t num = db.last_insert_rowid();
  FIELDSEAL_TRY(
      write_content(db, num, document.content, document.finalized_at, ContentWrite::new_row));
  return num;
}

// ------------------------------------------------------------ dates, places

Result<PartialDate> parse_partial_date(std::string_view text) {
  text = trim(text);
  PartialDate date;
  if (text.empty() || text == "unknown") return date;
  if (text.size() == 10) {
    date.precision = DatePrecision::day;
  } else if (text.size() == 7) {
    date.precision = DatePrecision::month;
  } else if (text.size() == 4) {
    date.precision = DatePrecision::year;
  } else {
    return fail(Error::invalid_argument);
  }
  date.value = std::string(text);
  if (!is_valid(date)) return fail(Error::invalid_argument);
  return date;
}

bool is_valid(const PartialDate& date) noexcept {
  const std::string_view v = date.value;
  switch (date.precision) {
    case DatePrecision::unknown: return v.empty();
    case DatePrecision::year: return v.size() == 4 && all_digits(v) && to_int(v) >= 1;
    case DatePrecision::month:
      if (v.size() != 7 || v[4] != '-' || !all_digits(v.substr(0, 4)) ||
          !all_digits(v.substr(5, 2))) {
        return false;
      }
      return to_int(v.substr(0, 4)) >= 1 && to_int(v.substr(5, 2)) >= 1 &&
             to_int(v.substr(5, 2)) <= 12;
    case DatePrecision::day: {
      if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !all_digits(v.substr(0, 4)) ||
          !all_digits(v.substr(5, 2)) || !all_digits(v.substr(8, 2))) {
        return false;
      }
      const int year = to_int(v.substr(0, 4));
      const int month = to_int(v.substr(5, 2));
      const int day = to_int(v.substr(8, 2));
      return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
             day <= days_in_month(year, month);
    }
  }
  return false;
}

namespace {

// "-12.345678" → -12345678 microdegrees; at most 6 decimals.
std::optional<std::int64_t> parse_degrees(std::string_view text, std::int64_t limit) {
  text = trim(text);
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view{}
                                                              : text.substr(dot + 1);
  if (!all_digits(whole) || whole.size() > 3) return std::nullopt;
  if (dot != std::string_view::npos && (!all_digits(frac) || frac.size() > 6)) return std::nullopt;
  std::int64_t value = to_int(whole) * kMicrodegrees;
  std::int64_t scale = kMicrodegrees / 10;
  for (const char c : frac) {
    value += (c - '0') * scale;
    scale /= 10;
  }
  if (value > limit) return std::nullopt;
  return negative ? -value : value;
}

}  // namespace

Result<Coordinates> parse_coordinates(std::string_view text) {
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) return fail(Error::invalid_argument);
  const auto lat = parse_degrees(text.substr(0, comma), 90 * kMicrodegrees);
  const auto lon = parse_degrees(text.substr(comma + 1), 180 * kMicrodegrees);
  if (!lat || !lon) return fail(Error::invalid_argument);
  return Coordinates{*lat, *lon};
}

std::string format_coordinates(const Coordinates& c) {
  const auto one = [](std::int64_t v) {
    std::string out = v < 0 ? "-" : "";
    const std::int64_t a = v < 0 ? -v : v;
    std::string frac = std::to_string(a % kMicrodegrees);
    frac.insert(0, 6 - frac.size(), '0');
    return out + std::to_string(a / kMicrodegrees) + "." + frac;
  };
  return one(c.latitude) + "," + one(c.longitude);
}

// ------------------------------------------------------------ validation

Result<ReportDraft> normalize_draft(ReportDraft d) {
  d.title = std::string(trim(d.title));
  if (d.title.empty() || !valid_text(d.title, kMaxTitleBytes)) return fail(Error::invalid_argument);
  if (!valid_text(d.narrative, kMaxNarrativeBytes)) return fail(Error::invalid_argument);
  if (!is_valid(d.start) || !is_valid(d.end)) return fail(Error::invalid_argument);
  const auto start_earliest = date_bound(d.start, false);
  const auto end_latest = date_bound(d.end, true);
  if (start_earliest && end_latest && *end_latest < *start_earliest) {
    return fail(Error::invalid_argument);
  }
  if (!valid_text(d.location.text, kMaxFieldBytes) ||
      !valid_text(d.location.region, kMaxFieldBytes)) {
    return fail(Error::invalid_argument);
  }
  d.location.region = std::string(trim(d.location.region));
  if (const auto& c = d.location.coordinates) {
    if (c->latitude < -90 * kMicrodegrees || c->latitude > 90 * kMicrodegrees ||
        c->longitude < -180 * kMicrodegrees || c->longitude > 180 * kMicrodegrees) {
      return fail(Error::invalid_argument);
    }
  }
  if (d.acts.size() > kMaxListItems || d.persons.size() > kMaxListItems ||
      d.sources.size() > kMaxListItems || d.tags.size() > kMaxListItems) {
    return fail(Error::invalid_argument);
  }

  std::set<std::string> refs;
  for (std::size_t i = 0; i < d.persons.size(); ++i) {
    Person& p = d.persons[i];
    if (p.ref.empty()) p.ref = "p" + std::to_string(i + 1);
    if (!valid_ref(p.ref) || !refs.insert(p.ref).second) return fail(Error::invalid_argument);
    for (const auto* text : {&p.name, &p.description, &p.sensitive.legal_name,
                             &p.sensitive.birth_date, &p.sensitive.contact, &p.sensitive.notes}) {
      if (!valid_text(*text, kMaxFieldBytes)) return fail(Error::invalid_argument);
    }
    if (p.roles.empty()) return fail(Error::invalid_argument);
    std::sort(p.roles.begin(), p.roles.end());
    if (std::adjacent_find(p.roles.begin(), p.roles.end()) != p.roles.end()) {
      return fail(Error::invalid_argument);
    }
  }
  const auto known_ref = [&](const std::string& ref) { return ref.empty() || refs.count(ref) != 0; };
  for (Act& a : d.acts) {
    const ActType* type = find_act_type(a.type_code);
    if (type == nullptr) return fail(Error::unknown_act_type);
    a.type_code = std::string(type->code);
    if (!known_ref(a.victim_ref) || !known_ref(a.perpetrator_ref) ||
        !valid_text(a.method, kMaxFieldBytes) || !is_valid(a.date)) {
      return fail(Error::invalid_argument);
    }
  }
  for (const Source& s : d.sources) {
    if (!known_ref(s.person_ref) || !valid_text(s.description, kMaxFieldBytes)) {
      return fail(Error::invalid_argument);
    }
  }
  std::size_t total = d.title.size() + d.narrative.size() + d.location.text.size() +
                      d.location.region.size();
  for (const Act& a : d.acts) total += a.method.size() + 64;
  for (const Person& p : d.persons) {
    total += p.name.size() + p.description.size() + p.sensitive.legal_name.size() +
             p.sensitive.birth_date.size() + p.sensitive.contact.size() +
             p.sensitive.notes.size() + 64;
  }
  for (const Source& s : d.sources) total += s.description.size() + 64;
  for (const auto& tag : d.tags) total += tag.size();
  if (total > kMaxDraftBytes) return fail(Error::invalid_argument);
  std::vector<std::string> tags;
  for (const auto& tag : d.tags) {
    const auto t = trim(tag);
    if (t.empty() || !valid_text(t, kMaxTagBytes)) return fail(Error::invalid_argument);
    tags.emplace_back(t);
  }
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  d.tags = std::move(tags);
  return d;
}

// ------------------------------------------------------------ life cycle

Result<std::string> create_report(Database& db, const crypto::Ed25519KeyPair& key,
                                  const ReportDraft& draft) {
  auto normalized = normalize_draft(draft);
  if (!normalized) return fail(normalized.error());
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  const std::string id = detail::random_id();
  const std::string now = detail::now_utc();
  {
    auto s = db.prepare(
        "INSERT INTO reports (id, status, created_at, updated_at) VALUES (?1, 'draft', ?2, ?2)");
    if (!s) return fail(s.error());
    s->bind(1, id).bind(2, now);
    FIELDSEAL_TRY(s->run());
  }
  const std::int64_t num = db.last_insert_rowid();
  FIELDSEAL_TRY(write_content(db, num, *normalized, now));
  auto entry = detail::append_custody_in_transaction(db, key, id, CustodyEvent::created, {});
  if (!entry) return fail(entry.error());
  FIELDSEAL_TRY(tx->commit());
  return id;
}

Result<void> update_report(Database& db, const crypto::Ed25519KeyPair& key, std::string_view id,
                           const ReportDraft& draft) {
  auto normalized = normalize_draft(draft);
  if (!normalized) return fail(normalized.error());
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto row = detail::find_report(db, id);
  if (!row) return fail(row.error());
  FIELDSEAL_TRY(require_editable(row->status));
  FIELDSEAL_TRY(write_content(db, row->num, *normalized, detail::now_utc()));
  auto entry = detail::append_custody_in_transaction(db, key, id, CustodyEvent::edited, {});
  if (!entry) return fail(entry.error());
  return tx->commit();
}

Result<std::string> finalize_report(Database& db, const crypto::Ed25519KeyPair& key,
                                    std::string_view id) {
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto row = detail::find_report(db, id);
  if (!row) return fail(row.error());
  FIELDSEAL_TRY(require_editable(row->status));
  std::string created_at;
  {
    auto s = db.prepare("SELECT created_at FROM reports WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num);
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) return fail(Error::not_found);
    created_at = s->column_text(0);
  }
  const std::string now = detail::now_utc();
  const PublicKeyBytes signer = key.public_key().bytes();
  auto json = build_document_json(db, row->num, std::string(id), created_at, now, signer);
  if (!json) return fail(json.error());
  if (json->size() > kMaxReportJsonBytes) return fail(Error::invalid_argument);
  const auto signature = key.sign(bytes_of(*json));
  const auto digest = detail::sha256_of(*json);
  {
    auto s = db.prepare(
        "UPDATE reports SET status = 'final', finalized_at = ?2, updated_at = ?2, "
        "canonical_json = ?3, signature = ?4, signer = ?5, content_sha256 = ?6 WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num).bind(2, now).bind_blob(3, bytes_of(*json));
    s->bind_blob(4, signature).bind_blob(5, signer).bind_blob(6, digest);
    FIELDSEAL_TRY(s->run());
  }
  auto entry = detail::append_custody_in_transaction(db, key, id, CustodyEvent::finalized,
                                                     {{"sha256", to_hex(digest)}});
  if (!entry) return fail(entry.error());
  FIELDSEAL_TRY(tx->commit());
  return std::move(*json);
}

Result<std::string> add_amendment(Database& db, const crypto::Ed25519KeyPair& key,
                                  std::string_view report_id, std::string_view text) {
  if (trim(text).empty() || !valid_text(text, kMaxAmendmentBytes)) {
    return fail(Error::invalid_argument);
  }
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  FIELDSEAL_TRY(require_final(row->status));
  AmendmentDocument doc;
  doc.id = detail::random_id();
  doc.report_id = std::string(report_id);
  {
    auto s = db.prepare("SELECT content_sha256 FROM reports WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num);
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r || !detail::to_array(s->column_blob(0), doc.report_sha256)) {
      return fail(Error::database_damaged);
    }
  }
  doc.created_at = detail::now_utc();
  doc.text = std::string(text);
  doc.signer = key.public_key().bytes();
  auto json = canonical_amendment_json(doc);
  if (!json) return fail(json.error());
  const auto signature = key.sign(bytes_of(*json));
  {
    auto s = db.prepare(
        "INSERT INTO amendments (id, report_num, created_at, text, canonical_json, signature, "
        "signer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!s) return fail(s.error());
    s->bind(1, doc.id).bind(2, row->num).bind(3, doc.created_at).bind(4, doc.text);
    s->bind_blob(5, bytes_of(*json)).bind_blob(6, signature).bind_blob(7, doc.signer);
    FIELDSEAL_TRY(s->run());
  }
  {
    // HQ has not seen this amendment: until a receipt covers the new state
    // the report is not delivered, so no purge removes it and the next
    // export carries it again.
    auto s = db.prepare(
        "UPDATE reports SET delivery = 'none', delivered_at = NULL WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num);
    FIELDSEAL_TRY(s->run());
  }
  auto entry = detail::append_custody_in_transaction(
      db, key, report_id, CustodyEvent::amended,
      {{"amendment", doc.id}, {"sha256", to_hex(detail::sha256_of(*json))}});
  if (!entry) return fail(entry.error());
  FIELDSEAL_TRY(tx->commit());
  return doc.id;
}

Result<Report> get_report(Database& db, std::string_view id) {
  auto row = detail::find_report(db, id);
  if (!row) return fail(row.error());
  Report r;
  r.id = std::string(id);
  r.status = row->status;
  {
    auto s = db.prepare(
        "SELECT created_at, updated_at, finalized_at, purged_at, canonical_json, signature, "
        "signer, content_sha256, delivery, exported_at, delivered_at FROM reports WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num);
    auto step = s->step();
    if (!step) return fail(step.error());
    if (!*step) return fail(Error::not_found);
    r.created_at = s->column_text(0);
    r.updated_at = s->column_text(1);
    r.finalized_at = s->column_optional_text(2);
    r.purged_at = s->column_optional_text(3);
    if (!s->column_is_null(4)) {
      const auto json = s->column_blob(4);
      r.canonical_json = std::string(json.begin(), json.end());
    }
    if (!s->column_is_null(5)) {
      crypto::Ed25519Signature sig{};
      if (!detail::to_array(s->column_blob(5), sig)) return fail(Error::database_damaged);
      r.signature = sig;
    }
    if (!s->column_is_null(6)) {
      PublicKeyBytes pk{};
      if (!detail::to_array(s->column_blob(6), pk)) return fail(Error::database_damaged);
      r.signer = pk;
    }
    if (!s->column_is_null(7)) {
      Sha256Digest digest{};
      if (!detail::to_array(s->column_blob(7), digest)) return fail(Error::database_damaged);
      r.content_sha256 = digest;
    }
    const auto delivery = parse_delivery_state(s->column_text(8));
    if (!delivery) return fail(Error::database_damaged);
    r.delivery = *delivery;
    r.exported_at = s->column_optional_text(9);
    r.delivered_at = s->column_optional_text(10);
  }
  if (r.status != ReportStatus::purged) {
    auto content = load_content(db, row->num);
    if (!content) return fail(content.error());
    r.content = std::move(*content);
    auto attachments = detail::load_attachments(db, row->num);
    if (!attachments) return fail(attachments.error());
    r.attachments = std::move(*attachments);
    auto amendments = load_amendments(db, row->num, r.id);
    if (!amendments) return fail(amendments.error());
    r.amendments = std::move(*amendments);
  }
  return r;
}

Result<void> verify_report(Database& db, std::string_view id,
                           const crypto::Ed25519PublicKey* expected) {
  auto report = get_report(db, id);
  if (!report) return fail(report.error());
  FIELDSEAL_TRY(require_final(report->status));
  if (!report->canonical_json || !report->signature || !report->signer ||
      !report->finalized_at || !report->content_sha256) {
    return fail(Error::signature_invalid);
  }
  auto row = detail::find_report(db, id);
  if (!row) return fail(row.error());
  auto rebuilt = build_document_json(db, row->num, report->id, report->created_at,
                                     *report->finalized_at, *report->signer);
  if (!rebuilt) return fail(rebuilt.error());
  if (*rebuilt != *report->canonical_json) return fail(Error::signature_invalid);
  if (detail::sha256_of(*report->canonical_json) != *report->content_sha256) {
    return fail(Error::signature_invalid);
  }
  FIELDSEAL_TRY(
      check_signature(*report->canonical_json, *report->signature, *report->signer, expected));
  for (const Amendment& a : report->amendments) {
    AmendmentDocument doc{a.id, a.report_id, *report->content_sha256, a.created_at, a.text,
                          a.signer};
    auto json = canonical_amendment_json(doc);
    if (!json || *json != a.canonical_json) return fail(Error::signature_invalid);
    FIELDSEAL_TRY(check_signature(a.canonical_json, a.signature, a.signer, expected));
  }
  return {};
}

Result<detail::FilterClause> detail::filter_clause(const ReportFilter& filter, int first_param) {
  FilterClause out;
  const auto param = [&](std::string value) {
    out.values.push_back(std::move(value));
    return "?" + std::to_string(first_param + static_cast<int>(out.values.size()) - 1);
  };
  if (filter.status) {
    out.sql = "r.status = " + param(std::string(key(*filter.status)));
  } else {
    out.sql = "r.status <> 'purged'";
  }
  if (filter.act_type) {
    const ActType* type = find_act_type(*filter.act_type);
    if (type == nullptr) return fail(Error::unknown_act_type);
    out.sql += " AND EXISTS (SELECT 1 FROM report_acts a WHERE a.report_num = r.num AND "
               "a.type_code = " + param(std::string(type->code)) + ")";
  }
  if (filter.date_from) {
    auto d = parse_partial_date(*filter.date_from);
    if (!d || d->precision == DatePrecision::unknown) return fail(Error::invalid_argument);
    out.sql += " AND r.start_sort IS NOT NULL AND r.start_sort >= " + param(*date_bound(*d, false));
  }
  if (filter.date_to) {
    auto d = parse_partial_date(*filter.date_to);
    if (!d || d->precision == DatePrecision::unknown) return fail(Error::invalid_argument);
    out.sql += " AND r.start_sort IS NOT NULL AND r.start_sort <= " + param(*date_bound(*d, true));
  }
  if (filter.region) out.sql += " AND r.region = " + param(std::string(trim(*filter.region)));
  return out;
}

void detail::bind_filter(Statement& statement, const FilterClause& clause, int first_param) {
  for (std::size_t i = 0; i < clause.values.size(); ++i) {
    statement.bind(first_param + static_cast<int>(i), clause.values[i]);
  }
}

Result<ReportSummary> detail::read_summary(const Statement& s) {
  ReportSummary r;
  r.id = s.column_text(0);
  const auto status = parse_report_status(s.column_text(1));
  const auto delivery = parse_delivery_state(s.column_text(8));
  if (!status || !delivery) return fail(Error::database_damaged);
  r.status = *status;
  r.title = s.column_text(2);
  auto start = stored_date(s.column_text(3), s.column_text(4));
  if (!start) return fail(start.error());
  r.start = std::move(*start);
  r.region = s.column_text(5);
  r.created_at = s.column_text(6);
  r.updated_at = s.column_text(7);
  r.delivery = *delivery;
  const std::string all = s.column_text(9);
  std::string_view codes = all;
  while (!codes.empty()) {
    const auto comma = codes.find(',');
    r.act_types.emplace_back(codes.substr(0, comma));
    codes = comma == std::string_view::npos ? std::string_view{} : codes.substr(comma + 1);
  }
  return r;
}

Result<std::vector<ReportSummary>> list_reports(Database& db, const ReportFilter& filter) {
  if (filter.limit < 1 || filter.limit > kMaxListLimit || filter.offset < 0) {
    return fail(Error::invalid_argument);
  }
  auto clause = detail::filter_clause(filter, 1);
  if (!clause) return fail(clause.error());
  std::string sql = "SELECT ";
  sql += detail::kSummaryColumns;
  sql += " FROM reports r WHERE " + clause->sql;
  switch (filter.order) {
    case ReportOrder::created_desc: sql += " ORDER BY r.created_at DESC, r.num DESC"; break;
    case ReportOrder::created_asc: sql += " ORDER BY r.created_at ASC, r.num ASC"; break;
    case ReportOrder::incident_desc:
      sql += " ORDER BY r.start_sort DESC NULLS LAST, r.created_at DESC, r.num DESC";
      break;
    case ReportOrder::incident_asc:
      sql += " ORDER BY r.start_sort ASC NULLS LAST, r.created_at ASC, r.num ASC";
      break;
  }
  const int paging = 1 + static_cast<int>(clause->values.size());
  sql += " LIMIT ?" + std::to_string(paging) + " OFFSET ?" + std::to_string(paging + 1);

  auto s = db.prepare(sql);
  if (!s) return fail(s.error());
  detail::bind_filter(*s, *clause, 1);
  s->bind(paging, filter.limit).bind(paging + 1, filter.offset);

  std::vector<ReportSummary> out;
  for (;;) {
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) break;
    auto summary = detail::read_summary(*s);
    if (!summary) return fail(summary.error());
    out.push_back(std::move(*summary));
  }
  return out;
}

// ------------------------------------------------------------ delivery

Result<void> record_export(Database& db, const crypto::Ed25519KeyPair& key,
                           std::string_view report_id, std::string_view recipient,
                           std::string_view bundle_id) {
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  FIELDSEAL_TRY(require_final(row->status));
  {
    auto s = db.prepare(
        "UPDATE reports SET delivery = CASE delivery WHEN 'delivered' THEN 'delivered' "
        "ELSE 'exported' END, exported_at = ?2 WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num).bind(2, detail::now_utc());
    FIELDSEAL_TRY(s->run());
  }
  auto entry = detail::append_custody_in_transaction(
      db, key, report_id, CustodyEvent::exported,
      {{"to", std::string(recipient)}, {"bundle", std::string(bundle_id)}});
  if (!entry) return fail(entry.error());
  return tx->commit();
}

Result<void> record_receipt(Database& db, const crypto::Ed25519KeyPair& key,
                            std::string_view report_id, std::string_view receipt_id) {
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  if (row->status == ReportStatus::draft) return fail(Error::report_not_final);
  {
    auto s = db.prepare(
        "UPDATE reports SET delivery = 'delivered', delivered_at = ?2 WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, row->num).bind(2, detail::now_utc());
    FIELDSEAL_TRY(s->run());
  }
  auto entry = detail::append_custody_in_transaction(
      db, key, report_id, CustodyEvent::receipt_received, {{"receipt", std::string(receipt_id)}});
  if (!entry) return fail(entry.error());
  return tx->commit();
}

// ------------------------------------------------------------ purge

Result<void> purge_report(Database& db, const crypto::Ed25519KeyPair& key, std::string_view id) {
  const std::string one(id);
  return purge_reports(db, key, std::span<const std::string>(&one, 1));
}

Result<void> purge_reports(Database& db, const crypto::Ed25519KeyPair& key,
                           std::span<const std::string> ids) {
  {
    auto tx = db.begin();
    if (!tx) return fail(tx.error());
    for (const auto& id : ids) {
      auto row = detail::find_report(db, id);
      if (!row) return fail(row.error());
      if (row->status == ReportStatus::purged) continue;
      std::string hash_hex;
      if (row->status == ReportStatus::draft) {
        // A draft has no signed document; its stub keeps the hash of the
        // document it would have been, unsigned.
        std::string created_at;
        {
          auto s = db.prepare("SELECT created_at FROM reports WHERE num = ?1");
          if (!s) return fail(s.error());
          s->bind(1, row->num);
          auto r = s->step();
          if (!r) return fail(r.error());
          created_at = s->column_text(0);
        }
        auto json = build_document_json(db, row->num, id, created_at, "", PublicKeyBytes{});
        if (!json) return fail(json.error());
        const auto digest = detail::sha256_of(*json);
        hash_hex = to_hex(digest);
        auto s = db.prepare("UPDATE reports SET content_sha256 = ?2 WHERE num = ?1");
        if (!s) return fail(s.error());
        s->bind(1, row->num).bind_blob(2, digest);
        FIELDSEAL_TRY(s->run());
      } else {
        auto s = db.prepare("SELECT content_sha256 FROM reports WHERE num = ?1");
        if (!s) return fail(s.error());
        s->bind(1, row->num);
        auto r = s->step();
        if (!r) return fail(r.error());
        hash_hex = to_hex(s->column_blob(0));
      }
      FIELDSEAL_TRY(delete_content_rows(db, row->num));
      FIELDSEAL_TRY(detail::delete_attachments(db, row->num));
      FIELDSEAL_TRY(detail::unindex_report(db, row->num));
      {
        auto s = db.prepare("DELETE FROM amendments WHERE report_num = ?1");
        if (!s) return fail(s.error());
        s->bind(1, row->num);
        FIELDSEAL_TRY(s->run());
      }
      {
        auto s = db.prepare(
            "UPDATE reports SET status = 'purged', purged_at = ?2, updated_at = ?2, title = '', "
            "narrative = '', start_date = '', start_precision = 'unknown', start_sort = NULL, "
            "end_date = '', end_precision = 'unknown', location_text = '', region = '', "
            "latitude = NULL, longitude = NULL, canonical_json = NULL, signature = NULL, "
            "signer = NULL WHERE num = ?1");
        if (!s) return fail(s.error());
        s->bind(1, row->num).bind(2, detail::now_utc());
        FIELDSEAL_TRY(s->run());
      }
      auto entry = detail::append_custody_in_transaction(db, key, id, CustodyEvent::purged,
                                                         {{"sha256", hash_hex}});
      if (!entry) return fail(entry.error());
    }
    FIELDSEAL_TRY(tx->commit());
  }
  // Outside the transaction: FTS5 rewrites its segments, and the WAL, which
  // held page images from before, is checkpointed and cut. No VACUUM:
  // secure_delete has already zeroed every freed cell and page, and VACUUM
  // with temp_store = MEMORY would hold a copy of the whole database in RAM.
  FIELDSEAL_TRY(detail::optimize_search_index(db));
  return db.checkpoint_truncate();
}

}  // namespace fieldseal::storage
