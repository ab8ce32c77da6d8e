// The fieldseal executable out of process:
//  (1) a whole session (init, contacts, report add with attachment, search,
//      finalize, custody, amend, purge, card, panic) under a fresh, empty HOME,
//      TMPDIR and XDG_* directories and working directory, which are still
//      empty afterwards: nothing is written outside the vault (and the files
//      the user named);
//  (2) crash safety: SIGKILL at random moments during `report add`, `attach`
//      and `passphrase change` (100 trials), after each of which the vault
//      opens, PRAGMA integrity_check and cipher_integrity_check pass, and every
//      operation that reported success (exit 0 seen) is intact.
// Vaults use the floor KDF (64 MiB): each unlock is 8 Argon2id runs.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_harness.hpp"
#include "cli_test_files.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/custody.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"

namespace fs = std::filesystem;
using namespace fieldseal::cli::test;  // NOLINT: test helpers
namespace st = fieldseal::storage;
using Catch::Matchers::ContainsSubstring;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* kPassphrase = "session passphrase";
constexpr std::chrono::microseconds kPollInterval{200};

std::string sha256_hex(const std::string& data) {
  std::array<std::uint8_t, fieldseal::crypto::kSha256Bytes> digest{};
  fieldseal::crypto::sha256({reinterpret_cast<const std::uint8_t*>(data.data()), data.size()}, digest);
  return fieldseal::crypto::hex_encode(digest);
}

st::Sha256Digest digest_of(const std::string& hex) {
  auto bytes = fieldseal::crypto::hex_decode(hex);
  REQUIRE(bytes.ok());
  REQUIRE(bytes.value().size() == st::kSha256DigestBytes);
  st::Sha256Digest digest{};
  std::copy(bytes.value().begin(), bytes.value().end(), digest.begin());
  return digest;
}

// Every path under `dir` (hidden ones too), relative, sorted.
std::vector<std::string> tree(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    names.push_back(fs::relative(e.path(), dir).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}


struct Run {
  bool killed = false;
  int code = -1;
  std::string out;
  std::string err;
};

// The fieldseal executable with exactly the environment given, in its own
// session (no controlling terminal: it can never prompt), stdin from a file
// or /dev/null, stdout and stderr captured in files of `io_dir`.
class Spawner {
 public:
  Spawner(fs::path io_dir, fs::path cwd) : io_dir_(std::move(io_dir)), cwd_(std::move(cwd)) {}
  std::map<std::string, std::string> env;

  pid_t start(const std::vector<std::string>& args, const std::string& stdin_file = "/dev/null") {
    std::vector<std::string> argv_s = {FIELDSEAL_CLI_EXECUTABLE};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_s;
    for (const auto& [k, v] : env) env_s.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);

    const auto out = (io_dir_ / "stdout").string();
    const auto err = (io_dir_ / "stderr").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_file.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addchdir_np(&actions, cwd_.c_str());
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    REQUIRE(rc == 0);
    return pid;
  }

  Run finish(pid_t pid) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    Run run;
    run.killed = WIFSIGNALED(status);
    if (run.killed) REQUIRE(WTERMSIG(status) == SIGKILL);
    run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(io_dir_ / "stdout");
    run.err = read_file(io_dir_ / "stderr");
    return run;
  }

  Run run(const std::vector<std::string>& args, const std::string& stdin_file = "/dev/null") {
    return finish(start(args, stdin_file));
  }

  // Runs a command that must succeed; returns stdout.
  std::string ok(const std::vector<std::string>& args, const std::string& stdin_file = "/dev/null") {
    auto r = run(args, stdin_file);
    INFO(args.front());
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.out;
  }

 private:
  fs::path io_dir_;
  fs::path cwd_;
};

}  // namespace

