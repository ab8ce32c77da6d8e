#pragma once
// Strict canonical JSON for manifests and receipts: the input must be exactly
// what nlohmann-json's dump() writes for the parsed value (sorted keys, no
// whitespace, shortest escapes), which rules out duplicate keys, floats in
// disguise and every other second spelling of the same document.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fieldseal/transport/digest.hpp"

namespace fieldseal::transport::json_strict {

inline constexpr std::size_t kMaxDepth = 8;

// nullopt unless `bytes` is canonical JSON nested at most kMaxDepth deep.
[[nodiscard]] std::optional<nlohmann::json> parse_canonical(std::span<const std::uint8_t> bytes);
// dump() or nullopt (invalid UTF-8 in a string).
[[nodiscard]] std::optional<std::string> dump(const nlohmann::json& value);

// True when `object` is an object with exactly these keys.
[[nodiscard]] bool has_exactly(const nlohmann::json& object, std::initializer_list<std::string_view> keys);
[[nodiscard]] std::optional<std::uint64_t> get_uint(const nlohmann::json& object, std::string_view key);
[[nodiscard]] const std::string* get_string(const nlohmann::json& object, std::string_view key);
[[nodiscard]] bool get_hex(const nlohmann::json& object, std::string_view key, std::span<std::uint8_t> out);

}  // namespace fieldseal::transport::json_strict
