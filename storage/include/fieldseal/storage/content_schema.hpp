#pragma once
// Schema of report content (migration 2): reports, acts, persons and their
// sensitive details, sources, tags, amendments, attachments and chunks, the
// custody log and the FTS5 search index. Registered in migrations.hpp.
#include "fieldseal/storage/database.hpp"
#include "fieldseal/storage/error.hpp"

namespace fieldseal::storage {

inline constexpr int kContentSchemaMigration = 2;

// Creates the content tables; run inside the migration runner's transaction.
[[nodiscard]] Result<void> migrate_content_v2(Database& db);

}  // namespace fieldseal::storage
