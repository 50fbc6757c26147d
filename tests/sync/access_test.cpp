#include <gtest/gtest.h>

#include "protocol/access.h"
#include "protocol/sync_tables.h"

using namespace obole;
using namespace obole::sync;

namespace {

Change change(const char* table, Op op, json fields = json::object())
{
    Change c;
    c.table = table;
    c.row = "01900000-0000-7000-8000-000000000001";
    c.op = op;
    c.fields = std::move(fields);
    return c;
}

} // namespace

TEST(Access, VolunteersSignPeopleUpButOnlyStaffChangesTheFinancialRecords)
{
    for (const char* table : {"membership", "purchase_order", "sepa_mandate", "card_recurring"}) {
        EXPECT_TRUE(check_write(Role::volunteer, change(table, Op::insert))) << table;
        Result<void> update = check_write(Role::volunteer, change(table, Op::update, {{"status", "revoked"}}));
        ASSERT_FALSE(update) << table;
        EXPECT_EQ(update.error().code, "auth.forbidden");
        for (Role role : {Role::office, Role::admin})
            EXPECT_TRUE(check_write(role, change(table, Op::update, {{"status", "revoked"}}))) << table;
    }
    // Collections come from the bank's files, not from a volunteer.
    EXPECT_FALSE(check_write(Role::volunteer, change("sepa_collection", Op::insert)));
}

TEST(Access, VolunteerMayAddARelationButNotDeleteIt)
{
    EXPECT_TRUE(check_write(Role::volunteer, change("relation", Op::insert)).ok());
    Result<void> removed = check_write(Role::volunteer, change("relation", Op::update, {{"deleted", 1}}));
    ASSERT_FALSE(removed.ok());
    EXPECT_EQ(removed.error().code, "auth.forbidden");
    EXPECT_TRUE(check_write(Role::office, change("relation", Op::update, {{"deleted", 1}})).ok());
}

TEST(Access, VolunteerMayEditContactDetailsAndMarkAnEmailUnusable)
{
    EXPECT_TRUE(check_write(Role::volunteer, change("phone", Op::insert)).ok());
    EXPECT_TRUE(check_write(Role::volunteer, change("email", Op::update, {{"usable", 0}})).ok());
    EXPECT_TRUE(check_write(Role::volunteer, change("address", Op::update, {{"city", "Lyon"}})).ok());
    EXPECT_TRUE(check_write(Role::volunteer, change("member", Op::update, {{"internal_score", 40}})).ok());
    EXPECT_FALSE(check_write(Role::volunteer, change("phone", Op::update, {{"deleted", 1}})).ok());
}

TEST(Access, FundraisersSignUpInTheStreetAndTouchNoMoney)
{
    for (const char* table :
         {"member", "address", "phone", "email", "sepa_mandate", "consent", "field_signup", "journal"})
        EXPECT_TRUE(check_write(Role::fundraiser, change(table, Op::insert))) << table;
    for (const char* table : {"gift", "gift_batch", "event_registration", "membership", "document", "tax_receipt"})
        EXPECT_FALSE(check_write(Role::fundraiser, change(table, Op::insert))) << table;
    EXPECT_TRUE(check_write(Role::fundraiser, change("phone", Op::update, {{"number", "0612345678"}})));
    EXPECT_FALSE(check_write(Role::fundraiser, change("sepa_mandate", Op::update, {{"status", "revoked"}})));
    Result<void> unlock = check_write(Role::fundraiser, change("member", Op::update, {{"field_locked", 0}}));
    ASSERT_FALSE(unlock);
    EXPECT_EQ(unlock.error().message, "Only the office can unlock a record signed up in the street.");
}

TEST(Access, OfficeAndAdminsChangeEverything)
{
    for (Role role : {Role::office, Role::admin}) {
        EXPECT_TRUE(check_write(role, change("member", Op::update, {{"merged_into_id", "x"}, {"deleted", 1}})));
        EXPECT_TRUE(check_write(role, change("gift_correction", Op::insert)));
        EXPECT_TRUE(check_write(role, change("email_activity", Op::insert)));
    }
}

