#include "core/store/store.h"

#include <algorithm>
#include <cstring>

#include <sqlite3.h>

#include "core/calendar/date.h"
#include "core/money/gift_now.h"
#include "core/search/segmentation.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

// Reads one integer PRAGMA; false when SQLite cannot read the database.
bool read_pragma(sqlite3* db, const char* sql, int64_t* out)
{
    sqlite3_stmt* stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW;
    if (ok)
        *out = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return ok;
}

Error corrupt_error()
{
    return fail("db.corrupt", "This file is not a readable Obole database; it was left untouched.");
}

// A file from outside: SQL may not write its schema nor the shadow tables
// of full-text search directly (what a crafted file would use to make
// SQLite itself misbehave), and functions named in its schema (views,
// triggers, defaults) may not have side effects.
bool distrust_file(sqlite3* db)
{
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr) == SQLITE_OK &&
           sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr) == SQLITE_OK;
}

// Every page read, every index checked against its table (quick_check
// would skip that, and the search reads the indexes): damage shows here,
// not halfway through a migration or on a screen.
bool passes_integrity_check(sqlite3* db)
{
    sqlite3_stmt* stmt = nullptr;
    bool ok = sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &stmt, nullptr) == SQLITE_OK &&
              sqlite3_step(stmt) == SQLITE_ROW;
    if (ok) {
        const auto* verdict = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        ok = verdict && std::strcmp(verdict, "ok") == 0;
    }
    sqlite3_finalize(stmt);
    return ok;
}

} // namespace

Store::~Store()
{
    journal_.reset(); // its session belongs to the connection: delete it first
    sqlite3_close_v2(db_);
}

Result<std::unique_ptr<Store>> Store::open_file(const std::string& path)
{
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        Error e = fail("db.open_failed", std::string("The database file could not be opened: ") +
                                             (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
        sqlite3_close_v2(db);
        return e;
    }
    sqlite3_busy_timeout(db, 2000);
    return finish_open(db);
}

Result<std::unique_ptr<Store>> Store::open_memory()
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return fail("db.open_failed", "The in-memory database could not be created.");
    }
    return finish_open(db);
}

Result<std::unique_ptr<Store>> Store::open_bytes(const std::vector<uint8_t>& bytes)
{
    return open_image(bytes, true);
}

Result<std::unique_ptr<Store>> Store::open_bytes_unmigrated(const std::vector<uint8_t>& bytes)
{
    return open_image(bytes, false);
}

Result<std::unique_ptr<Store>> Store::open_untrusted_bytes(const std::vector<uint8_t>& bytes)
{
    return open_image(bytes, true, Origin::outside);
}

Result<std::unique_ptr<Store>> Store::open_image(const std::vector<uint8_t>& bytes, bool migrate_now, Origin origin)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK ||
        (origin == Origin::outside && !distrust_file(db))) {
        sqlite3_close_v2(db);
        return fail("db.open_failed", "The in-memory database could not be created.");
    }
    if (!bytes.empty()) {
        // SQLite owns the copy (FREEONCLOSE, also on failure) and may grow it.
        auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(bytes.size()));
        if (!copy) {
            sqlite3_close_v2(db);
            return fail("db.out_of_memory", "There is not enough memory to open this database.");
        }
        std::memcpy(copy, bytes.data(), bytes.size());
        int rc = sqlite3_deserialize(db, "main", copy, sqlite3_int64(bytes.size()), sqlite3_int64(bytes.size()),
                                     SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
        if (rc != SQLITE_OK) {
            sqlite3_close_v2(db);
            return corrupt_error();
        }
    }
    return finish_open(db, migrate_now, origin);
}

// Checks what the connection holds before writing anything, then migrates.
Result<std::unique_ptr<Store>> Store::finish_open(sqlite3* db, bool migrate_now, Origin origin)
{
    sqlite3_extended_result_codes(db, 1);
    int64_t pages = 0, app_id = 0, version = 0, objects = 0;
    // Reading the schema makes SQLite parse the header and the first page:
    // that is where a non-database file or a damaged header shows.
    if (!read_pragma(db, "PRAGMA page_count", &pages) || !read_pragma(db, "PRAGMA application_id", &app_id) ||
        !read_pragma(db, "PRAGMA user_version", &version) ||
        !read_pragma(db, "SELECT count(*) FROM sqlite_schema", &objects)) {
        sqlite3_close_v2(db);
        return corrupt_error();
    }
    bool empty = pages == 0; // a new file, or an empty image
    if (!empty && app_id != kObolApplicationId) {
        sqlite3_close_v2(db);
        return fail("db.not_obole", "This file is a database of another application; it was left untouched.");
    }
    if (version > current_schema_version()) {
        sqlite3_close_v2(db);
        // The message is a translation key, so it stays constant.
        return fail(
            "db.newer_version",
            "This database was written by a newer version of Obole; it was left untouched. Update Obole to open it.");
    }
    if (origin == Origin::outside && !passes_integrity_check(db)) {
        sqlite3_close_v2(db);
        return fail("db.damaged", "This file is damaged (SQLite's integrity check failed); it was left untouched.");
    }

    std::unique_ptr<Store> store(new Store(db));
    if (Result<void> r = store->exec("PRAGMA foreign_keys = ON"); !r)
        return r.error();
    if (empty || migrate_now)
        if (Result<void> r = apply_migrations(db); !r)
            return r.error();
    if (Result<void> r = store->load_device_id(); !r)
        return r.error();
    if (Result<void> r = store->start_derived_data(); !r)
        return r.error();
    return store;
}

