// Relations between members (spouse, household, employer...). One row links
// two members and is shown on both dossiers: the row's kind says what the
// other member is to the first ("employer": the other is the first's
// employer); the second member sees the reverse kind ("employee").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace obole {

// Stable ids, stored as they are.
const std::vector<std::string_view>& relation_kinds();
bool is_relation_kind(std::string_view kind);
// employer <-> employee, parent <-> child; spouse, household, sibling,
// partner and other are their own reverse.
std::string_view reverse_relation_kind(std::string_view kind);

// A relation as one member's dossier shows it.
struct Relation {
    std::string id;
    std::string kind; // what the other member is to this one
    std::string other_id, other_name;
    int64_t other_member_no = 0;
    std::string since, note, created_at;
};

} // namespace obole
