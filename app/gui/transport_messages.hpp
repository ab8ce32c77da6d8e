#pragma once
// Translated sentences for fieldseal::transport's errors and split-part
// problems. transport::message() and PartProblem's describe() are English
// only; the GUI builds its own sentence from the enum (and the part number)
// so that a Russian user never reads the core's English.
#include <QCoreApplication>
#include <QString>
#include <optional>

#include "fieldseal/storage/error.hpp"
#include "fieldseal/transport/error.hpp"
#include "fieldseal/transport/parts.hpp"

namespace fieldseal::gui {

class TransportMessages {
  Q_DECLARE_TR_FUNCTIONS(TransportMessages)
 public:
  // One sentence for `error`. For Error::vault_failed, `storage_detail` (the
  // worker thread's transport::last_storage_error(), captured there: it is
  // thread-local) makes the sentence precise when present.
  [[nodiscard]] static QString error(transport::Error error,
                                     std::optional<storage::Error> storage_detail = std::nullopt);
  // "Part 3 of 5 is missing." (or the error's sentence when no single part
  // is to blame).
  [[nodiscard]] static QString part_problem(const transport::PartProblem& problem);
};

}  // namespace fieldseal::gui
