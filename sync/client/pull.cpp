#include "client/pull.h"

#include <algorithm>
#include <cstdlib>

#include "client/outbox.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "protocol/replica_rows.h"

namespace obole::sync {

namespace {

// Member numbers are unique; a number this device gave offline may belong
// to another member on the server, whose numbering wins. The local member
// steps aside (a negative, provisional number) until its own number arrives.
Result<void> free_member_no(Store& store, const std::string& row, const json& fields)
{
    auto no = fields.find("member_no");
    if (no == fields.end() || !no->is_number_integer())
        return {};
    Statement s(store.db(), "UPDATE member SET member_no = -ref WHERE member_no = ?1 AND id <> ?2");
    s.bind_int64(1, no->get<int64_t>());
    s.bind_uuid(2, row);
    return s.run();
}

// Likewise a receipt number this device gave while it was never enrolled:
// the server numbered again, and a local receipt holding the number another
// receipt now has waits (NULL) for its own, which follows in the log.
Result<void> free_receipt_number(Store& store, const SyncTable& table, const std::string& row, const json& fields)
{
    auto no = fields.find("number");
    if (std::string_view(table.name) != "tax_receipt" || no == fields.end() || !no->is_number_integer())
        return {};
    auto year = fields.find("year");
    Statement s(store.db(), "UPDATE tax_receipt SET number = NULL WHERE number = ?1 AND id <> ?2 AND "
                            "year = ifnull(?3, (SELECT year FROM tax_receipt WHERE id = ?2))");
    s.bind_int64(1, no->get<int64_t>());
    s.bind_uuid(2, row);
    if (year != fields.end() && year->is_number_integer())
        s.bind_int64(3, year->get<int64_t>());
    else
        s.bind_null(3);
    return s.run();
}

Result<void> apply_one(Store& store, Outbox& outbox, ReplicaRows& rows, const Change& c)
{
    const SyncTable* table = find_sync_table(c.table);
    if (!table)
        return fail("sync.unknown_table", "The server sent a change to an unknown table: " + c.table);
    if (table->kind == TableKind::insert_only) {
        Result<bool> there = rows.exists(*table, c.row);
        if (!there)
            return there.error();
        if (!*there)
            return rows.insert(*table, c.row, c.fields);
        // A fact this device has (its own, coming back): nothing changes but
        // what the server decides (who entered it: the operator it stamped).
        json decided = json::object();
        for (auto f = c.fields.begin(); f != c.fields.end(); ++f)
            if (const SyncField* field = table->field(f.key()); field && field->server_decides)
                decided[f.key()] = f.value();
        return decided.empty() ? Result<void>() : rows.update(*table, c.row, decided);
    }
    Result<std::optional<json>> current = rows.read(*table, c.row);
    if (!current)
        return current.error();
    if (!current->has_value()) {
        if (c.op != Op::insert)
            return fail("sync.unknown_row", "The server changed a row this device does not have.");
        if (Result<void> r = free_member_no(store, c.row, c.fields); !r)
            return r;
        if (Result<void> r = free_receipt_number(store, *table, c.row, c.fields); !r)
            return r;
        return rows.insert(*table, c.row, c.fields);
    }
    // An update, or an insert this device already has (its own, coming
    // back with what the server made of it): field by field.
    json taken = json::object();
    for (auto f = c.fields.begin(); f != c.fields.end(); ++f) {
        const SyncField* field = table->field(f.key());
        Result<std::optional<std::string>> mine = outbox.pending_clock(c.row, f.key());
        if (!mine)
            return mine.error();
        if (*mine && **mine > c.hlc && !(field && field->server_decides)) {
            // This device's newer change to the field waits to be sent: it
            // wins. When the server holds the same value already (often this
            // very change, its clock clamped by the server and its answer
            // lost), the field takes the server's clock, which every other
            // copy holds: sent again, the change is a retry the server skips,
            // and no later pull would bring the clock.
            if (c.op == Op::update && (**current)[f.key()] == f.value())
                if (Result<void> r = rows.set_clock(c.row, f.key(), c.hlc); !r)
                    return r;
            continue;
        }
        // This device's insert coming back after it changed the field and
        // sent the change (the outbox let it go): that change follows in the
        // log. Taken now, the older value would stand until then (a closed
        // batch open again, taking lines the server refuses).
        if (c.op == Op::insert && !(field && field->server_decides)) {
            Result<std::string> held = rows.clock(c.row, f.key());
            if (!held)
                return held.error();
            if (*held > c.hlc)
                continue;
        }
        taken[f.key()] = f.value();
        if (c.op == Op::update)
            if (Result<void> r = rows.set_clock(c.row, f.key(), c.hlc); !r)
                return r;
    }
    if (Result<void> r = free_member_no(store, c.row, taken); !r)
        return r;
    if (Result<void> r = free_receipt_number(store, *table, c.row, taken); !r)
        return r;
    return rows.update(*table, c.row, taken);
}

} // namespace

Result<int64_t> pull_cursor(Store& store)
{
    Result<std::string> cursor = read_meta(store, "pull_cursor");
    if (!cursor)
        return cursor.error();
    return int64_t(std::atoll(cursor->c_str()));
}

Result<void> apply_pull(Store& store, Outbox& outbox, const PullResponse& page, int64_t wall_ms)
{
    return store.unobserved([&]() -> Result<void> {
        return store.transaction([&]() -> Result<void> {
            ReplicaRows rows(store);
            // A page answers the request for what follows the cursor; one
            // that comes late, after a later page, holds nothing new, and
            // applied again it would put older values back.
            Result<int64_t> applied = pull_cursor(store);
            if (!applied)
                return applied.error();
            for (const LoggedChange& logged : page.changes) {
                if (logged.version <= *applied)
                    continue;
                if (Result<void> r = apply_one(store, outbox, rows, logged.change); !r)
                    return r;
                if (std::optional<Hlc> seen = Hlc::parse(logged.change.hlc))
                    outbox.clock().observe(*seen, wall_ms);
            }
            if (Result<void> r = rows.reindex_touched(); !r)
                return r;
            if (Result<void> r = outbox.save_clock(); !r)
                return r;
            return write_meta(store, "pull_cursor", std::to_string(std::max(*applied, page.cursor)));
        });
    });
}

} // namespace obole::sync
