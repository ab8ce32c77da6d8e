#pragma once
// File handling shared by the commands: inputs and outputs that may be
// stdin/stdout, outputs that appear only when complete (as age's CLI: a failed
// command leaves no output file behind), and small files read into secret
// memory (passphrase and identity files).
//
// An OutputFile writes to a hidden, neutrally named file in the target's own
// directory (never to /tmp), and commit() fsyncs it, renames it over the
// target and fsyncs the directory. Destroyed without commit() — a failure, an
// exception — it removes the hidden file; a fatal signal removes it too (see
// signals.hpp). Only one OutputFile may be open at a time.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cli_context.hpp"
#include "fieldseal/crypto/io.hpp"
#include "fieldseal/crypto/secret_buffer.hpp"

namespace fieldseal::cli {

// "-" (or empty) names stdin for inputs and stdout for outputs.
[[nodiscard]] bool is_std_stream(std::string_view path) noexcept;

class StreamSource final : public crypto::ByteSource {
 public:
  explicit StreamSource(std::istream& in) noexcept : in_(in) {}
  [[nodiscard]] crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override;

 private:
  std::istream& in_;
};

class StreamSink final : public crypto::ByteSink {
 public:
  explicit StreamSink(std::ostream& out) noexcept : out_(out) {}
  [[nodiscard]] crypto::Result<void> write(std::span<const std::uint8_t> data) override;
  [[nodiscard]] bool flush();

 private:
  std::ostream& out_;
};

class InputFile {
 public:
  // `what` names the file in error messages ("input file"), never the path.
  [[nodiscard]] static InputFile open(CliContext& ctx, const std::string& path,
                                      std::string_view what = "input file");
  ~InputFile();
  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&&) = delete;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  [[nodiscard]] crypto::ByteSource& source() noexcept;
  // The size of a regular file; nothing for stdin, pipes and devices.
  [[nodiscard]] std::optional<std::uint64_t> size() const noexcept { return size_; }

 private:
  InputFile() = default;
  int fd_ = -1;
  std::optional<std::uint64_t> size_;
  std::optional<crypto::FdSource> fd_source_;
  std::optional<StreamSource> stream_source_;
};

class OutputFile {
 public:
  // Regular (or not yet existing) targets get the hidden-file treatment and
  // mode 0600; an existing device or FIFO (e.g. /dev/null) is written
  // directly; "-" or empty writes to ctx.out().
  [[nodiscard]] static OutputFile open(CliContext& ctx, const std::string& path,
                                       std::string_view what = "output file");
  ~OutputFile();
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  [[nodiscard]] crypto::ByteSink& sink() noexcept;
  [[nodiscard]] bool is_stdout() const noexcept { return stream_sink_.has_value(); }
  // Makes the output durable and visible under its name. Fails (exit 1) if it
  // cannot; the hidden file is then removed.
  void commit();

 private:
  OutputFile() = default;
  void discard() noexcept;
  std::string what_;
  std::string target_;
  std::string hidden_;  // empty unless writing through a hidden file
  int fd_ = -1;
  bool committed_ = false;
  std::optional<crypto::FdSink> fd_sink_;
  std::optional<StreamSink> stream_sink_;
};

// Creates `path` exclusively (refusing to overwrite) with mode 0600 and writes
// `text` then `secret` into it, durably; on any failure nothing is left.
void write_new_private_file(const std::string& path, std::string_view text,
                            const crypto::SecretBuffer& secret, std::string_view trailer,
                            std::string_view what);
// An age identity (`age keygen`, `identity export-secret`): `header` lines,
// then `secret` and a newline, to ctx.out() for "-" or empty, else to a new
// file as write_new_private_file does. Fails (exit 1) if it cannot write.
void write_identity_output(CliContext& ctx, const std::string& path, std::string_view header,
                           const crypto::SecretBuffer& secret);

// Reads a whole regular file of at most `max_bytes` into secret memory.
[[nodiscard]] crypto::SecretBuffer read_secret_file(const std::string& path, std::size_t max_bytes,
                                                    std::string_view what);
// A passphrase file ($FIELDSEAL_PASSPHRASE_FILE, $FIELDSEAL_NEW_PASSPHRASE_FILE):
// at most kPassphraseMaxBytes and a line end, returned without one trailing
// "\n" or "\r\n" (as editors and echo leave). The caller validates it.
[[nodiscard]] crypto::SecretBuffer read_passphrase_file(const std::string& path, std::string_view what);
// Reads a whole regular file of at most `max_bytes` (public data only).
[[nodiscard]] std::string read_text_file(const std::string& path, std::size_t max_bytes,
                                         std::string_view what);

// The first `size` bytes of `buffer` as a new secret buffer.
[[nodiscard]] crypto::SecretBuffer secret_prefix(const crypto::SecretBuffer& buffer,
                                                 std::size_t size);

}  // namespace fieldseal::cli
