#include "helpers.hpp"

#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include <stdlib.h>

#include "fieldseal/transport/zstd_stream.hpp"

namespace fieldseal::transport::test {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "fieldseal-transport-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

Bytes bytes_of(std::string_view text) { return Bytes(text.begin(), text.end()); }

std::string replace(std::string text, std::string_view from, std::string_view to) {
  auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), to);
  return text;
}

Bytes pseudo_random(std::size_t size, std::uint32_t seed) {
  Bytes out(size);
  std::uint64_t x = 0x9E3779B97F4A7C15ull ^ seed;
  for (auto& b : out) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    b = static_cast<std::uint8_t>(x >> 24);
  }
  return out;
}

std::vector<crypto::age::Identity> Keys::hq_identities() const {
  std::vector<crypto::age::Identity> ids;
  auto copy = crypto::X25519Identity::from_secret(hq.secret().clone());
  REQUIRE(copy.ok());
  ids.emplace_back(std::move(*copy));
  return ids;
}

void Content::add_attachment(Bytes data) {
  std::string name = "attachments/" + to_hex(Sha256::of(data));
  add(std::move(name), std::move(data));
}

Content sample_content(std::size_t big) {
  Content c;
  c.add("reports/r-0001.json", bytes_of(R"({"title":"Detention at the station","narrative":"..."})"));
  c.add("reports/r-0002.json", bytes_of(R"({"title":"Search of the office"})"));
  c.add_attachment({});
  c.add_attachment({0x42});
  c.add_attachment(pseudo_random(big, 1));
  c.add("custody/r-0001.json", bytes_of(R"([{"event":"created"}])"));
  c.add("custody/r-0002.json", bytes_of(R"([{"event":"finalized"}])"));
  return c;
}

Sealed seal(const Content& content, const Keys& keys, std::vector<crypto::X25519Recipient> recipients,
            bool armor, std::uint64_t sequence) {
  std::vector<crypto::MemorySource> sources;
  sources.reserve(content.entries.size());
  BundleSpec spec;
  spec.bundle_id = new_bundle_id();
  spec.sequence = sequence;
  spec.created = 1'795'000'000;
  spec.recipients = std::move(recipients);
  spec.armor = armor;
  for (const auto& [name, data] : content.entries) {
    sources.emplace_back(data);
    spec.entries.push_back({name, data.size(), Sha256::of(data), &sources.back()});
  }
  crypto::MemorySink sink;
  auto summary = write_bundle(spec, keys.sender, sink);
  REQUIRE(summary.ok());
  return {sink.take(), std::move(*summary)};
}

Result<LoadedBundle> open_bundle(const Bytes& file, std::span<const crypto::age::Identity> identities,
                                 ReaderOptions options) {
  crypto::MemorySource source(file);
  return read_bundle(source, identities, options);
}

namespace {
void octal(char* field, std::size_t width, std::uint64_t value) {
  std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1),
                static_cast<unsigned long long>(value));
}
}  // namespace

