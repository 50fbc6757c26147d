#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/membership_repository.h"
#include "core/money/money_in.h"
#include "core/money/purchase_order_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/store/store.h"

using namespace obole;

TEST(MoneyIn, AllMoneyOfAMemberByDateWithTotalsPerMethod)
{
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    NewMember who;
    who.last_name = "Paroisse Saint-Roch";
    std::string member = MemberRepository(*store).create(who, "alice").value();

    NewGift g;
    g.member_id = member;
    g.amount_text = "50";
    g.date_text = "2025-01-10";
    g.method = PaymentMethod::cheque;
    ASSERT_TRUE(GiftRepository(*store).add(g, "a").ok());
    NewPurchaseOrder o;
    o.member_id = member;
    o.date_text = "2025-02-10";
    o.description = "Calendrier";
    o.amount_text = "12";
    o.method = PaymentMethod::cheque;
    ASSERT_TRUE(PurchaseOrderRepository(*store).add(o, "a").ok());
    NewMembership m;
    m.member_id = member;
    m.start_text = "2025-01-01";
    m.fee_text = "30";
    m.paid_date_text = "2025-01-03";
    m.method = PaymentMethod::transfer;
    ASSERT_TRUE(MembershipRepository(*store).add(m, "a").ok());
    m.start_text = "2026-01-01"; // not paid: not money in
    m.paid_date_text = "";
    ASSERT_TRUE(MembershipRepository(*store).add(m, "a").ok());
    NewSepaMandate s;
    s.member_id = member;
    s.iban_text = "DE89370400440532013000";
    s.bic_text = "COBADEFFXXX";
    s.holder = "Paroisse";
    s.signature_date_text = "2025-01-01";
    s.amount_text = "10";
    std::string mandate = SepaMandateRepository(*store).add(s, "a").value();
    ASSERT_TRUE(store
                    ->exec("INSERT INTO sepa_collection(id, mandate_id, member_ref, collection_date, amount_cents, "
                           "status, created_at) SELECT randomblob(16), id, member_ref, d, 1000, st, '' "
                           "FROM sepa_mandate, (SELECT '2025-03-05' d, 'collected' st UNION ALL "
                           "SELECT '2025-04-05', 'rejected')")
                    .ok());

    std::vector<MoneyIn> rows = money_in_for_member(*store, member).value();
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].date, "2025-03-05");
    EXPECT_EQ(rows[0].kind, "collection");
    EXPECT_EQ(rows[0].label.substr(0, 5), "OBOLE");
    EXPECT_EQ(rows[1].kind, "order");
    EXPECT_EQ(rows[2].kind, "gift");
    EXPECT_EQ(rows[3].kind, "membership");
    std::vector<MethodTotal> totals = totals_by_method(rows);
    ASSERT_EQ(totals.size(), 3u);
    EXPECT_EQ(totals[0].payment_method, "cheque");
    EXPECT_EQ(totals[0].amount_cents, 6200);
    EXPECT_EQ(totals[0].count, 2);
    EXPECT_EQ(totals[1].payment_method, "transfer");
    EXPECT_EQ(totals[2].payment_method, "direct_debit");
    EXPECT_EQ(totals[2].amount_cents, 1000);
}
