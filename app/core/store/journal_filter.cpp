#include "core/store/journal_filter.h"

namespace obole {

std::string journal_action_kind(const std::string& action)
{
    return action.substr(0, action.find('.'));
}

bool journal_entry_matches(const JournalEntry& e, const JournalFilter& f)
{
    if (!f.operator_name.empty() && e.operator_name != f.operator_name)
        return false;
    if (!f.kind.empty() && journal_action_kind(e.action) != f.kind)
        return false;
    // `at` is a UTC timestamp "2026-03-01T10:15:00.000Z": its first ten characters are its date.
    const std::string day = e.at.substr(0, 10);
    if (!f.from_date.empty() && day < f.from_date)
        return false;
    if (!f.to_date.empty() && day > f.to_date)
        return false;
    return true;
}

std::vector<JournalEntry> filter_journal(const std::vector<JournalEntry>& entries, const JournalFilter& f)
{
    std::vector<JournalEntry> out;
    for (const JournalEntry& e : entries)
        if (journal_entry_matches(e, f))
            out.push_back(e);
    return out;
}

} // namespace obole
