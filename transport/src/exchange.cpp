#include "fieldseal/transport/exchange.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <system_error>
#include <thread>
#include <utility>

#include "exchange_internal.hpp"
#include "fieldseal/crypto/age.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/blob_reader.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/exchange_records.hpp"
#include "fieldseal/storage/report_json.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/bundle.hpp"
#include "fieldseal/transport/digest.hpp"
#include "fieldseal/transport/parts.hpp"
#include "fieldseal/transport/receipt.hpp"

namespace fieldseal::transport {

namespace {

thread_local std::optional<storage::Error> t_last_storage_error;

// Chunk size of attachment and quarantine reads (the vault's chunk size).
constexpr std::size_t kIoBytes = storage::kAttachmentChunkBytes;
constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
// Memory for seals kept between the export's two passes (bounded, so that
// memory stays flat whatever the number of reports).
constexpr std::uint64_t kKeptSealBytes = std::uint64_t{8} << 20;

// ------------------------------------------------------------ export files

// The read-back check of a written file: a Poly1305 tag (libsodium
// crypto_onetimeauth) of every kCheckSegmentBytes segment, computed while
// writing and again when the file is read back, the segments on
// kCheckThreads threads. A check against storage faults, not an adversary
// (the adversary's changes are caught by age and the signed manifest at
// HQ): Poly1305 under a fresh random key per export, each segment under its
// own subkey (crypto_kdf, so no key is used twice), misses a changed file
// with probability about 2^-100 per segment and runs at several GB/s, where
// BLAKE2b ran at about 1 GB/s. The key protects nothing secret.
constexpr std::size_t kCheckDigestBytes = crypto_onetimeauth_BYTES;
using CheckDigest = std::array<std::uint8_t, kCheckDigestBytes>;
using CheckKey = std::array<std::uint8_t, crypto_kdf_KEYBYTES>;
constexpr std::uint64_t kCheckSegmentBytes = std::uint64_t{64} << 20;
constexpr unsigned kCheckThreads = 2;
constexpr char kCheckContext[crypto_kdf_CONTEXTBYTES + 1] = "fsexport";

void start_segment(crypto_onetimeauth_state& state, const CheckKey& key, std::uint64_t segment) {
  std::array<std::uint8_t, crypto_onetimeauth_KEYBYTES> subkey{};
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), segment, kCheckContext, key.data());
  crypto_onetimeauth_init(&state, subkey.data());
  sodium_memzero(subkey.data(), subkey.size());
}

class SegmentHasher {
 public:
  SegmentHasher() {
    crypto_kdf_keygen(key_.data());
    restart();
  }
  void update(std::span<const std::uint8_t> data) {
    while (!data.empty()) {
      const auto n = static_cast<std::size_t>(
          std::min<std::uint64_t>(data.size(), kCheckSegmentBytes - in_segment_));
      crypto_onetimeauth_update(&state_, data.data(), n);
      in_segment_ += n;
      data = data.subspan(n);
      if (in_segment_ == kCheckSegmentBytes) close_segment();
    }
  }
  [[nodiscard]] std::vector<CheckDigest> finish() {
    if (in_segment_ > 0 || digests_.empty()) close_segment();
    return std::move(digests_);
  }
  [[nodiscard]] const CheckKey& key() const noexcept { return key_; }

 private:
  void restart() {
    start_segment(state_, key_, digests_.size());
    in_segment_ = 0;
  }
  void close_segment() {
    CheckDigest d{};
    crypto_onetimeauth_final(&state_, d.data());
    digests_.push_back(d);
    restart();
  }
  CheckKey key_{};
  crypto_onetimeauth_state state_{};
  std::uint64_t in_segment_ = 0;
  std::vector<CheckDigest> digests_;
};

struct WrittenFile {
  std::filesystem::path path;
  std::vector<CheckDigest> segments;
  std::uint64_t bytes = 0;
  CheckKey key{};
};

