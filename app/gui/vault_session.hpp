#pragma once
// VaultSession: the GUI's one way to the vault. The storage Database is a
// single SQLCipher connection and not thread-safe, and Argon2id, attachment
// intake, search and purge take time, so every vault call runs on one worker
// thread, in order, and its result is delivered back on the GUI thread.
//
// Locking bumps a generation counter: results of work queued before a lock
// are dropped, never shown. lock() and panic() return at once; the vault's
// keys are wiped (Vault::lock) on the worker as soon as the work in hand ends,
// and panic() destroys the key-slot file on the calling thread first
// (Vault::panic works while the vault is open).
#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/vault.hpp"

namespace fieldseal::gui {

class VaultSession : public QObject {
  Q_OBJECT
 public:
  explicit VaultSession(QObject* parent = nullptr);
  ~VaultSession() override;
  VaultSession(const VaultSession&) = delete;
  VaultSession& operator=(const VaultSession&) = delete;

  // Target Argon2id strength for create/unlock (default: MODERATE). Tests
  // use the floor to keep their run time modest.
  void set_kdf_params(const crypto::Argon2idParams& params) { params_ = params; }

  [[nodiscard]] bool is_open() const noexcept { return open_; }
  // The open vault's role (field or HQ), set on create and unlock; nullopt
  // while locked. The main window offers the role's pages and actions.
  [[nodiscard]] std::optional<storage::Role> role() const noexcept {
    return open_ ? std::optional<storage::Role>(role_) : std::nullopt;
  }
  [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }

  struct CreateRequest {
    std::filesystem::path directory;
    storage::Role role = storage::Role::field;
    std::string name;
    std::shared_ptr<crypto::SecretBuffer> passphrase;
    std::shared_ptr<crypto::SecretBuffer> duress;  // may be null
    std::string hq_card;                           // may be empty
  };
  // Creates the vault, sets the duress passphrase and adds the HQ card as a
  // contact; on success the vault is open. `done` gets nullopt or the error.
  void create(CreateRequest request, QObject* context,
              std::function<void(std::optional<storage::Error>)> done);
  void unlock(const std::filesystem::path& directory,
              std::shared_ptr<crypto::SecretBuffer> passphrase, QObject* context,
              std::function<void(std::optional<storage::Error>)> done);
  // Wipes the keys and closes the vault; emits locked().
  void lock();
  // Destroys the vault at `directory` (or the open one), then locks.
  [[nodiscard]] storage::Result<void> panic(const std::filesystem::path& directory);

  // Runs work(vault) on the worker thread; vault is null when locked. Then
  // done(result) on the GUI thread, unless the session was locked meanwhile
  // or `context` is gone.
  template <class R>
  void run(QObject* context, std::function<R(storage::Vault*)> work,
           std::function<void(R)> done) {
    const quint64 generation = generation_.load();
    QPointer<QObject> guard(context);
    auto state = state_;
    QMetaObject::invokeMethod(
        worker_,
        [this, state, generation, guard, work = std::move(work), done = std::move(done)]() {
          auto result = std::make_shared<R>(work(state->vault ? &*state->vault : nullptr));
          QMetaObject::invokeMethod(
              this,
              [this, generation, guard, done, result]() {
                if (generation != generation_.load() || guard.isNull()) return;
                done(std::move(*result));
              },
              Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
  }

  // Blocks until the worker has finished everything queued so far (tests).
  void wait_idle();

 signals:
  void unlocked();
  void locked();

 private:
  struct State {
    std::optional<storage::Vault> vault;
  };
  void post_close();
  static void close_vault(State& state) noexcept;

  QThread thread_;
  QObject* worker_ = nullptr;
  std::shared_ptr<State> state_ = std::make_shared<State>();
  std::atomic<quint64> generation_{0};
  crypto::Argon2idParams params_ = crypto::Argon2idParams::moderate();
  std::filesystem::path directory_;
  storage::Role role_ = storage::Role::field;
  bool open_ = false;
};

}  // namespace fieldseal::gui
