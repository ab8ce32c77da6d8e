#include "fieldseal/transport/bundle.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "age_io.hpp"
#include "fieldseal/transport/tar_stream.hpp"
#include "fieldseal/transport/zstd_stream.hpp"

namespace fieldseal::transport {

namespace {

constexpr std::size_t kDrainChunk = 64 * 1024;

int tar_order(std::string_view name) noexcept {
  auto kind = classify_entry_name(name);
  if (!kind) return 9;
  switch (*kind) {
    case EntryKind::report: return 0;
    case EntryKind::attachment: return 1;
    case EntryKind::custody: return 2;
    default: return 9;
  }
}

std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept {
  return crypto::as_bytes(text);
}

// Blocks handed from the compressing side to the encrypting thread: about
// kPipeBlocks x kPipeBlockBytes in flight.
constexpr std::size_t kPipeBlockBytes = 1024 * 1024;
constexpr std::size_t kPipeBlocks = 4;

// Writes to `inner` on a thread of its own, so that what sits behind it
// (compression; or age encryption and the file) runs beside the producer
// rather than in turn with it. The producer blocks while kPipeBlocks blocks are queued.
class PipeSink final : public crypto::ByteSink {
 public:
  explicit PipeSink(crypto::ByteSink& inner) : inner_(inner) {
    for (std::size_t i = 0; i < kPipeBlocks; ++i) {
      free_.emplace_back();
      free_.back().reserve(kPipeBlockBytes);
    }
    worker_ = std::thread([this] { run(); });
  }
  // Abandons what is still queued (an error path: the output is discarded).
  ~PipeSink() override {
    {
      std::lock_guard lock(mutex_);
      failed_ = true;
    }
    (void)stop();
  }
  PipeSink(const PipeSink&) = delete;
  PipeSink& operator=(const PipeSink&) = delete;

  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override {
    while (!data.empty()) {
      if (!current_.has_value()) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !free_.empty() || failed_; });
        if (failed_) return fail(crypto::Error::io_write);
        current_ = std::move(free_.back());
        free_.pop_back();
        current_->clear();
      }
      const std::size_t n = std::min(data.size(), kPipeBlockBytes - current_->size());
      current_->insert(current_->end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n));
      data = data.subspan(n);
      if (current_->size() == kPipeBlockBytes) hand_over();
    }
    return {};
  }

  // Hands over what is buffered and waits until the thread has written
  // everything (true) or failed (false). Idempotent.
  [[nodiscard]] bool stop() {
    if (worker_.joinable()) {
      if (current_.has_value()) hand_over();
      {
        std::lock_guard lock(mutex_);
        closing_ = true;
      }
      ready_.notify_all();
      worker_.join();
    }
    return !failed_;
  }

 private:
  void hand_over() {
    {
      std::lock_guard lock(mutex_);
      full_.push_back(std::move(*current_));
    }
    current_.reset();
    ready_.notify_all();
  }

  void run() {
    for (;;) {
      std::vector<std::uint8_t> block;
      bool skip = false;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !full_.empty() || closing_; });
        if (full_.empty()) return;
        block = std::move(full_.front());
        full_.pop_front();
        skip = failed_;
      }
      const bool ok = !skip && inner_.write(block).ok();
      {
        std::lock_guard lock(mutex_);
        if (!ok) failed_ = true;
        free_.push_back(std::move(block));
      }
      ready_.notify_all();
    }
  }

  crypto::ByteSink& inner_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::vector<std::uint8_t>> full_;
  std::vector<std::vector<std::uint8_t>> free_;
  std::optional<std::vector<std::uint8_t>> current_;
  bool closing_ = false;
  bool failed_ = false;  // guarded by mutex_ while the worker runs
  std::thread worker_;
};

// Counts what reaches `out` and, if asked, hashes it.
class FileSideSink final : public crypto::ByteSink {
 public:
  FileSideSink(crypto::ByteSink& out, bool hash) noexcept : out_(out), hash_(hash) {}
  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override {
    FIELDSEAL_TRY(out_.write(data));
    if (hash_) sha_.update(data);
    bytes_ += data.size();
    return {};
  }
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }
  [[nodiscard]] Sha256Digest finish() noexcept { return hash_ ? sha_.finish() : Sha256Digest{}; }

 private:
  crypto::ByteSink& out_;
  bool hash_;
  Sha256 sha_;
  std::uint64_t bytes_ = 0;
};

}  // namespace

