#include <gtest/gtest.h>

#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/membership_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class MembershipRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.first_name = "Hélène";
        m.last_name = "Dupont";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }
    int64_t rows()
    {
        Statement s(store->db(), "SELECT count(*) FROM membership");
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    NewMembership membership(const char* start, const char* end, const char* fee)
    {
        NewMembership n;
        n.member_id = member_id;
        n.start_text = start;
        n.end_text = end;
        n.fee_text = fee;
        n.paid_date_text = "2025-01-05";
        return n;
    }
    void expect_rejected(const NewMembership& n, const char* code, const char* field)
    {
        int64_t before = rows(), journal = Journal(*store).count().value();
        Result<std::string> r = MembershipRepository(*store).add(n, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(r.error().field, field) << code;
        EXPECT_EQ(rows(), before) << code;
        EXPECT_EQ(Journal(*store).count().value(), journal) << code;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace

TEST_F(MembershipRepositoryTest, AddStoresPeriodFeeAndJournal)
{
    Result<std::string> id = MembershipRepository(*store).add(membership("01/01/2025", "", "30"), "bob");
    ASSERT_TRUE(id.ok()) << id.error().message;
    std::vector<Membership> list = MembershipRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].period_start, "2025-01-01");
    EXPECT_EQ(list[0].period_end, "2025-12-31"); // a year by default
    EXPECT_EQ(list[0].fee_cents, 3000);
    EXPECT_EQ(list[0].renewal_date, "2025-12-01");
    EXPECT_EQ(list[0].paid_date, "2025-01-05");
    EXPECT_EQ(list[0].payment_method, "cheque");
    std::vector<JournalEntry> journal = Journal(*store).list_for_member(member_id, 1).value();
    ASSERT_EQ(journal.size(), 1u);
    EXPECT_EQ(journal[0].action, "membership.add");
    EXPECT_EQ(journal[0].operator_name, "bob");
}

TEST_F(MembershipRepositoryTest, BadInputChangesNothing)
{
    ASSERT_TRUE(MembershipRepository(*store).add(membership("2025-01-01", "2025-12-31", "30"), "alice").ok());
    expect_rejected(membership("", "", "30"), "date.empty", "start");
    expect_rejected(membership("2026-02-30", "", "30"), "date.invalid", "start");
    expect_rejected(membership("2026-01-01", "2025-12-01", "30"), "membership.end_before_start", "end");
    expect_rejected(membership("2026-01-01", "", "trente"), "amount.not_a_number", "fee");
    expect_rejected(membership("2025-06-01", "", "30"), "membership.overlaps", "start");
    NewMembership future = membership("2026-01-01", "", "30");
    future.paid_date_text = "2999-01-01";
    expect_rejected(future, "date.in_future", "paid_date");
    NewMembership nobody = membership("2027-01-01", "", "30");
    nobody.member_id = "01900000-0000-7000-8000-000000000000";
    expect_rejected(nobody, "member.not_found", "");
}

TEST_F(MembershipRepositoryTest, RenewAddsTheNextPeriodWithTheSameFee)
{
    MembershipRepository repo(*store);
    ASSERT_TRUE(repo.add(membership("2024-01-01", "2024-12-31", "45,50"), "alice").ok());
    Result<std::string> renewed = repo.renew(member_id, "bob");
    ASSERT_TRUE(renewed.ok()) << renewed.error().message;
    std::vector<Membership> list = repo.list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, *renewed);
    EXPECT_EQ(list[0].period_start, "2025-01-01");
    EXPECT_EQ(list[0].period_end, "2025-12-31"); // a leap year renews as a calendar year
    EXPECT_EQ(list[0].fee_cents, 4550);
    EXPECT_EQ(list[0].payment_method, "cheque");
    EXPECT_EQ(list[0].paid_date, today_local_iso());
    ASSERT_TRUE(repo.renew(member_id, "bob").ok());
    EXPECT_EQ(repo.list_for_member(member_id).value()[0].period_start, "2026-01-01");
    EXPECT_EQ(Journal(*store).list_for_member(member_id, 1).value()[0].action, "membership.add");
}

