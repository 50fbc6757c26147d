// Two records of one person (signed up at two events while offline) become
// one: the loser points to its survivor, and what belonged to the loser
// (contacts, gifts, campaigns received, journal, conflicts) moves to the
// survivor. Later changes that still name the loser follow the pointer.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace obole {

class Store;

// A person's decision. Codes: member.not_found, merge.same_member,
// merge.already_merged (the loser was merged before).
//
// move_rows: a device that syncs only records the pointer; the rows move
// when the server's log confirms the merge (sync/protocol/replica_rows.h),
// because another device may have merged the same member elsewhere first,
// and the server's order decides. A device working alone moves them now.
Result<void> merge_members(Store& store, const std::string& loser_id, const std::string& survivor_id,
                           const std::string& operator_name, bool move_rows);

// Where a member's rows live now: the end of its merged_into chain.
int64_t surviving_ref(Store& store, int64_t member_ref);
// The same by UUID; an unknown member is its own survivor.
std::string surviving_id(Store& store, const std::string& member_id);

// Moves the rows of `from` to `to`. The same on every replica, so sync
// runs it when a merge arrives instead of sending each moved row; it is not
// a change of its own (the store's write observer does not see it).
// Moving what was already moved does nothing.
Result<void> move_member_rows(Store& store, int64_t from_ref, int64_t to_ref);

} // namespace obole
