#include "server/erasure.h"

#include "core/calendar/date.h"
#include "core/privacy/member_erasure.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "protocol/sync_tables.h"
#include "server/admin_journal.h"
#include "server/change_log.h"

namespace obole::server {

Result<void> erase_on_server(Store& store, ChangeLog& log, const std::string& member_id, const std::string& by)
{
    Result<Erasure> erased = apply_member_erasure(store, member_id);
    if (!erased)
        return erased.error();
    if (Result<void> r = log.scrub(*erased); !r)
        return r;
    Statement number(store.db(), "SELECT member_no FROM member WHERE id = ?1");
    number.bind_uuid(1, member_id);
    const std::string no = number.step() == Statement::Step::row ? std::to_string(number.column_int64(0)) : "?";
    return record_admin_action(store, {unix_now_ms(), by, "member.erase", "member No. " + no});
}

namespace {

// The member a change is about, "" when none: the member row itself, the
// member a new row names, or the member of the row an update changes.
std::string member_of(Store& store, const sync::Change& c)
{
    if (c.table == "member")
        return c.row;
    const sync::SyncTable& table = *sync::find_sync_table(c.table);
    const sync::SyncField* field = table.field("member_id");
    if (!field)
        return "";
    if (auto named = c.fields.find("member_id"); named != c.fields.end() && named->is_string())
        return named->get<std::string>();
    if (c.op == sync::Op::insert || field->type != sync::FieldType::member)
        return "";
    Statement select(store.db(), (std::string("SELECT m.id FROM ") + table.name +
                                  " t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1")
                                     .c_str());
    select.bind_uuid(1, c.row);
    return select.step() == Statement::Step::row ? select.column_uuid(0) : "";
}

} // namespace

Result<void> refuse_if_erased(Store& store, const sync::Change& change)
{
    if (change.table == "member_erasure")
        return {}; // a second administrator's erasure of the same person changes nothing
    const std::string member = member_of(store, change);
    if (!member.empty() && is_erased(store, member))
        return fail("member.erased", "This person was erased at their request: nothing more is recorded about them.");
    return {};
}

} // namespace obole::server
