// Which columns tie a row to a member, read from the schema itself (each
// foreign key to member(ref)), so that a table added later follows a merge
// without anyone remembering to list it (core/members/member_merge.h).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct MemberLink {
    std::string table, column;
};

// Every column holding a member's ref whose rows move to the survivor of a
// merge, in table order. Not the few that must not move (member_links.cpp
// says which and why). Each table listed has an `id` column naming its rows.
Result<std::vector<MemberLink>> member_links(Store& store);

// Whether table.column is one of those.
bool follows_merges(const std::vector<MemberLink>& links, const std::string& table, const std::string& column);

} // namespace obole
