#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "age_internal.hpp"
#include "fieldseal/crypto/hkdf.hpp"

namespace fieldseal::crypto::age {

namespace {

using detail::kEncChunkBytes;
using detail::kPayloadNonceBytes;
using detail::kTagBytes;

constexpr std::size_t kAeadKeyBytes = crypto_aead_chacha20poly1305_ietf_KEYBYTES;
constexpr std::size_t kAeadNonceBytes = crypto_aead_chacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kHeaderFirstRead = 4096;
constexpr std::size_t kHeaderMaxRead = 64 * 1024;
constexpr std::string_view kHeaderLabel = "header";
constexpr std::string_view kPayloadLabel = "payload";
constexpr std::string_view kScryptType = "scrypt";

static_assert(kTagBytes == crypto_aead_chacha20poly1305_ietf_ABYTES);

using Nonce = std::array<std::uint8_t, kAeadNonceBytes>;

// STREAM nonce: 11-byte big-endian chunk counter, then the last-chunk flag.
Nonce chunk_nonce(std::uint64_t counter, bool last) noexcept {
  Nonce nonce{};
  for (std::size_t i = 0; i < sizeof counter; ++i)
    nonce[kAeadNonceBytes - 2 - i] = static_cast<std::uint8_t>(counter >> (8 * i));
  nonce[kAeadNonceBytes - 1] = last ? 1 : 0;
  return nonce;
}

unsigned resolve_threads(unsigned requested) noexcept {
  unsigned n = requested != 0 ? requested : std::thread::hardware_concurrency();
  return std::clamp(n, 1u, kMaxThreads);
}

// Runs job(0..count-1) on the calling thread plus up to threads-1 workers,
// returning when all are done. Workers start on the first parallel batch.
class WorkerPool {
 public:
  explicit WorkerPool(unsigned threads) noexcept : wanted_(threads) {}
  ~WorkerPool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void run(std::size_t count, const std::function<void(std::size_t)>& job) {
    if (count > 1 && threads_.empty() && wanted_ > 1) start();
    if (count <= 1 || threads_.empty()) {
      for (std::size_t i = 0; i < count; ++i) job(i);
      return;
    }
    {
      std::lock_guard lock(mu_);
      job_ = &job;
      count_ = count;
      next_.store(0);
      busy_ = threads_.size();
      ++generation_;
    }
    work_cv_.notify_all();
    drain(job, count);
    std::unique_lock lock(mu_);
    done_cv_.wait(lock, [this] { return busy_ == 0; });
    job_ = nullptr;
  }

 private:
  void start() {
    try {
      for (unsigned i = 1; i < wanted_; ++i) threads_.emplace_back([this] { loop(); });
    } catch (const std::system_error&) {
      // Fewer workers than asked for: still correct, only slower.
    }
    wanted_ = 0;
  }

  void drain(const std::function<void(std::size_t)>& job, std::size_t count) {
    for (std::size_t i = next_.fetch_add(1); i < count; i = next_.fetch_add(1)) job(i);
  }

  void loop() {
    std::uint64_t seen = 0;
    for (;;) {
      const std::function<void(std::size_t)>* job = nullptr;
      std::size_t count = 0;
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
        if (stop_) return;
        seen = generation_;
        job = job_;
        count = count_;
      }
      drain(*job, count);
      std::lock_guard lock(mu_);
      if (--busy_ == 0) done_cv_.notify_one();
    }
  }

  unsigned wanted_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  const std::function<void(std::size_t)>* job_ = nullptr;
  std::size_t count_ = 0;
  std::atomic<std::size_t> next_{0};
  std::size_t busy_ = 0;
  std::uint64_t generation_ = 0;
  bool stop_ = false;
};

Result<SecretBuffer> derive(const SecretBuffer& file_key, std::span<const std::uint8_t> salt,
                            std::string_view label) {
  auto ikm = file_key.read();
  return hkdf_sha256(ikm.span(), salt, as_bytes(label), kAeadKeyBytes);
}

Result<std::array<std::uint8_t, detail::kMacBytes>> header_mac(
    const SecretBuffer& file_key, std::span<const std::uint8_t> covered) {
  auto mac_key = derive(file_key, {}, kHeaderLabel);
  if (!mac_key.ok()) return fail(mac_key.error());
  std::array<std::uint8_t, detail::kMacBytes> mac{};
  auto key = mac_key->read();
  hmac_sha256(key.span(), covered, mac);
  return mac;
}

bool scrypt_mixed(const std::vector<Stanza>& stanzas) {
  return stanzas.size() > 1 && std::any_of(stanzas.begin(), stanzas.end(), [](const Stanza& s) {
           return s.type == kScryptType;
         });
}

void wipe(std::vector<std::uint8_t>& bytes) noexcept {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
}

}  // namespace

