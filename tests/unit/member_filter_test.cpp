#include <gtest/gtest.h>

#include <algorithm>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/search/member_filter.h"
#include "core/search/segmentation.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class MemberFilterTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        store->set_clock(days_from_iso("2026-06-15") * kMsPerDay);
        // A lapsed major donor in Paris, a lapsed small donor in Paris, a
        // lapsed major donor in Lyon, an active donor in Paris.
        paris_major = member("Dupont", "75011");
        paris_small = member("Durand", "75002");
        lyon_major = member("Lefebvre", "69003");
        paris_active = member("Martin", "75015");
        give(paris_major, "1200", "2023-05-01");
        give(paris_small, "20", "2023-05-01");
        give(lyon_major, "2000", "2023-05-01");
        give(paris_active, "50", "2026-05-01");
    }
    std::string member(const char* last, const char* postcode)
    {
        NewMember m;
        m.first_name = "Anne";
        m.last_name = last;
        m.postcode = postcode;
        m.city = "Ville";
        return MemberRepository(*store).create(m, "alice").value();
    }
    void give(const std::string& id, const char* amount, const char* date)
    {
        NewGift g;
        g.member_id = id;
        g.amount_text = amount;
        g.date_text = date;
        ASSERT_TRUE(GiftRepository(*store).add(g, "alice").ok());
    }
    std::vector<std::string> ids(const MemberFilter& f, int limit = 50)
    {
        std::vector<std::string> out;
        for (const SearchHit& h : filter_members(*store, f, limit).value())
            out.push_back(h.member_id);
        return out;
    }
    void sql(const std::string& text)
    {
        ASSERT_TRUE(store->transaction([&] { return store->exec(text.c_str()); }).ok()) << text;
    }
    std::unique_ptr<Store> store;
    std::string paris_major, paris_small, lyon_major, paris_active;
};

} // namespace

TEST_F(MemberFilterTest, LapsedMajorDonorsInParis)
{
    MemberFilter f;
    f.segments = kSegmentLapsed | kSegmentMajor;
    f.postcode_prefix = "75*";
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_major});
    EXPECT_EQ(count_filtered_members(*store, f).value(), 1);
    f.postcode_prefix = "";
    EXPECT_EQ(ids(f), (std::vector<std::string>{paris_major, lyon_major})); // by name
}

TEST_F(MemberFilterTest, TextCombinesWithFilters)
{
    MemberFilter f;
    f.text = "du"; // Dupont and Durand
    EXPECT_EQ(ids(f).size(), 2u);
    f.segments = kSegmentMajor;
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_major});
    EXPECT_EQ(count_filtered_members(*store, f).value(), 1);
}

TEST_F(MemberFilterTest, LimitCapsTheListButNotTheCount)
{
    MemberFilter f;
    f.postcode_prefix = "75";
    EXPECT_EQ(ids(f, 2).size(), 2u);
    EXPECT_EQ(ids(f, -1).size(), 3u);
    EXPECT_EQ(count_filtered_members(*store, f).value(), 3);
}

TEST_F(MemberFilterTest, Markers)
{
    ASSERT_TRUE(MemberRepository(*store).set_markers(paris_small, "NPAI", true, TaxReceiptPref::none, "alice").ok());
    MemberFilter f;
    f.suspended = YesNo::yes;
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_small});
    f = {};
    f.stop_promo = YesNo::no;
    EXPECT_EQ(ids(f).size(), 3u);
    f = {};
    f.receipt_pref = "none";
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_small});
}

TEST_F(MemberFilterTest, CampaignReceived)
{
    std::string campaign =
        CampaignRepository(*store).create({"", "AP2026-01", "Appel", "mail", "2026-01-01"}, "alice").value();
    ASSERT_TRUE(CampaignRepository(*store).add_received(lyon_major, campaign, "2026-01-10").ok());
    MemberFilter f;
    f.campaign_id = campaign;
    EXPECT_EQ(ids(f), std::vector<std::string>{lyon_major});
}

TEST_F(MemberFilterTest, BequestStage)
{
    sql("UPDATE member SET bequest_promise_date = '2026-01-01' WHERE last_name IN ('Dupont', 'Durand')");
    sql("UPDATE member SET bequest_confirmed_date = '2026-02-01' WHERE last_name = 'Durand'");
    MemberFilter f;
    f.bequest = BequestStage::promise;
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_major});
    f.bequest = BequestStage::confirmed;
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_small});
    f.bequest = BequestStage::none;
    EXPECT_EQ(ids(f).size(), 2u);
}

TEST_F(MemberFilterTest, MembershipStatus)
{
    sql("INSERT INTO membership(id, member_ref, period_start, period_end, fee_cents, created_at) "
        "SELECT randomblob(16), ref, '2026-01-01', '2026-12-31', 3000, '2026-01-01' FROM member WHERE last_name = "
        "'Dupont'");
    sql("INSERT INTO membership(id, member_ref, period_start, period_end, fee_cents, created_at) "
        "SELECT randomblob(16), ref, '2025-01-01', '2025-12-31', 3000, '2025-01-01' FROM member WHERE last_name = "
        "'Martin'");
    MemberFilter f;
    f.membership = MembershipStatus::active;
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_major});
    f.membership = MembershipStatus::expired;
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_active});
    f.membership = MembershipStatus::none;
    EXPECT_EQ(ids(f), (std::vector<std::string>{paris_small, lyon_major}));
}

TEST_F(MemberFilterTest, DateRangesAreInclusive)
{
    MemberFilter f;
    f.last_gift = parse_date_range("01/05/2026", "2026-05-01").value();
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_active});
    f.last_gift = parse_date_range("", "2023-05-01").value();
    EXPECT_EQ(ids(f).size(), 3u);
    sql("UPDATE member SET entry_date = '2020-03-04' WHERE last_name = 'Durand'");
    f = {};
    f.entry_date = parse_date_range("2020-03-04", "2020-03-04").value();
    EXPECT_EQ(ids(f), std::vector<std::string>{paris_small});
}

TEST_F(MemberFilterTest, BadDateRangeIsRefusedWithTheField)
{
    Result<DateRange> r = parse_date_range("31/02/2026", "");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "from");
    r = parse_date_range("2026-05-02", "2026-05-01");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "date_range.reversed");
}
