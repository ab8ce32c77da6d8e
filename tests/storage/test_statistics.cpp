// Incident statistics (storage/statistics.hpp): exact counts per month, act
// type, region and sender over a vault whose reports cover every rule the
// header states (drafts, purged stubs, year-only and unknown dates, two acts
// of one type, reports without acts or region, senders that are contacts,
// that are not, and reports written in the vault itself).
#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/statistics.hpp"
#include "report_fixture.hpp"

namespace fieldseal::storage::test {
namespace {

constexpr std::string_view kArrest = "03010100000004";
constexpr std::string_view kDetention = "03010200000004";
constexpr std::string_view kTorture = "02011111000004";
constexpr std::string_view kOther = "90000000000004";

ReportDraft draft(std::string_view start, std::string_view region,
                  std::vector<std::string_view> acts) {
  ReportDraft d;
  d.title = "Incident";
  auto date = parse_partial_date(start);
  REQUIRE(date.ok());
  d.start = *date;
  d.location.region = std::string(region);
  for (const auto code : acts) d.acts.push_back(Act{std::string(code), "", "", "", PartialDate{}});
  return d;
}

std::string add_final(Vault& v, const ReportDraft& d) {
  auto id = create_report(v.db, v.key, d);
  REQUIRE(id.ok());
  REQUIRE(finalize_report(v.db, v.key, *id).ok());
  return *id;
}

struct Sender {
  crypto::Ed25519KeyPair key = crypto::Ed25519KeyPair::generate();
  crypto::X25519Identity age = crypto::X25519Identity::generate();
  std::string hex() const { return crypto::hex_encode(key.public_key().bytes()); }
};

void enrol(Vault& v, const Sender& s, std::string name, crypto::CardRole role) {
  crypto::Card card{std::move(name), role, s.age.recipient(), s.key.public_key()};
  auto text = crypto::write_card(card, s.key);
  REQUIRE(text.ok());
  REQUIRE(add_contact(v.db, *text).ok());
}

// What an import records about a report's origin (exchange_records.cpp).
void set_origin(Vault& v, const std::string& report_id, const Sender& s) {
  auto st = v.db.prepare(
      "INSERT INTO report_origin (report_id, sender, bundle_id, received_at, verified_at) "
      "VALUES (?1, ?2, zeroblob(16), '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')");
  REQUIRE(st.ok());
  st->bind(1, report_id).bind_blob(2, s.key.public_key().bytes());
  REQUIRE(st->run().ok());
}

StatsBucket bucket(std::string key, std::int64_t count) {
  return StatsBucket{std::move(key), {}, false, count};
}
StatsBucket unknown(std::int64_t count) { return StatsBucket{{}, {}, true, count}; }

Statistics stats(Vault& v, StatsDimension d, const StatsFilter& f = {}) {
  auto s = incident_statistics(v.db, d, f);
  REQUIRE(s.ok());
  CHECK(s->dimension == d);
  return *s;
}

struct Fixture {
  Vault v;
  Sender alia;
  Sender boris;
  Sender gone;  // sent a report, then was removed from the contacts
  std::vector<std::string> ids;

