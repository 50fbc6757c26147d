// A database that cannot be read, on either side of sync: each read that
// fails is an error, never an empty answer. On the server, a number whose
// change could not be read back would be taken for a retry, and the new
// change under it dropped; on the device, an outbox read as empty would
// let a server copy replace changes never sent. Tables are renamed away to make reads fail
// as a damaged or locked database would.
#include <gtest/gtest.h>

#include "client/sync_engine.h"
#include "core/members/member_repository.h"
#include "one_server.h"

namespace obole::test {
namespace {

std::string add_member(SyncDevice& d, const std::string& last)
{
    NewMember m;
    m.last_name = last;
    m.postcode = "75011";
    m.city = "Paris";
    m.line1 = "1 rue Oberkampf";
    return MemberRepository(*d.store).create(m, "anne").value();
}

// DDL the outbox must not capture (it is no change to send).
void exec_unobserved(Store& store, const char* sql)
{
    ASSERT_TRUE(store.unobserved([&] { return store.exec(sql); }));
}

TEST(UnreadableStore, AServerThatCannotReadWhatANumberHeldTakesNothingForARetry)
{
    SyncServer server;
    EnrolledDevice stand(1, server::Role::office);
    add_member(stand, "Durand");
    server.push(stand);
    // A copy of the stand's profile numbers its own changes from 1 again.
    EnrolledDevice copy(1, server::Role::office);
    add_member(copy, "Martin");
    const sync::PushRequest reused = server.request(copy);

    ASSERT_TRUE(server.store->exec("ALTER TABLE server.device_change RENAME TO device_change_away"));
    Result<sync::PushResponse> answer = server.service.push(copy.who, reused, kSyncNow);
    ASSERT_FALSE(answer.ok()) << "numbers already used were taken for a retry: Martin is lost";
    EXPECT_EQ(answer.error().code, "db.error") << "the server's trouble, not the device's fault";

    // Readable again, the server sees what it is.
    ASSERT_TRUE(server.store->exec("ALTER TABLE server.device_change_away RENAME TO device_change"));
    answer = server.service.push(copy.who, reused, kSyncNow);
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().code, "sync.sequence_reused");
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM member"), 1);
}

TEST(UnreadableStore, ADeviceWhoseOutboxCannotBeCountedSaysSoAndSendsNothing)
{
    SyncDevice d(2);
    sync::SyncEngine engine(*d.store, *d.outbox, 1);
    engine.set_online(true, kSyncNow);
    engine.request_enrolment("ABCD-EFGH", "anne", "a long password", "tablet");
    ASSERT_TRUE(engine.poll(kSyncNow));
    engine.on_response(200,
                       R"({"token":"t0k","device_id":"0190f2a4-5b1c-7d3e-8f12-3456789abcde",)"
                       R"("operator":{"login":"anne","name":"Anne","role":"office"}})",
                       kSyncNow);
    add_member(d, "Durand");
    ASSERT_EQ(engine.status().waiting, 3); // member, address, journal
    add_member(d, "Martin");               // counted again at the next look

    exec_unobserved(*d.store, "ALTER TABLE outbox RENAME TO outbox_away");
    const sync::SyncStatus broken = engine.status();
    EXPECT_FALSE(broken.waiting_error.empty()) << "an outbox that could not be counted reads as " << broken.waiting;
    EXPECT_FALSE(engine.poll(kSyncNow)) << "a round started on an outbox it could not read";
    EXPECT_EQ(engine.status().last_error_code, "db.error");

    // Readable again: the round after the retry delay pushes all six.
    exec_unobserved(*d.store, "ALTER TABLE outbox_away RENAME TO outbox");
    EXPECT_EQ(engine.status().waiting, 6);
    EXPECT_TRUE(engine.status().waiting_error.empty());
    std::optional<sync::HttpCall> call = engine.poll(engine.status().next_attempt_ms);
    ASSERT_TRUE(call);
    EXPECT_EQ(call->path, "/api/sync/push");
    EXPECT_EQ(sync::json::parse(call->body)["changes"].size(), 6u);
}

} // namespace
} // namespace obole::test
