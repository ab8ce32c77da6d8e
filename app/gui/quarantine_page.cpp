#include "quarantine_page.hpp"

namespace fieldseal::gui {

QuarantinePage::QuarantinePage(VaultSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {}

void QuarantinePage::reload() {}
void QuarantinePage::clear() {}

}  // namespace fieldseal::gui
