// This device's changes waiting for the server. Outbox watches the Store's
// own writes (core's WriteObserver) and, inside the transaction that makes
// them, turns each changed row of a replicated table into a change with a
// clock and the next sequence number, and records the fields' new clocks.
// A write the store runs unobserved (a pulled change being applied, rows
// following a merge) is not a change of this device and is not recorded.
//
// Writes outside Store::transaction() are not allowed on replicated tables;
// the next transaction would record them as its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/members/member_links.h"
#include "core/result.h"
#include "core/store/store.h"
#include "protocol/change.h"
#include "protocol/hlc.h"
#include "protocol/sync_tables.h"

struct sqlite3_session;

namespace obole::sync {

// Unix milliseconds; tests pass their own clock.
using WallClock = std::function<int64_t()>;

class Outbox final : public WriteObserver {
public:
    // Starts watching `store` (which must outlive this) until destroyed.
    static Result<std::unique_ptr<Outbox>> attach(Store& store, WallClock wall_clock);
    ~Outbox() override;
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    // Oldest first, at most `limit`, and no more than `max_bytes` of JSON
    // fields (the first change is always given, whatever its size).
    Result<std::vector<OutboxChange>> pending(size_t limit, size_t max_bytes = SIZE_MAX);
    Result<int64_t> count();
    // The members the waiting changes are about (the member rows, and the
    // rows that name one), as UUIDs.
    Result<std::vector<std::string>> members_waiting();
    // The server holds every change up to last_seq: they leave the outbox.
    Result<void> acknowledge(uint64_t last_seq);
    // The clock of the newest waiting change to this field, if any: a pulled
    // change older than it must not overwrite it.
    Result<std::optional<std::string>> pending_clock(const std::string& row, const std::string& wire_field);

    // The device's identity in clocks and at the server. At enrolment the
    // waiting changes are numbered again from 1 under the new identity: the
    // server has never seen this device.
    Result<void> become_device(const std::string& device_id);

    HlcClock& clock() { return clock_; }
    // Saves the clock with the data, so that a restart never stamps earlier.
    Result<void> save_clock();

    // WriteObserver
    Result<void> before_commit() override;
    void rolled_back() override;
    void set_paused(bool paused) override;

private:
    Outbox(Store& store, WallClock wall_clock, std::string device);
    struct TableColumns {
        std::vector<std::string> names;
        int id = -1, ref = -1;
    };
    const TableColumns& columns_of(const std::string& table);
    Result<json> written_for_value(const SyncTable& table, const std::string& row, const SyncField& f, int64_t ref);
    Result<void> open_session();

    Store& store_;
    WallClock wall_clock_;
    HlcClock clock_;
    sqlite3_session* session_ = nullptr;
    bool paused_ = false;
    std::map<std::string, TableColumns> columns_;
    std::optional<std::vector<MemberLink>> links_; // read at the first member field
};

// meta keys this module and the sync engine keep in the store. A key never
// written reads as ""; a failed read is an error (a device that took it for
// "" would forget its identity, its numbering or its token).
Result<std::string> read_meta(Store& store, const std::string& key);
Result<void> write_meta(Store& store, const std::string& key, const std::string& value);

} // namespace obole::sync
