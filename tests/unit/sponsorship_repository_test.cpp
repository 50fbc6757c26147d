#include "behaviour_fixture.h"

#include "core/money/sponsorship_repository.h"

using namespace obole;

namespace {

class SponsorshipTest : public test::DossierRowsTest {
protected:
    NewSponsorship child(const char* name, const char* start = "2024-01-01", const char* monthly = "30")
    {
        return {member_id, name, "SN-1042", "sn", start, monthly};
    }
    void expect_rejected(const NewSponsorship& s, const char* code, const char* field)
    {
        const int64_t rows = count("sponsorship"), journal = Journal(*store).count().value();
        Result<std::string> r = SponsorshipRepository(*store).add(s, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(r.error().field, field);
        EXPECT_EQ(count("sponsorship"), rows);
        EXPECT_EQ(Journal(*store).count().value(), journal);
    }
};

TEST_F(SponsorshipTest, active_count_follows_adds_and_ends)
{
    SponsorshipRepository repo(*store);
    std::string awa = repo.add(child("Awa"), "alice").value();
    ASSERT_TRUE(repo.add(child("Moussa", "2025-02-01", "25,50"), "alice").ok());
    EXPECT_EQ(repo.count_active(member_id).value(), 2);
    ASSERT_TRUE(repo.end(awa, "2025-12-31", "alice").ok());
    EXPECT_EQ(last_action(), "sponsorship.end");
    EXPECT_EQ(repo.count_active(member_id).value(), 1);
    auto rows = repo.list_for_member(member_id).value();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].child_name, "Moussa"); // active first
    EXPECT_EQ(rows[0].monthly_cents, 2550);
    EXPECT_EQ(rows[0].country, "SN");
    EXPECT_FALSE(rows[1].active);
    EXPECT_EQ(rows[1].end_date, "2025-12-31");
}

TEST_F(SponsorshipTest, ending_is_checked)
{
    SponsorshipRepository repo(*store);
    std::string awa = repo.add(child("Awa", "2024-06-01"), "alice").value();
    EXPECT_EQ(repo.end(awa, "2024-05-31", "alice").error().code, "sponsorship.end_before_start");
    EXPECT_EQ(repo.end(awa, "2999-01-01", "alice").error().code, "date.in_future");
    EXPECT_EQ(repo.count_active(member_id).value(), 1);
    ASSERT_TRUE(repo.end(awa, "", "alice").ok());
    EXPECT_EQ(repo.end(awa, "", "alice").error().code, "sponsorship.already_ended");
    EXPECT_EQ(repo.end("0190a000-0000-7000-8000-000000000000", "", "alice").error().code, "sponsorship.not_found");
}

TEST_F(SponsorshipTest, bad_input_saves_nothing)
{
    expect_rejected(child(" "), "sponsorship.child_required", "child_name");
    expect_rejected(child("Awa", "2999-01-01"), "date.in_future", "start_date");
    expect_rejected(child("Awa", "2024-01-01", "0"), "amount.not_positive", "monthly");
    NewSponsorship s = child("Awa");
    s.country = "Senegal";
    expect_rejected(s, "sponsorship.bad_country", "country");
}

} // namespace
