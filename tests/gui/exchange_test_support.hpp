#pragma once
// Helpers shared by gui.exchange and gui.e2e (header-only).
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QTest>
#include <functional>
#include <optional>
#include <utility>

#include "vault_session.hpp"

namespace fieldseal::gui::test {

inline constexpr int kExchangeWaitMs = 60000;  // generous: Argon2id and sealing on a loaded machine

// Runs `work` on the session's worker and waits for its result (R{} if it
// never came).
template <class R>
R on_worker(VaultSession& session, std::function<R(storage::Vault*)> work) {
  std::optional<R> result;
  QObject context;
  session.run<R>(&context, std::move(work), [&result](R r) { result = std::move(r); });
  if (!QTest::qWaitFor([&result] { return result.has_value(); }, kExchangeWaitMs)) return R{};
  return std::move(*result);
}

// The English text as it reads once lupdate has given "%n thing(s)" its
// plural forms ("1 report(s)" → "1 report", "2 report(s)" → "2 reports"),
// so that assertions hold before and after the .ts files are regenerated.
inline QString plain_english(QString text) {
  static const QRegularExpression one(QStringLiteral("\\b1 ([^ (]+)\\(s\\)"));
  text.replace(one, QStringLiteral("1 \\1"));
  return text.replace(QStringLiteral("(s)"), QStringLiteral("s"));
}

}  // namespace fieldseal::gui::test
