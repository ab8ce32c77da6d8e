#pragma once
// What the vault command groups (cmd_vault.cpp, cmd_report.cpp,
// cmd_contact.cpp) share: opening the vault named on the command line, a
// second ("new") passphrase source, KDF strength options, and making user
// data safe to print on a terminal.
//
// KDF strength. `init --kdf-memory MiB` chooses the Argon2id memory of the
// vault's slots (default: libsodium's MODERATE, 256 MiB; never below the
// floor, 64 MiB). A vault keeps the strength it has: every later open asks the
// storage layer to keep (and, for a weaker slot, raise to) the strongest
// parameters found in the key-slot file, so the filler slots always look like
// the real ones and a vault is never silently weakened or strengthened.
// `passphrase change --kdf-memory MiB` re-chooses it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cli_context.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/storage/vocabulary.hpp"

namespace fieldseal::cli {

// A second passphrase for `passphrase change` (the new one) and `duress set`
// (the duress one), for scripts: the file variable wins over the value, and
// both set is an error, as for the unlock passphrase.
inline constexpr std::string_view kEnvNewPassphrase = "FIELDSEAL_NEW_PASSPHRASE";
inline constexpr std::string_view kEnvNewPassphraseFile = "FIELDSEAL_NEW_PASSPHRASE_FILE";

inline constexpr std::uint64_t kMiB = 1ull << 20;
inline constexpr std::uint64_t kDefaultKdfMemoryMiB = crypto::Argon2idParams::moderate().memory_bytes / kMiB;

// The Argon2id parameters for --kdf-memory MIB (passes as the floor's).
// Usage error below the floor or above the cap.
[[nodiscard]] crypto::Argon2idParams kdf_params_from_mib(std::uint64_t mib);

// The strongest parameters of the key-slot file in `directory`, or nothing
// when it cannot be read (Vault::open then names the problem).
[[nodiscard]] std::optional<crypto::Argon2idParams> vault_kdf_strength(
    const std::filesystem::path& directory);

// Opens the vault of --vault / $FIELDSEAL_VAULT with the passphrase from the
// usual sources. `target` overrides the strength kept (see above). Fails with
// the storage layer's message: wrong passphrase, damaged key-slot file,
// damaged database, vault in use, …
[[nodiscard]] storage::Vault open_vault(CliContext& ctx,
                                        std::optional<crypto::Argon2idParams> target = {});

// The new / duress passphrase: $FIELDSEAL_NEW_PASSPHRASE_FILE,
// $FIELDSEAL_NEW_PASSPHRASE, else asked twice on the terminal with `prompt`
// ("New passphrase") and "Repeat <prompt lower-cased>".
[[nodiscard]] crypto::SecretBuffer second_passphrase(CliContext& ctx, std::string_view prompt);

// Reads a whole text input of at most `max_bytes`: a file, or stdin for "-".
[[nodiscard]] std::string read_text_input(CliContext& ctx, const std::string& path,
                                          std::size_t max_bytes, std::string_view what);

// `text` with every control character other than newline and tab (and any
// malformed UTF-8 byte) replaced by U+FFFD, so that text from a report or a
// card cannot drive the terminal. `keep_newlines` = false also replaces
// newlines and tabs (for one-line table cells).
[[nodiscard]] std::string printable(std::string_view text, bool keep_newlines = false);

// Pads `text` with spaces to `width` display columns (UTF-8 code points).
[[nodiscard]] std::string pad(std::string_view text, std::size_t width);
[[nodiscard]] std::size_t display_width(std::string_view text) noexcept;

// "1st", "2nd", … for messages that point at a repeated option.
[[nodiscard]] std::string ordinal(std::size_t n);

// The label language of a --lang option: "en" or "ru"; anything else is a
// usage error.
[[nodiscard]] storage::Language label_language(std::string_view lang);

}  // namespace fieldseal::cli
