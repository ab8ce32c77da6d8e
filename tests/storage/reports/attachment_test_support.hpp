#pragma once
// Sources, sinks and small queries shared by the attachment tests
// (test_attachments.cpp, test_attachment_pipeline.cpp): sources that give
// their bytes in short reads or fail part-way, a sink that fills up, a new
// report to attach to, and a row count.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include <catch2/catch_test_macros.hpp>

#include "fieldseal/crypto/io.hpp"
#include "fieldseal/storage/reports.hpp"
#include "report_fixture.hpp"

namespace fieldseal::storage::test {

// Gives `data` in reads of at most `max_read` bytes (short reads; an odd
// size never lines up with a chunk).
class ShortReadSource final : public crypto::ByteSource {
 public:
  ShortReadSource(std::span<const std::uint8_t> data, std::size_t max_read)
      : data_(data), max_read_(max_read) {}
  crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    const std::size_t n = std::min({out.size(), data_.size() - offset_, max_read_});
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
    offset_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t max_read_;
  std::size_t offset_ = 0;
};

// Gives `data` until `fail_at` bytes (fail_at <= data.size()), then a read
// error, as a disk or pipe might.
class BreakingSource final : public crypto::ByteSource {
 public:
  BreakingSource(std::span<const std::uint8_t> data, std::size_t fail_at)
      : data_(data), fail_at_(fail_at) {}
  crypto::Result<std::size_t> read(std::span<std::uint8_t> out) override {
    if (offset_ >= fail_at_) return fieldseal::fail(crypto::Error::io_read);
    const std::size_t n = std::min(out.size(), fail_at_ - offset_);
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(offset_), n, out.begin());
    offset_ += n;
    return n;
  }

 private:
  std::span<const std::uint8_t> data_;
  std::size_t fail_at_;
  std::size_t offset_ = 0;
};

// Accepts `limit` bytes, then fails.
class FullSink final : public crypto::ByteSink {
 public:
  explicit FullSink(std::size_t limit) : limit_(limit) {}
  crypto::Result<void> write(std::span<const std::uint8_t> data) override {
    if (written_ + data.size() > limit_) return fieldseal::fail(crypto::Error::io_write);
    written_ += data.size();
    return {};
  }
  [[nodiscard]] std::size_t written() const { return written_; }

 private:
  std::size_t limit_;
  std::size_t written_ = 0;
};

// A new draft titled `title`; its id.
inline std::string new_report(Vault& v, const std::string& title = "with attachments") {
  ReportDraft d;
  d.title = title;
  auto id = create_report(v.db, v.key, d);
  REQUIRE(id.ok());
  return *id;
}

// The number of rows in `table`.
inline std::int64_t count(Vault& v, const char* table) {
  auto s = v.db.prepare(std::string("SELECT count(*) FROM ") + table);
  REQUIRE(s.ok());
  REQUIRE(s->step().value());
  return s->column_int64(0);
}

}  // namespace fieldseal::storage::test
