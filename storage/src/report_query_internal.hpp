#pragma once
// The report-list query pieces shared by list_reports (reports.cpp) and
// search_report_summaries (search.cpp), so both filter and return rows
// alike (not installed).
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::storage::detail {

// The select list read_summary expects, over `reports r`.
inline constexpr std::string_view kSummaryColumns =
    "r.id, r.status, r.title, r.start_date, r.start_precision, r.region, r.created_at, "
    "r.updated_at, r.delivery, (SELECT group_concat(type_code, ',') FROM (SELECT type_code "
    "FROM report_acts a WHERE a.report_num = r.num ORDER BY a.position))";

// A ReportFilter's status, act type, dates and region as SQL conditions on
// `reports r`, with numbered parameters ?first_param… bound to `values` in
// order. Limit, offset and order are the caller's. unknown_act_type,
// invalid_argument (a date that is not a known partial date).
struct FilterClause {
  std::string sql;
  std::vector<std::string> values;
};
[[nodiscard]] Result<FilterClause> filter_clause(const ReportFilter& filter, int first_param);
void bind_filter(Statement& statement, const FilterClause& clause, int first_param);

// One row of kSummaryColumns (columns 0..9). database_damaged for stored
// values outside their vocabularies.
[[nodiscard]] Result<ReportSummary> read_summary(const Statement& statement);

}  // namespace fieldseal::storage::detail
