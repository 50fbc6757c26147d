#include "core/store/journal.h"

#include "core/calendar/date.h"
#include "core/store/erased_member.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

Result<void> Journal::append(const std::string& member_id, const std::string& action, const std::string& detail,
                             const std::string& operator_name)
{
    // Nothing more is recorded about a person erased at their request (the
    // server refuses it, and the entry would stay on this device alone): a
    // correction of a gift she made, an unmerge of a record merged into her.
    if (!member_id.empty()) {
        Result<bool> erased = is_erased(store_, member_id);
        if (!erased)
            return erased.error();
        if (*erased)
            return {};
    }
    Statement insert(store_.db(), "INSERT INTO journal(id, at, operator, member_id, action, detail) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind_uuid(1, new_uuid_v7());
    insert.bind_text(2, store_.now_iso());
    insert.bind_text(3, operator_name);
    insert.bind_uuid(4, member_id); // NULL for "" (no member)
    insert.bind_text(5, action);
    insert.bind_text(6, detail);
    return insert.run();
}

Result<std::vector<JournalEntry>> Journal::list_for_member(const std::string& member_id, int limit)
{
    // Ids are UUIDv7: they order rows made within the same millisecond.
    // A member's entries and those of every record merged into it: entries
    // stay with the member they were written about, on every copy, so an
    // unmerge has nothing to put back (core/members/member_merge.h).
    Statement select(store_.db(),
                     "WITH RECURSIVE merged(ref) AS (SELECT ref FROM member WHERE id = ?1 "
                     "UNION SELECT m.ref FROM member m JOIN merged ON m.merged_into_ref = merged.ref) "
                     "SELECT id, at, operator, member_id, action, detail FROM journal WHERE member_id = ?1 "
                     "OR member_id IN (SELECT id FROM member WHERE ref IN merged) "
                     "ORDER BY at DESC, id DESC LIMIT ?2");
    select.bind_uuid(1, member_id);
    select.bind_int64(2, limit);
    return select.rows([](Statement& s) {
        return JournalEntry{s.column_uuid(0), s.column_text(1), s.column_text(2),
                            s.column_uuid(3), s.column_text(4), s.column_text(5)};
    });
}

Result<int64_t> Journal::count()
{
    Statement select(store_.db(), "SELECT count(*) FROM journal");
    return select.single_int64();
}

} // namespace obole
