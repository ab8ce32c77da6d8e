#include "files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <istream>
#include <ostream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fieldseal/crypto/encoding.hpp"
#include "signals.hpp"

namespace fieldseal::cli {
namespace {

constexpr std::size_t kHiddenNameRandomBytes = 8;
constexpr std::size_t kPassphraseFileMaxBytes = kPassphraseMaxBytes + 2;  // + "\r\n"

[[noreturn]] void fail_errno(std::string_view action, std::string_view what, int error_number) {
  failure(std::string(action) + " the " + std::string(what) + ": " + std::strerror(error_number));
}

std::string directory_of(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

void fsync_directory(const std::string& directory) noexcept {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Reads exactly size bytes of fd into `out`, or fails.
void read_exact(int fd, std::uint8_t* out, std::size_t size, std::string_view what) {
  std::size_t done = 0;
  while (done < size) {
    ssize_t n = ::read(fd, out + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_errno("cannot read", what, errno);
    if (n == 0) failure("the " + std::string(what) + " changed while being read");
    done += static_cast<std::size_t>(n);
  }
}

bool write_all(int fd, std::span<const std::uint8_t> data) noexcept {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data = data.subspan(static_cast<std::size_t>(n));
  }
  return true;
}

std::span<const std::uint8_t> bytes_of(std::string_view text) noexcept {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// Opens a small regular file for reading and returns fd and size.
std::pair<int, std::size_t> open_small_file(const std::string& path, std::size_t max_bytes,
                                            std::string_view what) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) fail_errno("cannot open", what, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    fail_errno("cannot read", what, e);
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    failure("the " + std::string(what) + " is not a regular file");
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    failure("the " + std::string(what) + " is too large");
  }
  return {fd, static_cast<std::size_t>(st.st_size)};
}

}  // namespace

bool is_std_stream(std::string_view path) noexcept { return path.empty() || path == "-"; }

crypto::Result<std::size_t> StreamSource::read(std::span<std::uint8_t> out) {
  if (out.empty()) return std::size_t{0};
  in_.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(out.size()));
  if (in_.bad()) return fail(crypto::Error::io_read);
  return static_cast<std::size_t>(in_.gcount());
}

crypto::Result<void> StreamSink::write(std::span<const std::uint8_t> data) {
  out_.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  if (!out_) return fail(crypto::Error::io_write);
  return {};
}

bool StreamSink::flush() {
  out_.flush();
  return static_cast<bool>(out_);
}

// --- InputFile ---------------------------------------------------------------

InputFile InputFile::open(CliContext& ctx, const std::string& path, std::string_view what) {
  InputFile input;
  if (is_std_stream(path)) {
    input.stream_source_.emplace(ctx.io().in);
    return input;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) fail_errno("cannot open", what, errno);
  input.fd_ = fd;  // owned from here on
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail_errno("cannot read", what, errno);
  if (S_ISDIR(st.st_mode)) failure("the " + std::string(what) + " is a directory");
  if (S_ISREG(st.st_mode)) input.size_ = static_cast<std::uint64_t>(st.st_size);
  input.fd_source_.emplace(fd);
  return input;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

InputFile::InputFile(InputFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      size_(other.size_),
      fd_source_(std::move(other.fd_source_)),
      stream_source_(std::move(other.stream_source_)) {}

crypto::ByteSource& InputFile::source() noexcept {
  if (fd_source_) return *fd_source_;
  return *stream_source_;
}

// --- OutputFile --------------------------------------------------------------

OutputFile OutputFile::open(CliContext& ctx, const std::string& path, std::string_view what) {
  OutputFile output;
  output.what_ = what;
  if (is_std_stream(path)) {
    output.stream_sink_.emplace(ctx.io().out);
    return output;
  }
  output.target_ = path;

  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) failure("the " + std::string(what) + " is a directory");
    if (!S_ISREG(st.st_mode)) {
      // A device or FIFO cannot be replaced by a rename; write to it as is.
      int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
      if (fd < 0) fail_errno("cannot open", what, errno);
      output.fd_ = fd;
      output.fd_sink_.emplace(fd);
      return output;
    }
  }

  std::string directory = directory_of(path);
  for (int attempt = 0; attempt < 8; ++attempt) {
    auto random = crypto::SecretBuffer::random(kHiddenNameRandomBytes);
    std::string name = ".fieldseal-" + crypto::hex_encode(random.read().span()) + ".partial";
    std::string hidden = (std::filesystem::path(directory) / name).string();
    set_cleanup_path(hidden.c_str());
    int fd = ::open(hidden.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd < 0) {
      set_cleanup_path(nullptr);
      if (errno == EEXIST) continue;
      fail_errno("cannot create", what, errno);
    }
    output.hidden_ = std::move(hidden);
    output.fd_ = fd;
    output.fd_sink_.emplace(fd);
    return output;
  }
  failure("cannot create the " + std::string(what) + ": no free hidden name");
}

OutputFile::~OutputFile() {
  if (!committed_) discard();
}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : what_(std::move(other.what_)),
      target_(std::move(other.target_)),
      hidden_(std::exchange(other.hidden_, std::string())),
      fd_(std::exchange(other.fd_, -1)),
      committed_(std::exchange(other.committed_, true)),
      fd_sink_(std::move(other.fd_sink_)),
      stream_sink_(std::move(other.stream_sink_)) {}

crypto::ByteSink& OutputFile::sink() noexcept {
  if (fd_sink_) return *fd_sink_;
  return *stream_sink_;
}

void OutputFile::discard() noexcept {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!hidden_.empty()) {
    ::unlink(hidden_.c_str());
    set_cleanup_path(nullptr);
    hidden_.clear();
  }
}

