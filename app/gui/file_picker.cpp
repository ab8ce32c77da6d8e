#include "file_picker.hpp"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace fieldseal::gui {

FilePicker::FilePicker(Mode mode, const QString& title, const QString& start, QWidget* parent)
    : QDialog(parent), mode_(mode), model_(new QFileSystemModel(this)), view_(new QTreeView),
      path_(new QLineEdit) {
  setWindowTitle(title);
  model_->setRootPath(QDir::rootPath());
  model_->setFilter(mode == Mode::choose_folder ? QDir::AllDirs | QDir::NoDotAndDotDot
                                                : QDir::AllEntries | QDir::NoDotAndDotDot);
  view_->setModel(model_);
  view_->setAccessibleName(tr("Files and folders"));
  view_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  view_->setColumnHidden(2, true);
  const QString begin = start.isEmpty() ? QDir::homePath() : start;
  const QModelIndex index = model_->index(begin);
  view_->setCurrentIndex(index);
  view_->scrollTo(index);
  view_->expand(index);

  auto* path_label = new QLabel(tr("&Path:"));
  path_label->setBuddy(path_);
  path_->setAccessibleName(tr("Path"));
  path_->setText(begin);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("&Choose"));
  buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
  connect(buttons, &QDialogButtonBox::accepted, this, &FilePicker::on_accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          [this](const QModelIndex& current) { on_current(model_->filePath(current)); });
  connect(view_, &QTreeView::activated, this, [this](const QModelIndex& i) {
    if (!model_->isDir(i) || mode_ == Mode::choose_folder) on_accept();
  });

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(view_, 1);
  layout->addWidget(path_label);
  layout->addWidget(path_);
  layout->addWidget(buttons);
  resize(720, 480);
}

void FilePicker::on_current(const QString& path) { path_->setText(path); }

void FilePicker::on_accept() {
  const QFileInfo info(path_->text());
  if (mode_ == Mode::open_file && (!info.exists() || info.isDir())) return;
  if (mode_ == Mode::choose_folder && info.exists() && !info.isDir()) return;
  accept();
}

QString FilePicker::selected_path() const { return QDir::cleanPath(path_->text()); }

QString FilePicker::open_file(QWidget* parent, const QString& title, const QString& start) {
  FilePicker picker(Mode::open_file, title, start, parent);
  return picker.exec() == QDialog::Accepted ? picker.selected_path() : QString();
}

QString FilePicker::choose_folder(QWidget* parent, const QString& title, const QString& start) {
  FilePicker picker(Mode::choose_folder, title, start, parent);
  return picker.exec() == QDialog::Accepted ? picker.selected_path() : QString();
}

}  // namespace fieldseal::gui
