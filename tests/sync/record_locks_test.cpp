// A closed gift batch is locked at the server too (sync/server/record_locks.h):
// a device that edited a line offline, not knowing the batch was closed on
// another device, is refused, and its copy comes back to the closed batch
// when it pulls. The gifts posted at closing are the lines' own rows: never
// two gifts for one line.
#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/gift_batch_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "one_server.h"

namespace obole {
namespace {

using Device = test::EnrolledDevice;
using Server = test::SyncServer;

NewBatchLine line(const std::string& member, const char* amount)
{
    NewBatchLine l;
    l.member_id = member;
    l.amount_text = amount;
    return l;
}

TEST(RecordLocks, AClosedBatchRefusesALateCorrectionAndTheDeviceConverges)
{
    Server server;
    Device a(1, server::Role::volunteer), b(2, server::Role::office);
    NewMember m;
    m.last_name = "Dupont";
    const std::string member = MemberRepository(*a.store).create(m, "op1").value();
    GiftBatchRepository batches_a(*a.store);
    const std::string batch = batches_a.open({"Stand", "", ""}, "op1").value();
    const std::string l1 = batches_a.add_line(batch, line(member, "20"), "op1").value();
    server.push(a);
    server.pull(b);
    ASSERT_EQ(GiftBatchRepository(*b.store).lines(batch).value().size(), 1u);

    // A closes the box; B, offline, corrects the line it still sees open.
    ASSERT_TRUE(batches_a.close(batch, {{PaymentMethod::cash, 1, 2000}}, "", "op1"));
    ASSERT_TRUE(GiftBatchRepository(*b.store).update_line(l1, line(member, "25"), "op2"));
    sync::PushResponse closed = server.push(a);
    EXPECT_TRUE(closed.refused.empty());
    sync::PushResponse late = server.push(b);
    ASSERT_EQ(late.refused.size(), 1u);
    EXPECT_EQ(late.refused[0].code, "auth.locked");

    EXPECT_EQ(test::scalar(*server.store, "SELECT amount_cents FROM gift_batch_line"), 2000);
    EXPECT_EQ(test::scalar(*server.store, "SELECT count(*) FROM gift"), 1);
    server.pull(b);
    EXPECT_EQ(test::scalar(*b.store, "SELECT amount_cents FROM gift_batch_line"), 2000);
    EXPECT_TRUE(GiftBatchRepository(*b.store).get(batch)->closed);
    EXPECT_EQ(test::scalar(*b.store, "SELECT count(*) FROM gift"), 1);
    // The gift is the line's own row.
    std::vector<Gift> gifts = GiftRepository(*b.store).list_for_member(member).value();
    ASSERT_EQ(gifts.size(), 1u);
    EXPECT_EQ(gifts[0].id, l1);
    EXPECT_EQ(gifts[0].batch_id, batch);
}

TEST(RecordLocks, ANewLineInAClosedBatchIsRefused)
{
    Server server;
    Device a(1, server::Role::volunteer), b(2, server::Role::volunteer);
    NewMember m;
    m.last_name = "Martin";
    const std::string member = MemberRepository(*a.store).create(m, "op1").value();
    const std::string batch = GiftBatchRepository(*a.store).open({"Stand", "", ""}, "op1").value();
    ASSERT_TRUE(GiftBatchRepository(*a.store).add_line(batch, line(member, "10"), "op1"));
    server.push(a);
    server.pull(b);
    ASSERT_TRUE(GiftBatchRepository(*a.store).close(batch, {{PaymentMethod::cash, 1, 1000}}, "", "op1"));
    server.push(a);
    ASSERT_TRUE(GiftBatchRepository(*b.store).add_line(batch, line(member, "99"), "op2"));
    sync::PushResponse late = server.push(b);
    ASSERT_EQ(late.refused.size(), 1u);
    EXPECT_EQ(late.refused[0].code, "auth.locked");
    EXPECT_EQ(test::scalar(*server.store, "SELECT count(*) FROM gift_batch_line"), 1);
}

} // namespace
} // namespace obole
