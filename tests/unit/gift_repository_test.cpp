#include <gtest/gtest.h>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/date_window.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class GiftRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<std::unique_ptr<Store>> s = Store::open_memory();
        ASSERT_TRUE(s.ok());
        store = std::move(s.value());
        NewMember m;
        m.first_name = "Иван";
        m.last_name = "Петров";
        member_id = MemberRepository(*store).create(m, "alice").value();
        campaign_id =
            CampaignRepository(*store).create({"", "AP2025-06", "Appel", "mail", "2025-06-01"}, "alice").value();
    }
    int64_t gifts()
    {
        Statement s(store->db(), "SELECT count(*) FROM gift");
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    NewGift gift(const char* amount, const char* date)
    {
        NewGift g;
        g.member_id = member_id;
        g.amount_text = amount;
        g.date_text = date;
        return g;
    }
    void expect_rejected(const NewGift& g, const char* code)
    {
        int64_t before = gifts(), journal = Journal(*store).count().value();
        Result<std::string> r = GiftRepository(*store).add(g, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(gifts(), before) << code;
        EXPECT_EQ(Journal(*store).count().value(), journal) << code;
    }
    std::unique_ptr<Store> store;
    std::string member_id, campaign_id;
};

} // namespace

TEST_F(GiftRepositoryTest, AddStoresGiftAndJournal)
{
    NewGift g = gift("1 234,50 €", "2025-06-10");
    g.method = PaymentMethod::cheque;
    g.cheque_number = "1234567";
    g.cheque_bank = "Caisse d'Épargne";
    g.campaign_id = campaign_id;
    Result<std::string> id = GiftRepository(*store).add(g, "bob");
    ASSERT_TRUE(id.ok()) << id.error().message;
    std::vector<Gift> list = GiftRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, *id);
    EXPECT_EQ(list[0].amount_cents, 123450);
    EXPECT_EQ(list[0].currency, "EUR");
    EXPECT_EQ(list[0].gift_date, "2025-06-10");
    EXPECT_EQ(list[0].method, PaymentMethod::cheque);
    EXPECT_EQ(list[0].cheque_number, "1234567");
    EXPECT_EQ(list[0].cheque_bank, "Caisse d'Épargne");
    EXPECT_EQ(list[0].campaign_code, "AP2025-06");
    EXPECT_EQ(list[0].operator_name, "bob");
    std::vector<JournalEntry> journal = Journal(*store).list_for_member(member_id, 1).value();
    ASSERT_EQ(journal.size(), 1u);
    EXPECT_EQ(journal[0].action, "gift.add");
    EXPECT_EQ(journal[0].operator_name, "bob");
}

TEST_F(GiftRepositoryTest, BadInputIsRejectedAndNothingSaved)
{
    expect_rejected(gift("", "2025-06-10"), "amount.empty");
    expect_rejected(gift("douze", "2025-06-10"), "amount.not_a_number");
    expect_rejected(gift("0", "2025-06-10"), "amount.not_positive");
    expect_rejected(gift("-10", "2025-06-10"), "amount.not_positive");
    expect_rejected(gift("10", "2025-02-30"), "date.invalid");
    expect_rejected(gift("10", "31/13/2025"), "date.invalid");
    std::string tomorrow = iso_from_days(days_from_iso(today_iso()) + 2);
    expect_rejected(gift("10", tomorrow.c_str()), "date.in_future");
    expect_rejected(gift("10", "1899-01-01"), "date.too_early");
    expect_rejected(gift("1e9", "2025-06-10"), "amount.not_a_number");
    expect_rejected(gift("5O", "2025-06-10"), "amount.not_a_number");
    expect_rejected(gift("12,3,4", "2025-06-10"), "amount.not_a_number");
    NewGift g = gift("10", "2025-06-10");
    g.campaign_id = "nope";
    expect_rejected(g, "campaign.not_found");
    g = gift("10", "2025-06-10");
    g.member_id = "nope";
    expect_rejected(g, "member.not_found");
    g = gift("10", "2025-06-10");
    g.currency = "euro";
    expect_rejected(g, "gift.bad_currency");
    g = gift("10", "2025-06-10");
    g.method = PaymentMethod::cheque;
    g.cheque_bank = std::string(61, 'B');
    expect_rejected(g, "gift.bad_cheque_bank");
}

