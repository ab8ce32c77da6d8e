#include "fieldseal/storage/vocabulary.hpp"

#include <algorithm>

namespace fieldseal::storage {
namespace {

// Codes with huridocs = true are the ones the design brief fixes from the
// HURIDOCS "Types of Acts" micro-thesaurus (2001). For threats, surveillance,
// banned assembly, censorship, denial of legal assistance and detention
// conditions we could not confirm an official 14-digit code, so these are
// fieldseal-local codes in a "99" block that HURIDOCS does not use; "other"
// is HURIDOCS' own 90000000000004.
constexpr std::array<ActType, 13> kActTypes{{
    {"03010100000004", "arrest", "Arrest", "Задержание (арест)", true},
    {"03010200000004", "detention", "Detention", "Содержание под стражей", true},
    {"03010300000004", "disappearance", "Enforced disappearance", "Насильственное исчезновение",
     true},
    {"02011111000004", "torture", "Torture", "Пытки", true},
    {"02010100000004", "physical_assault", "Physical assault", "Избиение, физическое насилие",
     true},
    {"99010000000001", "threats", "Threats", "Угрозы", false},
    {"99010000000002", "surveillance", "Surveillance", "Слежка", false},
    {"04010100000004", "illegal_search", "Illegal search or raid", "Незаконный обыск",
     true},
    {"99010000000003", "banned_assembly", "Ban or dispersal of an assembly",
     "Запрет или разгон собрания", false},
    {"99010000000004", "censorship", "Censorship", "Цензура", false},
    {"99010000000005", "denial_of_legal_assistance", "Denial of legal assistance",
     "Отказ в юридической помощи", false},
    {"99010000000006", "detention_conditions", "Inhumane detention conditions",
     "Бесчеловечные условия содержания", false},
    {"90000000000004", "other", "Other", "Другое", true},
}};

template <class E>
struct Entry {
  E value;
  std::string_view key;
  std::string_view en;
  std::string_view ru;
};

constexpr std::array<Entry<PersonRole>, 4> kRoles{{
    {PersonRole::victim, "victim", "Victim", "Пострадавший"},
    {PersonRole::witness, "witness", "Witness", "Свидетель"},
    {PersonRole::source, "source", "Source", "Источник"},
    {PersonRole::perpetrator, "perpetrator", "Perpetrator", "Нарушитель"},
}};
constexpr std::array<Entry<DatePrecision>, 4> kPrecisions{{
    {DatePrecision::day, "day", "Exact day", "Точная дата"},
    {DatePrecision::month, "month", "Month only", "Только месяц"},
    {DatePrecision::year, "year", "Year only", "Только год"},
    {DatePrecision::unknown, "unknown", "Unknown", "Неизвестно"},
}};
constexpr std::array<Entry<ConsentFlag>, 3> kConsent{{
    {ConsentFlag::may_quote, "may_quote", "May be quoted", "Можно цитировать"},
    {ConsentFlag::must_anonymise, "must_anonymise", "Must be anonymised",
     "Только анонимно"},
    {ConsentFlag::may_publish, "may_publish", "May be published", "Можно публиковать"},
}};
constexpr std::array<Entry<ReportStatus>, 3> kStatuses{{
    {ReportStatus::draft, "draft", "Draft", "Черновик"},
    {ReportStatus::final, "final", "Final (signed)", "Окончательный (подписан)"},
    {ReportStatus::purged, "purged", "Purged", "Удалён"},
}};
constexpr std::array<Entry<DeliveryState>, 3> kDelivery{{
    {DeliveryState::none, "none", "Not sent", "Не отправлен"},
    {DeliveryState::exported, "exported", "Exported in a bundle", "Выгружен в пакет"},
    {DeliveryState::delivered, "delivered", "Delivered (receipt received)",
     "Доставлен (получена квитанция)"},
}};

template <class E, std::size_t N>
const Entry<E>& entry(const std::array<Entry<E>, N>& table, E value) noexcept {
  for (const auto& e : table) {
    if (e.value == value) return e;
  }
  return table.back();
}

template <class E, std::size_t N>
std::optional<E> parse(const std::array<Entry<E>, N>& table, std::string_view text) noexcept {
  for (const auto& e : table) {
    if (e.key == text) return e.value;
  }
  return std::nullopt;
}

template <class E>
std::string_view pick(const Entry<E>& e, Language language) noexcept {
  return language == Language::ru ? e.ru : e.en;
}

}  // namespace

std::span<const ActType> act_types() noexcept { return kActTypes; }

const ActType* find_act_type(std::string_view code_or_key) noexcept {
  const auto* it = std::find_if(kActTypes.begin(), kActTypes.end(), [&](const ActType& t) {
    return t.code == code_or_key || t.key == code_or_key;
  });
  return it == kActTypes.end() ? nullptr : &*it;
}

std::string_view label(const ActType& type, Language language) noexcept {
  return language == Language::ru ? type.label_ru : type.label_en;
}

std::string_view key(PersonRole value) noexcept { return entry(kRoles, value).key; }
std::string_view key(DatePrecision value) noexcept { return entry(kPrecisions, value).key; }
std::string_view key(ConsentFlag value) noexcept { return entry(kConsent, value).key; }
std::string_view key(ReportStatus value) noexcept { return entry(kStatuses, value).key; }
std::string_view key(DeliveryState value) noexcept { return entry(kDelivery, value).key; }

std::string_view label(PersonRole value, Language language) noexcept {
  return pick(entry(kRoles, value), language);
}
std::string_view label(DatePrecision value, Language language) noexcept {
  return pick(entry(kPrecisions, value), language);
}
std::string_view label(ConsentFlag value, Language language) noexcept {
  return pick(entry(kConsent, value), language);
}
std::string_view label(ReportStatus value, Language language) noexcept {
  return pick(entry(kStatuses, value), language);
}
std::string_view label(DeliveryState value, Language language) noexcept {
  return pick(entry(kDelivery, value), language);
}

std::optional<PersonRole> parse_person_role(std::string_view text) noexcept {
  return parse(kRoles, text);
}
std::optional<DatePrecision> parse_date_precision(std::string_view text) noexcept {
  return parse(kPrecisions, text);
}
std::optional<ConsentFlag> parse_consent_flag(std::string_view text) noexcept {
  return parse(kConsent, text);
}
std::optional<ReportStatus> parse_report_status(std::string_view text) noexcept {
  return parse(kStatuses, text);
}
std::optional<DeliveryState> parse_delivery_state(std::string_view text) noexcept {
  return parse(kDelivery, text);
}

}  // namespace fieldseal::storage
