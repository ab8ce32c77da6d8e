#include "fieldseal/storage/attachments.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <span>
#include <system_error>
#include <thread>
#include <vector>

#include "content_internal.hpp"
#include "fieldseal/crypto/hkdf.hpp"

namespace fieldseal::storage {
namespace {

// Chunks in flight between the database thread and the hashing thread.
constexpr std::size_t kPipelineDepth = 4;

// SHA-256 on a second thread while the calling thread moves chunks between
// the database and the file: libsodium 1.0.18's SHA-256 (portable C) costs
// about as much CPU as SQLCipher's page encryption, so with two cores the two
// overlap instead of adding up. The caller fills ring slots in order; a slot
// is handed out again only once the hasher is done with it, so memory stays
// at kPipelineDepth chunks whatever the file size. Without a second thread
// (creation failed) the caller hashes each chunk itself.
class HashPipeline {
 public:
  HashPipeline() : slots_(kPipelineDepth, std::vector<std::uint8_t>(kAttachmentChunkBytes)) {
    sizes_.fill(0);
    try {
      worker_.emplace([this] { run(); });
    } catch (const std::system_error&) {
      worker_.reset();
    }
  }
  ~HashPipeline() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    if (worker_) worker_->join();
  }
  HashPipeline(const HashPipeline&) = delete;
  HashPipeline& operator=(const HashPipeline&) = delete;

  // The slot for the next chunk, once the hasher has finished its last use.
  [[nodiscard]] std::span<std::uint8_t> next_slot() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return published_ - hashed_ < kPipelineDepth; });
    return slots_[published_ % kPipelineDepth];
  }

  // Hands the first `size` bytes of the slot from next_slot() to the hasher.
  void publish(std::size_t size) {
    if (!worker_) {
      hash_.update(std::span<const std::uint8_t>(slots_[published_ % kPipelineDepth].data(), size));
      ++published_;
      ++hashed_;
      return;
    }
    {
      const std::lock_guard lock(mutex_);
      sizes_[published_ % kPipelineDepth] = size;
      ++published_;
    }
    changed_.notify_all();
  }

  // Waits until every published chunk is hashed; the digest of them all.
  [[nodiscard]] Sha256Digest finish() {
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return hashed_ == published_; });
    }
    Sha256Digest digest{};
    hash_.finish(digest);
    return digest;
  }

 private:
  void run() {
    for (;;) {
      std::size_t index = 0;
      std::size_t size = 0;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stop_ || hashed_ < published_; });
        if (hashed_ == published_) return;  // stopping, nothing left
        index = hashed_ % kPipelineDepth;
        size = sizes_[index];
      }
      hash_.update(std::span<const std::uint8_t>(slots_[index].data(), size));
      {
        const std::lock_guard lock(mutex_);
        ++hashed_;
      }
      changed_.notify_all();
    }
  }

  std::vector<std::vector<std::uint8_t>> slots_;
  std::array<std::size_t, kPipelineDepth> sizes_{};
  crypto::Sha256 hash_;  // used by the worker only, until finish()
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t published_ = 0;
  std::size_t hashed_ = 0;
  bool stop_ = false;
  std::optional<std::thread> worker_;  // last: starts once the rest exists
};

bool valid_name(std::string_view name) noexcept {
  return !name.empty() && name.size() <= kMaxAttachmentNameBytes && name != "." &&
         name != ".." && name.find('/') == std::string_view::npos &&
         name.find('\0') == std::string_view::npos && detail::valid_utf8(name);
}

bool valid_media_type(std::string_view type) noexcept {
  if (type.size() > kMaxMediaTypeBytes) return false;
  for (const char c : type) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '.' || c == '+' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}


