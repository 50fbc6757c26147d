#include "behaviour_fixture.h"

#include "core/calendar/date.h"
#include "core/members/consent_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/privacy/member_erasure.h"
#include "core/privacy/retention.h"
#include "core/store/setting_repository.h"

using namespace obole;

namespace {

class RetentionTest : public test::DossierRowsTest {
protected:
    void on(const char* iso) { store->set_clock(days_from_iso(iso) * kMsPerDay + 10 * 3'600'000); }
    std::string member(const char* last_name)
    {
        NewMember m;
        m.last_name = last_name;
        return MemberRepository(*store).create(m, "alice").value();
    }
    void gift(const std::string& id, const char* date)
    {
        NewGift g;
        g.member_id = id;
        g.amount_text = "20";
        g.date_text = date;
        ASSERT_TRUE(GiftRepository(*store).add(g, "alice"));
    }
    std::vector<std::string> listed(const char* today, int years)
    {
        Result<std::vector<InactiveMember>> found = inactive_members(*store, today, years);
        EXPECT_TRUE(found) << found.error().message;
        std::vector<std::string> names;
        for (const InactiveMember& m : found.value())
            names.push_back(m.name + " " + m.last_activity);
        return names;
    }
};

// Heard from: a gift, an order, a membership, an event, a consent, an open
// or a click, the entry. Never proposed: someone with something running.
TEST_F(RetentionTest, lists_those_not_heard_from_since_the_cutoff_oldest_first)
{
    on("2019-05-02");
    member("Entered");
    on("2020-03-01");
    const std::string old_donor = member("Old");
    gift(old_donor, "2020-03-01");
    const std::string recent_donor = member("Recent");
    const std::string mandate_holder = member("Mandate");
    NewSepaMandate mandate;
    mandate.member_id = mandate_holder;
    mandate.iban_text = "FR7630006000011234567890189";
    mandate.bic_text = "AGRIFRPP";
    mandate.holder = "Marc Mandate";
    mandate.signature_date_text = "2020-03-01";
    mandate.amount_text = "10";
    Result<std::string> signed_up = SepaMandateRepository(*store).add(mandate, "alice");
    ASSERT_TRUE(signed_up) << signed_up.error().message;
    const std::string consented = member("Consented");
    const std::string erased = member("Erased");
    on("2025-06-30");
    gift(recent_donor, "2025-06-30");
    NewConsent yes;
    yes.channel = ConsentChannel::email;
    yes.granted = true;
    yes.wording = "Yes to emails";
    ASSERT_TRUE(ConsentRepository(*store).record(consented, yes, "alice"));
    ASSERT_TRUE(erase_member(*store, erased, "alice"));
    on("2026-12-06");

    // The fixture's Hélène Dupont was entered on the real today: recent.
    const std::vector<std::string> expected = {"Entered 2019-05-02", "Old 2020-03-01"};
    EXPECT_EQ(listed("2026-12-06", 3), expected);
    EXPECT_EQ(listed("2026-12-06", 7), std::vector<std::string>{"Entered 2019-05-02"});
    EXPECT_TRUE(listed("2026-12-06", 8).empty());
}

TEST_F(RetentionTest, the_cutoff_is_whole_years_back_and_a_leap_day_becomes_the_28th)
{
    EXPECT_EQ(retention_cutoff("2026-12-06", 3).value(), "2023-12-06");
    EXPECT_EQ(retention_cutoff("2028-02-29", 1).value(), "2027-02-28");
    EXPECT_EQ(retention_cutoff("2026-12-06", 0).error().code, "retention.years");
    EXPECT_EQ(retention_cutoff("2026-12-06", kMaxRetentionYears + 1).error().code, "retention.years");
    EXPECT_EQ(inactive_members(*store, "2026-12-06", -2).error().code, "retention.years");
}

TEST_F(RetentionTest, the_years_are_the_associations_setting_three_by_default)
{
    EXPECT_EQ(retention_years(*store), kDefaultRetentionYears);
    ASSERT_TRUE(SettingRepository(*store).set(kRetentionYearsSetting, "5", "alice"));
    EXPECT_EQ(retention_years(*store), 5);
    ASSERT_TRUE(SettingRepository(*store).set(kRetentionYearsSetting, "five", "alice"));
    EXPECT_EQ(retention_years(*store), kDefaultRetentionYears);
}

} // namespace
