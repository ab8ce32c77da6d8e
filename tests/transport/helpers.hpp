#pragma once
// Shared builders for the transport tests: keys, deterministic data, bundles,
// hand-made tar archives and plaintexts sealed with age.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/age.hpp"
#include "fieldseal/crypto/keys.hpp"
#include "fieldseal/transport/bundle.hpp"

namespace fieldseal::transport::test {

using Bytes = std::vector<std::uint8_t>;

// A new empty directory under the system's temporary directory, removed with
// everything in it when the object goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

Bytes bytes_of(std::string_view text);
// `text` with the first `from` replaced by `to` (which must occur).
std::string replace(std::string text, std::string_view from, std::string_view to);
// Deterministic pseudo-random bytes (incompressible).
Bytes pseudo_random(std::size_t size, std::uint32_t seed);

struct Keys {
  crypto::X25519Identity hq = crypto::X25519Identity::generate();
  crypto::X25519Identity hq2 = crypto::X25519Identity::generate();
  crypto::X25519Identity other = crypto::X25519Identity::generate();
  crypto::Ed25519KeyPair sender = crypto::Ed25519KeyPair::generate();
  std::vector<crypto::age::Identity> hq_identities() const;
};

// Contents of one bundle: name -> bytes.
struct Content {
  std::vector<std::pair<std::string, Bytes>> entries;
  void add(std::string name, Bytes data) { entries.emplace_back(std::move(name), std::move(data)); }
  void add_attachment(Bytes data);
};

// A typical bundle: two reports, attachments of 0 B, 1 B and `big` bytes, two
// custody logs.
Content sample_content(std::size_t big);

struct Sealed {
  Bytes file;
  BundleSummary summary;
};
Sealed seal(const Content& content, const Keys& keys,
            std::vector<crypto::X25519Recipient> recipients, bool armor = false,
            std::uint64_t sequence = 7);

// Result of reading `file` with `identities`.
Result<LoadedBundle> open_bundle(const Bytes& file, std::span<const crypto::age::Identity> identities,
                                 ReaderOptions options = {});

// A ustar archive built by hand, so tests can write what TarWriter refuses.
struct RawTar {
  Bytes bytes;
  // typeflag: '0' file, '1' hard link, '2' symlink, '3' char dev, '4' block
  // dev, '5' directory, '6' FIFO.
  void add(std::string_view name, const Bytes& data, char typeflag = '0',
           std::string_view linkname = {});
  // A header claiming `size` with no data following it.
  void add_header_only(std::string_view name, std::uint64_t size, char typeflag = '0');
  void finish();  // two zero blocks
};

// zstd-compresses and pads `plaintext_tar`, then seals it with age.
Bytes seal_plaintext_tar(const Bytes& tar, std::vector<crypto::X25519Recipient> recipients);
// Pads an already-compressed zstd stream and seals it.
Bytes seal_zstd(const Bytes& zstd_frames, std::vector<crypto::X25519Recipient> recipients);
// Compresses `data` into zstd frames without the padding frame.
Bytes compress_frames(const Bytes& data);
// Compresses `data` into one zstd frame plus the padding frame.
Bytes compress_padded(const Bytes& data);

// A zstd frame of `blocks` RLE blocks of 128 KiB of zeros (a bomb: 4 input
// bytes per 128 KiB of output).
Bytes rle_zero_frame(std::uint32_t blocks);

// A valid manifest (serialised) and signature for `content`.
std::string manifest_for(const Content& content, const Keys& keys,
                         std::vector<crypto::X25519Recipient> recipients,
                         std::uint64_t version_override = 0);

}  // namespace fieldseal::transport::test
