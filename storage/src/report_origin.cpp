#include "fieldseal/storage/report_origin.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <map>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"

namespace fieldseal::storage {

namespace {

constexpr int kHiddenNameTries = 8;
constexpr std::size_t kHiddenRandomBytes = 12;

Result<std::string> contact_name(Database& db, const PublicKeyBytes& sender) {
  auto key = crypto::Ed25519PublicKey::from_bytes(sender);
  if (!key.ok()) return std::string();
  auto contact = find_contact_by_signing_key(db, key.value());
  if (!contact.ok()) return fail(contact.error());
  return *contact ? (*contact)->card.name : std::string();
}

// Removes the hidden file unless released (every failure path).
class HiddenFile {
 public:
  HiddenFile(std::filesystem::path path, int fd) noexcept : path_(std::move(path)), fd_(fd) {}
  HiddenFile(const HiddenFile&) = delete;
  HiddenFile& operator=(const HiddenFile&) = delete;
  ~HiddenFile() {
    if (fd_ >= 0) ::close(fd_);
    ::unlink(path_.c_str());
  }
  [[nodiscard]] int fd() const noexcept { return fd_; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  [[nodiscard]] bool sync_and_close() noexcept {
    const bool synced = ::fsync(fd_) == 0;
    const bool closed = ::close(fd_) == 0;
    fd_ = -1;
    return synced && closed;
  }

 private:
  std::filesystem::path path_;
  int fd_;
};

}  // namespace

Result<std::optional<ReportSender>> report_sender(Database& db, std::string_view report_id) {
  auto origin = report_origin(db, report_id);
  if (!origin.ok()) return fail(origin.error());
  if (!*origin) return std::optional<ReportSender>();
  auto name = contact_name(db, (*origin)->sender);
  if (!name.ok()) return fail(name.error());
  return std::optional<ReportSender>(ReportSender{std::move(**origin), std::move(*name)});
}

Result<std::vector<std::optional<ReportSender>>> report_senders(
    Database& db, std::span<const std::string> report_ids) {
  std::vector<std::optional<ReportSender>> out;
  out.reserve(report_ids.size());
  std::map<PublicKeyBytes, std::string> names;
  for (const auto& id : report_ids) {
    auto origin = report_origin(db, id);
    if (!origin.ok()) return fail(origin.error());
    if (!*origin) {
      out.emplace_back();
      continue;
    }
    auto known = names.find((*origin)->sender);
    if (known == names.end()) {
      auto name = contact_name(db, (*origin)->sender);
      if (!name.ok()) return fail(name.error());
      known = names.emplace((*origin)->sender, std::move(*name)).first;
    }
    out.emplace_back(ReportSender{std::move(**origin), known->second});
  }
  return out;
}

Result<void> save_attachment_file(Database& db, std::string_view report_id,
                                  const Sha256Digest& sha256,
                                  const std::filesystem::path& target) {
  if (target.filename().empty()) return fail(Error::invalid_argument);
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(target, ec))) {
    return fail(Error::io_failed);
  }
  const auto directory = target.parent_path().empty() ? std::filesystem::path(".")
                                                      : target.parent_path();
  std::optional<HiddenFile> hidden;
  for (int attempt = 0; attempt < kHiddenNameTries && !hidden; ++attempt) {
    std::array<std::uint8_t, kHiddenRandomBytes> random{};
    randombytes_buf(random.data(), random.size());
    auto path = directory / ("." + crypto::hex_encode(random) + ".part");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) hidden.emplace(std::move(path), fd);
    else if (errno != EEXIST) return fail(Error::io_failed);
  }
  if (!hidden) return fail(Error::io_failed);
  crypto::FdSink sink(hidden->fd());
  if (auto read = read_attachment(db, report_id, sha256, sink); !read.ok()) {
    return fail(read.error());
  }
  if (!hidden->sync_and_close()) return fail(Error::io_failed);
  // link() refuses an existing name, unlike rename(): a file that appeared
  // meanwhile is never overwritten.
  if (::link(hidden->path().c_str(), target.c_str()) != 0) return fail(Error::io_failed);
  const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    (void)::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

}  // namespace fieldseal::storage
