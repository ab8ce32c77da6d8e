#include "report_list_model.hpp"

#include "common.hpp"
#include "fieldseal/storage/search.hpp"
#include "fieldseal/storage/vocabulary.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

using Page = storage::Result<std::vector<storage::ReportSummary>>;

storage::ReportSummary summary_of(const storage::Report& report) {
  storage::ReportSummary s;
  s.id = report.id;
  s.status = report.status;
  s.title = report.content.title;
  s.start = report.content.start;
  s.region = report.content.location.region;
  for (const auto& act : report.content.acts) s.act_types.push_back(act.type_code);
  s.created_at = report.created_at;
  s.updated_at = report.updated_at;
  s.delivery = report.delivery;
  return s;
}

// One page of full-text hits, with each hit's summary (the search API
// returns ids and titles only).
Page search_page(storage::Vault& vault, const std::string& text, std::int64_t offset) {
  storage::SearchOptions options;
  options.limit = ReportListModel::kPageSize;
  options.offset = offset;
  auto hits = storage::search_reports(vault.database(), text, options);
  if (!hits.ok()) return fail(hits.error());
  std::vector<storage::ReportSummary> page;
  page.reserve(hits->size());
  for (const auto& hit : *hits) {
    auto report = storage::get_report(vault.database(), hit.id);
    if (!report.ok()) return fail(report.error());
    page.push_back(summary_of(*report));
  }
  return page;
}

}  // namespace

ReportListModel::ReportListModel(VaultSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {}

void ReportListModel::set_query(ListQuery query) {
  beginResetModel();
  query_ = std::move(query);
  rows_.clear();
  ++query_generation_;
  pending_ = false;
  at_end_ = false;
  endResetModel();
  fetchMore({});
}

void ReportListModel::clear() {
  beginResetModel();
  rows_.clear();
  query_ = {};
  ++query_generation_;
  pending_ = false;
  at_end_ = true;
  endResetModel();
}

QString ReportListModel::report_id(int row) const {
  if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return {};
  return qs(rows_[static_cast<std::size_t>(row)].id);
}

int ReportListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ReportListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : column_count;
}

QVariant ReportListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || static_cast<std::size_t>(index.row()) >= rows_.size()) return {};
  const auto& r = rows_[static_cast<std::size_t>(index.row())];
  if (role == Qt::UserRole) return qs(r.id);
  if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
  const auto lang = ui_language();
  switch (index.column()) {
    case title: return qs(r.title);
    case status: return qs(storage::label(r.status, lang));
    case incident: return qs(r.start.value);
    case region: return qs(r.region);
    case acts: {
      QStringList names;
      for (const auto& code : r.act_types)
        if (const auto* type = storage::find_act_type(code))
          names << qs(storage::label(*type, lang));
      names.removeDuplicates();
      return names.join(QStringLiteral(", "));
    }
    case created: return qs(r.created_at).replace(u'T', u' ').remove(u'Z');
    case delivery: return qs(storage::label(r.delivery, lang));
    default: return {};
  }
}

QVariant ReportListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case title: return tr("Title");
    case status: return tr("Status");
    case incident: return tr("Incident date");
    case region: return tr("Region");
    case acts: return tr("Acts");
    case created: return tr("Created (UTC)");
    case delivery: return tr("Delivery");
    default: return {};
  }
}

bool ReportListModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && !at_end_ && !pending_ && session_->is_open();
}

void ReportListModel::fetchMore(const QModelIndex& parent) {
  if (!canFetchMore(parent)) return;
  pending_ = true;
  const auto generation = query_generation_;
  const auto offset = static_cast<std::int64_t>(rows_.size());
  const ListQuery query = query_;
  session_->run<Page>(
      this,
      [query, offset](storage::Vault* vault) -> Page {
        if (!vault) return fail(storage::Error::vault_not_found);
        if (!query.search.trimmed().isEmpty())
          return search_page(*vault, utf8(query.search.trimmed()), offset);
        storage::ReportFilter filter;
        filter.status = query.status;
        filter.act_type = query.act_type;
        filter.date_from = query.date_from;
        filter.date_to = query.date_to;
        filter.limit = ReportListModel::kPageSize;
        filter.offset = offset;
        return storage::list_reports(vault->database(), filter);
      },
      [this, generation](Page page) {
        if (generation != query_generation_) return;
        pending_ = false;
        if (!page.ok()) {
          at_end_ = true;
          emit load_failed(Messages::error(page.error()));
          emit page_loaded();
          return;
        }
        auto& items = *page;
        if (static_cast<std::int64_t>(items.size()) < kPageSize) at_end_ = true;
        if (!items.empty()) {
          const int first = static_cast<int>(rows_.size());
          beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
          for (auto& item : items) rows_.push_back(std::move(item));
          endInsertRows();
        }
        emit page_loaded();
      });
}

}  // namespace fieldseal::gui
