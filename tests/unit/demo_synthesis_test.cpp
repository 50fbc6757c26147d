// The demo fills the synthetic tabs: Hélène Dupont and the parish show
// something in Member, Infos, Relations and Campaigns.
#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/members/relation_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

using namespace obole;

namespace {

std::string member_id(Store& store, const char* first, const char* last)
{
    // The showcase member, entered after the random ones (one of which may bear the same name).
    Statement s(store.db(), "SELECT id FROM member WHERE first_name = ?1 AND last_name = ?2 ORDER BY ref DESC");
    s.bind_text(1, first);
    s.bind_text(2, last);
    return s.step() == Statement::Step::row ? s.column_uuid(0) : std::string();
}

int64_t scalar(Store& store, const char* sql)
{
    Statement s(store.db(), sql);
    return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
}

} // namespace

TEST(DemoSynthesis, ShowcaseMembersFillEverySyntheticTab)
{
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    ASSERT_TRUE(generate_demo(*store, {400, 11, "2026-01-15"}).ok());
    std::string helene = member_id(*store, "Hélène", "Dupont"), parish = member_id(*store, "", "Paroisse Saint-Roch");
    ASSERT_FALSE(helene.empty());
    ASSERT_FALSE(parish.empty());

    Member h = MemberRepository(*store).get(helene).value();
    EXPECT_EQ(h.internal_score, 87);
    EXPECT_FALSE(h.external_codes.empty());
    EXPECT_FALSE(h.bequest_promise_date.empty());
    EXPECT_GT(h.bequest_confirmed_date, h.bequest_promise_date);
    EXPECT_FALSE(h.memo_bequest.empty());
    EXPECT_FALSE(h.phones.at(0).origin_campaign_code.empty());
    EXPECT_FALSE(h.origin_campaign_id.empty());
    EXPECT_EQ(h.origin_date, h.entry_date);

    std::vector<Relation> hr = RelationRepository(*store).list_for_member(helene).value();
    ASSERT_EQ(hr.size(), 2u);
    EXPECT_EQ(hr[0].kind, "employer");
    EXPECT_EQ(hr[0].other_id, parish);
    EXPECT_EQ(hr[1].kind, "spouse");
    // Her spouse lives at her address.
    EXPECT_EQ(MemberRepository(*store).get(hr[1].other_id)->address.postcode, "75011");

    std::vector<Relation> pr = RelationRepository(*store).list_for_member(parish).value();
    ASSERT_EQ(pr.size(), 1u);
    EXPECT_EQ(pr[0].kind, "employee");
    EXPECT_GT(MemberRepository(*store).campaigns_received(parish, 1000).value().size(), 10u);
    EXPECT_EQ(MemberRepository(*store).get(parish)->internal_score, 95);

    // Generated members too: scores, spouses, a few bequests.
    EXPECT_GT(scalar(*store, "SELECT count(*) FROM member WHERE internal_score > 0"), 100);
    EXPECT_GT(scalar(*store, "SELECT count(*) FROM relation WHERE kind = 'spouse'"), 3);
    EXPECT_EQ(scalar(*store, "SELECT count(*) FROM member WHERE internal_score NOT BETWEEN 0 AND 100"), 0);
    EXPECT_EQ(scalar(*store, "SELECT count(*) FROM member WHERE bequest_confirmed_date <> '' "
                             "AND bequest_confirmed_date < bequest_promise_date"),
              0);
    EXPECT_EQ(scalar(*store, "SELECT count(*) FROM member WHERE bequest_promise_date > '2026-01-15' "
                             "OR bequest_confirmed_date > '2026-01-15'"),
              0);
}
