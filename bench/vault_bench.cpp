// vault_bench: the storage half of bench/cases/20-vault.sh and 30-attachment.sh.
//
//   vault_bench populate DIR COUNT DURABLE  a vault with COUNT generated reports (below)
//   vault_bench open DIR RUNS             open steps other than Argon2id, timed RUNS times
//   vault_bench search DIR                the fixed query set, first pass and warm pass
//   vault_bench attach DIR FILE           a new draft report, FILE streamed in as attachment
//   vault_bench export DIR ID SHA OUT     the attachment streamed out to OUT (fsync'ed)
//   vault_bench panic DIR                 Vault::panic, timed
//   vault_bench purge DIR ID              purge_report, timed, peak RSS of that section
//   vault_bench search-sql DIR SQL        SQL (?1 = FTS5 MATCH expression, ?2 = limit) timed
//                                         over the search queries: for trying a query plan
//
// Results are printed as "key=value" lines on stdout for the case scripts.
// Vaults are created with the Argon2id floor (64 MiB, t = 3): the KDF is not
// what these benchmarks measure, and every timed section excludes it.
//
// Reports are generated deterministically (fixed seed): half Russian, half
// English, a few mixed; narratives of 150-450 words drawn from a Zipf
// distribution over a vocabulary of real words (the most frequent ranks)
// followed by generated pseudo-words (the long tail), so that search sees
// terms that occur in nearly every report as well as terms in a handful.
#include <fcntl.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/key_slots.hpp"
#include "fieldseal/storage/migrations.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/search.hpp"
#include "fieldseal/storage/vault.hpp"

