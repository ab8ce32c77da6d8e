#include "fieldseal/storage/key_slots.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace fieldseal::storage {

namespace {

using crypto::Argon2idParams;
using crypto::SecretBuffer;

constexpr std::size_t kParamsOffset = kSlotSaltBytes;
constexpr std::size_t kNonceOffset = kParamsOffset + kSlotParamsBytes;
constexpr std::size_t kCipherOffset = kNonceOffset + kSlotNonceBytes;
constexpr std::size_t kHeaderBytes = kCipherOffset;  // salt + params + nonce
constexpr std::size_t kCipherBytes = kSlotPayloadBytes + kSlotTagBytes;
constexpr std::size_t kTrailerOffset = kKeySlotCount * kSlotBytes;
constexpr std::size_t kChecksumOffset = kTrailerOffset + kSlotTrailerBytes;

constexpr std::size_t kPayloadKindOffset = 0;
constexpr std::size_t kPayloadRoleOffset = 1;
constexpr std::size_t kPayloadNameLengthOffset = 2;
constexpr std::size_t kPayloadKeyOffset = 16;
constexpr std::size_t kPayloadNameOffset = kPayloadKeyOffset + kMasterKeyBytes;
static_assert(kPayloadNameOffset + kSlotNameMaxBytes == kSlotPayloadBytes);

constexpr std::size_t kKekBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
static_assert(kKekBytes == 32);
static_assert(kSlotNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kSlotTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(kSlotChecksumBytes == crypto_generichash_BYTES);

constexpr std::string_view kAdLabel = "fieldseal key slot v1";
constexpr std::string_view kChecksumLabel = "fieldseal key-slot file v1";
constexpr std::uint64_t kKiB = 1024;
constexpr unsigned kKdfThreads = 2;

void put_u32(std::uint8_t* out, std::uint32_t v) noexcept {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint32_t get_u32(const std::uint8_t* in) noexcept {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | in[i];
  return v;
}

void put_params(std::uint8_t* slot, const Argon2idParams& params) noexcept {
  put_u32(slot + kParamsOffset, static_cast<std::uint32_t>(params.memory_bytes / kKiB));
  put_u32(slot + kParamsOffset + 4, params.passes);
}

Argon2idParams get_params(const std::uint8_t* slot) noexcept {
  return {std::uint64_t{get_u32(slot + kParamsOffset)} * kKiB,
          get_u32(slot + kParamsOffset + 4)};
}

std::array<std::uint8_t, kAdLabel.size() + kHeaderBytes> additional_data(
    const std::uint8_t* slot) noexcept {
  std::array<std::uint8_t, kAdLabel.size() + kHeaderBytes> ad{};
  std::memcpy(ad.data(), kAdLabel.data(), kAdLabel.size());
  std::memcpy(ad.data() + kAdLabel.size(), slot, kHeaderBytes);
  return ad;
}

void checksum(std::span<const std::uint8_t> bytes, std::uint8_t* out) noexcept {
  crypto_generichash(out, kSlotChecksumBytes, bytes.data(), bytes.size(),
                     reinterpret_cast<const unsigned char*>(kChecksumLabel.data()),
                     kChecksumLabel.size());
}

bool params_fit_slot(const Argon2idParams& params) noexcept {
  return params.validate().ok() && params.memory_bytes / kKiB <= UINT32_MAX;
}

Result<void> write_all(int fd, std::span<const std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(Error::io_failed);
    }
    done += static_cast<std::size_t>(n);
  }
  return {};
}

// Overwrites the first `limit` bytes of `fd` (all of it by default) with
// random bytes and syncs it.
Result<void> overwrite_random(int fd, std::uint64_t limit = UINT64_MAX) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return fail(Error::io_failed);
  if (::lseek(fd, 0, SEEK_SET) != 0) return fail(Error::io_failed);
  std::array<std::uint8_t, 4096> block{};
  auto remaining = std::min(static_cast<std::uint64_t>(st.st_size), limit);
  while (remaining > 0) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(remaining, block.size()));
    randombytes_buf(block.data(), n);
    FIELDSEAL_TRY(write_all(fd, std::span<const std::uint8_t>(block.data(), n)));
    remaining -= n;
  }
  if (::fsync(fd) != 0) return fail(Error::io_failed);
  return {};
}

