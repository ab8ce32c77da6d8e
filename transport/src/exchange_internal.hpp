#pragma once
// Shared by exchange.cpp (export, receipts) and exchange_import.cpp (not
// installed).
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/digest.hpp"
#include "fieldseal/transport/error.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "json_strict.hpp"

namespace fieldseal::transport {

// custody/<id>.json as fieldseal writes it (exchange.hpp).
inline constexpr std::string_view kReportSealFormat = "fieldseal-report-seal/1";

using crypto::as_bytes;

// Remembers `error` for last_storage_error() and returns vault_failed.
[[nodiscard]] Error vault_error(storage::Error error) noexcept;
[[nodiscard]] std::uint64_t unix_now() noexcept;
// A copy of the vault's X25519 identity for the age layer.
[[nodiscard]] std::vector<crypto::age::Identity> vault_identities(const storage::Vault& vault);
[[nodiscard]] Result<void> sync_directory(const std::filesystem::path& dir);
// The seal (custody/<id>.json) of a final report.
[[nodiscard]] Result<std::string> seal_json(storage::Database& db, const storage::Report& report);

// A new file (O_EXCL, 0600) that hashes what is written; finish() fsyncs and
// closes it and returns the SHA-256 and size.
class CreatedFile final : public crypto::ByteSink {
 public:
  [[nodiscard]] static Result<CreatedFile> create(const std::filesystem::path& path);
  CreatedFile(CreatedFile&& other) noexcept;
  CreatedFile& operator=(CreatedFile&&) = delete;
  CreatedFile(const CreatedFile&) = delete;
  CreatedFile& operator=(const CreatedFile&) = delete;
  ~CreatedFile() override;
  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] Result<std::pair<Sha256Digest, std::uint64_t>> finish();

 private:
  explicit CreatedFile(int fd) noexcept : fd_(fd) {}
  int fd_ = -1;
  Sha256 hash_;
  std::uint64_t bytes_ = 0;
};

// A regular file opened for reading (symlinks refused).
class OpenedFile final : public crypto::ByteSource {
 public:
  [[nodiscard]] static Result<OpenedFile> open(const std::filesystem::path& path);
  OpenedFile(OpenedFile&& other) noexcept;
  OpenedFile& operator=(OpenedFile&&) = delete;
  OpenedFile(const OpenedFile&) = delete;
  OpenedFile& operator=(const OpenedFile&) = delete;
  ~OpenedFile() override;
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override;
  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }

 private:
  OpenedFile(int fd, std::uint64_t size) noexcept : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// Progress and cancellation of one operation.
class Watch {
 public:
  Watch(ProgressFn progress, const std::atomic<bool>* cancel)
      : progress_(std::move(progress)), cancel_(cancel) {}
  void set_total(std::uint64_t total) noexcept { total_ = total; }
  void advance(std::uint64_t bytes);
  [[nodiscard]] bool cancelled();
  [[nodiscard]] bool was_cancelled() const noexcept { return was_cancelled_; }

 private:
  ProgressFn progress_;
  const std::atomic<bool>* cancel_;
  std::uint64_t done_ = 0;
  std::uint64_t total_ = 0;
  bool was_cancelled_ = false;
};

// Counts bytes for a Watch and fails (io_read) once it is cancelled.
class WatchedSource final : public crypto::ByteSource {
 public:
  WatchedSource(crypto::ByteSource& inner, Watch& watch) noexcept : inner_(inner), watch_(watch) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    if (watch_.cancelled()) return fail(crypto::Error::io_read);
    auto got = inner_.read(out);
    if (got) watch_.advance(*got);
    return got;
  }

 private:
  crypto::ByteSource& inner_;
  Watch& watch_;
};

// Streams numbered chunks kept in the vault (attachments on export,
// quarantined bundles on accept): fetch(seq) for seq = 0, 1, ... until it
// returns nullopt. A vault error reads as io_read (last_storage_error() has it).
class ChunkSource final : public crypto::ByteSource {
 public:
  using Fetch = std::function<storage::Result<std::optional<std::vector<std::uint8_t>>>(std::int64_t)>;
  explicit ChunkSource(Fetch fetch) : fetch_(std::move(fetch)) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override;

 private:
  Fetch fetch_;
  std::vector<std::uint8_t> chunk_;
  std::size_t offset_ = 0;
  std::int64_t seq_ = 0;
  bool done_ = false;
};

}  // namespace fieldseal::transport
