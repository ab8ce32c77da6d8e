#include "report_list_model.hpp"

#include "common.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/storage/search.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/storage/vocabulary.hpp"
#include "vault_session.hpp"

namespace fieldseal::gui {

namespace {

struct PageData {
  std::vector<storage::ReportSummary> rows;
  std::vector<std::optional<storage::ReportSender>> origins;
};
using Page = storage::Result<PageData>;

QString sender_text(const storage::ReportSender& origin) {
  if (!origin.sender_name.empty()) return qs(origin.sender_name);
  return qs(crypto::base64_encode(origin.origin.sender, false));
}

QString utc_text(const std::string& iso) {
  return qs(iso).replace(u'T', u' ').remove(u'Z');
}

}  // namespace

ReportListModel::ReportListModel(VaultSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {}

void ReportListModel::set_query(ListQuery query) {
  beginResetModel();
  query_ = std::move(query);
  rows_.clear();
  origins_.clear();
  ++query_generation_;
  pending_ = false;
  at_end_ = false;
  endResetModel();
  fetchMore({});
}

void ReportListModel::clear() {
  beginResetModel();
  rows_.clear();
  origins_.clear();
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

std::optional<storage::ReportSender> ReportListModel::origin(int row) const {
  if (row < 0 || static_cast<std::size_t>(row) >= origins_.size()) return std::nullopt;
  return origins_[static_cast<std::size_t>(row)];
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
  const auto& from = origins_[static_cast<std::size_t>(index.row())];
  if (role == Qt::UserRole) return qs(r.id);
  if (role == Qt::ToolTipRole && from && (index.column() == sender || index.column() == verified))
    return tr("Sent by %1 (signing key %2); received %3 UTC; signatures and custody chain "
              "verified %4 UTC")
        .arg(sender_text(*from), qs(crypto::base64_encode(from->origin.sender, false)),
             utc_text(from->origin.received_at), utc_text(from->origin.verified_at));
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
    case created: return utc_text(r.created_at);
    case delivery: return qs(storage::label(r.delivery, lang));
    case sender: return from ? sender_text(*from) : tr("this vault");
    case verified: return from ? utc_text(from->origin.verified_at) : QString();
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
    case sender: return tr("From");
    case verified: return tr("Verified (UTC)");
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
        storage::ReportFilter filter;
        filter.status = query.status;
        filter.act_type = query.act_type;
        filter.date_from = query.date_from;
        filter.date_to = query.date_to;
        filter.limit = ReportListModel::kPageSize;
        filter.offset = offset;
        const QString text = query.search.trimmed();
        auto rows = text.isEmpty()
                        ? storage::list_reports(vault->database(), filter)
                        : storage::search_report_summaries(vault->database(), utf8(text), filter);
        if (!rows.ok()) return fail(rows.error());
        PageData data;
        data.rows = std::move(*rows);
        if (vault->role() == storage::Role::hq) {
          std::vector<std::string> ids;
          ids.reserve(data.rows.size());
          for (const auto& row : data.rows) ids.push_back(row.id);
          auto origins = storage::report_senders(vault->database(), ids);
          if (!origins.ok()) return fail(origins.error());
          data.origins = std::move(*origins);
        } else {
          data.origins.resize(data.rows.size());
        }
        return data;
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
        auto& items = page->rows;
        if (static_cast<std::int64_t>(items.size()) < kPageSize) at_end_ = true;
        if (!items.empty()) {
          const int first = static_cast<int>(rows_.size());
          beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
          for (auto& item : items) rows_.push_back(std::move(item));
          for (auto& from : page->origins) origins_.push_back(std::move(from));
          endInsertRows();
        }
        emit page_loaded();
      });
}

}  // namespace fieldseal::gui
