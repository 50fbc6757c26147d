// Merge rules for one field of an update (DESIGN.md, "Sync"): the newer
// clock wins (last writer wins, field by field); for free text a person
// writes, an edit made over another version than the current one is a
// conflict, and the losing version is kept for a person to choose.
#pragma once

#include <string>

#include "protocol/sync_tables.h"

namespace obole::sync {

struct FieldMerge {
    bool take = false;     // the incoming value replaces the current one
    bool conflict = false; // both versions were written apart: keep the loser
};

// incoming_hlc / current_hlc: Hlc texts ("" = the field still has the value
// its row was created with, older than any change). base: the clock of the
// version the edit was made over, or nullptr when the change gives none.
FieldMerge merge_field(const SyncField& field, const std::string& incoming_hlc, const std::string* base,
                       const std::string& current_hlc);

} // namespace obole::sync
