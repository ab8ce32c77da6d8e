#pragma once
// Reads a stored attachment as one byte stream through SQLite's incremental
// blob I/O (sqlite3_blob_open / _reopen / _read), straight into the caller's
// buffer.
//
// Why: reading a chunk as a column value makes SQLite allocate the whole
// 256 KiB value; with cipher_memory_security every such allocation is
// mlock'ed, wiped and munlock'ed again (and, at that size, mmap'ed by glibc),
// which cost more than decrypting the pages. Blob I/O copies from the page
// cache into our buffer without an intermediate value.
//
// Checks made while reading (a damaged vault is reported, never passed on
// silently as a shorter or longer stream): the chunk rows are numbered
// 0, 1, ... with none missing; every chunk but the last holds exactly
// kAttachmentChunkBytes and the last 1 to kAttachmentChunkBytes; the number of
// chunks is the stored chunk_count and their sum the stored size. SQLCipher
// authenticates every page read. The SHA-256 is not computed here (callers
// that need it hash what they read, as read_attachment does).
//
// The reader keeps a statement and a blob handle open on `db`, so it holds a
// read transaction until it is destroyed or has read to its end; it must not
// outlive `db`, and only one thread may use `db` meanwhile.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/reports.hpp"

struct sqlite3_blob;

namespace fieldseal::storage {

class AttachmentBlobReader {
 public:
  // Opens report `report_id`'s attachment `sha256`. not_found (no such
  // report), purged, attachment_not_found, database_damaged (stored size or
  // chunk count out of range).
  [[nodiscard]] static Result<AttachmentBlobReader> open(Database& db, std::string_view report_id,
                                                         const Sha256Digest& sha256);
  ~AttachmentBlobReader();
  AttachmentBlobReader(AttachmentBlobReader&& other) noexcept;
  AttachmentBlobReader& operator=(AttachmentBlobReader&&) = delete;
  AttachmentBlobReader(const AttachmentBlobReader&) = delete;
  AttachmentBlobReader& operator=(const AttachmentBlobReader&) = delete;

  // Up to out.size() bytes (fewer only at a chunk's end or the attachment's
  // end); 0 at the end. attachment_damaged when the chunk rows do not match
  // the stored size and chunk count; SQLite errors as Statement's. After an
  // error every further read fails the same way.
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out);

  // The stored size of the attachment in bytes.
  [[nodiscard]] std::uint64_t size() const noexcept { return size_; }

 private:
  AttachmentBlobReader(Database& db, Statement chunks, std::uint64_t size,
                       std::int64_t chunk_count) noexcept;
  [[nodiscard]] Result<void> next_chunk();
  void close_blob() noexcept;

  Database* db_;
  Statement chunks_;
  sqlite3_blob* blob_ = nullptr;
  std::uint64_t size_ = 0;
  std::int64_t chunk_count_ = 0;
  std::int64_t next_seq_ = 0;    // rows seen so far
  std::uint64_t delivered_ = 0;  // bytes of the chunks opened before the current one
  std::size_t chunk_bytes_ = 0;  // size of the current chunk
  std::size_t offset_ = 0;       // read position in the current chunk
  bool ended_ = false;
  Error failed_ = Error{};
};

}  // namespace fieldseal::storage
