// Issue 4's memory goal as a test: the peak resident memory of an export and
// of an HQ import must not grow with the size of the attachment carried
// (peak RSS "under 64 MiB and flat with size"). bench/cases/40-bundle.sh
// shows the same at 256 MiB..4 GiB; this test guards it at 8 and 96 MiB.
//
// Method: per attachment size S, a forked child builds a field and an HQ
// vault (ImportWorld), a few final reports and one with an attachment of S
// bytes streamed from a seeded generator, then for the export and for the
// import alone: malloc_trim(0) (freed heap back to the kernel, so that the
// operation cannot hide growth in memory the set-up left behind), VmHWM
// reset through /proc/self/clear_refs, the baseline VmRSS read, the
// operation run, VmHWM read. The child reports the figures through a pipe
// and _exit()s; each size starts from the same parent image, so the two
// sizes differ only in S. The figures are of memory, not time: the test is
// deterministic under load. Under AddressSanitizer (shadow memory,
// quarantine) the figures mean nothing and the test is skipped.

#include <malloc.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/attachments.hpp"
#include "fieldseal/storage/reports.hpp"
#include "fieldseal/transport/exchange.hpp"
#include "import_fixture.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define FIELDSEAL_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FIELDSEAL_TEST_ASAN 1
#endif
#endif

namespace {

using namespace fieldseal;
using namespace fieldseal::transport;
using fieldseal::transport::test::ImportWorld;

constexpr std::uint64_t kKiB = 1024;
constexpr std::uint64_t kMiB = 1024 * kKiB;
constexpr std::uint64_t kSmallAttachment = 8 * kMiB;
constexpr std::uint64_t kLargeAttachment = 96 * kMiB;
// Allowed growth of the peak from the small to the large attachment: far
// below the 88 MiB between them, so that one copy of the attachment (or of
// any size-proportional part of it) fails.
constexpr std::uint64_t kMaxGrowthKiB = 8 * kMiB / kKiB;
// Issue 4: the operation's peak, above what the process held before it.
constexpr std::uint64_t kMaxPeakKiB = 64 * kMiB / kKiB;
constexpr std::size_t kTextReports = 3;
constexpr std::size_t kGeneratorChunk = 256 * 1024;
// The reset check allocates this much, so that VmHWM stands well above VmRSS.
constexpr std::size_t kProbeBytes = 32 * kMiB;

// Incompressible bytes (like video) from a 64-bit xorshift, generated per read
// into the caller's buffer: the test never holds the attachment whole.
class GeneratedSource final : public crypto::ByteSource {
 public:
  GeneratedSource(std::uint64_t size, std::uint64_t seed) noexcept : left_(size), state_(seed | 1) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    const auto left = static_cast<std::size_t>(std::min<std::uint64_t>(left_, kGeneratorChunk));
    const std::size_t n = std::min(left, out.size());
    for (std::size_t i = 0; i < n; i += sizeof state_) {
      state_ ^= state_ << 13;
      state_ ^= state_ >> 7;
      state_ ^= state_ << 17;
      std::memcpy(out.data() + i, &state_, std::min(sizeof state_, n - i));
    }
    left_ -= n;
    return n;
  }

 private:
  std::uint64_t left_;
  std::uint64_t state_;
};

// VmHWM and VmRSS of this process, KiB (0 if absent).
struct Rss {
  std::uint64_t hwm_kib = 0;
  std::uint64_t rss_kib = 0;
};

Rss read_rss() {
  std::ifstream in("/proc/self/status");
  Rss r;
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) r.hwm_kib = std::stoull(line.substr(6));
    if (line.rfind("VmRSS:", 0) == 0) r.rss_kib = std::stoull(line.substr(6));
  }
  return r;
}

// Resets VmHWM to the current VmRSS; false if the kernel refused.
bool reset_hwm() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return out.good();
}

