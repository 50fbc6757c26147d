#include "core/sepa/call_list.h"

#include <cstdio>

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// Every settled collection (not waiting, not cancelled), newest first per member.
const char kSettledSql[] =
    "SELECT m.id, m.member_no, trim(m.first_name || ' ' || m.last_name), k.status, k.reject_reason, "
    "k.collection_date FROM sepa_collection k JOIN member m ON m.ref = k.member_ref "
    "WHERE k.status IN ('collected','failed','rejected') %s "
    "ORDER BY m.member_no, k.collection_date DESC, k.id DESC";

Result<std::vector<DonorToCall>> streaks(Store& store, const std::string& member_id)
{
    char sql[512];
    std::snprintf(sql, sizeof sql, kSettledSql, member_id.empty() ? "" : "AND m.id = ?1");
    Statement select(store.db(), sql);
    if (!member_id.empty())
        select.bind_uuid(1, member_id);
    std::vector<DonorToCall> out;
    bool streak_over = false;
    while (select.step() == Statement::Step::row) {
        const std::string id = select.column_uuid(0);
        if (out.empty() || out.back().member_id != id) {
            out.push_back({id, select.column_text(2), "", "", select.column_int64(1), 0});
            streak_over = false;
        }
        DonorToCall& d = out.back();
        if (streak_over)
            continue;
        if (select.column_text(3) == "collected") {
            streak_over = true;
            continue;
        }
        if (d.failures++ == 0) {
            d.last_reason = select.column_text(4);
            d.last_date = select.column_text(5);
        }
    }
    if (Result<void> read = select.finished(); !read)
        return read.error();
    return out;
}

} // namespace

Result<std::vector<DonorToCall>> donors_to_call(Store& store, int failures_before_call)
{
    Result<std::vector<DonorToCall>> all = streaks(store, "");
    if (!all)
        return all;
    std::vector<DonorToCall> out;
    for (DonorToCall& d : *all)
        if (d.failures >= failures_before_call)
            out.push_back(std::move(d));
    return out;
}

Result<int> failures_in_a_row(Store& store, const std::string& member_id)
{
    Result<std::vector<DonorToCall>> one = streaks(store, member_id);
    if (!one)
        return one.error();
    return one->empty() ? 0 : one->front().failures;
}

} // namespace obole
