#include <gtest/gtest.h>

#include "server/permissions.h"

using namespace obole;
using namespace obole::server;

namespace {

sync::Change change(const char* table, sync::Op op, sync::json fields = sync::json::object())
{
    sync::Change c;
    c.table = table;
    c.row = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    c.op = op;
    c.fields = std::move(fields);
    return c;
}

} // namespace

TEST(Permissions, VolunteerMayAddARelationButNotDeleteIt)
{
    EXPECT_TRUE(check_permission(Role::volunteer, change("relation", sync::Op::insert)).ok());
    Result<void> removed = check_permission(Role::volunteer, change("relation", sync::Op::update, {{"deleted", 1}}));
    ASSERT_FALSE(removed.ok());
    EXPECT_EQ(removed.error().code, "auth.forbidden");
    EXPECT_TRUE(check_permission(Role::staff, change("relation", sync::Op::update, {{"deleted", 1}})).ok());
}

TEST(Permissions, VolunteerMayEditContactDetailsAndMarkAnEmailUnusable)
{
    EXPECT_TRUE(check_permission(Role::volunteer, change("phone", sync::Op::insert)).ok());
    EXPECT_TRUE(check_permission(Role::volunteer, change("email", sync::Op::update, {{"usable", 0}})).ok());
    EXPECT_TRUE(check_permission(Role::volunteer, change("address", sync::Op::update, {{"city", "Lyon"}})).ok());
    EXPECT_TRUE(check_permission(Role::volunteer, change("member", sync::Op::update, {{"internal_score", 40}})).ok());
    EXPECT_FALSE(check_permission(Role::volunteer, change("phone", sync::Op::update, {{"deleted", 1}})).ok());
}