// A new output file (O_EXCL, 0600) that keeps the check digests of what is
// written; finish() fsyncs and closes it.
class OutputFile final : public crypto::ByteSink {
 public:
  [[nodiscard]] static Result<OutputFile> create(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return fail(Error::io_write);
    return OutputFile(fd);
  }
  OutputFile(OutputFile&& other) noexcept
      : fd_(std::exchange(other.fd_, -1)), hasher_(std::move(other.hasher_)), bytes_(other.bytes_) {}
  OutputFile& operator=(OutputFile&&) = delete;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile() override {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override {
    if (fd_ < 0) return fail(crypto::Error::io_write);
    crypto::FdSink sink(fd_);
    FIELDSEAL_TRY(sink.write(data));
    hasher_.update(data);
    bytes_ += data.size();
    return {};
  }
  [[nodiscard]] Result<void> finish(WrittenFile& into) {
    if (fd_ < 0) return fail(Error::io_write);
    const bool synced = ::fsync(fd_) == 0;
    const bool closed = ::close(fd_) == 0;
    fd_ = -1;
    if (!synced || !closed) return fail(Error::io_write);
    into.key = hasher_.key();
    into.segments = hasher_.finish();
    into.bytes = bytes_;
    return {};
  }

 private:
  explicit OutputFile(int fd) noexcept : fd_(fd) {}
  int fd_ = -1;
  SegmentHasher hasher_;
  std::uint64_t bytes_ = 0;
};

// Creates and writes files in the output directory, all removed again unless
// keep() is called.
class OutputFiles {
 public:
  explicit OutputFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}
  ~OutputFiles() {
    if (kept_) return;
    for (const auto& f : files_) {
      std::error_code ec;
      std::filesystem::remove(f.path, ec);
    }
    for (const auto& p : scratch_) {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  }
  OutputFiles(const OutputFiles&) = delete;
  OutputFiles& operator=(const OutputFiles&) = delete;

  std::vector<WrittenFile>& files() noexcept { return files_; }
  void keep() noexcept { kept_ = true; }
  void add_scratch(const std::filesystem::path& p) { scratch_.push_back(p); }
  const std::filesystem::path& dir() const noexcept { return dir_; }

 private:
  std::filesystem::path dir_;
  std::vector<WrittenFile> files_;
  std::vector<std::filesystem::path> scratch_;
  bool kept_ = false;
};

class PartFiles final : public PartWriter {
 public:
  PartFiles(OutputFiles& out, std::string base) : out_(out), base_(std::move(base)) {}
  Result<crypto::ByteSink*> begin(std::uint32_t number, std::uint32_t count) override {
    (void)count;
    const auto path = out_.dir() / (base_ + "-" + std::to_string(number) + ".age");
    auto file = OutputFile::create(path);
    if (!file) return fail(file.error());
    out_.files().push_back(WrittenFile{path, {}, 0});
    current_ = std::make_unique<OutputFile>(std::move(*file));
    return static_cast<crypto::ByteSink*>(current_.get());
  }
  Result<void> end(std::uint32_t number) override {
    (void)number;
    if (!current_) return fail(Error::internal);
    FIELDSEAL_TRY(current_->finish(out_.files().back()));
    current_.reset();
    return {};
  }