namespace {

namespace fs = std::filesystem;
namespace st = fieldseal::storage;
namespace crypto = fieldseal::crypto;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kPassphrase = "fieldseal bench passphrase";
constexpr std::uint64_t kSeed = 0x5eed'f1e1'd5ea'1001ULL;
constexpr std::size_t kVocabularyWords = 20000;  // per language
constexpr std::size_t kMinNarrativeWords = 150;
constexpr std::size_t kMaxNarrativeWords = 450;
constexpr std::int64_t kSearchLimit = 50;  // the CLI's default
constexpr std::size_t kMinQueries = 200;

[[noreturn]] void die(std::string_view what, st::Error error) {
  std::fprintf(stderr, "vault_bench: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(st::message(error).size()), st::message(error).data());
  std::exit(1);
}

[[noreturn]] void die(std::string_view what) {
  std::fprintf(stderr, "vault_bench: %.*s\n", static_cast<int>(what.size()), what.data());
  std::exit(1);
}

template <typename T>
T take(st::Result<T> result, std::string_view what) {
  if (!result) die(what, result.error());
  return std::move(result).value();
}

void check(const st::Result<void>& result, std::string_view what) {
  if (!result) die(what, result.error());
}

// CPU time of this thread: what a query costs apart from waiting for a core
// on a loaded machine.
double thread_cpu_seconds() {
  timespec ts{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void print(std::string_view key, double value) {
  std::printf("%.*s=%.6f\n", static_cast<int>(key.size()), key.data(), value);
}

void print(std::string_view key, std::uint64_t value) {
  std::printf("%.*s=%" PRIu64 "\n", static_cast<int>(key.size()), key.data(), value);
}

void print(std::string_view key, std::string_view value) {
  std::printf("%.*s=%.*s\n", static_cast<int>(key.size()), key.data(),
              static_cast<int>(value.size()), value.data());
}

crypto::SecretBuffer passphrase() { return crypto::SecretBuffer::from_text(kPassphrase); }

// Peak RSS of this process from now on: "5" to clear_refs resets VmHWM
// (Linux ≥ 4.0), so the Argon2id memory of the unlock before a timed section
// is not counted in that section's peak.
// CPU time of the whole process (every thread: attachment intake and export
// hash on a second thread).
double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

void reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

std::uint64_t peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtoull(line.c_str() + 6, nullptr, 10);
  }
  return 0;
}

// splitmix64: deterministic, fast, and the same on every machine.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) noexcept { return next() % n; }
  double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  template <typename Items>
  const auto& pick(const Items& items) noexcept {
    return items[below(std::size(items))];
  }

 private:
  std::uint64_t state_;
};

// The most frequent words of each language (rank order), then generated words.
constexpr std::string_view kEnglishHead[] = {
    "the", "and", "police", "was", "officers", "he", "she", "they", "detained", "to", "of",
    "station", "in", "at", "court", "lawyer", "his", "her", "were", "said", "protest", "after",
    "from", "with", "not", "hours", "home", "beaten", "search", "phone", "by", "witness",
    "detention", "charged", "judge", "released", "night", "street", "van", "men", "masks",
    "documents", "arrested", "threatened", "questioned", "interrogation", "cell", "family",
    "relatives", "hospital", "injuries", "doctor", "bruises", "fine", "administrative",
    "criminal", "case", "article", "investigator", "prosecutor", "hearing", "sentence",
    "journalist", "activist", "picket", "poster", "rally", "square", "apartment", "door",
    "laptop", "seized", "confiscated", "denied", "access", "refused", "complaint", "filed",
    "video", "camera", "recorded", "unknown", "uniform", "plainclothes", "car", "taken",
    "transferred", "colony", "prison", "hunger", "strike", "visit", "letter", "statement",
    "confession", "pressure", "electric", "shock", "torture", "disappeared", "whereabouts",
    "missing", "checkpoint", "border", "passport", "extremism", "terrorism", "treason",
    "foreign", "agent", "blocked", "website", "channel", "telegram", "post", "repost",
    "comment", "morning", "evening", "detainees", "crowd", "dispersed", "batons", "helmets",
    "riot", "municipal", "deputy", "candidate", "election", "observer", "ballot", "polling"};

constexpr std::string_view kRussianHead[] = {
    "и", "в", "полиции", "был", "сотрудники", "он", "она", "они", "задержали", "на", "не",
    "отдел", "из", "после", "суд", "адвокат", "его", "её", "были", "сказал", "протест",
    "часов", "дома", "избили", "обыск", "телефон", "свидетель", "задержание", "обвинение",
    "судья", "отпустили", "ночью", "улице", "автозак", "мужчины", "маски", "документы",
    "арестовали", "угрожали", "допрос", "допрашивали", "камера", "семья", "родственники",
    "больница", "травмы", "врач", "синяки", "штраф", "административный", "уголовное", "дело",
    "статья", "следователь", "прокурор", "заседание", "приговор", "журналист", "активист",
    "пикет", "плакат", "митинг", "площадь", "квартира", "дверь", "ноутбук", "изъяли",
    "конфисковали", "отказали", "доступ", "отказ", "жалоба", "подали", "видео", "запись",
    "неизвестные", "форма", "штатском", "машина", "увезли", "перевели", "колония", "тюрьма",
    "голодовка", "свидание", "письмо", "заявление", "признание", "давление", "электрошокер",
    "пытки", "исчез", "местонахождение", "пропал", "блокпост", "граница", "паспорт",
    "экстремизм", "терроризм", "госизмена", "иноагент", "заблокировали", "сайт", "канал",
    "телеграм", "пост", "репост", "комментарий", "утром", "вечером", "задержанные", "толпа",
    "разогнали", "дубинки", "шлемы", "омон", "муниципальный", "депутат", "кандидат",
    "выборы", "наблюдатель", "бюллетень", "участок", "ещё", "всё", "пришёл", "отвёз"};

constexpr std::string_view kLatinSyllables[] = {
    "ka", "ro", "mi", "ten", "vel", "dor", "sa", "lin", "pre", "tor", "um", "bra", "ex",
    "qui", "fal", "mon", "zer", "ish", "ost", "ga", "ne", "li", "vo", "ter", "an", "es"};
constexpr std::string_view kCyrillicSyllables[] = {
    "ка", "ро", "ми", "тен", "вел", "дор", "са", "лин", "пре", "тор", "ум", "бра", "ость",
    "ние", "фал", "мон", "зер", "иш", "ост", "га", "не", "ли", "во", "тер", "ан", "ёл"};

struct Name {
  std::string_view en;
  std::string_view ru;
};
constexpr Name kFirstNames[] = {
    {"Alexei", "Алексей"}, {"Maria", "Мария"},     {"Ivan", "Иван"},       {"Olga", "Ольга"},
    {"Dmitry", "Дмитрий"}, {"Anna", "Анна"},       {"Sergei", "Сергей"},   {"Ekaterina", "Екатерина"},
    {"Pavel", "Павел"},    {"Natalia", "Наталья"}, {"Mikhail", "Михаил"},  {"Tatiana", "Татьяна"},
    {"Ruslan", "Руслан"},  {"Zarema", "Зарема"},   {"Timur", "Тимур"},     {"Aigul", "Айгуль"},
    {"Artyom", "Артём"},   {"Fyodor", "Фёдор"},    {"Yulia", "Юлия"},      {"Nikolai", "Николай"}};
constexpr Name kSurnames[] = {
    {"Ivanov", "Иванов"},       {"Smirnova", "Смирнова"}, {"Kuznetsov", "Кузнецов"},
    {"Popova", "Попова"},       {"Sokolov", "Соколов"},   {"Lebedeva", "Лебедева"},
    {"Kozlov", "Козлов"},       {"Novikova", "Новикова"}, {"Morozov", "Морозов"},
    {"Petrova", "Петрова"},     {"Volkov", "Волков"},     {"Solovyova", "Соловьёва"},
    {"Magomedov", "Магомедов"}, {"Umarova", "Умарова"},   {"Khasanov", "Хасанов"},
    {"Galiullina", "Галиуллина"}, {"Orlov", "Орлов"},     {"Fyodorova", "Фёдорова"},
    {"Zhukov", "Жуков"},        {"Belova", "Белова"}};
struct Place {
  Name city;
  Name region;
};
constexpr Place kPlaces[] = {
    {{"Moscow", "Москва"}, {"Moscow", "Москва"}},
    {{"Saint Petersburg", "Санкт-Петербург"}, {"Saint Petersburg", "Санкт-Петербург"}},
    {{"Kazan", "Казань"}, {"Tatarstan", "Татарстан"}},
    {{"Grozny", "Грозный"}, {"Chechnya", "Чечня"}},
    {{"Yekaterinburg", "Екатеринбург"}, {"Sverdlovsk Oblast", "Свердловская область"}},
    {{"Novosibirsk", "Новосибирск"}, {"Novosibirsk Oblast", "Новосибирская область"}},
    {{"Krasnodar", "Краснодар"}, {"Krasnodar Krai", "Краснодарский край"}},
    {{"Vladivostok", "Владивосток"}, {"Primorsky Krai", "Приморский край"}},
    {{"Perm", "Пермь"}, {"Perm Krai", "Пермский край"}},
    {{"Ufa", "Уфа"}, {"Bashkortostan", "Башкортостан"}},
    {{"Makhachkala", "Махачкала"}, {"Dagestan", "Дагестан"}},
    {{"Kaliningrad", "Калининград"}, {"Kaliningrad Oblast", "Калининградская область"}},
    {{"Simferopol", "Симферополь"}, {"Crimea", "Крым"}},
    {{"Nizhny Novgorod", "Нижний Новгород"}, {"Nizhny Novgorod Oblast", "Нижегородская область"}}};
constexpr std::string_view kPlaceKindsEn[] = {"police station No. ", "district court, hall ",
                                              "detention centre, cell ", "home, flat ",
                                              "square near building "};
constexpr std::string_view kPlaceKindsRu[] = {"отдел полиции № ", "районный суд, зал ",
                                              "спецприёмник, камера ", "квартира № ",
                                              "площадь у дома "};
struct TitleTemplate {
  std::string_view en;
  std::string_view ru;
  std::string_view act;
};
constexpr TitleTemplate kTitles[] = {
    {"Detention of ", "Задержание: ", "arrest"},
    {"Search at the home of ", "Обыск у ", "illegal_search"},
    {"Beating in custody of ", "Избиение в отделе: ", "physical_assault"},
    {"Threats against ", "Угрозы в адрес: ", "threats"},
    {"Lawyer denied access to ", "Адвоката не допустили к ", "denial_of_legal_assistance"},
    {"Disappearance of ", "Исчезновение: ", "disappearance"},
    {"Torture allegations by ", "Заявление о пытках: ", "torture"},
    {"Picket dispersed, organiser ", "Разгон пикета, организатор ", "banned_assembly"},
    {"Channel blocked, author ", "Блокировка канала, автор ", "censorship"},
    {"Surveillance of ", "Слежка за ", "surveillance"}};
constexpr std::string_view kTags[] = {"protest", "journalist", "lawyer", "court", "minor",
                                      "hospital", "пикет", "антивоенный", "обыск", "иноагент",
                                      "суд", "активист"};
constexpr std::string_view kExtraActs[] = {"detention", "detention_conditions", "physical_assault",
                                           "threats", "other"};

std::string make_word(Rng& rng, std::span<const std::string_view> syllables) {
  std::string word;
  const std::size_t count = 2 + rng.below(3);
  for (std::size_t i = 0; i < count; ++i) word += rng.pick(syllables);
  return word;
}

// A language's vocabulary in rank order and its Zipf (s = 1) cumulative weights.
struct Vocabulary {
  std::vector<std::string> words;
  std::vector<double> cumulative;

