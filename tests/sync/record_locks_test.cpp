// A closed gift batch is locked at the server too (sync/server/record_locks.h):
// a device that edited a line offline, not knowing the batch was closed on
// another device, is refused, and its copy comes back to the closed batch
// when it pulls. The gifts posted at closing are the lines' own rows: never
// two gifts for one line.
#include <gtest/gtest.h>

#include "client/outbox.h"
#include "client/pull.h"
#include "core/gift_batch_repository.h"
#include "core/gift_repository.h"
#include "core/member_repository.h"
#include "core/migrations.h"
#include "core/statement.h"
#include "core/store.h"
#include "core/uuid.h"
#include "protocol/codec.h"
#include "server/server_store.h"
#include "server/sync_service.h"

namespace obole {
namespace {

constexpr int64_t kNow = 1'763'900'000'000;

struct Device {
    Device(int i, server::Role role)
    {
        who.device_id = format_uuid_v7(1'700'000'000'000 + i, 0, uint64_t(i) + 1);
        who.operator_login = "op" + std::to_string(i);
        who.role = role;
        EXPECT_TRUE(outbox->become_device(who.device_id));
    }
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    std::unique_ptr<sync::Outbox> outbox = std::move(sync::Outbox::attach(*store, [] { return kNow; }).value());
    server::Principal who;
};

struct Server {
    Server() { EXPECT_TRUE(service.ensure_schema()); }
    std::unique_ptr<Store> store = std::move(server::open_memory_server_store().value());
    server::SyncService service{*store};

    sync::PushResponse push(Device& d)
    {
        Result<sync::PushResponse> answer =
            service.push(d.who, {current_schema_version(), d.outbox->pending(1000).value()}, kNow);
        EXPECT_TRUE(answer.ok()) << answer.error().message;
        if (!answer.ok())
            return {};
        EXPECT_TRUE(d.outbox->acknowledge(answer->last_seq));
        return *answer;
    }
    void pull(Device& d)
    {
        for (bool more = true; more;) {
            Result<sync::PullResponse> page = service.pull(sync::pull_cursor(*d.store), 1000, current_schema_version());
            ASSERT_TRUE(page.ok()) << page.error().message;
            ASSERT_TRUE(sync::apply_pull(*d.store, *d.outbox, *page, kNow));
            more = page->more;
        }
    }
};

int64_t count(Store& store, const char* sql)
{
    Statement s(store.db(), sql);
    return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
}

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
    Device a(1, server::Role::volunteer), b(2, server::Role::staff);
    NewMember m;
    m.last_name = "Dupont";
    const std::string member = MemberRepository(*a.store).create(m, "op1").value();
    GiftBatchRepository batches_a(*a.store);
    const std::string batch = batches_a.open({"Stand", "", ""}, "op1").value();
    const std::string l1 = batches_a.add_line(batch, line(member, "20"), "op1").value();
    server.push(a);
    server.pull(b);
    ASSERT_EQ(GiftBatchRepository(*b.store).lines(batch).size(), 1u);

    // A closes the box; B, offline, corrects the line it still sees open.
    ASSERT_TRUE(batches_a.close(batch, {{PaymentMethod::cash, 1, 2000}}, "", "op1"));
    ASSERT_TRUE(GiftBatchRepository(*b.store).update_line(l1, line(member, "25"), "op2"));
    sync::PushResponse closed = server.push(a);
    EXPECT_TRUE(closed.refused.empty());
    sync::PushResponse late = server.push(b);
    ASSERT_EQ(late.refused.size(), 1u);
    EXPECT_EQ(late.refused[0].code, "auth.locked");

    EXPECT_EQ(count(*server.store, "SELECT amount_cents FROM gift_batch_line"), 2000);
    EXPECT_EQ(count(*server.store, "SELECT count(*) FROM gift"), 1);
    server.pull(b);
    EXPECT_EQ(count(*b.store, "SELECT amount_cents FROM gift_batch_line"), 2000);
    EXPECT_TRUE(GiftBatchRepository(*b.store).get(batch)->closed);
    EXPECT_EQ(count(*b.store, "SELECT count(*) FROM gift"), 1);
    // The gift is the line's own row.
    std::vector<Gift> gifts = GiftRepository(*b.store).list_for_member(member);
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
    EXPECT_EQ(count(*server.store, "SELECT count(*) FROM gift_batch_line"), 1);
}

} // namespace
} // namespace obole
