#pragma once
// SecretBuffer: the only place fieldseal keeps secrets (keys, passphrases,
// decrypted key material). Backed by sodium_malloc: guard pages around the
// region, a canary, mlock where the system allows, and the region wiped by
// sodium_free on destruction. While no one is reading or writing it, the pages
// are mprotect'ed to PROT_NONE, so a stray read faults instead of leaking.
//
// Move-only; never converts to std::string or any other heap type. Equality is
// constant-time (sodium_memcmp) and only between buffers of the same size.
//
//   SecretBuffer key(32);
//   { auto w = key.write(); randombytes_buf(w.data(), w.size()); }
//   { auto r = key.read(); use(r.data(), r.size()); }
//
// Access objects are RAII: while any Reader exists the pages are read-only,
// while any Writer exists read-write; when the last one goes they return to
// no-access. Access objects must not outlive the buffer. Not thread-safe: one
// thread touches a given buffer at a time.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "fieldseal/crypto/error.hpp"

namespace fieldseal::crypto {

class SecretBuffer {
 public:
  class Reader {
   public:
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    [[nodiscard]] const std::uint8_t* data() const noexcept { return data_; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] std::span<const std::uint8_t> span() const noexcept { return {data_, size_}; }
    // The bytes viewed as text (for passphrases and Bech32 secret keys). The
    // view must not be copied into non-secret memory.
    [[nodiscard]] std::string_view text() const noexcept {
      return {reinterpret_cast<const char*>(data_), size_};
    }

   private:
    friend class SecretBuffer;
    Reader(const SecretBuffer& owner) noexcept;
    const SecretBuffer* owner_;
    const std::uint8_t* data_;
    std::size_t size_;
  };

  class Writer {
   public:
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    [[nodiscard]] std::uint8_t* data() const noexcept { return data_; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] std::span<std::uint8_t> span() const noexcept { return {data_, size_}; }

   private:
    friend class SecretBuffer;
    Writer(SecretBuffer& owner) noexcept;
    SecretBuffer* owner_;
    std::uint8_t* data_;
    std::size_t size_;
  };

  // An empty buffer (size 0, no allocation).
  SecretBuffer() noexcept = default;
  // `size` zero bytes. Aborts if sodium_malloc fails (out of memory for
  // secrets is not recoverable); use create() to get an error instead.
  explicit SecretBuffer(std::size_t size);
  [[nodiscard]] static Result<SecretBuffer> create(std::size_t size);
  // A copy of `bytes` in secret memory. The caller wipes its own copy.
  [[nodiscard]] static SecretBuffer from_bytes(std::span<const std::uint8_t> bytes);
  [[nodiscard]] static SecretBuffer from_text(std::string_view text);
  // `size` bytes from the system CSPRNG.
  [[nodiscard]] static SecretBuffer random(std::size_t size);

  ~SecretBuffer();
  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] Reader read() const noexcept { return Reader(*this); }
  [[nodiscard]] Writer write() noexcept { return Writer(*this); }
  // An explicit deep copy (secrets are never copied implicitly).
  [[nodiscard]] SecretBuffer clone() const;
  // Wipe and free now; the buffer becomes empty.
  void wipe() noexcept;

  // Constant-time: false when sizes differ (sizes are not secret).
  [[nodiscard]] bool equals(const SecretBuffer& other) const noexcept;

 private:
  void acquire(bool writable) const noexcept;
  void release() const noexcept;

  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
  mutable int readers_ = 0;
  mutable int writers_ = 0;
};

// Constant-time comparison of equal-length byte ranges (sodium_memcmp);
// false when the lengths differ.
[[nodiscard]] bool constant_time_equal(std::span<const std::uint8_t> a,
                                       std::span<const std::uint8_t> b) noexcept;

// Initialise libsodium once; safe to call repeatedly and from several threads.
// Every public entry point of fieldseal_crypto calls it, so callers need not.
void ensure_sodium_initialized();

}  // namespace fieldseal::crypto