// --- writer -------------------------------------------------------------------

Result<BundleSummary> write_bundle(const BundleSpec& spec, const crypto::Ed25519KeyPair& sender,
                                   crypto::ByteSink& out) {
  if (spec.recipients.empty() || spec.recipients.size() > kMaxRecipients)
    return fail(Error::invalid_argument);
  BundleSummary summary;
  Manifest& m = summary.manifest;
  m.bundle_id = spec.bundle_id;
  m.sender = sender.public_key();
  m.sequence = spec.sequence;
  m.created = spec.created;
  for (const crypto::X25519Recipient& r : spec.recipients) m.recipients.push_back(recipient_fingerprint(r));
  std::sort(m.recipients.begin(), m.recipients.end());
  if (std::adjacent_find(m.recipients.begin(), m.recipients.end()) != m.recipients.end())
    return fail(Error::invalid_argument);

  std::vector<const BundleEntrySource*> order;
  for (const BundleEntrySource& e : spec.entries) {
    if (e.data == nullptr) return fail(Error::invalid_argument);
    order.push_back(&e);
  }
  std::sort(order.begin(), order.end(), [](const BundleEntrySource* a, const BundleEntrySource* b) {
    int ra = tar_order(a->name);
    int rb = tar_order(b->name);
    return ra != rb ? ra < rb : a->name < b->name;
  });
  for (const BundleEntrySource* e : order) m.entries.push_back({e->name, e->size, e->sha256});
  auto manifest_bytes = serialize(m);
  if (!manifest_bytes) return fail(manifest_bytes.error());
  summary.manifest_bytes = std::move(*manifest_bytes);

  FileSideSink file_side(out, spec.hash_file);
  std::vector<crypto::age::Recipient> recipients(spec.recipients.begin(), spec.recipients.end());
  auto enc = crypto::age::Encryptor::begin(recipients, file_side,
                                           {.armor = spec.armor, .threads = spec.threads});
  if (!enc) return fail(from_crypto(enc.error()));
  detail::EncryptorSink enc_sink(*enc);
  // tar (this thread) -> to_compress -> zstd (its thread) -> to_encrypt ->
  // age and `out` (their thread).
  PipeSink to_encrypt(enc_sink);
  auto zstd = ZstdWriter::create(to_encrypt, {.level = kCompressionLevel, .workers = spec.zstd_workers});
  if (!zstd) return fail(zstd.error());
  PipeSink to_compress(**zstd);
  // The other threads' errors are read only once they have stopped.
  auto resolve = [&](Error e) {
    if (e != Error::io_write) return e;
    (void)to_compress.stop();
    (void)to_encrypt.stop();
    if (enc_sink.error()) return *enc_sink.error();
    if ((*zstd)->error() && *(*zstd)->error() != Error::io_write) return *(*zstd)->error();
    return e;
  };
  auto tar = TarWriter::create(to_compress, spec.created);
  if (!tar) return fail(tar.error());

  if (auto r = (*tar)->add(kManifestName, bytes_of(summary.manifest_bytes)); !r)
    return fail(resolve(r.error()));
  for (const BundleEntrySource* e : order) {
    if (!e->check_sha256) {
      if (auto r = (*tar)->add_stream_unhashed(e->name, e->size, *e->data); !r)
        return fail(resolve(r.error()));
      continue;
    }
    auto digest = (*tar)->add_stream(e->name, e->size, *e->data);
    if (!digest) return fail(resolve(digest.error()));
    if (!crypto::constant_time_equal(*digest, e->sha256)) return fail(Error::entry_hash_mismatch);
  }
  crypto::Ed25519Signature signature = sign_manifest(bytes_of(summary.manifest_bytes), sender);
  if (auto r = (*tar)->add(kSignatureName, signature); !r) return fail(resolve(r.error()));
  if (auto r = (*tar)->finish(); !r) return fail(resolve(r.error()));
  if (!to_compress.stop()) return fail(resolve(Error::io_write));
  auto total = (*zstd)->finish();
  if (!total) return fail(resolve(total.error()));
  if (!to_encrypt.stop()) return fail(resolve(Error::io_write));
  if (auto r = enc->finish(); !r) return fail(from_crypto(r.error()));
  summary.compressed_bytes = (*zstd)->compressed_bytes();
  summary.plaintext_bytes = *total;
  summary.file_bytes = file_side.bytes();
  summary.file_sha256 = file_side.finish();
  return summary;
}