TEST_CASE("a full session writes nothing outside the vault: HOME, TMPDIR, XDG dirs and cwd stay empty",
          "[cli][session]") {
  ScratchDir scratch("session");
  const auto& root = scratch.path();
  for (const char* d : {"home", "tmp", "cwd", "in", "out", "io"}) fs::create_directory(root / d);
  const auto home = root / "home";
  const auto tmp = root / "tmp";

  const std::string canary_latin = "CanaryPushkinXq7";
  const std::string canary_cyrillic = "КанарейкаЖщ9";
  const std::string photo = "JFIF photo bytes " + canary_latin + " " + std::string(300000, 'x');
  write_file(root / "in" / "photo.jpg", photo);
  write_file(root / "in" / "narrative.txt", "Свидетель рассказал: " + canary_cyrillic + "\n");
  const auto inputs_before = tree(root / "in");

  Spawner field(root / "io", root / "cwd");
  field.env = {{"HOME", home.string()},
               {"TMPDIR", tmp.string()},
               {"TMP", tmp.string()},
               {"TEMP", tmp.string()},
               {"XDG_CONFIG_HOME", (home / ".config").string()},
               {"XDG_DATA_HOME", (home / ".local" / "share").string()},
               {"XDG_STATE_HOME", (home / ".local" / "state").string()},
               {"XDG_CACHE_HOME", (home / ".cache").string()},
               {"XDG_RUNTIME_DIR", tmp.string()},
               {"PATH", "/usr/bin:/bin"},
               {"LANG", "C.UTF-8"},
               {"FIELDSEAL_VAULT", (root / "field").string()},
               {"FIELDSEAL_PASSPHRASE", kPassphrase}};
  Spawner hq = field;
  hq.env["FIELDSEAL_VAULT"] = (root / "hq").string();

  field.ok({"init", "--role", "field", "--name", "Anna K", "--kdf-memory", "64"});
  hq.ok({"init", "--role", "hq", "--name", "Memorial HQ", "--kdf-memory", "64"});
  hq.ok({"card", "-o", (root / "out" / "hq.card").string()});
  CHECK_THAT(field.ok({"contact", "add", (root / "out" / "hq.card").string()}),
             ContainsSubstring("Added contact Memorial HQ (hq)."));
  field.ok({"card", "-o", (root / "out" / "field.card").string()});
  hq.ok({"contact", "add", (root / "out" / "field.card").string()});
  CHECK_THAT(field.ok({"contact", "list"}), ContainsSubstring("Memorial HQ"));

  const std::string id = trimmed(field.ok(
      {"report", "add", "--title", "Detention " + canary_latin, "--narrative-file", "-", "--start",
       "2024-03-05", "--region", "Moscow", "--person", "v1:victim:" + canary_cyrillic, "--act",
       "arrest:v1", "--attach", (root / "in" / "photo.jpg").string()},
      (root / "in" / "narrative.txt").string()));
  REQUIRE(id.size() == 36);
  CHECK_THAT(field.ok({"report", "search", "канарейкаЖЩ9"}), ContainsSubstring(id));
  CHECK_THAT(field.ok({"report", "search", canary_latin}), ContainsSubstring(id));
  CHECK(nlohmann::json::parse(field.ok({"report", "list", "--json"})).size() == 1);
  field.ok({"attachment", "save", id, sha256_hex(photo), "-o", (root / "out" / "photo.jpg").string()});
  CHECK(read_file(root / "out" / "photo.jpg") == photo);
  field.ok({"report", "finalize", id});
  field.ok({"report", "amend", id, "--text", "A correction."});
  CHECK_THAT(field.ok({"custody", id}), ContainsSubstring("Chain verifies: 4 entries"));
  CHECK_THAT(field.ok({"report", "show", id}), ContainsSubstring("Signature verifies"));
  field.env["FIELDSEAL_NEW_PASSPHRASE"] = "the second passphrase";
  field.ok({"passphrase", "change"});
  field.env["FIELDSEAL_PASSPHRASE"] = "the second passphrase";
  field.env.erase("FIELDSEAL_NEW_PASSPHRASE");
  field.ok({"purge", id});
  CHECK_THAT(field.ok({"report", "show", id}), ContainsSubstring("purged"));
  CHECK_THAT(field.ok({"custody", id}), ContainsSubstring("Chain verifies: 5 entries"));
  field.ok({"vocab", "--lang", "ru"});
  hq.ok({"identity", "export-secret", "-o", (root / "out" / "hq.key").string()});

  // Nothing outside the vault: home, tmp and the working directory are empty.
  CHECK(tree(home).empty());
  CHECK(tree(tmp).empty());
  CHECK(tree(root / "cwd").empty());
  CHECK(tree(root / "in") == inputs_before);
  CHECK(tree(root / "out") == std::vector<std::string>{"field.card", "hq.card", "hq.key", "photo.jpg"});
  for (const char* vault : {"field", "hq"}) {
    for (const auto& name : tree(root / vault)) {
      INFO(name);
      CHECK((name == "keys" || name == "data" || name == "data-wal" || name == "data-shm"));
    }
  }
  // The purged content is in no file of the field vault (the storage tests
  // also scan its decrypted pages).
  for (const auto& name : tree(root / "field")) {
    const auto bytes = read_file(root / "field" / name);
    CHECK(bytes.find(canary_latin) == std::string::npos);
    CHECK(bytes.find(canary_cyrillic) == std::string::npos);
  }

  field.ok({"panic", "--yes"});
  CHECK(tree(root / "field").empty());
  CHECK(tree(home).empty());
  CHECK(tree(tmp).empty());
}

