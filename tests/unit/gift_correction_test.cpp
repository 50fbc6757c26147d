#include <gtest/gtest.h>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/import_export/member_export.h"
#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/money_in.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/search/segmentation.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class GiftCorrectionTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        store->set_clock(days_from_iso("2026-06-15") * kMsPerDay);
        anne = member("Anne", "Martin");
        paul = member("Paul", "Martin");
        campaign = CampaignRepository(*store).create({"", "AP2026", "Appel", "mail", "2026-01-10"}, "alice").value();
        gift_id = give(anne, "100", "2026-03-01");
    }
    std::string member(const char* first, const char* last)
    {
        NewMember m;
        m.first_name = first;
        m.last_name = last;
        return MemberRepository(*store).create(m, "alice").value();
    }
    std::string give(const std::string& who, const char* amount, const char* date)
    {
        NewGift g;
        g.member_id = who;
        g.amount_text = amount;
        g.date_text = date;
        g.method = PaymentMethod::cheque;
        return GiftRepository(*store).add(g, "alice").value();
    }
    std::vector<Gift> gifts(const std::string& who) { return GiftRepository(*store).list_for_member(who).value(); }
    int64_t kept(const std::string& who)
    {
        int64_t total = 0;
        for (const MoneyIn& m : money_in_for_member(*store, who).value())
            total += m.amount_cents;
        return total;
    }
    int64_t count(const char* sql)
    {
        Statement s(store->db(), sql);
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    // A refused correction writes nothing, not even a journal line.
    void expect_refused(const Result<std::string>& r, const char* code, int64_t corrections_before,
                        int64_t journal_before)
    {
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(count("SELECT count(*) FROM gift_correction"), corrections_before) << code;
        EXPECT_EQ(Journal(*store).count().value(), journal_before) << code;
    }
    void later(int minutes) { store->set_clock(store->stopped_clock() + int64_t(minutes) * 60000); }

    std::unique_ptr<Store> store;
    std::string anne, paul, campaign, gift_id;
};

} // namespace

TEST_F(GiftCorrectionTest, AnAmendmentChangesWhatCountsNotTheGiftRow)
{
    GiftCorrectionRepository corrections(*store);
    GiftAmendment a{"120,50", "02/03/2026", campaign, PaymentMethod::transfer};
    Result<std::string> id = corrections.amend(gift_id, a, "Cheque misread", "bob");
    ASSERT_TRUE(id.ok()) << id.error().message;

    std::vector<Gift> list = gifts(anne);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].amount_cents, 12050);
    EXPECT_EQ(list[0].gift_date, "2026-03-02");
    EXPECT_EQ(list[0].method, PaymentMethod::transfer);
    EXPECT_EQ(list[0].campaign_code, "AP2026");
    EXPECT_EQ(list[0].entered_cents, 10000);
    EXPECT_EQ(list[0].corrections, 1);
    // The gift as entered is still there, untouched.
    EXPECT_EQ(count("SELECT amount_cents FROM gift"), 10000);
    EXPECT_EQ(kept(anne), 12050);

    std::vector<GiftCorrection> history = corrections.history(gift_id).value();
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].kind, CorrectionKind::amend);
    EXPECT_EQ(history[0].amount_cents, 12050);
    EXPECT_EQ(history[0].reason, "Cheque misread");
    EXPECT_EQ(history[0].operator_name, "bob");
    EXPECT_EQ(Journal(*store).list_for_member(anne, 1).value()[0].action, "gift.amend");

    // A later amendment wins; an empty date keeps the gift's.
    later(5);
    ASSERT_TRUE(corrections.amend(gift_id, {"90", "", campaign, PaymentMethod::transfer}, "Second look", "bob").ok());
    EXPECT_EQ(gifts(anne)[0].amount_cents, 9000);
    EXPECT_EQ(gifts(anne)[0].gift_date, "2026-03-02");
    EXPECT_EQ(corrections.history(gift_id).value().size(), 2u);
}

TEST_F(GiftCorrectionTest, AVoidedGiftCountsForNothingAnywhere)
{
    ASSERT_TRUE(GiftCorrectionRepository(*store).cancel(gift_id, "Typed twice", "bob").ok());
    std::vector<Gift> list = gifts(anne);
    ASSERT_EQ(list.size(), 1u); // still listed, marked
    EXPECT_TRUE(list[0].voided);
    EXPECT_EQ(list[0].amount_cents, 0);
    EXPECT_EQ(kept(anne), 0);
    EXPECT_TRUE(money_in_for_member(*store, anne).value().empty());
    MemberSegments s = member_segments(*store, anne).value();
    EXPECT_EQ(s.last_gift, "");
    EXPECT_EQ(s.segments, 0);
    EXPECT_TRUE(TaxReceiptRepository(*store).unreceipted_gifts(anne).value().empty());

    const int64_t n = count("SELECT count(*) FROM gift_correction"), j = Journal(*store).count().value();
    expect_refused(GiftCorrectionRepository(*store).refund(gift_id, {"10", "", PaymentMethod::cash}, "x", "bob"),
                   "correction.voided", n, j);
}

