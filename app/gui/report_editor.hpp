#pragma once
// The report editor: the HURIDOCS-based form (incident with dates at their
// precision and location; acts typed from the core's vocabulary with labels
// in the UI language; persons with roles and their sensitive details;
// sources with consent; tags), the narrative, attachments (added from disk
// on the worker thread; images previewed from bytes read out of the vault
// and decoded in memory only), the custody log, and the actions save draft,
// finalize and purge. A final or purged report is shown read-only.
#include <QImage>
#include <QWidget>
#include <functional>
#include <optional>

#include "fieldseal/storage/report_origin.hpp"
#include "fieldseal/storage/reports.hpp"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace fieldseal::storage {
class Vault;
}

namespace fieldseal::gui {

class VaultSession;

// A date entry that accepts "YYYY-MM-DD", "YYYY-MM", "YYYY" or nothing and
// shows the precision the core reads from it.
class PartialDateEdit : public QWidget {
  Q_OBJECT
 public:
  explicit PartialDateEdit(const QString& accessible_name, QWidget* parent = nullptr);
  [[nodiscard]] storage::Result<storage::PartialDate> value() const;
  void set_value(const storage::PartialDate& date);
  void set_read_only(bool read_only);
  QLineEdit* edit;

 private:
  void update_precision();
  QLabel* precision_;
};

class ReportEditor : public QWidget {
  Q_OBJECT
 public:
  explicit ReportEditor(VaultSession* session, QWidget* parent = nullptr);

  void open_new();
  void open_report(const QString& id);
  // Empties every field and forgets the report (on lock).
  void clear();

  // Saves the form (create or update); then `then` on success.
  void save(std::function<void()> then = {});
  void finalize();
  void purge();
  void add_attachment(const QString& path);
  // Asks (warning first for an imported report), then saves the selected
  // attachment into a folder chosen with FilePicker.
  void save_attachment();
  // Saves attachment `row` as `folder`/<its name> (a name that would hide
  // the file or is empty becomes "attachment"); the message says where, or
  // why not.
  void save_attachment_to(int row, const QString& folder);
  // The warning shown before saving an attachment of an imported report.
  [[nodiscard]] static QString outside_file_warning();
  // A signed correction of a final report (the button asks for the text).
  void add_amendment(const QString& text);

  [[nodiscard]] const QString& report_id() const { return id_; }
  [[nodiscard]] std::optional<storage::ReportStatus> status() const { return status_; }
  // A new report or a draft: the form can be changed.
  [[nodiscard]] bool editable() const {
    return !origin_ && (!status_ || *status_ == storage::ReportStatus::draft);
  }
  [[nodiscard]] bool busy() const { return busy_ > 0; }
  [[nodiscard]] const QImage& preview_image() const { return preview_image_; }
  // Where the open report came from; nullopt for one made in this vault.
  [[nodiscard]] const std::optional<storage::ReportSender>& origin() const { return origin_; }

  // The form as a draft; an error text naming the field otherwise.
  [[nodiscard]] std::variant<storage::ReportDraft, QString> draft_from_form() const;

  QTabWidget* tabs;
  QLabel* header;
  QLineEdit* title_edit;
  PartialDateEdit* start_edit;
  PartialDateEdit* end_edit;
  QLineEdit* place_edit;
  QLineEdit* region_edit;
  QLineEdit* coordinates_edit;
  QLineEdit* tags_edit;
  QPlainTextEdit* narrative_edit;
  QPlainTextEdit* amendments_view;
  QTableWidget* acts_table;
  QTableWidget* persons_table;
  QTableWidget* sources_table;
  QListWidget* attachments_list;
  QLabel* preview;
  QTableWidget* custody_table;
  QPushButton* save_button;
  QPushButton* finalize_button;
  QPushButton* purge_button;
  QPushButton* amend_button;
  QPushButton* back_button;
  QPushButton* add_attachment_button;
  QPushButton* save_attachment_button;
  QLabel* origin_label;  // HQ: sender and verification; hidden otherwise
  QLabel* message;

  void add_act_row(const storage::Act& act = {});
  void add_person_row(const storage::Person& person = {});
  void add_source_row(const storage::Source& source = {});

 signals:
  void changed_in_vault();  // saved, finalized or purged: the list reloads
  void close_requested();

 private:
  void load(const storage::Report& report, std::optional<storage::ReportSender> origin);
  void reload();
  void load_custody();
  void show_preview(int row);
  void set_editable(bool editable);
  void begin_busy(const QString& text);
  void end_busy();
  void ask_amendment();
  template <class R>
  void run_action(const QString& busy_text, std::function<R(storage::Vault&)> work);

  VaultSession* session_;
  QString id_;
  std::optional<storage::ReportStatus> status_;
  std::vector<storage::AttachmentInfo> attachments_;
  std::optional<storage::ReportSender> origin_;
  QImage preview_image_;
  int busy_ = 0;
  bool filling_ = false;  // clear()/load() switch tabs without moving focus
  QList<QWidget*> edit_buttons_;
};

}  // namespace fieldseal::gui
