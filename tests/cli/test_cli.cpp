// The fieldseal command line, run in-process through run_cli() with scripted
// streams, environment and passphrase prompts (KeePassXC's model), and
// against the real age binary for interop in both directions.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <csignal>
#include <thread>

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli.hpp"
#include "cli_harness.hpp"
#include "cli_context.hpp"
#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

extern char** environ;

namespace fs = std::filesystem;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::StartsWith;
using fieldseal::cli::kExitFailure;
using fieldseal::cli::kExitSuccess;
using fieldseal::cli::kExitUsage;

namespace {

// The age commands need no vault: the harness as it is.
class Cli : public fieldseal::cli::test::CliHarness {
 public:
  Cli() : CliHarness("t") {}
};

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::string data(size, '\0');
  for (auto& c : data) c = static_cast<char>(generator() & 0xffu);
  return data;
}

void write_file(const std::string& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
  REQUIRE(f.good());
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f.good());
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// Names in the directory (hidden ones included), sorted.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The "age1…" recipient from a key file written by keygen or age-keygen.
std::string public_key_of(const std::string& key_file) {
  std::string text = read_file(key_file);
  const std::string marker = "# public key: ";
  auto at = text.find(marker);
  REQUIRE(at != std::string::npos);
  auto end = text.find('\n', at);
  return text.substr(at + marker.size(), end - at - marker.size());
}

// Runs a program with stdout and stderr to /dev/null; returns its exit status.
int spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool have_age() {
  return fs::exists(FIELDSEAL_AGE_EXECUTABLE) && fs::exists(FIELDSEAL_AGE_KEYGEN_EXECUTABLE);
}

std::string message_of(fieldseal::crypto::Error e) { return std::string(fieldseal::crypto::message(e)); }

}  // namespace

TEST_CASE("usage errors exit 2 with a hint", "[cli][usage]") {
  Cli cli;
  const std::vector<std::vector<std::string>> bad = {
      {},
      {"no-such-command"},
      {"age"},
      {"age", "keygen", "--bogus"},
      {"age", "encrypt"},                                   // no recipient
      {"age", "encrypt", "-p", "-r", "age1x"},              // -p with -r
      {"age", "decrypt"},                                   // no identity
      {"age", "decrypt", "-p", "-i", "key.txt"},            // -p with -i
      {"age", "encrypt", "-r", "age1x", "in1", "in2"},      // two inputs
  };
  for (const auto& args : bad) {
    CAPTURE(args);
    auto result = cli.run(args);
    CHECK(result.code == kExitUsage);
    CHECK_THAT(result.err, StartsWith("fieldseal: "));
    CHECK_THAT(result.err, ContainsSubstring("--help"));
    CHECK(result.out.empty());
  }
  CHECK(listing(cli.dir()).empty());
}

TEST_CASE("--help and --version succeed on stdout", "[cli][usage]") {
  Cli cli;
  auto help = cli.run({"--help"});
  CHECK(help.code == kExitSuccess);
  CHECK_THAT(help.out, ContainsSubstring("age"));
  auto sub = cli.run({"age", "encrypt", "--help"});
  CHECK(sub.code == kExitSuccess);
  CHECK_THAT(sub.out, ContainsSubstring("--recipient"));
  auto version = cli.run({"--version"});
  CHECK(version.code == kExitSuccess);
  CHECK_THAT(version.out, StartsWith("fieldseal "));
}

