// A device's own insert comes back in the pull, after changes it made to
// the row since and already sent (they follow in the log). Found by the
// simulation (seed 917224905768983): a closed batch came back open, between
// the pull page holding its insert and the one holding its closing, and the
// volunteer added lines the server then refused (the batch is locked there),
// which stayed on the device alone.
#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/gift_batch_repository.h"
#include "core/store/migrations.h"
#include "one_server.h"

namespace obole::test {
namespace {

TEST(PullEcho, AnOwnInsertComingBackDoesNotPutBackAFieldChangedSince)
{
    SyncServer server;
    EnrolledDevice stand(1, server::Role::volunteer);
    NewMember m;
    m.first_name = "Anne";
    m.last_name = "Moreau";
    const std::string member = MemberRepository(*stand.store).create(m, "op1").value();
    GiftBatchRepository batches(*stand.store);
    const std::string batch = batches.open({"Stand", "", ""}, "op1").value();
    NewBatchLine line;
    line.member_id = member;
    line.amount_text = "20";
    ASSERT_TRUE(batches.add_line(batch, line, "op1").ok());
    server.push(stand);
    ASSERT_TRUE(batches.close(batch, batch_totals(batches.lines(batch).value()).by_method, "", "op1").ok());
    server.push(stand);
    // The log, one change a page: the batch is closed after every page.
    for (bool more = true; more;) {
        Result<sync::PullResponse> page =
            server.service.pull(sync::pull_cursor(*stand.store).value(), 1, current_schema_version());
        ASSERT_TRUE(page.ok()) << page.error().message;
        ASSERT_TRUE(sync::apply_pull(*stand.store, *stand.outbox, *page, kSyncNow).ok());
        more = page->more;
        ASSERT_TRUE(batches.get(batch)->closed) << "after version " << sync::pull_cursor(*stand.store).value();
    }
    EXPECT_EQ(scalar(*stand.store, "SELECT count(*) FROM gift"), 1);
}

// The field's clock as a copy holds it ("" when never changed).
std::string notepad_clock(Store& store)
{
    Statement s(store.db(), "SELECT hlc FROM field_clock WHERE field = 'notepad'");
    return s.step() == Statement::Step::row ? s.column_text(0) : "";
}

// Found by the simulation (seed 522347442340065): a device whose clock runs
// ahead changes a field; the server takes the change with its own clock;
// the answer is lost, and a pull brings the change back while it still
// waits in the outbox. The device kept its own clock, the retry added
// nothing to the log, and the copies held the same value under two clocks
// for good (a later change between the two would then be decided apart).
TEST(PullEcho, AnOwnChangeWhoseAnswerWasLostTakesTheServersClampedClock)
{
    SyncServer server;
    EnrolledDevice laptop(1, server::Role::office);
    NewMember m;
    m.first_name = "Anne";
    m.last_name = "Moreau";
    const std::string member = MemberRepository(*laptop.store).create(m, "op1").value();
    const int64_t server_now = kSyncNow - 20 * 60 * 1000; // the laptop is 20 minutes ahead
    Result<sync::PushResponse> created = server.service.push(laptop.who, server.request(laptop), server_now);
    ASSERT_TRUE(created.ok()) << created.error().message;
    ASSERT_TRUE(laptop.outbox->acknowledge(created->last_seq));
    server.pull(laptop);
    ASSERT_TRUE(MemberRepository(*laptop.store).set_notepad(member, "Calls on Tuesdays", "op1"));

    ASSERT_TRUE(server.service.push(laptop.who, server.request(laptop), server_now).ok()); // answer lost
    server.pull(laptop);
    Result<sync::PushResponse> retry = server.service.push(laptop.who, server.request(laptop), server_now);
    ASSERT_TRUE(retry.ok()) << retry.error().message;
    ASSERT_TRUE(laptop.outbox->acknowledge(retry->last_seq));
    server.pull(laptop);

    ASSERT_NE(notepad_clock(*server.store), "");
    EXPECT_EQ(notepad_clock(*laptop.store), notepad_clock(*server.store));
    EXPECT_EQ(scalar(*laptop.store, "SELECT count(*) FROM member WHERE notepad = 'Calls on Tuesdays'"), 1);
}

} // namespace
} // namespace obole::test
