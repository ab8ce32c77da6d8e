#include "cli.hpp"

#include <new>
#include <ostream>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli_context.hpp"
#include "commands.hpp"

namespace fieldseal::cli {
namespace {

void register_all_commands(CLI::App& app, CliContext& ctx) {
  register_age_commands(app, ctx);
  register_vault_commands(app, ctx);
  register_report_commands(app, ctx);
  register_contact_commands(app, ctx);
  register_exchange_commands(app, ctx);
  register_stats_commands(app, ctx);
  // Later command groups: one line each, e.g. register_vault_commands(app, ctx);
}

}  // namespace

int run_cli(std::span<const std::string> args, CliIo& io) {
  try {
    CliContext ctx(io);
    CLI::App app("fieldseal: a sealed, signed testimony vault and bundles for field research",
                 "fieldseal");
    app.require_subcommand(1);
    // Global options may also follow the subcommand: fieldseal report list --json
    app.fallthrough();
    app.set_version_flag("--version", std::string("fieldseal ") + FIELDSEAL_VERSION);
    app.add_option("--vault", ctx.vault_option(), "Vault directory (default: $FIELDSEAL_VAULT)")
        ->type_name("DIR");
    app.add_flag("--json", ctx.json_option(), "JSON output (list, show, import)");
    register_all_commands(app, ctx);

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
      app.parse(reversed);
    } catch (const CLI::ParseError& e) {
      if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
        (void)app.exit(e, io.out, io.err);  // --help, --help-all, --version
        io.out.flush();
        return kExitSuccess;
      }
      io.err << "fieldseal: " << e.what() << "\nRun 'fieldseal --help' for usage.\n";
      io.err.flush();
      return kExitUsage;
    }
    io.out.flush();
    return kExitSuccess;
  } catch (const CommandError& e) {
    io.out.flush();
    io.err << "fieldseal: " << e.what() << '\n';
    if (e.exit_code() == kExitUsage) io.err << "Run 'fieldseal --help' for usage.\n";
    io.err.flush();
    return e.exit_code();
  } catch (const std::bad_alloc&) {
    io.err << "fieldseal: out of memory\n";
    return kExitFailure;
  } catch (const std::exception&) {
    // Library exceptions may carry data; print none of it.
    io.err << "fieldseal: internal error\n";
    return kExitFailure;
  }
}

}  // namespace fieldseal::cli
