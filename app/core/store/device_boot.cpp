#include "core/store/device_boot.h"

#include "core/search/search_index.h"
#include "core/store/store.h"

namespace obole {

Result<BootedStore> boot_device_store(std::vector<uint8_t> snapshot, const std::vector<JournalRecord>& records,
                                      uint64_t covered)
{
    // Not migrated yet: the journal records were written under the
    // snapshot's schema and are replayed on it first.
    auto opened = snapshot.empty() ? Store::open_memory() : Store::open_bytes_unmigrated(snapshot);
    std::vector<uint8_t>().swap(snapshot); // SQLite holds its own copy now
    if (!opened)
        return opened.error();
    BootedStore out;
    out.store = std::move(opened.value());
    auto replayed = replay_journal(*out.store, records);
    if (!replayed)
        return replayed.error();
    // The caller keeps its snapshot and records until the migrated snapshot
    // is stored, so a failed migration leaves them as they were.
    Result<bool> old_schema = out.store->needs_migration();
    if (!old_schema)
        return old_schema.error();
    out.migrated = *old_schema;
    if (out.migrated)
        if (Result<void> migrated = out.store->migrate(); !migrated)
            return migrated.error();
    if (Result<void> indexed = reindex_members(*out.store, *replayed); !indexed)
        return indexed.error();
    out.last_seq = records.empty() ? covered : records.back().seq;
    if (Result<void> on = out.store->enable_journal(out.last_seq + 1); !on)
        return on.error();
    return out;
}

} // namespace obole
