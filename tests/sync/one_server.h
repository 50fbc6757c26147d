// One server and devices talking to it in the test's own process: the
// device's store and outbox, the server's SyncService, and a push or pull
// done whole (every page), without HTTP. For the sync tests that follow a
// few devices step by step; tests/sync/simulation.h runs many at random.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "client/outbox.h"
#include "client/pull.h"
#include "client/refusals.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "server/server_store.h"
#include "server/sync_service.h"

namespace obole::test {

constexpr int64_t kSyncNow = 1'763'900'000'000; // 2025-11-23

struct SyncDevice {
    // Not enrolled yet: enrol() makes it a device of the server.
    explicit SyncDevice(int i, server::Role role = server::Role::office)
    {
        who.device_id = format_uuid_v7(1'700'000'000'000 + i, 0, uint64_t(i) + 1);
        who.operator_login = "op" + std::to_string(i);
        who.role = role;
    }
    void enrol() { ASSERT_TRUE(outbox->become_device(who.device_id)); }

    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    std::unique_ptr<sync::Outbox> outbox = std::move(sync::Outbox::attach(*store, [] { return kSyncNow; }).value());
    server::Principal who;
};

// A device enrolled with the server from the start, in the role given.
struct EnrolledDevice : SyncDevice {
    EnrolledDevice(int i, server::Role role) : SyncDevice(i, role) { enrol(); }
};

// The first column of the first row of `sql`; -1 when there is none.
inline int64_t scalar(Store& store, const char* sql)
{
    Statement s(store.db(), sql);
    return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
}

struct SyncServer {
    SyncServer() { EXPECT_TRUE(service.ensure_schema()); }
    std::unique_ptr<Store> store = std::move(server::open_memory_server_store().value());
    server::SyncService service{*store};

    sync::PushRequest request(SyncDevice& d) { return {current_schema_version(), d.outbox->pending(1000).value()}; }

    // Everything the device holds, acknowledged as the sync engine does
    // (what was refused kept, a refused new row taken off); the server's answer.
    sync::PushResponse push(SyncDevice& d)
    {
        Result<sync::PushResponse> answer = service.push(d.who, request(d), kSyncNow);
        EXPECT_TRUE(answer.ok()) << answer.error().message;
        if (!answer.ok())
            return {};
        EXPECT_TRUE(d.store->transaction([&]() -> Result<void> {
            if (Result<void> r = sync::record_refusals(*d.store, answer->refused, "2025-11-23T00:00:00.000Z"); !r)
                return r;
            return d.outbox->acknowledge(answer->last_seq);
        }));
        return *answer;
    }

    void pull(SyncDevice& d)
    {
        for (bool more = true; more;) {
            Result<sync::PullResponse> page =
                service.pull(sync::pull_cursor(*d.store).value(), 1000, current_schema_version());
            ASSERT_TRUE(page.ok()) << page.error().message;
            Result<void> applied = sync::apply_pull(*d.store, *d.outbox, *page, kSyncNow);
            ASSERT_TRUE(applied.ok()) << applied.error().message;
            more = page->more;
        }
    }
};

} // namespace obole::test
