#include <gtest/gtest.h>

#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/card_recurring_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

using namespace obole;

namespace {

class CardRecurringRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.last_name = "Martin";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }
    int64_t rows()
    {
        Statement s(store->db(), "SELECT count(*) FROM card_recurring");
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    NewCardRecurring gift(const char* last4, const char* expiry)
    {
        NewCardRecurring n;
        n.member_id = member_id;
        n.amount_text = "20";
        n.last4_text = last4;
        n.expiry_text = expiry;
        n.start_date_text = "2025-02-01";
        return n;
    }
    void expect_rejected(const NewCardRecurring& n, const char* code, const char* field)
    {
        int64_t journal = Journal(*store).count().value();
        Result<std::string> r = CardRecurringRepository(*store).add(n, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code) << n.last4_text << " " << n.expiry_text;
        EXPECT_EQ(r.error().field, field) << code;
        EXPECT_EQ(rows(), 0) << code;
        EXPECT_EQ(Journal(*store).count().value(), journal) << code;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace

TEST_F(CardRecurringRepositoryTest, AddKeepsOnlyLastFourAndExpiry)
{
    Result<std::string> id = CardRecurringRepository(*store).add(gift("**** 4242", "7/2099"), "bob");
    ASSERT_TRUE(id.ok()) << id.error().message;
    std::vector<CardRecurring> list = CardRecurringRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].card_last4, "4242");
    EXPECT_EQ(list[0].card_expiry, "07/99");
    EXPECT_EQ(list[0].amount_cents, 2000);
    EXPECT_EQ(list[0].frequency, Frequency::monthly);
    EXPECT_EQ(list[0].start_date, "2025-02-01");
    EXPECT_EQ(list[0].status, "active");
    EXPECT_EQ(Journal(*store).list_for_member(member_id, 1).value()[0].action, "card_gift.add");
}

TEST_F(CardRecurringRepositoryTest, RefusesAFullCardNumber)
{
    expect_rejected(gift("4242 4242 4242 4242", "12/99"), "card.full_number", "last4");
    expect_rejected(gift("4242424242424242", "12/99"), "card.full_number", "last4");
    expect_rejected(gift("42424", "12/99"), "card.full_number", "last4");
    // The refused number was not written anywhere (not even the journal).
    Statement s(store->db(), "SELECT count(*) FROM journal WHERE detail LIKE '%4242%'");
    ASSERT_EQ(s.step(), Statement::Step::row);
    EXPECT_EQ(s.column_int64(0), 0);
}

TEST_F(CardRecurringRepositoryTest, BadInputChangesNothing)
{
    expect_rejected(gift("", "12/99"), "card.bad_last4", "last4");
    expect_rejected(gift("12a4", "12/99"), "card.bad_last4", "last4");
    expect_rejected(gift("123", "12/99"), "card.bad_last4", "last4");
    expect_rejected(gift("1234", ""), "card.bad_expiry", "expiry");
    expect_rejected(gift("1234", "13/30"), "card.bad_expiry", "expiry");
    expect_rejected(gift("1234", "1230"), "card.bad_expiry", "expiry");
    expect_rejected(gift("1234", "01/20"), "card.expired", "expiry");
    NewCardRecurring n = gift("1234", "12/99");
    n.amount_text = "0";
    expect_rejected(n, "amount.not_positive", "amount");
    n = gift("1234", "12/99");
    n.provider = "bitcoin";
    expect_rejected(n, "card.bad_provider", "provider");
    n = gift("1234", "12/99");
    n.member_id = new_uuid_v7();
    expect_rejected(n, "member.not_found", "");
}

TEST_F(CardRecurringRepositoryTest, PaypalNeedsNoCardAndEndedIsFinal)
{
    CardRecurringRepository repo(*store);
    NewCardRecurring n = gift("", "");
    n.provider = "paypal";
    std::string id = repo.add(n, "bob").value();
    ASSERT_TRUE(repo.set_status(id, "suspended", "bob").ok());
    ASSERT_TRUE(repo.set_status(id, "ended", "bob").ok());
    EXPECT_EQ(repo.list_for_member(member_id).value()[0].end_date, today_local_iso());
    EXPECT_EQ(repo.set_status(id, "active", "bob").error().code, "card.ended");
    EXPECT_EQ(repo.list_for_member(member_id).value()[0].status, "ended");
}
