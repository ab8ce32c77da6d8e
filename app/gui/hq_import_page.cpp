#include "hq_import_page.hpp"

namespace fieldseal::gui {

HqImportPage::HqImportPage(VaultSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {}

void HqImportPage::import_paths(const QStringList&) {}
void HqImportPage::clear() {}

}  // namespace fieldseal::gui