TEST(Access, VolunteersAndFundraisersSeeMaskedIbansNoDocumentContentNoEmailActivity)
{
    const json iban = "FR7630006000011234567890189";
    for (Role role : {Role::volunteer, Role::fundraiser}) {
        EXPECT_EQ(field_view(role, "sepa_mandate", "iban"), View::masked);
        EXPECT_EQ(value_for(role, "sepa_mandate", "iban", iban), "FR76*******************0189");
        EXPECT_EQ(field_view(role, "document", "content"), View::withheld);
        EXPECT_EQ(value_for(role, "document", "content", "aGVsbG8="), "");
        EXPECT_FALSE(reads_table(role, "email_activity"));
        EXPECT_EQ(value_for(role, "sepa_mandate", "holder", "Anne Martin"), "Anne Martin");
    }
    for (Role role : {Role::office, Role::admin}) {
        EXPECT_EQ(value_for(role, "sepa_mandate", "iban", iban), iban);
        EXPECT_TRUE(reads_table(role, "email_activity"));
    }
    EXPECT_FALSE(reads_table(Role::fundraiser, "gift"));
    EXPECT_TRUE(reads_table(Role::volunteer, "gift"));
}

// A row that arrives must not point at a row its device can never receive:
// every row field of a table a role reads names a table it reads.
TEST(Access, WhatARoleReadsIsClosedUnderReferences)
{
    for (Role role : {Role::admin, Role::office, Role::volunteer, Role::fundraiser})
        for (const SyncTable& t : sync_tables()) {
            if (!reads_table(role, t.name))
                continue;
            for (const SyncField& f : t.fields) {
                if (f.type == FieldType::row_uuid) {
                    EXPECT_TRUE(reads_table(role, f.value.arg))
                        << role_name(role) << " reads " << t.name << "." << f.wire << " but not " << f.value.arg;
                }
            }
        }
}

TEST(Access, OfficeAndAdminShareAViewOtherRolesHaveTheirOwn)
{
    EXPECT_TRUE(same_view(Role::office, Role::admin));
    EXPECT_FALSE(same_view(Role::office, Role::volunteer));
    EXPECT_FALSE(same_view(Role::volunteer, Role::fundraiser));
    EXPECT_TRUE(same_view(Role::fundraiser, Role::fundraiser));
    EXPECT_EQ(parse_role("staff"), Role::office);
    EXPECT_EQ(parse_role("fundraiser"), Role::fundraiser);
    EXPECT_FALSE(parse_role("root"));
}

TEST(Access, VolunteersAddBehaviourRowsAndMarkAttendanceOnly)
{
    for (const char* table : {"mobilisation", "event_registration", "document"})
        EXPECT_TRUE(check_write(Role::volunteer, change(table, Op::insert))) << table;
    EXPECT_TRUE(check_write(Role::volunteer, change("event_registration", Op::update, {{"attended", 1}})));
    EXPECT_FALSE(check_write(Role::volunteer, change("event_registration", Op::update, {{"guests", 3}})));
    EXPECT_FALSE(check_write(Role::volunteer, change("document", Op::update, {{"deleted", 1}})));
    EXPECT_FALSE(check_write(Role::volunteer, change("sponsorship", Op::insert)));
    EXPECT_FALSE(check_write(Role::volunteer, change("event", Op::insert)));
    EXPECT_TRUE(check_write(Role::office, change("sponsorship", Op::insert)));
}

// Issue 25: volunteers and fundraisers never run collections nor read them
// (a collection holds the file's copy of the holder and the account), and
// would see no donor's full IBAN in them.
TEST(Access, VolunteersAndFundraisersNeverRunCollections)
{
    for (const char* table : {"sepa_run", "sepa_collection"})
        for (Role role : {Role::volunteer, Role::fundraiser}) {
            EXPECT_FALSE(check_write(role, change(table, Op::insert))) << table;
            Result<void> cancel = check_write(role, change(table, Op::update, {{"status", "cancelled"}}));
            ASSERT_FALSE(cancel) << table;
            EXPECT_EQ(cancel.error().code, "auth.forbidden");
            for (Role office : {Role::office, Role::admin}) {
                EXPECT_TRUE(check_write(office, change(table, Op::insert))) << table;
                EXPECT_TRUE(check_write(office, change(table, Op::update, {{"status", "cancelled"}}))) << table;
            }
        }
    const json iban = "FR7630006000011234567890189";
    for (const char* field : {"iban", "amended_from_iban"})
        EXPECT_EQ(value_for(Role::volunteer, "sepa_collection", field, iban), "FR76*******************0189");
    EXPECT_EQ(value_for(Role::volunteer, "sepa_mandate", "amended_from_iban", iban), "FR76*******************0189");
    EXPECT_EQ(value_for(Role::office, "sepa_collection", "iban", iban), iban);
    for (Role role : {Role::volunteer, Role::fundraiser})
        for (const char* table : {"sepa_run", "sepa_collection"})
            EXPECT_FALSE(reads_table(role, table)) << role_name(role) << " reads " << table;
    EXPECT_TRUE(reads_table(Role::office, "sepa_run"));
}
