// bundle_bench: the setup half of bench/cases/40-bundle.sh.
//
//   bundle_bench setup DIR SIZE_MIB
//   bundle_bench export DIR OUT       DIR/field: every final report to "Bench HQ", into OUT
//   bundle_bench import DIR FILE      DIR/hq: import FILE
//   bundle_bench floor-read DIR       DIR/field: read every attachment out of the vault
//   bundle_bench floor-sha256 FILE    SHA-256 of FILE
//
// export and import print "seconds=", "cpu_seconds=", "peak_rss_kib=" and
// "bytes=" lines for the call of the exchange API alone: after the vault is
// unlocked, with the peak RSS reset (VmHWM, through /proc/self/clear_refs) so
// that the unlock's Argon2id memory is not counted.
//
// The two floors print the same lines. They are the least work any export or
// import in the fixed format must do, measured with the same libraries:
//   floor-read    every attachment of every report read back through the
//                 storage API (storage::read_attachment into a sink that
//                 discards: SQLCipher page decryption and, as the read path
//                 always does, the stored SHA-256 checked on a second
//                 thread), after the unlock. An export must read these bytes.
//   floor-sha256  libsodium's streaming SHA-256 (crypto_hash_sha256 via
//                 crypto::Sha256) of a plain file in 64 KiB reads. An import
//                 must check every entry's SHA-256; the largest entry (the
//                 video) is one sequential hash that no thread can split.
//
// creates, in the empty directory DIR:
//   field/      a field vault "Bench Researcher" holding the data below
//   hq/         an HQ vault "Bench HQ" (empty; the import runs copy it)
//   plain/      the same data as plain files, the standard-tools pipeline's input:
//               video.bin and reports/NNNN.txt
// Both vaults hold each other's cards and use the Argon2id floor (64 MiB,
// t = 3): the passphrase comes from $FIELDSEAL_PASSPHRASE.
//
// The data: 90 % of SIZE_MIB as one random "video" attachment on one final
// report, 10 % as generated text in 1,600 final reports of equal size
// (text that compresses as prose does: words drawn from a Zipf distribution
// over a Russian and English vocabulary). A fixed report count keeps the
// number of bundle entries the same at every size, so that what grows with
// SIZE_MIB is bytes, not entries.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/hkdf.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/crypto/kdf.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/contacts.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/storage/vault.hpp"
#include "fieldseal/transport/exchange.hpp"

namespace {

namespace fs = std::filesystem;
namespace st = fieldseal::storage;

constexpr std::uint64_t kMiB = 1ull << 20;
constexpr std::size_t kTextReports = 1600;
constexpr std::size_t kVideoChunk = 1u << 20;
constexpr std::size_t kHashRead = 64u << 10;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bundle_bench: %s\n", what.c_str());
  std::exit(1);
}

template <class T, class E>
T must(fieldseal::Result<T, E>&& result, const char* what) {
  if (!result.ok()) die(what);
  return std::move(result).value();
}
template <class E>
void must(fieldseal::Result<void, E>&& result, const char* what) {
  if (!result.ok()) die(what);
}

const std::vector<std::string>& vocabulary() {
  static const std::vector<std::string> words = {
      "the", "задержан", "and", "полиция", "of", "в", "was", "на", "police", "и", "detained", "что",
      "station", "отдел", "officers", "сотрудники", "court", "суд", "lawyer", "адвокат", "arrest",
      "протокол", "witness", "свидетель", "beaten", "избит", "search", "обыск", "apartment",
      "квартира", "phone", "телефон", "released", "отпущен", "hours", "часов", "charged", "статья",
      "protest", "пикет", "journalist", "журналист", "street", "улица", "van", "автозак", "night",
      "ночью", "morning", "утром", "denied", "отказали", "access", "доступ", "family", "семья",
      "hospital", "больница", "injuries", "травмы", "documents", "документы", "threatened", "угрожали",
      "camera", "камера", "fine", "штраф", "days", "суток", "administrative", "административный",
      "criminal", "уголовное", "case", "дело", "investigator", "следователь", "interrogation", "допрос"};
  return words;
}

