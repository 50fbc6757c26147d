// Keeps the in-memory database durable on this device (web/device_storage.js):
// every committed transaction's journal record is appended and acknowledged
// once on disk; from time to time a snapshot replaces the records it covers.
// "Saved on this device" is shown only when every record is acknowledged.
#pragma once
#include "core/result.h"
#include "core/store/change_journal.h"
#include "ui/host.h"

#include <cstdint>
#include <string>
#include <vector>

namespace obole {
class Store;
}

namespace obole::platform {

// The records web/boot.js found after the snapshot, framed in the file it left
// in the module's file system. A torn last record (a crash mid-write) cannot
// be there: storage acknowledges whole records only.
Result<std::vector<JournalRecord>> read_boot_journal(const char* path);

class DeviceJournal {
public:
    // `covered`: the last sequence number the stored snapshot includes.
    // `snapshot_now`: the device holds no usable snapshot yet (first visit) or a
    // long journal; write one at the next opportunity.
    void start(uint64_t covered, bool snapshot_now);
    // Once per frame: sends new records, and a snapshot when it is time.
    void after_frame(Store& store);
    // Makes `image` the device's database at the next frame: a snapshot that
    // covers every record so far, after which the page reloads on it.
    void replace_with(std::vector<uint8_t> image) { replacement_ = std::move(image); }
    // At the next frame, the database rewritten (VACUUM) and stored as the
    // device's only copy, the journal records since the last frame never
    // written: after a person's erasure, nothing of them stays on the device.
    void compact() { compact_due_ = true; }
    // Storage's answer for the record (or snapshot) `seq`.
    void on_stored(uint64_t seq, bool snapshot, bool ok, const std::string& error);

    ui::SaveState state() const;
    const std::string& error() const { return error_; }

private:
    // `purge`: every older snapshot and record is erased from storage.
    void snapshot(Store& store, bool purge = false);

    bool started_ = false;
    bool persist_asked_ = false;
    std::vector<uint8_t> replacement_;
    bool snapshot_due_ = false;
    bool compact_due_ = false;
    uint64_t last_taken_ = 0; // newest record taken from the store
    int in_flight_ = 0;       // writes handed to storage, not yet answered
    size_t bytes_since_snapshot_ = 0;
    size_t records_since_snapshot_ = 0;
    // After a failed write the change is not durable until a snapshot that
    // covers it is: one is retried, not more often than every few seconds.
    uint64_t failed_seq_ = 0;
    double retry_at_ms_ = 0;
    std::string error_;
};

} // namespace obole::platform
