#pragma once
// Sealed bundles, version 1 (docs/bundle-format.md): the writer and the
// strict reader of the pipeline
//
//   tar entries -> zstd (level 3, worker thread) -> padding frame -> age -> sink
//
// and back. Memory is bounded by fixed buffers on both sides whatever the
// size of the attachments: entries are streamed from and to ByteSources.
//
// Trust: BundleReader hands out the manifest and every entry's data as it
// goes, but NONE of it is trusted before finish() returns ok. An importer
// stages what it reads (e.g. inside an uncommitted transaction) and commits
// only after finish(); on any error it discards everything staged. What
// finish() guarantees: the manifest's Ed25519 signature verifies with the
// sender key it names; the age file was encrypted to exactly as many X25519
// recipients as the manifest lists and one of the reader's identities is
// among them (recipient binding); every entry is in the manifest, in order,
// with its size and SHA-256; the archive, the compression layer and the
// padding end exactly where they must, and the age file is authenticated to
// its end. Whether the sender is enrolled, and replay or duplicate checks,
// are the importer's business.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/transport/error.hpp"
#include "fieldseal/transport/manifest.hpp"

namespace fieldseal::transport {

// One entry to seal. `data` yields exactly `size` bytes whose SHA-256 is
// `sha256` (the writer checks both and fails otherwise); not owned. With
// check_sha256 false the writer checks the size only and takes `sha256` on
// trust: for data whose source authenticates it already (a vault attachment,
// hashed at intake and read through SQLCipher's page authentication), which
// saves a SHA-256 pass over every byte. The importer checks every hash
// either way.
struct BundleEntrySource {
  std::string name;
  std::uint64_t size = 0;
  Sha256Digest sha256{};
  crypto::ByteSource* data = nullptr;
  bool check_sha256 = true;
};

struct BundleSpec {
  BundleId bundle_id{};                          // e.g. new_bundle_id()
  std::uint64_t sequence = 0;                    // the sender's next sequence number
  std::uint64_t created = 0;                     // Unix seconds, UTC
  std::vector<crypto::X25519Recipient> recipients;
  std::vector<BundleEntrySource> entries;        // any order; sorted into tar order
  bool armor = false;
  unsigned threads = 0;                          // age worker threads (0: per core)
  int zstd_workers = 0;                          // zstd's own workers (0: none; compression
                                                 // has a thread of its own anyway)
  bool hash_file = true;                         // false: BundleSummary::file_sha256 stays zero
};

struct BundleSummary {
  Manifest manifest;
  std::string manifest_bytes;
  std::uint64_t compressed_bytes = 0;  // zstd frames
  std::uint64_t plaintext_bytes = 0;   // with the padding frame: padded_length(compressed)
  std::uint64_t file_bytes = 0;        // the age file written to the sink
  Sha256Digest file_sha256{};          // of the age file (the "whole" of split parts)
};

// Seals a bundle into `out`. Three threads, joined by bounded queues of
// 4 MiB: the calling thread reads the entries and writes the tar stream;
// a second compresses it; a third encrypts (age) and writes to `out`. So
// reading, compression and encryption use separate cores. `out` is never written by two threads at once. Memory
// is bounded whatever the entry sizes. On failure `out` holds an unusable
// prefix the caller must discard. invalid_argument for an entry whose data does not
// match its declared size, entry_hash_mismatch for one whose hash does not,
// manifest_malformed / manifest_too_large for a spec outside the format.
[[nodiscard]] Result<BundleSummary> write_bundle(const BundleSpec& spec,
                                                 const crypto::Ed25519KeyPair& sender,
                                                 crypto::ByteSink& out);

struct ReaderOptions {
  std::uint64_t max_decompressed = 0;  // 0: kMaxDecompressedBytes
  unsigned threads = 0;                // age worker threads
};

struct VerifiedBundle {
  Manifest manifest;
  std::string manifest_bytes;
  crypto::Ed25519Signature signature{};
  std::uint64_t plaintext_bytes = 0;
};

class BundleReader {
 public:
  // Opens the age file, reads manifest.json (strictly parsed) and checks the
  // recipient binding. Nothing is trusted yet.
  [[nodiscard]] static Result<std::unique_ptr<BundleReader>> open(
      crypto::ByteSource& in, std::span<const crypto::age::Identity> identities,
      ReaderOptions options = {});
  ~BundleReader();
  BundleReader(const BundleReader&) = delete;
  BundleReader& operator=(const BundleReader&) = delete;

  // The manifest as read: UNVERIFIED until finish() returns ok.
  [[nodiscard]] const Manifest& manifest() const noexcept;
  // Moves to the next entry the manifest lists (draining and checking the
  // current one); nullopt after the last. The tar entry must have the listed
  // name and size (entry_unexpected, entry_missing, entry_size_mismatch).
  [[nodiscard]] Result<std::optional<ManifestEntry>> next_entry();
  // The current entry's data; 0 at its end, by which point its SHA-256 has
  // been checked against the manifest (entry_hash_mismatch).
  [[nodiscard]] Result<std::size_t> read(std::span<std::uint8_t> out);
  // Reads any remaining entries (checked, data discarded), then manifest.sig,
  // verifies the signature and the end of every layer.
  [[nodiscard]] Result<VerifiedBundle> finish();

 private:
  struct Impl;
  explicit BundleReader(std::unique_ptr<Impl> impl) noexcept;
  Error resolve(Error error) const noexcept;
  Result<void> end_current();
  std::unique_ptr<Impl> impl_;
};

// Reads a whole bundle into memory (tests and small bundles): entries in tar
// order with their data, after finish() verified everything.
struct LoadedBundle {
  VerifiedBundle bundle;
  std::vector<std::pair<ManifestEntry, std::vector<std::uint8_t>>> entries;
};
[[nodiscard]] Result<LoadedBundle> read_bundle(crypto::ByteSource& in,
                                               std::span<const crypto::age::Identity> identities,
                                               ReaderOptions options = {});

}  // namespace fieldseal::transport
