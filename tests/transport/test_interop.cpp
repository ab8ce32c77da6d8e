// Recovery without fieldseal: the standard tools open a bundle.
//   age -d -i hq.key bundle | zstd -d | tar -x
// and split parts are joined by stripping each part's 88-byte header.
#include <catch2/catch_test_macros.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "fieldseal/transport/parts.hpp"
#include "helpers.hpp"

namespace crypto = fieldseal::crypto;
using fieldseal::fail;
using namespace fieldseal::transport;
using namespace fieldseal::transport::test;
namespace fs = std::filesystem;

namespace {

bool have_tools() {
  return std::system("command -v age >/dev/null 2>&1 && command -v zstd >/dev/null 2>&1 && "
                     "command -v tar >/dev/null 2>&1") == 0;
}

void write_file(const fs::path& p, const Bytes& data) {
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  REQUIRE(out.good());
}

Bytes read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), {});
}

int run(const std::string& command) { return std::system(command.c_str()); }

std::string key_file(const Keys& keys, const TempDir& dir) {
  auto secret = keys.hq.to_secret_string();
  auto text = secret.read();
  fs::path p = dir.path() / "hq.key";
  write_file(p, Bytes(text.span().begin(), text.span().end()));
  return p.string();
}

void check_extracted(const fs::path& out, const Content& content, const Sealed& sealed) {
  CHECK(read_file(out / "manifest.json") == bytes_of(sealed.summary.manifest_bytes));
  for (const auto& [name, data] : content.entries) CHECK(read_file(out / name) == data);
  Bytes sig = read_file(out / "manifest.sig");
  CHECK(verify_manifest_signature(bytes_of(sealed.summary.manifest_bytes), sig,
                                  sealed.summary.manifest.sender)
            .ok());
}

}  // namespace

TEST_CASE("transport: age -d | zstd -d | tar -x recovers the bundle", "[transport][interop]") {
  if (!have_tools()) SKIP("age, zstd or tar not installed");
  Keys keys;
  Content content = sample_content(2 * 1024 * 1024 + 5);
  for (bool armor : {false, true}) {
    TempDir dir;
    std::string key = key_file(keys, dir);
    Sealed sealed = seal(content, keys, {keys.hq.recipient(), keys.hq2.recipient()}, armor);
    fs::path bundle = dir.path() / "b";
    write_file(bundle, sealed.file);
    fs::path out = dir.path() / "out";
    fs::create_directories(out);
    REQUIRE(run("age -d -i '" + key + "' '" + bundle.string() + "' > '" + (dir.path() / "plain").string() + "'") == 0);
    CHECK(fs::file_size(dir.path() / "plain") == sealed.summary.plaintext_bytes);
    REQUIRE(run("zstd -q -d -c '" + (dir.path() / "plain").string() + "' | tar -x -C '" + out.string() + "'") == 0);
    check_extracted(out, content, sealed);
  }
}

