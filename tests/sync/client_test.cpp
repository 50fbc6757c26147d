// The device side on its own: what the outbox records, and when the engine
// talks to the server.
#include <gtest/gtest.h>

#include "client/outbox.h"
#include "client/pull.h"
#include "client/sync_engine.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::sync {
namespace {

struct Device {
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    int64_t now = 1'763'900'000'000;
    std::unique_ptr<Outbox> outbox = std::move(Outbox::attach(*store, [this] { return now; }).value());

    std::string add_member(const std::string& last)
    {
        NewMember m;
        m.last_name = last;
        m.postcode = "75011";
        m.city = "Paris";
        m.line1 = "1 rue Oberkampf";
        return MemberRepository(*store).create(m, "anne").value();
    }
};

TEST(Outbox, EachChangedRowBecomesOneChangeInTheSameTransaction)
{
    Device d;
    const std::string id = d.add_member("Durand");
    // member, address, journal: one transaction, three rows.
    Result<std::vector<OutboxChange>> pending = d.outbox->pending(100);
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 3u);
    EXPECT_EQ((*pending)[0].seq, 1u);
    EXPECT_EQ((*pending)[2].seq, 3u);
    const OutboxChange* member = nullptr;
    for (const OutboxChange& c : *pending)
        if (c.change.table == "member")
            member = &c;
    ASSERT_NE(member, nullptr);
    EXPECT_EQ(member->change.row, id);
    EXPECT_EQ(member->change.op, Op::insert);
    EXPECT_EQ(member->change.fields["last_name"], "Durand");
    EXPECT_FALSE(member->change.fields.contains("ref")); // local, never sent

    // An update carries only what changed, with the base of free text.
    ASSERT_TRUE(MemberRepository(*d.store).set_notepad(id, "Rappeler lundi", "anne"));
    pending = d.outbox->pending(100);
    const OutboxChange& edit = pending->at(3);
    EXPECT_EQ(edit.change.op, Op::update);
    // The notepad, and updated_at unless the edit fell in the creation's millisecond.
    for (auto f = edit.change.fields.begin(); f != edit.change.fields.end(); ++f)
        EXPECT_TRUE(f.key() == "notepad" || f.key() == "updated_at") << f.key();
    EXPECT_EQ(edit.change.fields["notepad"], "Rappeler lundi");
    EXPECT_EQ(edit.change.base, (json{{"notepad", ""}}));
    EXPECT_EQ(d.outbox->pending_clock(id, "notepad").value(), edit.change.hlc);

    // A failed transaction leaves nothing behind.
    NewGift bad;
    bad.member_id = id;
    bad.amount_text = "-3";
    bad.date_text = "2026-11-23";
    EXPECT_FALSE(GiftRepository(*d.store).add(bad, "anne").ok());
    EXPECT_EQ(d.outbox->count().value(), 5);
}

TEST(Outbox, AcknowledgedChangesLeaveAndEnrolmentRenumbers)
{
    Device d;
    d.add_member("Durand");
    d.add_member("Martin");
    ASSERT_EQ(d.outbox->count().value(), 6);
    ASSERT_TRUE(d.outbox->acknowledge(4));
    EXPECT_EQ(d.outbox->pending(10)->front().seq, 5u);
    // The server has never seen this device: it starts at 1 again.
    ASSERT_TRUE(d.outbox->become_device("0190f2a4-5b1c-7d3e-8f12-3456789abcde"));
    std::vector<OutboxChange> pending = d.outbox->pending(10).value();
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].seq, 1u);
    EXPECT_EQ(pending[1].seq, 2u);
    d.add_member("Petit");
    EXPECT_EQ(d.outbox->pending(10)->back().seq, 5u);
    EXPECT_NE(d.outbox->pending(10)->back().change.hlc.find("0190f2a4"), std::string::npos);
}