TEST_CASE("age keygen writes an age-keygen style key file, 0600, never overwritten", "[cli][age]") {
  Cli cli;
  auto key = cli.path("key.txt");
  auto result = cli.run({"age", "keygen", "-o", key});
  REQUIRE(result.code == kExitSuccess);
  CHECK(result.out.empty());

  std::string text = read_file(key);
  CHECK_THAT(text, StartsWith("# created: "));
  std::string recipient = public_key_of(key);
  CHECK_THAT(recipient, StartsWith("age1"));
  CHECK(recipient.size() == 62);
  CHECK_THAT(text, ContainsSubstring("\nAGE-SECRET-KEY-1"));
  CHECK(text.back() == '\n');
  CHECK(std::count(text.begin(), text.end(), '\n') == 3);
  CHECK(result.err == "Public key: " + recipient + "\n");

  struct stat st {};
  REQUIRE(::stat(key.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  auto again = cli.run({"age", "keygen", "-o", key});
  CHECK(again.code == kExitFailure);
  CHECK_THAT(again.err, ContainsSubstring("refusing to overwrite"));
  CHECK(read_file(key) == text);

  auto to_stdout = cli.run({"age", "keygen"});
  REQUIRE(to_stdout.code == kExitSuccess);
  CHECK_THAT(to_stdout.out, StartsWith("# created: "));
  CHECK_THAT(to_stdout.out, ContainsSubstring("\nAGE-SECRET-KEY-1"));
  CHECK(to_stdout.out.find(recipient) == std::string::npos);  // a fresh key
}

TEST_CASE("age keygen, encrypt, decrypt round trip", "[cli][age]") {
  Cli cli;
  auto key = cli.path("key.txt");
  REQUIRE(cli.run({"age", "keygen", "-o", key}).code == kExitSuccess);
  auto recipient = public_key_of(key);

  // Empty, one byte, and more than one stream buffer (16 chunks) plus one.
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{16 * 65536 + 1}}) {
    CAPTURE(size);
    std::string plaintext = random_bytes(size, static_cast<unsigned>(size));
    write_file(cli.path("in.bin"), plaintext);

    auto enc = cli.run({"age", "encrypt", "-r", recipient, "-o", cli.path("in.age"), cli.path("in.bin")});
    REQUIRE(enc.code == kExitSuccess);
    CHECK(enc.out.empty());
    std::string sealed = read_file(cli.path("in.age"));
    CHECK_THAT(sealed, StartsWith("age-encryption.org/v1\n"));

    auto dec = cli.run({"age", "decrypt", "-i", key, "-o", cli.path("out.bin"), cli.path("in.age")});
    REQUIRE(dec.code == kExitSuccess);
    CHECK(read_file(cli.path("out.bin")) == plaintext);

    // stdin to stdout.
    cli.stdin_data = plaintext;
    auto piped = cli.run({"age", "encrypt", "-r", recipient});
    REQUIRE(piped.code == kExitSuccess);
    cli.stdin_data = piped.out;
    auto opened = cli.run({"age", "decrypt", "-i", key});
    REQUIRE(opened.code == kExitSuccess);
    CHECK(opened.out == plaintext);
    cli.stdin_data.clear();
  }
  // Nothing but the named files: no hidden partial outputs left over.
  CHECK(listing(cli.dir()) == std::vector<std::string>{"in.age", "in.bin", "key.txt", "out.bin"});
}

