// fieldseal init | passphrase change | duress set|clear | panic | config set|get:
// the vault's life cycle, as thin wrappers over storage::Vault.
#include <istream>
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "cli_context.hpp"
#include "cmd_vault_util.hpp"
#include "commands.hpp"
#include "fieldseal/storage/vault.hpp"

namespace fieldseal::cli {
namespace {

constexpr std::size_t kConfirmLineMaxBytes = 64;

struct InitOptions {
  std::string role;
  std::string name;
  std::uint64_t kdf_memory_mib = kDefaultKdfMemoryMiB;
};

struct ChangeOptions {
  CLI::Option* kdf_memory = nullptr;
  std::uint64_t kdf_memory_mib = 0;
};

struct PanicOptions {
  bool yes = false;
};

struct ConfigOptions {
  std::string key;
  std::string value;
};

void run_init(CliContext& ctx, const InitOptions& options) {
  const auto directory = ctx.vault_dir();
  auto role = storage::parse_role(options.role);
  if (!role.ok()) usage_error("--role must be 'field' or 'hq'");
  const auto params = kdf_params_from_mib(options.kdf_memory_mib);
  if (storage::Vault::exists(directory)) failure("a vault already exists in the given directory");
  auto passphrase = ctx.passphrase(PassphrasePurpose::create);
  auto created = storage::Vault::create(directory, role.value(), options.name, passphrase, params);
  if (!created.ok() && created.error() == storage::Error::invalid_argument) {
    failure("cannot create the vault: the directory is not empty, or the name is not a valid "
            "card name (1..128 bytes, no control characters, no leading or trailing space)");
  }
  auto vault = check(std::move(created), "cannot create the vault");
  ctx.out() << "Created a " << storage::role_name(vault.role()) << " vault.\n"
            << "Name:          " << printable(vault.name()) << '\n'
            << "Safety number: " << vault.safety_number() << '\n';
}

void run_passphrase_change(CliContext& ctx, const ChangeOptions& options) {
  std::optional<crypto::Argon2idParams> target;
  if (options.kdf_memory->count() > 0) target = kdf_params_from_mib(options.kdf_memory_mib);
  auto vault = open_vault(ctx, target);
  auto next = second_passphrase(ctx, "New passphrase");
  check(vault.change_passphrase(next), "cannot change the passphrase");
  ctx.err() << "Passphrase changed.\n";
}

void run_duress_set(CliContext& ctx) {
  auto vault = open_vault(ctx);
  auto duress = second_passphrase(ctx, "Duress passphrase");
  auto set = vault.set_duress(duress);
  if (!set.ok() && set.error() == storage::Error::invalid_argument) {
    failure("the duress passphrase must differ from the vault's passphrase");
  }
  check(std::move(set), "cannot set the duress passphrase");
  ctx.err() << "Duress passphrase set. Opening the vault with it destroys the vault's contents\n"
               "and opens an empty vault in its place.\n";
}

void run_duress_clear(CliContext& ctx) {
  auto vault = open_vault(ctx);
  check(vault.clear_duress(), "cannot remove the duress passphrase");
  ctx.err() << "Duress passphrase removed (if there was one).\n";
}

void run_panic(CliContext& ctx, const PanicOptions& options) {
  const auto directory = ctx.vault_dir();
  if (!options.yes) {
    if (!ctx.io().stdin_is_terminal) usage_error("no terminal to confirm on: use --yes");
    ctx.err() << "This destroys the vault for good. Type YES to continue: ";
    ctx.err().flush();
    std::string line;
    auto& in = ctx.io().in;
    for (char c = 0; line.size() <= kConfirmLineMaxBytes && in.get(c) && c != '\n';) line.push_back(c);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line != "YES") failure("not confirmed; nothing was destroyed");
  }
  check(storage::Vault::panic(directory), "panic wipe");
  ctx.err() << "Vault destroyed.\n";
}

void require_config_key(std::string_view key) {
  if (key != storage::kConfigWipeAfter && key != storage::kConfigPurgeOnReceipt) {
    usage_error("unknown setting; the settings are wipe-after and purge-on-receipt");
  }
}

void run_config_set(CliContext& ctx, const ConfigOptions& options) {
  require_config_key(options.key);
  auto vault = open_vault(ctx);
  auto set = vault.set_config(options.key, options.value);
  if (!set.ok() && set.error() == storage::Error::invalid_argument) {
    usage_error(options.key == storage::kConfigWipeAfter
                    ? "wipe-after takes a number of failed unlocks from 0 (off) to " +
                          std::to_string(storage::kWipeAfterMax)
                    : std::string("purge-on-receipt takes 'on' or 'off'"));
  }
  check(std::move(set), "cannot change the setting");
}

void run_config_get(CliContext& ctx, const ConfigOptions& options) {
  require_config_key(options.key);
  auto vault = open_vault(ctx);
  ctx.out() << check(vault.config(options.key), "cannot read the setting") << '\n';
}

}  // namespace

