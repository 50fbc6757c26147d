// Numbered schema migrations. Version N is applied in one transaction that
// also sets PRAGMA user_version = N, so a crash leaves the previous version.
// Never edit a released migration: add a new one.
#pragma once

#include <vector>

#include "core/result.h"

struct sqlite3;

namespace obole {

struct Migration {
    int version;
    const char* sql;
};

const std::vector<Migration>& migrations();
int current_schema_version();

// Applies every migration newer than the database's user_version, up to
// `up_to` (tests build the databases older versions left behind). The caller
// has already refused databases newer than current_schema_version().
Result<void> apply_migrations(sqlite3* db, int up_to = current_schema_version());

} // namespace obole
