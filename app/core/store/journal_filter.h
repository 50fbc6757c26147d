// Which journal entries the dossier's Journal tab shows: by operator, by kind
// of action (the part of the action id before the dot: "gift", "call",
// "document"...) and by date range. Empty criteria let everything through.
#pragma once

#include <string>
#include <vector>

#include "core/store/journal.h"

namespace obole {

struct JournalFilter {
    std::string operator_name; // exact
    std::string kind;          // "gift" matches "gift.add"
    std::string from_date;     // ISO, inclusive
    std::string to_date;       // ISO, inclusive
};

// "gift.add" -> "gift"; an id without a dot is its own kind.
std::string journal_action_kind(const std::string& action);

bool journal_entry_matches(const JournalEntry& e, const JournalFilter& f);

std::vector<JournalEntry> filter_journal(const std::vector<JournalEntry>& entries, const JournalFilter& f);

} // namespace obole
