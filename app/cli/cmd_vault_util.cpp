#include "cmd_vault_util.hpp"

#include <algorithm>
#include <istream>

#include "files.hpp"
#include "fieldseal/storage/key_slots.hpp"

namespace fieldseal::cli {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";                 // U+FFFD

crypto::SecretBuffer usable(crypto::SecretBuffer passphrase) {
  if (passphrase.empty()) failure("the new passphrase is empty");
  if (passphrase.size() > kPassphraseMaxBytes) failure("the new passphrase is too long");
  return passphrase;
}

// Length of the well-formed UTF-8 sequence at the start of `text`, 0 if none.
std::size_t utf8_sequence(std::string_view text) noexcept {
  const auto b0 = static_cast<unsigned char>(text[0]);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  std::uint32_t min = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, min = 0x80, cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, min = 0x800, cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  // C1 controls (U+0080..U+009F) can also drive some terminals.
  if (cp >= 0x80 && cp <= 0x9F) return 0;
  return length;
}

}  // namespace

crypto::Argon2idParams kdf_params_from_mib(std::uint64_t mib) {
  const auto floor = crypto::Argon2idParams::floor();
  const auto cap = crypto::Argon2idParams::cap();
  if (mib < floor.memory_bytes / kMiB) {
    usage_error("--kdf-memory must be at least " + std::to_string(floor.memory_bytes / kMiB) +
                " (MiB)");
  }
  if (mib > cap.memory_bytes / kMiB) {
    usage_error("--kdf-memory must be at most " + std::to_string(cap.memory_bytes / kMiB) +
                " (MiB)");
  }
  return {mib * kMiB, floor.passes};
}

std::optional<crypto::Argon2idParams> vault_kdf_strength(const std::filesystem::path& directory) {
  auto slots = storage::KeySlotFile::read(directory / storage::kKeySlotFileName);
  if (!slots.ok()) return std::nullopt;
  crypto::Argon2idParams strongest = crypto::Argon2idParams::floor();
  for (std::size_t i = 0; i < storage::kKeySlotCount; ++i) {
    const auto p = slots.value().params(i);
    strongest.memory_bytes = std::max(strongest.memory_bytes, p.memory_bytes);
    strongest.passes = std::max(strongest.passes, p.passes);
  }
  return strongest;
}

storage::Vault open_vault(CliContext& ctx, std::optional<crypto::Argon2idParams> target) {
  const auto directory = ctx.vault_dir();
  if (!storage::Vault::exists(directory)) failure("no vault was found in the given directory");
  auto passphrase = ctx.passphrase(PassphrasePurpose::unlock);
  if (!target) target = vault_kdf_strength(directory);
  return check(storage::Vault::open(directory, passphrase,
                                    target.value_or(crypto::Argon2idParams::moderate())),
               "cannot open the vault");
}

crypto::SecretBuffer second_passphrase(CliContext& ctx, std::string_view prompt) {
  auto file = ctx.env(kEnvNewPassphraseFile);
  auto value = ctx.env(kEnvNewPassphrase);
  if (file && value) {
    failure("both FIELDSEAL_NEW_PASSPHRASE_FILE and FIELDSEAL_NEW_PASSPHRASE are set; set only one");
  }
  if (file) return usable(read_passphrase_file(std::string(*file), "new passphrase file"));
  if (value) return usable(crypto::SecretBuffer::from_text(*value));

  std::string first_prompt = std::string(prompt) + ": ";
  std::string lowered(prompt);
  if (!lowered.empty() && lowered[0] >= 'A' && lowered[0] <= 'Z') {
    lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
  }
  std::string second_prompt = "Repeat " + lowered + ": ";
  auto first = ctx.io().prompter.ask(first_prompt);
  if (!first) {
    failure("cannot ask for the new passphrase (no terminal, or input ended); "
            "set FIELDSEAL_NEW_PASSPHRASE_FILE or FIELDSEAL_NEW_PASSPHRASE");
  }
  auto passphrase = usable(std::move(*first));
  auto second = ctx.io().prompter.ask(second_prompt);
  if (!second || !passphrase.equals(*second)) failure("the passphrases do not match");
  return passphrase;
}

std::string read_text_input(CliContext& ctx, const std::string& path, std::size_t max_bytes,
                            std::string_view what) {
  if (!is_std_stream(path)) return read_text_file(path, max_bytes, what);
  std::string text;
  char buffer[16384];
  auto& in = ctx.io().in;
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto n = static_cast<std::size_t>(in.gcount());
    if (text.size() + n > max_bytes) failure("the " + std::string(what) + " is too large");
    text.append(buffer, n);
  }
  if (in.bad()) failure("cannot read the " + std::string(what) + " from standard input");
  return text;
}

std::string printable(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const auto c = static_cast<unsigned char>(text[0]);
    if (keep_newlines && (c == '\n' || c == '\t')) {
      out.push_back(static_cast<char>(c));
      text.remove_prefix(1);
      continue;
    }
    if (c < 0x20 || c == 0x7F) {
      out.append(kReplacement);
      text.remove_prefix(1);
      continue;
    }
    const std::size_t n = utf8_sequence(text);
    if (n == 0) {
      out.append(kReplacement);
      text.remove_prefix(1);
      continue;
    }
    out.append(text.substr(0, n));
    text.remove_prefix(n);
  }
  return out;
}

std::size_t display_width(std::string_view text) noexcept {
  std::size_t width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

std::string pad(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string ordinal(std::size_t n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

storage::Language label_language(std::string_view lang) {
  if (lang == "ru") return storage::Language::ru;
  if (lang != "en") usage_error("--lang is en or ru");
  return storage::Language::en;
}

}  // namespace fieldseal::cli