// Streams the chunks of an attachment to `sink` (may be null) and checks count,
// total size and hash.
Result<void> stream_out(Database& db, const detail::AttachmentLocation& at, const Sha256Digest& expected,
                        crypto::ByteSink* sink) {
  auto s = db.prepare("SELECT seq, data FROM attachment_chunks WHERE attachment_num = ?1 ORDER BY seq");
  if (!s) return fail(s.error());
  s->bind(1, at.num);
  HashPipeline hash;
  std::int64_t next = 0;
  std::int64_t total = 0;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    if (s->column_int64(0) != next) return fail(Error::attachment_damaged);
    const auto data = s->column_blob_view(1);
    if (data.size() > kAttachmentChunkBytes) return fail(Error::attachment_damaged);
    total += static_cast<std::int64_t>(data.size());
    if (sink != nullptr && !sink->write(data)) return fail(Error::io_failed);
    const auto slot = hash.next_slot();
    std::copy(data.begin(), data.end(), slot.begin());
    hash.publish(data.size());
    ++next;
  }
  const Sha256Digest digest = hash.finish();
  if (next != at.chunk_count || total != at.size || digest != expected) {
    return fail(Error::attachment_damaged);
  }
  return {};
}

}  // namespace

namespace detail {

Result<std::vector<AttachmentInfo>> load_attachments(Database& db, std::int64_t report_num) {
  auto s = db.prepare(
      "SELECT sha256, size, name, media_type, added_at FROM attachments WHERE report_num = ?1 "
      "ORDER BY num");
  if (!s) return fail(s.error());
  s->bind(1, report_num);
  std::vector<AttachmentInfo> out;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    AttachmentInfo info;
    if (!to_array(s->column_blob(0), info.sha256) || s->column_int64(1) < 0) {
      return fail(Error::database_damaged);
    }
    info.size = static_cast<std::uint64_t>(s->column_int64(1));
    info.name = s->column_text(2);
    info.media_type = s->column_text(3);
    info.added_at = s->column_text(4);
    out.push_back(std::move(info));
  }
  return out;
}

Result<void> delete_attachments(Database& db, std::int64_t report_num) {
  for (const char* sql :
       {"DELETE FROM attachment_chunks WHERE attachment_num IN "
        "(SELECT num FROM attachments WHERE report_num = ?1)",
        "DELETE FROM attachments WHERE report_num = ?1"}) {
    auto s = db.prepare(sql);
    if (!s) return fail(s.error());
    s->bind(1, report_num);
    FIELDSEAL_TRY(s->run());
  }
  return {};
}

}  // namespace detail

