#include "fieldseal/storage/blob_reader.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <utility>

#include "content_internal.hpp"
#include "fieldseal/storage/attachments.hpp"

namespace fieldseal::storage {

namespace {

// Blob-handle errors (Statement maps step errors itself). SQLITE_ERROR from
// sqlite3_blob_open/_reopen means the row or its value is not a blob.
Error blob_error(int rc) noexcept {
  switch (rc & 0xff) {
    case SQLITE_ERROR:
    case SQLITE_MISMATCH:
      return Error::attachment_damaged;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error::database_locked;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Error::database_damaged;
    case SQLITE_IOERR:
      return Error::io_failed;
    default:
      return Error::sql_failed;
  }
}

}  // namespace

Result<AttachmentBlobReader> AttachmentBlobReader::open(Database& db, std::string_view report_id,
                                                        const Sha256Digest& sha256) {
  auto at = detail::locate_attachment(db, report_id, sha256);
  if (!at) return fail(at.error());
  const std::int64_t num = at->num;
  const std::int64_t size = at->size;
  const std::int64_t chunk_count = at->chunk_count;
  if (size < 0 || static_cast<std::uint64_t>(size) > kMaxAttachmentBytes || chunk_count < 0) {
    return fail(Error::database_damaged);
  }
  // The (attachment_num, seq) index holds the rowid: no chunk data is read here.
  auto chunks =
      db.prepare("SELECT num, seq FROM attachment_chunks WHERE attachment_num = ?1 ORDER BY seq");
  if (!chunks) return fail(chunks.error());
  chunks->bind(1, num);
  return AttachmentBlobReader(db, std::move(*chunks), static_cast<std::uint64_t>(size), chunk_count);
}

AttachmentBlobReader::AttachmentBlobReader(Database& db, Statement chunks, std::uint64_t size,
                                           std::int64_t chunk_count) noexcept
    : db_(&db), chunks_(std::move(chunks)), size_(size), chunk_count_(chunk_count) {}

AttachmentBlobReader::AttachmentBlobReader(AttachmentBlobReader&& other) noexcept
    : db_(other.db_),
      chunks_(std::move(other.chunks_)),
      blob_(std::exchange(other.blob_, nullptr)),
      size_(other.size_),
      chunk_count_(other.chunk_count_),
      next_seq_(other.next_seq_),
      delivered_(other.delivered_),
      chunk_bytes_(other.chunk_bytes_),
      offset_(other.offset_),
      ended_(other.ended_),
      failed_(other.failed_) {}

AttachmentBlobReader::~AttachmentBlobReader() { close_blob(); }

void AttachmentBlobReader::close_blob() noexcept {
  if (blob_ != nullptr) {
    sqlite3_blob_close(blob_);
    blob_ = nullptr;
  }
}

Result<void> AttachmentBlobReader::next_chunk() {
  delivered_ += chunk_bytes_;
  chunk_bytes_ = 0;
  offset_ = 0;
  auto r = chunks_.step();
  if (!r) return fail(r.error());
  if (!*r) {
    close_blob();
    chunks_.reset();
    if (next_seq_ != chunk_count_ || delivered_ != size_) return fail(Error::attachment_damaged);
    ended_ = true;
    return {};
  }
  if (chunks_.column_int64(1) != next_seq_ || next_seq_ >= chunk_count_) {
    return fail(Error::attachment_damaged);
  }
  const sqlite3_int64 rowid = chunks_.column_int64(0);
  const int rc = blob_ == nullptr
                     ? sqlite3_blob_open(db_->handle(), "main", "attachment_chunks", "data", rowid,
                                         0, &blob_)
                     : sqlite3_blob_reopen(blob_, rowid);
  if (rc != SQLITE_OK) return fail(blob_error(rc));
  const int bytes = sqlite3_blob_bytes(blob_);
  if (bytes <= 0 || static_cast<std::size_t>(bytes) > kAttachmentChunkBytes ||
      static_cast<std::uint64_t>(bytes) > size_ - delivered_) {
    return fail(Error::attachment_damaged);
  }
  chunk_bytes_ = static_cast<std::size_t>(bytes);
  ++next_seq_;
  return {};
}

Result<std::size_t> AttachmentBlobReader::read(std::span<std::uint8_t> out) {
  if (failed_ != Error{}) return fail(failed_);
  if (out.empty()) return std::size_t{0};
  while (!ended_ && offset_ == chunk_bytes_) {
    if (auto next = next_chunk(); !next) {
      failed_ = next.error();
      close_blob();
      chunks_.reset();
      return fail(failed_);
    }
  }
  if (ended_) return std::size_t{0};
  const std::size_t n = std::min(out.size(), chunk_bytes_ - offset_);
  const int rc = sqlite3_blob_read(blob_, out.data(), static_cast<int>(n), static_cast<int>(offset_));
  if (rc != SQLITE_OK) {
    failed_ = blob_error(rc);
    close_blob();
    chunks_.reset();
    return fail(failed_);
  }
  offset_ += n;
  return n;
}

}  // namespace fieldseal::storage