  Vocabulary(std::span<const std::string_view> head, std::span<const std::string_view> syllables,
             std::uint64_t seed) {
    std::set<std::string> seen;
    for (const auto w : head) {
      words.emplace_back(w);
      seen.emplace(w);
    }
    Rng rng(seed);
    while (words.size() < kVocabularyWords) {
      std::string w = make_word(rng, syllables);
      if (seen.insert(w).second) words.push_back(std::move(w));
    }
    double sum = 0;
    cumulative.reserve(words.size());
    for (std::size_t r = 0; r < words.size(); ++r) {
      sum += 1.0 / static_cast<double>(r + 1);
      cumulative.push_back(sum);
    }
  }

  const std::string& sample(Rng& rng) const {
    const double x = rng.unit() * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    const auto index = static_cast<std::size_t>(it - cumulative.begin());
    return words[std::min(index, words.size() - 1)];
  }
};

struct Corpus {
  Vocabulary en{kEnglishHead, kLatinSyllables, kSeed ^ 1U};
  Vocabulary ru{kRussianHead, kCyrillicSyllables, kSeed ^ 2U};
};

std::string two_digits(std::size_t n) {
  std::string s = std::to_string(n);
  return s.size() < 2 ? "0" + s : s;
}

st::ReportDraft generate_report(const Corpus& corpus, Rng& rng) {
  const std::size_t language = rng.below(10);  // 0-4 Russian, 5-8 English, 9 mixed
  const bool russian = language < 5;
  const bool mixed = language == 9;
  const auto pick_text = [&](const Name& n) { return russian ? n.ru : n.en; };

  st::ReportDraft d;
  const std::size_t person_count = 1 + rng.below(4);
  for (std::size_t i = 0; i < person_count; ++i) {
    st::Person p;
    p.name = std::string(pick_text(rng.pick(kFirstNames))) + " " +
             std::string(pick_text(rng.pick(kSurnames)));
    p.roles.push_back(i == 0 ? st::PersonRole::victim
                             : (rng.below(3) == 0 ? st::PersonRole::perpetrator
                                                  : st::PersonRole::witness));
    if (i == 0 && rng.below(2) == 0) p.roles.push_back(st::PersonRole::source);
    p.description = russian ? "задержанный" : "detainee";
    d.persons.push_back(std::move(p));
  }
  const TitleTemplate& title = rng.pick(kTitles);
  const Place& place = rng.pick(kPlaces);
  d.title = std::string(russian ? title.ru : title.en) + d.persons[0].name + ", " +
            std::string(pick_text(place.city));
  d.location.text = std::string(russian ? rng.pick(kPlaceKindsRu)
                                        : rng.pick(kPlaceKindsEn)) +
                    std::to_string(1 + rng.below(120)) + ", " + std::string(pick_text(place.city));
  d.location.region = std::string(pick_text(place.region));

  const std::string date = std::to_string(2022 + rng.below(5)) + "-" +
                           two_digits(1 + rng.below(12)) + "-" + two_digits(1 + rng.below(28));
  d.start = st::PartialDate{st::DatePrecision::day, date};

  const std::size_t words = kMinNarrativeWords + rng.below(kMaxNarrativeWords - kMinNarrativeWords + 1);
  d.narrative.reserve(words * 12);
  for (std::size_t i = 0; i < words; ++i) {
    const bool ru_word = mixed ? rng.below(2) == 0 : russian;
    if (i > 0) d.narrative += (i % 17 == 0) ? ". " : " ";
    d.narrative += (ru_word ? corpus.ru : corpus.en).sample(rng);
  }
  d.narrative += '.';

  st::Act act;
  act.type_code = std::string(title.act);
  act.victim_ref = "p1";
  act.date = d.start;
  d.acts.push_back(std::move(act));
  if (rng.below(2) == 0) {
    st::Act extra;
    extra.type_code = std::string(rng.pick(kExtraActs));
    extra.victim_ref = "p1";
    extra.method = russian ? "в отделе полиции" : "at the police station";
    d.acts.push_back(std::move(extra));
  }
  for (std::size_t i = 0, n = rng.below(4); i < n; ++i)
    d.tags.emplace_back(rng.pick(kTags));
  std::sort(d.tags.begin(), d.tags.end());
  d.tags.erase(std::unique(d.tags.begin(), d.tags.end()), d.tags.end());

  st::Source source;
  source.person_ref = "p1";
  source.description = russian ? "интервью лично" : "interview in person";
  d.sources.push_back(std::move(source));
  return d;
}

std::uint64_t directory_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

st::Vault open_vault(const fs::path& dir) {
  return take(st::Vault::open(dir, passphrase(), crypto::Argon2idParams::floor()), "open");
}

// The first `durable` reports are inserted as a user adds them (one
// transaction each, synchronous = FULL: an fsync per commit); the rest with
// synchronous = NORMAL on this connection (WAL: no fsync per commit), which
// measures the CPU side of an insert and keeps a 100,000-report load within
// minutes on a slow disk. Both rates are printed.
int cmd_populate(const fs::path& dir, std::size_t count, std::size_t durable) {
  auto vault = take(st::Vault::create(dir, st::Role::field, "bench field vault", passphrase(),
                                      crypto::Argon2idParams::floor()),
                    "create");
  const Corpus corpus;
  Rng rng(kSeed);
  std::uint64_t text_bytes = 0;
  double durable_seconds = 0;
  double bulk_seconds = 0;
  const auto start = Clock::now();
  for (std::size_t i = 0; i < count; ++i) {
    if (i == durable) check(vault.database().exec("PRAGMA synchronous = NORMAL;"), "synchronous");
    const st::ReportDraft draft = generate_report(corpus, rng);
    text_bytes += draft.title.size() + draft.narrative.size();
    const auto t = Clock::now();
    (void)take(st::create_report(vault.database(), vault.signing_key(), draft), "create_report");
    (i < durable ? durable_seconds : bulk_seconds) += seconds_since(t);
    if ((i + 1) % 10000 == 0) {
      std::fprintf(stderr, "vault_bench: %zu reports, %.0f s\n", i + 1, seconds_since(start));
    }
  }
  const auto close_start = Clock::now();
  vault.lock();
  const double close_seconds = seconds_since(close_start);
  const std::size_t bulk = count > durable ? count - durable : 0;
  const std::size_t durable_done = count - bulk;
  print("reports", count);
  print("text_bytes", text_bytes);
  print("durable_reports", durable_done);
  print("durable_insert_seconds", durable_seconds);
  if (durable_done > 0) print("durable_reports_per_second", static_cast<double>(durable_done) / durable_seconds);
  print("bulk_reports", bulk);
  print("bulk_insert_seconds", bulk_seconds);
  if (bulk > 0) print("bulk_reports_per_second", static_cast<double>(bulk) / bulk_seconds);
  print("insert_seconds", durable_seconds + bulk_seconds + close_seconds);
  print("close_seconds", close_seconds);
  print("vault_bytes", directory_bytes(dir));
  return 0;
}

// What Vault::open does besides the Argon2id derivations of KeySlotFile::unlock
// (vault.cpp), step by step, on the real files: read and check the key-slot
// file; Database::open (PRAGMA key with the raw master key, the SQLCipher and
// SQLite settings, the sqlite_master probe); migrate() at the latest schema
// (reads user_version, runs nothing); load the identity (meta rows, X25519
// and Ed25519 keys from the identity row); refresh the unused slots (one
// atomic, fsync'ed write of the key-slot file) and the key_slots reconcile
// transaction. Not included: the directory flock, and Argon2id. The master key
// comes from one unlock before the timed runs.
int cmd_open(const fs::path& dir, std::size_t runs) {
  const fs::path keys = dir / st::kKeySlotFileName;
  const fs::path data = dir / st::kDatabaseFileName;
  auto initial = take(st::KeySlotFile::read(keys), "read key slots");
  const auto unlock_start = Clock::now();
  auto unlocked = take(initial.unlock(passphrase()), "unlock");
  const double unlock_seconds = seconds_since(unlock_start);
  if (!unlocked) die("the bench passphrase does not open this vault");
  const crypto::SecretBuffer master = unlocked->content.key.clone();
  const std::size_t slot_index = unlocked->index;

  std::vector<double> slots_read, db_open, migrate, identity, refresh, total, first_list;
  for (std::size_t run = 0; run < runs; ++run) {
    auto t = Clock::now();
    const auto start = t;
    auto slots = take(st::KeySlotFile::read(keys), "read key slots");
    slots_read.push_back(seconds_since(t));

    t = Clock::now();
    auto db = take(st::Database::open(data, master, false), "database open");
    db_open.push_back(seconds_since(t));

    t = Clock::now();
    check(st::migrate(db), "migrate");
    migrate.push_back(seconds_since(t));

    t = Clock::now();
    {
      auto meta = take(db.prepare("SELECT key, value FROM meta;"), "meta");
      for (;;) {
        if (!take(meta.step(), "meta")) break;
        (void)meta.column_text(1);
      }
      auto id = take(db.prepare("SELECT x25519_secret, ed25519_seed FROM identity WHERE id = 1;"),
                     "identity");
      if (!take(id.step(), "identity")) die("no identity row");
      auto x = crypto::X25519Identity::from_secret(id.column_secret(0));
      auto e = crypto::Ed25519KeyPair::from_seed(id.column_secret(1));
      if (!x || !e) die("identity keys do not load");
    }
    identity.push_back(seconds_since(t));

    t = Clock::now();
    for (std::size_t i = 0; i < st::kKeySlotCount; ++i) {
      if (i != slot_index) slots.randomize(i, crypto::Argon2idParams::floor());
    }
    slots.set_failed_unlocks(0);
    check(slots.write_atomic(keys), "key-slot write");
    check(db.exec("BEGIN IMMEDIATE;"
                  "DELETE FROM key_slots WHERE state = 'pending_add';"
                  "UPDATE key_slots SET state = 'active' WHERE state = 'pending_remove';"
                  "COMMIT;"),
          "key_slots reconcile");
    refresh.push_back(seconds_since(t));
    total.push_back(seconds_since(start));

    t = Clock::now();
    st::ReportFilter filter;
    (void)take(st::list_reports(db, filter), "list");
    first_list.push_back(seconds_since(t));
    db.close();
  }
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  {
    auto db = take(st::Database::open(data, master, false), "database open");
    auto n = take(db.prepare("SELECT count(*) FROM reports;"), "count");
    if (!take(n.step(), "count")) die("count");
    print("reports", static_cast<std::uint64_t>(n.column_int64(0)));
  }
  print("runs", runs);
  print("open_seconds", median(total));
  print("open_max_seconds", *std::max_element(total.begin(), total.end()));
  print("step_slot_file_read_seconds", median(slots_read));
  print("step_database_open_seconds", median(db_open));
  print("step_migrate_check_seconds", median(migrate));
  print("step_identity_load_seconds", median(identity));
  print("step_slot_refresh_seconds", median(refresh));
  print("first_list_50_seconds", median(first_list));
  // A vault of an older schema is migrated in the first run (not the median).
  print("first_run_migrate_seconds", migrate.front());
  print("unlock_argon2id_seconds", unlock_seconds);
  const auto full_start = Clock::now();
  { auto vault = open_vault(dir); }
  print("vault_open_full_seconds", seconds_since(full_start));
  return 0;
}

struct Query {
  std::string text;
  std::string kind;
};

// ≥ 200 fixed queries over the generator's vocabulary.
std::vector<Query> make_queries(const Corpus& corpus) {
  std::vector<Query> q;
  const auto& en = corpus.en.words;
  const auto& ru = corpus.ru.words;
  const auto upper_first_latin = [](std::string w) {
    if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  for (std::size_t r = 2; r < 22; ++r) q.push_back({en[r], "common latin"});
  for (std::size_t r = 2; r < 22; ++r) q.push_back({ru[r], "common cyrillic"});
  for (std::size_t r = 200; r < 2200; r += 100) q.push_back({en[r], "mid latin"});
  for (std::size_t r = 200; r < 2200; r += 100) q.push_back({ru[r], "mid cyrillic"});
  for (std::size_t r = 15000; r < 19000; r += 200) q.push_back({en[r], "rare latin"});
  for (std::size_t r = 15000; r < 19000; r += 200) q.push_back({ru[r], "rare cyrillic"});
  for (std::size_t i = 0; i < 10; ++i) {
    q.push_back({en[3 + i] + " " + en[40 + i], "two words common"});
    q.push_back({ru[3 + i] + " " + ru[40 + i], "two words common"});
    q.push_back({en[5 + i] + " " + en[16000 + 100 * i], "two words common+rare"});
    q.push_back({ru[5 + i] + " " + ru[16000 + 100 * i], "two words common+rare"});
  }
  for (std::size_t i = 0; i < 10; ++i) {
    q.push_back({en[60 + i].substr(0, 4) + "*", "prefix"});
    // Cyrillic letters are 2 bytes in UTF-8: 4 letters.
    q.push_back({ru[60 + i].substr(0, 8) + "*", "prefix"});
  }
  for (std::size_t i = 0; i < 10; ++i) {
    q.push_back({std::string(kSurnames[i].en), "name"});
    q.push_back({std::string(kSurnames[i].ru), "name"});
    q.push_back({std::string(kPlaces[i].city.ru), "place"});
  }
  for (std::size_t i = 0; i < 5; ++i) {
    q.push_back({upper_first_latin(en[8 + i]), "case"});
  }
  q.push_back({"ПОЛИЦИИ", "case"});
  q.push_back({"Задержали", "case"});
  q.push_back({"соловьева", "case"});  // indexed as "Соловьёва": ё folds to е
  q.push_back({"ФЕДОР", "case"});
  q.push_back({"Артем", "case"});
  for (std::size_t i = 0; i < 5; ++i) {
    q.push_back({"zzqx" + std::to_string(i), "no match"});
    q.push_back({"щщъы" + std::to_string(i), "no match"});
  }
  return q;
}

struct Percentiles {
  double p50 = 0, p95 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto at = [&](double p) {
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
  };
  return {at(0.50), at(0.95), v.back()};
}

// One line per extra kind: warm wall and CPU percentiles.
void print_extra_kind(std::string_view kind, const std::vector<double>& wall,
                      const std::vector<double>& cpu, std::size_t with_hits) {
  const auto w = percentiles(wall);
  const auto c = percentiles(cpu);
  std::printf("kind=%.*s queries=%zu with_hits=%zu warm_p50_ms=%.3f warm_p95_ms=%.3f "
              "warm_cpu_p50_ms=%.3f warm_cpu_p95_ms=%.3f warm_cpu_max_ms=%.3f\n",
              static_cast<int>(kind.size()), kind.data(), wall.size(), with_hits, w.p50, w.p95,
              c.p50, c.p95, c.max);
}

// Not part of the fixed set (nor of its p50/p95), run after it on the warm
// connection: prefixes of 2, 3, 5 and 6 letters (the index has prefix
// indexes of 2-4; the set's prefixes have 4), and the set's queries through
// search_report_summaries with list filters: the region of the query's
// language ("Москва" / "Moscow", about 3.6 % of reports each), that region
// and one year, and a region no generated report has (every match is read:
// the worst case of a filter).
void search_extra_kinds(st::Database& db, const Corpus& corpus, const std::vector<Query>& queries) {
  const auto timed = [&](std::string_view kind, std::size_t count, const auto& run) {
    std::vector<double> wall, cpu;
    std::size_t with_hits = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const double c = thread_cpu_seconds();
      const auto t = Clock::now();
      if (run(i) > 0) ++with_hits;
      wall.push_back(seconds_since(t) * 1000.0);
      cpu.push_back((thread_cpu_seconds() - c) * 1000.0);
    }
    print_extra_kind(kind, wall, cpu, with_hits);
  };
  st::SearchOptions options;
  options.limit = kSearchLimit;
  for (const std::size_t letters : std::initializer_list<std::size_t>{2, 3, 5, 6}) {
    std::vector<std::string> prefixes;
    for (std::size_t i = 0; i < 10; ++i) {
      const std::string& en = corpus.en.words[60 + i];
      const std::string& ru = corpus.ru.words[60 + i];
      if (en.size() > letters) prefixes.push_back(en.substr(0, letters) + "*");
      if (ru.size() > 2 * letters) prefixes.push_back(ru.substr(0, 2 * letters) + "*");
    }
    timed("extra prefix " + std::to_string(letters), prefixes.size(), [&](std::size_t i) {
      return take(st::search_reports(db, prefixes[i], options), "search").size();
    });
  }
  const auto region_of = [](const std::string& text) {
    const bool cyrillic = std::any_of(text.begin(), text.end(),
                                      [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    return std::string(cyrillic ? kPlaces[0].region.ru : kPlaces[0].region.en);
  };
  const auto filtered = [&](std::string_view kind, const auto& make_filter, std::size_t count) {
    timed(kind, count, [&](std::size_t i) {
      st::ReportFilter filter = make_filter(queries[i].text);
      filter.limit = kSearchLimit;
      return take(st::search_report_summaries(db, queries[i].text, filter), "filtered search").size();
    });
  };
  filtered("extra filtered region", [&](const std::string& q) {
    st::ReportFilter f;
    f.region = region_of(q);
    return f;
  }, queries.size());
  filtered("extra filtered region+year", [&](const std::string& q) {
    st::ReportFilter f;
    f.region = region_of(q);
    f.date_from = "2024";
    f.date_to = "2024";
    return f;
  }, queries.size());
  filtered("extra filtered nothing passes (first 10 queries)", [](const std::string&) {
    st::ReportFilter f;
    f.region = "Atlantis";
    return f;
  }, 10);
}

int cmd_search(const fs::path& dir) {
  const Corpus corpus;
  const auto queries = make_queries(corpus);
  if (queries.size() < kMinQueries) die("fewer queries than the benchmark promises");
  auto vault = open_vault(dir);
  st::SearchOptions options;
  options.limit = kSearchLimit;
  std::vector<double> first, warm, warm_cpu;
  std::vector<std::size_t> hits(queries.size());
  for (std::size_t pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const double c = thread_cpu_seconds();
      const auto t = Clock::now();
      auto found = take(st::search_reports(vault.database(), queries[i].text, options), "search");
      const double ms = seconds_since(t) * 1000.0;
      (pass == 0 ? first : warm).push_back(ms);
      if (pass == 1) warm_cpu.push_back((thread_cpu_seconds() - c) * 1000.0);
      hits[i] = found.size();
    }
  }
  const auto a = percentiles(first);
  const auto b = percentiles(warm);
  print("queries", queries.size());
  print("limit", static_cast<std::uint64_t>(kSearchLimit));
  print("first_p50_ms", a.p50);
  print("first_p95_ms", a.p95);
  print("first_max_ms", a.max);
  print("warm_p50_ms", b.p50);
  print("warm_p95_ms", b.p95);
  print("warm_max_ms", b.max);
  const auto c = percentiles(warm_cpu);
  print("warm_cpu_p50_ms", c.p50);
  print("warm_cpu_p95_ms", c.p95);
  print("warm_cpu_max_ms", c.max);
  std::vector<std::string> kinds;
  for (const auto& q : queries) {
    if (std::find(kinds.begin(), kinds.end(), q.kind) == kinds.end()) kinds.push_back(q.kind);
  }
  for (const auto& kind : kinds) {
    std::vector<double> v;
    std::size_t with_hits = 0, n = 0;
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (queries[i].kind != kind) continue;
      v.push_back(warm_cpu[i]);
      if (hits[i] > 0) ++with_hits;
      ++n;
    }
    const auto p = percentiles(v);
    std::printf("kind=%s queries=%zu with_hits=%zu warm_cpu_p50_ms=%.3f warm_cpu_p95_ms=%.3f\n",
                kind.c_str(), n, with_hits, p.p50, p.p95);
  }
  if (std::getenv("VAULT_BENCH_VERBOSE") != nullptr) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      std::fprintf(stderr, "%8.3f %8.3f %8.3f %5zu  %s\n", first[i], warm[i], warm_cpu[i], hits[i],
                   queries[i].text.c_str());
    }
  }
  search_extra_kinds(vault.database(), corpus, queries);
  return 0;
}