class Fd {
 public:
  explicit Fd(int fd) noexcept : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }
  [[nodiscard]] bool ok() const noexcept { return fd_ >= 0; }
  int release() noexcept { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

Result<SecretBuffer> derive(const SecretBuffer& passphrase, std::span<const std::uint8_t> salt,
                            const Argon2idParams& params) {
  auto key = crypto::argon2id_derive(passphrase, salt, params, kKekBytes);
  if (!key) {
    const auto e = key.error();
    if (e == crypto::Error::kdf_parameters_below_floor ||
        e == crypto::Error::kdf_parameters_above_cap)
      return fail(Error::key_slots_damaged);
    return fail(Error::kdf_failed);
  }
  return std::move(key).value();
}

Result<void> validate_content(const SlotContent& content) {
  if (content.name.empty() || content.name.size() > kSlotNameMaxBytes)
    return fail(Error::invalid_argument);
  if (content.key.size() != kMasterKeyBytes) return fail(Error::invalid_argument);
  if (content.kind != SlotKind::normal && content.kind != SlotKind::duress)
    return fail(Error::invalid_argument);
  if (content.role != Role::field && content.role != Role::hq)
    return fail(Error::invalid_argument);
  return {};
}

std::uint8_t role_byte(Role role) noexcept { return role == Role::hq ? 2 : 1; }

}  // namespace

KeySlotFile KeySlotFile::fresh(const Argon2idParams& filler_params) {
  crypto::ensure_sodium_initialized();
  KeySlotFile file;
  for (std::size_t i = 0; i < kKeySlotCount; ++i) file.randomize(i, filler_params);
  return file;
}

void KeySlotFile::randomize(std::size_t index, const Argon2idParams& filler_params) {
  crypto::ensure_sodium_initialized();
  auto& slot = slots_.at(index);
  randombytes_buf(slot.data(), slot.size());
  put_params(slot.data(), filler_params);
}

Result<KeySlotFile> KeySlotFile::parse(std::span<const std::uint8_t> bytes) {
  crypto::ensure_sodium_initialized();
  if (bytes.size() != kKeySlotFileBytes) return fail(Error::key_slots_damaged);
  std::array<std::uint8_t, kSlotChecksumBytes> expected{};
  checksum(bytes.first(kChecksumOffset), expected.data());
  if (sodium_memcmp(expected.data(), bytes.data() + kChecksumOffset, kSlotChecksumBytes) != 0)
    return fail(Error::key_slots_damaged);
  KeySlotFile file;
  for (std::size_t i = 0; i < kKeySlotCount; ++i) {
    std::memcpy(file.slots_[i].data(), bytes.data() + i * kSlotBytes, kSlotBytes);
    if (!params_fit_slot(get_params(file.slots_[i].data()))) return fail(Error::key_slots_damaged);
  }
  file.failed_unlocks_ = get_u32(bytes.data() + kTrailerOffset);
  file.wipe_after_ = get_u32(bytes.data() + kTrailerOffset + 4);
  return file;
}

