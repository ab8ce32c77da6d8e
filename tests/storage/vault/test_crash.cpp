// Crash safety of passphrase change and duress set: a child process does the
// change and is killed with SIGKILL at a random moment; afterwards the old or
// the new passphrase opens the vault and the database passes both integrity
// checks.
#include <catch2/catch_test_macros.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/vault.hpp"
#include "vault_test_util.hpp"

namespace crypto = fieldseal::crypto;
using namespace fieldseal::storage;
using namespace fieldseal::storage::test;

namespace {

constexpr int kTrials = 100;
// Trials after which a window that produced only one outcome is widened or narrowed.
constexpr int kAdaptAfter = 10;

enum class Op { change_passphrase, set_duress };

struct Outcome {
  bool child_done = false;
};

// Forks a child that opens the vault with `current`, says "ready", runs the
// operation with `next`, says "done". The parent kills it `delay` after ready.
Outcome run_and_kill(const std::filesystem::path& dir, const std::string& current,
                     const std::string& next, Op op, std::chrono::microseconds delay) {
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(ready[0]);
    auto v = Vault::open(dir, pass(current), kFast);
    if (!v) ::_exit(2);
    const char r = 'r';
    if (::write(ready[1], &r, 1) != 1) ::_exit(3);
    const auto result = op == Op::change_passphrase ? v->change_passphrase(pass(next))
                                                    : v->set_duress(pass(next));
    if (!result) ::_exit(4);
    const char d = 'd';
    if (::write(ready[1], &d, 1) != 1) ::_exit(5);
    ::_exit(0);
  }
  ::close(ready[1]);
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  REQUIRE(c == 'r');
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  Outcome outcome;
  outcome.child_done = ::read(ready[0], &c, 1) == 1 && c == 'd';
  ::close(ready[0]);
  if (WIFEXITED(status)) REQUIRE(WEXITSTATUS(status) == 0);
  return outcome;
}

std::chrono::microseconds time_change(const std::filesystem::path& scratch, Op op) {
  auto v = Vault::create(scratch, Role::field, "Calibration", pass("a"), kFast);
  REQUIRE(v.ok());
  const auto start = std::chrono::steady_clock::now();
  REQUIRE((op == Op::change_passphrase ? v->change_passphrase(pass("b"))
                                       : v->set_duress(pass("b")))
              .ok());
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start);
}

void check_integrity(Vault& v) {
  auto ok = v.database().integrity_ok();
  REQUIRE(ok.ok());
  CHECK(*ok);
  auto contacts = list_contacts(v.database());
  REQUIRE(contacts.ok());
  CHECK(contacts->size() == 1);
}

}  // namespace

TEST_CASE("crash safety: SIGKILL during passphrase change", "[vault][crash]") {
  TempDir dir;
  const auto v = dir / "v";
  TempDir hq_dir;
  {
    auto hq = Vault::create(hq_dir / "hq", Role::hq, "HQ", pass("h"), kFast);
    REQUIRE(hq.ok());
    auto created = Vault::create(v, Role::field, "Researcher", pass("pass-0"), kFast);
    REQUIRE(created.ok());
    REQUIRE(add_contact(created->database(), *hq->card_text()).ok());
  }
  const auto span = time_change(dir / "calibration", Op::change_passphrase);
  // The calibration can run at another load than the trials: the window
  // follows what the trials see, so that both outcomes happen whatever the load.
  auto span_us = static_cast<std::uint64_t>(span.count()) + 1;
  std::mt19937_64 rng(std::random_device{}());
  std::string current = "pass-0";
  int completed = 0;
  int old_opened = 0;
  for (int trial = 1; trial <= kTrials; ++trial) {
    const std::string next = "pass-" + std::to_string(trial);
    // Half the trials anywhere in the operation, half in its last part,
    // where the database and slot-file writes happen.
    const std::uint64_t low = trial % 2 == 0 ? 0 : span_us * 6 / 10;
    std::uniform_int_distribution<std::uint64_t> pick(low, span_us * 12 / 10);
    const auto outcome =
        run_and_kill(v, current, next, Op::change_passphrase, std::chrono::microseconds(pick(rng)));
    INFO("trial " << trial);
    if (outcome.child_done) {
      // The change reported success: only the new passphrase may open.
      CHECK(Vault::open(v, pass(current), kFast).error() == Error::wrong_passphrase);
    }
    auto opened = Vault::open(v, pass(outcome.child_done ? next : current), kFast);
    if (!opened.ok() && !outcome.child_done) {
      REQUIRE(opened.error() == Error::wrong_passphrase);
      opened = Vault::open(v, pass(next), kFast);
      current = next;
      ++completed;
    } else if (outcome.child_done) {
      current = next;
      ++completed;
    } else {
      ++old_opened;
    }
    if (trial >= kAdaptAfter && completed == 0) span_us = span_us * 3 / 2;
    if (trial >= kAdaptAfter && old_opened == 0) span_us = span_us * 2 / 3 + 1;
    REQUIRE(opened.ok());
    check_integrity(*opened);
    auto slots = opened->database().prepare("SELECT count(*) FROM key_slots;");
    REQUIRE(slots.ok());
    REQUIRE(*slots->step());
    CHECK(slots->column_int64(0) == 1);  // the half-done change was finished or undone
  }
  // Both outcomes must have been exercised for the test to mean anything.
  CHECK(completed > 0);
  CHECK(old_opened > 0);
  CHECK(file_names(v) == std::vector<std::string>{"data", "keys"});
}

TEST_CASE("crash safety: SIGKILL during duress set", "[vault][crash]") {
  TempDir dir;
  const auto v = dir / "v";
  TempDir hq_dir;
  {
    auto hq = Vault::create(hq_dir / "hq", Role::hq, "HQ", pass("h"), kFast);
    REQUIRE(hq.ok());
    auto created = Vault::create(v, Role::field, "Researcher", pass("real"), kFast);
    REQUIRE(created.ok());
    REQUIRE(add_contact(created->database(), *hq->card_text()).ok());
  }
  const auto span = time_change(dir / "calibration", Op::set_duress);
  const auto span_us = static_cast<std::uint64_t>(span.count()) + 1;
  std::mt19937_64 rng(std::random_device{}());
  constexpr int kDuressTrials = 20;
  for (int trial = 1; trial <= kDuressTrials; ++trial) {
    const std::string duress = "duress-" + std::to_string(trial);
    std::uniform_int_distribution<std::uint64_t> pick(span_us / 2, span_us * 12 / 10);
    const auto outcome =
        run_and_kill(v, "real", duress, Op::set_duress, std::chrono::microseconds(pick(rng)));
    INFO("trial " << trial);
    // The real passphrase always opens, with the data intact.
    auto opened = Vault::open(v, pass("real"), kFast);
    REQUIRE(opened.ok());
    check_integrity(*opened);
    auto has = opened->has_duress();
    REQUIRE(has.ok());
    if (outcome.child_done) CHECK(*has);
    // Either way the database's record matches the file: one or two slots.
    auto slots = opened->database().prepare(
        "SELECT count(*) FROM key_slots WHERE state <> 'active';");
    REQUIRE(slots.ok());
    REQUIRE(*slots->step());
    CHECK(slots->column_int64(0) == 0);
    REQUIRE(opened->clear_duress().ok());
  }
}