// Whether the reset works here: after touching and unmapping kProbeBytes,
// VmHWM stands above VmRSS; after the reset it must not. nullopt: it works;
// otherwise why not.
std::optional<std::string> hwm_reset_problem() {
  void* p = ::mmap(nullptr, kProbeBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return "mmap failed";
  std::memset(p, 1, kProbeBytes);
  ::munmap(p, kProbeBytes);
  const Rss before = read_rss();
  if (before.hwm_kib == 0 || before.rss_kib == 0) return "/proc/self/status has no VmHWM/VmRSS";
  if (!reset_hwm()) return "/proc/self/clear_refs is not writable";
  const Rss after = read_rss();
  const std::uint64_t probe_kib = kProbeBytes / kKiB;
  if (after.hwm_kib + probe_kib / 2 > before.hwm_kib) return "writing 5 to /proc/self/clear_refs does not reset VmHWM";
  return std::nullopt;
}

struct Section {
  std::uint64_t baseline_kib = 0;  // VmRSS right after the reset
  std::uint64_t peak_kib = 0;      // VmHWM after the operation
};

template <class F>
Section measured(F&& operation) {
  ::malloc_trim(0);
  if (!reset_hwm()) throw std::runtime_error("clear_refs");
  Section s;
  s.baseline_kib = read_rss().rss_kib;
  operation();
  s.peak_kib = read_rss().hwm_kib;
  return s;
}

// In the child: the world, the export and the import; "key=value" lines out.
std::string scenario(std::uint64_t attachment_bytes) {
  std::ostringstream out;
  ImportWorld w;
  for (std::size_t i = 0; i < kTextReports; ++i) {
    (void)ImportWorld::final_report(w.field, "Detention report " + std::to_string(i));
  }
  {
    storage::ReportDraft d;
    d.title = "Recording of a detention";
    d.narrative = "Видео задержания; video of the detention.";
    auto id = storage::create_report(w.field.database(), w.field.signing_key(), d);
    if (!id) throw std::runtime_error("create_report");
    GeneratedSource video(attachment_bytes, 0x5eed0000 + attachment_bytes);
    if (!storage::add_attachment(w.field.database(), w.field.signing_key(), *id, video, "video.mp4", "video/mp4")) {
      throw std::runtime_error("add_attachment");
    }
    if (!storage::finalize_report(w.field.database(), w.field.signing_key(), *id)) {
      throw std::runtime_error("finalize_report");
    }
  }

  std::filesystem::create_directories(w.out("bundle"));
  ExportOptions options;
  options.output_dir = w.out("bundle");
  const std::vector<std::string> to = {"HQ"};
  std::optional<ExportResult> exported;
  const Section exp = measured([&] {
    auto r = export_bundle(w.field, to, {}, options);
    if (!r) throw std::runtime_error("export: " + std::string(message(r.error())));
    exported = std::move(*r);
  });
  if (exported->files.size() != 1 || exported->report_ids.size() != kTextReports + 1 ||
      exported->bundle_bytes < attachment_bytes) {
    throw std::runtime_error("export: unexpected result");
  }

  std::size_t imported_reports = 0;
  const Section imp = measured([&] {
    auto r = import_files(w.hq, exported->files);
    if (!r) throw std::runtime_error("import: " + std::string(message(r.error())));
    if (r->bundles.size() != 1 || r->bundles[0].status != ImportStatus::imported) {
      throw std::runtime_error("import: " + (r->bundles.empty() ? std::string("no outcome") : r->bundles[0].describe()));
    }
    imported_reports = r->bundles[0].reports;
  });

  out << "export_baseline_kib=" << exp.baseline_kib << "\nexport_peak_kib=" << exp.peak_kib
      << "\nimport_baseline_kib=" << imp.baseline_kib << "\nimport_peak_kib=" << imp.peak_kib
      << "\nimported_reports=" << imported_reports << "\nbundle_bytes=" << exported->bundle_bytes << "\n";
  return out.str();
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// Runs scenario() in a forked child; its key=value lines, or FAIL.
std::map<std::string, std::uint64_t> run_in_child(std::uint64_t attachment_bytes) {
  std::array<int, 2> fds{};
  REQUIRE(::pipe(fds.data()) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Never return into Catch2 from here: a REQUIRE in the fixture throws,
    // and the child must not go on to run the parent's remaining tests.
    ::close(fds[0]);
    int status = 0;
    try {
      write_all(fds[1], scenario(attachment_bytes));
    } catch (const std::exception& e) {
      write_all(fds[1], std::string("error ") + e.what() + "\n");
      status = 1;
    } catch (...) {
      write_all(fds[1], "error (a failed assertion in the fixture)\n");
      status = 1;
    }
    ::_exit(status);
  }
  ::close(fds[1]);
  std::string text;
  std::array<char, 4096> buffer{};
  for (ssize_t n; (n = ::read(fds[0], buffer.data(), buffer.size())) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    text.append(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  INFO("child output: " << text);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);

  std::map<std::string, std::uint64_t> values;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) values[line.substr(0, eq)] = std::stoull(line.substr(eq + 1));
  }
  REQUIRE(values.size() == 6);
  REQUIRE(values["imported_reports"] == kTextReports + 1);
  return values;
}

}  // namespace

TEST_CASE("bundle memory: export and import peak RSS stays flat as the attachment grows", "[exchange][memory]") {
#ifdef FIELDSEAL_TEST_ASAN
  SKIP("AddressSanitizer build: its shadow memory and quarantine make RSS figures meaningless");
#endif
  if (const auto problem = hwm_reset_problem()) SKIP("cannot measure peak RSS here: " << *problem);

  auto small = run_in_child(kSmallAttachment);
  auto large = run_in_child(kLargeAttachment);
  REQUIRE(large["bundle_bytes"] > small["bundle_bytes"] + (kLargeAttachment - kSmallAttachment) / 2);

  for (const char* op : {"export", "import"}) {
    const std::string base = std::string(op) + "_baseline_kib", peak = std::string(op) + "_peak_kib";
    REQUIRE(small[peak] >= small[base]);
    REQUIRE(large[peak] >= large[base]);
    const std::uint64_t small_growth = small[peak] - small[base];
    const std::uint64_t large_growth = large[peak] - large[base];
    INFO(op << ": 8 MiB attachment: baseline " << small[base] << " KiB, peak " << small[peak] << " KiB; 96 MiB: baseline "
            << large[base] << " KiB, peak " << large[peak] << " KiB");
    CHECK(large_growth < small_growth + kMaxGrowthKiB);
    CHECK(small_growth < kMaxPeakKiB);
    CHECK(large_growth < kMaxPeakKiB);
  }
}
