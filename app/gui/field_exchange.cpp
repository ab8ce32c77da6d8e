#include "field_exchange.hpp"

#include <QWidget>

namespace fieldseal::gui {

FieldExchange::FieldExchange(VaultSession* session, QWidget* parent_widget)
    : QObject(parent_widget), session_(session), parent_widget_(parent_widget) {}

void FieldExchange::export_reports(const QStringList&) {}
void FieldExchange::import_receipts() {}
void FieldExchange::purge_delivered() {}
void FieldExchange::close_dialogs() {}

}  // namespace fieldseal::gui
