#include "fieldseal/crypto/secret_buffer.hpp"

#include <sodium.h>

#include <cstdlib>
#include <cstring>
#include <utility>

namespace fieldseal::crypto {

void ensure_sodium_initialized() {
  // sodium_init is itself thread-safe and idempotent; -1 means no usable
  // randomness, which nothing in fieldseal can work around.
  if (sodium_init() < 0) std::abort();
}

SecretBuffer::Reader::Reader(const SecretBuffer& owner) noexcept
    : owner_(&owner), data_(owner.data_), size_(owner.size_) {
  owner_->acquire(false);
}

SecretBuffer::Reader::~Reader() {
  --owner_->readers_;
  owner_->release();
}

SecretBuffer::Writer::Writer(SecretBuffer& owner) noexcept
    : owner_(&owner), data_(owner.data_), size_(owner.size_) {
  owner_->acquire(true);
}

SecretBuffer::Writer::~Writer() {
  --owner_->writers_;
  owner_->release();
}

SecretBuffer::SecretBuffer(std::size_t size) {
  auto created = create(size);
  if (!created.ok()) std::abort();
  *this = std::move(created).value();
}

Result<SecretBuffer> SecretBuffer::create(std::size_t size) {
  ensure_sodium_initialized();
  SecretBuffer buffer;
  if (size == 0) return buffer;
  void* memory = sodium_malloc(size);
  if (memory == nullptr) return fail(Error::out_of_memory);
  buffer.data_ = static_cast<std::uint8_t*>(memory);
  buffer.size_ = size;
  sodium_memzero(buffer.data_, size);
  sodium_mprotect_noaccess(buffer.data_);
  return buffer;
}

SecretBuffer SecretBuffer::from_bytes(std::span<const std::uint8_t> bytes) {
  SecretBuffer buffer(bytes.size());
  if (!bytes.empty()) {
    auto w = buffer.write();
    std::memcpy(w.data(), bytes.data(), bytes.size());
  }
  return buffer;
}

SecretBuffer SecretBuffer::from_text(std::string_view text) {
  return from_bytes({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

SecretBuffer SecretBuffer::random(std::size_t size) {
  SecretBuffer buffer(size);
  if (size != 0) {
    auto w = buffer.write();
    randombytes_buf(w.data(), w.size());
  }
  return buffer;
}

SecretBuffer::~SecretBuffer() { wipe(); }

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      readers_(std::exchange(other.readers_, 0)),
      writers_(std::exchange(other.writers_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    wipe();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    readers_ = std::exchange(other.readers_, 0);
    writers_ = std::exchange(other.writers_, 0);
  }
  return *this;
}

SecretBuffer SecretBuffer::clone() const {
  SecretBuffer copy(size_);
  if (size_ != 0) {
    auto r = read();
    auto w = copy.write();
    std::memcpy(w.data(), r.data(), r.size());
  }
  return copy;
}

void SecretBuffer::wipe() noexcept {
  if (data_ != nullptr) {
    // sodium_free zeroes the region (it makes it writable first) and checks
    // the canary.
    sodium_free(data_);
  }
  data_ = nullptr;
  size_ = 0;
  readers_ = 0;
  writers_ = 0;
}

bool SecretBuffer::equals(const SecretBuffer& other) const noexcept {
  if (size_ != other.size_) return false;
  if (size_ == 0) return true;
  if (this == &other) return true;
  auto a = read();
  auto b = other.read();
  return sodium_memcmp(a.data(), b.data(), size_) == 0;
}

void SecretBuffer::acquire(bool writable) const noexcept {
  if (writable) {
    ++writers_;
  } else {
    ++readers_;
  }
  if (data_ == nullptr) return;
  if (writers_ > 0) {
    sodium_mprotect_readwrite(data_);
  } else {
    sodium_mprotect_readonly(data_);
  }
}

void SecretBuffer::release() const noexcept {
  if (data_ == nullptr) return;
  if (writers_ > 0) return;
  if (readers_ > 0) {
    sodium_mprotect_readonly(data_);
  } else {
    sodium_mprotect_noaccess(data_);
  }
}

bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace fieldseal::crypto
