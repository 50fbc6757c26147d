#include "server/change_log.h"

#include <sqlite3.h>

#include "core/privacy/member_erasure.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::server {

Result<void> ChangeLog::ensure_schema()
{
    Result<void> made = store_.exec(R"SQL(
CREATE TABLE IF NOT EXISTS server.change_log(
  version INTEGER PRIMARY KEY,
  hlc     TEXT NOT NULL,
  tbl     TEXT NOT NULL,
  row_id  BLOB NOT NULL,
  op      TEXT NOT NULL,
  fields  TEXT NOT NULL,
  device  TEXT NOT NULL,
  seq     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS server.device_seq(
  device   TEXT PRIMARY KEY,
  last_seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS server.device_change(
  device  TEXT NOT NULL,
  seq     INTEGER NOT NULL,
  digest  BLOB NOT NULL,
  refusal TEXT,
  PRIMARY KEY(device, seq)
) WITHOUT ROWID;
)SQL");
    if (!made)
        return made;
    // A log made before refusals were remembered gains the column.
    Statement has(store_.db(), "SELECT 1 FROM server.pragma_table_info('device_change') WHERE name = 'refusal'");
    Result<bool> there = has.next();
    if (!there)
        return there.error();
    return *there ? Result<void>() : store_.exec("ALTER TABLE server.device_change ADD COLUMN refusal TEXT");
}

Result<int64_t> ChangeLog::append(const sync::Change& c, const std::string& device, uint64_t seq)
{
    // As applied: the base a device sent was for the server alone.
    Statement insert(store_.db(), "INSERT INTO server.change_log(hlc, tbl, row_id, op, fields, device, seq) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind_text(1, c.hlc);
    insert.bind_text(2, c.table);
    insert.bind_uuid(3, c.row);
    insert.bind_text(4, sync::op_name(c.op));
    insert.bind_text(5, c.fields.dump());
    insert.bind_text(6, device);
    insert.bind_int64(7, int64_t(seq));
    if (Result<void> r = insert.run(); !r)
        return r.error();
    return sqlite3_last_insert_rowid(store_.db());
}

Result<void> ChangeLog::publish_cursor()
{
    Result<int64_t> version = last_version();
    if (!version)
        return version.error();
    Statement cursor(store_.db(), "INSERT INTO main.meta(key, value) VALUES('pull_cursor', ?1) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    cursor.bind_text(1, std::to_string(*version));
    return cursor.run();
}

Result<int64_t> ChangeLog::last_version()
{
    Statement s(store_.db(), "SELECT ifnull(max(version), 0) FROM server.change_log");
    if (s.step() != Statement::Step::row)
        return s.error();
    return s.column_int64(0);
}

Result<sync::PullResponse> ChangeLog::read(int64_t since, int limit, size_t max_bytes)
{
    size_t bytes = 0;
    sync::PullResponse page;
    page.schema_version = current_schema_version();
    page.cursor = since;
    // One more than asked: whether another page waits.
    Statement s(store_.db(), "SELECT version, hlc, tbl, row_id, op, fields FROM server.change_log "
                             "WHERE version > ?1 ORDER BY version LIMIT ?2");
    s.bind_int64(1, since);
    s.bind_int64(2, int64_t(limit) + 1);
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::row) {
        const size_t size = s.column_view(5).size();
        if (int(page.changes.size()) == limit || (!page.changes.empty() && bytes + size > max_bytes)) {
            page.more = true;
            break;
        }
        bytes += size;
        sync::LoggedChange logged;
        logged.version = s.column_int64(0);
        logged.change.hlc = s.column_text(1);
        logged.change.table = s.column_text(2);
        logged.change.row = s.column_uuid(3);
        logged.change.op = s.column_view(4) == "insert" ? sync::Op::insert : sync::Op::update;
        logged.change.fields = sync::json::parse(s.column_view(5), nullptr, false);
        if (logged.change.fields.is_discarded())
            return fail("sync.log_damaged", "The server's change log is damaged.");
        page.cursor = logged.version;
        page.changes.push_back(std::move(logged));
    }
    if (step == Statement::Step::error)
        return s.error();
    return page;
}

// A device never heard of has sent nothing: 0. A failed read is an error,
// never 0, which would take every change it resends for a new one.
Result<uint64_t> ChangeLog::device_last_seq(const std::string& device)
{
    Statement s(store_.db(), "SELECT last_seq FROM server.device_seq WHERE device = ?1");
    s.bind_text(1, device);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? uint64_t(s.column_int64(0)) : 0;
}

Result<void> ChangeLog::set_device_last_seq(const std::string& device, uint64_t seq)
{
    Statement s(store_.db(), "INSERT INTO server.device_seq(device, last_seq) VALUES(?1, ?2) "
                             "ON CONFLICT(device) DO UPDATE SET last_seq = excluded.last_seq");
    s.bind_text(1, device);
    s.bind_int64(2, int64_t(seq));
    return s.run();
}

Result<void> ChangeLog::remember_change(const std::string& device, uint64_t seq, const std::string& digest,
                                        const sync::RefusedChange* refused)
{
    Statement s(store_.db(),
                "INSERT OR REPLACE INTO server.device_change(device, seq, digest, refusal) VALUES(?1, ?2, ?3, ?4)");
    s.bind_text(1, device);
    s.bind_int64(2, int64_t(seq));
    s.bind_blob(3, digest);
    if (refused)
        s.bind_text(4,
                    sync::json{{"code", refused->code}, {"message", refused->message}, {"field", refused->field}}.dump(
                        -1, ' ', false, sync::json::error_handler_t::replace));
    return s.run();
}

Result<std::optional<sync::RefusedChange>> ChangeLog::check_resent(const std::string& device, uint64_t seq,
                                                                   const std::string& digest)
{
    Statement s(store_.db(), "SELECT digest, refusal FROM server.device_change WHERE device = ?1 AND seq = ?2");
    s.bind_text(1, device);
    s.bind_int64(2, int64_t(seq));
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    // Held before digests were kept: nothing to compare, a retry as before.
    if (!*found)
        return std::optional<sync::RefusedChange>();
    if (s.column_blob(0) == digest) {
        if (s.column_is_null(1))
            return std::optional<sync::RefusedChange>();
        // Written by remember_change: its three strings.
        const sync::json why = sync::json::parse(s.column_view(1), nullptr, false);
        if (!why.is_object() || !why.value("code", sync::json()).is_string())
            return fail("db.corrupt", "A remembered refusal is not readable.");
        return std::optional<sync::RefusedChange>(
            sync::RefusedChange{seq, why["code"].get<std::string>(), why.value("message", ""), why.value("field", "")});
    }
    return fail("sync.sequence_reused",
                "This device sent other changes under numbers it had used already: its data may be a copy of "
                "another device's or a restored backup. Nothing was applied; enrol this device again.");
}

Result<void> ChangeLog::scrub(const Erasure& erasure)
{
    Statement remove(store_.db(), "DELETE FROM server.change_log WHERE tbl = ?1 AND row_id = ?2");
    for (const ErasedRow& row : erasure.removed) {
        remove.reset();
        remove.bind_text(1, row.table);
        remove.bind_uuid(2, row.id);
        if (Result<void> r = remove.run(); !r)
            return r;
    }
    Statement select(store_.db(), "SELECT version, fields FROM server.change_log WHERE tbl = ?1 AND row_id = ?2");
    Statement rewrite(store_.db(), "UPDATE server.change_log SET fields = ?2 WHERE version = ?1");
    for (const ErasedRow& row : erasure.emptied) {
        select.reset();
        select.bind_text(1, row.table);
        select.bind_uuid(2, row.id);
        while (select.step() == Statement::Step::row) {
            sync::json fields = sync::json::parse(select.column_text(1), nullptr, false);
            // The log writes only objects: another value is a damaged log,
            // and a row it cannot read might still hold the person.
            if (!fields.is_object())
                return fail("sync.log_damaged", "A change in the server's log could not be read, so the "
                                                "person's values in it could not be removed. Nothing was erased.");
            erase_fields(row.table, fields);
            rewrite.reset();
            rewrite.bind_int64(1, select.column_int64(0));
            rewrite.bind_text(2, fields.dump());
            if (Result<void> r = rewrite.run(); !r)
                return r;
        }
        if (Result<void> r = select.finished(); !r)
            return r;
    }
    return {};
}

} // namespace obole::server
