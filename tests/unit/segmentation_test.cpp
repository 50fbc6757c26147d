#include <gtest/gtest.h>

#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/search/segmentation.h"
#include "core/store/setting_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

// Every test runs on 15 June 2026.
constexpr const char* kToday = "2026-06-15";

class SegmentationTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        store->set_clock(days_from_iso(kToday) * kMsPerDay);
        member_id = new_member("Dupont");
    }
    std::string new_member(const char* last_name)
    {
        NewMember m;
        m.first_name = "Hélène";
        m.last_name = last_name;
        return MemberRepository(*store).create(m, "alice").value();
    }
    void give(const char* amount, const char* date, const std::string& who = {})
    {
        NewGift g;
        g.member_id = who.empty() ? member_id : who;
        g.amount_text = amount;
        g.date_text = date;
        ASSERT_TRUE(GiftRepository(*store).add(g, "alice").ok()) << amount << " " << date;
    }
    // Runs SQL in a transaction, as sync's apply or a merge would.
    void write(const std::string& sql)
    {
        ASSERT_TRUE(store->transaction([&] { return store->exec(sql.c_str()); }).ok()) << sql;
    }
    int64_t ref()
    {
        Statement s(store->db(), "SELECT ref FROM member WHERE id = ?1");
        s.bind_uuid(1, member_id);
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    int segs() { return member_segments(*store, member_id).value().segments; }
    bool has(Segment s) { return (segs() & s) != 0; }
    std::string all_rows()
    {
        Statement s(store->db(), "SELECT member_ref, segments, recency, frequency, monetary, first_gift, last_gift, "
                                 "total_12m FROM member_segment ORDER BY member_ref");
        std::string out;
        while (s.step() == Statement::Step::row)
            for (int c = 0; c < 8; ++c)
                out += s.column_text(c) + (c == 7 ? "\n" : ",");
        return out;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace

TEST_F(SegmentationTest, MemberWithoutGiftHasNoSegmentNorScore)
{
    MemberSegments s = member_segments(*store, member_id).value();
    EXPECT_EQ(s.segments, 0);
    EXPECT_EQ(s.recency, 0);
    EXPECT_EQ(s.frequency, 0);
    EXPECT_EQ(s.monetary, 0);
}

TEST_F(SegmentationTest, NewMeansFirstGiftWithinTwelveMonthsExactBoundaryIsOut)
{
    give("10", "2025-06-15"); // exactly 12 months ago
    EXPECT_FALSE(has(kSegmentNew));
    std::string other = new_member("Martin");
    give("10", "2025-06-16", other); // one day inside
    EXPECT_TRUE(member_segments(*store, other).value().segments & kSegmentNew);
    EXPECT_EQ(member_segments(*store, other).value().first_gift, "2025-06-16");
}

TEST_F(SegmentationTest, MajorAtExactlyTheThresholdNotOneCentBelow)
{
    give("999,99", "2026-05-01");
    EXPECT_FALSE(has(kSegmentMajor));
    EXPECT_EQ(member_segments(*store, member_id).value().total_12m_cents, 99999);
    give("0,01", "2026-05-02");
    EXPECT_TRUE(has(kSegmentMajor));
    EXPECT_EQ(member_segments(*store, member_id).value().monetary, 5);
}

TEST_F(SegmentationTest, MajorCountsTheTwelveMonthsUpToTheLastGiftSoALapsedMajorStaysMajor)
{
    give("500", "2023-01-10"); // exactly 12 months before the last gift: outside its window
    give("600", "2023-03-01");
    give("400", "2024-01-10");
    MemberSegments s = member_segments(*store, member_id).value();
    EXPECT_EQ(s.total_12m_cents, 100000);
    EXPECT_TRUE(s.segments & kSegmentMajor);
    EXPECT_TRUE(s.segments & kSegmentLapsed);
    EXPECT_FALSE(s.segments & kSegmentNew);
}

TEST_F(SegmentationTest, LapsedAfterMoreThanTwentyFourMonths)
{
    give("20", "2024-06-15"); // exactly 24 months ago: not yet lapsed
    EXPECT_FALSE(has(kSegmentLapsed));
    std::string other = new_member("Martin");
    give("20", "2024-06-14", other);
    EXPECT_TRUE(member_segments(*store, other).value().segments & kSegmentLapsed);
}

TEST_F(SegmentationTest, LybuntIsLastCalendarYearNotThisOne)
{
    give("20", "2025-12-31");
    EXPECT_TRUE(has(kSegmentLybunt));
    EXPECT_FALSE(has(kSegmentSybunt));
    give("20", "2026-01-01"); // gave this year: no longer LYBUNT
    EXPECT_FALSE(has(kSegmentLybunt));
    EXPECT_FALSE(has(kSegmentSybunt));
}

TEST_F(SegmentationTest, SybuntIsAYearBeforeLastAndNeitherLastNorThisYear)
{
    give("20", "2024-12-31");
    EXPECT_TRUE(has(kSegmentSybunt));
    EXPECT_FALSE(has(kSegmentLybunt));
    give("20", "2025-01-01"); // gave last year: LYBUNT instead
    EXPECT_TRUE(has(kSegmentLybunt));
    EXPECT_FALSE(has(kSegmentSybunt));
}

TEST_F(SegmentationTest, RegularGaveInEachOfTheLastThreeRollingYears)
{
    give("20", "2026-06-01");
    give("20", "2025-06-01");
    give("20", "2023-06-15"); // exactly 36 months ago: the third year is still empty
    EXPECT_FALSE(has(kSegmentRegular));
    give("20", "2023-06-16");
    EXPECT_TRUE(has(kSegmentRegular));
}

TEST_F(SegmentationTest, RecurringFollowsTheMandateStatus)
{
    write("INSERT INTO sepa_mandate(id, member_ref, rum, iban, holder, signature_date, frequency, amount_cents, "
          "created_at) VALUES(randomblob(16), " +
          std::to_string(ref()) +
          ", 'RUM1', 'FR7630006000011234567890189', 'H D', '2026-01-01', 'monthly', 1000, '2026-01-01')");
    EXPECT_EQ(segs(), kSegmentRecurring); // no gift yet, but recurring
    write("UPDATE sepa_mandate SET status = 'revoked'");
    EXPECT_EQ(segs(), 0);
    write("INSERT INTO card_recurring(id, member_ref, amount_cents, frequency, start_date, created_at) "
          "VALUES(randomblob(16), " +
          std::to_string(ref()) + ", 500, 'monthly', '2026-01-01', '2026-01-01')");
    EXPECT_TRUE(has(kSegmentRecurring));
    write("UPDATE card_recurring SET end_date = '2026-06-14'"); // ended yesterday
    EXPECT_FALSE(has(kSegmentRecurring));
}

TEST_F(SegmentationTest, DeletingOrChangingAGiftUpdatesTheSegmentsInTheSameCommit)
{
    give("800", "2026-03-01");
    give("300", "2026-04-01");
    EXPECT_TRUE(has(kSegmentMajor));
    write("UPDATE gift SET amount_cents = 10000 WHERE gift_date = '2026-04-01'");
    EXPECT_FALSE(has(kSegmentMajor));
    EXPECT_EQ(member_segments(*store, member_id).value().total_12m_cents, 90000);
    write("DELETE FROM gift WHERE gift_date = '2026-04-01'");
    EXPECT_EQ(member_segments(*store, member_id).value().last_gift, "2026-03-01");
    write("DELETE FROM gift");
    EXPECT_EQ(member_segments(*store, member_id).value().last_gift, "");
    EXPECT_EQ(segs(), 0);
}

TEST_F(SegmentationTest, ARolledBackWriteLeavesTheSegmentsAsTheyWere)
{
    give("20", "2026-03-01");
    int before = segs();
    Result<void> r = store->transaction([&]() -> Result<void> {
        (void)store->exec("DELETE FROM gift");
        return fail("test.abort", "abort");
    });
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(segs(), before);
    EXPECT_EQ(member_segments(*store, member_id).value().last_gift, "2026-03-01");
}

TEST_F(SegmentationTest, ChangingTheThresholdRecomputesEveryMember)
{
    give("600", "2026-03-01");
    EXPECT_FALSE(has(kSegmentMajor));
    ASSERT_TRUE(SettingRepository(*store).set(kMajorThresholdSetting, "50000", "alice").ok());
    EXPECT_EQ(major_threshold_cents(*store).value(), 50000);
    EXPECT_TRUE(has(kSegmentMajor));
}

TEST_F(SegmentationTest, ANewDayRecomputesEveryMemberWhenAskedAndTouchedOnesAtOnce)
{
    std::string other = new_member("Martin");
    give("20", "2024-06-15");
    give("20", "2024-06-15", other);
    EXPECT_FALSE(has(kSegmentLapsed));
    ASSERT_TRUE(refresh_segments_if_stale(*store).ok());     // writes the basis
    EXPECT_FALSE(refresh_segments_if_stale(*store).value()); // same day: nothing to do
    store->set_clock(days_from_iso("2026-06-16") * kMsPerDay);
    EXPECT_TRUE(segments_stale(*store, "2026-06-16").value());
    // A write of the new day recomputes the member it touches, for the new day.
    give("20", "2022-01-01", other);
    EXPECT_TRUE(member_segments(*store, other).value().segments & kSegmentLapsed);
    EXPECT_FALSE(has(kSegmentLapsed)); // not touched: still as of its basis day
    EXPECT_TRUE(refresh_segments_if_stale(*store).value());
    EXPECT_TRUE(has(kSegmentLapsed));
    EXPECT_FALSE(segments_stale(*store, "2026-06-16").value());
}

TEST_F(SegmentationTest, RfmScoresFollowTheirThresholds)
{
    for (int month = 1; month <= 6; ++month) {
        char date[16];
        std::snprintf(date, sizeof date, "2026-%02d-10", month);
        give("50", date);
    }
    MemberSegments s = member_segments(*store, member_id).value();
    EXPECT_EQ(s.recency, 5);   // within 3 months
    EXPECT_EQ(s.frequency, 4); // 6 gifts in 12 months
    EXPECT_EQ(s.monetary, 4);  // 300 EUR
}

TEST_F(SegmentationTest, FullRefreshGivesWhatTheIncrementalOneKept)
{
    std::string other = new_member("Martin");
    give("20", "2024-12-31");
    give("1500", "2023-02-01", other);
    give("15", "2026-02-01", other);
    write("INSERT INTO card_recurring(id, member_ref, amount_cents, frequency, start_date, created_at) "
          "VALUES(randomblob(16), " +
          std::to_string(ref()) + ", 500, 'monthly', '2026-01-01', '2026-01-01')");
    std::string incremental = all_rows();
    ASSERT_TRUE(refresh_all_segments(*store, kToday).ok());
    EXPECT_EQ(all_rows(), incremental);
    EXPECT_NE(incremental, "");
}

TEST_F(SegmentationTest, DeletingAMemberDropsItsSegments)
{
    give("20", "2026-03-01");
    write("DELETE FROM journal; DELETE FROM gift; DELETE FROM search_token; DELETE FROM search_doc; "
          "DELETE FROM address; DELETE FROM phone; DELETE FROM email; "
          "DELETE FROM member");
    Statement s(store->db(), "SELECT count(*) FROM member_segment");
    ASSERT_EQ(s.step(), Statement::Step::row);
    EXPECT_EQ(s.column_int64(0), 0);
}

TEST(SegmentNames, JoinedInFlagOrder)
{
    EXPECT_EQ(segment_names(kSegmentLapsed | kSegmentMajor), "major lapsed");
    EXPECT_EQ(segment_names(0), "");
}
