#include "server/role_copy.h"

#include <algorithm>

#include "core/search/segmentation.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "protocol/sync_tables.h"

namespace obole::server {

using sync::Role;
using sync::View;

void filter_for_role(Role role, sync::PullResponse& page)
{
    if (sync::is_office(role))
        return;
    auto unread = [role](const sync::LoggedChange& c) { return !sync::reads_table(role, c.change.table); };
    page.changes.erase(std::remove_if(page.changes.begin(), page.changes.end(), unread), page.changes.end());
    for (sync::LoggedChange& logged : page.changes)
        for (auto f = logged.change.fields.begin(); f != logged.change.fields.end(); ++f)
            *f = sync::value_for(role, logged.change.table, f.key(), *f);
}

namespace {

Result<void> delete_unread_tables(Store& copy, Role role)
{
    for (const sync::SyncTable& t : sync::sync_tables()) {
        if (sync::reads_table(role, t.name))
            continue;
        const std::string sql = std::string("DELETE FROM ") + t.name;
        if (Result<void> r = copy.exec(sql.c_str()); !r)
            return r;
    }
    // Derived from gifts: without them, nothing (core/money/gift_now.h).
    if (!sync::reads_table(role, "gift"))
        return copy.exec("DELETE FROM gift_now");
    return {};
}

Result<void> rewrite_field(Store& copy, Role role, const sync::SyncTable& t, const sync::SyncField& f)
{
    const std::string table = t.name, column = f.column;
    Statement select(copy.db(), ("SELECT id, " + column + " FROM " + table).c_str());
    Statement update(copy.db(), ("UPDATE " + table + " SET " + column + " = ?2 WHERE id = ?1").c_str());
    Statement::Step step;
    while ((step = select.step()) == Statement::Step::row) {
        update.reset();
        update.bind_blob(1, select.column_blob(0));
        const sync::json v = sync::value_for(role, t.name, f.wire, select.column_text(1));
        if (f.type == sync::FieldType::blob)
            update.bind_blob(2, v.get<std::string>());
        else
            update.bind_text(2, v.get<std::string>());
        if (Result<void> r = update.run(); !r)
            return r;
    }
    return step == Statement::Step::done ? Result<void>() : select.error();
}

Result<void> hide_fields(Store& copy, Role role)
{
    for (const sync::SyncTable& t : sync::sync_tables()) {
        if (!sync::reads_table(role, t.name))
            continue;
        for (const sync::SyncField& f : t.fields)
            if (sync::field_view(role, t.name, f.wire) != View::full)
                if (Result<void> r = rewrite_field(copy, role, t, f); !r)
                    return r;
    }
    return {};
}

Result<void> mark_copy(Store& copy, Role role)
{
    Statement mark(copy.db(), "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    mark.bind_text(1, sync::kCopyRoleKey);
    mark.bind_text(2, sync::role_name(role));
    return mark.run();
}

} // namespace

Result<std::vector<uint8_t>> copy_for_role(std::vector<uint8_t> full, Role role, const std::string& today)
{
    if (sync::is_office(role))
        return full;
    Result<std::unique_ptr<Store>> opened = Store::open_bytes(full);
    full.clear();
    full.shrink_to_fit();
    if (!opened)
        return opened.error();
    Store& copy = **opened;
    Result<void> cut = copy.transaction([&]() -> Result<void> {
        // Rows of a table it reads may name rows of one it does not only
        // through derived tables, cleared too: the end state is consistent.
        if (Result<void> r = copy.exec("PRAGMA defer_foreign_keys = ON"); !r)
            return r;
        if (Result<void> r = delete_unread_tables(copy, role); !r)
            return r;
        if (Result<void> r = hide_fields(copy, role); !r)
            return r;
        if (Result<void> r = refresh_all_segments(copy, today); !r)
            return r;
        return mark_copy(copy, role);
    });
    if (!cut)
        return cut.error();
    // Deleted rows and overwritten values stay in free pages and cells until
    // the database is written anew.
    if (Result<void> r = copy.exec("VACUUM"); !r)
        return r.error();
    std::vector<uint8_t> bytes = copy.serialize();
    if (bytes.empty())
        return fail("snapshot.failed", "The database could not be serialised.");
    return bytes;
}

} // namespace obole::server
