#include "dashboard_page.hpp"

namespace fieldseal::gui {

DashboardPage::DashboardPage(VaultSession* session, QWidget* parent)
    : QWidget(parent), session_(session) {}

void DashboardPage::reload() {}
void DashboardPage::clear() {}
void DashboardPage::create_receipt() {}

}  // namespace fieldseal::gui