// ---------------------------------------------------------------------------
// Encryptor

struct Encryptor::Impl {
  explicit Impl(unsigned threads) : pool(threads), batch_chunks(threads * kChunksPerThread) {}
  ~Impl() {
    wipe(plain);
    wipe(sealed);
  }

  enum class State { open, finished, failed };

  [[nodiscard]] Result<void> seal(std::size_t chunks, std::size_t bytes, bool final) {
    sealed.resize(chunks * kEncChunkBytes);
    std::vector<std::size_t> lengths(chunks);
    {
      auto key = payload_key.read();
      const std::uint8_t* k = key.data();
      pool.run(chunks, [&](std::size_t i) {
        const std::size_t begin = i * kChunkBytes;
        const std::size_t len = std::min(kChunkBytes, bytes - begin);
        const Nonce nonce = chunk_nonce(counter + i, final && i + 1 == chunks);
        unsigned long long out_len = 0;
        crypto_aead_chacha20poly1305_ietf_encrypt(sealed.data() + i * kEncChunkBytes, &out_len,
                                                  plain.data() + begin, len, nullptr, 0, nullptr,
                                                  nonce.data(), k);
        lengths[i] = static_cast<std::size_t>(out_len);
      });
    }
    counter += chunks;
    for (std::size_t i = 0; i < chunks; ++i)
      FIELDSEAL_TRY(out->write(std::span(sealed).subspan(i * kEncChunkBytes, lengths[i])));
    return {};
  }

  ByteSink* out = nullptr;
  std::unique_ptr<detail::ArmorSink> armor;
  SecretBuffer payload_key;
  WorkerPool pool;
  std::size_t batch_chunks;
  std::vector<std::uint8_t> plain;
  std::size_t buffered = 0;
  std::vector<std::uint8_t> sealed;
  std::uint64_t counter = 0;
  State state = State::open;
};

