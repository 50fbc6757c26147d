// The local database: one SQLite connection holding the member data and its
// search index. The browser build keeps it in memory (open_bytes from a
// snapshot) and persists it with serialize(); native tools use files.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/store/change_journal.h"

struct sqlite3;

namespace obole {

// Listens to a Store's own writes (sync/client's outbox turns them into
// changes to send). Core knows nothing of sync: it only calls these.
class WriteObserver {
public:
    virtual ~WriteObserver() = default;
    // Inside every top-level write transaction, just before COMMIT; an error
    // rolls the transaction back and is returned by Store::transaction().
    virtual Result<void> before_commit() = 0;
    virtual void rolled_back() = 0;
    // While paused, writes are not observed (see Store::unobserved).
    virtual void set_paused(bool paused) = 0;
};

// PRAGMA application_id of every Obole database: "OBOL" in ASCII. It is how
// we tell our files from other SQLite files before touching them.
constexpr int32_t kObolApplicationId = 0x4F424F4C;

class Store {
public:
    // Creates the file when missing, then migrates. A file that is not a
    // readable SQLite database (db.corrupt), a SQLite database of another
    // application (db.not_obole) or one written by a newer schema
    // (db.newer_version) is reported and left byte-for-byte untouched.
    static Result<std::unique_ptr<Store>> open_file(const std::string& path);
    static Result<std::unique_ptr<Store>> open_memory();
    // An in-memory copy of a database image (same checks as open_file; an
    // empty image gives a new database). The caller's bytes are not kept.
    static Result<std::unique_ptr<Store>> open_bytes(const std::vector<uint8_t>& bytes);
    // The same, without migrating an older schema yet: the browser first
    // replays the journal records written under that schema, then calls
    // migrate(). (An empty image is always given the current schema.)
    static Result<std::unique_ptr<Store>> open_bytes_unmigrated(const std::vector<uint8_t>& bytes);
    // The same for an image from outside the app (a backup file, which
    // anyone may have crafted): the connection is in SQLite's defensive mode
    // and trusts nothing in the file's schema to call functions, and once
    // its header is checked the whole file must pass PRAGMA integrity_check
    // before any row is read or written; a file that fails is db.damaged.
    static Result<std::unique_ptr<Store>> open_untrusted_bytes(const std::vector<uint8_t>& bytes);
    Result<bool> needs_migration() const;
    // Each migration in its own transaction (core/store/migrations.h); on failure
    // the data stays at the last version that succeeded.
    Result<void> migrate();

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // The whole database as a file image (empty on failure).
    std::vector<uint8_t> serialize();

    // PRAGMA user_version; a failed read is an error, never version 0.
    Result<int> schema_version() const;
    sqlite3* db() { return db_; }

    // Runs body inside BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when body
    // returns an error (or COMMIT fails). A call made while a transaction is
    // already open simply runs body inside it: the outer call decides.
    Result<void> transaction(const std::function<Result<void>()>& body);

    // Runs SQL without results (several statements allowed).
    Result<void> exec(const char* sql);

    // Identity of this database copy (UUIDv7), made on first open.
    const std::string& device_id() const { return device_id_; }

    // Incremented by every committed write transaction: the UI polls it to
    // know when to refresh its views and persist a snapshot.
    uint64_t change_count() const { return change_count_; }

    // From now on every committed write transaction also becomes a journal
    // record (core/store/change_journal.h), numbered from next_seq. Call after the
    // start-up replay, which must not record itself.
    Result<void> enable_journal(uint64_t next_seq);
    // Records committed since the last call, oldest first (empty when the
    // journal is off).
    Result<std::vector<JournalRecord>> take_journal_records();

    // One observer at a time (nullptr: none). Not owned.
    void set_write_observer(WriteObserver* observer) { observer_ = observer; }
    // Runs body with the observer paused: writes that are not changes of
    // this device but follow from one (applying a change pulled from the
    // server, gifts moving to the survivor of a merge). Nests.
    Result<void> unobserved(const std::function<Result<void>()>& body);

    // An Error built from the connection's last SQLite error (sqlite_error_of).
    Error sqlite_error() const;

    // The clock of this store's writes: what they are stamped with, what an
    // empty date means (today), what "not in the future" allows, and the day
    // the segments (core/search/segmentation.h) are computed for. The
    // device's clock, unless set: tests set it to be exact, and the demo
    // generator (tools/gen) sets it to each day of the history it writes
    // through the repositories, as if each thing had been typed that day.
    std::string now_iso() const;      // UTC, with milliseconds: "2026-11-23T14:05:09.123Z"
    std::string today() const;        // the device's local date
    std::string latest_today() const; // the later of the UTC and local dates
    // Stops the clock at unix_ms (then today() and latest_today() are its UTC
    // date); 0 gives the device's clock back.
    void set_clock(int64_t unix_ms) { fixed_now_ms_ = unix_ms; }
    int64_t stopped_clock() const { return fixed_now_ms_; } // 0 while it runs

private:
    explicit Store(sqlite3* db) : db_(db) {}
    enum class Origin { ours, outside };
    static Result<std::unique_ptr<Store>> open_image(const std::vector<uint8_t>& bytes, bool migrate_now,
                                                     Origin origin = Origin::ours);
    static Result<std::unique_ptr<Store>> finish_open(sqlite3* db, bool migrate_now = true,
                                                      Origin origin = Origin::ours);
    Result<void> load_device_id();
    // Once the schema is current: the triggers that keep derived data
    // current, gifts as corrected (core/money/gift_now.h) and the segments
    // computed from them (core/search/segmentation.h).
    Result<void> start_derived_data();

    sqlite3* db_ = nullptr;
    std::string device_id_;
    uint64_t change_count_ = 0;
    int transaction_depth_ = 0;
    bool nested_undo_failed_ = false; // a savepoint could not be rolled back (transaction())
    std::unique_ptr<ChangeCapture> journal_;
    WriteObserver* observer_ = nullptr;
    int unobserved_depth_ = 0;
    bool derived_ready_ = false;
    int64_t fixed_now_ms_ = 0;
};

} // namespace obole
