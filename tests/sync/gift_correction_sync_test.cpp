// Corrections of one gift made on two devices offline both reach everyone
// and add up to the same gift everywhere (they are rows of their own, never
// an edit of the gift); a closed batch's gift is corrected the same way; a
// volunteer's correction is refused by the server.
#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/gift_batch_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"
#include "one_server.h"

namespace obole {
namespace {

using Device = test::EnrolledDevice;
using Server = test::SyncServer;

struct OneGift {
    std::string member, gift;
};

OneGift give(Device& d, const char* amount)
{
    NewMember m;
    m.last_name = "Durand";
    OneGift out;
    out.member = MemberRepository(*d.store).create(m, "op").value();
    NewGift g;
    g.member_id = out.member;
    g.amount_text = amount;
    g.date_text = "2025-06-10";
    out.gift = GiftRepository(*d.store).add(g, "op").value();
    return out;
}

TEST(GiftCorrectionSync, TwoDevicesCorrectingOneGiftOfflineConverge)
{
    Server server;
    Device a(1, server::Role::office), b(2, server::Role::office);
    const OneGift g = give(a, "100");
    server.push(a);
    server.pull(b);

    // Offline, A raises the amount and B records a refund of the same gift.
    ASSERT_TRUE(
        GiftCorrectionRepository(*a.store).amend(g.gift, {"120", "", "", PaymentMethod::cash}, "Misread", "op1"));
    ASSERT_TRUE(
        GiftCorrectionRepository(*b.store).refund(g.gift, {"20", "", PaymentMethod::transfer}, "Asked back", "op2"));
    EXPECT_TRUE(server.push(a).refused.empty());
    EXPECT_TRUE(server.push(b).refused.empty());
    server.pull(a);
    server.pull(b);

    for (Store* s : {a.store.get(), b.store.get(), server.store.get()}) {
        std::vector<Gift> gifts = GiftRepository(*s).list_for_member(g.member).value();
        ASSERT_EQ(gifts.size(), 1u);
        EXPECT_EQ(gifts[0].amount_cents, 10000); // 120 amended, less 20 refunded
        EXPECT_EQ(gifts[0].refunded_cents, 2000);
        EXPECT_EQ(gifts[0].corrections, 2);
        EXPECT_EQ(GiftCorrectionRepository(*s).history(g.gift).value().size(), 2u);
        EXPECT_EQ(test::scalar(*s, "SELECT amount_cents FROM gift"), 10000); // the gift as entered
    }

    // Offline again: A voids it while B refunds more. The void wins everywhere.
    ASSERT_TRUE(GiftCorrectionRepository(*a.store).cancel(g.gift, "Cheque bounced", "op1"));
    ASSERT_TRUE(GiftCorrectionRepository(*b.store).refund(g.gift, {"10", "", PaymentMethod::cash}, "More", "op2"));
    server.push(b);
    server.push(a);
    server.pull(a);
    server.pull(b);
    for (Store* s : {a.store.get(), b.store.get(), server.store.get()}) {
        Gift now = GiftRepository(*s).list_for_member(g.member).value()[0];
        EXPECT_TRUE(now.voided);
        EXPECT_EQ(now.amount_cents, 0);
        EXPECT_EQ(now.corrections, 4);
    }
}

TEST(GiftCorrectionSync, AMoveReachesTheOtherDevice)
{
    Server server;
    Device a(1, server::Role::office), b(2, server::Role::office);
    const OneGift g = give(a, "50");
    NewMember spouse;
    spouse.last_name = "Durand";
    spouse.first_name = "Jeanne";
    const std::string jeanne = MemberRepository(*a.store).create(spouse, "op1").value();
    ASSERT_TRUE(GiftCorrectionRepository(*a.store).move(g.gift, jeanne, "Her cheque", "op1"));
    server.push(a);
    server.pull(b);
    EXPECT_TRUE(GiftRepository(*b.store).list_for_member(g.member).value().empty());
    ASSERT_EQ(GiftRepository(*b.store).list_for_member(jeanne).value().size(), 1u);
    EXPECT_EQ(GiftRepository(*b.store).list_for_member(jeanne).value()[0].amount_cents, 5000);
}

TEST(GiftCorrectionSync, AVolunteersCorrectionIsRefusedAndChangesNothing)
{
    Server server;
    Device office(1, server::Role::office), volunteer(2, server::Role::volunteer);
    const OneGift g = give(office, "40");
    server.push(office);
    server.pull(volunteer);
    ASSERT_TRUE(GiftCorrectionRepository(*volunteer.store).cancel(g.gift, "Oops", "op2"));
    sync::PushResponse answer = server.push(volunteer);
    ASSERT_EQ(answer.refused.size(), 1u);
    EXPECT_EQ(answer.refused[0].code, "auth.forbidden");
    EXPECT_EQ(test::scalar(*server.store, "SELECT count(*) FROM gift_correction"), 0);
    EXPECT_EQ(test::scalar(*server.store, "SELECT net_cents FROM gift_now"), 4000);
}

TEST(GiftCorrectionSync, AGiftOfAClosedBatchIsCorrectedByACorrectionNotByTheBatch)
{
    Server server;
    Device volunteer(1, server::Role::volunteer), office(2, server::Role::office);
    NewMember m;
    m.last_name = "Petit";
    const std::string member = MemberRepository(*volunteer.store).create(m, "op1").value();
    GiftBatchRepository batches(*volunteer.store);
    const std::string batch = batches.open({"Stand", "", ""}, "op1").value();
    NewBatchLine l;
    l.member_id = member;
    l.amount_text = "20";
    const std::string line = batches.add_line(batch, l, "op1").value();
    ASSERT_TRUE(batches.close(batch, {{PaymentMethod::cash, 1, 2000}}, "", "op1"));
    server.push(volunteer);
    server.pull(office);

    // The gift is the line's own row; the office corrects it, the batch stays closed and as counted.
    ASSERT_TRUE(
        GiftCorrectionRepository(*office.store).amend(line, {"25", "", "", PaymentMethod::cash}, "Coin found", "op2"));
    EXPECT_TRUE(server.push(office).refused.empty());
    server.pull(volunteer);
    EXPECT_EQ(GiftRepository(*volunteer.store).list_for_member(member).value()[0].amount_cents, 2500);
    EXPECT_EQ(test::scalar(*server.store, "SELECT amount_cents FROM gift_batch_line"), 2000);
}

// A device that does not ask what the form asks (an older or broken app):
// the server refuses a correction with no reason, and one whose fields do
// not fit its kind, and nothing changes.
TEST(GiftCorrectionSync, TheServerRefusesACorrectionWithoutAReasonOrWithFieldsOfAnotherKind)
{
    Server server;
    Device office(1, server::Role::office);
    const OneGift g = give(office, "40");
    server.push(office);
    auto raw = [&](const char* kind, const char* reason, const char* refund_date) {
        Statement s(office.store->db(),
                    "INSERT INTO gift_correction(id, gift_id, kind, refund_cents, refund_date, refund_method, reason, "
                    "created_at) SELECT ?1, id, ?2, 1000, ?4, 'cash', ?3, '2025-11-23T10:00:00.000Z' FROM gift");
        s.bind_uuid(1, new_uuid_v7());
        s.bind_text(2, kind);
        s.bind_text(3, reason);
        s.bind_text(4, refund_date);
        ASSERT_TRUE(office.store->transaction([&] { return s.run(); }));
    };
    raw("refund", "  ", "2025-11-01");    // no reason
    raw("refund", "Asked back", "");      // a refund with no date
    raw("void", "Bounced", "2025-11-01"); // a void that carries a refund
    sync::PushResponse answer = server.push(office);
    ASSERT_EQ(answer.refused.size(), 3u);
    EXPECT_EQ(answer.refused[0].code, "value.no_reason");
    EXPECT_EQ(answer.refused[1].code, "value.bad_correction");
    EXPECT_EQ(answer.refused[1].field, "refund_date");
    EXPECT_EQ(answer.refused[2].code, "value.bad_correction");
    EXPECT_EQ(answer.refused[2].field, "refund_cents");
    EXPECT_EQ(test::scalar(*server.store, "SELECT count(*) FROM gift_correction"), 0);
    EXPECT_EQ(test::scalar(*server.store, "SELECT net_cents FROM gift_now"), 4000);
}

} // namespace
} // namespace obole