 private:
  OutputFiles& out_;
  std::string base_;
  std::unique_ptr<OutputFile> current_;
};

std::string neutral_base() {
  const BundleId random = new_bundle_id();
  return to_hex(std::span<const std::uint8_t>(random.data(), 8));
}

// Re-reads a written file: same size and check digests as streamed (the
// segments split over kCheckThreads threads, each with its own descriptor),
// and an age header with one X25519 stanza per recipient (binary files;
// armored files must start with the armor line).
Result<void> verify_written(const WrittenFile& file, std::size_t recipients, bool armored) {
  struct stat st {};
  if (::stat(file.path.c_str(), &st) != 0 || static_cast<std::uint64_t>(st.st_size) != file.bytes) {
    return fail(Error::export_verify_failed);
  }
  const std::size_t segments = file.segments.size();
  if (segments == 0 || segments != std::max<std::uint64_t>(1, (file.bytes + kCheckSegmentBytes - 1) /
                                                                  kCheckSegmentBytes)) {
    return fail(Error::export_verify_failed);
  }
  std::vector<std::uint8_t> head;
  auto check = [&](unsigned lane, bool keep_head) -> bool {
    const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    std::vector<std::uint8_t> buffer(kIoBytes);
    bool ok = true;
    for (std::size_t seg = lane; ok && seg < segments; seg += kCheckThreads) {
      const std::uint64_t begin = seg * kCheckSegmentBytes;
      const std::uint64_t end = std::min(file.bytes, begin + kCheckSegmentBytes);
      crypto_onetimeauth_state state;
      start_segment(state, file.key, seg);
      for (std::uint64_t at = begin; at < end;) {
        const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), end - at));
        const ssize_t got = ::pread(fd, buffer.data(), want, static_cast<off_t>(at));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
          ok = false;
          break;
        }
        const auto n = static_cast<std::size_t>(got);
        crypto_onetimeauth_update(&state, buffer.data(), n);
        if (keep_head && seg == 0 && head.size() < crypto::age::kHeaderMaxBytes) {
          const std::size_t take = std::min(n, crypto::age::kHeaderMaxBytes - head.size());
          head.insert(head.end(), buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(take));
        }
        at += n;
      }
      CheckDigest digest{};
      crypto_onetimeauth_final(&state, digest.data());
      ok = ok && sodium_memcmp(digest.data(), file.segments[seg].data(), digest.size()) == 0;
    }
    ::close(fd);
    return ok;
  };
  bool other_ok = true;
  {
    std::thread other;
    if (segments > 1) other = std::thread([&] { other_ok = check(1, false); });
    const bool first_ok = check(0, true);
    if (other.joinable()) other.join();
    if (!first_ok || !other_ok) return fail(Error::export_verify_failed);
  }
  if (armored) {
    if (head.size() < kArmorBegin.size() ||
        !std::equal(kArmorBegin.begin(), kArmorBegin.end(), head.begin())) {
      return fail(Error::export_verify_failed);
    }
    return {};
  }
  auto parsed = crypto::age::parse_header(head);
  if (!parsed) return fail(Error::export_verify_failed);
  std::size_t x25519 = 0;
  for (const auto& stanza : parsed->header.stanzas) {
    if (stanza.type == "X25519") ++x25519;
  }
  if (x25519 != recipients || parsed->header.stanzas.size() != recipients) {
    return fail(Error::export_verify_failed);
  }
  return {};
}

Result<void> require_role(storage::Vault& vault, storage::Role role) {
  if (!vault.is_open()) return fail(Error::invalid_argument);
  if (vault.role() != role) return fail(Error::wrong_role);
  return {};
}

}  // namespace

// ------------------------------------------------------------ shared helpers

Error vault_error(storage::Error error) noexcept {
  t_last_storage_error = error;
  return Error::vault_failed;
}

std::optional<storage::Error> last_storage_error() noexcept { return t_last_storage_error; }

std::uint64_t unix_now() noexcept {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now).count();
  return seconds < 0 ? 0 : static_cast<std::uint64_t>(seconds);
}

std::vector<crypto::age::Identity> vault_identities(const storage::Vault& vault) {
  const auto& identity = vault.age_identity();
  auto copy = crypto::X25519Identity::from_secret(
      crypto::SecretBuffer::from_bytes(identity.secret().read().span()));
  std::vector<crypto::age::Identity> out;
  if (copy) out.emplace_back(std::move(*copy));
  return out;
}

Result<CreatedFile> CreatedFile::create(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return fail(Error::io_write);
  return CreatedFile(fd);
}

CreatedFile::CreatedFile(CreatedFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), hash_(other.hash_), bytes_(other.bytes_) {}

CreatedFile::~CreatedFile() {
  if (fd_ >= 0) ::close(fd_);
}

crypto::Result<void> CreatedFile::write(std::span<const std::uint8_t> data) {
  if (fd_ < 0) return fail(crypto::Error::io_write);
  crypto::FdSink sink(fd_);
  auto done = sink.write(data);
  if (!done) return done;
  hash_.update(data);
  bytes_ += data.size();
  return {};
}

Result<std::pair<Sha256Digest, std::uint64_t>> CreatedFile::finish() {
  if (fd_ < 0) return fail(Error::io_write);
  const bool synced = ::fsync(fd_) == 0;
  const bool closed = ::close(fd_) == 0;
  fd_ = -1;
  if (!synced || !closed) return fail(Error::io_write);
  return std::make_pair(hash_.finish(), bytes_);
}

Result<void> sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return fail(Error::io_write);
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return fail(Error::io_write);
  return {};
}

Result<OpenedFile> OpenedFile::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return fail(Error::io_read);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(Error::io_read);
  }
  return OpenedFile(fd, static_cast<std::uint64_t>(st.st_size));
}

