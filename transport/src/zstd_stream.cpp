#include "fieldseal/transport/zstd_stream.hpp"

#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "fieldseal/crypto/padme.hpp"

namespace fieldseal::transport {

namespace {

std::uint32_t load_le32(const std::uint8_t* p) noexcept {
  return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
         (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

void store_le32(std::uint8_t* p, std::uint32_t v) noexcept {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

constexpr std::size_t kZeroChunk = 64 * 1024;

}  // namespace

std::uint64_t padded_length(std::uint64_t compressed_bytes) noexcept {
  return crypto::padme_length(compressed_bytes + kPaddingFrameHeaderBytes);
}

Result<std::uint64_t> write_padding_frame(crypto::ByteSink& out, std::uint64_t compressed_bytes) {
  std::uint64_t total = padded_length(compressed_bytes);
  std::uint64_t content = total - compressed_bytes - kPaddingFrameHeaderBytes;
  if (content > 0xFFFFFFFFu) return fail(Error::invalid_argument);
  std::array<std::uint8_t, kPaddingFrameHeaderBytes> header{};
  store_le32(header.data(), kPaddingFrameMagic);
  store_le32(header.data() + 4, static_cast<std::uint32_t>(content));
  if (!out.write(header)) return fail(Error::io_write);
  static const std::array<std::uint8_t, kZeroChunk> zeros{};
  while (content > 0) {
    std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(content, zeros.size()));
    if (!out.write({zeros.data(), n})) return fail(Error::io_write);
    content -= n;
  }
  return total;
}

// --- writer -------------------------------------------------------------------

struct ZstdWriter::Impl {
  ZSTD_CCtx* cctx = nullptr;
  std::vector<std::uint8_t> out;
  ~Impl() { ZSTD_freeCCtx(cctx); }
};

ZstdWriter::ZstdWriter(crypto::ByteSink& out, std::unique_ptr<Impl> impl) noexcept
    : out_(out), impl_(std::move(impl)) {}
ZstdWriter::~ZstdWriter() = default;

Result<std::unique_ptr<ZstdWriter>> ZstdWriter::create(crypto::ByteSink& out, Options options) {
  auto impl = std::make_unique<Impl>();
  impl->cctx = ZSTD_createCCtx();
  if (impl->cctx == nullptr) return fail(Error::internal);
  if (ZSTD_isError(ZSTD_CCtx_setParameter(impl->cctx, ZSTD_c_compressionLevel, options.level)) ||
      ZSTD_isError(ZSTD_CCtx_setParameter(impl->cctx, ZSTD_c_checksumFlag, 1)))
    return fail(Error::internal);
  // Keep the window under the readers' cap whatever the level.
  int window_log = std::min(kWindowLogMax, 21 + (options.level > 3 ? 2 : 0));
  if (ZSTD_isError(ZSTD_CCtx_setParameter(impl->cctx, ZSTD_c_windowLog, window_log)))
    return fail(Error::internal);
  // A libzstd built without threads refuses workers; it then compresses inline.
  if (options.workers > 0)
    (void)ZSTD_CCtx_setParameter(impl->cctx, ZSTD_c_nbWorkers, options.workers);
  impl->out.resize(ZSTD_CStreamOutSize());
  return std::unique_ptr<ZstdWriter>(new ZstdWriter(out, std::move(impl)));
}

Result<void> ZstdWriter::emit(std::span<const std::uint8_t> data) {
  if (data.empty()) return {};
  if (!out_.write(data)) return fail(Error::io_write);
  compressed_ += data.size();
  return {};
}

Result<void> ZstdWriter::drive(std::span<const std::uint8_t> data, int mode) {
  auto directive = static_cast<ZSTD_EndDirective>(mode);
  ZSTD_inBuffer in{data.data(), data.size(), 0};
  for (;;) {
    ZSTD_outBuffer o{impl_->out.data(), impl_->out.size(), 0};
    std::size_t rest = ZSTD_compressStream2(impl_->cctx, &o, &in, directive);
    if (ZSTD_isError(rest)) return fail(Error::internal);
    FIELDSEAL_TRY(emit({impl_->out.data(), o.pos}));
    if (directive == ZSTD_e_end ? rest == 0 : in.pos == in.size) return {};
  }
}

crypto::Result<void> ZstdWriter::write(std::span<const std::uint8_t> data) {
  if (error_ || finished_) {
    if (!error_) error_ = Error::invalid_argument;
    return fail(crypto::Error::io_write);
  }
  auto r = drive(data, ZSTD_e_continue);
  if (!r) {
    error_ = r.error();
    return fail(crypto::Error::io_write);
  }
  return {};
}

Result<std::uint64_t> ZstdWriter::finish() {
  if (error_) return fail(*error_);
  if (finished_) return fail(Error::invalid_argument);
  finished_ = true;
  auto r = drive({}, ZSTD_e_end);
  if (!r) {
    error_ = r.error();
    return fail(r.error());
  }
  auto total = write_padding_frame(out_, compressed_);
  if (!total) error_ = total.error();
  return total;
}

// --- reader -------------------------------------------------------------------

struct ZstdReader::Impl {
  ZSTD_DCtx* dctx = nullptr;
  std::vector<std::uint8_t> buf;
  std::size_t pos = 0;
  std::size_t end = 0;
  bool eof = false;
  ~Impl() { ZSTD_freeDCtx(dctx); }
};

ZstdReader::ZstdReader(crypto::ByteSource& in, std::unique_ptr<Impl> impl,
                       std::uint64_t max_output) noexcept
    : in_(in), impl_(std::move(impl)), max_output_(max_output) {}
ZstdReader::~ZstdReader() = default;

Result<std::unique_ptr<ZstdReader>> ZstdReader::create(crypto::ByteSource& in,
                                                       std::uint64_t max_output) {
  auto impl = std::make_unique<Impl>();
  impl->dctx = ZSTD_createDCtx();
  if (impl->dctx == nullptr) return fail(Error::internal);
  if (ZSTD_isError(ZSTD_DCtx_setParameter(impl->dctx, ZSTD_d_windowLogMax, kWindowLogMax)))
    return fail(Error::internal);
  impl->buf.resize(ZSTD_DStreamInSize());
  return std::unique_ptr<ZstdReader>(new ZstdReader(in, std::move(impl), max_output));
}

void ZstdReader::limit_output(std::uint64_t max_output) noexcept {
  max_output_ = std::min(max_output_, max_output);
}

Result<std::size_t> ZstdReader::fill(std::size_t want) {
  Impl& s = *impl_;
  if (s.end - s.pos >= want) return s.end - s.pos;
  if (s.pos > 0) {
    std::memmove(s.buf.data(), s.buf.data() + s.pos, s.end - s.pos);
    s.end -= s.pos;
    s.pos = 0;
  }
  while (!s.eof && s.end < want) {
    auto n = in_.read({s.buf.data() + s.end, s.buf.size() - s.end});
    if (!n) return fail(Error::io_read);
    if (*n == 0) s.eof = true;
    s.end += *n;
  }
  return s.end - s.pos;
}

Result<void> ZstdReader::verify_padding() {
  Impl& s = *impl_;
  std::uint64_t start = input_;
  std::uint32_t content = load_le32(s.buf.data() + s.pos + 4);
  s.pos += kPaddingFrameHeaderBytes;
  input_ += kPaddingFrameHeaderBytes;
  if (start + kPaddingFrameHeaderBytes + content != padded_length(start))
    return fail(Error::padding_invalid);
  std::uint64_t left = content;
  while (left > 0) {
    FIELDSEAL_TRY(fill(1));
    if (s.pos == s.end) return fail(Error::padding_invalid);
    std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, s.end - s.pos));
    if (std::any_of(s.buf.begin() + static_cast<std::ptrdiff_t>(s.pos),
                    s.buf.begin() + static_cast<std::ptrdiff_t>(s.pos + n),
                    [](std::uint8_t b) { return b != 0; }))
      return fail(Error::padding_invalid);
    s.pos += n;
    input_ += n;
    left -= n;
  }
  FIELDSEAL_TRY(fill(1));
  if (s.pos != s.end) return fail(Error::padding_invalid);
  return {};
}

Result<std::size_t> ZstdReader::read_impl(std::span<std::uint8_t> out) {
  Impl& s = *impl_;
  for (;;) {
    if (at_frame_start_) {
      auto have = fill(4);
      if (!have) return fail(have.error());
      if (*have < 4) {
        if (frames_ == 0) return fail(Error::not_zstd);
        return fail(*have == 0 ? Error::padding_missing : Error::zstd_corrupt);
      }
      std::uint32_t magic = load_le32(s.buf.data() + s.pos);
      if (magic == kZstdFrameMagic) {
        at_frame_start_ = false;
        ++frames_;
      } else if (frames_ == 0) {
        return fail(Error::not_zstd);
      } else if ((magic & 0xFFFFFFF0u) == (kPaddingFrameMagic & 0xFFFFFFF0u)) {
        if (magic != kPaddingFrameMagic) return fail(Error::padding_invalid);
        auto header = fill(kPaddingFrameHeaderBytes);
        if (!header) return fail(header.error());
        if (*header < kPaddingFrameHeaderBytes) return fail(Error::padding_invalid);
        FIELDSEAL_TRY(verify_padding());
        done_ = true;
        return std::size_t{0};
      } else {
        return fail(Error::zstd_corrupt);
      }
    }
    if (s.pos == s.end) {
      auto have = fill(1);
      if (!have) return fail(have.error());
      if (*have == 0) return fail(Error::zstd_corrupt);
    }
    std::uint64_t allowed = max_output_ - std::min(max_output_, output_);
    std::size_t room = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), allowed + 1));
    ZSTD_inBuffer in{s.buf.data(), s.end, s.pos};
    ZSTD_outBuffer o{out.data(), room, 0};
    std::size_t rest = ZSTD_decompressStream(s.dctx, &o, &in);
    input_ += in.pos - s.pos;
    s.pos = in.pos;
    if (ZSTD_isError(rest)) {
      if (ZSTD_getErrorCode(rest) == ZSTD_error_frameParameter_windowTooLarge)
        return fail(Error::zstd_window_too_large);
      return fail(Error::zstd_corrupt);
    }
    output_ += o.pos;
    if (output_ > max_output_) return fail(Error::decompressed_too_large);
    if (rest == 0) at_frame_start_ = true;
    if (o.pos > 0) return o.pos;
  }
}

crypto::Result<std::size_t> ZstdReader::read(std::span<std::uint8_t> out) {
  if (error_) return fail(crypto::Error::io_read);
  if (done_ || out.empty()) return std::size_t{0};
  auto r = read_impl(out);
  if (!r) {
    error_ = r.error();
    return fail(crypto::Error::io_read);
  }
  return *r;
}

}  // namespace fieldseal::transport
