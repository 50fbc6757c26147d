#include "behaviour_fixture.h"

#include "core/campaigns/campaign_repository.h"
#include "core/events/event_repository.h"
#include "core/money/gift_batch_repository.h"
#include "core/money/gift_repository.h"

using namespace obole;

namespace {

class GiftBatchTest : public test::DossierRowsTest {
protected:
    void SetUp() override
    {
        DossierRowsTest::SetUp();
        Campaign c;
        c.code = "GALA26";
        c.name = "Gala 2026";
        campaign = CampaignRepository(*store).create(c, "alice").value();
        event = EventRepository(*store).create("Gala d'automne", "2026-11-20", "Paris", "alice").value();
        batch = repo().open({"Gala — stand 1", event, campaign}, "bob").value();
    }
    GiftBatchRepository repo() { return GiftBatchRepository(*store); }
    std::string line(const char* amount, PaymentMethod method, const char* reference = "")
    {
        NewBatchLine l;
        l.member_id = member_id;
        l.amount_text = amount;
        l.method = method;
        l.reference = reference;
        return repo().add_line(batch, l, "bob").value();
    }
    static std::vector<MethodTally> counted(int cash_n, int64_t cash, int cheque_n, int64_t cheque, int card_n = 0,
                                            int64_t card = 0)
    {
        return {{PaymentMethod::cash, cash_n, cash},
                {PaymentMethod::cheque, cheque_n, cheque},
                {PaymentMethod::card, card_n, card}};
    }
    std::string campaign, event, batch;
};

TEST_F(GiftBatchTest, SessionIsTheOperatorsOpenBatchWithItsEventAndCampaign)
{
    std::vector<GiftBatch> open = repo().open_batches("bob").value();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].id, batch);
    EXPECT_EQ(open[0].event_name, "Gala d'automne");
    EXPECT_EQ(open[0].campaign_code, "GALA26");
    EXPECT_TRUE(repo().open_batches("carol").value().empty());
}

TEST_F(GiftBatchTest, LinesTakeTheBatchCampaignAndAddUpPerMethod)
{
    line("20", PaymentMethod::cash);
    line("15,50", PaymentMethod::cash);
    line("100", PaymentMethod::cheque, "0001234");
    line("30", PaymentMethod::card, "T-88");
    std::vector<BatchLine> lines = repo().lines(batch).value();
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0].line_no, 1);
    EXPECT_EQ(lines[3].line_no, 4);
    EXPECT_EQ(lines[0].campaign_code, "GALA26");
    EXPECT_EQ(lines[0].member_name, "Hélène Dupont");
    BatchTotals t = batch_totals(lines);
    EXPECT_EQ(t.count, 4);
    EXPECT_EQ(t.cents, 16550);
    EXPECT_EQ(t.by_method[0].count, 2); // cash
    EXPECT_EQ(t.by_method[0].cents, 3550);
    EXPECT_EQ(t.by_method[1].cents, 10000); // cheque
    EXPECT_EQ(t.by_method[2].cents, 3000);  // card
    EXPECT_EQ(last_action(), "batch.line_add");
    // Drafts are not gifts yet.
    EXPECT_TRUE(GiftRepository(*store).list_for_member(member_id).value().empty());
}

TEST_F(GiftBatchTest, BadLinesSaveNothing)
{
    const int64_t before = count("gift_batch_line");
    NewBatchLine l;
    l.member_id = member_id;
    l.amount_text = "abc";
    EXPECT_EQ(repo().add_line(batch, l, "bob").error().field, "amount");
    l.amount_text = "10";
    l.method = PaymentMethod::cheque;
    EXPECT_EQ(repo().add_line(batch, l, "bob").error().code, "batch.no_cheque_number");
    l.method = PaymentMethod::card;
    EXPECT_EQ(repo().add_line(batch, l, "bob").error().code, "batch.no_card_reference");
    l.method = PaymentMethod::direct_debit;
    EXPECT_EQ(repo().add_line(batch, l, "bob").error().code, "batch.bad_method");
    l.method = PaymentMethod::cash;
    l.reference = "line one\nline two";
    EXPECT_EQ(repo().add_line(batch, l, "bob").error().code, "batch.bad_reference");
    l.reference = "";
    l.member_id = "0190a000-0000-7000-8000-000000000000";
    Result<std::string> missing = repo().add_line(batch, l, "bob");
    EXPECT_EQ(missing.error().code, "member.not_found");
    EXPECT_EQ(missing.error().field, "member");
    EXPECT_EQ(count("gift_batch_line"), before);
}

TEST_F(GiftBatchTest, CorrectAndStrikeLinesWhileOpen)
{
    std::string a = line("20", PaymentMethod::cash);
    std::string b = line("50", PaymentMethod::cash);
    NewBatchLine fixed;
    fixed.member_id = member_id;
    fixed.amount_text = "25";
    fixed.method = PaymentMethod::cheque;
    fixed.reference = "778";
    ASSERT_TRUE(repo().update_line(a, fixed, "bob").ok());
    ASSERT_TRUE(repo().strike_line(b, "bob").ok());
    std::vector<BatchLine> lines = repo().lines(batch).value();
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].amount_cents, 2500);
    EXPECT_EQ(lines[0].method, PaymentMethod::cheque);
    EXPECT_EQ(lines[0].reference, "778");
    EXPECT_EQ(repo().strike_line(b, "bob").error().code, "batch.line_not_found");
}

