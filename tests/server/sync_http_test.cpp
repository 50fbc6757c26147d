// Sync over real HTTP: push and pull through obole-server's routes on a
// loopback port, with real tokens. Retries are idempotent, a gap refuses
// the whole batch, a bad change is refused alone, roles are enforced,
// limits hold. (push_checks_http_test.cpp: what the server checks in each
// value.)
#include "sync_over_http.h"

#include "core/calendar/date.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"
#include "protocol/sync_limits.h"

TEST_F(SyncHttpTest, ARetriedPushIsAppliedOnce)
{
    const std::string member = obole::new_uuid_v7(), gift = obole::new_uuid_v7();
    json batch = json::array({new_member(1, member, "Durand"), new_gift(2, gift, member, 2500)});
    Reply first = push(admin_token, batch);
    ASSERT_EQ(first.status, 200) << first.body.dump();
    EXPECT_EQ(first.body["last_seq"], 2);
    Reply again = push(admin_token, batch);
    ASSERT_EQ(again.status, 200) << again.body.dump();
    EXPECT_EQ(again.body["last_seq"], 2);
    EXPECT_EQ(again.body["server_version"], first.body["server_version"]);
    EXPECT_EQ(count("SELECT count(*) FROM gift"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM server.change_log WHERE tbl = 'gift'"), 1);

    // Another device pulls both, in order, page by page.
    Reply page1 = pull(volunteer_token, 0, 1);
    ASSERT_EQ(page1.status, 200) << page1.body.dump();
    EXPECT_EQ(page1.body["changes"].size(), 1u);
    EXPECT_TRUE(page1.body["more"].get<bool>());
    Reply page2 = pull(volunteer_token, page1.body["cursor"].get<int64_t>(), 10);
    ASSERT_EQ(page2.body["changes"].size(), 1u);
    EXPECT_EQ(page2.body["changes"][0]["table"], "gift");
    EXPECT_FALSE(page2.body["more"].get<bool>());
}

TEST_F(SyncHttpTest, AGapIsRefusedAndNothingOfTheBatchIsApplied)
{
    const std::string a = obole::new_uuid_v7(), b = obole::new_uuid_v7();
    ASSERT_EQ(push(admin_token, json::array({new_member(1, a, "Aubert")})).status, 200);
    Reply gap = push(admin_token, json::array({new_member(2, b, "Bernard"), new_member(4, b, "Bernard")}));
    EXPECT_EQ(gap.status, 409);
    EXPECT_EQ(gap.error_code(), "sync.gap");
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE last_name = 'Bernard'"), 0);
}

TEST_F(SyncHttpTest, ABadChangeIsRefusedAloneAndTheOthersAreApplied)
{
    const std::string a = obole::new_uuid_v7(), b = obole::new_uuid_v7();
    ASSERT_EQ(push(admin_token, json::array({new_member(1, a, "Aubert")})).status, 200);
    Reply r =
        push(admin_token,
             json::array({change(2, "member", a, "update", {{"no_such_field", 1}}), new_member(3, b, "Bernard")}));
    ASSERT_EQ(r.status, 200) << r.body.dump();
    EXPECT_EQ(r.body["last_seq"], 3);
    ASSERT_EQ(r.body["refused"].size(), 1u);
    EXPECT_EQ(r.body["refused"][0]["seq"], 2);
    EXPECT_EQ(r.body["refused"][0]["code"], "sync.unknown_field");
    EXPECT_EQ(r.body["refused"][0]["field"], "no_such_field");
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE last_name = 'Bernard'"), 1);
}

// Each change, refused alone with its reason (and the number of the one
// refused): the answer lists them, nothing of them is stored.
TEST_F(SyncHttpTest, MalformedAndUnknownInputGetsAClearCode)
{
    Reply not_json = send("POST", "/api/sync/push", "{not json", admin_token);
    EXPECT_EQ(not_json.status, 400);
    EXPECT_EQ(not_json.error_code(), "request.malformed_json");

    Reply old_app =
        send("POST", "/api/sync/push", json{{"schema_version", 1}, {"changes", json::array()}}.dump(), admin_token);
    EXPECT_EQ(old_app.status, 409);
    EXPECT_EQ(old_app.error_code(), "sync.schema_mismatch");

    Reply query = send("GET", "/api/sync/pull?since=abc", "", admin_token);
    EXPECT_EQ(query.status, 400);
    EXPECT_EQ(query.error_code(), "request.bad_query");

    Reply bad = push(admin_token, json::array({change(1, "password", obole::new_uuid_v7(), "insert", json::object()),
                                               change(2, "member", obole::new_uuid_v7(), "insert", {{"last_name", 12}}),
                                               change(3, "gift", obole::new_uuid_v7(), "update", {{"amount_cents", 1}}),
                                               change(4, "member", "not-a-uuid", "insert", {{"last_name", "X"}})}));
    ASSERT_EQ(bad.status, 200) << bad.body.dump();
    ASSERT_EQ(bad.body["refused"].size(), 4u);
    EXPECT_EQ(bad.body["refused"][0]["code"], "sync.unknown_table");
    EXPECT_EQ(bad.body["refused"][1]["code"], "sync.bad_value");
    EXPECT_EQ(bad.body["refused"][2]["code"], "sync.insert_only");
    EXPECT_EQ(bad.body["refused"][3]["code"], "sync.bad_value");
    EXPECT_EQ(count("SELECT count(*) FROM server.change_log"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM member"), 0);
}

TEST_F(SyncHttpTest, TokensAndRolesAreChecked)
{
    Reply none = push("", json::array());
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(none.error_code(), "auth.missing_token");
    Reply forged = pull("not-a-token", 0);
    EXPECT_EQ(forged.status, 401);
    EXPECT_EQ(forged.error_code(), "auth.invalid_token");

    // A volunteer adds a member and a gift, and may not delete or merge.
    const std::string a = obole::new_uuid_v7(), b = obole::new_uuid_v7();
    Reply adds = push(volunteer_token, json::array({new_member(1, a, "Colin"), new_member(2, b, "Colin"),
                                                    new_gift(3, obole::new_uuid_v7(), a, 1000)}));
    ASSERT_EQ(adds.status, 200) << adds.body.dump();
    // A change the role does not allow is refused alone: the answer says
    // which and why, the change behind it is applied, nothing is deleted,
    // and the log puts the field back for the device.
    Reply remove =
        push(volunteer_token, json::array({change(4, "member", a, "update", {{"deleted", 1}}),
                                           change(5, "member", a, "update", {{"notepad", "Appelle le lundi"}})}));
    ASSERT_EQ(remove.status, 200) << remove.body.dump();
    EXPECT_EQ(remove.body["last_seq"], 5);
    ASSERT_EQ(remove.body["refused"].size(), 1u);
    EXPECT_EQ(remove.body["refused"][0]["seq"], 4);
    EXPECT_EQ(remove.body["refused"][0]["code"], "auth.forbidden");
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE notepad = 'Appelle le lundi'"), 1);
    Reply merge = push(volunteer_token, json::array({change(6, "member", a, "update", {{"merged_into_id", b}})}));
    EXPECT_EQ(merge.body["refused"].size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE deleted = 1 OR merged_into_ref IS NOT NULL"), 0);
    Reply log = pull(volunteer_token, 0, 100);
    bool put_back = false;
    for (const json& c : log.body["changes"])
        put_back = put_back || (c["row"] == a && c["fields"] == json{{"deleted", 0}});
    EXPECT_TRUE(put_back) << "no correction in the log for the refused delete";
    // Staff and admins may.
    Reply admin_merge = push(admin_token, json::array({change(1, "member", a, "update", {{"merged_into_id", b}})}));
    EXPECT_EQ(admin_merge.status, 200) << admin_merge.body.dump();
    EXPECT_EQ(count("SELECT count(*) FROM gift g JOIN member m ON m.ref = g.member_ref WHERE m.last_name = 'Colin' "
                    "AND m.merged_into_ref IS NULL"),
              1);
}

TEST_F(SyncHttpTest, LimitsHold)
{
    json many = json::array();
    for (uint64_t i = 1; i <= 1001; ++i)
        many.push_back(change(i, "journal", obole::new_uuid_v7(), "insert", {{"action", "x"}}));
    Reply too_many = push(admin_token, many);
    EXPECT_EQ(too_many.status, 413);
    EXPECT_EQ(too_many.error_code(), "sync.batch_too_large");

    const std::string big(obole::sync::kMaxRequestBytes + 1, 'x');
    Reply too_big = send("POST", "/api/sync/push", big, admin_token);
    EXPECT_EQ(too_big.status, 413);
    EXPECT_EQ(too_big.error_code(), "request.too_large");

    Reply page = pull(admin_token, 0, 100000);
    EXPECT_EQ(page.status, 400);
    EXPECT_EQ(page.error_code(), "sync.bad_limit");
}

TEST_F(SyncHttpTest, AClockFarAheadIsReplacedByTheServers)
{
    const std::string a = obole::new_uuid_v7();
    const int64_t next_year = obole::unix_now_ms() + 365LL * 86'400'000;
    ASSERT_EQ(push(admin_token, json::array({new_member(1, a, "Faure")})).status, 200);
    ASSERT_EQ(
        push(admin_token, json::array({change(2, "member", a, "update", {{"notepad", "from the future"}}, next_year)}))
            .status,
        200);
    obole::Statement clock(store->db(), "SELECT hlc FROM field_clock WHERE field = 'notepad'");
    ASSERT_EQ(clock.step(), obole::Statement::Step::row);
    const int64_t stored = std::atoll(clock.column_text(0).substr(0, 15).c_str());
    EXPECT_LT(stored, obole::unix_now_ms() + 60'000);
}

TEST_F(SyncHttpTest, TheSnapshotNeedsATokenOutsideTheDemo)
{
    httplib::Result anonymous = client->Get("/api/snapshot");
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);
    httplib::Result enrolled = client->Get("/api/snapshot", {{"Authorization", "Bearer " + admin_token}});
    ASSERT_TRUE(enrolled);
    EXPECT_EQ(enrolled->status, 200);
    EXPECT_EQ(enrolled->body.substr(0, 15), "SQLite format 3");
}