TEST_F(GiftRepositoryTest, EmptyDateMeansTodayAndListIsNewestFirst)
{
    GiftRepository repo(*store);
    ASSERT_TRUE(repo.add(gift("10", "01/02/2024"), "a").ok());
    ASSERT_TRUE(repo.add(gift("20", ""), "a").ok());
    ASSERT_TRUE(repo.add(gift("30", "2025-01-01"), "a").ok());
    std::vector<Gift> list = repo.list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].amount_cents, 2000);
    EXPECT_GE(list[0].gift_date, today_iso() < today_local_iso() ? today_iso() : today_local_iso());
    EXPECT_EQ(list[1].gift_date, "2025-01-01");
    EXPECT_EQ(list[2].gift_date, "2024-02-01");
}

TEST_F(GiftRepositoryTest, DefaultCampaignIsTheLastReceived)
{
    GiftRepository gifts_repo(*store);
    CampaignRepository campaigns(*store);
    EXPECT_EQ(gifts_repo.default_campaign_for(member_id).value(), "");
    std::string later = campaigns.create({"", "FA2025-12", "Fin d'année", "mail", "2025-12-01"}, "a").value();
    std::string earlier = campaigns.create({"", "NL2025-01", "Lettre", "email", "2025-01-05"}, "a").value();
    ASSERT_TRUE(campaigns.add_received(member_id, later, "2025-12-02").ok());
    ASSERT_TRUE(campaigns.add_received(member_id, campaign_id, "2025-06-02").ok());
    ASSERT_TRUE(campaigns.add_received(member_id, earlier, "2025-01-06").ok()); // inserted last, received first
    EXPECT_EQ(gifts_repo.default_campaign_for(member_id).value(), later);
}

TEST(PaymentMethodNames, RoundTrip)
{
    for (int i = 0; i < 6; ++i) {
        PaymentMethod m = PaymentMethod(i), back = PaymentMethod::other;
        ASSERT_TRUE(parse_payment_method(to_string(m), &back));
        EXPECT_EQ(back, m);
    }
    PaymentMethod out;
    EXPECT_FALSE(parse_payment_method("bitcoin", &out));
    EXPECT_STREQ(to_string(PaymentMethod::direct_debit), "direct_debit");
}

TEST_F(GiftRepositoryTest, TheEarliestAcceptedDateIsTheAssociations)
{
    EXPECT_EQ(date_window(*store).value().earliest, "1900-01-01");
    ASSERT_TRUE(GiftRepository(*store).add(gift("10", "1900-01-01"), "alice").ok());

    // An association that began in 1998 refuses a 1898 typo, and says why.
    Result<std::string> set = set_earliest_date(*store, "01/03/1998", "alice");
    ASSERT_TRUE(set.ok()) << set.error().message;
    EXPECT_EQ(*set, "1998-03-01");
    EXPECT_EQ(date_window(*store).value().earliest, "1998-03-01");
    expect_rejected(gift("10", "1998-02-28"), "date.too_early");
    Result<std::string> added = GiftRepository(*store).add(gift("10", "1998-03-01"), "alice");
    EXPECT_TRUE(added.ok());

    // The setting itself: a real date, not before 1900, not in the future;
    // a refused one leaves the earlier value.
    std::string tomorrow = iso_from_days(days_from_iso(store->latest_today()) + 1);
    EXPECT_EQ(set_earliest_date(*store, "1899-12-31", "alice").error().code, "date.too_early");
    EXPECT_EQ(set_earliest_date(*store, tomorrow, "alice").error().code, "date.in_future");
    EXPECT_EQ(set_earliest_date(*store, " ", "alice").error().code, "date.empty");
    EXPECT_EQ(set_earliest_date(*store, "1998-02-30", "alice").error().code, "date.invalid");
    EXPECT_EQ(date_window(*store).value().earliest, "1998-03-01");
}