TEST_F(GiftBatchTest, MismatchRefusedThenFixedThenClosedPostsGiftsAndLocks)
{
    std::string a = line("20", PaymentMethod::cash);
    line("100", PaymentMethod::cheque, "0001234");
    // The cash box holds 25 € in cash: the first line was mistyped.
    Result<void> refused = repo().close(batch, counted(1, 2500, 1, 10000), "", "bob");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "batch.mismatch");
    EXPECT_EQ(count("gift"), 0);
    EXPECT_FALSE(repo().get(batch)->closed);
    std::vector<ControlDifference> diff =
        control_differences(batch_totals(repo().lines(batch).value()), counted(1, 2500, 1, 10000));
    ASSERT_EQ(diff.size(), 1u);
    EXPECT_EQ(diff[0].method, PaymentMethod::cash);
    EXPECT_EQ(diff[0].expected.cents, 2500);
    EXPECT_EQ(diff[0].entered.cents, 2000);

    NewBatchLine fixed;
    fixed.member_id = member_id;
    fixed.amount_text = "25";
    ASSERT_TRUE(repo().update_line(a, fixed, "bob").ok());
    ASSERT_TRUE(repo().close(batch, counted(1, 2500, 1, 10000), "", "bob").ok());

    GiftBatch closed = repo().get(batch).value();
    EXPECT_TRUE(closed.closed);
    EXPECT_FALSE(closed.closed_at.empty());
    std::vector<MethodTally> kept = control_from_json(closed.control);
    ASSERT_EQ(kept.size(), 3u);
    EXPECT_EQ(kept[0].cents, 2500);
    // Every line is now a gift, with the line's UUID, the batch, its reference.
    std::vector<Gift> gifts = GiftRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(gifts.size(), 2u);
    int64_t sum = 0;
    for (const Gift& g : gifts) {
        sum += g.amount_cents;
        EXPECT_EQ(g.batch_id, batch);
        EXPECT_EQ(g.campaign_code, "GALA26");
        if (g.method == PaymentMethod::cheque) {
            EXPECT_EQ(g.cheque_number, "0001234");
        }
    }
    EXPECT_EQ(sum, 12500);
    EXPECT_EQ(gifts[0].id == a || gifts[1].id == a, true);
    // Locked: no line, no correction, no second close.
    NewBatchLine more;
    more.member_id = member_id;
    more.amount_text = "5";
    EXPECT_EQ(repo().add_line(batch, more, "bob").error().code, "batch.closed");
    EXPECT_EQ(repo().update_line(a, more, "bob").error().code, "batch.closed");
    EXPECT_EQ(repo().strike_line(a, "bob").error().code, "batch.closed");
    EXPECT_EQ(repo().close(batch, counted(1, 2500, 1, 10000), "", "bob").error().code, "batch.closed");
    EXPECT_EQ(count("gift"), 2);
    EXPECT_TRUE(repo().open_batches("bob").value().empty());
}

TEST_F(GiftBatchTest, MismatchConfirmedWithANote)
{
    line("20", PaymentMethod::cash);
    ASSERT_TRUE(repo().close(batch, counted(1, 1990, 0, 0), "10 cents missing from the box", "bob").ok());
    EXPECT_EQ(repo().get(batch)->mismatch_note, "10 cents missing from the box");
    EXPECT_EQ(count("gift"), 1);
}

TEST_F(GiftBatchTest, EmptyBatchCannotClose)
{
    EXPECT_EQ(repo().close(batch, {}, "", "bob").error().code, "batch.empty");
}

TEST_F(GiftBatchTest, ControlTotalsAsTyped)
{
    Result<std::vector<MethodTally>> ok =
        parse_control({{PaymentMethod::cash, "3", "45,50"}, {PaymentMethod::cheque, "", ""}});
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ((*ok)[0].count, 3);
    EXPECT_EQ((*ok)[0].cents, 4550);
    EXPECT_EQ((*ok)[1].count, 0);
    Result<std::vector<MethodTally>> bad = parse_control({{PaymentMethod::cheque, "2x", "10"}});
    EXPECT_EQ(bad.error().code, "batch.bad_count");
    EXPECT_EQ(bad.error().field, "count_cheque");
    bad = parse_control({{PaymentMethod::card, "1", "ten"}});
    EXPECT_EQ(bad.error().field, "amount_card");
    // Damaged JSON reads as no control rather than failing.
    EXPECT_TRUE(control_from_json("{\"cash\":{\"count\":\"x\"}}").empty());
    EXPECT_TRUE(control_from_json("not json").empty());
}

TEST_F(GiftBatchTest, OpenNeedsANameAndKnownEventAndCampaign)
{
    EXPECT_EQ(repo().open({" ", "", ""}, "bob").error().code, "batch.name_required");
    EXPECT_EQ(repo().open({"x", "0190a000-0000-7000-8000-000000000000", ""}, "bob").error().code, "event.not_found");
    EXPECT_EQ(repo().open({"x", "", "0190a000-0000-7000-8000-000000000000"}, "bob").error().code, "campaign.not_found");
}

} // namespace
