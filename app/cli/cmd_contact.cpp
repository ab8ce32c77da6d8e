// fieldseal card | contact add|list|verify | identity export-secret: this
// vault's public card, the cards of the people it exchanges bundles with, and
// HQ's recovery key for the standard age tool.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli_context.hpp"
#include "cmd_vault_util.hpp"
#include "commands.hpp"
#include "fieldseal/crypto/card.hpp"
#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "files.hpp"

namespace fieldseal::cli {
namespace {

struct CardOptions {
  std::string output;
};

struct ContactOptions {
  std::string file;
  std::string name;
};

struct ExportSecretOptions {
  std::string output;
};

std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::string signing_key_text(const crypto::Ed25519PublicKey& key) {
  return crypto::base64_encode(key.bytes(), false);
}

void run_card(CliContext& ctx, const CardOptions& options) {
  auto vault = open_vault(ctx);
  const std::string text = check(vault.card_text(), "cannot write the card");
  auto output = OutputFile::open(ctx, options.output, "card file");
  check(output.sink().write(bytes_of(text)), "cannot write the card");
  output.commit();
  ctx.err() << "Safety number: " << vault.safety_number() << '\n';
}

void run_contact_add(CliContext& ctx, const ContactOptions& options) {
  const std::string text = read_text_file(options.file, crypto::kCardMaxBytes, "card file");
  auto vault = open_vault(ctx);
  auto contact = check(storage::add_contact(vault.database(), text), "cannot add the contact");
  ctx.out() << "Added contact " << printable(contact.card.name) << " ("
            << storage::role_name(contact.card.role) << ").\n"
            << "Safety number: " << contact.safety_number() << '\n'
            << "Compare it with the contact in person or by phone before relying on it.\n";
}

nlohmann::json contact_json(const storage::Contact& contact) {
  return {{"name", contact.card.name},
          {"role", storage::role_name(contact.card.role)},
          {"age_recipient", contact.card.age_recipient.to_string()},
          {"signing_key", signing_key_text(contact.card.signing_key)},
          {"safety_number", contact.safety_number()},
          {"added_at", contact.added_at}};
}

void run_contact_list(CliContext& ctx) {
  auto vault = open_vault(ctx);
  auto contacts = check(storage::list_contacts(vault.database()), "cannot list the contacts");
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : contacts) list.push_back(contact_json(c));
    ctx.print_json(list);
    return;
  }
  if (contacts.empty()) {
    ctx.err() << "No contacts. Add one with 'fieldseal contact add CARD-FILE'.\n";
    return;
  }
  std::size_t width = 4;
  for (const auto& c : contacts) width = std::max(width, display_width(printable(c.card.name)));
  ctx.out() << pad("NAME", width) << "  ROLE   ADDED\n";
  for (const auto& c : contacts) {
    ctx.out() << pad(printable(c.card.name), width) << "  "
              << pad(storage::role_name(c.card.role), 5) << "  " << c.added_at << '\n';
  }
}

void run_contact_verify(CliContext& ctx, const ContactOptions& options) {
  auto vault = open_vault(ctx);
  auto found = storage::find_contact(vault.database(), options.name);
  if (!found.ok() && found.error() == storage::Error::not_found) failure("no contact by that name");
  auto contact = check(std::move(found), "cannot read the contact");
  if (ctx.json()) {
    ctx.print_json(contact_json(contact));
    return;
  }
  ctx.out() << "Name:          " << printable(contact.card.name) << '\n'
            << "Role:          " << storage::role_name(contact.card.role) << '\n'
            << "Age recipient: " << contact.card.age_recipient.to_string() << '\n'
            << "Signing key:   " << signing_key_text(contact.card.signing_key) << '\n'
            << "Added:         " << contact.added_at << '\n'
            << "Safety number: " << contact.safety_number() << '\n'
            << "Ask the contact to read out the safety number of their own card\n"
               "('fieldseal card') in person or by phone; every digit must match.\n";
}

void run_export_secret(CliContext& ctx, const ExportSecretOptions& options) {
  auto vault = open_vault(ctx);
  if (vault.role() != storage::Role::hq) {
    failure("identity export-secret is for HQ vaults only: a field researcher's key never "
            "leaves the vault");
  }
  auto secret = check(vault.export_secret(), "cannot export the identity");
  ctx.err() << "WARNING: this is the secret key that opens every bundle sent to this HQ.\n"
               "Anyone who holds it can read them. Keep it offline (paper or an encrypted\n"
               "medium), never send it over a network. It lets the standard age tool open\n"
               "bundles if fieldseal is unavailable: age -d -i KEY-FILE BUNDLE\n";
  const std::string header = "# fieldseal HQ identity: " + printable(vault.name()) +
                             "\n# public key: " + vault.age_identity().recipient().to_string() + "\n";
  write_identity_output(ctx, options.output, header, secret);
}

}  // namespace

void register_contact_commands(CLI::App& app, CliContext& ctx) {
  auto card_options = std::make_shared<CardOptions>();
  auto* card = app.add_subcommand(
      "card", "Print this vault's public card (safety number on stderr) for its contacts to add");
  card->add_option("-o,--output", card_options->output, "Write the card to FILE (default: stdout)")
      ->type_name("FILE");
  card->callback([&ctx, card_options] { run_card(ctx, *card_options); });

  auto* contact = app.add_subcommand("contact", "The cards of the people and HQs you exchange with");
  contact->require_subcommand(1);
  auto add_options = std::make_shared<ContactOptions>();
  auto* add = contact->add_subcommand("add", "Add a contact from their card file");
  add->add_option("FILE", add_options->file, "The card file ('fieldseal card' wrote it)")
      ->required();
  add->callback([&ctx, add_options] { run_contact_add(ctx, *add_options); });
  contact->add_subcommand("list", "List the contacts (--json for details)")->callback([&ctx] {
    run_contact_list(ctx);
  });
  auto verify_options = std::make_shared<ContactOptions>();
  auto* verify = contact->add_subcommand(
      "verify", "Show a contact's keys and safety number, to compare with the contact");
  verify->add_option("NAME", verify_options->name, "The contact's name")->required();
  verify->callback([&ctx, verify_options] { run_contact_verify(ctx, *verify_options); });

  auto* identity = app.add_subcommand("identity", "This vault's keys");
  identity->require_subcommand(1);
  auto export_options = std::make_shared<ExportSecretOptions>();
  auto* export_secret = identity->add_subcommand(
      "export-secret",
      "HQ only: print the AGE-SECRET-KEY-1... identity, for recovery with the standard age tool");
  export_secret->add_option("-o,--output", export_options->output,
                            "Write it to FILE (created with mode 0600, never overwritten)")
      ->type_name("FILE");
  export_secret->callback([&ctx, export_options] { run_export_secret(ctx, *export_options); });
}

}  // namespace fieldseal::cli