// At most `bytes` of prose-like text (whole words, newline every ~12 words).
std::string generate_text(std::size_t bytes, std::mt19937_64& rng) {
  const auto& words = vocabulary();
  std::vector<double> weights;
  for (std::size_t i = 0; i < words.size(); ++i) weights.push_back(1.0 / std::pow(static_cast<double>(i + 1), 1.05));
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  std::uniform_int_distribution<int> number(1, 2026);
  std::string text;
  text.reserve(bytes + 64);
  std::size_t in_line = 0;
  while (text.size() < bytes) {
    if (rng() % 23 == 0) {
      text += std::to_string(number(rng));
    } else {
      text += words[pick(rng)];
    }
    text += (++in_line % 12 == 0) ? ".\n" : " ";
  }
  // Cut at a word boundary, never inside a multi-byte UTF-8 character.
  text.resize(text.find_last_of(" \n", bytes));
  return text;
}

void write_file(const fs::path& path, std::string_view data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!f) die("cannot write a plain file");
}

st::ReportDraft draft(std::string title, std::string narrative) {
  st::ReportDraft d;
  d.title = std::move(title);
  d.narrative = std::move(narrative);
  d.start = must(st::parse_partial_date("2026-11-02"), "date");
  d.location.region = "Moscow";
  return d;
}

int setup(const fs::path& dir, std::uint64_t size_mib) {
  const char* pass = std::getenv("FIELDSEAL_PASSPHRASE");
  if (pass == nullptr || *pass == '\0') die("set FIELDSEAL_PASSPHRASE");
  const auto passphrase = fieldseal::crypto::SecretBuffer::from_text(pass);
  const auto params = fieldseal::crypto::Argon2idParams::floor();
  const std::uint64_t total = size_mib * kMiB;
  const std::uint64_t video_bytes = total / 10 * 9;
  const std::size_t report_bytes = (total - video_bytes) / kTextReports;

  fs::create_directories(dir / "plain" / "reports");
  auto field = must(st::Vault::create(dir / "field", st::Role::field, "Bench Researcher", passphrase, params),
                    "cannot create the field vault");
  auto hq = must(st::Vault::create(dir / "hq", st::Role::hq, "Bench HQ", passphrase, params),
                 "cannot create the HQ vault");
  (void)must(st::add_contact(field.database(), must(hq.card_text(), "HQ card")), "field: add HQ card");
  (void)must(st::add_contact(hq.database(), must(field.card_text(), "field card")), "HQ: add field card");

  // The video: random bytes to plain/video.bin, then streamed into the vault.
  std::mt19937_64 rng(40);
  {
    std::ofstream video(dir / "plain" / "video.bin", std::ios::binary | std::ios::trunc);
    std::vector<std::uint64_t> block(kVideoChunk / sizeof(std::uint64_t));
    for (std::uint64_t written = 0; written < video_bytes;) {
      for (auto& w : block) w = rng();
      const auto n = std::min<std::uint64_t>(kVideoChunk, video_bytes - written);
      video.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(n));
      written += n;
    }
    if (!video) die("cannot write video.bin");
  }
  const auto video_id = must(st::create_report(field.database(), field.signing_key(),
                                               draft("Recording of a detention", "A video recorded at the scene.")),
                             "create the video report");
  {
    const int fd = ::open((dir / "plain" / "video.bin").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) die("cannot open video.bin");
    fieldseal::crypto::FdSource source(fd);
    (void)must(st::add_attachment(field.database(), field.signing_key(), video_id, source, "video.mp4",
                                  "video/mp4"),
               "attach the video");
    ::close(fd);
  }
  (void)must(st::finalize_report(field.database(), field.signing_key(), video_id), "finalize the video report");

  for (std::size_t i = 0; i < kTextReports; ++i) {
    auto text = generate_text(report_bytes, rng);
    char name[32];
    std::snprintf(name, sizeof name, "%04zu.txt", i);
    write_file(dir / "plain" / "reports" / name, text);
    const auto id = must(st::create_report(field.database(), field.signing_key(),
                                           draft("Generated report " + std::to_string(i), std::move(text))),
                         "create a text report");
    (void)must(st::finalize_report(field.database(), field.signing_key(), id), "finalize a text report");
  }
  std::printf("video_bytes=%llu\nreport_bytes=%zu\nreports=%zu\n", static_cast<unsigned long long>(video_bytes),
              report_bytes, kTextReports + 1);
  return 0;
}

void reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

std::uint64_t peak_rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtoull(line.c_str() + 6, nullptr, 10);
  }
  return 0;
}

st::Vault open(const fs::path& dir) {
  const char* pass = std::getenv("FIELDSEAL_PASSPHRASE");
  if (pass == nullptr || *pass == '\0') die("set FIELDSEAL_PASSPHRASE");
  return must(st::Vault::open(dir, fieldseal::crypto::SecretBuffer::from_text(pass),
                              fieldseal::crypto::Argon2idParams::floor()),
              "cannot open the vault");
}

