// libFuzzer target: split-part header parsing. Property: an accepted header
// re-serialises to the input, and a set of accepted headers either plans to
// a permutation of 1..count or names a problem.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "fieldseal/transport/parts.hpp"

using namespace fieldseal::transport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const std::uint8_t> input(data, size);
  auto single = parse_part_header(input);
  if (single.ok()) {
    auto again = serialize_part_header(*single);
    if (!std::equal(again.begin(), again.end(), input.begin(), input.end())) std::abort();
  }
  // Read the input as a sequence of headers and plan a join over them.
  std::vector<PartHeader> headers;
  for (std::size_t off = 0; off + kPartHeaderBytes <= size; off += kPartHeaderBytes) {
    auto h = parse_part_header(input.subspan(off, kPartHeaderBytes));
    if (h.ok()) headers.push_back(*h);
  }
  if (headers.empty()) return 0;
  PartProblem problem;
  auto order = plan_join(headers, &problem);
  if (order.ok()) {
    if (order->size() != headers.front().count) std::abort();
    for (std::size_t k = 0; k < order->size(); ++k)
      if (headers[(*order)[k]].number != k + 1) std::abort();
  } else if (problem.error != order.error() || describe(problem).empty()) {
    std::abort();
  }
  return 0;
}
