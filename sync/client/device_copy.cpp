#include "client/device_copy.h"

#include "client/outbox.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "protocol/access.h"

namespace obole::sync {

namespace {

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

std::string copy_view(Store& device)
{
    const std::string view = read_meta(device, kCopyRoleKey);
    if (!view.empty())
        return view;
    return read_meta(device, "pull_cursor").empty() ? "" : role_name(Role::office);
}

Result<bool> copy_needs_replacing(Store& device, const std::string& role)
{
    const std::optional<Role> now = parse_role(role);
    if (!now)
        return false; // a role this version does not know: keep what it has
    const std::string view = copy_view(device);
    if (view.empty()) {
        if (Result<void> r = device.unobserved([&] { return write_meta(device, kCopyRoleKey, role); }); !r)
            return r.error();
        return false;
    }
    const std::optional<Role> made_for = parse_role(view);
    return !made_for || !same_view(*made_for, *now);
}

Result<std::vector<uint8_t>> adopt_server_copy(Store& device, const std::vector<uint8_t>& snapshot)
{
    Statement waiting(device.db(), "SELECT count(*) FROM outbox");
    if (waiting.step() != Statement::Step::row || waiting.column_int64(0) != 0)
        return fail("sync.copy_busy", "This device has changes to send before it takes a new copy.");
    Result<std::unique_ptr<Store>> opened = Store::open_bytes(snapshot);
    if (!opened)
        return opened.error();
    Store& copy = **opened;
    Result<void> made = copy.transaction([&]() -> Result<void> {
        for (const char* key : kDeviceKeys)
            if (Result<void> r = write_meta(copy, key, read_meta(device, key)); !r)
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

std::string erased_reason(Store& store)
{
    return read_meta(store, kErasedReasonKey);
}

} // namespace obole::sync