TEST_F(GiftCorrectionTest, RefundsAddUpAndShowAsMoneyGoingBack)
{
    GiftCorrectionRepository corrections(*store);
    ASSERT_TRUE(corrections.refund(gift_id, {"30", "2026-04-01", PaymentMethod::transfer}, "Asked back", "bob").ok());
    ASSERT_TRUE(corrections.refund(gift_id, {"20", "", PaymentMethod::transfer}, "Asked back again", "bob").ok());
    Gift g = gifts(anne)[0];
    EXPECT_EQ(g.amount_cents, 5000);
    EXPECT_EQ(g.refunded_cents, 5000);
    EXPECT_EQ(kept(anne), 5000);
    std::vector<MoneyIn> lines = money_in_for_member(*store, anne).value();
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].kind, "refund"); // 2026-06-15, today
    EXPECT_EQ(lines[0].amount_cents, -2000);
    EXPECT_EQ(member_segments(*store, anne).value().total_12m_cents, 5000);
    // The CSV export (and the filters) read the segments: the gift as corrected.
    const std::string csv = members_csv(*store, {anne}).value();
    EXPECT_NE(csv.find("50,00"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("100,00"), std::string::npos) << csv;

    const int64_t n = count("SELECT count(*) FROM gift_correction"), j = Journal(*store).count().value();
    expect_refused(corrections.refund(gift_id, {"50,01", "", PaymentMethod::cash}, "Too much", "bob"),
                   "correction.refund_too_large", n, j);
    expect_refused(corrections.refund(gift_id, {"1", "2026-02-28", PaymentMethod::cash}, "Early", "bob"),
                   "correction.refund_before_gift", n, j);
    expect_refused(corrections.amend(gift_id, {"49", "", "", PaymentMethod::cheque}, "Lower", "bob"),
                   "correction.below_refunds", n, j);
}

TEST_F(GiftCorrectionTest, AMovedGiftFollowsItsNewMember)
{
    ASSERT_TRUE(GiftCorrectionRepository(*store).move(gift_id, paul, "Her husband's cheque", "bob").ok());
    EXPECT_TRUE(gifts(anne).empty());
    ASSERT_EQ(gifts(paul).size(), 1u);
    EXPECT_EQ(gifts(paul)[0].id, gift_id);
    EXPECT_EQ(kept(anne), 0);
    EXPECT_EQ(kept(paul), 10000);
    EXPECT_EQ(member_segments(*store, anne).value().last_gift, "");
    EXPECT_EQ(member_segments(*store, paul).value().last_gift, "2026-03-01");
    // Both dossiers' journals say so.
    EXPECT_EQ(Journal(*store).list_for_member(anne, 1).value()[0].action, "gift.move");
    EXPECT_EQ(Journal(*store).list_for_member(paul, 1).value()[0].action, "gift.move");
    EXPECT_EQ(GiftCorrectionRepository(*store).history(gift_id).value()[0].member_name, "Paul Martin");
}

TEST_F(GiftCorrectionTest, BadCorrectionsAreRefusedAndWriteNothing)
{
    GiftCorrectionRepository corrections(*store);
    const int64_t j = Journal(*store).count().value();
    GiftAmendment same{"100", "2026-03-01", "", PaymentMethod::cheque};
    expect_refused(corrections.amend(gift_id, same, "No change", "bob"), "correction.nothing_changed", 0, j);
    GiftAmendment bigger{"200", "", "", PaymentMethod::cheque};
    expect_refused(corrections.amend(gift_id, bigger, "  ", "bob"), "correction.no_reason", 0, j);
    expect_refused(corrections.amend(gift_id, {"1e9", "", "", PaymentMethod::cheque}, "r", "bob"),
                   "amount.not_a_number", 0, j);
    expect_refused(corrections.amend(gift_id, {"100", "1899-01-01", "", PaymentMethod::cheque}, "r", "bob"),
                   "date.too_early", 0, j);
    expect_refused(corrections.amend(gift_id, {"100", "2026-06-16", "", PaymentMethod::cheque}, "r", "bob"),
                   "date.in_future", 0, j);
    expect_refused(corrections.amend(gift_id, {"100", "", "no-such", PaymentMethod::cheque}, "r", "bob"),
                   "campaign.not_found", 0, j);
    expect_refused(corrections.move(gift_id, anne, "Same", "bob"), "correction.same_member", 0, j);
    expect_refused(corrections.move(gift_id, "", "Nobody chosen", "bob"), "correction.no_member", 0, j);
    expect_refused(corrections.move(gift_id, "0190b0c0-0000-7000-8000-000000000000", "Nobody", "bob"),
                   "member.not_found", 0, j);
    expect_refused(corrections.cancel("0190b0c0-0000-7000-8000-000000000001", "Nobody", "bob"), "gift.not_found", 0, j);
    expect_refused(corrections.cancel(gift_id, std::string("line\nbreak"), "bob"), "text.invalid", 0, j);
    EXPECT_EQ(gifts(anne)[0].amount_cents, 10000);
}

TEST_F(GiftCorrectionTest, CorrectionsFollowAMerge)
{
    ASSERT_TRUE(GiftCorrectionRepository(*store).move(gift_id, paul, "Household", "bob").ok());
    const std::string third = member("Paul", "Martin-Dupont");
    ASSERT_TRUE(merge_members(*store, paul, third, "bob", /*move_rows=*/true).ok());
    EXPECT_EQ(gifts(third).size(), 1u);
    EXPECT_EQ(kept(third), 10000);
}
