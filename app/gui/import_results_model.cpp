#include "import_results_model.hpp"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QStringList>

#include "common.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "transport_messages.hpp"

namespace fieldseal::gui {

namespace {

QColor status_colour(transport::ImportStatus status) {
  using S = transport::ImportStatus;
  switch (status) {
    case S::imported: return QColor(0x1b, 0x6e, 0x20);
    case S::duplicate: return QColor(0x55, 0x55, 0x55);
    case S::quarantined: return QColor(0x8a, 0x5a, 0x00);
    case S::rejected:
    case S::parts_missing: return QColor(0xb0, 0x00, 0x20);
  }
  return {};
}

QStringList file_names(const transport::BundleOutcome& outcome, bool full) {
  QStringList names;
  for (const auto& f : outcome.files) {
    const QString path = qs(f.string());
    names << (full ? path : QFileInfo(path).fileName());
  }
  return names;
}

}  // namespace

ImportResultsModel::ImportResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImportResultsModel::append(std::vector<Row> rows) {
  if (rows.empty()) return;
  const int first = rowCount();
  beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
  for (auto& r : rows) rows_.push_back(std::move(r));
  endInsertRows();
}

void ImportResultsModel::clear() {
  beginResetModel();
  rows_.clear();
  rows_.shrink_to_fit();
  endResetModel();
}

int ImportResultsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ImportResultsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : column_count;
}

QVariant ImportResultsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Row& r = rows_[static_cast<std::size_t>(index.row())];
  const transport::BundleOutcome& o = r.outcome;
  if (role == kStatusRole) return static_cast<int>(o.status);
  if (role == Qt::ForegroundRole && index.column() == col_status)
    return QBrush(status_colour(o.status));
  if (role == Qt::TextAlignmentRole && index.column() == col_reports)
    return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
  const bool tooltip = role == Qt::ToolTipRole;
  if (role != Qt::DisplayRole && !tooltip && role != Qt::AccessibleTextRole) return {};
  switch (index.column()) {
    case col_status: return status_text(o.status);
    case col_sender:
      if (!o.sender_name.empty()) return qs(o.sender_name);
      if (o.sender) {
        const QString key = key_text(*o.sender);
        return tooltip ? key : tr("Not a contact (key %1…)").arg(key.left(8));
      }
      return tr("Unknown");
    case col_reports:
      if (o.status == transport::ImportStatus::imported) return QString::number(o.reports);
      if (o.status == transport::ImportStatus::quarantined) return QString::number(r.held_reports);
      return QString();
    case col_files: return file_names(o, tooltip).join(tooltip ? QStringLiteral("\n") : QStringLiteral(", "));
    case col_details: return outcome_text(o);
    default: break;
  }
  return {};
}

QVariant ImportResultsModel::headerData(int section, Qt::Orientation orientation,
                                        int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case col_status: return tr("Status");
    case col_sender: return tr("Sender");
    case col_reports: return tr("Reports");
    case col_files: return tr("Files");
    case col_details: return tr("Details");
    default: break;
  }
  return {};
}

QString ImportResultsModel::status_text(transport::ImportStatus status) {
  using S = transport::ImportStatus;
  switch (status) {
    case S::imported: return tr("Imported");
    case S::duplicate: return tr("Duplicate");
    case S::quarantined: return tr("Quarantined");
    case S::rejected: return tr("Rejected");
    case S::parts_missing: return tr("Parts missing");
  }
  return tr("Rejected");
}

QString ImportResultsModel::outcome_text(const transport::BundleOutcome& o) {
  using S = transport::ImportStatus;
  switch (o.status) {
    case S::imported: {
      const int n = static_cast<int>(o.reports);
      QString text = o.attachments > 0
                         ? tr("%n new report(s); attachments: %1; the sender's bundle no. %2.", nullptr, n)
                               .arg(o.attachments)
                               .arg(o.sequence)
                         : tr("%n new report(s); the sender's bundle no. %1.", nullptr, n).arg(o.sequence);
      if (o.reports_already_held > 0)
        text += QLatin1Char(' ') +
                tr("%n report(s) were already held.", nullptr, static_cast<int>(o.reports_already_held));
      return text;
    }
    case S::duplicate:
      return o.quarantine_id ? tr("Already in quarantine; nothing changed.")
                             : tr("Imported before; nothing changed.");
    case S::quarantined:
      return tr("Signed correctly, but the sender is not a contact. Review it on the Quarantine page.");
    case S::rejected:
    case S::parts_missing:
      if (o.part_problem) return TransportMessages::part_problem(*o.part_problem);
      return TransportMessages::error(o.error.value_or(transport::Error::internal));
  }
  return {};
}

QString ImportResultsModel::gap_text(const transport::SequenceGap& gap) {
  const QString who = gap.sender_name.empty() ? key_text(gap.sender) : qs(gap.sender_name);
  if (gap.first == gap.last)
    return tr("Possibly lost: bundle %1 from %2 never arrived. Ask the sender to export again.")
        .arg(gap.first)
        .arg(who);
  return tr("Possibly lost: bundles %1 to %2 from %3 never arrived. Ask the sender to export again.")
      .arg(gap.first)
      .arg(gap.last)
      .arg(who);
}

QString ImportResultsModel::key_text(const crypto::Ed25519PublicKey& key) {
  return qs(crypto::base64_encode(key.bytes(), false));
}

}  // namespace fieldseal::gui