TEST_CASE("age encrypt to several recipients, a recipients file, and armor", "[cli][age]") {
  Cli cli;
  REQUIRE(cli.run({"age", "keygen", "-o", cli.path("a.key")}).code == kExitSuccess);
  REQUIRE(cli.run({"age", "keygen", "-o", cli.path("b.key")}).code == kExitSuccess);
  REQUIRE(cli.run({"age", "keygen", "-o", cli.path("c.key")}).code == kExitSuccess);
  write_file(cli.path("recipients.txt"), "# HQ staff\n" + public_key_of(cli.path("b.key")) +
                                             "\n\n" + public_key_of(cli.path("c.key")) + "\n");
  const std::string plaintext = "testimony: the search began at 05:40\n";
  cli.stdin_data = plaintext;
  auto enc = cli.run({"age", "encrypt", "-a", "-r", public_key_of(cli.path("a.key")), "-R",
                      cli.path("recipients.txt"), "-o", cli.path("t.age")});
  REQUIRE(enc.code == kExitSuccess);
  cli.stdin_data.clear();
  CHECK_THAT(read_file(cli.path("t.age")), StartsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
  for (const char* k : {"a.key", "b.key", "c.key"}) {
    CAPTURE(k);
    auto dec = cli.run({"age", "decrypt", "-i", cli.path(k), cli.path("t.age")});
    REQUIRE(dec.code == kExitSuccess);
    CHECK(dec.out == plaintext);
  }

  write_file(cli.path("bad-recipients.txt"), public_key_of(cli.path("a.key")) + "\nssh-ed25519 AAAA\n");
  auto bad = cli.run({"age", "encrypt", "-R", cli.path("bad-recipients.txt")});
  CHECK(bad.code == kExitFailure);
  CHECK_THAT(bad.err, ContainsSubstring("line 2"));
  auto bad_r = cli.run({"age", "encrypt", "-r", "age1notakey"});
  CHECK(bad_r.code == kExitFailure);
  CHECK_THAT(bad_r.err, ContainsSubstring("recipient 1 given with -r"));
}

TEST_CASE("age decrypt failures leave no output file", "[cli][age]") {
  Cli cli;
  auto key = cli.path("key.txt");
  auto other = cli.path("other.txt");
  REQUIRE(cli.run({"age", "keygen", "-o", key}).code == kExitSuccess);
  REQUIRE(cli.run({"age", "keygen", "-o", other}).code == kExitSuccess);
  std::string plaintext = random_bytes(3 * 65536 + 100, 7);
  write_file(cli.path("in.bin"), plaintext);
  REQUIRE(cli.run({"age", "encrypt", "-r", public_key_of(key), "-o", cli.path("good.age"),
                   cli.path("in.bin")})
              .code == kExitSuccess);
  std::string sealed = read_file(cli.path("good.age"));
  const auto before = listing(cli.dir());

  SECTION("wrong identity: exit 1, a clear message, no output") {
    auto dec = cli.run({"age", "decrypt", "-i", other, "-o", cli.path("out.bin"), cli.path("good.age")});
    CHECK(dec.code == kExitFailure);
    CHECK(dec.err == "fieldseal: " + message_of(fieldseal::crypto::Error::age_no_identity_matched) + "\n");
    CHECK(dec.out.empty());
  }
  SECTION("last chunk tampered: the earlier chunks were authentic, still no output file") {
    std::string tampered = sealed;
    tampered[tampered.size() - 1] = static_cast<char>(tampered.back() ^ 0x01);
    write_file(cli.path("bad.age"), tampered);
    auto dec = cli.run({"age", "decrypt", "-i", key, "-o", cli.path("out.bin"), cli.path("bad.age")});
    CHECK(dec.code == kExitFailure);
    CHECK(dec.err == "fieldseal: " + message_of(fieldseal::crypto::Error::age_payload_auth_failed) + "\n");
    CHECK(!fs::exists(cli.path("out.bin")));
    fs::remove(cli.path("bad.age"));
  }
  SECTION("truncated file") {
    write_file(cli.path("short.age"), sealed.substr(0, sealed.size() - 17));
    auto dec = cli.run({"age", "decrypt", "-i", key, "-o", cli.path("out.bin"), cli.path("short.age")});
    CHECK(dec.code == kExitFailure);
    CHECK_THAT(dec.err, StartsWith("fieldseal: "));
    fs::remove(cli.path("short.age"));
  }
  SECTION("an existing output file is kept as it was") {
    write_file(cli.path("out.bin"), "previous contents");
    std::string tampered = sealed;
    tampered[sealed.size() / 2] = static_cast<char>(tampered[sealed.size() / 2] ^ 0x80);
    write_file(cli.path("bad.age"), tampered);
    auto dec = cli.run({"age", "decrypt", "-i", key, "-o", cli.path("out.bin"), cli.path("bad.age")});
    CHECK(dec.code == kExitFailure);
    CHECK(read_file(cli.path("out.bin")) == "previous contents");
    fs::remove(cli.path("bad.age"));
    fs::remove(cli.path("out.bin"));
  }
  SECTION("a missing input file") {
    auto dec = cli.run({"age", "decrypt", "-i", key, "-o", cli.path("out.bin"), cli.path("absent.age")});
    CHECK(dec.code == kExitFailure);
    CHECK_THAT(dec.err, ContainsSubstring("cannot open the input file"));
  }
  // Same files as before: no output, no hidden partial file.
  CHECK(listing(cli.dir()) == before);
}

TEST_CASE("age -p takes the passphrase from the environment, a file, or the prompt", "[cli][age][passphrase]") {
  Cli cli;
  const std::string plaintext = "name of the witness withheld\n";
  write_file(cli.path("in.txt"), plaintext);

  SECTION("FIELDSEAL_PASSPHRASE") {
    cli.env["FIELDSEAL_PASSPHRASE"] = "correct horse battery staple";
    REQUIRE(cli.run({"age", "encrypt", "-p", "-o", cli.path("p.age"), cli.path("in.txt")}).code == kExitSuccess);
    CHECK(cli.prompter.asked == 0);
    auto dec = cli.run({"age", "decrypt", "-p", cli.path("p.age")});
    REQUIRE(dec.code == kExitSuccess);
    CHECK(dec.out == plaintext);

    cli.env["FIELDSEAL_PASSPHRASE"] = "wrong horse battery staple";
    auto wrong = cli.run({"age", "decrypt", "-p", "-o", cli.path("out.txt"), cli.path("p.age")});
    CHECK(wrong.code == kExitFailure);
    CHECK(wrong.err == "fieldseal: " + message_of(fieldseal::crypto::Error::age_no_identity_matched) + "\n");
    CHECK(!fs::exists(cli.path("out.txt")));
  }
  SECTION("FIELDSEAL_PASSPHRASE_FILE, one trailing newline stripped") {
    write_file(cli.path("pass"), "from a file\n");
    cli.env["FIELDSEAL_PASSPHRASE_FILE"] = cli.path("pass");
    REQUIRE(cli.run({"age", "encrypt", "-p", "-o", cli.path("p.age"), cli.path("in.txt")}).code == kExitSuccess);
    cli.env.erase("FIELDSEAL_PASSPHRASE_FILE");
    cli.env["FIELDSEAL_PASSPHRASE"] = "from a file";
    auto dec = cli.run({"age", "decrypt", "-p", cli.path("p.age")});
    REQUIRE(dec.code == kExitSuccess);
    CHECK(dec.out == plaintext);
    CHECK(cli.prompter.asked == 0);

    cli.env["FIELDSEAL_PASSPHRASE_FILE"] = cli.path("pass");
    auto both = cli.run({"age", "decrypt", "-p", cli.path("p.age")});
    CHECK(both.code == kExitFailure);
    CHECK_THAT(both.err, ContainsSubstring("set only one"));

    cli.env.erase("FIELDSEAL_PASSPHRASE");
    write_file(cli.path("empty"), "\n");
    cli.env["FIELDSEAL_PASSPHRASE_FILE"] = cli.path("empty");
    auto empty = cli.run({"age", "decrypt", "-p", cli.path("p.age")});
    CHECK(empty.code == kExitFailure);
    CHECK_THAT(empty.err, ContainsSubstring("passphrase is empty"));
  }
  SECTION("prompt: asked twice to encrypt, once to decrypt") {
    cli.prompter.answers = {"spoken only once", "spoken only once", "spoken only once"};
    REQUIRE(cli.run({"age", "encrypt", "-p", "-o", cli.path("p.age"), cli.path("in.txt")}).code == kExitSuccess);
    CHECK(cli.prompter.asked == 2);
    auto dec = cli.run({"age", "decrypt", "-p", cli.path("p.age")});
    REQUIRE(dec.code == kExitSuccess);
    CHECK(dec.out == plaintext);
    CHECK(cli.prompter.asked == 3);
  }
  SECTION("prompt: a mismatch or no terminal fails and writes nothing") {
    cli.prompter.answers = {"first", "second"};
    auto mismatch = cli.run({"age", "encrypt", "-p", "-o", cli.path("p.age"), cli.path("in.txt")});
    CHECK(mismatch.code == kExitFailure);
    CHECK_THAT(mismatch.err, ContainsSubstring("do not match"));
    auto no_tty = cli.run({"age", "encrypt", "-p", "-o", cli.path("p.age"), cli.path("in.txt")});
    CHECK(no_tty.code == kExitFailure);
    CHECK_THAT(no_tty.err, ContainsSubstring("FIELDSEAL_PASSPHRASE"));
    CHECK(!fs::exists(cli.path("p.age")));
  }
}

TEST_CASE("age refuses to write binary to a terminal", "[cli][age]") {
  Cli cli;
  REQUIRE(cli.run({"age", "keygen", "-o", cli.path("key")}).code == kExitSuccess);
  auto recipient = public_key_of(cli.path("key"));
  cli.stdout_is_terminal = true;
  cli.stdin_data = "text";
  auto binary = cli.run({"age", "encrypt", "-r", recipient});
  CHECK(binary.code == kExitFailure);
  CHECK_THAT(binary.err, ContainsSubstring("refusing to write binary to the terminal"));
  CHECK(binary.out.empty());
  auto before_prompt = cli.run({"age", "encrypt", "-p"});  // refused before asking
  CHECK(before_prompt.code == kExitFailure);
  CHECK(cli.prompter.asked == 0);
  auto armored = cli.run({"age", "encrypt", "-a", "-r", recipient});
  CHECK(armored.code == kExitSuccess);
  auto forced = cli.run({"age", "encrypt", "-r", recipient, "-o", "-"});
  CHECK(forced.code == kExitSuccess);

  cli.stdin_data = forced.out;
  auto text = cli.run({"age", "decrypt", "-i", cli.path("key")});
  CHECK(text.code == kExitSuccess);
  CHECK(text.out == "text");

  cli.stdout_is_terminal = false;
  cli.stdin_data = std::string("\x1b]0;spoofed\x07", 11);
  auto escape = cli.run({"age", "encrypt", "-r", recipient});
  REQUIRE(escape.code == kExitSuccess);
  cli.stdout_is_terminal = true;
  cli.stdin_data = escape.out;
  auto refused = cli.run({"age", "decrypt", "-i", cli.path("key")});
  CHECK(refused.code == kExitFailure);
  CHECK_THAT(refused.err, ContainsSubstring("refusing to write binary to the terminal"));
}

TEST_CASE("the real age binary opens what fieldseal wrote, and the reverse", "[cli][age][interop]") {
  if (!have_age()) SKIP("age and age-keygen are not installed");
  Cli cli;
  std::string plaintext = random_bytes(2 * 65536 + 5, 11);
  write_file(cli.path("in.bin"), plaintext);

  SECTION("fieldseal encrypts, age decrypts") {
    REQUIRE(cli.run({"age", "keygen", "-o", cli.path("fs.key")}).code == kExitSuccess);
    REQUIRE(cli.run({"age", "encrypt", "-r", public_key_of(cli.path("fs.key")), "-o", cli.path("fs.age"),
                     cli.path("in.bin")})
                .code == kExitSuccess);
    REQUIRE(spawn({FIELDSEAL_AGE_EXECUTABLE, "-d", "-i", cli.path("fs.key"), "-o", cli.path("age.out"),
                   cli.path("fs.age")}) == 0);
    CHECK(read_file(cli.path("age.out")) == plaintext);
  }
  SECTION("age encrypts, fieldseal decrypts") {
    REQUIRE(spawn({FIELDSEAL_AGE_KEYGEN_EXECUTABLE, "-o", cli.path("age.key")}) == 0);
    REQUIRE(spawn({FIELDSEAL_AGE_EXECUTABLE, "-r", public_key_of(cli.path("age.key")), "-o",
                   cli.path("age.age"), cli.path("in.bin")}) == 0);
    auto dec = cli.run({"age", "decrypt", "-i", cli.path("age.key"), "-o", cli.path("fs.out"),
                        cli.path("age.age")});
    REQUIRE(dec.code == kExitSuccess);
    CHECK(read_file(cli.path("fs.out")) == plaintext);
  }
}

TEST_CASE("CliContext: vault and JSON conventions", "[cli][context]") {
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  fieldseal::cli::test::ScriptedPrompter prompter;
  std::map<std::string, std::string> env;
  fieldseal::cli::CliIo io{in, out, err, false, false, false,
                           [&env](std::string_view name) -> std::optional<std::string_view> {
                             auto it = env.find(std::string(name));
                             if (it == env.end()) return std::nullopt;
                             return std::string_view(it->second);
                           },
                           prompter};
  fieldseal::cli::CliContext ctx(io);

  try {
    (void)ctx.vault_dir();
    FAIL("no vault given must be a usage error");
  } catch (const fieldseal::cli::CommandError& e) {
    CHECK(e.exit_code() == kExitUsage);
    CHECK_THAT(std::string(e.what()), ContainsSubstring("FIELDSEAL_VAULT"));
  }
  env["FIELDSEAL_VAULT"] = "from-env";
  CHECK(ctx.vault_dir() == fs::path("from-env"));
  ctx.vault_option() = "from-option";
  CHECK(ctx.vault_dir() == fs::path("from-option"));

  ctx.print_json(nlohmann::json{{"reports", 3}});
  CHECK(nlohmann::json::parse(out.str()) == nlohmann::json{{"reports", 3}});
  CHECK(out.str().back() == '\n');

  // Progress draws only on a terminal.
  { fieldseal::cli::Progress quiet(ctx, "working", 100 << 20); quiet.advance(50 << 20); }
  CHECK(err.str().empty());
  io.stderr_is_terminal = true;
  { fieldseal::cli::Progress shown(ctx, "working", 100 << 20); shown.advance(50 << 20); }
  CHECK_THAT(err.str(), ContainsSubstring("working: 50 MiB of 100 MiB (50%)"));
  err.str("");
  {
    fieldseal::cli::Progress unknown(ctx, "streaming", 0);
    unknown.advance(10 << 20);
    CHECK(err.str().empty());  // nothing for short work of unknown size
    unknown.advance(60 << 20);
    CHECK_THAT(err.str(), ContainsSubstring("streaming: 70 MiB"));
  }
}

TEST_CASE("age commands draw no progress for small inputs, even on a terminal", "[cli][age]") {
  Cli cli;
  REQUIRE(cli.run({"age", "keygen", "-o", cli.path("key")}).code == kExitSuccess);
  write_file(cli.path("in.bin"), random_bytes(100000, 5));
  // The Cli harness reports stderr as not a terminal; run directly with it on.
  std::istringstream in;
  std::ostringstream out;
  std::ostringstream err;
  fieldseal::cli::test::ScriptedPrompter prompter;
  fieldseal::cli::CliIo io{in, out, err, false, false, true,
                           [](std::string_view) -> std::optional<std::string_view> { return std::nullopt; },
                           prompter};
  std::vector<std::string> args = {"age", "encrypt", "-r", public_key_of(cli.path("key")), "-o",
                                   cli.path("in.age"), cli.path("in.bin")};
  CHECK(fieldseal::cli::run_cli(args, io) == kExitSuccess);
  CHECK(err.str().empty());
}

TEST_CASE("global options are accepted before and after the subcommand", "[cli][usage]") {
  Cli cli;
  CHECK(cli.run({"--vault", cli.path("v"), "age", "keygen", "-o", cli.path("k1")}).code == kExitSuccess);
  CHECK(cli.run({"age", "keygen", "--json", "-o", cli.path("k2")}).code == kExitSuccess);
  CHECK(fs::exists(cli.path("k1")));
  CHECK(fs::exists(cli.path("k2")));
}

TEST_CASE("the fieldseal binary removes its partial output when killed", "[cli][age][signals]") {
  Cli cli;
  REQUIRE(cli.run({"age", "keygen", "-o", cli.path("key")}).code == kExitSuccess);
  write_file(cli.path("in.bin"), random_bytes(4 * 65536, 3));
  REQUIRE(cli.run({"age", "encrypt", "-r", public_key_of(cli.path("key")), "-o", cli.path("in.age"),
                   cli.path("in.bin")})
              .code == kExitSuccess);
  std::string sealed = read_file(cli.path("in.age"));
  REQUIRE(::mkfifo(cli.path("pipe").c_str(), 0600) == 0);
  const auto before = listing(cli.dir());

  std::vector<std::string> args = {FIELDSEAL_CLI_EXECUTABLE, "age", "decrypt", "-i", cli.path("key"),
                                   "-o", cli.path("out.bin"), cli.path("pipe")};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);

  // Feed the header and two chunks, keep the pipe open: the child waits for more.
  int fd = ::open(cli.path("pipe").c_str(), O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  std::size_t part = sealed.size() / 2;
  REQUIRE(::write(fd, sealed.data(), part) == static_cast<ssize_t>(part));

  auto hidden_present = [&] {
    for (const auto& name : listing(cli.dir()))
      if (name.starts_with(".fieldseal-") && name.ends_with(".partial")) return true;
    return false;
  };
  for (int i = 0; i < 1000 && !hidden_present(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(hidden_present());

  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  ::close(fd);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK(listing(cli.dir()) == before);
}
