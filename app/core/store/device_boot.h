// How a device opens what it holds at start: its newest snapshot (or, on a
// first visit, the server's copy) and the change journal records it stored
// after that snapshot (change_journal.h). The browser (app/platform/
// web_main.cpp) and the sync simulation (tests/sync/simulation.h) both start
// a device through this, so the simulation restarts devices the way a
// browser does: replayed, not merely reopened.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/result.h"
#include "core/store/change_journal.h"

namespace obole {

class Store;

struct BootedStore {
    std::unique_ptr<Store> store;
    // The last journal record the device holds: its journal numbers the
    // next write's record last_seq + 1.
    uint64_t last_seq = 0;
    // The snapshot's schema was older: the device should store a new snapshot.
    bool migrated = false;
};

// Opens `snapshot` (empty: a new, empty store) as it was written, before
// any migration, because the records were written under its schema; replays
// `records` on it (journal.conflict when they do not fit), migrates,
// reindexes the members the records touched, and turns the journal on after
// the last record (or after `covered`, the record the snapshot already
// holds, when there is none). The snapshot's bytes are freed once SQLite
// holds its own copy: a wasm heap never shrinks.
Result<BootedStore> boot_device_store(std::vector<uint8_t> snapshot, const std::vector<JournalRecord>& records,
                                      uint64_t covered);

} // namespace obole