void print_section(std::chrono::steady_clock::time_point start, std::uint64_t bytes) {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  std::printf("seconds=%.3f\npeak_rss_kib=%llu\nbytes=%llu\n", elapsed.count(),
              static_cast<unsigned long long>(peak_rss_kib()), static_cast<unsigned long long>(bytes));
}

// CPU time of the process so far (every thread), user + system.
double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int run_export(const fs::path& dir, const fs::path& out) {
  auto vault = open(dir / "field");
  const std::vector<std::string> to{"Bench HQ"};
  fieldseal::transport::ExportOptions options;
  options.output_dir = out;
  reset_peak_rss();
  const double cpu_start = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  auto result = must(fieldseal::transport::export_bundle(vault, to, {}, options), "export failed");
  print_section(start, result.bundle_bytes);
  std::printf("cpu_seconds=%.3f\n", cpu_seconds() - cpu_start);
  return 0;
}

int run_import(const fs::path& dir, const fs::path& file) {
  auto vault = open(dir / "hq");
  const std::vector<fs::path> files{file};
  reset_peak_rss();
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  auto result = must(fieldseal::transport::import_files(vault, files), "import failed");
  if (result.bundles.size() != 1 || result.bundles[0].status != fieldseal::transport::ImportStatus::imported) {
    die("the bundle was not imported");
  }
  print_section(start, fs::file_size(file));
  std::printf("cpu_seconds=%.3f\n", cpu_seconds() - cpu_start);
  return 0;
}

// Counts what it is given and keeps nothing.
class CountingSink final : public fieldseal::crypto::ByteSink {
 public:
  [[nodiscard]] fieldseal::crypto::Result<void> write(std::span<const std::uint8_t> data) override {
    bytes_ += data.size();
    return {};
  }
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }

 private:
  std::uint64_t bytes_ = 0;
};

int run_floor_read(const fs::path& dir) {
  auto vault = open(dir / "field");
  st::ReportFilter filter;
  filter.status = st::ReportStatus::final;
  filter.limit = st::kMaxListLimit;
  reset_peak_rss();
  const double cpu_start = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  CountingSink sink;
  for (;; filter.offset += filter.limit) {
    const auto page = must(st::list_reports(vault.database(), filter), "cannot list the reports");
    for (const auto& report : page) {
      for (const auto& attachment : must(st::list_attachments(vault.database(), report.id), "cannot list attachments")) {
        must(st::read_attachment(vault.database(), report.id, attachment.sha256, sink), "cannot read an attachment");
      }
    }
    if (page.size() < static_cast<std::size_t>(filter.limit)) break;
  }
  print_section(start, sink.bytes());
  std::printf("cpu_seconds=%.3f\n", cpu_seconds() - cpu_start);
  return 0;
}

int run_floor_sha256(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) die("cannot open the file");
  reset_peak_rss();
  const double cpu_start = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  fieldseal::crypto::Sha256 hash;
  std::vector<std::uint8_t> buffer(kHashRead);
  std::uint64_t bytes = 0;
  for (;;) {
    const auto n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0) die("cannot read the file");
    if (n == 0) break;
    hash.update(std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(n)));
    bytes += static_cast<std::uint64_t>(n);
  }
  std::array<std::uint8_t, fieldseal::crypto::kSha256Bytes> digest{};
  hash.finish(digest);
  ::close(fd);
  print_section(start, bytes);
  std::printf("cpu_seconds=%.3f\nsha256_first_byte=%02x\n", cpu_seconds() - cpu_start, digest[0]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string_view(argv[1]) == "setup") {
    return setup(argv[2], std::strtoull(argv[3], nullptr, 10));
  }
  if (argc == 4 && std::string_view(argv[1]) == "export") return run_export(argv[2], argv[3]);
  if (argc == 4 && std::string_view(argv[1]) == "import") return run_import(argv[2], argv[3]);
  if (argc == 3 && std::string_view(argv[1]) == "floor-read") return run_floor_read(argv[2]);
  if (argc == 3 && std::string_view(argv[1]) == "floor-sha256") return run_floor_sha256(argv[2]);
  std::fprintf(stderr,
               "usage: bundle_bench setup DIR SIZE_MIB | export DIR OUT | import DIR FILE | floor-read DIR | "
               "floor-sha256 FILE\n");
  return 2;
}
