// Full decryption with a fixed X25519 identity (the CCTV test identity, so
// the CCTV files are useful seeds). Must never crash; on success the
// plaintext must come out identically with one thread and with two, and
// again after sealing it anew to the same identity.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "fieldseal/crypto/age.hpp"

namespace age = fieldseal::crypto::age;
namespace crypto = fieldseal::crypto;

namespace {

constexpr const char* kIdentity =
    "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

const std::vector<age::Identity>& identities() {
  static const std::vector<age::Identity> ids = [] {
    std::vector<age::Identity> v;
    auto id = crypto::X25519Identity::parse(kIdentity);
    if (!id.ok()) std::abort();
    v.emplace_back(std::move(*id));
    return v;
  }();
  return ids;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> file(data, size);
  age::DecryptOptions one;
  one.threads = 1;
  auto first = age::decrypt(identities(), file, one);
  age::DecryptOptions two;
  two.threads = 2;
  auto second = age::decrypt(identities(), file, two);
  if (first.ok() != second.ok()) std::abort();
  if (!first.ok()) {
    if (first.error() != second.error()) std::abort();
    return 0;
  }
  if (*first != *second) std::abort();
  // Sealed again to the same identity, the plaintext comes back unchanged.
  const auto& x = std::get<crypto::X25519Identity>(identities().front());
  std::vector<age::Recipient> recipients;
  recipients.emplace_back(x.recipient());
  auto sealed = age::encrypt(recipients, *first);
  if (!sealed.ok()) std::abort();
  auto third = age::decrypt(identities(), *sealed);
  if (!third.ok() || *third != *first) std::abort();
  return 0;
}
