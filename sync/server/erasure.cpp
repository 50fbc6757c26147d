#include "server/erasure.h"

#include <algorithm>

#include "core/calendar/date.h"
#include "core/members/member_merge.h"
#include "core/privacy/member_erasure.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "protocol/access.h"
#include "protocol/codec.h"
#include "protocol/sync_tables.h"
#include "protocol/value_check.h"
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
    Result<bool> numbered = number.next();
    if (!numbered)
        return numbered.error();
    const std::string no = *numbered ? std::to_string(number.column_int64(0)) : "?";
    return record_admin_action(store, {unix_now_ms(), by, "member.erase", "member No. " + no});
}

namespace {

// The member a change is about, "" when none: the member row itself, the
// member a new row names, or the member of the row an update changes. A
// failed read is an error: "" would let a change about an erased person in.
Result<std::string> member_of(Store& store, const sync::Change& c)
{
    if (c.table == "member")
        return c.row;
    const sync::SyncTable& table = *sync::find_sync_table(c.table);
    const sync::SyncField* field = table.field("member_id");
    if (!field)
        return std::string();
    if (auto named = c.fields.find("member_id"); named != c.fields.end() && named->is_string())
        return named->get<std::string>();
    if (c.op == sync::Op::insert || field->type != sync::FieldType::member)
        return std::string();
    Statement select(store.db(), (std::string("SELECT m.id FROM ") + table.name +
                                  " t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1")
                                     .c_str());
    select.bind_uuid(1, c.row);
    Result<bool> found = select.next();
    if (!found)
        return found.error();
    return *found ? select.column_uuid(0) : std::string();
}

} // namespace

std::vector<std::string> erased_by(const sync::PushRequest& request, sync::Role role, uint64_t after_seq)
{
    std::vector<std::string> people;
    for (const sync::OutboxChange& c : request.changes) {
        const sync::Change& e = c.change;
        if (c.seq <= after_seq || e.table != "member_erasure" || e.op != sync::Op::insert || !sync::check_change(e) ||
            !sync::check_write(role, e))
            continue;
        if (auto named = e.fields.find("member_id"); named != e.fields.end() && named->is_string())
            people.push_back(named->get<std::string>());
    }
    return people;
}

Result<void> admit_values(Store& store, sync::Change& change, const std::vector<std::string>& erased_by_push)
{
    if (change.table == "member_erasure") // a second administrator's erasure of the same person changes nothing
        return sync::check_values(change);
    // A record merged into a person erased would give her its rows and
    // notes again (the server joins the memos): a device that had not heard
    // of the erasure merged into her.
    if (change.table == "member")
        if (auto into = change.fields.find("merged_into_id"); into != change.fields.end() && into->is_string()) {
            const std::string target = into->get<std::string>();
            Result<std::string> survivor = surviving_id(store, target);
            if (!survivor)
                return survivor.error();
            Result<bool> target_erased = is_erased(store, target);
            if (!target_erased)
                return target_erased.error();
            Result<bool> survivor_erased = is_erased(store, *survivor);
            if (!survivor_erased)
                return survivor_erased.error();
            if (*target_erased || *survivor_erased)
                return fail("member.erased",
                            "This person was erased at their request: nothing more is recorded about them.");
        }
    Result<std::string> about = member_of(store, change);
    if (!about)
        return about.error();
    const std::string& member = *about;
    Result<bool> erased = member.empty() ? Result<bool>(false) : is_erased(store, member);
    if (!erased)
        return erased.error();
    const bool erased_here = *erased;
    const bool erased_next =
        !member.empty() && std::find(erased_by_push.begin(), erased_by_push.end(), member) != erased_by_push.end();
    if (!erased_here && !erased_next)
        return sync::check_values(change);
    // Once she is erased, nothing more is recorded about her: no edit of
    // her, no new phone, no document. Rows ahead of the erasure in the same
    // push pass: it removes them, and scrubs them from the log.
    if (erased_here && (change.table == "member" || erasure_removes(change.table)))
        return fail("member.erased", "This person was erased at their request: nothing more is recorded about them.");
    // Her money stays, as the erasure keeps it. What the erasure empties is
    // not checked: the device sends it emptied, and a masked IBAN is no IBAN.
    sync::Change kept = change;
    for (auto f = change.fields.begin(); f != change.fields.end(); ++f)
        if (erasure_changes(change.table, f.key()))
            kept.fields.erase(f.key());
    if (Result<void> r = sync::check_values(kept); !r)
        return r;
    erase_fields(change.table, change.fields);
    return {};
}

} // namespace obole::server
