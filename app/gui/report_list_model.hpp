#pragma once
// The report list as a table model that loads lazily: canFetchMore/fetchMore
// ask the session for the next page (storage::list_reports with limit and
// offset, or storage::search_report_summaries for a full-text query with the
// same filters), so a vault of
// 100,000 reports shows its first page at once and the rest as the view
// scrolls. A new query or a lock drops every row; pages of an older query
// that arrive late are ignored.
//
// On an HQ vault every page also carries each report's origin
// (storage::report_senders: the sender's contact name, when the report was
// received and when its signatures and custody chain were verified on
// import); the sender and verified columns show it, empty for reports made
// in the vault itself.
#include <QAbstractTableModel>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "fieldseal/storage/report_origin.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::gui {

class VaultSession;

struct ListQuery {
  std::optional<storage::ReportStatus> status;  // none: drafts and finals
  std::optional<std::string> act_type;          // code
  std::optional<std::string> date_from;         // partial dates
  std::optional<std::string> date_to;
  QString search;  // non-empty: full-text search, combined with the filters above
};

class ReportListModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    title,
    status,
    incident,
    region,
    acts,
    created,
    delivery,
    sender,    // HQ: who sent an imported report
    verified,  // HQ: when its signatures and custody chain were verified
    column_count
  };
  static constexpr std::int64_t kPageSize = 200;

  explicit ReportListModel(VaultSession* session, QObject* parent = nullptr);

  void set_query(ListQuery query);
  void reload() { set_query(query_); }
  // Drops every row (on lock).
  void clear();

  [[nodiscard]] QString report_id(int row) const;
  // Where the report of `row` came from; nullopt for a report made in this
  // vault (always on a field vault) or an invalid row.
  [[nodiscard]] std::optional<storage::ReportSender> origin(int row) const;
  [[nodiscard]] bool loading() const { return pending_; }
  [[nodiscard]] bool at_end() const { return at_end_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

 signals:
  void page_loaded();
  void load_failed(const QString& message);

 private:
  VaultSession* session_;
  ListQuery query_;
  std::vector<storage::ReportSummary> rows_;
  std::vector<std::optional<storage::ReportSender>> origins_;  // parallel to rows_
  quint64 query_generation_ = 0;
  bool pending_ = false;
  bool at_end_ = true;
};

}  // namespace fieldseal::gui
