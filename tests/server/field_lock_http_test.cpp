// A donor signed up in the street is locked for the fundraiser: over real
// HTTP, the sign-up a volunteer's device pushes (member, contacts, mandate
// with its signature, consents, sign-up) is accepted whole; afterwards the
// volunteer's changes to that member are refused, and staff's are applied.
#include <gtest/gtest.h>

#include "../sync/field_form.h"
#include "client/outbox.h"
#include "core/calendar/date.h"
#include "core/field/field_signup.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"
#include "protocol/codec.h"
#include "server_over_http.h"

namespace {

class FieldLockHttpTest : public ServerOverHttp {
protected:
    void SetUp() override
    {
        ServerOverHttp::SetUp();
        admin_token = token_for(admin_code, "admin", kAdminPassword);
        volunteer_token = token_for(volunteer_code, "vol", kVolunteerPassword);
    }

    static json change(uint64_t seq, const std::string& table, const std::string& row, const std::string& op,
                       json fields)
    {
        char hlc[40];
        std::snprintf(hlc, sizeof hlc, "%015lld.%05d.", static_cast<long long>(obole::unix_now_ms()), int(seq));
        return {{"seq", seq},
                {"table", table},
                {"row", row},
                {"op", op},
                {"hlc", std::string(hlc) + "dev"},
                {"fields", std::move(fields)}};
    }

    Reply push(const std::string& token, json changes)
    {
        return send("POST", "/api/sync/push",
                    json{{"schema_version", obole::current_schema_version()}, {"changes", std::move(changes)}}.dump(),
                    token);
    }

    int64_t count(const std::string& sql)
    {
        obole::Statement s(store->db(), sql.c_str());
        return s.step() == obole::Statement::Step::row ? s.column_int64(0) : -1;
    }

    // A volunteer's device signs a donor up offline, then pushes what its
    // outbox holds. Returns the member's id; next_seq is the device's next.
    std::string volunteer_signs_up_a_donor()
    {
        auto device = std::move(obole::Store::open_memory().value());
        auto outbox = std::move(obole::sync::Outbox::attach(*device, [] { return obole::unix_now_ms(); }).value());
        auto done = obole::sign_up_in_the_field(*device, obole::testing_support::field_form("Martin"), "vol");
        EXPECT_TRUE(done.ok()) << done.error().message;
        if (!done)
            return "";
        obole::sync::PushRequest request;
        request.schema_version = obole::current_schema_version();
        request.changes = outbox->pending(1000).value();
        next_seq = request.changes.back().seq + 1;
        Reply r = send("POST", "/api/sync/push", obole::sync::to_json(request).dump(), volunteer_token);
        EXPECT_EQ(r.status, 200) << r.body.dump();
        EXPECT_EQ(r.body["refused"].size(), 0u) << "the sign-up itself was refused: " << r.body.dump();
        return done->member_id;
    }

    std::string admin_token, volunteer_token;
    uint64_t next_seq = 1;
};

} // namespace

TEST_F(FieldLockHttpTest, TheSignUpArrivesWholeAndLocked)
{
    const std::string member = volunteer_signs_up_a_donor();
    ASSERT_FALSE(member.empty());
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE last_name = 'Martin' AND field_locked = 1"), 1);
    EXPECT_EQ(
        count("SELECT count(*) FROM address a JOIN member m ON m.ref = a.member_ref WHERE m.last_name = 'Martin'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM phone p JOIN member m ON m.ref = p.member_ref WHERE m.last_name = 'Martin'"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM email e JOIN member m ON m.ref = e.member_ref WHERE m.last_name = 'Martin'"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM sepa_mandate WHERE signature_svg LIKE '<svg %'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM consent"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM field_signup WHERE fundraiser = 'vol'"), 1);
}

TEST_F(FieldLockHttpTest, AVolunteersChangesToTheLockedDonorAreRefusedStaffsApplied)
{
    const std::string member = volunteer_signs_up_a_donor();
    ASSERT_FALSE(member.empty());
    const uint64_t s = next_seq;
    Reply refused =
        push(volunteer_token, json::array({change(s, "member", member, "update", {{"last_name", "Martine"}}),
                                           change(s + 1, "phone", obole::new_uuid_v7(), "insert",
                                                  {{"member_id", member},
                                                   {"kind", "mobile"},
                                                   {"number", "+33699999999"},
                                                   {"created_at", "2026-12-02T10:00:00.000Z"},
                                                   {"deleted", 0}}),
                                           change(s + 2, "member", member, "update", {{"field_locked", 0}})}));
    ASSERT_EQ(refused.status, 200) << refused.body.dump();
    ASSERT_EQ(refused.body["refused"].size(), 3u) << refused.body.dump();
    EXPECT_EQ(refused.body["refused"][0]["code"], "auth.locked");
    EXPECT_EQ(refused.body["refused"][1]["code"], "auth.locked");
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE last_name = 'Martine'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM phone WHERE number = '+33699999999'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE last_name = 'Martin' AND field_locked = 1"), 1);

    // The office may: a correction, then the unlock; after it the volunteer may again.
    Reply office = push(admin_token, json::array({change(1, "member", member, "update", {{"last_name", "Martine"}}),
                                                  change(2, "member", member, "update", {{"field_locked", 0}})}));
    ASSERT_EQ(office.status, 200) << office.body.dump();
    EXPECT_EQ(office.body["refused"].size(), 0u) << office.body.dump();
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE last_name = 'Martine' AND field_locked = 0"), 1);
    Reply after = push(volunteer_token,
                       json::array({change(s + 3, "member", member, "update", {{"notepad", "Rappeler en mars"}})}));
    ASSERT_EQ(after.status, 200) << after.body.dump();
    EXPECT_EQ(after.body["refused"].size(), 0u) << after.body.dump();
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE notepad = 'Rappeler en mars'"), 1);
}