TEST(SyncEngine, WaitsForATokenAndTheNetworkThenBacksOffWithJitter)
{
    Device d;
    SyncTiming timing;
    SyncEngine engine(*d.store, *d.outbox, 1, timing);
    engine.set_online(true, d.now);
    EXPECT_FALSE(engine.poll(d.now)) << "no token yet";

    engine.request_enrolment("ABCD-EFGH", "anne", "secret", "tablet");
    std::optional<HttpCall> enrol = engine.poll(d.now);
    ASSERT_TRUE(enrol);
    EXPECT_EQ(enrol->path, "/api/enrol");
    EXPECT_FALSE(enrol->authorized);
    engine.on_response(200,
                       R"({"token":"t0k","device_id":"0190f2a4-5b1c-7d3e-8f12-3456789abcde",)"
                       R"("operator":{"login":"anne","name":"Anne","role":"staff"}})",
                       d.now);
    EXPECT_EQ(engine.enrolment().state, SyncEngine::Enrolment::State::done);
    EXPECT_EQ(engine.status().operator_login, "anne");

    // Failures space the next attempts out, never beyond the maximum.
    int64_t previous_gap = 0;
    for (int i = 0; i < 12; ++i) {
        std::optional<HttpCall> call = engine.poll(d.now);
        ASSERT_TRUE(call) << "attempt " << i;
        engine.on_failure("offline", d.now);
        const int64_t gap = engine.status().next_attempt_ms - d.now;
        EXPECT_GE(gap, timing.first_retry_ms / 2);
        EXPECT_LE(gap, timing.max_retry_ms);
        if (i < 5) {
            EXPECT_GT(gap, previous_gap / 2 + 1); // growing while below the maximum
        }
        previous_gap = gap;
        EXPECT_FALSE(engine.poll(d.now + gap - 1)) << "too early";
        d.now += gap;
    }
    EXPECT_EQ(engine.status().last_error, "The server could not be reached.");

    // The network coming back: at once.
    engine.set_online(false, d.now);
    engine.set_online(true, d.now + 1);
    EXPECT_TRUE(engine.poll(d.now + 1));
    // A refused token stops the retries until a person acts.
    engine.on_response(401, R"({"error":{"code":"auth.revoked","message":"This device was revoked."}})", d.now + 1);
    EXPECT_FALSE(engine.poll(d.now + 10'000'000));
    EXPECT_TRUE(engine.status().stopped);
    EXPECT_EQ(engine.status().last_error, "This device was revoked.");
}

TEST(SyncEngine, AChangeOnTheDeviceGoesOutSoonAfter)
{
    Device d;
    SyncEngine engine(*d.store, *d.outbox, 2);
    engine.set_online(true, d.now);
    engine.request_enrolment("ABCD-EFGH", "zoe", "secret", "phone");
    ASSERT_TRUE(engine.poll(d.now));
    engine.on_response(200,
                       R"({"token":"t","device_id":"0190f2a4-5b1c-7d3e-8f12-3456789abcde",)"
                       R"("operator":{"login":"zoe","name":"Zoé","role":"volunteer"}})",
                       d.now);
    EXPECT_EQ(engine.status().operator_role, "volunteer");
    EXPECT_EQ(engine.status().operator_name, "Zoé");
    // A first round: nothing to push, an empty page to pull.
    std::optional<HttpCall> pull = engine.poll(d.now);
    ASSERT_TRUE(pull);
    EXPECT_EQ(pull->method, "GET");
    engine.on_response(200, R"({"schema_version":3,"changes":[],"cursor":0,"more":false})", d.now);
    EXPECT_TRUE(engine.status().last_error.empty()) << engine.status().last_error;
    EXPECT_FALSE(engine.poll(d.now + 1000)) << "the next period is 30 s away";

    d.add_member("Durand");
    EXPECT_FALSE(engine.poll(d.now + 1000));
    std::optional<HttpCall> push = engine.poll(d.now + 3000);
    ASSERT_TRUE(push) << "a change goes out about 2 s after it is made";
    EXPECT_EQ(push->path, "/api/sync/push");

    // Leaving forgets the operator too.
    engine.on_failure("offline", d.now + 3000);
    ASSERT_TRUE(engine.leave());
    EXPECT_EQ(engine.status().operator_role, "");
    EXPECT_FALSE(engine.status().enrolled);
}

TEST(ApplyPull, TheDeviceTakesBackTheOperatorTheServerStamped)
{
    // A gift entered under a name typed on the device; the server logs it
    // under the login of the token that pushed it (issue 17, part 1).
    Device d;
    const std::string member = d.add_member("Durand");
    NewGift g;
    g.member_id = member;
    g.amount_text = "25";
    g.date_text = "2026-11-23";
    const std::string gift = GiftRepository(*d.store).add(g, "Mallory").value();
    std::vector<OutboxChange> pending = d.outbox->pending(100).value();
    const OutboxChange* mine = nullptr;
    for (const OutboxChange& c : pending)
        if (c.change.table == "gift")
            mine = &c;
    ASSERT_NE(mine, nullptr);
    EXPECT_EQ(mine->change.fields["operator"], "Mallory");

    PullResponse page;
    page.schema_version = 0;
    LoggedChange back{1, mine->change};
    back.change.fields["operator"] = "vol";
    page.changes.push_back(back);
    page.cursor = 1;
    ASSERT_TRUE(apply_pull(*d.store, *d.outbox, page, d.now));
    Statement s(d.store->db(), "SELECT operator FROM gift WHERE id = ?1");
    s.bind_uuid(1, gift);
    ASSERT_EQ(s.step(), Statement::Step::row);
    EXPECT_EQ(s.column_text(0), "vol");
}