namespace {

// One vault, its passphrase, and what every successful command promised.
class CrashBench {
 public:
  explicit CrashBench(std::string_view tag)
      : scratch_(tag),
        spawner_(scratch_.path() / "io", scratch_.path() / "cwd"),
        generator_(std::random_device{}()) {
    for (const char* d : {"io", "cwd", "in"}) fs::create_directory(scratch_.path() / d);
    passphrase_ = kPassphrase;
    auto created = st::Vault::create(vault_dir(), st::Role::field, "Crash test",
                                     fieldseal::crypto::SecretBuffer::from_text(passphrase_),
                                     fieldseal::crypto::Argon2idParams::floor());
    REQUIRE(created.ok());
    spawner_.env = {{"HOME", (scratch_.path() / "cwd").string()},
                    {"PATH", "/usr/bin:/bin"},
                    {"FIELDSEAL_VAULT", vault_dir().string()}};
  }

  [[nodiscard]] fs::path vault_dir() const { return scratch_.path() / "vault"; }
  [[nodiscard]] fs::path input(const std::string& name) const { return scratch_.path() / "in" / name; }
  std::mt19937& generator() { return generator_; }
  std::string& passphrase() { return passphrase_; }
  Spawner& spawner() { return spawner_; }

  // Runs the command once unharmed and remembers how long it took overall and
  // until the unlock rewrote the key-slot file.
  void calibrate(const std::vector<std::string>& args) {
    const auto t0 = Clock::now();
    const auto before = keys_inode();
    auto pid = spawner_.start(args);
    std::optional<Clock::duration> unlocked;
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
      if (!unlocked && keys_inode() != before) unlocked = Clock::now() - t0;
      std::this_thread::sleep_for(kPollInterval);
    }
    total_ = Clock::now() - t0;
    unlock_ = unlocked.value_or(total_ / 2);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
  }

  // Starts the command and SIGKILLs it at a random moment: a fifth of the
  // trials anywhere in its run (the KDF included), the rest at a random point
  // after the unlock rewrote the key-slot file, where the writes happen. A
  // command that finishes first is simply not killed.
  Run trial(const std::vector<std::string>& args) {
    const auto before = keys_inode();
    auto pid = spawner_.start(args);
    const auto t0 = Clock::now();
    const bool anywhere = std::uniform_int_distribution<int>(0, 4)(generator_) == 0;
    auto window = anywhere ? total_ : (total_ - unlock_) * 5 / 4;
    const auto delay = std::chrono::duration_cast<Clock::duration>(
        window * std::uniform_real_distribution<double>(0.0, 1.0)(generator_));
    if (!anywhere) {
      int status = 0;
      while (keys_inode() == before && Clock::now() - t0 < total_ * 4) {
        std::this_thread::sleep_for(kPollInterval);
        if (::waitpid(pid, &status, WNOHANG) == pid) {
          // Finished before we saw the key-slot file change.
          Run run;
          run.killed = WIFSIGNALED(status);
          run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
          run.out = read_file(scratch_.path() / "io" / "stdout");
          run.err = read_file(scratch_.path() / "io" / "stderr");
          return run;
        }
      }
    }
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    auto run = spawner_.finish(pid);
    if (run.killed) ++killed_;
    return run;
  }

  // The vault opens with the current passphrase and passes both integrity
  // checks; every custody log verifies.
  st::Vault open_and_check() {
    auto opened = st::Vault::open(vault_dir(), fieldseal::crypto::SecretBuffer::from_text(passphrase_),
                                  fieldseal::crypto::Argon2idParams::floor());
    REQUIRE(opened.ok());
    return check_vault(std::move(opened).value());
  }

