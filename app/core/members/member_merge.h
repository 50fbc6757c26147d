// Two records of one person (signed up at two events while offline) become
// one: the loser points to its survivor, and every row tied to the loser
// (each column the schema links to member(ref): core/members/member_links.h)
// moves to the survivor; the loser's stop-promo and memos join the
// survivor's. Rows that arrive later still naming the loser follow the
// pointer (sync's ReplicaRows). Each copy records what the merge changed on
// it (table merge_move), so an unmerge puts both members back as they were.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

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

// A merge undone: the loser stands on its own again, and what the merge
// moved or changed goes back (a value a person changed since stays). The
// pointer is cleared as a change of this device, so sync carries the
// unmerge to every copy, each restoring its own rows. Codes:
// member.not_found, merge.not_merged.
Result<void> unmerge_members(Store& store, const std::string& loser_id, const std::string& operator_name);

// The members merged into `survivor_id` (directly), for its dossier to
// offer their unmerge: each one's id and "First Last (No. 12)".
struct MergedMember {
    std::string id, label;
};
Result<std::vector<MergedMember>> members_merged_into(Store& store, const std::string& survivor_id);

// The member, then each one its merged_into chain leads to, in order.
// A failed read is an error: a chain cut short would name a member merged
// away as the survivor.
Result<std::vector<int64_t>> merge_chain(Store& store, int64_t member_ref);
// Where a member's rows live now: the end of its merged_into chain.
Result<int64_t> surviving_ref(Store& store, int64_t member_ref);
// The same by UUID; an unknown member is its own survivor.
Result<std::string> surviving_id(Store& store, const std::string& member_id);

// Moves the rows of `from` to `to`, recording each move. The same on every
// replica, so sync runs it when a merge arrives instead of sending each
// moved row; it is not a change of its own (the store's write observer
// does not see it). Moving what was already moved does nothing.
Result<void> move_member_rows(Store& store, int64_t from_ref, int64_t to_ref);

// After the moves, nothing is listed twice: the loser's address is no
// longer main, its email or phone the survivor already has is deleted, a
// relation between the two records is deleted; recorded for an unmerge.
// Nothing the loser said is dropped: its stop-promo stands on the survivor
// (an opt-out wins), and each memo and the notepad are kept after the
// survivor's, under a line naming the record they come from; recorded too.
//
// Unlike the moves, what these two write depends on both members' rows at
// that moment, which differ between copies while edits travel: one copy
// decides (the server, when the merge takes effect there; a device that
// never syncs, at once) and the result travels as changes. The columns the
// first one sets are listed for the server to log.
Result<void> retire_doubles(Store& store, int64_t from_ref, int64_t to_ref);
Result<void> join_member_fields(Store& store, int64_t from_ref, int64_t to_ref);
struct RetiredColumn {
    const char *table, *column;
};
std::span<const RetiredColumn> retired_columns();

// Puts back what merges of `loser_ref` moved or changed on this copy
// (joined fields only where this copy joined them), and forgets the
// record. Like move_member_rows, run by every replica.
Result<void> restore_member_rows(Store& store, int64_t loser_ref);

// A row written naming `named_ref`, a merged-away member, was stored on
// `survivor_ref` down its merged_into chain instead: recorded as if each
// merge of the chain up to there had moved it, so an unmerge sends it back.
Result<void> note_followed_merge(Store& store, const std::string& table, const std::string& row_id,
                                 const std::string& column, int64_t named_ref, int64_t survivor_ref);
// The member a row was written for: `ref`, where this copy's merges moved
// it or a followed merge stored it, taken back through those merges (as
// merge_move records them). A device sends its row under that member: each
// copy files it where its own merges say, and an unmerge anywhere sends it
// back, as the merges it followed here would have.
Result<int64_t> written_for(Store& store, const std::string& table, const std::string& row_id,
                            const std::string& column, int64_t ref);
// A row made for another row's member (a collection's gift) is recorded as
// moved by the merges that moved that one: an unmerge sends both back
// together, and written_for gives both the same member.
Result<void> follow_merges_of(Store& store, const std::string& table, const std::string& row_id,
                              const std::string& like_table, const std::string& like_row, const std::string& column);
// And retired as retire_doubles would have retired it at the merge; the
// server decides this too.
Result<void> retire_followed(Store& store, const std::string& table, const std::string& row_id, int64_t named_ref,
                             int64_t survivor_ref);

} // namespace obole
