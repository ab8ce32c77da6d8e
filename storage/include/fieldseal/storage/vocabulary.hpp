#pragma once
// The controlled vocabularies of a report, after the HURIDOCS Events Standard
// Formats: act types keyed by 14-digit HURIDOCS codes, person roles, date
// precision, consent flags, report status and delivery state. Every entry has
// a stable key (what the CLI, the database and the canonical JSON use) and
// English and Russian labels written by us.
//
// Codes the design brief does not fix and that we could not confirm from the
// HURIDOCS micro-thesauri are local codes beginning with "99"; they carry
// huridocs = false and are listed as such in vocabulary.cpp.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace fieldseal::storage {

inline constexpr std::size_t kHuridocsCodeLength = 14;

enum class Language { en, ru };

struct ActType {
  std::string_view code;      // 14 decimal digits
  std::string_view key;       // stable slug, e.g. "arrest"
  std::string_view label_en;
  std::string_view label_ru;
  bool huridocs;              // false: a fieldseal-local code (see above)
};

// Every act type, in display order.
[[nodiscard]] std::span<const ActType> act_types() noexcept;
// By 14-digit code or by key; nullptr when neither matches.
[[nodiscard]] const ActType* find_act_type(std::string_view code_or_key) noexcept;
[[nodiscard]] std::string_view label(const ActType& type, Language language) noexcept;

enum class PersonRole { victim, witness, source, perpetrator };
enum class DatePrecision { day, month, year, unknown };
enum class ConsentFlag { may_quote, must_anonymise, may_publish };
// draft → final (signed, immutable); purged: only a stub is left.
enum class ReportStatus { draft, final, purged };
// Of the report's current signed state (content and every amendment):
// none → exported (in a bundle) → delivered (a receipt from an HQ it was
// sealed to confirms that state). An amendment sets it back to none.
enum class DeliveryState { none, exported, delivered };

inline constexpr std::array kPersonRoles{PersonRole::victim, PersonRole::witness,
                                         PersonRole::source, PersonRole::perpetrator};
inline constexpr std::array kDatePrecisions{DatePrecision::day, DatePrecision::month,
                                            DatePrecision::year, DatePrecision::unknown};
inline constexpr std::array kConsentFlags{ConsentFlag::may_quote, ConsentFlag::must_anonymise,
                                          ConsentFlag::may_publish};
inline constexpr std::array kReportStatuses{ReportStatus::draft, ReportStatus::final,
                                            ReportStatus::purged};
inline constexpr std::array kDeliveryStates{DeliveryState::none, DeliveryState::exported,
                                            DeliveryState::delivered};

// Stable keys ("victim", "day", "may_quote", "final", "delivered", …).
[[nodiscard]] std::string_view key(PersonRole value) noexcept;
[[nodiscard]] std::string_view key(DatePrecision value) noexcept;
[[nodiscard]] std::string_view key(ConsentFlag value) noexcept;
[[nodiscard]] std::string_view key(ReportStatus value) noexcept;
[[nodiscard]] std::string_view key(DeliveryState value) noexcept;

[[nodiscard]] std::string_view label(PersonRole value, Language language) noexcept;
[[nodiscard]] std::string_view label(DatePrecision value, Language language) noexcept;
[[nodiscard]] std::string_view label(ConsentFlag value, Language language) noexcept;
[[nodiscard]] std::string_view label(ReportStatus value, Language language) noexcept;
[[nodiscard]] std::string_view label(DeliveryState value, Language language) noexcept;

// Inverse of key(); std::nullopt for anything else (exact, case-sensitive).
[[nodiscard]] std::optional<PersonRole> parse_person_role(std::string_view text) noexcept;
[[nodiscard]] std::optional<DatePrecision> parse_date_precision(std::string_view text) noexcept;
[[nodiscard]] std::optional<ConsentFlag> parse_consent_flag(std::string_view text) noexcept;
[[nodiscard]] std::optional<ReportStatus> parse_report_status(std::string_view text) noexcept;
[[nodiscard]] std::optional<DeliveryState> parse_delivery_state(std::string_view text) noexcept;

}  // namespace fieldseal::storage