Result<KeySlotFile> KeySlotFile::read(const std::filesystem::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!fd.ok()) return fail(errno == ENOENT ? Error::vault_not_found : Error::io_failed);
  // One byte more than the expected size, to tell "too long" from "exact".
  std::array<std::uint8_t, kKeySlotFileBytes + 1> buffer{};
  std::size_t got = 0;
  while (got < buffer.size()) {
    const ssize_t n = ::read(fd.get(), buffer.data() + got, buffer.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(Error::io_failed);
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  return parse(std::span<const std::uint8_t>(buffer.data(), got));
}

std::array<std::uint8_t, kKeySlotFileBytes> KeySlotFile::serialize() const {
  std::array<std::uint8_t, kKeySlotFileBytes> out{};
  for (std::size_t i = 0; i < kKeySlotCount; ++i)
    std::memcpy(out.data() + i * kSlotBytes, slots_[i].data(), kSlotBytes);
  put_u32(out.data() + kTrailerOffset, failed_unlocks_);
  put_u32(out.data() + kTrailerOffset + 4, wipe_after_);
  checksum(std::span<const std::uint8_t>(out.data(), kChecksumOffset), out.data() + kChecksumOffset);
  return out;
}

Result<void> KeySlotFile::write_atomic(const std::filesystem::path& path) const {
  const auto bytes = serialize();
  const std::filesystem::path directory = path.parent_path().empty() ? "." : path.parent_path();
  const std::string name = path.filename().string();
  const std::string temp = name + ".new";
  Fd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) return fail(Error::io_failed);

  // A leftover from an interrupted write may hold a slot that was meant to
  // be replaced: destroy it like the old file.
  {
    Fd stale(::openat(dir.get(), temp.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
    if (stale.ok()) {
      (void)overwrite_random(stale.get());
      if (::unlinkat(dir.get(), temp.c_str(), 0) != 0) return fail(Error::io_failed);
    }
  }
  {
    Fd out(::openat(dir.get(), temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                    0600));
    if (!out.ok()) return fail(Error::io_failed);
    if (!write_all(out.get(), bytes) || ::fsync(out.get()) != 0) {
      ::unlinkat(dir.get(), temp.c_str(), 0);
      return fail(Error::io_failed);
    }
  }
  Fd old(::openat(dir.get(), name.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
  if (::renameat(dir.get(), temp.c_str(), dir.get(), name.c_str()) != 0) {
    ::unlinkat(dir.get(), temp.c_str(), 0);
    return fail(Error::io_failed);
  }
  if (::fsync(dir.get()) != 0) return fail(Error::io_failed);
  // The new file is durable; now the old one's blocks may go.
  if (old.ok()) FIELDSEAL_TRY(overwrite_random(old.get()));
  return {};
}

Result<std::optional<UnlockedSlot>> KeySlotFile::unlock(const SecretBuffer& passphrase) const {
  if (passphrase.empty()) return fail(Error::passphrase_empty);
  crypto::ensure_sodium_initialized();

  // Distinct (salt, params) jobs; `job_of[i]` maps a slot to its job.
  std::array<std::size_t, kKeySlotCount> job_of{};
  std::vector<std::size_t> jobs;  // slot index that defines each job
  for (std::size_t i = 0; i < kKeySlotCount; ++i) {
    std::size_t found = jobs.size();
    for (std::size_t j = 0; j < jobs.size(); ++j) {
      if (std::memcmp(slots_[jobs[j]].data(), slots_[i].data(), kNonceOffset) == 0) {
        found = j;
        break;
      }
    }
    if (found == jobs.size()) jobs.push_back(i);
    job_of[i] = found;
  }

  std::vector<std::optional<Result<SecretBuffer>>> keys(jobs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&](const SecretBuffer& own_passphrase) {
    for (;;) {
      const std::size_t j = next.fetch_add(1);
      if (j >= jobs.size()) return;
      const auto& slot = slots_[jobs[j]];
      keys[j].emplace(derive(own_passphrase,
                             std::span<const std::uint8_t>(slot.data(), kSlotSaltBytes),
                             get_params(slot.data())));
    }
  };
  {
    // SecretBuffer is not thread-safe: each thread reads its own copy.
    SecretBuffer helper_passphrase = passphrase.clone();
    std::optional<std::thread> helper;
    if (kKdfThreads > 1 && jobs.size() > 1) {
      try {
        helper.emplace(worker, std::cref(helper_passphrase));
      } catch (const std::system_error&) {
        helper.reset();  // no second thread: derive everything here
      }
    }
    worker(passphrase);
    if (helper) helper->join();
  }

  std::optional<UnlockedSlot> normal;
  std::optional<UnlockedSlot> duress;
  bool kdf_error = false;
  bool damaged = false;
  for (std::size_t i = 0; i < kKeySlotCount; ++i) {
    auto& derived = keys[job_of[i]];
    if (!derived || !derived->ok()) {
      if (derived && derived->error() == Error::key_slots_damaged) damaged = true;
      else kdf_error = true;
      continue;
    }
    const auto& slot = slots_[i];
    const auto ad = additional_data(slot.data());
    SecretBuffer payload(kSlotPayloadBytes);
    int rc = 0;
    {
      auto k = derived->value().read();
      auto w = payload.write();
      rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
          w.data(), nullptr, nullptr, slot.data() + kCipherOffset, kCipherBytes, ad.data(),
          ad.size(), slot.data() + kNonceOffset, k.data());
    }
    if (rc != 0) continue;  // not this passphrase's slot (or a filler)

    UnlockedSlot opened;
    opened.index = i;
    opened.params = get_params(slot.data());
    {
      auto r = payload.read();
      const std::uint8_t kind = r.data()[kPayloadKindOffset];
      const std::uint8_t role = r.data()[kPayloadRoleOffset];
      const std::size_t name_length = r.data()[kPayloadNameLengthOffset];
      if ((kind != 1 && kind != 2) || (role != 1 && role != 2) || name_length == 0 ||
          name_length > kSlotNameMaxBytes) {
        damaged = true;  // authentic but not a payload we write
        continue;
      }
      opened.content.kind = kind == 1 ? SlotKind::normal : SlotKind::duress;
      opened.content.role = role == 1 ? Role::field : Role::hq;
      opened.content.name.assign(reinterpret_cast<const char*>(r.data() + kPayloadNameOffset),
                                 name_length);
      opened.content.key = SecretBuffer::from_bytes(
          std::span<const std::uint8_t>(r.data() + kPayloadKeyOffset, kMasterKeyBytes));
    }
    opened.kek = derived->value().clone();
    if (opened.content.kind == SlotKind::normal) {
      if (!normal) normal = std::move(opened);
    } else if (!duress) {
      duress = std::move(opened);
    }
  }
  if (normal) return normal;
  if (duress) return duress;
  if (damaged) return fail(Error::key_slots_damaged);
  if (kdf_error) return fail(Error::kdf_failed);
  return std::optional<UnlockedSlot>();
}

Result<SecretBuffer> KeySlotFile::seal(std::size_t index, const SecretBuffer& passphrase,
                                       const Argon2idParams& params, const SlotContent& content) {
  if (index >= kKeySlotCount) return fail(Error::invalid_argument);
  if (passphrase.empty()) return fail(Error::passphrase_empty);
  if (!params_fit_slot(params)) return fail(Error::invalid_argument);
  FIELDSEAL_TRY(validate_content(content));
  crypto::ensure_sodium_initialized();
  std::array<std::uint8_t, kSlotSaltBytes> salt{};
  randombytes_buf(salt.data(), salt.size());
  auto kek = derive(passphrase, salt, params);
  if (!kek) return fail(kek.error() == Error::key_slots_damaged ? Error::invalid_argument
                                                                 : kek.error());
  FIELDSEAL_TRY(seal_with_kek(index, kek.value(), salt, params, content));
  return std::move(kek).value();
}

Result<void> KeySlotFile::seal_with_kek(std::size_t index, const SecretBuffer& kek,
                                        std::span<const std::uint8_t> salt,
                                        const Argon2idParams& params, const SlotContent& content) {
  if (index >= kKeySlotCount || kek.size() != kKekBytes || salt.size() != kSlotSaltBytes)
    return fail(Error::invalid_argument);
  if (!params_fit_slot(params)) return fail(Error::invalid_argument);
  FIELDSEAL_TRY(validate_content(content));
  crypto::ensure_sodium_initialized();

  SecretBuffer payload(kSlotPayloadBytes);
  {
    auto w = payload.write();
    auto key = content.key.read();
    w.data()[kPayloadKindOffset] = static_cast<std::uint8_t>(content.kind);
    w.data()[kPayloadRoleOffset] = role_byte(content.role);
    w.data()[kPayloadNameLengthOffset] = static_cast<std::uint8_t>(content.name.size());
    std::memcpy(w.data() + kPayloadKeyOffset, key.data(), kMasterKeyBytes);
    std::memcpy(w.data() + kPayloadNameOffset, content.name.data(), content.name.size());
  }
  std::array<std::uint8_t, kSlotBytes> slot{};
  std::memcpy(slot.data(), salt.data(), kSlotSaltBytes);
  put_params(slot.data(), params);
  randombytes_buf(slot.data() + kNonceOffset, kSlotNonceBytes);
  const auto ad = additional_data(slot.data());
  {
    auto p = payload.read();
    auto k = kek.read();
    crypto_aead_xchacha20poly1305_ietf_encrypt(slot.data() + kCipherOffset, nullptr, p.data(),
                                               p.size(), ad.data(), ad.size(), nullptr,
                                               slot.data() + kNonceOffset, k.data());
  }
  slots_[index] = slot;
  return {};
}

Argon2idParams KeySlotFile::params(std::size_t index) const {
  return get_params(slots_.at(index).data());
}

std::span<const std::uint8_t> KeySlotFile::salt(std::size_t index) const {
  return std::span<const std::uint8_t>(slots_.at(index).data(), kSlotSaltBytes);
}

Result<void> shred_file(const std::filesystem::path& file, std::uint64_t overwrite_limit) {
  Fd fd(::open(file.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!fd.ok()) {
    if (errno == ENOENT) return {};
    // Not writable (or a symlink): unlinking is all that is left to do.
    if (::unlink(file.c_str()) != 0 && errno != ENOENT) return fail(Error::io_failed);
    return {};
  }
  const auto overwritten = overwrite_random(fd.get(), overwrite_limit);
  if (::unlink(file.c_str()) != 0 && errno != ENOENT) return fail(Error::io_failed);
  if (!overwritten) return overwritten;
  return {};
}

Result<void> sync_directory(const std::filesystem::path& directory) {
  Fd dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok() || ::fsync(dir.get()) != 0) return fail(Error::io_failed);
  return {};
}

}  // namespace fieldseal::storage
