#include "core/members/relation.h"

namespace obole {

const std::vector<std::string_view>& relation_kinds()
{
    static const std::vector<std::string_view> kinds = {"spouse",  "partner",  "household", "parent", "child",
                                                        "sibling", "employer", "employee",  "other"};
    return kinds;
}

bool is_relation_kind(std::string_view kind)
{
    for (std::string_view k : relation_kinds())
        if (k == kind)
            return true;
    return false;
}

std::string_view reverse_relation_kind(std::string_view kind)
{
    if (kind == "employer")
        return "employee";
    if (kind == "employee")
        return "employer";
    if (kind == "parent")
        return "child";
    if (kind == "child")
        return "parent";
    return kind;
}

} // namespace obole
