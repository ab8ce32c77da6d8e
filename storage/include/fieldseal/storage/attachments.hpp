#pragma once
// Attachments (photos, audio, video, documents) are streamed into the vault in
// fixed chunks of kAttachmentChunkBytes, one row each, with their SHA-256
// computed at intake; memory use does not grow with the file size. An
// attachment is identified by its SHA-256 within its report.
//
// Speed: intake and read-out compute SHA-256 on a second thread while the
// calling thread moves chunks between the source or sink and the database,
// through a ring of 4 chunk buffers (1 MiB; with SQLite's page cache the
// whole working set). Chunks are bound to SQLite without a copy and read
// back without one. The calling thread is the only one that touches the
// Database, the source and the sink; the functions return only after the
// second thread has finished.
#include <cstddef>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"
#include "fieldseal/storage/reports.hpp"

namespace fieldseal::storage {

inline constexpr std::size_t kAttachmentChunkBytes = 256 * 1024;
inline constexpr std::uint64_t kMaxAttachmentBytes = 64ULL * 1024 * 1024 * 1024;  // 64 GiB
inline constexpr std::size_t kMaxAttachmentNameBytes = 255;
inline constexpr std::size_t kMaxMediaTypeBytes = 127;

// Streams `source` to its end into the vault as an attachment of a draft
// report, in one transaction: on any failure (a read error, the disk, a cap)
// nothing is stored. `name` is a base name (no '/' or NUL, ≤ 255 bytes).
// Adding bytes the report already has returns the existing attachment.
// report_final (finalized reports are sealed: attach before finalizing),
// purged, not_found, invalid_argument, io_failed (the source failed).
// Custody: "attachment_added" with hash and size (never the name).
[[nodiscard]] Result<AttachmentInfo> add_attachment(Database& db,
                                                    const crypto::Ed25519KeyPair& key,
                                                    std::string_view report_id,
                                                    crypto::ByteSource& source,
                                                    std::string_view name,
                                                    std::string_view media_type);

// The report's attachments in intake order. not_found.
[[nodiscard]] Result<std::vector<AttachmentInfo>> list_attachments(Database& db,
                                                                   std::string_view report_id);

// Streams an attachment to `sink` chunk by chunk, hashing as it goes.
// attachment_damaged when a chunk is missing or the bytes do not hash to the
// stored SHA-256 — the sink has then received bytes that must be discarded
// (callers writing a file delete it). attachment_not_found, io_failed (sink).
[[nodiscard]] Result<void> read_attachment(Database& db, std::string_view report_id,
                                           const Sha256Digest& sha256, crypto::ByteSink& sink);

// Reads an attachment through without output and checks its hash.
[[nodiscard]] Result<void> verify_attachment(Database& db, std::string_view report_id,
                                             const Sha256Digest& sha256);

}  // namespace fieldseal::storage