void OutputFile::commit() {
  if (committed_) return;
  if (stream_sink_) {
    if (!stream_sink_->flush()) failure("cannot write the " + what_);
    committed_ = true;
    return;
  }
  if (hidden_.empty()) {  // a device or FIFO
    int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) fail_errno("cannot write", what_, errno);
    committed_ = true;
    return;
  }
  if (::fsync(fd_) != 0) fail_errno("cannot write", what_, errno);
  int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) fail_errno("cannot write", what_, errno);
  if (::rename(hidden_.c_str(), target_.c_str()) != 0) fail_errno("cannot create", what_, errno);
  set_cleanup_path(nullptr);
  hidden_.clear();
  committed_ = true;
  fsync_directory(directory_of(target_));
}

// --- Small files -------------------------------------------------------------

void write_new_private_file(const std::string& path, std::string_view text,
                            const crypto::SecretBuffer& secret, std::string_view trailer,
                            std::string_view what) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0600);
  if (fd < 0) {
    if (errno == EEXIST) failure("the " + std::string(what) + " exists; refusing to overwrite it");
    fail_errno("cannot create", what, errno);
  }
  bool ok = write_all(fd, bytes_of(text));
  if (ok) {
    auto r = secret.read();
    ok = write_all(fd, r.span());
  }
  ok = ok && write_all(fd, bytes_of(trailer)) && ::fsync(fd) == 0;
  int error_number = errno;
  ok = (::close(fd) == 0) && ok;
  if (!ok) {
    ::unlink(path.c_str());
    fail_errno("cannot write", what, error_number);
  }
  fsync_directory(directory_of(path));
}

void write_identity_output(CliContext& ctx, const std::string& path, std::string_view header,
                           const crypto::SecretBuffer& secret) {
  if (!is_std_stream(path)) {
    write_new_private_file(path, header, secret, "\n", "output file");
    return;
  }
  ctx.out() << header;
  {
    auto r = secret.read();
    ctx.out().write(r.text().data(), static_cast<std::streamsize>(r.size()));
  }
  ctx.out() << '\n';
  ctx.out().flush();
  if (!ctx.out()) failure("cannot write the key to standard output");
}

crypto::SecretBuffer read_secret_file(const std::string& path, std::size_t max_bytes,
                                      std::string_view what) {
  auto [fd, size] = open_small_file(path, max_bytes, what);
  crypto::SecretBuffer contents(size);
  try {
    if (size > 0) {
      auto w = contents.write();
      read_exact(fd, w.data(), size, what);
    }
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return contents;
}

crypto::SecretBuffer read_passphrase_file(const std::string& path, std::string_view what) {
  auto contents = read_secret_file(path, kPassphraseFileMaxBytes, what);
  std::size_t length = contents.size();
  {
    auto r = contents.read();
    if (length > 0 && r.data()[length - 1] == '\n') {
      --length;
      if (length > 0 && r.data()[length - 1] == '\r') --length;
    }
  }
  return secret_prefix(contents, length);
}

std::string read_text_file(const std::string& path, std::size_t max_bytes, std::string_view what) {
  auto [fd, size] = open_small_file(path, max_bytes, what);
  std::string contents(size, '\0');
  try {
    read_exact(fd, reinterpret_cast<std::uint8_t*>(contents.data()), size, what);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return contents;
}

crypto::SecretBuffer secret_prefix(const crypto::SecretBuffer& buffer, std::size_t size) {
  if (size > buffer.size()) size = buffer.size();
  crypto::SecretBuffer prefix(size);
  if (size > 0) {
    auto r = buffer.read();
    auto w = prefix.write();
    std::memcpy(w.data(), r.data(), size);
  }
  return prefix;
}

}  // namespace fieldseal::cli
