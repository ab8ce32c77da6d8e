// Crash safety of the two vault operations that replace files wholesale, with
// the fieldseal executable killed by SIGKILL at random moments:
//  (1) an unlock with the duress passphrase (which destroys the real vault
//      and puts a fresh one in its place): afterwards either the real
//      passphrase opens the real vault, intact, or it opens nothing and the
//      duress passphrase opens an empty vault. Never the real reports under
//      the duress passphrase, never a directory that nothing opens;
//  (2) `fieldseal init`: afterwards either the vault exists and opens, or a
//      second `init` in the same directory succeeds with no manual clean-up.
// Vaults use the floor KDF (64 MiB); each trial costs a few unlocks, so the
// trial counts are modest. Kill moments: a quarter of the trials anywhere in
// the run, the rest in the part after the KDF, where files are written
// (measured once per test by a run that is not killed).
#include <catch2/catch_test_macros.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cli_harness.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"

namespace fs = std::filesystem;
namespace st = fieldseal::storage;
using fieldseal::cli::test::ScratchDir;
using fieldseal::crypto::Argon2idParams;
using fieldseal::crypto::SecretBuffer;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kReal = "real crash passphrase";
constexpr const char* kDuress = "duress crash passphrase";
constexpr const char* kReportTitle = "Detention at the checkpoint";
constexpr int kDuressTrials = 12;
// Trials after which a window that produced only one outcome is widened or narrowed.
constexpr int kAdaptAfter = 4;
constexpr int kInitTrials = 24;
constexpr std::chrono::microseconds kPoll{200};

// `fieldseal --vault DIR ARGS…` with only FIELDSEAL_PASSPHRASE in its
// environment, in its own session (it can never prompt), output discarded.
pid_t spawn_cli(const fs::path& vault, const std::string& passphrase,
                const std::vector<std::string>& args) {
  std::vector<std::string> argv_s = {FIELDSEAL_CLI_EXECUTABLE, "--vault", vault.string()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string env_s = "FIELDSEAL_PASSPHRASE=" + passphrase;
  char* envp[] = {env_s.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), envp);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  REQUIRE(rc == 0);
  return pid;
}

// Exit code, or -1 when killed.
int wait_for(pid_t pid) {
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  if (WIFSIGNALED(status)) {
    REQUIRE(WTERMSIG(status) == SIGKILL);
    return -1;
  }
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

// Waits (polling) until `marker` exists or the process ends; true if it
// appeared while the process still ran.
bool wait_for_file(pid_t pid, const fs::path& marker, Clock::duration limit) {
  const auto start = Clock::now();
  while (Clock::now() - start < limit) {
    if (fs::exists(marker)) return true;
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid)
      return false;
    std::this_thread::sleep_for(kPoll);
  }
  return false;
}

// Runs the command unkilled: the time from `marker` appearing (the first file
// the operation writes after its KDF) to the end, and the whole run.
struct Timing {
  Clock::duration total{};
  Clock::duration writes{};
};

Timing calibrate(const fs::path& vault, const std::string& passphrase,
                 const std::vector<std::string>& args, const fs::path& marker) {
  const auto start = Clock::now();
  const pid_t pid = spawn_cli(vault, passphrase, args);
  const bool seen = wait_for_file(pid, marker, std::chrono::minutes(5));
  const auto seen_at = Clock::now();
  REQUIRE(wait_for(pid) == 0);
  const auto end = Clock::now();
  Timing t;
  t.total = end - start;
  t.writes = seen ? end - seen_at : t.total / 10;
  return t;
}

// Kills the command at a random moment: a quarter of the trials anywhere,
// the rest within the writes after `marker` appears. -1: killed; else the
// exit code of a run that finished first.
int run_and_kill(const fs::path& vault, const std::string& passphrase,
                 const std::vector<std::string>& args, const fs::path& marker, const Timing& timing,
                 std::mt19937_64& rng) {
  const bool anywhere = std::uniform_int_distribution<int>(0, 3)(rng) == 0;
  const auto window = anywhere ? timing.total : timing.writes * 5 / 4;
  const auto delay = std::chrono::duration_cast<Clock::duration>(
      window * std::uniform_real_distribution<double>(0.0, 1.0)(rng));
  const pid_t pid = spawn_cli(vault, passphrase, args);
  if (!anywhere) (void)wait_for_file(pid, marker, timing.total * 4);
  std::this_thread::sleep_for(delay);
  ::kill(pid, SIGKILL);
  return wait_for(pid);
}

st::Vault open_checked(const fs::path& dir, const char* passphrase) {
  auto opened = st::Vault::open(dir, SecretBuffer::from_text(passphrase), Argon2idParams::floor());
  REQUIRE(opened.ok());
  auto ok = opened->database().integrity_ok();
  REQUIRE(ok.ok());
  CHECK(*ok);
  return std::move(opened).value();
}

