#pragma once
// Command groups. To add one: write app/cli/cmd_<group>.cpp defining
// register_<group>_commands, declare it here, add the file to fieldseal_cli in
// app/cli/CMakeLists.txt, and add one call in register_all_commands() in
// cli.cpp. See cli_context.hpp for the conventions a command follows.
namespace CLI {
class App;
}

namespace fieldseal::cli {

class CliContext;

// fieldseal age keygen|encrypt|decrypt
void register_age_commands(CLI::App& app, CliContext& ctx);
// fieldseal init | passphrase | duress | panic | config
void register_vault_commands(CLI::App& app, CliContext& ctx);
// fieldseal report … | vocab | attach | attachment … | custody | purge
void register_report_commands(CLI::App& app, CliContext& ctx);
// fieldseal card | contact … | identity export-secret
void register_contact_commands(CLI::App& app, CliContext& ctx);
// fieldseal export | import | quarantine … | receipt
void register_exchange_commands(CLI::App& app, CliContext& ctx);
// fieldseal stats
void register_stats_commands(CLI::App& app, CliContext& ctx);

}  // namespace fieldseal::cli