TEST_CASE("transport: split parts are recoverable with age, tail and the pipeline", "[transport][interop]") {
  if (!have_tools()) SKIP("age, zstd or tar not installed");
  Keys keys;
  Content content = sample_content(700'000);
  std::vector<crypto::X25519Recipient> recipients{keys.hq.recipient()};
  Sealed sealed = seal(content, keys, recipients);
  struct Files final : PartWriter {
    fs::path dir;
    std::vector<std::unique_ptr<crypto::MemorySink>> sinks;
    Result<crypto::ByteSink*> begin(std::uint32_t, std::uint32_t) override {
      sinks.push_back(std::make_unique<crypto::MemorySink>());
      return static_cast<crypto::ByteSink*>(sinks.back().get());
    }
    Result<void> end(std::uint32_t number) override {
      write_file(dir / ("part-" + std::to_string(number)), sinks.back()->bytes());
      return {};
    }
  };
  TempDir dir;
  std::string key = key_file(keys, dir);
  Files files;
  files.dir = dir.path();
  crypto::MemorySource whole(sealed.file);
  SplitOptions options;
  options.max_part_bytes = 200'000;
  options.armor = true;
  auto count = split_bundle(whole, sealed.file.size(), sealed.summary.file_sha256,
                            sealed.summary.manifest.bundle_id, recipients, options, files);
  REQUIRE(count.ok());
  REQUIRE(*count >= 4);
  std::string joined = (dir.path() / "whole.age").string();
  for (std::uint32_t k = 1; k <= *count; ++k)
    REQUIRE(run("age -d -i '" + key + "' '" + (dir.path() / ("part-" + std::to_string(k))).string() +
                "' | tail -c +89 >> '" + joined + "'") == 0);
  CHECK(read_file(joined) == sealed.file);
  fs::path out = dir.path() / "out";
  fs::create_directories(out);
  REQUIRE(run("age -d -i '" + key + "' '" + joined + "' | zstd -q -d | tar -x -C '" + out.string() + "'") == 0);
  check_extracted(out, content, sealed);

  // fieldseal itself joins the parts whatever they are called, in directory order.
  fs::path renamed = dir.path() / "inbox";
  fs::create_directories(renamed);
  for (std::uint32_t k = 1; k <= *count; ++k)
    fs::rename(dir.path() / ("part-" + std::to_string(k)), renamed / (to_hex(new_bundle_id()) + ".txt"));
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(renamed)) found.push_back(entry.path());
  REQUIRE(found.size() == *count);
  auto ids = keys.hq_identities();
  struct FdFile final : crypto::ByteSource {
    int fd;
    crypto::FdSource source;
    explicit FdFile(const fs::path& p) : fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC)), source(fd) {}
    ~FdFile() override { ::close(fd); }
    crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override { return source.read(out); }
  };
  std::vector<PartHeader> headers;
  for (const fs::path& p : found) {
    FdFile file(p);
    REQUIRE(file.fd >= 0);
    auto h = read_part_header(file, ids);
    REQUIRE(h.ok());
    REQUIRE(h->has_value());
    headers.push_back(**h);
  }
  auto order = plan_join(headers);
  REQUIRE(order.ok());
  JoinedSource joined_source(headers, *order,
                             [&](std::size_t index) -> Result<std::unique_ptr<crypto::ByteSource>> {
                               return std::unique_ptr<crypto::ByteSource>(std::make_unique<FdFile>(found[index]));
                             },
                             ids);
  auto loaded = read_bundle(joined_source, ids);
  REQUIRE(loaded.ok());
  CHECK(loaded->bundle.manifest == sealed.summary.manifest);
  CHECK(loaded->entries.size() == content.entries.size());
}

TEST_CASE("transport: a bundle re-encrypted by the age binary keeps or breaks the binding", "[transport][interop]") {
  if (!have_tools()) SKIP("age, zstd or tar not installed");
  Keys keys;
  auto ids = keys.hq_identities();
  Content content = sample_content(50'000);
  Sealed sealed = seal(content, keys, {keys.hq.recipient()});
  TempDir dir;
  std::string key = key_file(keys, dir);
  write_file(dir.path() / "b", sealed.file);
  std::string plain = (dir.path() / "plain").string();
  REQUIRE(run("age -d -i '" + key + "' '" + (dir.path() / "b").string() + "' > '" + plain + "'") == 0);
  REQUIRE(run("age -r " + keys.hq.recipient().to_string() + " -o '" + (dir.path() / "same").string() + "' '" + plain +
              "'") == 0);
  auto same = open_bundle(read_file(dir.path() / "same"), ids);
  REQUIRE(same.ok());
  CHECK(same->entries.size() == content.entries.size());
  REQUIRE(run("age -r " + keys.hq.recipient().to_string() + " -r " + keys.other.recipient().to_string() + " -o '" +
              (dir.path() / "more").string() + "' '" + plain + "'") == 0);
  CHECK(open_bundle(read_file(dir.path() / "more"), ids).error() == Error::recipient_binding_failed);
}
