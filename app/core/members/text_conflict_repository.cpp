#include "core/members/text_conflict_repository.h"

#include <cstdlib>

#include "core/calendar/date.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// The conflicting fields are the member's free-text columns; nothing else
// may be named in SQL from a stored value.
bool is_text_field(const std::string& field)
{
    return field == "notepad" || field == "memo_active" || field == "memo_misc" || field == "memo_bequest" ||
           field == "memo_portal";
}

// An HLC's wall time ("000001763900000000.00000.<device>") as
// "2026-11-23 14:05 UTC".
std::string time_of_clock(const std::string& hlc)
{
    const long long ms = std::atoll(hlc.substr(0, 15).c_str());
    if (ms <= 0)
        return {};
    std::string iso = iso_from_unix_ms(ms);
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

// The record a conflict is about: where it was recorded, before any merge
// moved it (its first recorded move, core/members/member_merge.h).
const char kAboutRef[] = "ifnull((SELECT mm.old_value FROM merge_move mm WHERE mm.tbl = 'text_conflict' AND "
                         "mm.row_id = c.id AND mm.col = 'member_ref' ORDER BY mm.seq LIMIT 1), c.member_ref)";

} // namespace

Result<std::vector<TextConflict>> TextConflictRepository::open_for_member(const std::string& member_id)
{
    std::vector<TextConflict> out;
    Statement s(store_.db(),
                (std::string("SELECT c.id, m.id, a.id, trim(a.first_name || ' ' || a.last_name), a.member_no, c.field, "
                             "CASE c.field WHEN 'notepad' THEN a.notepad WHEN 'memo_active' THEN a.memo_active "
                             "WHEN 'memo_misc' THEN a.memo_misc WHEN 'memo_bequest' THEN a.memo_bequest "
                             "ELSE a.memo_portal END, c.value, c.hlc FROM text_conflict c "
                             "JOIN member m ON m.ref = c.member_ref JOIN member a ON a.ref = ") +
                 kAboutRef + " WHERE m.id = ?1 AND c.resolved = 0 ORDER BY c.created_at, c.id")
                    .c_str());
    s.bind_uuid(1, member_id);
    while (s.step() == Statement::Step::row)
        out.push_back({s.column_uuid(0), s.column_uuid(1), s.column_uuid(2),
                       s.column_text(3) + " (No. " + std::to_string(s.column_int64(4)) + ")", s.column_text(5),
                       s.column_text(6), s.column_text(7), time_of_clock(s.column_text(8))});
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<int64_t> TextConflictRepository::open_count()
{
    Statement s(store_.db(), "SELECT count(*) FROM text_conflict WHERE resolved = 0");
    return s.single_int64();
}

Result<void> TextConflictRepository::resolve(const std::string& conflict_id, bool keep_other,
                                             const std::string& operator_name)
{
    // The other version was written for the record the conflict is about:
    // kept, it replaces that record's text, never the text of the member a
    // merge moved the conflict to (which it would wipe, and which would
    // then hold another record's words as its own).
    Statement find(store_.db(), (std::string("SELECT c.field, c.value, m.id FROM text_conflict c "
                                             "JOIN member m ON m.ref = ") +
                                 kAboutRef + " WHERE c.id = ?1 AND c.resolved = 0")
                                    .c_str());
    find.bind_uuid(1, conflict_id);
    if (find.step() != Statement::Step::row) {
        if (Result<void> done = find.finished(); !done)
            return done.error();
        return fail("conflict.not_found", "This conflict was already resolved.");
    }
    const std::string field = find.column_text(0), value = find.column_text(1), member = find.column_uuid(2);
    if (!is_text_field(field))
        return fail("conflict.not_found", "This conflict was already resolved.");
    return store_.transaction([&]() -> Result<void> {
        if (keep_other) {
            Statement set(store_.db(), ("UPDATE member SET " + field + " = ?1, updated_at = ?2 WHERE id = ?3").c_str());
            set.bind_text(1, value);
            set.bind_text(2, store_.now_iso());
            set.bind_uuid(3, member);
            if (Result<void> r = set.run(); !r)
                return r;
        }
        Statement close(store_.db(), "UPDATE text_conflict SET resolved = 1 WHERE id = ?1");
        close.bind_uuid(1, conflict_id);
        if (Result<void> r = close.run(); !r)
            return r;
        return Journal(store_).append(member, "conflict.resolve", field + (keep_other ? ": other version" : ": kept"),
                                      operator_name);
    });
}

} // namespace obole
