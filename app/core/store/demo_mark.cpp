#include "core/store/demo_mark.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {
constexpr const char* kKey = "demo_data";
}

Result<bool> is_demo_data(Store& store)
{
    Statement s(store.db(), "SELECT value FROM meta WHERE key = ?1");
    s.bind_text(1, kKey);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found && s.column_text(0) == "1";
}

Result<void> mark_demo_data(Store& store)
{
    Statement s(store.db(), "INSERT INTO meta(key, value) VALUES(?1, '1') "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind_text(1, kKey);
    return s.run();
}

} // namespace obole
