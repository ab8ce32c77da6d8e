// SecretBuffer: ownership, copies, comparison, wiping, and the page
// protection that makes a stray read fault.
#include <catch2/catch_test_macros.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <type_traits>

#include "fieldseal/crypto/secret_buffer.hpp"

using namespace fieldseal::crypto;

static_assert(!std::is_copy_constructible_v<SecretBuffer>);
static_assert(!std::is_copy_assignable_v<SecretBuffer>);
static_assert(std::is_nothrow_move_constructible_v<SecretBuffer>);
static_assert(!std::is_convertible_v<SecretBuffer, std::string_view>);
static_assert(!std::is_convertible_v<SecretBuffer, std::string>);

namespace {

enum class Touch { read, write };

// Runs `touch` on `address` in a forked child and returns its wait status.
int touch_in_child(const volatile std::uint8_t* address, Touch touch) {
  const pid_t pid = fork();
  if (pid == 0) {
    // Sanitizers install their own SIGSEGV handler; the kernel's default
    // action is what this test is about.
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigaction(SIGSEGV, &dfl, nullptr);
    sigaction(SIGBUS, &dfl, nullptr);
    if (touch == Touch::read) {
      const std::uint8_t value = *address;
      _exit(value == 0xa5 ? 0 : 3);
    }
    *const_cast<volatile std::uint8_t*>(address) = 1;
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

bool died_of_segv(int status) {
  return WIFSIGNALED(status) && (WTERMSIG(status) == SIGSEGV || WTERMSIG(status) == SIGBUS);
}

}  // namespace

TEST_CASE("SecretBuffer: size, zero fill, write and read", "[secret]") {
  SecretBuffer b(40);
  CHECK(b.size() == 40);
  CHECK_FALSE(b.empty());
  {
    auto r = b.read();
    for (std::size_t i = 0; i < r.size(); ++i) REQUIRE(r.data()[i] == 0);
  }
  {
    auto w = b.write();
    std::memset(w.data(), 0x11, w.size());
  }
  auto r = b.read();
  CHECK(r.span()[39] == 0x11);
  CHECK(r.text().size() == 40);

  SecretBuffer empty;
  CHECK(empty.empty());
  CHECK(empty.read().size() == 0);
  auto created = SecretBuffer::create(0);
  REQUIRE(created.ok());
  CHECK(created->empty());
}

TEST_CASE("SecretBuffer: move leaves the source empty", "[secret]") {
  auto a = SecretBuffer::from_text("passphrase");
  SecretBuffer b(std::move(a));
  CHECK(a.empty());  // NOLINT(bugprone-use-after-move): the contract under test
  CHECK(b.size() == 10);
  CHECK(b.read().text() == "passphrase");
  SecretBuffer c(3);
  c = std::move(b);
  CHECK(b.empty());  // NOLINT(bugprone-use-after-move)
  CHECK(c.read().text() == "passphrase");
}

TEST_CASE("SecretBuffer: clone is deep, equals is by content and size", "[secret]") {
  auto a = SecretBuffer::from_text("same bytes");
  auto b = a.clone();
  CHECK(a.equals(b));
  CHECK(a.read().data() != b.read().data());
  {
    auto w = b.write();
    w.data()[0] = 'S';
  }
  CHECK_FALSE(a.equals(b));
  CHECK(a.read().text() == "same bytes");
  CHECK_FALSE(SecretBuffer::from_text("abc").equals(SecretBuffer::from_text("abcd")));
  CHECK(SecretBuffer().equals(SecretBuffer()));
  CHECK(a.equals(a));

  const auto r1 = SecretBuffer::random(32);
  const auto r2 = SecretBuffer::random(32);
  CHECK_FALSE(r1.equals(r2));

  const std::uint8_t x[3] = {1, 2, 3};
  const std::uint8_t y[3] = {1, 2, 4};
  CHECK(constant_time_equal(x, x));
  CHECK_FALSE(constant_time_equal(x, y));
  CHECK_FALSE(constant_time_equal(std::span(x).first(2), x));
}

TEST_CASE("SecretBuffer: wipe empties the buffer", "[secret]") {
  auto a = SecretBuffer::from_text("gone");
  a.wipe();
  CHECK(a.empty());
  CHECK(a.size() == 0);
  a.wipe();  // idempotent
  CHECK(a.empty());
}

TEST_CASE("SecretBuffer: nested access objects keep the right protection", "[secret]") {
  SecretBuffer b(16);
  {
    auto w = b.write();
    std::memset(w.data(), 0xa5, w.size());
    {
      auto r = b.read();  // a reader inside a writer must not drop write access
      CHECK(r.data()[0] == 0xa5);
    }
    w.data()[1] = 0xa5;  // would fault if the reader had made the pages read-only
  }
  auto r1 = b.read();
  {
    auto r2 = b.read();
    CHECK(r2.data()[1] == 0xa5);
  }
  CHECK(r1.data()[1] == 0xa5);  // would fault if r2 had made the pages no-access
}

TEST_CASE("SecretBuffer: memory is inaccessible outside access objects", "[secret]") {
  SecretBuffer b(64);
  {
    auto w = b.write();
    std::memset(w.data(), 0xa5, w.size());
  }
  const std::uint8_t* address = nullptr;
  {
    auto r = b.read();
    address = r.data();
    // While a reader exists, a read works and a write faults.
    CHECK(touch_in_child(address, Touch::read) == 0);
    CHECK(died_of_segv(touch_in_child(address, Touch::write)));
  }
  // No access object: reading the same address kills the process.
  CHECK(died_of_segv(touch_in_child(address, Touch::read)));
  CHECK(died_of_segv(touch_in_child(address, Touch::write)));
}