TEST_F(MembershipRepositoryTest, RenewOfAMidMonthPeriodAndOfNothing)
{
    MembershipRepository repo(*store);
    EXPECT_EQ(repo.renew(member_id, "bob").error().code, "membership.none_to_renew");
    EXPECT_EQ(rows(), 0);
    ASSERT_TRUE(repo.add(membership("2024-03-15", "2024-09-14", "10"), "alice").ok());
    ASSERT_TRUE(repo.renew(member_id, "bob").ok());
    EXPECT_EQ(repo.list_for_member(member_id).value()[0].period_start, "2024-09-15");
    EXPECT_EQ(repo.list_for_member(member_id).value()[0].period_end, "2025-03-14");
}

TEST(MembershipState, DerivedFromTheDates)
{
    Membership m;
    m.period_start = "2025-01-01";
    m.period_end = "2025-12-31";
    m.renewal_date = "2025-12-01";
    m.status = "active";
    EXPECT_EQ(membership_state(m, "2025-06-01"), MembershipState::active);
    EXPECT_EQ(membership_state(m, "2025-12-01"), MembershipState::due_for_renewal);
    EXPECT_EQ(membership_state(m, "2025-12-31"), MembershipState::due_for_renewal);
    EXPECT_EQ(membership_state(m, "2026-01-01"), MembershipState::expired);
    m.status = "cancelled";
    EXPECT_EQ(membership_state(m, "2025-06-01"), MembershipState::cancelled);
    EXPECT_EQ(add_months_iso("2024-01-31", 1), "2024-02-29");
    EXPECT_EQ(add_months_iso("2024-11-15", 3), "2025-02-15");
}

TEST_F(MembershipRepositoryTest, JoinOrRenewAtAStand)
{
    MembershipRepository repo(*store);
    const std::string today = today_local_iso();
    // No membership: a year from today, at the fee given, paid today.
    ASSERT_TRUE(repo.join_or_renew(member_id, "30", PaymentMethod::cash, "bob").ok());
    std::vector<Membership> all = repo.list_for_member(member_id).value();
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].period_start, today);
    EXPECT_EQ(all[0].fee_cents, 3000);
    EXPECT_EQ(all[0].paid_date, today);
    EXPECT_EQ(all[0].payment_method, "cash");
    // Current and not due: refused, nothing added.
    EXPECT_EQ(repo.join_or_renew(member_id, "30", PaymentMethod::cash, "bob").error().code, "membership.still_active");
    EXPECT_EQ(rows(), 1);
    // A bad fee changes nothing either.
    NewMember m;
    m.last_name = "Sans";
    std::string other = MemberRepository(*store).create(m, "alice").value();
    EXPECT_EQ(repo.join_or_renew(other, "abc", PaymentMethod::cash, "bob").error().field, "fee");
    EXPECT_EQ(rows(), 1);
}

TEST_F(MembershipRepositoryTest, JoinOrRenewContinuesAPeriodDueForRenewal)
{
    MembershipRepository repo(*store);
    const std::string today = today_local_iso();
    // A period ending in ten days: due for renewal, the next one follows it.
    const std::string end = iso_from_days(days_from_iso(today) + 10);
    const std::string start = iso_from_days(days_from_iso(today) - 300);
    NewMembership n = membership(start.c_str(), end.c_str(), "25");
    ASSERT_TRUE(repo.add(n, "alice").ok());
    ASSERT_TRUE(repo.join_or_renew(member_id, "40", PaymentMethod::card, "bob").ok());
    std::vector<Membership> all = repo.list_for_member(member_id).value();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].period_start, iso_from_days(days_from_iso(end) + 1));
    EXPECT_EQ(all[0].fee_cents, 4000);
}
