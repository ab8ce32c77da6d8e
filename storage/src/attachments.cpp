#include "fieldseal/storage/attachments.hpp"

#include <vector>

#include "content_internal.hpp"
#include "fieldseal/crypto/hkdf.hpp"

namespace fieldseal::storage {
namespace {

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

struct Located {
  std::int64_t num = 0;
  std::int64_t size = 0;
  std::int64_t chunk_count = 0;
};

Result<Located> locate(Database& db, std::string_view report_id, const Sha256Digest& sha256) {
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  if (row->status == ReportStatus::purged) return fail(Error::purged);
  auto s = db.prepare(
      "SELECT num, size, chunk_count FROM attachments WHERE report_num = ?1 AND sha256 = ?2");
  if (!s) return fail(s.error());
  s->bind(1, row->num).bind_blob(2, sha256);
  auto r = s->step();
  if (!r) return fail(r.error());
  if (!*r) return fail(Error::attachment_not_found);
  return Located{s->column_int64(0), s->column_int64(1), s->column_int64(2)};
}

// Streams the chunks of an attachment to `sink` (may be null) and checks count,
// total size and hash.
Result<void> stream_out(Database& db, const Located& at, const Sha256Digest& expected,
                        crypto::ByteSink* sink) {
  auto s = db.prepare("SELECT seq, data FROM attachment_chunks WHERE attachment_num = ?1 ORDER BY seq");
  if (!s) return fail(s.error());
  s->bind(1, at.num);
  crypto::Sha256 hash;
  std::int64_t next = 0;
  std::int64_t total = 0;
  for (;;) {
    auto r = s->step();
    if (!r) return fail(r.error());
    if (!*r) break;
    if (s->column_int64(0) != next) return fail(Error::attachment_damaged);
    const auto data = s->column_blob(1);
    hash.update(data);
    total += static_cast<std::int64_t>(data.size());
    if (sink != nullptr && !sink->write(data)) return fail(Error::io_failed);
    ++next;
  }
  Sha256Digest digest{};
  hash.finish(digest);
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

  auto insert = db.prepare(
      "INSERT INTO attachment_chunks (attachment_num, seq, data) VALUES (?1, ?2, ?3)");
  if (!insert) return fail(insert.error());
  std::vector<std::uint8_t> buffer(kAttachmentChunkBytes);
  crypto::Sha256 hash;
  std::int64_t seq = 0;
  std::uint64_t total = 0;
  for (;;) {
    auto got = crypto::read_full(source, buffer);
    if (!got) return fail(Error::io_failed);
    if (*got == 0) break;
    total += *got;
    if (total > kMaxAttachmentBytes) return fail(Error::invalid_argument);
    const std::span<const std::uint8_t> chunk(buffer.data(), *got);
    hash.update(chunk);
    insert->reset();
    insert->bind(1, attachment_num).bind(2, seq).bind_blob(3, chunk);
    FIELDSEAL_TRY(insert->run());
    ++seq;
    if (*got < buffer.size()) break;
  }
  hash.finish(info.sha256);
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
  return info;
}

Result<std::vector<AttachmentInfo>> list_attachments(Database& db, std::string_view report_id) {
  auto row = detail::find_report(db, report_id);
  if (!row) return fail(row.error());
  return detail::load_attachments(db, row->num);
}

Result<void> read_attachment(Database& db, std::string_view report_id,
                             const Sha256Digest& sha256, crypto::ByteSink& sink) {
  auto at = locate(db, report_id, sha256);
  if (!at) return fail(at.error());
  return stream_out(db, *at, sha256, &sink);
}

Result<void> verify_attachment(Database& db, std::string_view report_id,
                               const Sha256Digest& sha256) {
  auto at = locate(db, report_id, sha256);
  if (!at) return fail(at.error());
  return stream_out(db, *at, sha256, nullptr);
}

}  // namespace fieldseal::storage