Result<AttachmentInfo> add_attachment(Database& db, const crypto::Ed25519KeyPair& key,
                                      std::string_view report_id, crypto::ByteSource& source,
                                      std::string_view name, std::string_view media_type) {
  if (!valid_name(name) || !valid_media_type(media_type)) return fail(Error::invalid_argument);
  auto tx = db.begin();
  if (!tx) return fail(tx.error());
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  if (row->status == ReportStatus::final) return fail(Error::report_final);
  if (row->status == ReportStatus::purged) return fail(Error::purged);

  AttachmentInfo info;
  info.name = std::string(name);
  info.media_type = std::string(media_type);
  info.added_at = detail::now_utc();
  {
    auto s = db.prepare(
        "INSERT INTO attachments (report_num, sha256, size, name, media_type, chunk_count, "
        "added_at) VALUES (?1, NULL, 0, ?2, ?3, 0, ?4)");
    if (!s) return fail(s.error());
    s->bind(1, row->num).bind(2, name).bind(3, media_type).bind(4, info.added_at);
    FIELDSEAL_TRY(s->run());
  }
  const std::int64_t attachment_num = db.last_insert_rowid();

  HashPipeline hash;  // before the statement, which points into its slots
  auto insert = db.prepare(
      "INSERT INTO attachment_chunks (attachment_num, seq, data) VALUES (?1, ?2, ?3)");
  if (!insert) return fail(insert.error());
  std::int64_t seq = 0;
  std::uint64_t total = 0;
  for (;;) {
    const auto slot = hash.next_slot();
    auto got = crypto::read_full(source, slot);
    if (!got) return fail(Error::io_failed);
    if (*got == 0) break;
    total += *got;
    if (total > kMaxAttachmentBytes) return fail(Error::invalid_argument);
    const std::span<const std::uint8_t> chunk(slot.data(), *got);
    hash.publish(chunk.size());
    // The slot stays untouched until the hasher is done with it and the
    // insert below has stepped: no copy needed for the bind.
    insert->reset();
    insert->bind(1, attachment_num).bind(2, seq).bind_blob_static(3, chunk);
    FIELDSEAL_TRY(insert->run());
    ++seq;
    if (*got < slot.size()) break;
  }
  insert->reset();
  info.sha256 = hash.finish();
  info.size = total;

  {
    auto s = db.prepare(
        "SELECT size, name, media_type, added_at FROM attachments "
        "WHERE report_num = ?1 AND sha256 = ?2");
    if (!s) return fail(s.error());
    s->bind(1, row->num).bind_blob(2, info.sha256);
    auto r = s->step();
    if (!r) return fail(r.error());
    if (*r) {
      // Same bytes already attached: keep the first copy, store nothing new.
      AttachmentInfo existing;
      existing.sha256 = info.sha256;
      existing.size = static_cast<std::uint64_t>(s->column_int64(0));
      existing.name = s->column_text(1);
      existing.media_type = s->column_text(2);
      existing.added_at = s->column_text(3);
      return existing;  // the transaction rolls back
    }
  }
  {
    auto s = db.prepare(
        "UPDATE attachments SET sha256 = ?2, size = ?3, chunk_count = ?4 WHERE num = ?1");
    if (!s) return fail(s.error());
    s->bind(1, attachment_num).bind_blob(2, info.sha256);
    s->bind(3, static_cast<std::int64_t>(total)).bind(4, seq);
    FIELDSEAL_TRY(s->run());
  }
  auto entry = detail::append_custody_in_transaction(
      db, key, report_id, CustodyEvent::attachment_added,
      {{"sha256", detail::to_hex(info.sha256)}, {"size", std::to_string(total)}});
  if (!entry) return fail(entry.error());
  FIELDSEAL_TRY(tx->commit());
  // The WAL grew to the attachment's size inside the one transaction, and
  // SQLite keeps the file at that size after checkpointing into the
  // database: cut it, so a long-open vault does not hold the disk space
  // twice. The attachment is already durable, so a failure here is harmless.
  (void)db.checkpoint_truncate();
  return info;
}

Result<std::vector<AttachmentInfo>> list_attachments(Database& db, std::string_view report_id) {
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  return detail::load_attachments(db, row->num);
}

Result<void> read_attachment(Database& db, std::string_view report_id,
                             const Sha256Digest& sha256, crypto::ByteSink& sink) {
  auto at = detail::locate_attachment(db, report_id, sha256);
  if (!at) return fail(at.error());
  return stream_out(db, *at, sha256, &sink);
}

Result<void> verify_attachment(Database& db, std::string_view report_id,
                               const Sha256Digest& sha256) {
  auto at = detail::locate_attachment(db, report_id, sha256);
  if (!at) return fail(at.error());
  return stream_out(db, *at, sha256, nullptr);
}


namespace detail {

Result<AttachmentLocation> locate_attachment(Database& db, std::string_view report_id,
                                             const Sha256Digest& sha256) {
  auto row = find_report(db, report_id);
  if (!row) return fail(row.error());
  if (row->status == ReportStatus::purged) return fail(Error::purged);
  auto s = db.prepare(
      "SELECT num, size, chunk_count FROM attachments WHERE report_num = ?1 AND sha256 = ?2");
  if (!s) return fail(s.error());
  s->bind(1, row->num).bind_blob(2, sha256);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return fail(Error::attachment_not_found);
  return AttachmentLocation{s->column_int64(0), s->column_int64(1), s->column_int64(2)};
}

}  // namespace detail

}  // namespace fieldseal::storage
