#include "json_strict.hpp"

#include <algorithm>

namespace fieldseal::transport::json_strict {

namespace {
// nlohmann-json recursion (destruction, dump) is bounded by nesting depth, so
// depth is checked before anything is built.
bool depth_within_cap(std::span<const std::uint8_t> bytes) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::uint8_t c : bytes) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return false;
    } else if (c == ']' || c == '}') {
      if (depth == 0) return false;
      --depth;
    }
  }
  return true;
}
}  // namespace

std::optional<std::string> dump(const nlohmann::json& value) {
  try {
    return value.dump();
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::optional<nlohmann::json> parse_canonical(std::span<const std::uint8_t> bytes) {
  if (!depth_within_cap(bytes)) return std::nullopt;
  try {
    nlohmann::json value = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr,
                                                 /*allow_exceptions=*/false,
                                                 /*ignore_comments=*/false);
    if (value.is_discarded()) return std::nullopt;
    auto again = dump(value);
    if (!again || again->size() != bytes.size() ||
        !std::equal(again->begin(), again->end(), bytes.begin(),
                    [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; }))
      return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool has_exactly(const nlohmann::json& object, std::initializer_list<std::string_view> keys) {
  if (!object.is_object() || object.size() != keys.size()) return false;
  for (std::string_view key : keys)
    if (!object.contains(key)) return false;
  return true;
}

std::optional<std::uint64_t> get_uint(const nlohmann::json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_unsigned()) return std::nullopt;
  return it->get<std::uint64_t>();
}

const std::string* get_string(const nlohmann::json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

bool get_hex(const nlohmann::json& object, std::string_view key, std::span<std::uint8_t> out) {
  const std::string* text = get_string(object, key);
  return text != nullptr && from_hex(*text, out);
}

}  // namespace fieldseal::transport::json_strict
