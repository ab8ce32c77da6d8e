#include <algorithm>
#include <cstring>
#include <string>

#include "age_internal.hpp"
#include "fieldseal/crypto/encoding.hpp"

namespace fieldseal::crypto::age {

namespace {

constexpr std::size_t kInputBufferBytes = 4096;
// The longest line worth buffering: 64 columns plus CR LF, with room for the
// begin/end lines; anything longer is malformed already.
constexpr std::size_t kMaxLineBytes = 80;
// Lines per write to the inner sink when encoding a large buffer.
constexpr std::size_t kLinesPerWrite = 1024;

bool is_space(int c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view as_text(const std::vector<std::uint8_t>& bytes) noexcept {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

void append(std::vector<std::uint8_t>& out, std::string_view text) {
  out.insert(out.end(), text.begin(), text.end());
}

}  // namespace

namespace detail {

Result<std::size_t> PrefixedSource::read(std::span<std::uint8_t> out) {
  if (offset_ < prefix_.size()) {
    const std::size_t n = std::min(out.size(), prefix_.size() - offset_);
    std::memcpy(out.data(), prefix_.data() + offset_, n);
    offset_ += n;
    if (offset_ == prefix_.size()) {
      prefix_.clear();
      prefix_.shrink_to_fit();
      offset_ = 0;
    }
    return n;
  }
  return inner_->read(out);
}

Result<int> ArmorSource::next_byte() {
  if (in_pos_ == in_buf_.size()) {
    if (in_eof_) return -1;
    in_buf_.resize(kInputBufferBytes);
    auto n = inner_->read(in_buf_);
    if (!n.ok()) return fail(n.error());
    in_buf_.resize(*n);
    in_pos_ = 0;
    if (*n == 0) {
      in_eof_ = true;
      return -1;
    }
  }
  return in_buf_[in_pos_++];
}

Result<bool> ArmorSource::read_line(std::vector<std::uint8_t>& line) {
  line.clear();
  for (;;) {
    auto c = next_byte();
    if (!c.ok()) return fail(c.error());
    if (*c < 0) return !line.empty();
    if (*c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (line.size() == kMaxLineBytes) return fail(Error::age_armor_invalid);
    line.push_back(static_cast<std::uint8_t>(*c));
  }
}

Result<void> ArmorSource::begin() {
  std::size_t skipped = 0;
  for (;;) {
    if (in_pos_ == in_buf_.size()) {
      auto c = next_byte();
      if (!c.ok()) return fail(c.error());
      if (*c < 0) return fail(Error::age_armor_invalid);
      --in_pos_;  // put it back
    }
    if (!is_space(in_buf_[in_pos_])) break;
    ++in_pos_;
    if (++skipped > kArmorMaxOuterWhitespace) return fail(Error::age_armor_invalid);
  }
  std::vector<std::uint8_t> line;
  auto got = read_line(line);
  if (!got.ok()) return fail(got.error());
  if (!*got || as_text(line) != kArmorBegin) return fail(Error::age_armor_invalid);
  started_ = true;
  return {};
}

Result<void> ArmorSource::check_trailing() {
  std::size_t seen = 0;
  for (;;) {
    auto c = next_byte();
    if (!c.ok()) return fail(c.error());
    if (*c < 0) return {};
    if (!is_space(*c) || ++seen > kArmorMaxOuterWhitespace) return fail(Error::age_armor_invalid);
  }
}

Result<void> ArmorSource::decode_next_line() {
  std::vector<std::uint8_t> line;
  auto got = read_line(line);
  if (!got.ok()) return fail(got.error());
  if (!*got) return fail(Error::age_armor_invalid);  // no end line
  const std::string_view text = as_text(line);
  if (text.starts_with(kArmorEnd)) {
    const std::string_view rest = text.substr(kArmorEnd.size());
    if (!std::all_of(rest.begin(), rest.end(), [](char c) { return is_space(c); }))
      return fail(Error::age_armor_invalid);
    FIELDSEAL_TRY(check_trailing());
    finished_ = true;
    return {};
  }
  // A short line must be the last one before the end line.
  if (expect_end_ || text.empty() || text.size() > kArmorColumns || text.size() % 4 != 0)
    return fail(Error::age_armor_invalid);
  auto decoded = base64_decode(text, true);
  if (!decoded.ok()) return fail(Error::age_armor_invalid);
  if (decoded->size() < kArmorBytesPerLine) expect_end_ = true;
  decoded_ = std::move(*decoded);
  decoded_pos_ = 0;
  return {};
}

Result<std::size_t> ArmorSource::read(std::span<std::uint8_t> out) {
  if (failed_) return fail(error_);
  std::size_t total = 0;
  while (total < out.size()) {
    if (decoded_pos_ < decoded_.size()) {
      const std::size_t n = std::min(out.size() - total, decoded_.size() - decoded_pos_);
      std::memcpy(out.data() + total, decoded_.data() + decoded_pos_, n);
      decoded_pos_ += n;
      total += n;
      continue;
    }
    if (finished_) break;
    // Return what we have before touching more input, so errors are reported
    // on the read that needs the bad line.
    if (total > 0) break;
    Result<void> step = started_ ? decode_next_line() : begin();
    if (!step.ok()) {
      failed_ = true;
      error_ = step.error();
      return fail(error_);
    }
  }
  return total;
}

Result<void> ArmorSink::emit_line(std::span<const std::uint8_t> bytes) {
  std::vector<std::uint8_t> line;
  append(line, base64_encode(bytes, true));
  line.push_back('\n');
  return inner_->write(line);
}

Result<void> ArmorSink::write(std::span<const std::uint8_t> data) {
  if (!started_) {
    std::vector<std::uint8_t> line;
    append(line, kArmorBegin);
    line.push_back('\n');
    FIELDSEAL_TRY(inner_->write(line));
    started_ = true;
  }
  if (!pending_.empty()) {
    const std::size_t n = std::min(data.size(), kArmorBytesPerLine - pending_.size());
    pending_.insert(pending_.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n));
    data = data.subspan(n);
    if (pending_.size() < kArmorBytesPerLine) return {};
    FIELDSEAL_TRY(emit_line(pending_));
    pending_.clear();
  }
  while (data.size() >= kArmorBytesPerLine) {
    const std::size_t lines = std::min(kLinesPerWrite, data.size() / kArmorBytesPerLine);
    std::vector<std::uint8_t> text;
    text.reserve(lines * (kArmorColumns + 1));
    for (std::size_t i = 0; i < lines; ++i) {
      append(text, base64_encode(data.subspan(i * kArmorBytesPerLine, kArmorBytesPerLine), true));
      text.push_back('\n');
    }
    FIELDSEAL_TRY(inner_->write(text));
    data = data.subspan(lines * kArmorBytesPerLine);
  }
  pending_.assign(data.begin(), data.end());
  return {};
}

Result<void> ArmorSink::finish() {
  if (!started_) FIELDSEAL_TRY(write({}));
  if (!pending_.empty()) FIELDSEAL_TRY(emit_line(pending_));
  pending_.clear();
  std::vector<std::uint8_t> line;
  append(line, kArmorEnd);
  line.push_back('\n');
  return inner_->write(line);
}

}  // namespace detail

Result<std::vector<std::uint8_t>> armor_decode(std::span<const std::uint8_t> text) {
  MemorySource memory(text);
  detail::ArmorSource source(memory);
  std::vector<std::uint8_t> out;
  std::vector<std::uint8_t> buf(kInputBufferBytes);
  for (;;) {
    auto n = source.read(buf);
    if (!n.ok()) return fail(n.error());
    if (*n == 0) break;
    out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(*n));
  }
  return out;
}

std::string armor_encode(std::span<const std::uint8_t> binary) {
  MemorySink memory;
  detail::ArmorSink sink(memory);
  // A memory sink cannot fail.
  (void)sink.write(binary).ok();
  (void)sink.finish().ok();
  const std::vector<std::uint8_t>& bytes = memory.bytes();
  return {bytes.begin(), bytes.end()};
}

}  // namespace fieldseal::crypto::age