Encryptor::Encryptor(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Encryptor::~Encryptor() = default;
Encryptor::Encryptor(Encryptor&&) noexcept = default;
Encryptor& Encryptor::operator=(Encryptor&&) noexcept = default;

Result<Encryptor> Encryptor::begin(std::span<const Recipient> recipients, ByteSink& sink,
                                   EncryptOptions options) {
  ensure_sodium_initialized();
  if (recipients.empty()) return fail(Error::invalid_argument);
  const bool has_scrypt = std::any_of(recipients.begin(), recipients.end(), [](const Recipient& r) {
    return std::holds_alternative<ScryptRecipient>(r);
  });
  if (has_scrypt && recipients.size() > 1) return fail(Error::age_scrypt_not_alone);

  const SecretBuffer file_key = SecretBuffer::random(kFileKeyBytes);
  Header header;
  for (const Recipient& recipient : recipients) {
    auto stanza = detail::wrap_file_key(recipient, file_key);
    if (!stanza.ok()) return fail(stanza.error());
    header.stanzas.push_back(std::move(*stanza));
  }
  auto mac = header_mac(file_key, detail::serialize_header_for_mac(header));
  if (!mac.ok()) return fail(mac.error());
  header.mac = *mac;
  std::vector<std::uint8_t> prefix = serialize_header(header);

  std::array<std::uint8_t, kPayloadNonceBytes> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  prefix.insert(prefix.end(), nonce.begin(), nonce.end());

  auto impl = std::make_unique<Impl>(resolve_threads(options.threads));
  auto payload_key = derive(file_key, nonce, kPayloadLabel);
  if (!payload_key.ok()) return fail(payload_key.error());
  impl->payload_key = std::move(*payload_key);
  impl->out = &sink;
  if (options.armor) {
    impl->armor = std::make_unique<detail::ArmorSink>(sink);
    impl->out = impl->armor.get();
  }
  FIELDSEAL_TRY(impl->out->write(prefix));
  return Encryptor(std::move(impl));
}

Result<void> Encryptor::write(std::span<const std::uint8_t> plaintext) {
  if (!impl_ || impl_->state != Impl::State::open) return fail(Error::age_writer_state);
  Impl& s = *impl_;
  // A full batch is sealed only once a byte beyond it arrives: the final
  // chunk must carry the last-chunk flag, and only finish() knows which it is.
  const std::size_t capacity = s.batch_chunks * kChunkBytes + 1;
  while (!plaintext.empty()) {
    const std::size_t take = std::min(plaintext.size(), capacity - s.buffered);
    if (s.plain.size() < s.buffered + take) {
      s.plain.resize(std::min(capacity, std::max(s.plain.size() * 2, s.buffered + take)));
    }
    std::memcpy(s.plain.data() + s.buffered, plaintext.data(), take);
    s.buffered += take;
    plaintext = plaintext.subspan(take);
    if (s.buffered == capacity) {
      const std::size_t sealed_bytes = capacity - 1;
      if (auto r = s.seal(s.batch_chunks, sealed_bytes, false); !r.ok()) {
        s.state = Impl::State::failed;
        return r;
      }
      s.plain[0] = s.plain[sealed_bytes];
      s.buffered = 1;
    }
  }
  return {};
}

Result<void> Encryptor::finish() {
  if (!impl_ || impl_->state != Impl::State::open) return fail(Error::age_writer_state);
  Impl& s = *impl_;
  const std::size_t chunks = std::max<std::size_t>(1, (s.buffered + kChunkBytes - 1) / kChunkBytes);
  Result<void> r = s.seal(chunks, s.buffered, true);
  if (r.ok() && s.armor) r = s.armor->finish();
  s.state = r.ok() ? Impl::State::finished : Impl::State::failed;
  wipe(s.plain);
  s.buffered = 0;
  return r;
}

// ---------------------------------------------------------------------------
// Decryptor

struct Decryptor::Impl {
  explicit Impl(unsigned threads) : pool(threads), batch_chunks(threads * kChunksPerThread) {}
  ~Impl() {
    for (Slot& slot : slots) wipe(slot.plain);
  }

  // How a chunk's end relates to the input: a short chunk is necessarily the
  // last one; a full one may be followed by more data or by the end.
  enum class Kind { short_last, full_then_end, full_then_more };
  enum class Outcome { failed, not_last, last };
  struct Slot {
    std::vector<std::uint8_t> cipher;
    std::size_t cipher_len = 0;
    std::vector<std::uint8_t> plain;
    std::size_t plain_len = 0;
    Kind kind = Kind::short_last;
    Outcome outcome = Outcome::failed;
  };

  [[nodiscard]] bool try_open(Slot& slot, std::uint64_t index, bool last, const std::uint8_t* key) {
    const Nonce nonce = chunk_nonce(index, last);
    unsigned long long len = 0;
    if (crypto_aead_chacha20poly1305_ietf_decrypt(slot.plain.data(), &len, nullptr,
                                                  slot.cipher.data(), slot.cipher_len, nullptr, 0,
                                                  nonce.data(), key) != 0)
      return false;
    slot.plain_len = static_cast<std::size_t>(len);
    slot.outcome = last ? Outcome::last : Outcome::not_last;
    return true;
  }

  // Reads up to batch_chunks chunks; a read error ends the batch and is
  // reported after the complete chunks before it.
  [[nodiscard]] std::size_t read_batch(std::optional<Error>& read_error) {
    std::size_t count = 0;
    while (count < batch_chunks && !input_ended) {
      if (slots.size() == count) slots.emplace_back();
      Slot& slot = slots[count];
      slot.cipher.resize(kEncChunkBytes);
      slot.plain.resize(kChunkBytes);
      std::size_t have = 0;
      if (carry) {
        slot.cipher[0] = *carry;
        carry.reset();
        have = 1;
      }
      auto n = read_full(*in, std::span(slot.cipher).subspan(have));
      if (!n.ok()) {
        read_error = n.error();
        input_ended = true;
        break;
      }
      have += *n;
      if (have == 0) {  // only possible before the first chunk
        read_error = Error::age_payload_truncated;
        input_ended = true;
        break;
      }
      slot.cipher_len = have;
      if (have < kEncChunkBytes) {
        slot.kind = Kind::short_last;
        input_ended = true;
        ++count;
        break;
      }
      std::array<std::uint8_t, 1> next{};
      auto m = read_full(*in, next);
      if (!m.ok()) {
        read_error = m.error();
        input_ended = true;
        break;
      }
      if (*m == 0) {
        slot.kind = Kind::full_then_end;
        input_ended = true;
      } else {
        slot.kind = Kind::full_then_more;
        carry = next[0];
      }
      ++count;
    }
    return count;
  }

  // Opens the next batch and decides how much of it may be released.
  void next_batch() {
    std::optional<Error> read_error;
    const std::size_t count = read_batch(read_error);
    {
      auto key = payload_key.read();
      const std::uint8_t* k = key.data();
      pool.run(count, [&](std::size_t i) {
        Slot& slot = slots[i];
        slot.outcome = Outcome::failed;
        const std::uint64_t index = counter + i;
        switch (slot.kind) {
          case Kind::short_last:
            (void)try_open(slot, index, true, k);
            break;
          case Kind::full_then_end:
            if (!try_open(slot, index, true, k)) (void)try_open(slot, index, false, k);
            break;
          case Kind::full_then_more:
            if (!try_open(slot, index, false, k)) (void)try_open(slot, index, true, k);
            break;
        }
      });
    }
    release_count = 0;
    release_slot = 0;
    release_offset = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const Slot& slot = slots[i];
      const std::uint64_t index = counter + i;
      if (slot.outcome == Outcome::failed) {
        pending = Error::age_payload_auth_failed;
        break;
      }
      if (slot.outcome == Outcome::last) {
        if (slot.plain_len == 0 && index != 0) {
          pending = Error::age_payload_empty_last_chunk;
          break;
        }
        ++release_count;
        if (slot.kind == Kind::full_then_more) {
          pending = Error::age_payload_trailing_data;
        } else {
          verified_end = true;
        }
        break;
      }
      ++release_count;
      if (slot.kind == Kind::full_then_end) {
        pending = Error::age_payload_truncated;
        break;
      }
    }
    counter += count;
    if (!pending && !verified_end && read_error) pending = read_error;
    if (!pending && !verified_end && input_ended) pending = Error::age_payload_truncated;
  }

  ByteSource* in = nullptr;
  std::unique_ptr<detail::PrefixedSource> peeked;
  std::unique_ptr<detail::ArmorSource> armor;
  std::unique_ptr<detail::PrefixedSource> payload;
  SecretBuffer payload_key;
  WorkerPool pool;
  std::size_t batch_chunks;
  std::vector<Slot> slots;
  std::optional<std::uint8_t> carry;
  bool input_ended = false;
  std::uint64_t counter = 0;
  std::size_t release_count = 0;
  std::size_t release_slot = 0;
  std::size_t release_offset = 0;
  bool verified_end = false;
  std::optional<Error> pending;
};

