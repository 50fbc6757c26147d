#include "server/admin_journal.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::server {

Result<void> ensure_admin_journal(Store& store)
{
    return store.exec("CREATE TABLE IF NOT EXISTS server.admin_journal("
                      "  id     INTEGER PRIMARY KEY,"
                      "  at     INTEGER NOT NULL,"
                      "  actor  TEXT NOT NULL,"
                      "  action TEXT NOT NULL,"
                      "  detail TEXT NOT NULL)");
}

Result<void> record_admin_action(Store& store, const AdminAction& a)
{
    Statement insert(store.db(), "INSERT INTO server.admin_journal(at, actor, action, detail) VALUES(?1, ?2, ?3, ?4)");
    insert.bind_int64(1, a.at_ms);
    insert.bind_text(2, a.actor);
    insert.bind_text(3, a.action);
    insert.bind_text(4, a.detail);
    return insert.run();
}

Result<std::vector<AdminAction>> admin_actions(Store& store, int limit)
{
    std::vector<AdminAction> out;
    Statement select(store.db(),
                     "SELECT at, actor, action, detail FROM server.admin_journal ORDER BY id DESC LIMIT ?1");
    select.bind_int64(1, limit);
    for (;;) {
        const Statement::Step step = select.step();
        if (step == Statement::Step::error)
            return select.error();
        if (step != Statement::Step::row)
            return out;
        out.push_back({select.column_int64(0), select.column_text(1), select.column_text(2), select.column_text(3)});
    }
}

} // namespace obole::server
