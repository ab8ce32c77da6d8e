#pragma once
// The results table of HQ's bundle import: one row per bundle, in the order
// the imports ran. A row keeps the core's BundleOutcome (no content: file
// paths, ids, counts, the error enum) and every text is built from its fields
// with tr() when shown, so the table follows a language switch and never
// shows transport's English (BundleOutcome::describe).
#include <QAbstractTableModel>
#include <QString>
#include <cstddef>
#include <span>
#include <vector>

#include "fieldseal/transport/exchange.hpp"

namespace fieldseal::gui {

class ImportResultsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { col_status, col_sender, col_reports, col_files, col_details, column_count };
  // Qt::UserRole on any column: the row's transport::ImportStatus as int.
  static constexpr int kStatusRole = Qt::UserRole;

  struct Row {
    transport::BundleOutcome outcome;
    // Quarantined rows: the reports the held bundle carries (from
    // quarantine_list); the outcome counts only reports imported.
    std::size_t held_reports = 0;
  };

  explicit ImportResultsModel(QObject* parent = nullptr);

  void append(std::vector<Row> rows);
  void clear();
  [[nodiscard]] const Row& row(int index) const { return rows_.at(static_cast<std::size_t>(index)); }

  [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
  [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
  [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                    int role) const override;

  // "Imported", "Duplicate", "Quarantined", "Rejected", "Parts missing".
  [[nodiscard]] static QString status_text(transport::ImportStatus status);
  // The translated sentence for an outcome (what the Details column shows).
  [[nodiscard]] static QString outcome_text(const transport::BundleOutcome& outcome);
  // "Possibly lost: bundles 3 to 4 from NAME never arrived; ask … to export again."
  [[nodiscard]] static QString gap_text(const transport::SequenceGap& gap);
  // A signing key as the CLI and cards show it (unpadded base64).
  [[nodiscard]] static QString key_text(const crypto::Ed25519PublicKey& key);

 private:
  std::vector<Row> rows_;
};

}  // namespace fieldseal::gui
