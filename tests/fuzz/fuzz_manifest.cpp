// libFuzzer target: bundle manifest parsing. Property: an accepted manifest
// has exactly one byte representation (parse -> serialize gives the input),
// and every error has a message.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "fieldseal/transport/manifest.hpp"

using namespace fieldseal::transport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const std::uint8_t> input(data, size);
  auto manifest = parse_manifest(input);
  if (!manifest.ok()) {
    if (message(manifest.error()) == "unknown transport error") std::abort();
    return 0;
  }
  auto again = serialize(*manifest);
  if (!again.ok() || again->size() != size ||
      !std::equal(again->begin(), again->end(), input.begin(),
                  [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; }))
    std::abort();
  (void)tar_size_bound(*manifest, size);
  return 0;
}
