#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/purchase_order_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class PurchaseOrderRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.last_name = "Paroisse Saint-Roch";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }
    int64_t rows()
    {
        Statement s(store->db(), "SELECT count(*) FROM purchase_order");
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    NewPurchaseOrder order(const char* description, const char* quantity, const char* amount)
    {
        NewPurchaseOrder o;
        o.member_id = member_id;
        o.date_text = "2025-03-02";
        o.description = description;
        o.quantity_text = quantity;
        o.amount_text = amount;
        return o;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace

TEST_F(PurchaseOrderRepositoryTest, AddStoresTheOrderAndJournal)
{
    NewPurchaseOrder o = order("  Calendrier  2026 ", "3", "24");
    o.method = PaymentMethod::card;
    Result<std::string> id = PurchaseOrderRepository(*store).add(o, "bob");
    ASSERT_TRUE(id.ok()) << id.error().message;
    std::vector<PurchaseOrder> list = PurchaseOrderRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].description, "Calendrier 2026");
    EXPECT_EQ(list[0].quantity, 3);
    EXPECT_EQ(list[0].amount_cents, 2400);
    EXPECT_EQ(list[0].order_date, "2025-03-02");
    EXPECT_EQ(list[0].payment_method, "card");
    EXPECT_EQ(list[0].status, "paid");
    EXPECT_EQ(Journal(*store).list_for_member(member_id, 1).value()[0].action, "order.add");
}

TEST_F(PurchaseOrderRepositoryTest, BadInputChangesNothing)
{
    struct Case {
        NewPurchaseOrder order;
        const char* code;
        const char* field;
    };
    NewPurchaseOrder future = order("Livre", "1", "10");
    future.date_text = "2999-01-01";
    NewPurchaseOrder nobody = order("Livre", "1", "10");
    nobody.member_id = "01900000-0000-7000-8000-000000000000";
    const Case cases[] = {
        {order("", "1", "10"), "order.no_description", "description"},
        {order("a\nb", "1", "10"), "order.bad_description", "description"},
        {order(std::string(201, 'x').c_str(), "1", "10"), "order.bad_description", "description"},
        {order("Livre", "0", "10"), "order.bad_quantity", "quantity"},
        {order("Livre", "deux", "10"), "order.bad_quantity", "quantity"},
        {order("Livre", "10000", "10"), "order.bad_quantity", "quantity"},
        {order("Livre", "1", "0"), "amount.not_positive", "amount"},
        {order("Livre", "1", ""), "amount.empty", "amount"},
        {future, "date.in_future", "date"},
        {nobody, "member.not_found", ""},
    };
    for (const Case& c : cases) {
        int64_t journal = Journal(*store).count().value();
        Result<std::string> r = PurchaseOrderRepository(*store).add(c.order, "alice");
        ASSERT_FALSE(r.ok()) << c.code;
        EXPECT_EQ(r.error().code, c.code);
        EXPECT_EQ(r.error().field, c.field) << c.code;
        EXPECT_EQ(rows(), 0) << c.code;
        EXPECT_EQ(Journal(*store).count().value(), journal) << c.code;
    }
}