// --- reader -------------------------------------------------------------------

struct BundleReader::Impl {
  std::unique_ptr<detail::CapturingSource> capture;
  std::unique_ptr<detail::DecryptorSource> dec;
  std::unique_ptr<ZstdReader> zstd;
  std::unique_ptr<TarReader> tar;
  Manifest manifest;
  std::string manifest_bytes;
  std::size_t next_index = 0;
  bool in_entry = false;
  ManifestEntry current;
  Sha256 hash;
  std::optional<Error> failed;
  bool finished = false;
  std::vector<std::uint8_t> scratch;
};

BundleReader::BundleReader(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
BundleReader::~BundleReader() = default;

const Manifest& BundleReader::manifest() const noexcept { return impl_->manifest; }

Error BundleReader::resolve(Error error) const noexcept {
  if (impl_->dec && impl_->dec->error()) return *impl_->dec->error();
  if (impl_->zstd && impl_->zstd->error() && *impl_->zstd->error() != Error::io_read)
    return *impl_->zstd->error();
  return error;
}

Result<std::unique_ptr<BundleReader>> BundleReader::open(
    crypto::ByteSource& in, std::span<const crypto::age::Identity> identities,
    ReaderOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->capture = std::make_unique<detail::CapturingSource>(in, detail::kHeaderCaptureBytes);
  auto dec = crypto::age::Decryptor::open(*impl->capture, identities, {.threads = options.threads});
  if (!dec) return fail(from_crypto(dec.error()));
  auto stanzas = detail::count_x25519_stanzas(impl->capture->captured());
  impl->capture->release();
  impl->dec = std::make_unique<detail::DecryptorSource>(std::move(*dec));
  auto zstd = ZstdReader::create(
      *impl->dec, options.max_decompressed != 0 ? options.max_decompressed : kMaxDecompressedBytes);
  if (!zstd) return fail(zstd.error());
  impl->zstd = std::move(*zstd);
  std::unique_ptr<BundleReader> reader(new BundleReader(std::move(impl)));
  Impl& s = *reader->impl_;

  auto tar = TarReader::open(*s.zstd);
  if (!tar) return fail(reader->resolve(tar.error()));
  s.tar = std::move(*tar);
  auto first = s.tar->next();
  if (!first) return fail(reader->resolve(first.error()));
  if (!*first || (*first)->kind != EntryKind::manifest) return fail(Error::manifest_missing);
  s.manifest_bytes.resize((*first)->size);
  std::size_t filled = 0;
  while (filled < s.manifest_bytes.size()) {
    auto n = s.tar->read({reinterpret_cast<std::uint8_t*>(s.manifest_bytes.data()) + filled,
                          s.manifest_bytes.size() - filled});
    if (!n) return fail(reader->resolve(n.error()));
    if (*n == 0) return fail(Error::tar_corrupt);
    filled += *n;
  }
  auto manifest = parse_manifest(bytes_of(s.manifest_bytes));
  if (!manifest) return fail(manifest.error());
  s.manifest = std::move(*manifest);

  // Recipient binding: the age header has exactly the manifest's recipients
  // (all X25519), and one of them is ours.
  bool ours = false;
  for (const crypto::age::Identity& identity : identities) {
    if (const auto* x = std::get_if<crypto::X25519Identity>(&identity)) {
      Sha256Digest fp = recipient_fingerprint(x->recipient());
      ours = ours || std::binary_search(s.manifest.recipients.begin(), s.manifest.recipients.end(), fp);
    }
  }
  if (!stanzas || *stanzas != s.manifest.recipients.size() || !ours)
    return fail(Error::recipient_binding_failed);
  s.zstd->limit_output(tar_size_bound(s.manifest, s.manifest_bytes.size()));
  s.scratch.resize(kDrainChunk);
  return reader;
}

Result<void> BundleReader::end_current() {
  while (impl_->in_entry) {
    auto n = read(impl_->scratch);
    if (!n) return fail(n.error());
  }
  return {};
}

Result<std::optional<ManifestEntry>> BundleReader::next_entry() {
  Impl& s = *impl_;
  if (s.failed) return fail(*s.failed);
  if (s.finished) return fail(Error::invalid_argument);
  auto run = [&]() -> Result<std::optional<ManifestEntry>> {
    FIELDSEAL_TRY(end_current());
    if (s.next_index == s.manifest.entries.size()) return std::optional<ManifestEntry>{};
    auto t = s.tar->next();
    if (!t) return fail(resolve(t.error()));
    const ManifestEntry& expected = s.manifest.entries[s.next_index];
    if (!*t) return fail(Error::entry_missing);
    if ((*t)->name != expected.name)
      return fail((*t)->kind == EntryKind::signature ? Error::entry_missing : Error::entry_unexpected);
    if ((*t)->size != expected.size) return fail(Error::entry_size_mismatch);
    s.current = expected;
    s.hash = Sha256();
    s.in_entry = true;
    ++s.next_index;
    return std::optional<ManifestEntry>(expected);
  };
  auto r = run();
  if (!r) s.failed = r.error();
  return r;
}

Result<std::size_t> BundleReader::read(std::span<std::uint8_t> out) {
  Impl& s = *impl_;
  if (s.failed) return fail(*s.failed);
  if (!s.in_entry || out.empty()) return std::size_t{0};
  auto n = s.tar->read(out);
  if (!n) {
    s.failed = resolve(n.error());
    return fail(*s.failed);
  }
  if (*n == 0) {
    s.in_entry = false;
    if (!crypto::constant_time_equal(s.hash.finish(), s.current.sha256)) {
      s.failed = Error::entry_hash_mismatch;
      return fail(*s.failed);
    }
    return std::size_t{0};
  }
  s.hash.update(out.first(*n));
  return *n;
}

Result<VerifiedBundle> BundleReader::finish() {
  Impl& s = *impl_;
  if (s.failed) return fail(*s.failed);
  if (s.finished) return fail(Error::invalid_argument);
  for (;;) {
    auto e = next_entry();
    if (!e) return fail(e.error());
    if (!*e) break;
  }
  auto run = [&]() -> Result<VerifiedBundle> {
    auto t = s.tar->next();
    if (!t) return fail(resolve(t.error()));
    if (!*t) return fail(Error::signature_missing);
    if ((*t)->kind != EntryKind::signature) return fail(Error::entry_unexpected);
    VerifiedBundle v;
    if ((*t)->size != v.signature.size()) return fail(Error::signature_missing);
    std::size_t filled = 0;
    while (filled < v.signature.size()) {
      auto n = s.tar->read(std::span(v.signature).subspan(filled));
      if (!n) return fail(resolve(n.error()));
      if (*n == 0) return fail(Error::tar_corrupt);
      filled += *n;
    }
    FIELDSEAL_TRY(verify_manifest_signature(bytes_of(s.manifest_bytes), v.signature, s.manifest.sender));
    auto end = s.tar->next();
    if (!end) return fail(resolve(end.error()));
    if (*end) return fail(Error::entry_unexpected);
    v.manifest = s.manifest;
    v.manifest_bytes = s.manifest_bytes;
    v.plaintext_bytes = s.zstd->input_bytes();
    return v;
  };
  auto r = run();
  if (!r) s.failed = r.error();
  else s.finished = true;
  return r;
}

Result<LoadedBundle> read_bundle(crypto::ByteSource& in,
                                 std::span<const crypto::age::Identity> identities,
                                 ReaderOptions options) {
  auto reader = BundleReader::open(in, identities, options);
  if (!reader) return fail(reader.error());
  LoadedBundle loaded;
  std::vector<std::uint8_t> buf(kDrainChunk);
  for (;;) {
    auto e = (*reader)->next_entry();
    if (!e) return fail(e.error());
    if (!*e) break;
    std::vector<std::uint8_t> data;
    for (;;) {
      auto n = (*reader)->read(buf);
      if (!n) return fail(n.error());
      if (*n == 0) break;
      data.insert(data.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
    }
    loaded.entries.emplace_back(**e, std::move(data));
  }
  auto verified = (*reader)->finish();
  if (!verified) return fail(verified.error());
  loaded.bundle = std::move(*verified);
  return loaded;
}

}  // namespace fieldseal::transport