int cmd_search_sql(const fs::path& dir, const std::string& sql) {
  const Corpus corpus;
  const auto queries = make_queries(corpus);
  auto vault = open_vault(dir);
  auto stmt = take(vault.database().prepare(sql), "prepare");
  std::vector<double> warm, cpu;
  for (std::size_t pass = 0; pass < 2; ++pass) {
    warm.clear();
    cpu.clear();
    for (const auto& q : queries) {
      const auto expr = take(st::fts_match_expression(q.text), "expr");
      const double c = thread_cpu_seconds();
      const auto t = Clock::now();
      stmt.reset();
      stmt.bind(1, expr).bind(2, kSearchLimit);
      std::size_t n = 0;
      while (take(stmt.step(), "step")) ++n;
      warm.push_back(seconds_since(t) * 1000.0);
      cpu.push_back((thread_cpu_seconds() - c) * 1000.0);
      if (pass == 1 && std::getenv("VAULT_BENCH_VERBOSE") != nullptr)
        std::fprintf(stderr, "%8.3f %5zu %s\n", warm.back(), n, q.text.c_str());
    }
  }
  const auto p = percentiles(warm);
  const auto pc = percentiles(cpu);
  std::printf("wall p50=%.3f p95=%.3f max=%.3f  cpu p50=%.3f p95=%.3f max=%.3f\n", p.p50, p.p95,
              p.max, pc.p50, pc.p95, pc.max);
  return 0;
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) noexcept : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }

 private:
  int fd_;
};

