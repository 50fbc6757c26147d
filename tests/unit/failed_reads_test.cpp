// Reads whose failure once passed for an answer: a zero, "not erased", "its
// own survivor", a file of no members, a run of no one, the default setting.
// Each test takes away the table a read needs and checks the read says it
// failed. (The lists of the dossier: store_test.cpp.)
#include <gtest/gtest.h>

#include "core/field/field_day.h"
#include "core/import_export/member_export.h"
#include "core/members/duplicate_repository.h"
#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/receipts/organisation_settings.h"
#include "core/search/segmentation.h"
#include "core/sepa/collection_plan.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/erased_member.h"
#include "core/store/journal.h"
#include "core/store/setting_repository.h"
#include "core/store/store.h"

namespace obole {
namespace {

class FailedReads : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = Store::open_memory().value();
        NewMember m;
        m.first_name = "Hélène";
        m.last_name = "Martin";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }

    // The table is still there under another name: only the reads that
    // name it fail.
    void take_away(const std::string& table)
    {
        ASSERT_TRUE(store->exec(("ALTER TABLE " + table + " RENAME TO " + table + "_gone").c_str()).ok());
    }

    std::unique_ptr<Store> store;
    std::string member_id;
};

TEST_F(FailedReads, ACountThatCannotBeReadIsAnErrorNotZero)
{
    EXPECT_EQ(MemberRepository(*store).count().value(), 1);
    EXPECT_EQ(DuplicateRepository(*store).open_count().value(), 0);
    take_away("duplicate_candidate");
    Result<int64_t> pairs = DuplicateRepository(*store).open_count();
    ASSERT_FALSE(pairs.ok());
    EXPECT_EQ(pairs.error().code, "db.error");
    take_away("member");
    EXPECT_FALSE(MemberRepository(*store).count().ok());
}

// "Not erased" would let the journal write about a person erased.
TEST_F(FailedReads, WhetherAPersonWasErasedFailsAsAnError)
{
    EXPECT_FALSE(is_erased(*store, member_id).value());
    const int64_t entries = Journal(*store).count().value();
    take_away("member_erasure");
    ASSERT_FALSE(is_erased(*store, member_id).ok());
    EXPECT_FALSE(Journal(*store).append(member_id, "test.note", "", "alice").ok());
    EXPECT_EQ(Journal(*store).count().value(), entries);
}

// An unknown member is its own survivor; a member not read is not unknown.
TEST_F(FailedReads, TheSurvivorOfAMemberNotReadIsAnError)
{
    EXPECT_EQ(surviving_id(*store, member_id).value(), member_id);
    take_away("member");
    EXPECT_FALSE(surviving_id(*store, member_id).ok());
}

TEST_F(FailedReads, AnExportThatCannotReadItsMembersIsAnErrorNotAnEmptyFile)
{
    EXPECT_NE(members_csv(*store, {member_id}).value().find("Martin"), std::string::npos);
    take_away("member_segment");
    EXPECT_FALSE(members_csv(*store, {member_id}).ok());
    EXPECT_FALSE(member_segments(*store, member_id).ok());
}

// Without the settings, no default stands in for what the association set:
// no receipt header, no creditor, no date window, so no gift is saved.
TEST_F(FailedReads, SettingsNotReadAreAnErrorNotTheirDefaults)
{
    ASSERT_TRUE(SettingRepository(*store).set("earliest_date", "2000-01-01", "alice").ok());
    take_away("setting");
    EXPECT_FALSE(SettingRepository(*store).get("earliest_date", "1900-01-01").ok());
    EXPECT_FALSE(load_organisation(*store).ok());
    EXPECT_FALSE(load_creditor_settings(*store).ok());
    EXPECT_FALSE(major_threshold_cents(*store).ok());
    NewGift g;
    g.member_id = member_id;
    g.amount_text = "20";
    Result<std::string> added = GiftRepository(*store).add(g, "alice");
    ASSERT_FALSE(added.ok());
    EXPECT_EQ(added.error().code, "db.error");
}

TEST_F(FailedReads, ARunAndADayNotReadAreErrorsNotEmpty)
{
    CreditorSettings creditor;
    EXPECT_TRUE(plan_collections(*store, creditor, "2026-12-07").value().lines.empty());
    EXPECT_TRUE(field_day(*store, "fundraiser1", "2026-12-07").value().rows.empty());
    take_away("sepa_mandate");
    EXPECT_FALSE(plan_collections(*store, creditor, "2026-12-07").ok());
    take_away("field_signup");
    EXPECT_FALSE(field_day(*store, "fundraiser1", "2026-12-07").ok());
}

} // namespace
} // namespace obole
