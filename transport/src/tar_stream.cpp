#include "fieldseal/transport/tar_stream.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <array>
#include <set>
#include <vector>

namespace fieldseal::transport {

namespace {
constexpr std::size_t kCopyChunk = 64 * 1024;
constexpr int kRegularFileMode = 0644;
}  // namespace

// --- writer -------------------------------------------------------------------

struct TarWriter::Impl {
  archive* a = nullptr;
  archive_entry* entry = nullptr;
  crypto::ByteSink* out = nullptr;
  bool sink_failed = false;
  std::int64_t mtime = 0;
  std::vector<std::uint8_t> buf;
  ~Impl() {
    if (entry != nullptr) archive_entry_free(entry);
    if (a != nullptr) archive_write_free(a);
  }
};

TarWriter::TarWriter(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
TarWriter::~TarWriter() = default;

Result<std::unique_ptr<TarWriter>> TarWriter::create(crypto::ByteSink& out, std::uint64_t mtime) {
  if (mtime > kMaxCreated) return fail(Error::invalid_argument);
  auto impl = std::make_unique<Impl>();
  impl->out = &out;
  impl->mtime = static_cast<std::int64_t>(mtime);
  impl->a = archive_write_new();
  impl->entry = archive_entry_new();
  if (impl->a == nullptr || impl->entry == nullptr) return fail(Error::internal);
  auto callback = [](archive*, void* client, const void* data, std::size_t size) -> la_ssize_t {
    auto* self = static_cast<Impl*>(client);
    if (self->sink_failed) return -1;
    if (!self->out->write({static_cast<const std::uint8_t*>(data), size})) {
      self->sink_failed = true;
      return -1;
    }
    return static_cast<la_ssize_t>(size);
  };
  if (archive_write_set_format_pax_restricted(impl->a) != ARCHIVE_OK ||
      archive_write_set_bytes_per_block(impl->a, 0) != ARCHIVE_OK ||
      archive_write_open2(impl->a, impl.get(), nullptr, callback, nullptr, nullptr) != ARCHIVE_OK)
    return fail(Error::internal);
  impl->buf.resize(kCopyChunk);
  return std::unique_ptr<TarWriter>(new TarWriter(std::move(impl)));
}

Result<void> TarWriter::header(std::string_view name, std::uint64_t size) {
  if (!classify_entry_name(name)) return fail(Error::invalid_argument);
  archive_entry* e = impl_->entry;
  archive_entry_clear(e);
  std::string owned(name);
  archive_entry_copy_pathname(e, owned.c_str());
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, kRegularFileMode);
  archive_entry_set_size(e, static_cast<la_int64_t>(size));
  archive_entry_set_mtime(e, impl_->mtime, 0);
  archive_entry_set_uid(e, 0);
  archive_entry_set_gid(e, 0);
  if (archive_write_header(impl_->a, e) != ARCHIVE_OK)
    return fail(impl_->sink_failed ? Error::io_write : Error::internal);
  return {};
}

Result<void> TarWriter::add(std::string_view name, std::span<const std::uint8_t> data) {
  crypto::MemorySource source(data);
  auto digest = add_stream(name, data.size(), source);
  if (!digest) return fail(digest.error());
  return {};
}

Result<Sha256Digest> TarWriter::add_stream(std::string_view name, std::uint64_t size,
                                           crypto::ByteSource& data) {
  FIELDSEAL_TRY(header(name, size));
  Sha256 hash;
  FIELDSEAL_TRY(copy_data(size, data, &hash));
  return hash.finish();
}

Result<void> TarWriter::add_stream_unhashed(std::string_view name, std::uint64_t size,
                                            crypto::ByteSource& data) {
  FIELDSEAL_TRY(header(name, size));
  return copy_data(size, data, nullptr);
}

Result<void> TarWriter::copy_data(std::uint64_t size, crypto::ByteSource& data, Sha256* hash) {
  std::uint64_t left = size;
  for (;;) {
    std::size_t want = static_cast<std::size_t>(
        std::min<std::uint64_t>(impl_->buf.size(), left == 0 ? 1 : left));
    auto n = data.read({impl_->buf.data(), want});
    if (!n) return fail(Error::io_read);
    if (*n == 0) break;
    if (*n > left) return fail(Error::invalid_argument);
    if (hash != nullptr) hash->update({impl_->buf.data(), *n});
    la_ssize_t written = archive_write_data(impl_->a, impl_->buf.data(), *n);
    if (written < 0 || static_cast<std::size_t>(written) != *n)
      return fail(impl_->sink_failed ? Error::io_write : Error::internal);
    left -= *n;
  }
  if (left != 0) return fail(Error::invalid_argument);
  if (archive_write_finish_entry(impl_->a) != ARCHIVE_OK)
    return fail(impl_->sink_failed ? Error::io_write : Error::internal);
  return {};
}

Result<void> TarWriter::finish() {
  if (archive_write_close(impl_->a) != ARCHIVE_OK)
    return fail(impl_->sink_failed ? Error::io_write : Error::internal);
  return {};
}

// --- reader -------------------------------------------------------------------

struct TarReader::Impl {
  archive* a = nullptr;
  crypto::ByteSource* in = nullptr;
  bool source_failed = false;
  bool ended = false;
  bool in_entry = false;
  std::uint64_t left = 0;
  std::size_t max_entries = 0;
  std::set<std::string, std::less<>> seen;
  std::vector<std::uint8_t> block;
  ~Impl() {
    if (a != nullptr) archive_read_free(a);
  }
};

TarReader::TarReader(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
TarReader::~TarReader() = default;

Result<std::unique_ptr<TarReader>> TarReader::open(crypto::ByteSource& in, std::size_t max_entries) {
  auto impl = std::make_unique<Impl>();
  impl->in = &in;
  impl->max_entries = max_entries;
  impl->block.resize(kTarReadBlockBytes);
  impl->a = archive_read_new();
  if (impl->a == nullptr) return fail(Error::internal);
  auto callback = [](archive* a, void* client, const void** buffer) -> la_ssize_t {
    auto* self = static_cast<Impl*>(client);
    auto n = self->in->read(self->block);
    if (!n) {
      self->source_failed = true;
      archive_set_error(a, -1, "source failed");
      return -1;
    }
    *buffer = self->block.data();
    return static_cast<la_ssize_t>(*n);
  };
  if (archive_read_support_format_tar(impl->a) != ARCHIVE_OK ||
      archive_read_open(impl->a, impl.get(), nullptr, callback, nullptr) != ARCHIVE_OK)
    return fail(impl->source_failed ? Error::io_read : Error::tar_corrupt);
  return std::unique_ptr<TarReader>(new TarReader(std::move(impl)));
}

Error TarReader::archive_failure() const noexcept {
  return impl_->source_failed ? Error::io_read : Error::tar_corrupt;
}

Result<void> TarReader::drain_trailer() {
  std::size_t trailing = 0;
  for (;;) {
    auto n = impl_->in->read(impl_->block);
    if (!n) return fail(Error::io_read);
    if (*n == 0) return {};
    trailing += *n;
    if (trailing > kTarTrailingMaxBytes ||
        std::any_of(impl_->block.begin(), impl_->block.begin() + static_cast<std::ptrdiff_t>(*n),
                    [](std::uint8_t b) { return b != 0; }))
      return fail(Error::tar_trailing_data);
  }
}

Result<std::optional<TarEntry>> TarReader::next() {
  Impl& s = *impl_;
  if (s.ended) return std::optional<TarEntry>{};
  if (s.in_entry && s.left > 0 && archive_read_data_skip(s.a) != ARCHIVE_OK)
    return fail(archive_failure());
  s.in_entry = false;
  archive_entry* e = nullptr;
  int rc = archive_read_next_header(s.a, &e);
  if (rc == ARCHIVE_EOF) {
    FIELDSEAL_TRY(drain_trailer());
    s.ended = true;
    return std::optional<TarEntry>{};
  }
  if (rc != ARCHIVE_OK) return fail(archive_failure());
  if ((archive_format(s.a) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_TAR)
    return fail(Error::tar_corrupt);
  if (archive_entry_hardlink(e) != nullptr || archive_entry_symlink(e) != nullptr ||
      archive_entry_filetype(e) != AE_IFREG || archive_entry_sparse_count(e) != 0)
    return fail(Error::tar_entry_not_regular);
  const char* path = archive_entry_pathname(e);
  if (path == nullptr) return fail(Error::tar_entry_name_invalid);
  std::string_view name(path);
  auto kind = classify_entry_name(name);
  if (!kind) return fail(Error::tar_entry_name_invalid);
  if (s.seen.contains(name)) return fail(Error::tar_entry_duplicate);
  if (s.seen.size() >= s.max_entries) return fail(Error::tar_too_many_entries);
  if (!archive_entry_size_is_set(e) || archive_entry_size(e) < 0) return fail(Error::tar_corrupt);
  auto size = static_cast<std::uint64_t>(archive_entry_size(e));
  if (size > entry_size_cap(*kind))
    return fail(*kind == EntryKind::manifest ? Error::manifest_too_large : Error::tar_entry_too_large);
  s.seen.emplace(name);
  s.in_entry = true;
  s.left = size;
  return std::optional<TarEntry>(TarEntry{std::string(name), *kind, size});
}

Result<std::size_t> TarReader::read(std::span<std::uint8_t> out) {
  Impl& s = *impl_;
  if (!s.in_entry || s.left == 0 || out.empty()) return std::size_t{0};
  std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), s.left));
  la_ssize_t n = archive_read_data(s.a, out.data(), want);
  if (n < 0) return fail(archive_failure());
  if (n == 0) return fail(archive_failure());
  auto got = static_cast<std::size_t>(n);
  if (got > want) return fail(Error::tar_corrupt);
  s.left -= got;
  return got;
}

}  // namespace fieldseal::transport
