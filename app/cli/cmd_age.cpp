// fieldseal age keygen|encrypt|decrypt: the age v1 tool on fieldseal's own
// implementation, with age's command-line shape and behaviour (files it
// writes open with `age`, and the reverse).
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli_context.hpp"
#include "commands.hpp"
#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "files.hpp"

namespace fieldseal::cli {
namespace {

namespace age = crypto::age;

// Plaintext moves through one buffer of this size (16 STREAM chunks, so the
// worker pool has whole chunks to share out).
constexpr std::size_t kStreamBufferBytes = 16 * age::kChunkBytes;
constexpr std::size_t kRecipientsFileMaxBytes = 1 << 20;
constexpr std::size_t kIdentityFileMaxBytes = 1 << 20;
constexpr std::uint64_t kProgressMinBytes = 64ull << 20;

struct KeygenOptions {
  std::string output;
};

struct EncryptOptions {
  std::vector<std::string> recipients;
  std::vector<std::string> recipient_files;
  bool passphrase = false;
  bool armor = false;
  std::string output;
  std::string input;
};

struct DecryptOptions {
  std::vector<std::string> identity_files;
  bool passphrase = false;
  std::string output;
  std::string input;
};

// Go's RFC 3339 format of the local time, as age-keygen writes it.
std::string rfc3339_now() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char text[64];
  std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
  std::string result(text, n);
  long offset = local.tm_gmtoff;
  if (offset == 0) return result + "Z";
  char sign = offset < 0 ? '-' : '+';
  if (offset < 0) offset = -offset;
  char zone[32];
  std::snprintf(zone, sizeof zone, "%c%02d:%02d", sign, static_cast<int>(offset / 3600),
                static_cast<int>((offset % 3600) / 60));
  return result + zone;
}

// Calls `line_fn(line, number)` for every line that is neither empty nor a
// "#" comment, as age reads recipient and identity files.
template <class Fn>
void for_each_key_line(std::string_view text, Fn&& line_fn) {
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    line_fn(line, number);
  }
}

// Bytes a terminal would interpret rather than show: control characters other
// than tab, newline and carriage return (escape sequences among them).
bool looks_binary(std::span<const std::uint8_t> data) noexcept {
  for (std::uint8_t c : data) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return true;
  }
  return false;
}

void run_keygen(CliContext& ctx, const KeygenOptions& options) {
  auto identity = crypto::X25519Identity::generate();
  std::string recipient = identity.recipient().to_string();
  std::string header = "# created: " + rfc3339_now() + "\n# public key: " + recipient + "\n";
  auto secret = identity.to_secret_string();
  write_identity_output(ctx, options.output, header, secret);
  ctx.err() << "Public key: " << recipient << '\n';
}

void validate(CliContext& ctx, const EncryptOptions& options) {
  bool public_keys = !options.recipients.empty() || !options.recipient_files.empty();
  if (options.passphrase && public_keys) {
    usage_error("-p/--passphrase can't be combined with -r/--recipient or -R/--recipients-file");
  }
  if (!options.passphrase && !public_keys) {
    usage_error("missing recipients: give -r RECIPIENT, -R FILE or -p");
  }
  // As age: binary on a terminal is refused unless asked for with "-o -".
  if (options.output.empty() && ctx.io().stdout_is_terminal && !options.armor) {
    failure("refusing to write binary to the terminal; use -a/--armor or -o FILE (or force with -o -)");
  }
}

std::vector<age::Recipient> encrypt_recipients(CliContext& ctx, const EncryptOptions& options) {
  std::vector<age::Recipient> recipients;
  if (options.passphrase) {
    recipients.emplace_back(age::ScryptRecipient{
        ctx.passphrase(PassphrasePurpose::create), age::kScryptDefaultLogN});
    return recipients;
  }
  std::size_t index = 0;
  for (const auto& text : options.recipients) {
    ++index;
    recipients.emplace_back(check(crypto::X25519Recipient::parse(text),
                                  "recipient " + std::to_string(index) + " given with -r"));
  }
  for (const auto& path : options.recipient_files) {
    std::string contents = read_text_file(path, kRecipientsFileMaxBytes, "recipients file");
    std::size_t found = 0;
    for_each_key_line(contents, [&](std::string_view line, std::size_t number) {
      auto parsed = crypto::X25519Recipient::parse(line);
      if (!parsed.ok()) {
        failure("recipients file, line " + std::to_string(number) +
                ": not an age X25519 recipient (age1…); SSH and plugin recipients are not supported");
      }
      recipients.emplace_back(std::move(parsed).value());
      ++found;
    });
    if (found == 0) failure("a recipients file lists no recipients");
  }
  return recipients;
}

std::vector<age::Identity> decrypt_identities(CliContext& ctx, const DecryptOptions& options) {
  if (options.passphrase && !options.identity_files.empty()) {
    usage_error("-p/--passphrase can't be combined with -i/--identity");
  }
  if (!options.passphrase && options.identity_files.empty()) {
    usage_error("missing identity: give -i FILE or -p");
  }

  std::vector<age::Identity> identities;
  if (options.passphrase) {
    identities.emplace_back(
        age::ScryptIdentity{ctx.passphrase(PassphrasePurpose::unlock), age::kScryptMaxLogN});
    return identities;
  }
  for (const auto& path : options.identity_files) {
    auto contents = read_secret_file(path, kIdentityFileMaxBytes, "identity file");
    auto r = contents.read();
    std::size_t found = 0;
    for_each_key_line(r.text(), [&](std::string_view line, std::size_t number) {
      if (line.starts_with("-----BEGIN")) {
        failure("identity file: passphrase-protected identity files and SSH keys are not supported");
      }
      auto parsed = crypto::X25519Identity::parse(line);
      if (!parsed.ok()) {
        failure("identity file, line " + std::to_string(number) +
                ": not an age identity (AGE-SECRET-KEY-1…)");
      }
      identities.emplace_back(std::move(parsed).value());
      ++found;
    });
    if (found == 0) failure("an identity file holds no identities");
  }
  return identities;
}

