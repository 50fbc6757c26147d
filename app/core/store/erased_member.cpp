#include "core/store/erased_member.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

Result<bool> is_erased(Store& store, const std::string& member_id)
{
    Statement select(store.db(), "SELECT 1 FROM member_erasure e JOIN member m ON m.ref = e.member_ref "
                                 "WHERE m.id = ?1");
    select.bind_uuid(1, member_id);
    const bool erased = select.step() == Statement::Step::row;
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return erased;
}

} // namespace obole
