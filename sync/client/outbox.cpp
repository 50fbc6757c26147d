#include "client/outbox.h"

#include <algorithm>

#include <cstdlib>
#include <map>

#include <sqlite3.h>

#include "core/members/member_merge.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"
#include "core/text/base64.h"
#include "protocol/replica_rows.h"
#include "protocol/sync_tables.h"

namespace obole::sync {

namespace {

Error capture_error(const std::string& why)
{
    return fail("sync.capture", "This change could not be prepared for the server: " + why);
}

// A member or campaign, by its local ref, as it travels: its UUID.
Result<json> ref_wire_value(Store& store, const SyncField& f, int64_t ref)
{
    Statement s(store.db(), f.type == FieldType::member ? "SELECT id FROM member WHERE ref = ?1"
                                                        : "SELECT id FROM campaign WHERE ref = ?1");
    s.bind_int64(1, ref);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? json(s.column_uuid(0)) : json(nullptr);
}

// A column's value as it travels (sync_tables.h), read from a changeset.
// A member or campaign named by its local ref travels as its UUID: a failed
// lookup is an error, never a change that names nobody.
Result<json> wire_value(Store& store, const SyncField& f, sqlite3_value* v)
{
    if (!v || sqlite3_value_type(v) == SQLITE_NULL)
        return json(nullptr);
    switch (f.type) {
    case FieldType::text:
        return json(std::string(reinterpret_cast<const char*>(sqlite3_value_text(v)), size_t(sqlite3_value_bytes(v))));
    case FieldType::integer: return json(sqlite3_value_int64(v));
    case FieldType::member_uuid:
    case FieldType::row_uuid: return json(uuid_from_blob(sqlite3_value_blob(v), size_t(sqlite3_value_bytes(v))));
    case FieldType::blob:
        return json(base64_encode(
            std::string_view(static_cast<const char*>(sqlite3_value_blob(v)), size_t(sqlite3_value_bytes(v)))));
    case FieldType::member:
    case FieldType::campaign: return ref_wire_value(store, f, sqlite3_value_int64(v));
    }
    return json(nullptr);
}

} // namespace

Result<std::string> read_meta(Store& store, const std::string& key)
{
    Statement s(store.db(), "SELECT value FROM meta WHERE key = ?1");
    s.bind_text(1, key);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? s.column_text(0) : std::string();
}

Result<void> write_meta(Store& store, const std::string& key, const std::string& value)
{
    Statement s(store.db(), "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind_text(1, key);
    s.bind_text(2, value);
    return s.run();
}

// A table's column names by position, as a changeset gives them, read once
// per table for this Outbox's store.
const Outbox::TableColumns& Outbox::columns_of(const std::string& table)
{
    auto found = columns_.find(table);
    if (found != columns_.end())
        return found->second;
    TableColumns c;
    Statement info(store_.db(), ("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid").c_str());
    while (info.step() == Statement::Step::row) {
        const std::string name = info.column_text(0);
        if (name == "id")
            c.id = int(c.names.size());
        if (name == "ref")
            c.ref = int(c.names.size());
        c.names.push_back(name);
    }
    return columns_.emplace(table, std::move(c)).first->second;
}

// A row that merges moved or followed here travels under the member it was
// written for (core's written_for): every copy files it as its own merges
// say. Settled collections' gifts are such rows, made on a survivor.
Result<json> Outbox::written_for_value(const SyncTable& table, const std::string& row, const SyncField& f, int64_t ref)
{
    if (!links_) {
        Result<std::vector<MemberLink>> links = member_links(store_);
        if (!links)
            return links.error();
        links_ = std::move(*links);
    }
    if (follows_merges(*links_, table.name, f.column)) {
        Result<int64_t> named = written_for(store_, table.name, row, f.column, ref);
        if (!named)
            return named.error();
        ref = *named;
    }
    return ref_wire_value(store_, f, ref);
}

Outbox::Outbox(Store& store, WallClock wall_clock, std::string device)
    : store_(store), wall_clock_(std::move(wall_clock)), clock_(std::move(device))
{
}

Result<std::unique_ptr<Outbox>> Outbox::attach(Store& store, WallClock wall_clock)
{
    Result<std::string> device = read_meta(store, "sync_device_id");
    Result<std::string> last_clock = read_meta(store, "hlc_last");
    if (!device)
        return device.error();
    if (!last_clock)
        return last_clock.error();
    std::unique_ptr<Outbox> outbox(
        new Outbox(store, std::move(wall_clock), device->empty() ? store.device_id() : *device));
    if (std::optional<Hlc> last = Hlc::parse(*last_clock))
        outbox->clock_.restore(*last);
    if (Result<void> r = outbox->open_session(); !r)
        return r.error();
    store.set_write_observer(outbox.get());
    return outbox;
}

Outbox::~Outbox()
{
    store_.set_write_observer(nullptr);
    if (session_)
        sqlite3session_delete(session_);
}

Result<void> Outbox::open_session()
{
    if (session_)
        sqlite3session_delete(session_);
    session_ = nullptr;
    if (sqlite3session_create(store_.db(), "main", &session_) != SQLITE_OK) {
        session_ = nullptr;
        return capture_error("no session");
    }
    for (const SyncTable& t : sync_tables())
        if (sqlite3session_attach(session_, t.name) != SQLITE_OK)
            return capture_error(t.name);
    sqlite3session_enable(session_, paused_ ? 0 : 1);
    return {};
}

void Outbox::set_paused(bool paused)
{
    paused_ = paused;
    if (session_)
        sqlite3session_enable(session_, paused ? 0 : 1);
}

void Outbox::rolled_back()
{
    (void)open_session(); // the session held only the undone writes; a failure shows at the next commit
}

Result<void> Outbox::before_commit()
{
    if (!session_)
        if (Result<void> r = open_session(); !r)
            return r;
    if (sqlite3session_isempty(session_))
        return {};
    int size = 0;
    void* data = nullptr;
    if (sqlite3session_changeset(session_, &size, &data) != SQLITE_OK)
        return capture_error("changeset");
    std::vector<Change> changes;
    sqlite3_changeset_iter* it = nullptr;
    Result<void> result;
    if (sqlite3changeset_start(&it, size, data) != SQLITE_OK) {
        sqlite3_free(data);
        return capture_error("changeset");
    }
    while (result && sqlite3changeset_next(it) == SQLITE_ROW) {
        const char* table_name = nullptr;
        int ncols = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it, &table_name, &ncols, &op, &indirect);
        const SyncTable* table = find_sync_table(table_name);
        const TableColumns& cols = columns_of(table_name);
        if (!table || int(cols.names.size()) != ncols) {
            result = capture_error(std::string("unexpected table ") + table_name);
            break;
        }
        if (op == SQLITE_DELETE) {
            // Deletes are tombstones (an update of `deleted`): a row that
            // vanished could never be deleted on the other copies.
            result = capture_error(std::string("a row of ") + table_name + " was deleted");
            break;
        }
        Change c;
        c.table = table_name;
        c.op = op == SQLITE_INSERT ? Op::insert : Op::update;
        // The row's UUID: in the change for an insert, else from its key.
        sqlite3_value* key = nullptr;
        if (op == SQLITE_INSERT && cols.id >= 0) {
            sqlite3changeset_new(it, cols.id, &key);
            if (key)
                c.row = uuid_from_blob(sqlite3_value_blob(key), size_t(sqlite3_value_bytes(key)));
        } else if (cols.id >= 0 && sqlite3changeset_old(it, cols.id, &key) == SQLITE_OK && key &&
                   sqlite3_value_type(key) == SQLITE_BLOB) {
            c.row = uuid_from_blob(sqlite3_value_blob(key), size_t(sqlite3_value_bytes(key)));
        } else if (cols.ref >= 0 && sqlite3changeset_old(it, cols.ref, &key) == SQLITE_OK && key) {
            Statement s(store_.db(), (std::string("SELECT id FROM ") + table_name + " WHERE ref = ?1").c_str());
            s.bind_int64(1, sqlite3_value_int64(key));
            if (s.step() == Statement::Step::row)
                c.row = s.column_uuid(0);
        }
        if (c.row.empty()) {
            result = capture_error(std::string("a changed row of ") + table_name + " has no id");
            break;
        }
        for (int col = 0; col < ncols; ++col) {
            const SyncField* f = table->field(cols.names[col]);
            if (!f) // `ref`, `id`: not fields
                for (const SyncField& candidate : table->fields)
                    if (cols.names[col] == candidate.column)
                        f = &candidate;
            if (!f)
                continue;
            sqlite3_value* v = nullptr;
            if (sqlite3changeset_new(it, col, &v) != SQLITE_OK || !v)
                continue; // an update leaves unchanged columns out
            Result<json> value = f->type == FieldType::member && sqlite3_value_type(v) == SQLITE_INTEGER
                                     ? written_for_value(*table, c.row, *f, sqlite3_value_int64(v))
                                     : wire_value(store_, *f, v);
            if (!value) {
                result = value.error();
                break;
            }
            c.fields[f->wire] = std::move(*value);
        }
        if (!result)
            break;
        if (!c.fields.empty())
            changes.push_back(std::move(c));
    }
    sqlite3changeset_finalize(it);
    sqlite3_free(data);
    if (!result)
        return result;
    // The next transaction starts with an empty session.
    if (Result<void> r = open_session(); !r)
        return r;

    if (changes.empty())
        return {};
    Result<std::string> next_text = read_meta(store_, "outbox_next_seq");
    if (!next_text)
        return next_text.error();
    int64_t next_seq = std::atoll(next_text->c_str());
    if (next_seq < 1)
        next_seq = 1;
    ReplicaRows rows(store_);
    Statement insert(store_.db(), "INSERT INTO outbox(seq, hlc, tbl, row_id, op, fields, base) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (Change& c : changes) {
        c.hlc = clock_.tick(wall_clock_()).text();
        const SyncTable* table = find_sync_table(c.table);
        if (c.op == Op::update)
            for (auto f = c.fields.begin(); f != c.fields.end(); ++f) {
                const SyncField* field = table->field(f.key());
                if (field->keeps_conflicts) {
                    Result<std::string> base = rows.clock(c.row, f.key());
                    if (!base)
                        return base.error();
                    c.base[f.key()] = std::move(*base);
                }
                if (Result<void> r = rows.set_clock(c.row, f.key(), c.hlc); !r)
                    return r;
            }
        insert.reset();
        insert.bind_int64(1, next_seq++);
        insert.bind_text(2, c.hlc);
        insert.bind_text(3, c.table);
        insert.bind_uuid(4, c.row);
        insert.bind_text(5, op_name(c.op));
        insert.bind_text(6, c.fields.dump());
        insert.bind_text(7, c.base.empty() ? "" : c.base.dump());
        if (Result<void> r = insert.run(); !r)
            return r;
    }
    if (Result<void> r = write_meta(store_, "outbox_next_seq", std::to_string(next_seq)); !r)
        return r;
    return save_clock();
}

Result<void> Outbox::save_clock()
{
    return write_meta(store_, "hlc_last", clock_.last().text());
}

Result<std::vector<OutboxChange>> Outbox::pending(size_t limit, size_t max_bytes)
{
    std::vector<OutboxChange> out;
    size_t bytes = 0;
    Statement s(store_.db(), "SELECT seq, hlc, tbl, row_id, op, fields, base FROM outbox ORDER BY seq LIMIT ?1");
    s.bind_int64(1, int64_t(limit));
    while (s.step() == Statement::Step::row) {
        OutboxChange o;
        o.seq = uint64_t(s.column_int64(0));
        o.change.hlc = s.column_text(1);
        o.change.table = s.column_text(2);
        o.change.row = s.column_uuid(3);
        o.change.op = s.column_view(4) == "insert" ? Op::insert : Op::update;
        const size_t size = s.column_view(5).size() + s.column_view(6).size();
        if (!out.empty() && bytes + size > max_bytes)
            break;
        bytes += size;
        o.change.fields = json::parse(s.column_view(5), nullptr, false);
        const std::string_view base = s.column_view(6);
        o.change.base = base.empty() ? json::object() : json::parse(base, nullptr, false);
        if (o.change.fields.is_discarded() || o.change.base.is_discarded())
            return fail("sync.outbox_damaged", "A change waiting for the server is damaged.");
        out.push_back(std::move(o));
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<int64_t> Outbox::count()
{
    Statement s(store_.db(), "SELECT count(*) FROM outbox");
    if (s.step() != Statement::Step::row)
        return s.error();
    return s.column_int64(0);
}

Result<std::vector<std::string>> Outbox::members_waiting()
{
    // Fields travel with wire names: a row that names a member has "member_id".
    Statement s(store_.db(), "SELECT DISTINCT CASE WHEN tbl = 'member' THEN NULL "
                             "ELSE json_extract(fields, '$.member_id') END, "
                             "CASE WHEN tbl = 'member' THEN row_id END FROM outbox");
    std::vector<std::string> ids;
    while (s.step() == Statement::Step::row) {
        std::string id = s.column_is_null(1) ? s.column_text(0) : s.column_uuid(1);
        if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(std::move(id));
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return ids;
}

Result<void> Outbox::acknowledge(uint64_t last_seq)
{
    return store_.transaction([&]() -> Result<void> {
        Statement s(store_.db(), "DELETE FROM outbox WHERE seq <= ?1");
        s.bind_int64(1, int64_t(last_seq));
        return s.run();
    });
}

Result<std::optional<std::string>> Outbox::pending_clock(const std::string& row, const std::string& wire_field)
{
    Statement s(store_.db(), "SELECT hlc FROM outbox WHERE row_id = ?1 AND json_type(fields, '$.' || ?2) IS NOT NULL "
                             "ORDER BY seq DESC LIMIT 1");
    s.bind_uuid(1, row);
    s.bind_text(2, wire_field);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<std::string>();
    return std::optional<std::string>(s.column_text(0));
}

Result<void> Outbox::become_device(const std::string& device_id)
{
    return store_.transaction([&]() -> Result<void> {
        // Through negative numbers: no two rows ever share a seq on the way.
        if (Result<void> r = store_.exec("UPDATE outbox SET seq = -seq;"
                                         "UPDATE outbox SET seq = -seq - (SELECT -max(seq) - 1 FROM outbox)");
            !r)
            return r;
        Statement next(store_.db(), "SELECT ifnull(max(seq), 0) + 1 FROM outbox");
        if (next.step() != Statement::Step::row)
            return next.error();
        if (Result<void> r = write_meta(store_, "outbox_next_seq", std::to_string(next.column_int64(0))); !r)
            return r;
        if (Result<void> r = write_meta(store_, "sync_device_id", device_id); !r)
            return r;
        clock_.set_device(device_id);
        return save_clock();
    });
}

} // namespace obole::sync
