#include "server/permissions.h"

#include <set>
#include <string>

namespace obole::server {

namespace {

Error forbidden(const std::string& what)
{
    return fail("auth.forbidden", "This operator's role does not allow it: " + what + ".");
}

} // namespace

Result<void> check_permission(Role role, const sync::Change& c)
{
    if (role != Role::volunteer)
        return {};
    static const std::set<std::string> adds = {"member", "address", "phone", "email",
                                               "gift", "campaign_received", "journal"};
    static const std::set<std::string> edits = {"member", "address", "phone", "email", "text_conflict"};
    if (c.op == sync::Op::insert)
        return adds.count(c.table) ? Result<void>() : forbidden("adding to " + c.table);
    if (!edits.count(c.table))
        return forbidden("changing " + c.table);
    if (c.fields.contains("deleted"))
        return forbidden("deleting");
    if (c.fields.contains("merged_into_id"))
        return forbidden("merging members");
    return {};
}

} // namespace obole::server