  // The integrity checks of open_and_check on an open vault.
  static st::Vault check_vault(st::Vault vault) {
    auto integrity = vault.database().integrity_ok();
    REQUIRE(integrity.ok());
    REQUIRE(integrity.value());
    st::ReportFilter filter;
    filter.limit = st::kMaxListLimit;
    auto reports = st::list_reports(vault.database(), filter);
    REQUIRE(reports.ok());
    for (const auto& r : reports.value()) {
      auto custody = st::check_custody(vault.database(), r.id);
      REQUIRE(custody.ok());
      REQUIRE(custody.value().intact());
    }
    return vault;
  }

  [[nodiscard]] int killed() const { return killed_; }

 private:
  ino_t keys_inode() const {
    struct stat s {};
    if (::stat((vault_dir() / "keys").c_str(), &s) != 0) return 0;
    return s.st_ino;
  }

  ScratchDir scratch_;
  Spawner spawner_;
  std::mt19937 generator_;
  std::string passphrase_;
  Clock::duration total_{};
  Clock::duration unlock_{};
  int killed_ = 0;
};

// Every attachment a report holds reads back to its hash.
void check_attachments(st::Vault& vault, const std::string& id) {
  auto list = st::list_attachments(vault.database(), id);
  REQUIRE(list.ok());
  for (const auto& a : list.value()) REQUIRE(st::verify_attachment(vault.database(), id, a.sha256).ok());
}

}  // namespace

TEST_CASE("crash safety: SIGKILL during report add (36 trials)", "[cli][crash]") {
  CrashBench bench("crash-add");
  bench.spawner().env["FIELDSEAL_PASSPHRASE"] = bench.passphrase();
  struct Promise {
    std::string id, title, sha;
  };
  std::vector<Promise> promised;
  auto add_args = [&](int n, std::string& sha) {
    const auto data = random_bytes(600 * 1024 + static_cast<std::size_t>(n), bench.generator());
    const auto file = bench.input("photo" + std::to_string(n) + ".jpg");
    write_file(file, data);
    sha = sha256_hex(data);
    return std::vector<std::string>{"report", "add", "--title", "Crash trial " + std::to_string(n),
                                    "--narrative", "Задержание, попытка " + std::to_string(n),
                                    "--act", "arrest", "--tag", "crash", "--attach", file.string()};
  };
  std::string sha;
  bench.calibrate(add_args(-1, sha));

  constexpr int kTrials = 36;
  for (int n = 0; n < kTrials; ++n) {
    auto args = add_args(n, sha);
    auto run = bench.trial(args);
    INFO("trial " << n << ": " << run.err);
    if (!run.killed) {
      REQUIRE(run.code == 0);
      promised.push_back({trimmed(run.out), args[3], sha});
    }
    // A run that completed is checked with the next kill (and at the end).
    if (!run.killed && n + 1 < kTrials) continue;
    auto vault = bench.open_and_check();
    for (const auto& p : promised) {
      auto report = st::get_report(vault.database(), p.id);
      REQUIRE(report.ok());
      CHECK(report.value().content.title == p.title);
      REQUIRE(report.value().attachments.size() == 1);
      CHECK(fieldseal::crypto::hex_encode(report.value().attachments[0].sha256) == p.sha);
      REQUIRE(st::verify_attachment(vault.database(), p.id, digest_of(p.sha)).ok());
    }
    st::ReportFilter filter;
    filter.limit = st::kMaxListLimit;
    auto all = st::list_reports(vault.database(), filter);
    REQUIRE(all.ok());
    for (const auto& r : all.value()) check_attachments(vault, r.id);
  }
  INFO("killed " << bench.killed() << " of " << kTrials);
  CHECK(bench.killed() >= 10);
}