void register_vault_commands(CLI::App& app, CliContext& ctx) {
  auto init_options = std::make_shared<InitOptions>();
  auto* init = app.add_subcommand(
      "init", "Create a vault in --vault DIR (a new or empty directory); asks for the passphrase twice");
  init->add_option("--role", init_options->role, "field (a researcher) or hq (the receiving organisation)")
      ->required()
      ->type_name("field|hq");
  init->add_option("--name", init_options->name,
                   "The name on this vault's card (1..128 bytes of UTF-8)")
      ->required()
      ->type_name("NAME");
  init->add_option("--kdf-memory", init_options->kdf_memory_mib,
                   "Argon2id memory per passphrase in MiB (default 256, at least 64)")
      ->type_name("MiB");
  init->callback([&ctx, init_options] { run_init(ctx, *init_options); });

  auto* passphrase = app.add_subcommand("passphrase", "Manage the vault's passphrase");
  passphrase->require_subcommand(1);
  auto change_options = std::make_shared<ChangeOptions>();
  auto* change = passphrase->add_subcommand(
      "change",
      "Replace the passphrase (crash-safe: if interrupted, the old or the new one opens the vault). "
      "The new one comes from $FIELDSEAL_NEW_PASSPHRASE[_FILE] or is asked twice");
  change_options->kdf_memory =
      change->add_option("--kdf-memory", change_options->kdf_memory_mib,
                         "New Argon2id memory in MiB (default: keep the vault's)")
          ->type_name("MiB");
  change->callback([&ctx, change_options] { run_passphrase_change(ctx, *change_options); });

  auto* duress = app.add_subcommand("duress", "Manage the duress passphrase");
  duress->require_subcommand(1);
  duress->add_subcommand("set",
                         "Set (or replace) a duress passphrase: opening the vault with it silently "
                         "destroys the contents and opens an empty vault. From "
                         "$FIELDSEAL_NEW_PASSPHRASE[_FILE] or asked twice")
      ->callback([&ctx] { run_duress_set(ctx); });
  duress->add_subcommand("clear", "Remove the duress passphrase")->callback([&ctx] {
    run_duress_clear(ctx);
  });

  auto panic_options = std::make_shared<PanicOptions>();
  auto* panic = app.add_subcommand(
      "panic", "Destroy the vault now, without a passphrase (key slots first; under a second)");
  panic->add_flag("-y,--yes", panic_options->yes, "Do not ask for confirmation");
  panic->callback([&ctx, panic_options] { run_panic(ctx, *panic_options); });

  auto* config = app.add_subcommand(
      "config", "Vault settings: wipe-after N (0 = off), purge-on-receipt on|off");
  config->require_subcommand(1);
  auto set_options = std::make_shared<ConfigOptions>();
  auto* set = config->add_subcommand("set", "Change a setting");
  set->add_option("KEY", set_options->key, "wipe-after or purge-on-receipt")->required();
  set->add_option("VALUE", set_options->value, "wipe-after: 0..1000; purge-on-receipt: on|off")
      ->required();
  set->callback([&ctx, set_options] { run_config_set(ctx, *set_options); });
  auto get_options = std::make_shared<ConfigOptions>();
  auto* get = config->add_subcommand("get", "Print a setting");
  get->add_option("KEY", get_options->key, "wipe-after or purge-on-receipt")->required();
  get->callback([&ctx, get_options] { run_config_get(ctx, *get_options); });
}

}  // namespace fieldseal::cli
