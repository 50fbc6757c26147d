#include "server/demo_guard.h"

#include "core/members/member_repository.h"
#include "core/store/demo_mark.h"
#include "server/auth.h"

namespace obole::server {

Result<void> check_demo_folder(Store& store, Auth& auth, const std::string& data_dir)
{
    Result<bool> demo = is_demo_data(store);
    if (!demo)
        return demo.error();
    if (*demo)
        return {};
    Result<int64_t> counted = MemberRepository(store).count();
    if (!counted)
        return counted.error();
    const int64_t members = *counted;
    Result<bool> has_operators = auth.has_operators();
    if (!has_operators)
        return has_operators.error();
    const bool operators = *has_operators;
    if (members == 0 && !operators)
        return {};
    std::string held = std::to_string(members) + (members == 1 ? " member" : " members");
    if (operators)
        held += " and operators";
    return fail("server.not_demo_data",
                "--demo refuses the data folder " + data_dir + ": it holds data that is not demo data (" + held +
                    "), which --demo would serve to anyone. Start without --demo to serve it, or give --demo "
                    "an empty folder (--data).");
}

} // namespace obole::server
