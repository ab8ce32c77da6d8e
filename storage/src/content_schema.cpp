#include "fieldseal/storage/content_schema.hpp"

namespace fieldseal::storage {
namespace {

// Person, act and source rows reference persons by their ref within the
// report. Attachment chunks are rowid tables: WITHOUT ROWID suits small rows
// only. The search table is contentless, so the text exists only once.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE reports (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final', 'purged')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finalized_at TEXT,
  purged_at TEXT,
  title TEXT NOT NULL DEFAULT '',
  narrative TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT '',
  start_precision TEXT NOT NULL DEFAULT 'unknown',
  start_sort TEXT,
  end_date TEXT NOT NULL DEFAULT '',
  end_precision TEXT NOT NULL DEFAULT 'unknown',
  location_text TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  latitude INTEGER,
  longitude INTEGER,
  canonical_json BLOB,
  signature BLOB,
  signer BLOB,
  content_sha256 BLOB,
  delivery TEXT NOT NULL DEFAULT 'none' CHECK (delivery IN ('none', 'exported', 'delivered')),
  exported_at TEXT,
  delivered_at TEXT,
  custody_count INTEGER NOT NULL DEFAULT 0,
  custody_head BLOB
);
CREATE INDEX reports_by_created ON reports(created_at);
CREATE INDEX reports_by_start ON reports(start_sort);

CREATE TABLE report_acts (
  report_num INTEGER NOT NULL REFERENCES reports(num) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  type_code TEXT NOT NULL,
  victim_ref TEXT NOT NULL,
  perpetrator_ref TEXT NOT NULL,
  method TEXT NOT NULL,
  date TEXT NOT NULL,
  date_precision TEXT NOT NULL,
  PRIMARY KEY (report_num, position)
) WITHOUT ROWID;
CREATE INDEX report_acts_by_type ON report_acts(type_code, report_num);

CREATE TABLE report_persons (
  report_num INTEGER NOT NULL REFERENCES reports(num) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  ref TEXT NOT NULL,
  name TEXT NOT NULL,
  roles TEXT NOT NULL,
  description TEXT NOT NULL,
  PRIMARY KEY (report_num, position),
  UNIQUE (report_num, ref)
);

CREATE TABLE person_sensitive (
  report_num INTEGER NOT NULL REFERENCES reports(num) ON DELETE CASCADE,
  ref TEXT NOT NULL,
  legal_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  contact TEXT NOT NULL,
  notes TEXT NOT NULL,
  PRIMARY KEY (report_num, ref)
);

CREATE TABLE report_sources (
  report_num INTEGER NOT NULL REFERENCES reports(num) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_ref TEXT NOT NULL,
  description TEXT NOT NULL,
  may_quote INTEGER NOT NULL CHECK (may_quote IN (0, 1)),
  must_anonymise INTEGER NOT NULL CHECK (must_anonymise IN (0, 1)),
  may_publish INTEGER NOT NULL CHECK (may_publish IN (0, 1)),
  PRIMARY KEY (report_num, position)
);

CREATE TABLE report_tags (
  report_num INTEGER NOT NULL REFERENCES reports(num) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (report_num, tag)
);

CREATE TABLE amendments (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  report_num INTEGER NOT NULL REFERENCES reports(num) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  text TEXT NOT NULL,
  canonical_json BLOB NOT NULL,
  signature BLOB NOT NULL,
  signer BLOB NOT NULL
);
CREATE INDEX amendments_by_report ON amendments(report_num, num);

CREATE TABLE attachments (
  num INTEGER PRIMARY KEY,
  report_num INTEGER NOT NULL REFERENCES reports(num) ON DELETE CASCADE,
  sha256 BLOB,
  size INTEGER NOT NULL,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  chunk_count INTEGER NOT NULL,
  added_at TEXT NOT NULL
);
CREATE UNIQUE INDEX attachments_by_hash ON attachments(report_num, sha256);

CREATE TABLE attachment_chunks (
  num INTEGER PRIMARY KEY,
  attachment_num INTEGER NOT NULL REFERENCES attachments(num) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  UNIQUE (attachment_num, seq)
);

CREATE TABLE custody (
  report_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  entry_hash BLOB NOT NULL,
  signer BLOB NOT NULL,
  signature BLOB NOT NULL,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE report_search USING fts5(
  title, narrative, places, names, tags,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO report_search(report_search, rank) VALUES ('secure-delete', 1);
)sql";

}  // namespace

Result<void> migrate_content_v2(Database& db) { return db.exec(kSchema); }

}  // namespace fieldseal::storage