int cmd_attach(const fs::path& dir, const fs::path& file) {
  auto vault = open_vault(dir);
  st::ReportDraft draft;
  draft.title = "Attachment benchmark";
  const std::string id = take(st::create_report(vault.database(), vault.signing_key(), draft),
                              "create_report");
  const FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) die("cannot open the input file");
  crypto::FdSource source(fd.get());
  reset_peak_rss();
  const double cpu = thread_cpu_seconds();
  const double process_cpu = process_cpu_seconds();
  const auto start = Clock::now();
  const auto info = take(st::add_attachment(vault.database(), vault.signing_key(), id, source,
                                            file.filename().string(), "application/octet-stream"),
                         "add_attachment");
  const double seconds = seconds_since(start);
  print("report_id", id);
  print("sha256", crypto::hex_encode(info.sha256));
  print("bytes", info.size);
  print("intake_seconds", seconds);
  print("intake_cpu_seconds", thread_cpu_seconds() - cpu);
  print("intake_process_cpu_seconds", process_cpu_seconds() - process_cpu);
  print("intake_peak_rss_kib", peak_rss_kib());
  return 0;
}

int cmd_export(const fs::path& dir, const std::string& id, const std::string& sha_hex,
               const fs::path& out) {
  auto vault = open_vault(dir);
  auto digest_bytes = crypto::hex_decode(sha_hex);
  st::Sha256Digest sha{};
  if (!digest_bytes || digest_bytes->size() != sha.size()) die("SHA is 64 hex digits");
  std::copy(digest_bytes->begin(), digest_bytes->end(), sha.begin());
  const FileDescriptor fd(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
  if (fd.get() < 0) die("cannot create the output file");
  crypto::FdSink sink(fd.get());
  reset_peak_rss();
  const double cpu = thread_cpu_seconds();
  const double process_cpu = process_cpu_seconds();
  const auto start = Clock::now();
  check(st::read_attachment(vault.database(), id, sha, sink), "read_attachment");
  if (::fsync(fd.get()) != 0) die("fsync failed");
  print("export_seconds", seconds_since(start));
  print("export_cpu_seconds", thread_cpu_seconds() - cpu);
  print("export_process_cpu_seconds", process_cpu_seconds() - process_cpu);
  print("export_peak_rss_kib", peak_rss_kib());
  return 0;
}

// purge_report of one report (e.g. the one `attach` made), timed after the
// unlock, with the peak RSS of that section alone.
int cmd_purge(const fs::path& dir, const std::string& id) {
  auto vault = open_vault(dir);
  reset_peak_rss();
  const double cpu = process_cpu_seconds();
  const auto start = Clock::now();
  check(st::purge_report(vault.database(), vault.signing_key(), id), "purge_report");
  print("purge_seconds", seconds_since(start));
  print("purge_process_cpu_seconds", process_cpu_seconds() - cpu);
  print("purge_peak_rss_kib", peak_rss_kib());
  vault.lock();
  print("vault_bytes", directory_bytes(dir));
  return 0;
}

int cmd_panic(const fs::path& dir) {
  const std::uint64_t bytes = directory_bytes(dir);
  const auto start = Clock::now();
  check(st::Vault::panic(dir), "panic");
  print("panic_seconds", seconds_since(start));
  print("vault_bytes", bytes);
  return 0;
}

std::size_t parse_count(const char* text) {
  char* end = nullptr;
  const unsigned long long n = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0' || n == 0 || n > 10'000'000ULL) die("COUNT must be 1..10000000");
  return static_cast<std::size_t>(n);
}

int usage() {
  std::fputs(
      "usage: vault_bench populate DIR COUNT DURABLE | open DIR RUNS | search DIR |\n"
      "       attach DIR FILE | export DIR ID SHA OUT | panic DIR | purge DIR ID |\n"
      "       search-sql DIR SQL\n",
      stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  const std::string_view cmd = args[0];
  if (cmd == "populate" && args.size() == 4)
    return cmd_populate(argv[2], parse_count(argv[3]), parse_count(argv[4]));
  if (cmd == "open" && args.size() == 3) return cmd_open(argv[2], parse_count(argv[3]));
  if (cmd == "search" && args.size() == 2) return cmd_search(argv[2]);
  if (cmd == "attach" && args.size() == 3) return cmd_attach(argv[2], argv[3]);
  if (cmd == "export" && args.size() == 5) return cmd_export(argv[2], argv[3], argv[4], argv[5]);
  if (cmd == "search-sql" && args.size() == 3) return cmd_search_sql(argv[2], argv[3]);
  if (cmd == "panic" && args.size() == 2) return cmd_panic(argv[2]);
  if (cmd == "purge" && args.size() == 3) return cmd_purge(argv[2], argv[3]);
  return usage();
}
