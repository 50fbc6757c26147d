#include "client/device_copy.h"

#include "client/outbox.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "protocol/access.h"
#include "protocol/change.h"

namespace obole::sync {

namespace {

// Set once this device's copy must be replaced (copy_needs_replacing); a
// new copy has no such key.
constexpr const char* kCopyDueKey = "copy_due";

// What in meta is the device's, not the data's: who it is, how it numbers
// its changes, its clock, how it signs in. The rest (pull_cursor,
// copy_role) comes with the new copy.
constexpr const char* kDeviceKeys[] = {
    "device_id",           "sync_device_id", "outbox_next_seq",    "hlc_last",           "sync_token",
    "sync_token_since_ms", "sync_operator",  "sync_operator_name", "sync_operator_role", "sync_last_success_ms",
};

Result<void> carry_refusals(Store& from, Store& to)
{
    Statement read(from.db(), "SELECT refused_at, seq, tbl, row_id, op, fields, member_id, code, message, field "
                              "FROM sync_refusal WHERE dismissed = 0 ORDER BY id");
    Statement write(to.db(), "INSERT INTO sync_refusal(refused_at, seq, tbl, row_id, op, fields, member_id, code, "
                             "message, field) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    Statement::Step step;
    while ((step = read.step()) == Statement::Step::row) {
        write.reset();
        write.bind_text(1, read.column_text(0));
        write.bind_int64(2, read.column_int64(1));
        write.bind_text(3, read.column_text(2));
        write.bind_blob(4, read.column_blob(3));
        write.bind_text(5, read.column_text(4));
        write.bind_text(6, read.column_text(5));
        if (read.column_is_null(6))
            write.bind_null(7);
        else
            write.bind_blob(7, read.column_blob(6));
        write.bind_text(8, read.column_text(7));
        write.bind_text(9, read.column_text(8));
        write.bind_text(10, read.column_text(9));
        if (Result<void> r = write.run(); !r)
            return r;
    }
    return step == Statement::Step::done ? Result<void>() : read.error();
}

} // namespace

Result<std::string> copy_view(Store& device)
{
    Result<std::string> view = read_meta(device, kCopyRoleKey);
    if (!view || !view->empty())
        return view;
    Result<std::string> cursor = read_meta(device, "pull_cursor");
    if (!cursor)
        return cursor.error();
    return cursor->empty() ? std::string() : std::string(role_name(Role::office));
}

Result<bool> copy_needs_replacing(Store& device, const std::string& role)
{
    const std::optional<Role> now = parse_role(role);
    if (!now)
        return false; // a role this version does not know: keep what it has
    Result<std::string> view = copy_view(device);
    if (!view)
        return view.error();
    if (view->empty()) {
        if (Result<void> r = device.unobserved([&] { return write_meta(device, kCopyRoleKey, role); }); !r)
            return r.error();
        return false;
    }
    // Once due, a new copy stays due until one replaces this data (which
    // has no such key): the device acted by a role its copy was not cut for,
    // and may have written rows its copy's role may not read, so a role
    // changed back before the new copy came still needs one.
    Result<std::string> due = read_meta(device, kCopyDueKey);
    if (!due)
        return due.error();
    const std::optional<Role> made_for = parse_role(*view);
    if (made_for && same_view(*made_for, *now) && due->empty())
        return false;
    if (Result<void> r = device.unobserved([&] { return write_meta(device, kCopyDueKey, "1"); }); !r)
        return r.error();
    return true;
}

Result<std::vector<uint8_t>> adopt_server_copy(Store& device, const std::vector<uint8_t>& snapshot)
{
    Statement waiting(device.db(), "SELECT count(*) FROM outbox");
    if (waiting.step() != Statement::Step::row)
        return waiting.error();
    if (waiting.column_int64(0) != 0)
        return fail("sync.copy_busy", "This device has changes to send before it takes a new copy.");
    Result<std::unique_ptr<Store>> opened = Store::open_bytes(snapshot);
    if (!opened)
        return opened.error();
    Store& copy = **opened;
    Result<void> made = copy.transaction([&]() -> Result<void> {
        for (const char* key : kDeviceKeys) {
            Result<std::string> value = read_meta(device, key);
            if (!value)
                return value.error();
            if (Result<void> r = write_meta(copy, key, *value); !r)
                return r;
        }
        // The device acts by the role the copy was cut for: the operator's
        // role may have changed again between the request and the answer,
        // and the device would write what the copy's role may not (the next
        // pull tells it the new role, and a copy for it follows).
        Result<std::string> cut_for = read_meta(copy, kCopyRoleKey);
        if (!cut_for)
            return cut_for.error();
        if (!cut_for->empty())
            if (Result<void> r = write_meta(copy, "sync_operator_role", *cut_for); !r)
                return r;
        return carry_refusals(device, copy);
    });
    if (!made)
        return made.error();
    std::vector<uint8_t> bytes = copy.serialize();
    if (bytes.empty())
        return fail("db.serialize_failed", "The new copy could not be written.");
    return bytes;
}

Result<std::vector<uint8_t>> erased_copy(const std::string& why)
{
    Result<std::unique_ptr<Store>> opened = Store::open_memory();
    if (!opened)
        return opened.error();
    Store& empty = **opened;
    if (Result<void> r = empty.transaction([&] { return write_meta(empty, kErasedReasonKey, why); }); !r)
        return r.error();
    std::vector<uint8_t> bytes = empty.serialize();
    if (bytes.empty())
        return fail("db.serialize_failed", "The erased copy could not be written.");
    return bytes;
}

namespace {

// The unread refusals of changes about an erased person hold their values.
Result<void> forget_refusals(Store& device, const Erasure& erased, const std::string& member)
{
    Statement refusals(device.db(), "DELETE FROM sync_refusal WHERE member_id = ?1 OR row_id = ?1");
    std::vector<std::string> ids = {member};
    for (const ErasedRow& row : erased.removed)
        ids.push_back(row.id);
    for (const std::string& id : ids) {
        refusals.reset();
        refusals.bind_uuid(1, id);
        if (Result<void> r = refusals.run(); !r)
            return r;
    }
    return {};
}

// A device that never sent anything (not enrolled: its outbox is numbered
// again at enrolment) keeps in its outbox nothing of an erased person:
// changes to the rows the erasure removed go, those to the rows it emptied
// keep only the emptied values (the server will need the rows the money
// points at, not the person). An enrolled device leaves its numbered outbox
// alone: the server refuses what it sends about the person, and the device
// rewrites its storage once it is sent (SyncEngine::note_local_erasure).
Result<void> forget_in_outbox(Store& device, const Erasure& erased)
{
    Statement drop(device.db(), "DELETE FROM outbox WHERE row_id = ?1");
    for (const ErasedRow& row : erased.removed) {
        drop.reset();
        drop.bind_uuid(1, row.id);
        if (Result<void> r = drop.run(); !r)
            return r;
    }
    // Numbered again without gaps (the server takes a device's changes in
    // unbroken order), through negative numbers so no two rows meet.
    if (Result<void> r = device.exec(
            "CREATE TEMP TABLE outbox_order AS SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM outbox;"
            "UPDATE outbox SET seq = -seq;"
            "UPDATE outbox SET seq = (SELECT n FROM outbox_order WHERE outbox_order.seq = -outbox.seq);"
            "DROP TABLE outbox_order;");
        !r)
        return r;
    Statement next(device.db(), "SELECT ifnull(max(seq), 0) + 1 FROM outbox");
    next.step();
    if (Result<void> r = write_meta(device, "outbox_next_seq", std::to_string(next.column_int64(0))); !r)
        return r;
    Statement read(device.db(), "SELECT seq, fields FROM outbox WHERE tbl = ?1 AND row_id = ?2");
    Statement write(device.db(), "UPDATE outbox SET fields = ?2 WHERE seq = ?1");
    for (const ErasedRow& row : erased.emptied) {
        read.reset();
        read.bind_text(1, row.table);
        read.bind_uuid(2, row.id);
        while (read.step() == Statement::Step::row) {
            json fields = json::parse(read.column_text(1), nullptr, false);
            if (!fields.is_object())
                continue;
            erase_fields(row.table, fields);
            write.reset();
            write.bind_int64(1, read.column_int64(0));
            write.bind_text(2, fields.dump(-1, ' ', false, json::error_handler_t::replace));
            if (Result<void> r = write.run(); !r)
                return r;
        }
    }
    return {};
}

} // namespace

Result<Erasure> erase_member_here(Store& device, const std::string& member_id, const std::string& operator_name)
{
    Erasure erased;
    Result<void> done = device.transaction([&]() -> Result<void> {
        Result<Erasure> made = erase_member(device, member_id, operator_name);
        if (!made)
            return made.error();
        erased = std::move(*made);
        if (Result<void> r = forget_refusals(device, erased, member_id); !r)
            return r;
        Result<std::string> token = read_meta(device, "sync_token");
        if (!token)
            return token.error();
        return token->empty() ? forget_in_outbox(device, erased) : Result<void>();
    });
    if (!done)
        return done.error();
    return erased;
}

Result<size_t> erase_members_here(Store& device, const std::vector<std::string>& member_ids,
                                  const std::string& operator_name)
{
    size_t count = 0;
    Result<void> done = device.transaction([&]() -> Result<void> {
        for (const std::string& member : member_ids) {
            Result<Erasure> erased = erase_member_here(device, member, operator_name);
            if (erased)
                ++count;
            else if (erased.error().code != "member.erased") // erased meanwhile: nothing left to do
                return erased.error();
        }
        return {};
    });
    if (!done)
        return done.error();
    return count;
}

Result<bool> apply_pulled_erasures(Store& device)
{
    Result<std::vector<std::string>> members = erasures_to_apply(device);
    if (!members)
        return members.error();
    for (const std::string& member : *members) {
        Result<void> done = device.unobserved([&] {
            return device.transaction([&]() -> Result<void> {
                Result<Erasure> erased = apply_member_erasure(device, member);
                if (!erased)
                    return erased.error();
                return forget_refusals(device, *erased, member);
            });
        });
        if (!done)
            return done.error();
    }
    return !members->empty();
}

Result<std::string> erased_reason(Store& store)
{
    return read_meta(store, kErasedReasonKey);
}

} // namespace obole::sync