  Fixture() {
    enrol(v, alia, "Алия", crypto::CardRole::field);
    enrol(v, boris, "Борис", crypto::CardRole::field);
    ids.push_back(add_final(v, draft("2026-01-15", "Москва", {kArrest, kTorture})));
    ids.push_back(add_final(v, draft("2026-01", "Москва", {kArrest, kArrest})));
    ids.push_back(add_final(v, draft("2026-03-02", "Чечня", {kDetention})));
    ids.push_back(add_final(v, draft("2025", "", {kOther})));
    ids.push_back(add_final(v, draft("", "Москва", {})));
    // Neither counts by default: a draft, and a purged stub.
    REQUIRE(create_report(v.db, v.key, draft("2026-02-10", "Дагестан", {kArrest})).ok());
    const auto purged = add_final(v, draft("2026-02-11", "Москва", {kArrest}));
    REQUIRE(purge_report(v.db, v.key, purged).ok());
    set_origin(v, ids[0], alia);
    set_origin(v, ids[1], alia);
    set_origin(v, ids[2], boris);
    set_origin(v, ids[3], gone);
  }
};

}  // namespace

TEST_CASE("statistics: per month, year-only and unknown dates, empty months filled", "[statistics]") {
  Fixture f;
  const auto s = stats(f.v, StatsDimension::month);
  CHECK(s.total == 5);
  CHECK(s.buckets == std::vector<StatsBucket>{bucket("2025", 1), bucket("2026-01", 2),
                                              bucket("2026-02", 0), bucket("2026-03", 1),
                                              unknown(1)});

  StatsFilter drafts;
  drafts.include_drafts = true;
  const auto d = stats(f.v, StatsDimension::month, drafts);
  CHECK(d.total == 6);
  CHECK(d.buckets == std::vector<StatsBucket>{bucket("2025", 1), bucket("2026-01", 2),
                                              bucket("2026-02", 1), bucket("2026-03", 1),
                                              unknown(1)});
}

TEST_CASE("statistics: months are not filled across more than the cap", "[statistics]") {
  Vault v;
  add_final(v, draft("1900-01-01", "", {}));
  add_final(v, draft("2026-05", "", {}));
  const auto s = stats(v, StatsDimension::month);
  CHECK(s.buckets == std::vector<StatsBucket>{bucket("1900-01", 1), bucket("2026-05", 1)});

  Vault near;
  add_final(near, draft("2024-11-30", "", {}));
  add_final(near, draft("2025-02-01", "", {}));
  CHECK(stats(near, StatsDimension::month).buckets ==
        std::vector<StatsBucket>{bucket("2024-11", 1), bucket("2024-12", 0), bucket("2025-01", 0),
                                 bucket("2025-02", 1)});
}

TEST_CASE("statistics: per act type, a report counted once per type it has", "[statistics]") {
  Fixture f;
  const auto s = stats(f.v, StatsDimension::act_type);
  CHECK(s.total == 5);
  CHECK(s.buckets == std::vector<StatsBucket>{bucket(std::string(kArrest), 2),
                                              bucket(std::string(kTorture), 1),
                                              bucket(std::string(kDetention), 1),
                                              bucket(std::string(kOther), 1), unknown(1)});
}

TEST_CASE("statistics: per region, empty region as unknown", "[statistics]") {
  Fixture f;
  const auto s = stats(f.v, StatsDimension::region);
  CHECK(s.total == 5);
  CHECK(s.buckets ==
        std::vector<StatsBucket>{bucket("Москва", 3), bucket("Чечня", 1), unknown(1)});
}

TEST_CASE("statistics: per sender, by contact name; former contacts and own reports", "[statistics]") {
  Fixture f;
  const auto s = stats(f.v, StatsDimension::sender);
  CHECK(s.total == 5);
  CHECK(s.buckets == std::vector<StatsBucket>{StatsBucket{f.alia.hex(), "Алия", false, 2},
                                              StatsBucket{f.boris.hex(), "Борис", false, 1},
                                              StatsBucket{f.gone.hex(), "", false, 1},
                                              unknown(1)});
}

TEST_CASE("statistics: filters combine", "[statistics]") {
  Fixture f;
  StatsFilter arrest;
  arrest.act_type = "arrest";
  auto s = stats(f.v, StatsDimension::region, arrest);
  CHECK(s.total == 2);
  CHECK(s.buckets == std::vector<StatsBucket>{bucket("Москва", 2)});
  // By act type with an act filter: the other acts of the selected reports.
  CHECK(stats(f.v, StatsDimension::act_type, arrest).buckets ==
        std::vector<StatsBucket>{bucket(std::string(kArrest), 2), bucket(std::string(kTorture), 1)});

  StatsFilter range;
  range.date_from = "2026-01";
  range.date_to = "2026-02";
  s = stats(f.v, StatsDimension::month, range);
  CHECK(s.total == 2);
  CHECK(s.buckets == std::vector<StatsBucket>{bucket("2026-01", 2)});

  StatsFilter from_year;
  from_year.date_from = "2025";  // unknown dates drop out, the year-only one stays
  CHECK(stats(f.v, StatsDimension::month, from_year).total == 4);
  StatsFilter to_day;
  to_day.date_to = "2026-01-14";  // the month-precision report starts on the 1st
  CHECK(stats(f.v, StatsDimension::month, to_day).buckets ==
        std::vector<StatsBucket>{bucket("2025", 1), bucket("2026-01", 1)});

  StatsFilter no_region;
  no_region.region = "  ";
  s = stats(f.v, StatsDimension::act_type, no_region);
  CHECK(s.total == 1);
  CHECK(s.buckets == std::vector<StatsBucket>{bucket(std::string(kOther), 1)});

  StatsFilter from_alia;
  from_alia.sender = "Алия";
  from_alia.region = " Москва ";
  s = stats(f.v, StatsDimension::month, from_alia);
  CHECK(s.total == 2);
  CHECK(s.buckets == std::vector<StatsBucket>{bucket("2026-01", 2)});
  from_alia.act_type = std::string(kDetention);
  s = stats(f.v, StatsDimension::sender, from_alia);
  CHECK(s.total == 0);
  CHECK(s.buckets.empty());
}

TEST_CASE("statistics: bad filters are refused", "[statistics]") {
  Fixture f;
  StatsFilter filter;
  filter.act_type = "beating";
  CHECK(incident_statistics(f.v.db, StatsDimension::month, filter).error() ==
        Error::unknown_act_type);
  filter = {};
  filter.date_from = "2026-13";
  CHECK(incident_statistics(f.v.db, StatsDimension::month, filter).error() ==
        Error::invalid_argument);
  filter = {};
  filter.date_to = "";
  CHECK(incident_statistics(f.v.db, StatsDimension::month, filter).error() ==
        Error::invalid_argument);
  filter = {};
  filter.sender = "Никто";
  CHECK(incident_statistics(f.v.db, StatsDimension::sender, filter).error() == Error::not_found);
  filter = {};
  filter.region = std::string(kMaxFieldBytes + 1, 'x');
  CHECK(incident_statistics(f.v.db, StatsDimension::region, filter).error() ==
        Error::invalid_argument);
}

TEST_CASE("statistics: dimension names round-trip", "[statistics]") {
  for (const auto d : {StatsDimension::month, StatsDimension::act_type, StatsDimension::region,
                       StatsDimension::sender}) {
    CHECK(parse_stats_dimension(key(d)) == d);
  }
  CHECK(key(StatsDimension::act_type) == "act");
  CHECK_FALSE(parse_stats_dimension("Month").has_value());
  CHECK_FALSE(parse_stats_dimension("").has_value());
}

TEST_CASE("statistics: what was received from each field contact", "[statistics]") {
  Fixture f;
  Sender hq;
  Sender vera;
  enrol(f.v, hq, "Центр", crypto::CardRole::hq);
  enrol(f.v, vera, "Вера", crypto::CardRole::field);
  auto add_bundle = [&](const Sender& s, std::uint8_t id, std::uint64_t sequence,
                        std::string received_at, std::vector<std::string> reports) {
    ReceivedBundle b;
    b.bundle_id.fill(id);
    b.sender = s.key.public_key().bytes();
    b.sequence = sequence;
    b.created = 1;
    b.received_at = std::move(received_at);
    auto num = insert_received_bundle(f.v.db, b);
    REQUIRE(num.ok());
    for (const auto& r : reports) REQUIRE(insert_received_bundle_report(f.v.db, *num, r, {}).ok());
  };
  add_bundle(f.alia, 1, 1, "2026-11-01T10:00:00Z", {f.ids[0], f.ids[1]});
  add_bundle(f.alia, 2, 2, "2026-11-03T10:00:00Z", {f.ids[1]});  // sent again
  add_bundle(f.boris, 3, 1, "2026-11-02T10:00:00Z", {f.ids[2]});

  auto summary = received_summary(f.v.db);
  REQUIRE(summary.ok());
  REQUIRE(summary->size() == 3);  // field contacts only, by name
  CHECK((*summary)[0].name == "Алия");
  CHECK((*summary)[0].signing_key == f.alia.key.public_key());
  CHECK((*summary)[0].bundles == 2);
  CHECK((*summary)[0].reports == 2);
  CHECK((*summary)[0].last_received_at == "2026-11-03T10:00:00Z");
  CHECK((*summary)[1].name == "Борис");
  CHECK((*summary)[1].bundles == 1);
  CHECK((*summary)[1].reports == 1);
  CHECK((*summary)[2].name == "Вера");
  CHECK((*summary)[2].bundles == 0);
  CHECK((*summary)[2].reports == 0);
  CHECK((*summary)[2].last_received_at.empty());
}

}  // namespace fieldseal::storage::test

