#include "vault_session.hpp"

#include <QSemaphore>

#include "fieldseal/storage/contacts.hpp"

namespace fieldseal::gui {

void VaultSession::close_vault(State& state) noexcept {
  if (state.vault) {
    state.vault->lock();
    state.vault.reset();
  }
}

VaultSession::VaultSession(QObject* parent) : QObject(parent), worker_(new QObject) {
  thread_.setObjectName(QStringLiteral("vault-worker"));
  worker_->moveToThread(&thread_);
  thread_.start();
}

VaultSession::~VaultSession() {
  ++generation_;
  // Blocking: the keys are wiped on the worker before the thread stops
  // (quit() would not wait for events still queued).
  auto state = state_;
  QMetaObject::invokeMethod(worker_, [state]() { close_vault(*state); },
                            Qt::BlockingQueuedConnection);
  thread_.quit();
  thread_.wait();
  delete worker_;
}

void VaultSession::post_close() {
  auto state = state_;
  QMetaObject::invokeMethod(worker_, [state]() { close_vault(*state); }, Qt::QueuedConnection);
}

void VaultSession::create(CreateRequest request, QObject* context,
                          std::function<void(std::optional<storage::Error>)> done) {
  const auto params = params_;
  auto req = std::make_shared<CreateRequest>(std::move(request));
  auto state = state_;
  run<std::optional<storage::Error>>(
      context,
      [req, params, state](storage::Vault*) -> std::optional<storage::Error> {
        auto vault = storage::Vault::create(req->directory, req->role, req->name,
                                            *req->passphrase, params);
        req->passphrase->wipe();
        if (!vault.ok()) return vault.error();
        if (req->duress && !req->duress->empty()) {
          auto duress = vault->set_duress(*req->duress);
          req->duress->wipe();
          if (!duress.ok()) return duress.error();
        }
        if (!req->hq_card.empty()) {
          auto contact = storage::add_contact(vault->database(), req->hq_card);
          if (!contact.ok()) return contact.error();
        }
        state->vault.emplace(std::move(vault).value());
        return std::nullopt;
      },
      [this, dir = req->directory, role = req->role,
       done = std::move(done)](std::optional<storage::Error> error) {
        if (!error) {
          directory_ = dir;
          role_ = role;
          open_ = true;
          emit unlocked();
        }
        done(error);
      });
}

void VaultSession::unlock(const std::filesystem::path& directory,
                          std::shared_ptr<crypto::SecretBuffer> passphrase, QObject* context,
                          std::function<void(std::optional<storage::Error>)> done) {
  const auto params = params_;
  auto state = state_;
  using Opened = std::pair<std::optional<storage::Error>, storage::Role>;
  run<Opened>(
      context,
      [directory, passphrase, params, state](storage::Vault*) -> Opened {
        auto vault = storage::Vault::open(directory, *passphrase, params);
        passphrase->wipe();
        if (!vault.ok()) return {vault.error(), storage::Role::field};
        const storage::Role role = vault->role();
        state->vault.emplace(std::move(vault).value());
        return {std::nullopt, role};
      },
      [this, directory, done = std::move(done)](Opened opened) {
        const auto& [error, role] = opened;
        if (!error) {
          directory_ = directory;
          role_ = role;
          open_ = true;
          emit unlocked();
        }
        done(error);
      });
}

void VaultSession::lock() {
  ++generation_;
  post_close();
  const bool was_open = open_;
  open_ = false;
  if (was_open) emit locked();
}

storage::Result<void> VaultSession::panic(const std::filesystem::path& directory) {
  const auto target = open_ ? directory_ : directory;
  auto result = storage::Vault::panic(target);
  ++generation_;
  post_close();
  open_ = false;
  emit locked();
  return result;
}

void VaultSession::wait_idle() {
  QSemaphore done;
  QMetaObject::invokeMethod(worker_, [&done]() { done.release(); }, Qt::QueuedConnection);
  done.acquire();
}

}  // namespace fieldseal::gui