void run_encrypt(CliContext& ctx, const EncryptOptions& options) {
  validate(ctx, options);
  auto recipients = encrypt_recipients(ctx, options);

  auto input = InputFile::open(ctx, options.input);
  auto output = OutputFile::open(ctx, options.output);
  age::EncryptOptions encrypt_options;
  encrypt_options.armor = options.armor;
  auto encryptor = check(age::Encryptor::begin(recipients, output.sink(), encrypt_options));

  std::optional<Progress> progress;
  if (input.size().value_or(kProgressMinBytes) >= kProgressMinBytes) {
    progress.emplace(ctx, "encrypting", input.size().value_or(0));
  }
  crypto::SecretBuffer buffer(kStreamBufferBytes);
  auto w = buffer.write();
  for (;;) {
    std::size_t n = check(crypto::read_full(input.source(), w.span()), "cannot read the input");
    if (n == 0) break;
    check(encryptor.write(w.span().first(n)));
    if (progress) progress->advance(n);
    if (n < w.size()) break;
  }
  check(encryptor.finish());
  output.commit();
}

void run_decrypt(CliContext& ctx, const DecryptOptions& options) {
  auto identities = decrypt_identities(ctx, options);
  auto input = InputFile::open(ctx, options.input);
  auto output = OutputFile::open(ctx, options.output);
  bool guard_terminal = options.output.empty() && ctx.io().stdout_is_terminal;

  auto decryptor = check(age::Decryptor::open(input.source(), identities));
  std::optional<Progress> progress;
  if (input.size().value_or(kProgressMinBytes) >= kProgressMinBytes) {
    progress.emplace(ctx, "decrypting", input.size().value_or(0));
  }
  crypto::SecretBuffer buffer(kStreamBufferBytes);
  auto w = buffer.write();
  for (;;) {
    std::size_t n = check(decryptor.read(w.span()));
    if (n == 0) break;
    auto plaintext = w.span().first(n);
    if (guard_terminal && looks_binary(plaintext)) {
      failure("refusing to write binary to the terminal; use -o FILE (or force with -o -)");
    }
    check(output.sink().write(plaintext), "cannot write the output");
    if (progress) progress->advance(n);
  }
  output.commit();
}

}  // namespace

void register_age_commands(CLI::App& app, CliContext& ctx) {
  auto* group = app.add_subcommand("age", "age v1 files, compatible with the age tool");
  group->require_subcommand(1);

  auto keygen_options = std::make_shared<KeygenOptions>();
  auto* keygen = group->add_subcommand("keygen", "Generate an age X25519 identity");
  keygen->add_option("-o,--output", keygen_options->output,
                     "Write the identity to FILE (mode 0600; never overwritten)")
      ->type_name("FILE");
  keygen->callback([&ctx, keygen_options] { run_keygen(ctx, *keygen_options); });

  auto encrypt_options = std::make_shared<EncryptOptions>();
  auto* encrypt = group->add_subcommand("encrypt", "Encrypt INPUT (default: stdin) to recipients");
  encrypt->add_option("-r,--recipient", encrypt_options->recipients,
                      "Encrypt to RECIPIENT (age1…); repeatable")
      ->type_name("RECIPIENT")
      ->allow_extra_args(false);
  encrypt->add_option("-R,--recipients-file", encrypt_options->recipient_files,
                      "Encrypt to every recipient listed in FILE; repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  encrypt->add_flag("-p,--passphrase", encrypt_options->passphrase,
                    "Encrypt with a passphrase (prompt, or $FIELDSEAL_PASSPHRASE[_FILE])");
  encrypt->add_flag("-a,--armor", encrypt_options->armor, "Write PEM-armored (text) output");
  encrypt->add_option("-o,--output", encrypt_options->output,
                      "Write to FILE (default: stdout); written whole or not at all")
      ->type_name("FILE");
  encrypt->add_option("INPUT", encrypt_options->input, "File to encrypt (default: stdin)")
      ->type_name("FILE");
  encrypt->callback([&ctx, encrypt_options] { run_encrypt(ctx, *encrypt_options); });

  auto decrypt_options = std::make_shared<DecryptOptions>();
  auto* decrypt = group->add_subcommand("decrypt", "Decrypt INPUT (default: stdin)");
  decrypt->add_option("-i,--identity", decrypt_options->identity_files,
                      "Decrypt with the identities in FILE; repeatable")
      ->type_name("FILE")
      ->allow_extra_args(false);
  decrypt->add_flag("-p,--passphrase", decrypt_options->passphrase,
                    "Decrypt with a passphrase (prompt, or $FIELDSEAL_PASSPHRASE[_FILE])");
  decrypt->add_option("-o,--output", decrypt_options->output,
                      "Write to FILE (default: stdout); written whole or not at all")
      ->type_name("FILE");
  decrypt->add_option("INPUT", decrypt_options->input, "File to decrypt (default: stdin)")
      ->type_name("FILE");
  decrypt->callback([&ctx, decrypt_options] { run_decrypt(ctx, *decrypt_options); });
}

}  // namespace fieldseal::cli
