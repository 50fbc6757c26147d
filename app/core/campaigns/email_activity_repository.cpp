#include "core/campaigns/email_activity_repository.h"

#include <set>

#include "core/calendar/date.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

bool is_email_activity_kind(const std::string& kind)
{
    return kind == "sent" || kind == "open" || kind == "click" || kind == "bounce" || kind == "unsubscribe";
}

EmailSummary summarize_email_activity(const std::vector<EmailActivity>& rows)
{
    EmailSummary s;
    std::set<std::string> mailings, opened, clicked;
    for (const EmailActivity& a : rows) {
        if (a.at > s.last_at)
            s.last_at = a.at;
        if (a.kind == "bounce")
            ++s.bounces;
        if (a.kind == "unsubscribe")
            s.unsubscribed = true;
        if (a.kind == "sent" || a.kind == "open" || a.kind == "click")
            mailings.insert(a.mailing);
        if (a.kind == "open" || a.kind == "click")
            opened.insert(a.mailing);
        if (a.kind == "click")
            clicked.insert(a.mailing);
    }
    s.mailings = int(mailings.size());
    s.opened = int(opened.size());
    s.clicked = int(clicked.size());
    return s;
}

Result<std::vector<EmailActivity>> EmailActivityRepository::list_for_member(const std::string& member_id)
{
    std::vector<EmailActivity> out;
    Statement select(store_.db(), "SELECT a.id, a.at, a.kind, a.mailing, a.link FROM member m "
                                  "JOIN email_activity a ON a.member_ref = m.ref WHERE m.id = ?1 "
                                  "ORDER BY a.at DESC, a.id DESC");
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_uuid(0), member_id, select.column_text(1), select.column_text(2),
                       select.column_text(3), select.column_text(4)});
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<bool> EmailActivityRepository::insert_checked(int64_t member_ref, const EmailActivity& row)
{
    sqlite3* db = store_.db();
    Statement same(db, "SELECT 1 FROM email_activity WHERE member_ref = ?1 AND at = ?2 AND kind = ?3 "
                       "AND mailing = ?4 AND link = ?5");
    same.bind_int64(1, member_ref);
    same.bind_text(2, row.at);
    same.bind_text(3, row.kind);
    same.bind_text(4, row.mailing);
    same.bind_text(5, row.link);
    if (same.step() == Statement::Step::row)
        return false;
    if (Result<void> done = same.finished(); !done)
        return done.error();
    Statement insert(db, "INSERT INTO email_activity(id, member_ref, at, kind, mailing, link, created_at) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind_uuid(1, new_uuid_v7());
    insert.bind_int64(2, member_ref);
    insert.bind_text(3, row.at);
    insert.bind_text(4, row.kind);
    insert.bind_text(5, row.mailing);
    insert.bind_text(6, row.link);
    insert.bind_text(7, store_.now_iso());
    if (Result<void> r = insert.run(); !r)
        return r.error();
    return true;
}

} // namespace obole
