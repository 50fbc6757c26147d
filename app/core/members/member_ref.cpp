#include "core/members/member_ref.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

Result<int64_t> live_member_ref(Store& store, const std::string& member_id)
{
    Statement member(store.db(), "SELECT ref FROM member WHERE id = ?1 AND deleted = 0");
    member.bind_uuid(1, member_id);
    if (member.step() != Statement::Step::row) {
        if (Result<void> done = member.finished(); !done)
            return done.error();
        return fail("member.not_found", "This member does not exist.");
    }
    return member.column_int64(0);
}

} // namespace obole
