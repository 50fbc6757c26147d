// The server's side of sync over its store: apply a device's push, hand out
// the log, and find duplicates among the members a push touched. The HTTP
// routes (sync_routes.h) and the in-process simulation both call this.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/members/member_merge.h"
#include "core/result.h"
#include "protocol/change.h"
#include "protocol/hlc.h"
#include "protocol/sync_limits.h"
#include "protocol/sync_tables.h"
#include "server/auth.h"
#include "server/change_log.h"

namespace obole {
class Store;
}

namespace obole::sync {
class ReplicaRows;
}

namespace obole::server {

struct SyncLimits {
    size_t max_changes_per_push = 1000;
    int max_pull_page = 5000;
    size_t max_pull_bytes = sync::kPullPageBytes;
    // A clock further ahead of the server's than this is replaced by the
    // server's own: one device with a wrong date must not win every edit.
    int64_t max_clock_ahead_ms = 5 * 60 * 1000;
};

class SyncService {
public:
    SyncService(Store& store, SyncLimits limits = {});

    Result<void> ensure_schema();

    // In one transaction: changes the device already pushed are skipped
    // (the same number with another change refuses the whole batch:
    // sync.sequence_reused), a gap in its numbering refuses the whole batch
    // (sync.gap). Each change is checked (its form, its values with core's
    // validators, the operator's role, record locks, the rows it names) and
    // applied in a savepoint: one that fails is refused alone, listed in the
    // answer with the reason, an update's fields put back on the device by
    // the log. A failure of the server itself fails the whole batch.
    // Answers with the last sequence number the server holds.
    Result<sync::PushResponse> push(const Principal& who, const sync::PushRequest& request, int64_t now_ms);

    Result<sync::PullResponse> pull(int64_t since, int limit, int schema_version);

    ChangeLog& log() { return log_; }

private:
    Result<void> admit_and_apply(const Principal& who, sync::Change change, uint64_t seq, int64_t now_ms);
    Result<void> check_row_references(const sync::Change& change);
    static void stamp_operator(const sync::SyncTable& table, sync::Change& change, const Principal& who);
    Result<void> apply(const Principal& who, sync::Change change, uint64_t seq, int64_t now_ms);
    Result<void> refuse(const sync::Change& change, int64_t now_ms);
    Result<void> apply_insert(const sync::SyncTable& table, sync::Change& change, const std::string& device,
                              uint64_t seq, int64_t now_ms);
    Result<void> apply_update(const sync::SyncTable& table, sync::Change& change, const std::string& device,
                              uint64_t seq, int64_t now_ms);
    Result<void> record_conflict(const std::string& member, const std::string& field, const sync::json& value,
                                 const std::string& hlc, int64_t now_ms);
    Result<void> log_server_change(sync::Change change);
    Result<void> erase_person(const std::string& member, const std::string& by, int64_t now_ms);
    Result<void> strip_joined_memos(const std::string& member, int64_t now_ms);
    Result<void> strip_joined_conflicts(int64_t member_no, int64_t now_ms);
    // A row's fields before this server decided their values itself.
    struct Decided {
        const sync::SyncTable* table;
        std::string row;
        sync::json before;
    };
    Result<std::vector<Decided>> merge_sides(const std::string& loser,
                                             std::initializer_list<const sync::json*> pointers);
    Result<void> settle_merged_fields(const std::string& loser, const sync::json& survivor,
                                      const std::vector<Decided>& sides, int64_t now_ms);
    Result<void> retire_followed_rows(sync::ReplicaRows& rows, int64_t now_ms);
    Result<void> log_decided(const Decided& d, int64_t now_ms);
    Result<void> offer_duplicates(int64_t now_ms);
    Result<void> note_person_change(const sync::SyncTable& table, const std::string& row);
    Result<bool> merge_allowed(const std::string& row, const sync::json& current, const sync::json& target);
    Result<std::vector<std::string>> pointer_sides(const sync::Change& change);
    Result<void> log_merged_fields(const std::vector<std::string>& sides, int64_t now_ms);
    Result<void> log_retired(const RetiredColumn& retired, const std::string& member, int64_t now_ms);
    Result<void> log_correction(const sync::SyncTable& table, const std::string& row, const sync::json& fields,
                                int64_t now_ms);

    Store& store_;
    SyncLimits limits_;
    ChangeLog log_;
    sync::HlcClock clock_;
    std::vector<std::string> touched_members_; // for duplicate detection
    std::vector<std::string> erased_by_push_;  // server/erasure.h
};

} // namespace obole::server
