// The replicated rows of a Store, read and written by UUID with the values
// as they travel (sync_tables.h): the one place that translates between a
// change's fields and SQL. The server's push and the device's pull both
// apply changes through it, so both replicas store a change the same way.
//
// A reference to a member merged away is stored on its survivor, on every
// copy alike, and recorded so an unmerge sends the row back
// (core/members/member_merge.h); the server logs it as the device sent it.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/members/member_links.h"
#include "core/result.h"
#include "protocol/change.h"
#include "protocol/sync_tables.h"

namespace obole {
class Store;
class Statement;
} // namespace obole

namespace obole::sync {

// A row written naming a merged-away member, stored on its survivor.
struct FollowedRow {
    std::string table, row;
    int64_t named = 0, survivor = 0;
};

class ReplicaRows {
public:
    explicit ReplicaRows(Store& store) : store_(store) {}

    // A mutable row's fields as wire values; nullopt when there is no such row.
    Result<std::optional<json>> read(const SyncTable& table, const std::string& row);
    // Whether the row is already there, whatever member it is filed under.
    Result<bool> exists(const SyncTable& table, const std::string& row);

    Result<void> insert(const SyncTable& table, const std::string& row, const json& fields);
    // Sets the given fields of an existing row (sync.unknown_row otherwise).
    Result<void> update(const SyncTable& table, const std::string& row, const json& fields);

    // The clock of a field's last change; "" when it still has the value
    // its row was created with.
    Result<std::string> clock(const std::string& row, const std::string& field);
    Result<void> set_clock(const std::string& row, const std::string& field, const std::string& hlc);

    // The rows the writes so far stored on a survivor: the server retires
    // them as their merge retired the loser's (core/members/member_merge.h).
    const std::vector<FollowedRow>& followed() const { return followed_; }
    void forget_followed() { followed_.clear(); }

    // Reindexes the members whose search entry the writes so far may have
    // changed, and forgets them. Call before the transaction ends.
    Result<void> reindex_touched();

private:
    Result<void> bind_value(Statement& s, int index, const SyncField& f, const json& value);
    Result<int> run(const SyncTable& table, const std::string& sql, const std::string& row,
                    const std::vector<const SyncField*>& given, const json& fields);
    Result<bool> follows_merges(const SyncTable& table, const SyncField& f);
    // At most `hops` merges down the chain; bounded as surviving_ref.
    Result<int64_t> confirmed_survivor(int64_t member_ref, size_t hops = 31);
    Result<void> touch(const SyncTable& table, const std::string& row);
    Result<int64_t> merge_pointer(const SyncTable& table, const std::string& row, const json& fields);
    Result<void> after_write(const SyncTable& table, const std::string& row, const json& fields,
                             int64_t pointer_before);
    Result<void> touch_member(int64_t ref);
    Result<void> touch_found(Statement& member);

    Store& store_;
    std::set<std::string> touched_members_;        // member UUIDs
    std::optional<std::vector<MemberLink>> links_; // read at the first member reference
    std::vector<FollowedRow> followed_;
};

} // namespace obole::sync
