// libFuzzer target: the strict tar reader. Property: every entry handed out
// has an allowed name, is within its size cap, appears once, and yields
// exactly its declared size of data.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/transport/tar_stream.hpp"

using namespace fieldseal::transport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fieldseal::crypto::MemorySource source(std::span<const std::uint8_t>(data, size));
  auto reader = TarReader::open(source);
  if (!reader.ok()) return 0;
  std::set<std::string> names;
  std::vector<std::uint8_t> buf(4096);
  for (;;) {
    auto entry = (*reader)->next();
    if (!entry.ok() || !*entry) return 0;
    const TarEntry& e = **entry;
    auto kind = classify_entry_name(e.name);
    if (!kind || *kind != e.kind || e.size > entry_size_cap(e.kind)) std::abort();
    if (!names.insert(e.name).second) std::abort();
    std::uint64_t got = 0;
    for (;;) {
      auto n = (*reader)->read(buf);
      if (!n.ok()) return 0;
      if (*n == 0) break;
      got += *n;
    }
    if (got != e.size || got > size) std::abort();
  }
}