OpenedFile::OpenedFile(OpenedFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

OpenedFile::~OpenedFile() {
  if (fd_ >= 0) ::close(fd_);
}

crypto::Result<std::size_t> OpenedFile::read(std::span<std::uint8_t> out) {
  crypto::FdSource source(fd_);
  return source.read(out);
}

crypto::Result<std::size_t> ChunkSource::read(std::span<std::uint8_t> out) {
  if (out.empty()) return std::size_t{0};
  while (offset_ == chunk_.size()) {
    if (done_) return std::size_t{0};
    auto chunk = fetch_(seq_);
    if (!chunk) {
      (void)vault_error(chunk.error());
      return fail(crypto::Error::io_read);
    }
    if (!*chunk) {
      done_ = true;
      return std::size_t{0};
    }
    chunk_ = std::move(**chunk);
    offset_ = 0;
    ++seq_;
  }
  const std::size_t n = std::min(out.size(), chunk_.size() - offset_);
  std::copy_n(chunk_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
  offset_ += n;
  return n;
}

void Watch::advance(std::uint64_t bytes) {
  done_ += bytes;
  if (progress_) progress_(done_, total_);
}

bool Watch::cancelled() {
  if (cancel_ != nullptr && cancel_->load()) was_cancelled_ = true;
  return was_cancelled_;
}

// ------------------------------------------------------------ report seal

namespace {

using AmendmentRefs = std::vector<std::pair<std::string, crypto::Ed25519Signature>>;

Result<std::string> seal_document(const std::vector<storage::CustodyEntry>& custody,
                                  const std::string& id, const crypto::Ed25519Signature& signature,
                                  const AmendmentRefs& amendment_refs) {
  nlohmann::json amendments = nlohmann::json::array();
  for (const auto& [json, sig] : amendment_refs) {
    amendments.push_back({{"json", json}, {"signature", to_hex(sig)}});
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : custody) {
    entries.push_back(
        {{"entry", storage::custody_entry_bytes(e)}, {"signature", to_hex(e.signature)}});
  }
  nlohmann::json seal = {{"amendments", std::move(amendments)},
                         {"custody", std::move(entries)},
                         {"format", std::string(kReportSealFormat)},
                         {"report", id},
                         {"signature", to_hex(signature)}};
  auto text = json_strict::dump(seal);
  if (!text) return fail(Error::report_not_exportable);
  if (text->size() > kMaxDocumentBytes) return fail(Error::report_not_exportable);
  return std::move(*text);
}

// An entry's bytes, built from the vault when the tar writer reaches the
// entry and released at its end, so that one document at a time is in
// memory. A build failure reads as io_read (vault errors are remembered by
// vault_error; others in error()).
class DocumentSource final : public crypto::ByteSource {
 public:
  using Build = std::function<Result<std::string>()>;
  explicit DocumentSource(Build build) : build_(std::move(build)) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    if (!built_) {
      auto text = build_();
      if (!text) {
        error_ = text.error();
        return fail(crypto::Error::io_read);
      }
      text_ = std::move(*text);
      built_ = true;
    }
    const std::size_t n = std::min(out.size(), text_.size() - offset_);
    std::copy_n(text_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
    offset_ += n;
    if (offset_ == text_.size()) {
      text_.clear();
      text_.shrink_to_fit();
      offset_ = 0;
    }
    return n;
  }
  [[nodiscard]] std::optional<Error> error() const noexcept { return error_; }

 private:
  Build build_;
  std::string text_;
  std::size_t offset_ = 0;
  bool built_ = false;
  std::optional<Error> error_;
};

// An attachment streamed from the vault by incremental blob I/O straight
// into the tar writer's buffer (blob_reader.hpp), opened at its first read
// and closed at its end so that one blob handle at a time is open. A vault
// error reads as io_read (last_storage_error() has it).
class AttachmentSource final : public crypto::ByteSource {
 public:
  AttachmentSource(storage::Database& db, std::string report_id, const Sha256Digest& sha256)
      : db_(db), report_id_(std::move(report_id)), sha256_(sha256) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    if (done_) return std::size_t{0};
    if (!reader_) {
      auto opened = storage::AttachmentBlobReader::open(db_, report_id_, sha256_);
      if (!opened) {
        (void)vault_error(opened.error());
        return fail(crypto::Error::io_read);
      }
      reader_.emplace(std::move(*opened));
    }
    auto n = reader_->read(out);
    if (!n) {
      (void)vault_error(n.error());
      reader_.reset();
      return fail(crypto::Error::io_read);
    }
    if (*n == 0 && !out.empty()) {
      reader_.reset();
      done_ = true;
    }
    return *n;
  }

 private:
  storage::Database& db_;
  std::string report_id_;
  Sha256Digest sha256_;
  std::optional<storage::AttachmentBlobReader> reader_;
  bool done_ = false;
};

}  // namespace

Result<std::string> seal_json(storage::Database& db, const storage::Report& report) {
  if (!report.signature) return fail(Error::report_not_exportable);
  AmendmentRefs refs;
  for (const auto& a : report.amendments) refs.emplace_back(a.canonical_json, a.signature);
  auto custody = storage::list_custody(db, report.id);
  if (!custody) return fail(vault_error(custody.error()));
  return seal_document(*custody, report.id, *report.signature, refs);
}

// ------------------------------------------------------------ export

Result<ExportResult> export_bundle(storage::Vault& vault, std::span<const std::string> recipients,
                                   std::span<const std::string> report_ids,
                                   const ExportOptions& options) {
  FIELDSEAL_TRY(require_role(vault, storage::Role::field));
  t_last_storage_error.reset();
  storage::Database& db = vault.database();
  if (recipients.empty()) return fail(Error::invalid_argument);
  std::error_code ec;
  if (options.output_dir.empty() || !std::filesystem::is_directory(options.output_dir, ec)) {
    return fail(Error::invalid_argument);
  }

  std::vector<crypto::X25519Recipient> age_recipients;
  std::vector<storage::ExportRecipient> recorded;
  for (const auto& name : recipients) {
    auto contact = storage::find_contact(db, name);
    if (!contact) {
      if (contact.error() == storage::Error::not_found) return fail(Error::unknown_contact);
      return fail(vault_error(contact.error()));
    }
    if (contact->card.role != crypto::CardRole::hq) return fail(Error::unknown_contact);
    if (std::find(age_recipients.begin(), age_recipients.end(), contact->card.age_recipient) !=
        age_recipients.end()) {
      continue;
    }
    age_recipients.push_back(contact->card.age_recipient);
    recorded.push_back({contact->card.name, contact->card.signing_key.bytes()});
  }
  if (age_recipients.size() > kMaxRecipients) return fail(Error::invalid_argument);

  std::vector<std::string> ids;
  if (report_ids.empty()) {
    auto pending = storage::undelivered_final_reports(db);
    if (!pending) return fail(vault_error(pending.error()));
    ids = std::move(*pending);
  } else {
    ids.assign(report_ids.begin(), report_ids.end());
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
  if (ids.empty()) return fail(Error::nothing_to_export);

  // First pass: names, sizes and hashes only. The manifest comes first in
  // the tar, so every document is built once here to learn its hash and
  // size, dropped, and built again when its entry is written (second pass,
  // DocumentSource); attachments are streamed from the vault. Seals
  // (custody/<id>.json, a few KiB each) are kept from the first pass while
  // they fit kKeptSealBytes: rebuilding one re-reads its report row, whose
  // signature columns lie behind the text in the row's overflow pages.
  std::vector<std::unique_ptr<crypto::ByteSource>> sources;
  std::vector<std::unique_ptr<WatchedSource>> watched;
  std::vector<BundleEntrySource> entries;
  std::set<Sha256Digest> attachment_hashes;
  std::vector<storage::ExportedReport> exported;
  std::uint64_t total_bytes = 0;
  std::uint64_t kept_seal_bytes = 0;
  Watch watch(options.progress, options.cancel);
  auto add_entry = [&](std::string name, std::uint64_t size, const Sha256Digest& sha256,
                       std::unique_ptr<crypto::ByteSource> source, bool check) {
    sources.push_back(std::move(source));
    watched.push_back(std::make_unique<WatchedSource>(*sources.back(), watch));
    entries.push_back(BundleEntrySource{std::move(name), size, sha256, watched.back().get(), check});
    total_bytes += size;
  };

  auto reader_made = storage::ExportReader::create(db);
  if (!reader_made) return fail(vault_error(reader_made.error()));
  storage::ExportReader& reader = *reader_made;
  auto seal_of = [&reader](const std::string& id, const crypto::Ed25519Signature& signature,
                           const AmendmentRefs& amendments) -> Result<std::string> {
    auto custody = reader.custody(id);
    if (!custody) return fail(vault_error(custody.error()));
    return seal_document(*custody, id, signature, amendments);
  };
  for (const auto& id : ids) {
    if (classify_entry_name("reports/" + id + ".json") != EntryKind::report) {
      return fail(Error::report_not_exportable);
    }
    auto data = reader.report(id);
    if (!data) {
      if (data.error() == storage::Error::not_found) return fail(Error::report_not_exportable);
      return fail(vault_error(data.error()));
    }
    if (data->status != storage::ReportStatus::final || !data->signature ||
        !data->content_sha256 || data->json_bytes == 0 || data->json_bytes > kMaxDocumentBytes) {
      return fail(Error::report_not_exportable);
    }
    auto seal = seal_of(id, *data->signature, data->amendments);
    if (!seal) return fail(seal.error());
    const Sha256Digest seal_hash = Sha256::of(as_bytes(*seal));
    const std::uint64_t seal_bytes = seal->size();
    exported.push_back({id, *data->content_sha256});
    add_entry("reports/" + id + ".json", data->json_bytes, *data->content_sha256,
              std::make_unique<DocumentSource>([&reader, id]() -> Result<std::string> {
                auto json = reader.canonical_json(id);
                if (!json) return fail(vault_error(json.error()));
                return std::move(*json);
              }),
              true);
    if (kept_seal_bytes + seal_bytes <= kKeptSealBytes) {
      // Kept: the very bytes just hashed, so the writer need not hash them again.
      kept_seal_bytes += seal_bytes;
      add_entry("custody/" + id + ".json", seal_bytes, seal_hash,
                std::make_unique<DocumentSource>(
                    [text = std::move(*seal)]() mutable -> Result<std::string> {
                      return std::move(text);
                    }),
                false);
    } else {
      add_entry("custody/" + id + ".json", seal_bytes, seal_hash,
                std::make_unique<DocumentSource>([&reader, &seal_of, id]() -> Result<std::string> {
                  auto again = reader.report(id);
                  if (!again) return fail(vault_error(again.error()));
                  if (!again->signature) return fail(Error::report_not_exportable);
                  return seal_of(id, *again->signature, again->amendments);
                }),
                true);
    }
    for (const auto& [sha256, size] : data->attachments) {
      if (!attachment_hashes.insert(sha256).second) continue;
      add_entry("attachments/" + to_hex(sha256), size, sha256,
                std::make_unique<AttachmentSource>(db, id, sha256), false);
    }
  }
  // What write_bundle would refuse, refused before a sequence number is taken.
  if (entries.size() > kMaxEntries) return fail(Error::manifest_malformed);
  watch.set_total(total_bytes);
  if (watch.cancelled()) return fail(Error::cancelled);

  BundleSpec spec;
  spec.bundle_id = new_bundle_id();
  spec.created = options.created != 0 ? options.created : unix_now();
  spec.recipients = age_recipients;
  spec.entries = std::move(entries);
  const bool split = options.split_bytes != 0;
  spec.armor = options.armor && !split;
  spec.threads = 1;
  // Unsplit bundles are checked with the files' own digests; the SHA-256 of
  // the whole is needed only to cut parts.
  spec.hash_file = split;

  if (split) {
    // split_bundle's own check, made before a sequence number is taken: the
    // smallest part (one byte of slice) must fit. An empty age file to the
    // same recipients measures the header.
    std::vector<crypto::age::Recipient> probe(age_recipients.begin(), age_recipients.end());
    auto empty = crypto::age::encrypt(probe, {});
    if (!empty) return fail(from_crypto(empty.error()));
    const std::uint64_t header_bytes = empty->size() - age_file_bytes(0, 0, false);
    if (age_file_bytes(kPartHeaderBytes + 1, header_bytes, options.armor) > options.split_bytes) {
      return fail(Error::part_size_too_small);
    }
  }

  // The sequence number is taken now, durably, before any file exists: a
  // failed or killed export burns it (exchange_records.hpp).
  storage::BundleIdBytes reserved_id{};
  std::copy(spec.bundle_id.begin(), spec.bundle_id.end(), reserved_id.begin());
  auto sequence = storage::reserve_export_sequence(db, reserved_id, spec.created);
  if (!sequence) return fail(vault_error(sequence.error()));
  spec.sequence = *sequence;

  OutputFiles out(options.output_dir);
  const std::string base = neutral_base();
  const auto whole_path = options.output_dir / (base + ".age");
  BundleSummary summary;
  {
    // A split bundle is first written whole (an age file, never plaintext)
    // beside the parts, then cut, then removed.
    auto file = OutputFile::create(whole_path);
    if (!file) return fail(file.error());
    WrittenFile whole{whole_path, {}, 0};
    if (split) {
      out.add_scratch(whole_path);
    } else {
      out.files().push_back(whole);
    }
    auto written = write_bundle(spec, vault.signing_key(), *file);
    if (!written) {
      if (watch.was_cancelled()) return fail(Error::cancelled);
      if (written.error() == Error::io_read) {
        for (const auto& source : sources) {
          if (const auto* doc = dynamic_cast<const DocumentSource*>(source.get());
              doc != nullptr && doc->error() && *doc->error() != Error::vault_failed) {
            return fail(*doc->error());
          }
        }
        if (t_last_storage_error) return fail(Error::vault_failed);
      }
      return fail(written.error());
    }
    summary = std::move(*written);
    FIELDSEAL_TRY(file->finish(split ? whole : out.files().back()));
    const WrittenFile& done = split ? whole : out.files().back();
    if (done.bytes != summary.file_bytes) return fail(Error::export_verify_failed);
    sources.clear();
    watched.clear();
    if (split) {
      auto reread = OpenedFile::open(whole_path);
      if (!reread) return fail(Error::export_verify_failed);
      PartFiles parts(out, base);
      SplitOptions split_options;
      split_options.max_part_bytes = options.split_bytes;
      split_options.armor = options.armor;
      auto count = split_bundle(*reread, summary.file_bytes, summary.file_sha256, spec.bundle_id,
                                age_recipients, split_options, parts);
      if (!count) {
        if (count.error() == Error::invalid_argument) return fail(Error::export_verify_failed);
        return fail(count.error());
      }
    }
  }
  if (watch.cancelled()) return fail(Error::cancelled);
  FIELDSEAL_TRY(sync_directory(options.output_dir));
  for (const auto& f : out.files()) {
    FIELDSEAL_TRY(verify_written(f, age_recipients.size(), options.armor));
  }
  if (options.before_record && !options.before_record()) {
    return fail(Error::cancelled);
  }

  storage::ExportRecord record;
  record.bundle_id = reserved_id;
  record.sequence = spec.sequence;
  record.created = spec.created;
  record.bundle_bytes = summary.file_bytes;
  record.file_count = static_cast<std::uint32_t>(out.files().size());
  record.recipients = recorded;
  record.reports = exported;
  if (auto saved = storage::record_bundle_export(db, vault.signing_key(), record); !saved) {
    return fail(vault_error(saved.error()));
  }
  out.keep();
  if (split) {
    // The scratch whole goes now; the parts stay.
    std::error_code remove_error;
    std::filesystem::remove(whole_path, remove_error);
    (void)sync_directory(options.output_dir);
  }

  ExportResult result;
  result.bundle_id = spec.bundle_id;
  result.sequence = spec.sequence;
  for (const auto& f : out.files()) result.files.push_back(f.path);
  result.report_ids = ids;
  result.bundle_bytes = summary.file_bytes;
  return result;
}

// ------------------------------------------------------------ field: receipts, purge

Result<ReceiptApplied> apply_receipt(storage::Vault& vault, crypto::ByteSource& in) {
  FIELDSEAL_TRY(require_role(vault, storage::Role::field));
  storage::Database& db = vault.database();
  const auto identities = vault_identities(vault);
  auto receipt = read_receipt(in, identities);
  if (!receipt) return fail(receipt.error());
  if (!(receipt->researcher == vault.signing_key().public_key())) {
    return fail(Error::receipt_not_for_us);
  }
  auto signer = storage::find_contact_by_signing_key(db, receipt->hq);
  if (!signer) return fail(vault_error(signer.error()));
  if (!*signer || (*signer)->card.role != crypto::CardRole::hq) {
    return fail(Error::receipt_unknown_signer);
  }
  auto canonical = serialize(*receipt);
  if (!canonical) return fail(canonical.error());
  const auto digest = Sha256::of(as_bytes(*canonical));
  const std::string receipt_id = to_hex(std::span<const std::uint8_t>(digest.data(), 16));

  std::vector<storage::DeliveredRef> refs;
  for (const auto& bundle : receipt->bundles) {
    for (const auto& report : bundle.reports) {
      storage::DeliveredRef ref;
      std::copy(bundle.id.begin(), bundle.id.end(), ref.bundle_id.begin());
      ref.report_id = report.id;
      ref.sha256 = report.sha256;
      ref.state = report.state;
      refs.push_back(std::move(ref));
    }
  }
  auto outcome =
      storage::record_delivery(db, vault.signing_key(), receipt_id, receipt->hq.bytes(), refs);
  if (!outcome) return fail(vault_error(outcome.error()));

  ReceiptApplied applied;
  applied.hq_name = (*signer)->card.name;
  applied.newly_delivered = outcome->newly_delivered.size();
  applied.already_delivered = outcome->already_delivered;
  applied.unknown = outcome->unknown;
  applied.outdated = outcome->outdated;
  auto purge_on = vault.config(storage::kConfigPurgeOnReceipt);
  if (!purge_on) return fail(vault_error(purge_on.error()));
  if (*purge_on == "on" && !outcome->newly_delivered.empty()) {
    if (auto purged = storage::purge_reports(db, vault.signing_key(), outcome->newly_delivered);
        !purged) {
      return fail(vault_error(purged.error()));
    }
    applied.purged = outcome->newly_delivered.size();
  }
  return applied;
}

Result<ReceiptApplied> apply_receipt_file(storage::Vault& vault, const std::filesystem::path& file) {
  FIELDSEAL_TRY(require_role(vault, storage::Role::field));
  auto in = OpenedFile::open(file);
  if (!in) return fail(in.error());
  return apply_receipt(vault, *in);
}

Result<std::size_t> purge_delivered(storage::Vault& vault) {
  FIELDSEAL_TRY(require_role(vault, storage::Role::field));
  auto ids = storage::delivered_unpurged_reports(vault.database());
  if (!ids) return fail(vault_error(ids.error()));
  if (ids->empty()) return std::size_t{0};
  if (auto purged = storage::purge_reports(vault.database(), vault.signing_key(), *ids); !purged) {
    return fail(vault_error(purged.error()));
  }
  return ids->size();
}

// ------------------------------------------------------------ HQ: receipts

Result<ReceiptFile> make_receipt(storage::Vault& vault, const std::string& researcher,
                                 const std::filesystem::path& output_dir, bool armor) {
  FIELDSEAL_TRY(require_role(vault, storage::Role::hq));
  storage::Database& db = vault.database();
  std::error_code ec;
  if (output_dir.empty() || !std::filesystem::is_directory(output_dir, ec)) {
    return fail(Error::invalid_argument);
  }
  auto contact = storage::find_contact(db, researcher);
  if (!contact) {
    if (contact.error() == storage::Error::not_found) return fail(Error::unknown_contact);
    return fail(vault_error(contact.error()));
  }
  if (contact->card.role != crypto::CardRole::field) return fail(Error::unknown_contact);
  auto received = storage::received_from(db, contact->card.signing_key.bytes());
  if (!received) return fail(vault_error(received.error()));
  if (received->empty()) return fail(Error::nothing_to_receipt);

  Receipt receipt;
  receipt.hq = vault.signing_key().public_key();
  receipt.researcher = contact->card.signing_key;
  receipt.created = unix_now();
  ReceiptFile result;
  for (const auto& bundle : *received) {
    ReceiptBundle b;
    std::copy(bundle.bundle_id.begin(), bundle.bundle_id.end(), b.id.begin());
    for (const auto& r : bundle.reports) {
      auto state = storage::report_state(db, r.id);
      if (!state) return fail(vault_error(state.error()));
      // A report HQ holds only as a draft or stub is not confirmed.
      if (!*state) continue;
      b.reports.push_back(ReceiptReport{r.id, r.sha256, **state});
    }
    if (b.reports.empty()) continue;
    result.reports += b.reports.size();
    receipt.bundles.push_back(std::move(b));
  }
  if (receipt.bundles.empty()) return fail(Error::nothing_to_receipt);
  result.bundles = receipt.bundles.size();

  OutputFiles out(output_dir);
  const auto path = output_dir / (neutral_base() + ".age");
  auto file = OutputFile::create(path);
  if (!file) return fail(file.error());
  out.files().push_back(WrittenFile{path, {}, 0});
  FIELDSEAL_TRY(write_receipt(receipt, vault.signing_key(), contact->card.age_recipient, armor, *file));
  FIELDSEAL_TRY(file->finish(out.files().back()));
  FIELDSEAL_TRY(sync_directory(output_dir));
  FIELDSEAL_TRY(verify_written(out.files().back(), 1, armor));
  out.keep();
  result.file = path;
  return result;
}

}  // namespace fieldseal::transport
