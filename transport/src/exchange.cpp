#include "fieldseal/transport/exchange.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <system_error>
#include <utility>

#include "exchange_internal.hpp"
#include "fieldseal/crypto/age.hpp"
#include "fieldseal/storage/attachments.hpp"
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

// ------------------------------------------------------------ export sources

// ------------------------------------------------------------ export files

struct WrittenFile {
  std::filesystem::path path;
  Sha256Digest sha256{};
  std::uint64_t bytes = 0;
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
    auto file = CreatedFile::create(path);
    if (!file) return fail(file.error());
    out_.files().push_back(WrittenFile{path, {}, 0});
    current_ = std::make_unique<CreatedFile>(std::move(*file));
    return static_cast<crypto::ByteSink*>(current_.get());
  }
  Result<void> end(std::uint32_t number) override {
    (void)number;
    if (!current_) return fail(Error::internal);
    auto done = current_->finish();
    if (!done) return fail(done.error());
    out_.files().back().sha256 = done->first;
    out_.files().back().bytes = done->second;
    current_.reset();
    return {};
  }

 private:
  OutputFiles& out_;
  std::string base_;
  std::unique_ptr<CreatedFile> current_;
};

std::string neutral_base() {
  const BundleId random = new_bundle_id();
  return to_hex(std::span<const std::uint8_t>(random.data(), 8));
}

