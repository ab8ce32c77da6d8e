// Interop with the age binary (Debian package age 1.1.1): files we write it
// opens, files it writes we open; X25519 with one and three recipients and
// scrypt, binary and armored, at sizes around the chunk size and 10 MiB.
// age reads passphrases only from a terminal, so it runs on a pseudo-terminal
// and the test types the passphrase at its prompt. Everything is written in a
// test-owned temporary directory that is removed afterwards. Skipped (not
// passed) when the binaries are missing.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <string>

#include "age_test_util.hpp"
#include "fieldseal/crypto/keys.hpp"

extern char** environ;

using namespace age_test;
using fieldseal::crypto::SecretBuffer;
using fieldseal::crypto::X25519Identity;
namespace fs = std::filesystem;

namespace {

constexpr const char* kAge = "/usr/bin/age";
constexpr const char* kAgeKeygen = "/usr/bin/age-keygen";
constexpr std::string_view kPassphrase = "interop test passphrase";
constexpr int kOurScryptLogN = 12;  // age accepts any work factor up to 22
constexpr int kPtyTimeoutMs = 120000;  // a hung age must not hang the suite

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "fieldseal-age-interop-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<char*> c_argv(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) out.push_back(a.data());
  out.push_back(nullptr);
  return out;
}

// Runs a program with stdin from /dev/null and stdout/stderr to `log`.
int run(std::vector<std::string> args, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  auto argv = c_argv(args);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(rc == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs age on a pseudo-terminal, typing the passphrase at each prompt.
int run_with_passphrase(std::vector<std::string> args, std::string& transcript) {
  int master = -1;
  const pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    auto argv = c_argv(args);
    execv(argv[0], argv.data());
    _exit(127);
  }
  std::size_t answered = 0;
  char buf[512];
  for (;;) {
    pollfd pfd{master, POLLIN, 0};
    const int ready = poll(&pfd, 1, kPtyTimeoutMs);
    if (ready <= 0) {
      kill(pid, SIGKILL);
      break;
    }
    const ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has exited
    transcript.append(buf, static_cast<std::size_t>(n));
    // Each prompt ends with ':' followed by a space; answer every new one.
    std::size_t prompts = 0;
    for (std::size_t at = transcript.find("passphrase"); at != std::string::npos;
         at = transcript.find("passphrase", at + 1))
      ++prompts;
    while (answered < prompts && transcript.rfind(':') > transcript.rfind("passphrase")) {
      const std::string line = std::string(kPassphrase) + "\n";
      REQUIRE(write(master, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
      ++answered;
    }
  }
  close(master);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool age_available() { return access(kAge, X_OK) == 0 && access(kAgeKeygen, X_OK) == 0; }

enum class Mode { x25519_one, x25519_three, scrypt };

const char* mode_name(Mode m) {
  switch (m) {
    case Mode::x25519_one: return "X25519, one recipient";
    case Mode::x25519_three: return "X25519, three recipients";
    case Mode::scrypt: return "scrypt";
  }
  return "?";
}

constexpr std::size_t kSizes[] = {0, 1, 65535, 65536, 65537, 10u << 20};

void age_opens_ours(std::initializer_list<Mode> modes) {
  if (!age_available()) SKIP("age 1.1.1 binaries not found at /usr/bin/age and /usr/bin/age-keygen");
  TempDir dir;
  // Keys from our side; age reads our AGE-SECRET-KEY-1 encoding.
  std::vector<X25519Identity> keys;
  for (int i = 0; i < 3; ++i) keys.push_back(X25519Identity::generate());
  const fs::path key_file = dir.path() / "key.txt";
  {
    const SecretBuffer text = keys[1].to_secret_string();
    auto r = text.read();
    write_file(key_file, r.span());
  }
  for (Mode mode : modes) {
    for (bool armor : {false, true}) {
      for (std::size_t size : kSizes) {
        INFO(mode_name(mode) << ", armor " << armor << ", size " << size);
        const Bytes plain = pattern(size, static_cast<std::uint32_t>(size + 1));
        std::vector<age::Recipient> recipients;
        if (mode == Mode::x25519_one) recipients.emplace_back(keys[1].recipient());
        if (mode == Mode::x25519_three)
          for (const auto& k : keys) recipients.emplace_back(k.recipient());
        if (mode == Mode::scrypt)
          recipients.emplace_back(
              age::ScryptRecipient{SecretBuffer::from_text(kPassphrase), kOurScryptLogN});
        age::EncryptOptions options;
        options.armor = armor;
        auto sealed = age::encrypt(recipients, plain, options);
        REQUIRE(sealed.ok());
        const fs::path in = dir.path() / "ours.age";
        const fs::path out = dir.path() / "ours.out";
        fs::remove(out);
        write_file(in, *sealed);
        int rc = 0;
        std::string transcript;
        if (mode == Mode::scrypt) {
          rc = run_with_passphrase({kAge, "-d", "-o", out.string(), in.string()}, transcript);
        } else {
          rc = run({kAge, "-d", "-i", key_file.string(), "-o", out.string(), in.string()},
                   dir.path() / "log.txt");
          transcript = std::string(reinterpret_cast<const char*>(read_file(dir.path() / "log.txt").data()),
                                   read_file(dir.path() / "log.txt").size());
        }
        INFO("age said: " << transcript);
        REQUIRE(rc == 0);
        CHECK(read_file(out) == plain);
      }
    }
  }
}

void we_open_theirs(std::initializer_list<Mode> modes) {
  if (!age_available()) SKIP("age 1.1.1 binaries not found at /usr/bin/age and /usr/bin/age-keygen");
  TempDir dir;
  // Keys from age-keygen; we parse its key files.
  std::vector<std::string> recipients;
  std::vector<age::Identity> third;
  for (int i = 0; i < 3; ++i) {
    const fs::path key_file = dir.path() / ("key" + std::to_string(i) + ".txt");
    REQUIRE(run({kAgeKeygen, "-o", key_file.string()}, dir.path() / "log.txt") == 0);
    const Bytes raw = read_file(key_file);
    const std::string text(raw.begin(), raw.end());
    const std::size_t at = text.find("AGE-SECRET-KEY-1");
    REQUIRE(at != std::string::npos);
    auto id = X25519Identity::parse(text.substr(at, text.find('\n', at) - at));
    REQUIRE(id.ok());
    recipients.push_back(id->recipient().to_string());
    const std::size_t pub = text.find("public key: ");
    REQUIRE(pub != std::string::npos);
    CHECK(text.substr(pub + 12, recipients.back().size()) == recipients.back());
    if (i == 2) third.emplace_back(std::move(*id));
  }
  std::vector<age::Identity> by_passphrase;
  by_passphrase.emplace_back(age::ScryptIdentity{SecretBuffer::from_text(kPassphrase)});

  for (Mode mode : modes) {
    for (bool armor : {false, true}) {
      for (std::size_t size : kSizes) {
        INFO(mode_name(mode) << ", armor " << armor << ", size " << size);
        const Bytes plain = pattern(size, static_cast<std::uint32_t>(size + 2));
        const fs::path in = dir.path() / "plain.bin";
        const fs::path out = dir.path() / "theirs.age";
        write_file(in, plain);
        fs::remove(out);
        std::vector<std::string> args = {kAge, "-e"};
        if (armor) args.emplace_back("-a");
        if (mode == Mode::x25519_one) {
          args.insert(args.end(), {"-r", recipients[2]});
        } else if (mode == Mode::x25519_three) {
          for (const auto& r : recipients) args.insert(args.end(), {"-r", r});
        } else {
          args.emplace_back("-p");
        }
        args.insert(args.end(), {"-o", out.string(), in.string()});
        int rc = 0;
        std::string transcript;
        if (mode == Mode::scrypt) {
          rc = run_with_passphrase(args, transcript);
        } else {
          rc = run(args, dir.path() / "log.txt");
        }
        INFO("age said: " << transcript);
        REQUIRE(rc == 0);
        const Bytes file = read_file(out);
        const auto& ids = mode == Mode::scrypt ? by_passphrase : third;
        for (unsigned threads : {1u, 2u}) {
          age::DecryptOptions options;
          options.threads = threads;
          const DecryptOutcome got = stream_decrypt(ids, file, options, 1 << 16);
          INFO("threads " << threads);
          REQUIRE(got.ok);
          CHECK(got.released == plain);
          if (mode == Mode::scrypt) break;  // one scrypt run at age's work factor is enough
        }
      }
    }
  }
}

}  // namespace

// Split by mode so ctest can run them side by side: age's scrypt at its fixed
// work factor 2^18 takes seconds per file.
TEST_CASE("age: interop: age opens our X25519 files", "[age][interop]") {
  age_opens_ours({Mode::x25519_one, Mode::x25519_three});
}
TEST_CASE("age: interop: age opens our scrypt files", "[age][interop][scrypt]") {
  age_opens_ours({Mode::scrypt});
}
TEST_CASE("age: interop: we open age's X25519 files", "[age][interop]") {
  we_open_theirs({Mode::x25519_one, Mode::x25519_three});
}
TEST_CASE("age: interop: we open age's scrypt files", "[age][interop][scrypt]") {
  we_open_theirs({Mode::scrypt});
}