std::vector<std::string> titles(st::Vault& v) {
  auto list = st::list_reports(v.database(), st::ReportFilter{});
  REQUIRE(list.ok());
  std::vector<std::string> out;
  for (const auto& r : *list) out.push_back(r.title);
  return out;
}

}  // namespace

TEST_CASE("crash safety: SIGKILL during an unlock with the duress passphrase", "[cli][crash]") {
  ScratchDir scratch("crash-duress");
  const auto pristine = scratch.path() / "pristine";
  const auto vault = scratch.path() / "vault";
  {
    auto created = st::Vault::create(pristine, st::Role::field, "Researcher",
                                     SecretBuffer::from_text(kReal), Argon2idParams::floor());
    REQUIRE(created.ok());
    st::ReportDraft draft;
    draft.title = kReportTitle;
    REQUIRE(st::create_report(created->database(), created->signing_key(), draft).ok());
    REQUIRE(created->set_duress(SecretBuffer::from_text(kDuress)).ok());
  }
  const auto reset = [&] {
    fs::remove_all(vault);
    fs::copy(pristine, vault, fs::copy_options::recursive);
  };
  // The duress path's first write after the KDF is the fresh database.
  const auto marker = vault / "data.new";
  const std::vector<std::string> args = {"report", "list"};
  reset();
  const Timing timing = calibrate(vault, kDuress, args, marker);
  {
    auto after = open_checked(vault, kDuress);
    CHECK(titles(after).empty());
  }

  std::mt19937_64 rng(std::random_device{}());
  int real_survived = 0;
  int replaced = 0;
  // The calibration can run at another load than the trials: the window
  // follows what the trials see, so that both outcomes happen whatever the load.
  Timing window = timing;
  for (int trial = 1; trial <= kDuressTrials; ++trial) {
    INFO("trial " << trial);
    reset();
    if (trial > kAdaptAfter && replaced == 0) {
      window.total = window.total * 3 / 2;
      window.writes = window.writes * 3 / 2;
    }
    if (trial > kAdaptAfter && real_survived == 0) {
      window.total = window.total * 2 / 3;
      window.writes = window.writes * 2 / 3;
    }
    const int code = run_and_kill(vault, kDuress, args, marker, window, rng);
    auto real = st::Vault::open(vault, SecretBuffer::from_text(kReal), Argon2idParams::floor());
    if (real.ok()) {
      CHECK(code == -1);  // a finished duress unlock always destroys the real vault
      auto ok = real->database().integrity_ok();
      REQUIRE(ok.ok());
      CHECK(*ok);
      CHECK(titles(*real) == std::vector<std::string>{kReportTitle});
      real->lock();
      ++real_survived;
    } else {
      REQUIRE(real.error() == st::Error::wrong_passphrase);
      auto fresh = open_checked(vault, kDuress);
      CHECK(titles(fresh).empty());
      auto has = fresh.has_duress();
      REQUIRE(has.ok());
      CHECK_FALSE(*has);
      fresh.lock();
      ++replaced;
    }
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(vault)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"data", "keys"});
  }
  // Both outcomes must have happened for the trials to mean anything.
  CHECK(real_survived > 0);
  CHECK(replaced > 0);
}

TEST_CASE("crash safety: SIGKILL during init, then init again in the same directory",
          "[cli][crash]") {
  ScratchDir scratch("crash-init");
  const auto vault = scratch.path() / "vault";
  const std::vector<std::string> args = {"init", "--role", "field", "--name", "Researcher",
                                         "--kdf-memory", "64"};
  // init writes the database first (as data.new), after sealing the slot.
  const auto marker = vault / "data.new";
  const Timing timing = calibrate(vault, kReal, args, marker);
  CHECK(st::Vault::exists(vault));

  std::mt19937_64 rng(std::random_device{}());
  int completed = 0;
  int retried = 0;
  for (int trial = 1; trial <= kInitTrials; ++trial) {
    INFO("trial " << trial);
    fs::remove_all(vault);
    const int code = run_and_kill(vault, kReal, args, marker, timing, rng);
    CHECK((code == -1 || code == 0));
    if (st::Vault::exists(vault)) {
      // The key-slot file was written: the vault is complete (open finishes
      // the rename of the database if the kill came just before it).
      auto v = open_checked(vault, kReal);
      CHECK(v.name() == "Researcher");
      ++completed;
    } else {
      CHECK(code == -1);
      const pid_t pid = spawn_cli(vault, kReal, args);
      REQUIRE(wait_for(pid) == 0);
      CHECK(st::Vault::exists(vault));
      ++retried;
    }
  }
  CHECK(completed > 0);
  CHECK(retried > 0);
  // The last vault opens and holds exactly the two vault files.
  auto last = open_checked(vault, kReal);
  last.lock();
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(vault)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"data", "keys"});
}
