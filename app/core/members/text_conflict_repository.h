// Versions of a member's free text (notepad, memos) written apart on two
// devices: the server keeps the one that lost (sync/server/sync_service.cpp)
// and every device shows it next to the current text until a person chooses.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

// Both versions are of one record's text: the member's own, or a record's
// merged into it since (a merge moves its conflicts here, to be seen). The
// choice is that record's: the other version never replaces the text of
// the record it was not written for (the merged record's is joined below
// the survivor's under its name, core/members/member_merge.h).
struct TextConflict {
    std::string id, member_id;
    std::string about_id;     // the record whose text it is: member_id, or one merged into it
    std::string about_label;  // that record, "First Last (No. 12)"
    std::string field;        // "notepad", "memo_active", "memo_misc", "memo_bequest", "memo_portal"
    std::string current_text; // that record's text now
    std::string other_text;   // the version that is not shown
    std::string written_at;   // when that version was written, "2026-11-23 14:05 UTC" (from its clock)
};

class TextConflictRepository {
public:
    explicit TextConflictRepository(Store& store) : store_(store) {}

    // Not yet resolved, oldest first.
    Result<std::vector<TextConflict>> open_for_member(const std::string& member_id);
    Result<int64_t> open_count();

    // keep_other: the other version replaces the current text of the record
    // it is about; otherwise that text stays. Either way the conflict is closed. Codes:
    // conflict.not_found (or already resolved).
    Result<void> resolve(const std::string& conflict_id, bool keep_other, const std::string& operator_name);

private:
    Store& store_;
};

} // namespace obole