void RawTar::add_header_only(std::string_view name, std::uint64_t size, char typeflag) {
  std::array<char, 512> h{};
  std::memcpy(h.data(), name.data(), std::min<std::size_t>(name.size(), 100));
  octal(h.data() + 100, 8, 0644);
  octal(h.data() + 108, 8, 0);
  octal(h.data() + 116, 8, 0);
  octal(h.data() + 124, 12, size);
  octal(h.data() + 136, 12, 1'795'000'000);
  h[156] = typeflag;
  std::memcpy(h.data() + 257, "ustar", 6);
  std::memcpy(h.data() + 263, "00", 2);
  std::memset(h.data() + 148, ' ', 8);
  unsigned sum = 0;
  for (char c : h) sum += static_cast<unsigned char>(c);
  std::snprintf(h.data() + 148, 8, "%06o", sum);
  h[155] = ' ';
  bytes.insert(bytes.end(), h.begin(), h.end());
}

void RawTar::add(std::string_view name, const Bytes& data, char typeflag, std::string_view linkname) {
  std::size_t start = bytes.size();
  add_header_only(name, data.size(), typeflag);
  if (!linkname.empty()) {
    // Rewrite the link name and checksum.
    char* h = reinterpret_cast<char*>(bytes.data() + start);
    std::memcpy(h + 157, linkname.data(), std::min<std::size_t>(linkname.size(), 100));
    std::memset(h + 148, ' ', 8);
    unsigned sum = 0;
    for (std::size_t i = 0; i < 512; ++i) sum += static_cast<unsigned char>(h[i]);
    std::snprintf(h + 148, 8, "%06o", sum);
    h[155] = ' ';
  }
  bytes.insert(bytes.end(), data.begin(), data.end());
  bytes.resize((bytes.size() + 511) / 512 * 512, 0);
}

void RawTar::finish() { bytes.resize(bytes.size() + 1024, 0); }

Bytes compress_padded(const Bytes& data) {
  crypto::MemorySink sink;
  auto writer = ZstdWriter::create(sink, {.level = kCompressionLevel, .workers = 0});
  REQUIRE(writer.ok());
  REQUIRE((*writer)->write(data).ok());
  REQUIRE((*writer)->finish().ok());
  return sink.take();
}

Bytes compress_frames(const Bytes& data) {
  crypto::MemorySink sink;
  std::uint64_t compressed = 0;
  {
    auto writer = ZstdWriter::create(sink, {.level = kCompressionLevel, .workers = 1});
    REQUIRE(writer.ok());
    REQUIRE((*writer)->write(data).ok());
    REQUIRE((*writer)->finish().ok());
    compressed = (*writer)->compressed_bytes();
  }
  Bytes out = sink.take();
  out.resize(compressed);
  return out;
}

Bytes seal_zstd(const Bytes& zstd_frames, std::vector<crypto::X25519Recipient> recipients) {
  crypto::MemorySink padded;
  REQUIRE(padded.write(zstd_frames).ok());
  REQUIRE(write_padding_frame(padded, zstd_frames.size()).ok());
  std::vector<crypto::age::Recipient> rs(recipients.begin(), recipients.end());
  auto file = crypto::age::encrypt(rs, padded.bytes());
  REQUIRE(file.ok());
  return *file;
}

Bytes seal_plaintext_tar(const Bytes& tar, std::vector<crypto::X25519Recipient> recipients) {
  std::vector<crypto::age::Recipient> rs(recipients.begin(), recipients.end());
  auto file = crypto::age::encrypt(rs, compress_padded(tar));
  REQUIRE(file.ok());
  return *file;
}

Bytes rle_zero_frame(std::uint32_t blocks) {
  Bytes frame = {0x28, 0xB5, 0x2F, 0xFD, 0x00, static_cast<std::uint8_t>((17 - 10) << 3)};
  const std::uint32_t block = (131072u << 3) | (1u << 1);
  for (std::uint32_t i = 0; i < blocks; ++i) {
    std::uint32_t h = block | (i + 1 == blocks ? 1u : 0u);
    frame.insert(frame.end(), {static_cast<std::uint8_t>(h), static_cast<std::uint8_t>(h >> 8),
                               static_cast<std::uint8_t>(h >> 16), 0x00});
  }
  return frame;
}

std::string manifest_for(const Content& content, const Keys& keys,
                         std::vector<crypto::X25519Recipient> recipients, std::uint64_t version_override) {
  Manifest m;
  m.bundle_id = new_bundle_id();
  m.sender = keys.sender.public_key();
  m.sequence = 1;
  m.created = 1'795'000'000;
  for (const auto& r : recipients) m.recipients.push_back(recipient_fingerprint(r));
  std::sort(m.recipients.begin(), m.recipients.end());
  for (const auto& [name, data] : content.entries) m.entries.push_back({name, data.size(), Sha256::of(data)});
  auto text = serialize(m);
  REQUIRE(text.ok());
  std::string out = *text;
  if (version_override != 0) {
    auto pos = out.rfind("\"version\":1}");
    REQUIRE(pos != std::string::npos);
    out.replace(pos, 12, "\"version\":" + std::to_string(version_override) + "}");
  }
  return out;
}

}  // namespace fieldseal::transport::test