namespace fieldseal::storage::test {

TEST_CASE("statistics: migration 5 adds the covering index the counts use", "[statistics][migration]") {
  TempDir dir;
  auto key = crypto::SecretBuffer::random(32);
  auto db = Database::open(dir.path() / "v.db", key, true);
  REQUIRE(db.ok());
  REQUIRE(migrate_to(*db, kStatisticsIndexMigration - 1).ok());
  auto signer = crypto::Ed25519KeyPair::generate();
  auto id = create_report(*db, signer, draft("2026-04-02", "Москва", {kArrest}));
  REQUIRE(id.ok());
  REQUIRE(finalize_report(*db, signer, *id).ok());
  auto plan = [&](std::string_view sql) {
    auto s = db->prepare("EXPLAIN QUERY PLAN " + std::string(sql));
    REQUIRE(s.ok());
    std::string out;
    for (;;) {
      auto row = s->step();
      REQUIRE(row.ok());
      if (!*row) break;
      out += s->column_text(3) + "\n";
    }
    return out;
  };
  constexpr std::string_view kCount = "SELECT count(*) FROM reports r WHERE r.status = 'final'";
  CHECK(plan(kCount).find("reports_stats") == std::string::npos);

  REQUIRE(migrate(*db).ok());
  CHECK(schema_version(*db).value() >= kStatisticsIndexMigration);
  CHECK(plan(kCount).find("COVERING INDEX reports_stats") != std::string::npos);
  CHECK(plan("SELECT r.region, count(*) FROM reports r WHERE r.status = 'final' AND "
             "r.start_sort >= '2026-01-01' GROUP BY r.region")
            .find("COVERING INDEX reports_stats") != std::string::npos);
  // The report written before the migration is counted through the index.
  auto s = incident_statistics(*db, StatsDimension::month);
  REQUIRE(s.ok());
  CHECK(s->total == 1);
  CHECK(s->buckets == std::vector<StatsBucket>{bucket("2026-04", 1)});
}

}  // namespace fieldseal::storage::test