Decryptor::Decryptor(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
Decryptor::~Decryptor() = default;
Decryptor::Decryptor(Decryptor&&) noexcept = default;
Decryptor& Decryptor::operator=(Decryptor&&) noexcept = default;

Result<Decryptor> Decryptor::open(ByteSource& source, std::span<const Identity> identities,
                                  DecryptOptions options) {
  ensure_sodium_initialized();
  if (identities.empty()) return fail(Error::invalid_argument);
  auto impl = std::make_unique<Impl>(resolve_threads(options.threads));
  ByteSource* in = &source;

  if (options.armor != ArmorMode::binary) {
    bool armored = options.armor == ArmorMode::armored;
    if (!armored) {
      std::vector<std::uint8_t> first(1);
      auto n = source.read(first);
      if (!n.ok()) return fail(n.error());
      first.resize(*n);
      if (!first.empty()) {
        const std::uint8_t c = first[0];
        armored = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-';
      }
      impl->peeked = std::make_unique<detail::PrefixedSource>(std::move(first), source);
      in = impl->peeked.get();
    }
    if (armored) {
      impl->armor = std::make_unique<detail::ArmorSource>(*in);
      in = impl->armor.get();
    }
  }

  std::vector<std::uint8_t> buf;
  std::size_t step = kHeaderFirstRead;
  detail::HeaderParse parse;
  for (;;) {
    const std::size_t old = buf.size();
    const std::size_t want = std::min(step, kHeaderMaxBytes + 1 - std::min(old, kHeaderMaxBytes));
    buf.resize(old + want);
    auto n = in->read(std::span(buf).subspan(old, want));
    if (!n.ok()) return fail(n.error());
    buf.resize(old + *n);
    parse = detail::parse_header_prefix(buf);
    if (parse.status == detail::ParseStatus::ok) break;
    if (parse.status == detail::ParseStatus::invalid) return fail(parse.error);
    if (*n == 0) return fail(Error::age_header_invalid);
    step = std::min(step * 2, kHeaderMaxRead);
  }
  const ParsedHeader& parsed = parse.parsed;
  const std::vector<Stanza>& stanzas = parsed.header.stanzas;
  if (scrypt_mixed(stanzas)) return fail(Error::age_scrypt_not_alone);

  std::optional<SecretBuffer> file_key;
  for (const Identity& identity : identities) {
    auto key = detail::unwrap_file_key(identity, stanzas);
    if (key.ok()) {
      file_key = std::move(*key);
      break;
    }
    if (key.error() != Error::age_no_identity_matched) return fail(key.error());
  }
  if (!file_key) return fail(Error::age_no_identity_matched);

  auto mac = header_mac(*file_key, std::span(buf).first(parsed.mac_input_bytes));
  if (!mac.ok()) return fail(mac.error());
  if (!constant_time_equal(*mac, parsed.header.mac)) return fail(Error::age_hmac_mismatch);

  impl->payload = std::make_unique<detail::PrefixedSource>(
      std::vector<std::uint8_t>(buf.begin() + static_cast<std::ptrdiff_t>(parsed.header_bytes),
                                buf.end()),
      *in);
  impl->in = impl->payload.get();
  std::array<std::uint8_t, kPayloadNonceBytes> nonce{};
  auto n = read_full(*impl->in, nonce);
  if (!n.ok()) return fail(n.error());
  if (*n != nonce.size()) return fail(Error::age_payload_nonce_missing);
  auto payload_key = derive(*file_key, nonce, kPayloadLabel);
  if (!payload_key.ok()) return fail(payload_key.error());
  impl->payload_key = std::move(*payload_key);
  return Decryptor(std::move(impl));
}

Result<std::size_t> Decryptor::read(std::span<std::uint8_t> out) {
  if (!impl_ || out.empty()) return fail(Error::invalid_argument);
  Impl& s = *impl_;
  std::size_t total = 0;
  while (total < out.size()) {
    if (s.release_slot < s.release_count) {
      Impl::Slot& slot = s.slots[s.release_slot];
      const std::size_t n = std::min(out.size() - total, slot.plain_len - s.release_offset);
      std::memcpy(out.data() + total, slot.plain.data() + s.release_offset, n);
      total += n;
      s.release_offset += n;
      if (s.release_offset == slot.plain_len) {
        ++s.release_slot;
        s.release_offset = 0;
      }
      continue;
    }
    if (total > 0) break;
    if (s.pending) return fail(*s.pending);
    if (s.verified_end) break;
    s.next_batch();
  }
  return total;
}

// ---------------------------------------------------------------------------
// One-shot helpers

Result<std::vector<std::uint8_t>> encrypt(std::span<const Recipient> recipients,
                                          std::span<const std::uint8_t> plaintext,
                                          EncryptOptions options) {
  MemorySink sink;
  auto enc = Encryptor::begin(recipients, sink, options);
  if (!enc.ok()) return fail(enc.error());
  FIELDSEAL_TRY(enc->write(plaintext));
  FIELDSEAL_TRY(enc->finish());
  return sink.take();
}

Result<std::vector<std::uint8_t>> decrypt(std::span<const Identity> identities,
                                          std::span<const std::uint8_t> file,
                                          DecryptOptions options) {
  MemorySource source(file);
  auto dec = Decryptor::open(source, identities, options);
  if (!dec.ok()) return fail(dec.error());
  std::vector<std::uint8_t> out;
  std::vector<std::uint8_t> buf(kChunkBytes);
  for (;;) {
    auto n = dec->read(buf);
    if (!n.ok()) {
      wipe(out);
      return fail(n.error());
    }
    if (*n == 0) break;
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
  }
  wipe(buf);
  return out;
}

}  // namespace fieldseal::crypto::age
