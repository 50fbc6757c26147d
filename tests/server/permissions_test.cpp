#include <gtest/gtest.h>

#include "server/permissions.h"

using namespace obole;
using namespace obole::server;

namespace {

sync::Change change(const char* table, sync::Op op, sync::json fields = sync::json::object())
{
    sync::Change c;
    c.table = table;
    c.row = "01900000-0000-7000-8000-000000000001";
    c.op = op;
    c.fields = std::move(fields);
    return c;
}

} // namespace

TEST(Permissions, VolunteersSignPeopleUpButOnlyStaffChangesTheFinancialRecords)
{
    for (const char* table : {"membership", "purchase_order", "sepa_mandate", "card_recurring"}) {
        EXPECT_TRUE(check_permission(Role::volunteer, change(table, sync::Op::insert))) << table;
        Result<void> update =
            check_permission(Role::volunteer, change(table, sync::Op::update, {{"status", "revoked"}}));
        ASSERT_FALSE(update) << table;
        EXPECT_EQ(update.error().code, "auth.forbidden");
        for (Role role : {Role::staff, Role::admin})
            EXPECT_TRUE(check_permission(role, change(table, sync::Op::update, {{"status", "revoked"}}))) << table;
    }
    // Collections come from the bank's files, not from a volunteer.
    EXPECT_FALSE(check_permission(Role::volunteer, change("sepa_collection", sync::Op::insert)));
}

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

TEST(Permissions, VolunteersNeverRunCollections)
{
    for (const char* table : {"sepa_run", "sepa_collection"}) {
        EXPECT_FALSE(check_permission(Role::volunteer, change(table, sync::Op::insert))) << table;
        Result<void> cancel =
            check_permission(Role::volunteer, change(table, sync::Op::update, {{"status", "cancelled"}}));
        ASSERT_FALSE(cancel) << table;
        EXPECT_EQ(cancel.error().code, "auth.forbidden");
        for (Role role : {Role::staff, Role::admin}) {
            EXPECT_TRUE(check_permission(role, change(table, sync::Op::insert))) << table;
            EXPECT_TRUE(check_permission(role, change(table, sync::Op::update, {{"status", "cancelled"}}))) << table;
        }
    }
    // Nor change the creditor's settings (shared settings are staff's).
    EXPECT_FALSE(check_permission(Role::volunteer, change("setting", sync::Op::insert)));
}
