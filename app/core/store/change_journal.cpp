#include "core/store/change_journal.h"

#include <cstring>
#include <map>
#include <set>
#include <string>

#include <sqlite3.h>

#include "core/search/search_index.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

// The search index, the segments and gifts as corrected are derived from the
// tables they describe (recomputed, never replayed); SQLite's own tables are
// not ours.
int journaled_table(void*, const char* table)
{
    return std::strncmp(table, "search_", 7) != 0 && std::strncmp(table, "sqlite_", 7) != 0 &&
           std::strncmp(table, "member_segment", 14) != 0 && // and its basis
           std::strcmp(table, "gift_now") != 0;
}

Error capture_error()
{
    return fail("journal.capture", "This change could not be prepared for saving on this device.");
}

// A member id as the C++ API spells it, whether stored as text or as 16 bytes.
std::string id_text(sqlite3_value* v)
{
    if (!v)
        return {};
    if (sqlite3_value_type(v) == SQLITE_BLOB)
        return uuid_from_blob(sqlite3_value_blob(v), size_t(sqlite3_value_bytes(v)));
    const unsigned char* t = sqlite3_value_text(v);
    return t ? reinterpret_cast<const char*>(t) : "";
}

// How a table's rows lead to the member they belong to: a column holding the
// member's UUID ("id" in member, "member_id") or its local integer reference
// ("member_ref"), and the primary key to find the row again when a change
// does not carry that column (an UPDATE of other columns).
struct MemberLink {
    int column = -1;
    bool is_ref = false;
    std::string pk_name;
};

// A failed read is an error: a table read as having no member column would
// leave the members it changed out of the search index.
Result<MemberLink> member_link(sqlite3* db, const std::string& table)
{
    MemberLink link;
    Statement info(db, ("SELECT cid, name, pk FROM pragma_table_info('" + table + "')").c_str());
    while (info.step() == Statement::Step::row) {
        std::string name = info.column_text(1);
        if (info.column_int64(2) == 1)
            link.pk_name = name;
        const bool own_id = table == "member" && name == "id";
        if (own_id || (table != "member" && (name == "member_id" || name == "member_ref"))) {
            link.column = int(info.column_int64(0));
            link.is_ref = name == "member_ref";
        }
    }
    if (Result<void> done = info.finished(); !done)
        return done.error();
    return link;
}

// The members a changeset touches. What the change itself says is read before
// it applies (a deleted row is gone afterwards); the rest is looked up after.
class TouchedMembers {
public:
    explicit TouchedMembers(sqlite3* db) : db_(db) {}
    TouchedMembers(const TouchedMembers&) = delete;
    TouchedMembers& operator=(const TouchedMembers&) = delete;

    ~TouchedMembers()
    {
        for (Pending& p : pending_)
            sqlite3_value_free(p.value);
    }

    Result<void> collect(const JournalRecord& r)
    {
        sqlite3_changeset_iter* it = nullptr;
        if (sqlite3changeset_start(&it, int(r.changeset.size()), const_cast<uint8_t*>(r.changeset.data())) != SQLITE_OK)
            return damaged();
        while (sqlite3changeset_next(it) == SQLITE_ROW) {
            const char* table = nullptr;
            int columns = 0, op = 0, indirect = 0;
            sqlite3changeset_op(it, &table, &columns, &op, &indirect);
            auto found = links_.find(table);
            if (found == links_.end()) {
                Result<MemberLink> read = member_link(db_, table);
                if (!read) {
                    sqlite3changeset_finalize(it);
                    return read.error();
                }
                found = links_.emplace(table, *read).first;
            }
            const MemberLink& link = found->second;
            if (link.column < 0 || link.column >= columns)
                continue;
            sqlite3_value* v = nullptr;
            if (op != SQLITE_DELETE)
                sqlite3changeset_new(it, link.column, &v);
            if (!v && op != SQLITE_INSERT)
                sqlite3changeset_old(it, link.column, &v);
            if (v) {
                pending_.push_back({link.is_ref ? Kind::member_ref : Kind::member_id, "", "", sqlite3_value_dup(v)});
                continue;
            }
            // An UPDATE that left the member column alone: find the row by its key.
            unsigned char* pk_flags = nullptr;
            int pk_columns = 0;
            sqlite3changeset_pk(it, &pk_flags, &pk_columns);
            for (int c = 0; c < pk_columns; ++c) {
                sqlite3_value* key = nullptr;
                if (pk_flags[c] && sqlite3changeset_old(it, c, &key) == SQLITE_OK && key) {
                    Result<std::string> column = info_name(table, link.column);
                    if (!column) {
                        sqlite3changeset_finalize(it);
                        return column.error();
                    }
                    pending_.push_back(
                        {Kind::row_key, std::string(table) + "\x1f" + *column, link.pk_name, sqlite3_value_dup(key)});
                    break;
                }
            }
        }
        if (sqlite3changeset_finalize(it) != SQLITE_OK)
            return damaged();
        return {};
    }

