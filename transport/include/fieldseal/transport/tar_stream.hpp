#pragma once
// The archive layer of a bundle: a POSIX tar (ustar headers; pax extended
// headers only where ustar cannot express a size) streamed through
// libarchive, never touching the file system.
//
// TarWriter writes regular-file entries with fixed metadata (mode 0644,
// uid/gid 0, no user or group names, mtime = the bundle's creation time).
//
// TarReader is strict: tar format only (no compression filters, no other
// archive formats); regular files only (no directories, symbolic or hard
// links, devices, FIFOs, sparse files); names from the allowed set of
// classify_entry_name() only, which excludes "..", absolute paths and every
// other path; no name twice; at most `max_entries` entries, each within its
// size cap; at the end of the archive only zero padding, at most
// kTarTrailingMaxBytes of it. Memory is bounded by a fixed read block plus
// libarchive's own bounded header buffers, whatever the entry sizes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/transport/digest.hpp"
#include "fieldseal/transport/error.hpp"
#include "fieldseal/transport/manifest.hpp"

namespace fieldseal::transport {

inline constexpr std::size_t kTarReadBlockBytes = 16 * 1024;
inline constexpr std::size_t kTarTrailingMaxBytes = 10 * 1024;
inline constexpr std::size_t kTarMaxEntries = kMaxEntries + 2;  // + manifest.json, manifest.sig

class TarWriter {
 public:
  [[nodiscard]] static Result<std::unique_ptr<TarWriter>> create(crypto::ByteSink& out,
                                                                 std::uint64_t mtime);
  ~TarWriter();
  TarWriter(const TarWriter&) = delete;
  TarWriter& operator=(const TarWriter&) = delete;

  // An entry from memory.
  [[nodiscard]] Result<void> add(std::string_view name, std::span<const std::uint8_t> data);
  // An entry of exactly `size` bytes streamed from `data`; returns their
  // SHA-256. invalid_argument if the source ends early or has more bytes.
  [[nodiscard]] Result<Sha256Digest> add_stream(std::string_view name, std::uint64_t size,
                                                crypto::ByteSource& data);
  // As add_stream, without computing the SHA-256: for data the caller has
  // authenticated already (a vault attachment: hashed at intake, its pages
  // authenticated by SQLCipher), saving a hash pass over every byte.
  [[nodiscard]] Result<void> add_stream_unhashed(std::string_view name, std::uint64_t size,
                                                 crypto::ByteSource& data);
  // Writes the end-of-archive blocks.
  [[nodiscard]] Result<void> finish();

 private:
  struct Impl;
  explicit TarWriter(std::unique_ptr<Impl> impl) noexcept;
  Result<void> header(std::string_view name, std::uint64_t size);
  Result<void> copy_data(std::uint64_t size, crypto::ByteSource& data, Sha256* hash);
  std::unique_ptr<Impl> impl_;
};

struct TarEntry {
  std::string name;
  EntryKind kind = EntryKind::manifest;
  std::uint64_t size = 0;
};

class TarReader {
 public:
  [[nodiscard]] static Result<std::unique_ptr<TarReader>> open(crypto::ByteSource& in,
                                                               std::size_t max_entries = kTarMaxEntries);
  ~TarReader();
  TarReader(const TarReader&) = delete;
  TarReader& operator=(const TarReader&) = delete;

  // The next entry, after the checks above; nullopt at the end of the
  // archive once the trailing bytes and the end of `in` are verified.
  // Unread data of the previous entry is skipped. io_read when `in` failed
  // (the source holds the reason).
  [[nodiscard]] Result<std::optional<TarEntry>> next();
  // Data of the current entry; 0 at its end (after exactly `size` bytes).
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out);

 private:
  struct Impl;
  explicit TarReader(std::unique_ptr<Impl> impl) noexcept;
  Result<void> drain_trailer();
  Error archive_failure() const noexcept;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fieldseal::transport
