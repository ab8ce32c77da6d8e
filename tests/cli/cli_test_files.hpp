#pragma once
// Small file and data helpers shared by the vault CLI tests
// (test_cli_vault.cpp, test_cli_session.cpp).
#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace fieldseal::cli::test {

inline void write_file(const std::filesystem::path& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
  REQUIRE(f.good());
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f.good());
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

inline std::string random_bytes(std::size_t size, std::mt19937& generator) {
  std::string data(size, '\0');
  for (auto& c : data) c = static_cast<char>(generator() & 0xffu);
  return data;
}

// `text` without trailing newlines and spaces (a command's one-line output).
inline std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace fieldseal::cli::test
