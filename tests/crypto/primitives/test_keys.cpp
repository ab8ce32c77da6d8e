// age key encodings (age1…, AGE-SECRET-KEY-1…) checked against the real
// age-keygen, and X25519 identity behaviour.
#include <catch2/catch_test_macros.hpp>

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "fieldseal/crypto/encoding.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "test_util.hpp"

using namespace fieldseal::crypto;

namespace {

// Generated once with age-keygen 1.1.1 for this test; it protects nothing.
constexpr std::string_view kEmbeddedRecipient =
    "age1j2ndntysg9hqczx4adwpyxqf8yt3adzvlxxtphp59e5nfmq3yenqlr4nra";
constexpr std::string_view kEmbeddedIdentity =
    "AGE-SECRET-KEY-1H86DA68UXSV75JJHH9ZTGRZXLJR7863P3QCDNLJQZWL2SXMZ6C6SQ3X9PU";

struct KeygenPair {
  std::string recipient;
  std::string identity;
};

// Runs /usr/bin/age-keygen (output to a pipe; nothing touches the disk).
bool run_age_keygen(KeygenPair& out) {
  if (access("/usr/bin/age-keygen", X_OK) != 0) return false;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen("/usr/bin/age-keygen 2>/dev/null", "r"), pclose);
  if (!pipe) return false;
  char line[512];
  while (std::fgets(line, sizeof line, pipe.get()) != nullptr) {
    std::string s(line);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    const std::string_view prefix = "# public key: ";
    if (s.starts_with(prefix)) out.recipient = s.substr(prefix.size());
    if (s.starts_with("AGE-SECRET-KEY-1")) out.identity = s;
  }
  return !out.recipient.empty() && !out.identity.empty();
}

void check_pair(std::string_view identity_text, std::string_view recipient_text) {
  auto identity = X25519Identity::parse(identity_text);
  REQUIRE(identity.ok());
  CHECK(identity->recipient().to_string() == recipient_text);
  auto recipient = X25519Recipient::parse(recipient_text);
  REQUIRE(recipient.ok());
  CHECK(*recipient == identity->recipient());
  const auto again = identity->to_secret_string();
  auto r = again.read();
  CHECK(r.text() == identity_text);
}

}  // namespace

TEST_CASE("age keys: an embedded age-keygen pair", "[keys][age]") {
  check_pair(kEmbeddedIdentity, kEmbeddedRecipient);
}

TEST_CASE("age keys: a fresh pair from the real age-keygen", "[keys][age]") {
  KeygenPair pair;
  if (!run_age_keygen(pair)) SKIP("/usr/bin/age-keygen not available");
  check_pair(pair.identity, pair.recipient);
}

TEST_CASE("age keys: generated identities round-trip", "[keys][age]") {
  const auto identity = X25519Identity::generate();
  const auto text = identity.to_secret_string();
  auto r = text.read();
  CHECK(r.text().starts_with("AGE-SECRET-KEY-1"));
  auto parsed = X25519Identity::parse(r.text());
  REQUIRE(parsed.ok());
  CHECK(parsed->secret().equals(identity.secret()));
  CHECK(parsed->recipient() == identity.recipient());
  const auto recipient_text = identity.recipient().to_string();
  CHECK(recipient_text.starts_with("age1"));
  CHECK(recipient_text.size() == 62);
  CHECK(*X25519Recipient::parse(recipient_text) == identity.recipient());
  CHECK_FALSE(X25519Identity::generate().recipient() == identity.recipient());
}

TEST_CASE("age keys: strict parsing", "[keys][age]") {
  SECTION("case: recipients lower only, identities upper only") {
    std::string upper(kEmbeddedRecipient);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(X25519Recipient::parse(upper).error() == Error::bech32_wrong_prefix);
    std::string lower(kEmbeddedIdentity);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(X25519Identity::parse(lower).error() == Error::bech32_wrong_prefix);
  }
  SECTION("wrong prefix") {
    CHECK(X25519Recipient::parse(kEmbeddedIdentity).error() == Error::bech32_wrong_prefix);
    CHECK(X25519Identity::parse(kEmbeddedRecipient).error() == Error::bech32_wrong_prefix);
  }
  SECTION("damaged strings") {
    std::string damaged(kEmbeddedRecipient);
    damaged[10] = damaged[10] == 'q' ? 'p' : 'q';
    CHECK(X25519Recipient::parse(damaged).error() == Error::bech32_invalid);
    CHECK(X25519Recipient::parse(std::string(kEmbeddedRecipient) + "q").error() == Error::bech32_invalid);
    CHECK(X25519Recipient::parse(kEmbeddedRecipient.substr(0, 61)).error() == Error::bech32_invalid);
    CHECK(X25519Recipient::parse(std::string(kEmbeddedRecipient) + "\n").error() == Error::bech32_invalid);
    CHECK(X25519Recipient::parse(" " + std::string(kEmbeddedRecipient)).error() == Error::bech32_invalid);
    CHECK(X25519Recipient::parse("").error() == Error::bech32_invalid);
  }
  SECTION("wrong key length") {
    const auto short_key = bech32_encode("age", std::vector<std::uint8_t>(31, 1));
    CHECK(X25519Recipient::parse(short_key).error() == Error::key_invalid);
    const auto long_key = bech32_encode("AGE-SECRET-KEY-", std::vector<std::uint8_t>(33, 1), true);
    CHECK(X25519Identity::parse(long_key).error() == Error::key_invalid);
    CHECK(X25519Recipient::from_bytes(std::vector<std::uint8_t>(33, 1)).error() == Error::key_invalid);
    CHECK(X25519Identity::from_secret(SecretBuffer::random(16)).error() == Error::key_invalid);
  }
}

TEST_CASE("X25519 identities agree on a shared secret", "[keys][x25519]") {
  const auto a = X25519Identity::generate();
  const auto b = X25519Identity::generate();
  auto ab = x25519(a.secret(), a.recipient().bytes());
  auto s1 = x25519(a.secret(), b.recipient().bytes());
  auto s2 = x25519(b.secret(), a.recipient().bytes());
  REQUIRE(ab.ok());
  REQUIRE(s1.ok());
  REQUIRE(s2.ok());
  CHECK(s1->equals(*s2));
  CHECK_FALSE(s1->equals(*ab));
}