Result<bool> Store::needs_migration() const
{
    Result<int> version = schema_version();
    if (!version)
        return version.error();
    return *version < current_schema_version();
}

Result<void> Store::migrate()
{
    if (Result<void> r = apply_migrations(db_); !r)
        return r;
    ++change_count_;
    return start_derived_data();
}

Result<void> Store::start_derived_data()
{
    if (derived_ready_)
        return {};
    Result<int> version = schema_version();
    if (!version)
        return version.error();
    if (*version != current_schema_version())
        return {};
    if (Result<void> r = install_gift_now_triggers(*this); !r)
        return r;
    if (Result<void> r = install_segment_triggers(*this); !r)
        return r;
    derived_ready_ = true;
    return {};
}

std::string Store::now_iso() const
{
    return fixed_now_ms_ ? iso_from_unix_ms(fixed_now_ms_) : obole::now_iso();
}

std::string Store::today() const
{
    return fixed_now_ms_ ? now_iso().substr(0, 10) : today_local_iso();
}

// The later of the two, so that an entry made just after local midnight east
// of Greenwich is not "in the future" while the UTC date is still yesterday.
std::string Store::latest_today() const
{
    return fixed_now_ms_ ? today() : std::max(today_iso(), today_local_iso());
}

Result<void> Store::load_device_id()
{
    Statement select(db_, "SELECT value FROM meta WHERE key = 'device_id'");
    if (select.step() == Statement::Step::row) {
        device_id_ = select.column_text(0);
        return {};
    }
    // Not read is not "none yet": a new id would make this device another one.
    if (Result<void> done = select.finished(); !done)
        return done.error();
    std::string id = new_uuid_v7();
    Statement insert(db_, "INSERT INTO meta(key, value) VALUES('device_id', ?1)");
    insert.bind_text(1, id);
    if (Result<void> r = insert.run(); !r)
        return r;
    device_id_ = id;
    return {};
}

std::vector<uint8_t> Store::serialize()
{
    sqlite3_int64 size = 0;
    unsigned char* data = sqlite3_serialize(db_, "main", &size, 0);
    if (!data)
        return {};
    std::vector<uint8_t> out(data, data + size);
    sqlite3_free(data);
    return out;
}

Result<int> Store::schema_version() const
{
    int64_t version = 0;
    if (!read_pragma(db_, "PRAGMA user_version", &version))
        return sqlite_error();
    return int(version);
}

Result<void> Store::exec(const char* sql)
{
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqlite_error();
    return {};
}

Error Store::sqlite_error() const
{
    return sqlite_error_of(db_);
}

Result<void> Store::transaction(const std::function<Result<void>()>& body)
{
    if (transaction_depth_ > 0) {
        // Nested: a savepoint, so a failing inner step undoes only itself.
        if (Result<void> r = exec("SAVEPOINT nested"); !r)
            return r;
        ++transaction_depth_;
        Result<void> result = body();
        --transaction_depth_;
        if (!result) {
            // Should undoing this step fail, its writes are still in the
            // outer transaction, which then must not commit.
            if (!exec("ROLLBACK TO nested") || !exec("RELEASE nested"))
                nested_undo_failed_ = true;
            return result;
        }
        return exec("RELEASE nested");
    }

    if (journal_)
        if (Result<void> r = journal_->begin(); !r)
            return r;
    if (Result<void> r = exec("BEGIN IMMEDIATE"); !r)
        return r;
    transaction_depth_ = 1;
    nested_undo_failed_ = false;
    Result<void> result = body();
    if (result && nested_undo_failed_)
        result = fail("db.error", "A failed step could not be undone, so nothing was saved.");
    // Derived data follows the rows this transaction wrote, in the same commit.
    if (result && derived_ready_)
        result = refresh_marked_segments(*this, today());
    if (result && observer_)
        result = observer_->before_commit();
    transaction_depth_ = 0;
    auto roll_back = [this] {
        // A ROLLBACK that fails finds no transaction: SQLite has rolled it
        // back itself (after a full disk or an I/O error). The caller gets
        // the error that brought us here.
        (void)exec("ROLLBACK");
        if (journal_)
            journal_->rolled_back();
        if (observer_)
            observer_->rolled_back();
    };
    if (!result) {
        roll_back();
        return result;
    }
    if (Result<void> r = exec("COMMIT"); !r) {
        roll_back();
        return r;
    }
    ++change_count_;
    if (journal_)
        return journal_->committed();
    return {};
}

Result<void> Store::unobserved(const std::function<Result<void>()>& body)
{
    if (observer_ && unobserved_depth_++ == 0)
        observer_->set_paused(true);
    Result<void> result = body();
    if (observer_ && --unobserved_depth_ == 0)
        observer_->set_paused(false);
    return result;
}

Result<void> Store::enable_journal(uint64_t next_seq)
{
    journal_ = std::make_unique<ChangeCapture>(db_, next_seq);
    return journal_->begin();
}

Result<std::vector<JournalRecord>> Store::take_journal_records()
{
    if (!journal_)
        return std::vector<JournalRecord>{};
    // Writes made outside transaction() are in the session too: flush them.
    if (transaction_depth_ == 0)
        if (Result<void> r = journal_->begin(); !r)
            return r.error();
    return journal_->take();
}

} // namespace obole
