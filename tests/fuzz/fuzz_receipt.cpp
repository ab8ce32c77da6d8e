// libFuzzer target: receipt parsing, both the signed plaintext and the bare
// receipt object. Property: an accepted receipt re-serialises to the same
// bytes; a signed plaintext is never accepted without a valid signature
// (checked by re-parsing its body, whose serialisation must appear verbatim).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>

#include "fieldseal/transport/receipt.hpp"

using namespace fieldseal::transport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const std::uint8_t> input(data, size);
  std::string_view text(reinterpret_cast<const char*>(data), size);

  auto bare = parse_receipt(input);
  if (bare.ok()) {
    auto again = serialize(*bare);
    if (!again.ok() || *again != text) std::abort();
  } else if (message(bare.error()) == "unknown transport error") {
    std::abort();
  }

  auto opened = open_receipt(input);
  if (opened.ok()) {
    auto body = serialize(*opened);
    if (!body.ok() || text.find(*body) == std::string_view::npos) std::abort();
  }
  return 0;
}
