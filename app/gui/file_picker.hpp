#pragma once
// A file and folder chooser that remembers nothing. Qt's own QFileDialog
// (native or not) writes the visited folders and its history to
// ~/.config/QtProject.conf when it is destroyed (QFileDialogPrivate::
// saveSettings), which would leave a trail of where testimony came from; this
// dialog is a QFileSystemModel in a tree view and keeps no state at all.
#include <QDialog>
#include <QString>

class QFileSystemModel;
class QLineEdit;
class QTreeView;
class QPushButton;

namespace fieldseal::gui {

class FilePicker : public QDialog {
  Q_OBJECT
 public:
  enum class Mode { open_file, choose_folder };
  FilePicker(Mode mode, const QString& title, const QString& start, QWidget* parent = nullptr);

  [[nodiscard]] QString selected_path() const;

  // Modal helpers; empty when cancelled.
  [[nodiscard]] static QString open_file(QWidget* parent, const QString& title,
                                         const QString& start = {});
  [[nodiscard]] static QString choose_folder(QWidget* parent, const QString& title,
                                             const QString& start = {});

 private:
  void on_current(const QString& path);
  void on_accept();

  Mode mode_;
  QFileSystemModel* model_;
  QTreeView* view_;
  QLineEdit* path_;
};

}  // namespace fieldseal::gui