    // The members' UUIDs; call after the changes applied.
    Result<std::set<std::string>> ids()
    {
        std::set<std::string> out;
        for (Pending& p : pending_) {
            sqlite3_value* v = p.value;
            sqlite3_value* looked_up = nullptr;
            if (p.kind == Kind::row_key) {
                const size_t sep = p.table_column.find('\x1f');
                const std::string table = p.table_column.substr(0, sep), column = p.table_column.substr(sep + 1);
                Result<sqlite3_value*> row =
                    lookup("SELECT \"" + column + "\" FROM \"" + table + "\" WHERE \"" + p.pk_name + "\" = ?1", v);
                if (!row)
                    return row.error();
                looked_up = *row;
                if (!looked_up)
                    continue;
                v = looked_up;
                if (column == "member_ref")
                    p.kind = Kind::member_ref;
            }
            if (p.kind == Kind::member_ref) {
                Result<sqlite3_value*> id = lookup("SELECT id FROM member WHERE ref = ?1", v);
                if (!id) {
                    sqlite3_value_free(looked_up);
                    return id.error();
                }
                if (*id)
                    out.insert(id_text(*id));
                sqlite3_value_free(*id);
            } else {
                out.insert(id_text(v));
            }
            sqlite3_value_free(looked_up);
        }
        out.erase("");
        return out;
    }

private:
    enum class Kind { member_id, member_ref, row_key };
    struct Pending {
        Kind kind;
        std::string table_column, pk_name; // for row_key
        sqlite3_value* value;
    };

    static Error damaged()
    {
        return fail("journal.damaged", "A change saved on this device is damaged; nothing was changed.");
    }

    Result<std::string> info_name(const char* table, int column)
    {
        Statement info(db_,
                       ("SELECT name FROM pragma_table_info('" + std::string(table) + "') WHERE cid = ?1").c_str());
        info.bind_int64(1, column);
        std::string name = info.step() == Statement::Step::row ? info.column_text(0) : "";
        if (Result<void> done = info.finished(); !done)
            return done.error();
        return name;
    }

    // The first column of the first row, or null when there is no row; a
    // failed read is an error (the member would not be reindexed).
    Result<sqlite3_value*> lookup(const std::string& sql, sqlite3_value* key)
    {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
            sqlite3_finalize(s);
            return sqlite_error_of(db_);
        }
        sqlite3_bind_value(s, 1, key);
        const int rc = sqlite3_step(s);
        sqlite3_value* out = rc == SQLITE_ROW ? sqlite3_value_dup(sqlite3_column_value(s, 0)) : nullptr;
        Result<sqlite3_value*> answer = out;
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            answer = sqlite_error_of(db_);
        sqlite3_finalize(s);
        return answer;
    }

    sqlite3* db_;
    std::map<std::string, MemberLink> links_;
    std::vector<Pending> pending_;
};

// A record that does not fit the data means the wrong base or a damaged
// journal: stop rather than guess.
int abort_on_conflict(void*, int, sqlite3_changeset_iter*)
{
    return SQLITE_CHANGESET_ABORT;
}

} // namespace

ChangeCapture::~ChangeCapture()
{
    if (session_)
        sqlite3session_delete(session_);
}

Result<void> ChangeCapture::open_session()
{
    if (sqlite3session_create(db_, "main", &session_) != SQLITE_OK) {
        session_ = nullptr;
        return capture_error();
    }
    sqlite3session_table_filter(session_, journaled_table, nullptr);
    if (sqlite3session_attach(session_, nullptr) != SQLITE_OK) {
        sqlite3session_delete(session_);
        session_ = nullptr;
        return capture_error();
    }
    return {};
}

Result<void> ChangeCapture::flush()
{
    if (!session_)
        return open_session();
    if (!sqlite3session_isempty(session_)) {
        int size = 0;
        void* data = nullptr;
        if (sqlite3session_changeset(session_, &size, &data) != SQLITE_OK)
            return capture_error();
        // An empty changeset: the changes cancelled out (a row added and removed).
        if (size > 0) {
            const uint8_t* bytes = static_cast<const uint8_t*>(data);
            records_.push_back({next_seq_++, std::vector<uint8_t>(bytes, bytes + size)});
        }
        sqlite3_free(data);
    }
    // A fresh session per record: a session accumulates, and a record must
    // hold exactly one transaction's changes.
    sqlite3session_delete(session_);
    session_ = nullptr;
    return open_session();
}

Result<void> ChangeCapture::begin()
{
    return flush();
}

Result<void> ChangeCapture::committed()
{
    return flush();
}

void ChangeCapture::rolled_back()
{
    // Only this transaction's changes were in the session (begin() flushed the
    // rest), and they are undone: forget them.
    if (session_)
        sqlite3session_delete(session_);
    session_ = nullptr;
    (void)open_session(); // a failure resurfaces at the next begin()
}

Result<std::vector<std::string>> replay_journal(Store& store, const std::vector<JournalRecord>& records)
{
    std::vector<std::string> later;
    if (records.empty())
        return later;
    sqlite3* db = store.db();
    Result<bool> old_schema = store.needs_migration();
    if (!old_schema)
        return old_schema.error();
    Result<void> replayed = store.transaction([&]() -> Result<void> {
        TouchedMembers touched(db);
        for (const JournalRecord& r : records) {
            if (Result<void> c = touched.collect(r); !c)
                return c;
            int rc = sqlite3changeset_apply(db, int(r.changeset.size()), const_cast<uint8_t*>(r.changeset.data()),
                                            nullptr, abort_on_conflict, nullptr);
            if (rc != SQLITE_OK)
                return fail("journal.conflict",
                            "The changes saved on this device do not fit its data; nothing was changed.");
        }
        Result<std::set<std::string>> ids = touched.ids();
        if (!ids)
            return ids.error();
        for (const std::string& id : *ids) {
            if (*old_schema)
                later.push_back(id);
            else if (Result<void> r = reindex_member(store, id); !r)
                return r;
        }
        return {};
    });
    if (!replayed)
        return replayed.error();
    return later;
}

} // namespace obole
