// Every committed write transaction of a Store as one journal record: a SQLite
// changeset (session extension) with a sequence number. The browser appends the
// records to durable storage on the device and, at start-up, replays the ones
// after its last snapshot onto that snapshot. (DESIGN.md, "Local data".)
//
// The search index is derived data: its tables are left out of the records and
// recomputed for the members a replay touches.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

struct sqlite3;
struct sqlite3_session;

namespace obole {

class Store;

struct JournalRecord {
    uint64_t seq = 0;
    std::vector<uint8_t> changeset;
};

// Records what each top-level transaction of one connection commits.
// Store drives it (Store::enable_journal); nothing else needs to.
class ChangeCapture {
public:
    ChangeCapture(sqlite3* db, uint64_t next_seq) : db_(db), next_seq_(next_seq) {}
    ~ChangeCapture();
    ChangeCapture(const ChangeCapture&) = delete;
    ChangeCapture& operator=(const ChangeCapture&) = delete;

    // Around every top-level transaction. begin() first turns any write made
    // outside a transaction (autocommit) into a record of its own, so no
    // change escapes the journal.
    Result<void> begin();
    Result<void> committed();
    void rolled_back();

    // The records committed since the last call, oldest first.
    std::vector<JournalRecord> take() { return std::move(records_); }
    uint64_t next_seq() const { return next_seq_; }

private:
    Result<void> open_session();
    Result<void> flush();

    sqlite3* db_;
    sqlite3_session* session_ = nullptr;
    uint64_t next_seq_;
    std::vector<JournalRecord> records_;
};

// Applies records in order, in one transaction, then reindexes the members
// they touched. Any conflict (a record that does not fit the data, i.e. the
// wrong base or a damaged journal) undoes everything: "journal.conflict".
//
// On a store that still needs migrating, the search code (written for the
// current schema) cannot run yet: the members are returned instead, for the
// caller to reindex after migrate() (reindex_members). Otherwise the list
// is empty.
Result<std::vector<std::string>> replay_journal(Store& store, const std::vector<JournalRecord>& records);

} // namespace obole