TEST_CASE("crash safety: SIGKILL during attach (34 trials)", "[cli][crash]") {
  CrashBench bench("crash-attach");
  bench.spawner().env["FIELDSEAL_PASSPHRASE"] = bench.passphrase();
  std::string id;
  {
    auto vault = bench.open_and_check();
    st::ReportDraft draft;
    draft.title = "Receives attachments";
    auto created = st::create_report(vault.database(), vault.signing_key(), draft);
    REQUIRE(created.ok());
    id = created.value();
  }
  std::vector<std::string> promised;
  auto attach_args = [&](int n, std::string& sha) {
    const auto data = random_bytes(1024 * 1024 + static_cast<std::size_t>(n), bench.generator());
    const auto file = bench.input("audio" + std::to_string(n + 1) + ".m4a");
    write_file(file, data);
    sha = sha256_hex(data);
    return std::vector<std::string>{"attach", id, file.string()};
  };
  std::string sha;
  bench.calibrate(attach_args(-1, sha));
  promised.push_back(sha);

  constexpr int kTrials = 34;
  for (int n = 0; n < kTrials; ++n) {
    auto args = attach_args(n, sha);
    auto run = bench.trial(args);
    INFO("trial " << n << ": " << run.err);
    if (!run.killed) {
      REQUIRE(run.code == 0);
      CHECK(run.out.substr(0, 64) == sha);
      promised.push_back(sha);
    }
    if (!run.killed && n + 1 < kTrials) continue;
    auto vault = bench.open_and_check();
    for (const auto& p : promised) REQUIRE(st::verify_attachment(vault.database(), id, digest_of(p)).ok());
    check_attachments(vault, id);
  }
  INFO("killed " << bench.killed() << " of " << kTrials);
  CHECK(bench.killed() >= 10);
}

TEST_CASE("crash safety: SIGKILL during passphrase change (30 trials)", "[cli][crash]") {
  CrashBench bench("crash-pass");
  std::string id;
  const std::string photo = random_bytes(300 * 1024, bench.generator());
  {
    auto vault = bench.open_and_check();
    st::ReportDraft draft;
    draft.title = "Must survive";
    auto created = st::create_report(vault.database(), vault.signing_key(), draft);
    REQUIRE(created.ok());
    id = created.value();
    fieldseal::crypto::MemorySource source(
        {reinterpret_cast<const std::uint8_t*>(photo.data()), photo.size()});
    REQUIRE(st::add_attachment(vault.database(), vault.signing_key(), id, source, "p.jpg", "image/jpeg").ok());
    REQUIRE(st::finalize_report(vault.database(), vault.signing_key(), id).ok());
  }
  int generation = 0;
  auto change_args = [&] {
    bench.spawner().env["FIELDSEAL_PASSPHRASE"] = bench.passphrase();
    bench.spawner().env["FIELDSEAL_NEW_PASSPHRASE"] = "generation " + std::to_string(++generation);
    return std::vector<std::string>{"passphrase", "change"};
  };
  bench.calibrate(change_args());
  bench.passphrase() = bench.spawner().env["FIELDSEAL_NEW_PASSPHRASE"];

  for (int n = 0; n < 30; ++n) {
    auto args = change_args();
    const std::string old_passphrase = bench.passphrase();
    const std::string new_passphrase = bench.spawner().env["FIELDSEAL_NEW_PASSPHRASE"];
    auto run = bench.trial(args);
    INFO("trial " << n << ": " << run.err);
    if (!run.killed) REQUIRE(run.code == 0);
    // Killed: either the old or the new passphrase opens the vault (never
    // neither). Completed: the new one.
    bench.passphrase() = new_passphrase;
    auto opened = st::Vault::open(bench.vault_dir(), fieldseal::crypto::SecretBuffer::from_text(new_passphrase),
                                  fieldseal::crypto::Argon2idParams::floor());
    if (!opened.ok()) {
      REQUIRE(run.killed);
      REQUIRE(opened.error() == st::Error::wrong_passphrase);
      bench.passphrase() = old_passphrase;
      opened = st::Vault::open(bench.vault_dir(), fieldseal::crypto::SecretBuffer::from_text(old_passphrase),
                               fieldseal::crypto::Argon2idParams::floor());
      REQUIRE(opened.ok());
    }
    auto vault = CrashBench::check_vault(std::move(opened).value());
    REQUIRE(st::verify_report(vault.database(), id).ok());
    auto report = st::get_report(vault.database(), id);
    REQUIRE(report.ok());
    CHECK(report.value().content.title == "Must survive");
    check_attachments(vault, id);
    REQUIRE(report.value().attachments.size() == 1);
  }
  INFO("killed " << bench.killed() << " of 30");
  CHECK(bench.killed() >= 8);
}