TEST(ApplyPull, APageThatComesLateDoesNotPutOlderValuesBack)
{
    // Two pages of the same notepad's history; the first is answered again,
    // late (a replayed or retried request), after the second.
    Device d;
    const std::string member = d.add_member("Durand");
    ASSERT_TRUE(d.outbox->acknowledge(d.outbox->pending(100).value().back().seq));
    auto page = [&](int64_t version, const std::string& text) {
        PullResponse p;
        Change c;
        c.table = "member";
        c.row = member;
        c.op = Op::update;
        c.hlc = Hlc{d.now, uint32_t(version), "0190f2a4-5b1c-7d3e-8f12-3456789abcde"}.text();
        c.fields = {{"notepad", text}};
        p.changes.push_back({version, c});
        p.cursor = version;
        return p;
    };
    ASSERT_TRUE(apply_pull(*d.store, *d.outbox, page(1, "first"), d.now));
    ASSERT_TRUE(apply_pull(*d.store, *d.outbox, page(2, "second"), d.now));
    ASSERT_TRUE(apply_pull(*d.store, *d.outbox, page(1, "first"), d.now));
    EXPECT_EQ(MemberRepository(*d.store).get(member)->notepad, "second");
    EXPECT_EQ(pull_cursor(*d.store).value(), 2);
}

// Online and enrolled as the staff member Anne, holding the token "first".
void enrol_as_anne(SyncEngine& engine, Device& d)
{
    engine.set_online(true, d.now);
    engine.request_enrolment("ABCD-EFGH", "anne", "secret", "tablet");
    ASSERT_TRUE(engine.poll(d.now));
    engine.on_response(200,
                       R"({"token":"first","device_id":"0190f2a4-5b1c-7d3e-8f12-3456789abcde",)"
                       R"("operator":{"login":"anne","name":"Anne","role":"staff"}})",
                       d.now);
}

TEST(SyncEngine, ATokenIsRotatedOnceItIsOldAndTheNewOneIsKeptBeforeUse)
{
    Device d;
    SyncTiming timing;
    timing.rotate_token_ms = 7LL * 24 * 3600 * 1000;
    SyncEngine engine(*d.store, *d.outbox, 3, timing);
    enrol_as_anne(engine, d);
    const std::string empty_page = R"({"schema_version":3,"changes":[],"cursor":0,"more":false})";

    // A fresh token: the round is a pull, no rotation.
    std::optional<HttpCall> call = engine.poll(d.now);
    ASSERT_TRUE(call);
    EXPECT_EQ(call->method, "GET");
    engine.on_response(200, empty_page, d.now);

    // A week later the round begins with a rotation, then goes on.
    d.now += timing.rotate_token_ms;
    call = engine.poll(d.now);
    ASSERT_TRUE(call);
    EXPECT_EQ(call->method, "POST");
    EXPECT_EQ(call->path, "/api/token/rotate");
    EXPECT_TRUE(call->authorized);
    engine.on_response(200, R"({"token":"second"})", d.now);
    EXPECT_EQ(engine.token(), "second");
    call = engine.poll(d.now);
    ASSERT_TRUE(call);
    EXPECT_EQ(call->path.rfind("/api/sync/pull", 0), 0u) << call->path;
    engine.on_response(200, empty_page, d.now);

    // Kept on the device: a restart uses the new token, and does not rotate again so soon.
    SyncEngine restarted(*d.store, *d.outbox, 4, timing);
    restarted.set_online(true, d.now + 1);
    EXPECT_EQ(restarted.token(), "second");
    call = restarted.poll(d.now + 1);
    ASSERT_TRUE(call);
    EXPECT_EQ(call->method, "GET");
}

TEST(SyncEngine, ARotationRefusedLeavesTheTokenAsItWas)
{
    Device d;
    SyncTiming timing;
    SyncEngine engine(*d.store, *d.outbox, 5, timing);
    enrol_as_anne(engine, d);
    d.now += timing.rotate_token_ms;
    ASSERT_EQ(engine.poll(d.now)->path, "/api/token/rotate");
    // An unreadable answer: the old token stays, the round fails and is retried.
    engine.on_response(200, R"({"nothing":1})", d.now);
    EXPECT_EQ(engine.token(), "first");
    EXPECT_EQ(engine.status().last_error, "The server's answer is not readable.");
    EXPECT_FALSE(engine.status().stopped);
    // A token the server no longer takes: stopped until a person enrols again.
    d.now = engine.status().next_attempt_ms;
    ASSERT_EQ(engine.poll(d.now)->path, "/api/token/rotate");
    engine.on_response(401,
                       R"({"error":{"code":"auth.token_expired","message":"This device was not used for a long )"
                       R"(time, so its token expired; enrol it again with a new code."}})",
                       d.now);
    EXPECT_TRUE(engine.status().stopped);
    EXPECT_EQ(engine.token(), "first");
    EXPECT_EQ(engine.status().last_error_code, "auth.token_expired");
}

} // namespace
} // namespace obole::sync
