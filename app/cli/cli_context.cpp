#include "cli_context.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

#include "files.hpp"

namespace fieldseal::cli {
namespace {

constexpr std::uint64_t kProgressUnknownStep = 64ull << 20;

// Fails unless `passphrase` is usable; returns it.
crypto::SecretBuffer validated(crypto::SecretBuffer passphrase) {
  if (passphrase.empty()) failure("the passphrase is empty");
  if (passphrase.size() > kPassphraseMaxBytes) failure("the passphrase is too long");
  return passphrase;
}

}  // namespace

void usage_error(std::string message) { throw CommandError(std::move(message), kExitUsage); }
void failure(std::string message) { throw CommandError(std::move(message), kExitFailure); }

std::optional<std::string_view> CliContext::env(std::string_view name) const {
  if (!io_.getenv) return std::nullopt;
  auto value = io_.getenv(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::filesystem::path CliContext::vault_dir() const {
  if (!vault_option_.empty()) return vault_option_;
  if (auto from_env = env(kEnvVault)) return std::filesystem::path(*from_env);
  usage_error("no vault given: use --vault DIR or set FIELDSEAL_VAULT");
}

crypto::SecretBuffer CliContext::passphrase(PassphrasePurpose purpose) {
  auto file = env(kEnvPassphraseFile);
  auto value = env(kEnvPassphrase);
  if (file && value) failure("both FIELDSEAL_PASSPHRASE_FILE and FIELDSEAL_PASSPHRASE are set; set only one");
  if (file) return validated(read_passphrase_file(std::string(*file), "passphrase file"));
  if (value) return validated(crypto::SecretBuffer::from_text(*value));

  auto first = io_.prompter.ask("Enter passphrase: ");
  if (!first) {
    failure("cannot ask for a passphrase (no terminal, or input ended); "
            "set FIELDSEAL_PASSPHRASE_FILE or FIELDSEAL_PASSPHRASE");
  }
  auto passphrase = validated(std::move(*first));
  if (purpose == PassphrasePurpose::create) {
    auto second = io_.prompter.ask("Confirm passphrase: ");
    if (!second || !passphrase.equals(*second)) failure("the passphrases do not match");
  }
  return passphrase;
}

void CliContext::print_json(const nlohmann::json& document) {
  io_.out << document.dump(2) << '\n';
  io_.out.flush();
}

Progress::Progress(CliContext& ctx, std::string_view label, std::uint64_t total)
    : err_(ctx.io().stderr_is_terminal ? &ctx.err() : nullptr),
      label_(label),
      total_(total),
      next_draw_(total > 0 ? 0 : kProgressUnknownStep) {}

Progress::~Progress() {
  if (err_ != nullptr && drawn_) {
    *err_ << "\r\033[K";
    err_->flush();
  }
}

void Progress::advance(std::uint64_t bytes) {
  if (err_ == nullptr) return;
  done_ += bytes;
  if (done_ < next_draw_) return;
  draw();
  std::uint64_t step = total_ >= 100 ? total_ / 100 : kProgressUnknownStep;
  next_draw_ = done_ + step;
}

void Progress::draw() {
  drawn_ = true;
  std::uint64_t mib = done_ >> 20;
  *err_ << '\r' << label_ << ": " << mib << " MiB";
  if (total_ > 0) *err_ << " of " << (total_ >> 20) << " MiB (" << (done_ * 100 / total_) << "%)";
  err_->flush();
}

}  // namespace fieldseal::cli