// Re-reads a written file: same size and SHA-256 as streamed, and an age
// header with one X25519 stanza per recipient (binary files; armored files
// must start with the armor line).
Result<void> verify_written(const WrittenFile& file, std::size_t recipients, bool armored) {
  auto in = OpenedFile::open(file.path);
  if (!in) return fail(Error::export_verify_failed);
  std::vector<std::uint8_t> buffer(kIoBytes);
  Sha256 hash;
  std::uint64_t total = 0;
  std::vector<std::uint8_t> head;
  for (;;) {
    auto got = in->read(buffer);
    if (!got) return fail(Error::export_verify_failed);
    if (*got == 0) break;
    const std::span<const std::uint8_t> data(buffer.data(), *got);
    hash.update(data);
    total += *got;
    if (head.size() < crypto::age::kHeaderMaxBytes) {
      const std::size_t take = std::min(data.size(), crypto::age::kHeaderMaxBytes - head.size());
      head.insert(head.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(take));
    }
  }
  if (total != file.bytes || hash.finish() != file.sha256) return fail(Error::export_verify_failed);
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

Result<std::string> seal_json(storage::Database& db, const storage::Report& report) {
  auto custody = storage::list_custody(db, report.id);
  if (!custody) return fail(vault_error(custody.error()));
  nlohmann::json amendments = nlohmann::json::array();
  for (const auto& a : report.amendments) {
    amendments.push_back({{"json", a.canonical_json}, {"signature", to_hex(a.signature)}});
  }
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : *custody) {
    entries.push_back(
        {{"entry", storage::custody_entry_bytes(e)}, {"signature", to_hex(e.signature)}});
  }
  nlohmann::json seal = {{"amendments", std::move(amendments)},
                         {"custody", std::move(entries)},
                         {"format", std::string(kReportSealFormat)},
                         {"report", report.id},
                         {"signature", to_hex(*report.signature)}};
  auto text = json_strict::dump(seal);
  if (!text) return fail(Error::report_not_exportable);
  if (text->size() > kMaxDocumentBytes) return fail(Error::report_not_exportable);
  return std::move(*text);
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

  // Documents in memory (each capped at 16 MiB by the report model);
  // attachments streamed from the vault.
  struct Doc {
    std::string name;
    std::string bytes;
    std::unique_ptr<crypto::MemorySource> source;
  };
  std::vector<Doc> docs;
  std::vector<std::unique_ptr<ChunkSource>> attachment_sources;
  std::vector<std::unique_ptr<WatchedSource>> watched;
  std::vector<BundleEntrySource> entries;
  std::set<Sha256Digest> attachment_hashes;
  std::vector<storage::ExportedReport> exported;
  std::uint64_t total_bytes = 0;
  Watch watch(options.progress, options.cancel);

  for (const auto& id : ids) {
    if (classify_entry_name("reports/" + id + ".json") != EntryKind::report) {
      return fail(Error::report_not_exportable);
    }
    auto report = storage::get_report(db, id);
    if (!report) {
      if (report.error() == storage::Error::not_found) return fail(Error::report_not_exportable);
      return fail(vault_error(report.error()));
    }
    if (report->status != storage::ReportStatus::final || !report->canonical_json ||
        !report->signature) {
      return fail(Error::report_not_exportable);
    }
    auto seal = seal_json(db, *report);
    if (!seal) return fail(seal.error());
    const Sha256Digest report_hash = Sha256::of(as_bytes(*report->canonical_json));
    exported.push_back({id, report_hash});
    docs.push_back(Doc{"reports/" + id + ".json", std::move(*report->canonical_json), nullptr});
    docs.push_back(Doc{"custody/" + id + ".json", std::move(*seal), nullptr});
    for (const auto& a : report->attachments) {
      if (!attachment_hashes.insert(a.sha256).second) continue;
      attachment_sources.push_back(std::make_unique<ChunkSource>(
          [&db, id, sha = a.sha256](std::int64_t seq) {
            return storage::attachment_chunk(db, id, sha, seq);
          }));
      watched.push_back(std::make_unique<WatchedSource>(*attachment_sources.back(), watch));
      entries.push_back(BundleEntrySource{"attachments/" + to_hex(a.sha256), a.size, a.sha256,
                                          watched.back().get()});
      total_bytes += a.size;
    }
  }
  for (auto& doc : docs) {
    const auto bytes = as_bytes(doc.bytes);
    doc.source = std::make_unique<crypto::MemorySource>(bytes);
    watched.push_back(std::make_unique<WatchedSource>(*doc.source, watch));
    entries.push_back(BundleEntrySource{doc.name, bytes.size(), Sha256::of(bytes),
                                        watched.back().get()});
    total_bytes += bytes.size();
  }
  watch.set_total(total_bytes);

  auto sequence = storage::next_export_sequence(db);
  if (!sequence) return fail(vault_error(sequence.error()));

  BundleSpec spec;
  spec.bundle_id = new_bundle_id();
  spec.sequence = *sequence;
  spec.created = options.created != 0 ? options.created : unix_now();
  spec.recipients = age_recipients;
  spec.entries = std::move(entries);
  const bool split = options.split_bytes != 0;
  spec.armor = options.armor && !split;

  OutputFiles out(options.output_dir);
  const std::string base = neutral_base();
  BundleSummary summary;
  {
    // A split bundle is first written whole (an age file, never plaintext)
    // beside the parts, then cut, then removed.
    const auto whole_path = options.output_dir / (base + ".age");
    auto file = CreatedFile::create(whole_path);
    if (!file) return fail(file.error());
    if (split) {
      out.add_scratch(whole_path);
    } else {
      out.files().push_back(WrittenFile{whole_path, {}, 0});
    }
    auto written = write_bundle(spec, vault.signing_key(), *file);
    if (!written) {
      if (watch.was_cancelled()) return fail(Error::cancelled);
      if (t_last_storage_error && written.error() == Error::io_read) {
        return fail(Error::vault_failed);
      }
      return fail(written.error());
    }
    summary = std::move(*written);
    auto done = file->finish();
    if (!done) return fail(done.error());
    if (done->first != summary.file_sha256 || done->second != summary.file_bytes) {
      return fail(Error::export_verify_failed);
    }
    if (!split) {
      out.files().back().sha256 = done->first;
      out.files().back().bytes = done->second;
    } else {
      auto whole = OpenedFile::open(whole_path);
      if (!whole) return fail(Error::export_verify_failed);
      PartFiles parts(out, base);
      SplitOptions split_options;
      split_options.max_part_bytes = options.split_bytes;
      split_options.armor = options.armor;
      auto count = split_bundle(*whole, summary.file_bytes, summary.file_sha256, spec.bundle_id,
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

  storage::ExportRecord record;
  std::copy(spec.bundle_id.begin(), spec.bundle_id.end(), record.bundle_id.begin());
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
  // The scratch whole of a split bundle goes now; the parts stay.
  for (const auto& f : std::vector<std::filesystem::path>{options.output_dir / (base + ".age")}) {
    if (split) {
      std::error_code remove_error;
      std::filesystem::remove(f, remove_error);
    }
  }
  if (split) (void)sync_directory(options.output_dir);

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
      refs.push_back(std::move(ref));
    }
  }
  auto outcome = storage::record_delivery(db, vault.signing_key(), receipt_id, refs);
  if (!outcome) return fail(vault_error(outcome.error()));

  ReceiptApplied applied;
  applied.hq_name = (*signer)->card.name;
  applied.newly_delivered = outcome->newly_delivered.size();
  applied.already_delivered = outcome->already_delivered;
  applied.unknown = outcome->unknown;
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
    for (const auto& r : bundle.reports) b.reports.push_back(ReceiptReport{r.id, r.sha256});
    result.reports += b.reports.size();
    receipt.bundles.push_back(std::move(b));
  }
  result.bundles = receipt.bundles.size();

  OutputFiles out(output_dir);
  const auto path = output_dir / (neutral_base() + ".age");
  auto file = CreatedFile::create(path);
  if (!file) return fail(file.error());
  out.files().push_back(WrittenFile{path, {}, 0});
  FIELDSEAL_TRY(write_receipt(receipt, vault.signing_key(), contact->card.age_recipient, armor, *file));
  auto done = file->finish();
  if (!done) return fail(done.error());
  out.files().back().sha256 = done->first;
  out.files().back().bytes = done->second;
  FIELDSEAL_TRY(sync_directory(output_dir));
  FIELDSEAL_TRY(verify_written(out.files().back(), 1, armor));
  out.keep();
  result.file = path;
  return result;
}

}  // namespace fieldseal::transport
