// Enrolment and administration over real HTTP: the server's HttpApi on a
// loopback port in a thread, httplib::Client talking to it.
#include <gtest/gtest.h>

#include "server_over_http.h"

namespace {

class AuthHttpTest : public ServerOverHttp {};

} // namespace

TEST_F(AuthHttpTest, EnrolReturnsTokenDeviceAndOperator)
{
    Reply r = enrol(admin_code, "admin", kAdminPassword);
    ASSERT_EQ(r.status, 200) << r.body.dump();
    EXPECT_GE(r.body.value("token", std::string()).size(), 43u);
    EXPECT_EQ(r.body.value("device_id", std::string()).size(), 36u);
    EXPECT_EQ(r.body["operator"], (json{{"login", "admin"}, {"name", "Ada Admin"}, {"role", "admin"}}));

    Reply again = enrol(admin_code, "admin", kAdminPassword);
    EXPECT_EQ(again.status, 401);
    EXPECT_EQ(again.error_code(), "auth.bad_code");
}

TEST_F(AuthHttpTest, AWrongPasswordIs401AndTheCodeStillWorks)
{
    Reply wrong = enrol(volunteer_code, "vol", kAdminPassword);
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.error_code(), "auth.bad_password");
    Reply right = enrol(volunteer_code, "vol", kVolunteerPassword);
    EXPECT_EQ(right.status, 200) << right.body.dump();
}

TEST_F(AuthHttpTest, MalformedBodiesAre400)
{
    for (const char* body : {"{not json", "", "[1, 2]", "\"text\""}) {
        Reply r = send("POST", "/api/enrol", body);
        EXPECT_EQ(r.status, 400) << body;
        EXPECT_EQ(r.error_code(), "request.malformed_json") << body;
    }
    Reply missing = send("POST", "/api/enrol", json{{"code", admin_code}, {"password", "x"}}.dump());
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.error_code(), "request.missing_field");
    EXPECT_EQ(missing.body["error"].value("field", std::string()), "login");

    Reply wrong_type =
        send("POST", "/api/enrol", json{{"code", 12345678}, {"login", "admin"}, {"password", "x"}}.dump());
    EXPECT_EQ(wrong_type.status, 400);
    EXPECT_EQ(wrong_type.error_code(), "request.bad_field");
}

TEST_F(AuthHttpTest, AdminRoutesNeedAValidToken)
{
    Reply missing = send("GET", "/api/admin/devices");
    EXPECT_EQ(missing.status, 401);
    EXPECT_EQ(missing.error_code(), "auth.missing_token");

    Reply invalid = send("GET", "/api/admin/operators", "", "made-up-token");
    EXPECT_EQ(invalid.status, 401);
    EXPECT_EQ(invalid.error_code(), "auth.invalid_token");

    httplib::Headers basic = {{"Authorization", "Basic YWRtaW46eA=="}};
    auto res = client->Get("/api/admin/operators", basic);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer");
}

TEST_F(AuthHttpTest, AVolunteerIsForbiddenOnAdminRoutes)
{
    const std::string token = token_for(volunteer_code, "vol", kVolunteerPassword);
    ASSERT_FALSE(token.empty());
    for (const auto& [method, path] :
         std::vector<std::pair<std::string, std::string>>{{"GET", "/api/admin/operators"},
                                                          {"GET", "/api/admin/devices"},
                                                          {"POST", "/api/admin/enrol-codes"},
                                                          {"POST", "/api/admin/operators"}}) {
        Reply r = send(method, path, json{{"login", "vol"}}.dump(), token);
        EXPECT_EQ(r.status, 403) << method << " " << path;
        EXPECT_EQ(r.error_code(), "auth.forbidden") << method << " " << path;
    }
}

TEST_F(AuthHttpTest, AnAdminAddsAnOperatorAndIssuesTheirCode)
{
    const std::string admin = token_for(admin_code, "admin", kAdminPassword);
    ASSERT_FALSE(admin.empty());

    Reply added = send(
        "POST", "/api/admin/operators",
        json{{"login", "Stella"}, {"name", "Stella Staff"}, {"role", "office"}, {"password", "stella pw 123"}}.dump(),
        admin);
    ASSERT_EQ(added.status, 201) << added.body.dump();
    EXPECT_EQ(added.body, (json{{"login", "stella"}, {"name", "Stella Staff"}, {"role", "office"}}));

    Reply duplicate = send("POST", "/api/admin/operators",
                           json{{"login", "stella"}, {"role", "office"}, {"password", "stella pw 123"}}.dump(), admin);
    EXPECT_EQ(duplicate.status, 409);
    EXPECT_EQ(duplicate.error_code(), "auth.operator_exists");
    Reply bad_role = send("POST", "/api/admin/operators",
                          json{{"login", "x"}, {"role", "boss"}, {"password", "long enough pw"}}.dump(), admin);
    EXPECT_EQ(bad_role.status, 400);
    EXPECT_EQ(bad_role.error_code(), "auth.bad_role");
    Reply weak = send("POST", "/api/admin/operators",
                      json{{"login", "x"}, {"role", "office"}, {"password", "short"}}.dump(), admin);
    EXPECT_EQ(weak.status, 400);
    EXPECT_EQ(weak.error_code(), "auth.weak_password");

    Reply list = send("GET", "/api/admin/operators", "", admin);
    ASSERT_EQ(list.status, 200);
    ASSERT_EQ(list.body["operators"].size(), 3u);
    EXPECT_EQ(list.body["operators"][1], added.body) << "sorted by login: admin, stella, vol";

    Reply issued = send("POST", "/api/admin/enrol-codes", json{{"login", "stella"}, {"ttl_minutes", 30}}.dump(), admin);
    ASSERT_EQ(issued.status, 201) << issued.body.dump();
    const std::string code = issued.body.value("code", std::string());
    EXPECT_EQ(code.size(), 9u);
    EXPECT_EQ(issued.body.value("expires_at", std::string()).size(), 24u); // 2026-05-28T20:56:40.000Z

    Reply enrolled = enrol(code, "stella", "stella pw 123");
    ASSERT_EQ(enrolled.status, 200) << enrolled.body.dump();
    EXPECT_EQ(enrolled.body["operator"]["role"], "office");

    Reply unknown = send("POST", "/api/admin/enrol-codes", json{{"login", "nobody"}}.dump(), admin);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.error_code(), "auth.unknown_operator");
    Reply bad_ttl =
        send("POST", "/api/admin/enrol-codes", json{{"login", "stella"}, {"ttl_minutes", "1h"}}.dump(), admin);
    EXPECT_EQ(bad_ttl.status, 400);
    EXPECT_EQ(bad_ttl.error_code(), "request.bad_field");
    Reply too_long =
        send("POST", "/api/admin/enrol-codes", json{{"login", "stella"}, {"ttl_minutes", 1LL << 40}}.dump(), admin);
    EXPECT_EQ(too_long.status, 400);
    EXPECT_EQ(too_long.error_code(), "auth.bad_ttl");
}

TEST_F(AuthHttpTest, ARevokedDeviceGets401Revoked)
{
    const std::string admin = token_for(admin_code, "admin", kAdminPassword);
    const std::string volunteer = token_for(volunteer_code, "vol", kVolunteerPassword);
    ASSERT_FALSE(admin.empty() || volunteer.empty());

    Reply devices = send("GET", "/api/admin/devices", "", admin);
    ASSERT_EQ(devices.status, 200);
    ASSERT_EQ(devices.body["devices"].size(), 2u);
    std::string volunteer_device;
    for (const json& d : devices.body["devices"])
        if (d["operator_login"] == "vol")
            volunteer_device = d["device_id"];
    ASSERT_FALSE(volunteer_device.empty());

    Reply revoked = send("POST", "/api/admin/devices/" + volunteer_device + "/revoke", "", admin);
    ASSERT_EQ(revoked.status, 200) << revoked.body.dump();
    EXPECT_EQ(revoked.body["revoked"], true);

    Reply refused = send("GET", "/api/admin/devices", "", volunteer);
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.error_code(), "auth.revoked");

    Reply after = send("GET", "/api/admin/devices", "", admin);
    ASSERT_EQ(after.status, 200);
    for (const json& d : after.body["devices"])
        EXPECT_EQ(d["revoked"], d["device_id"] == volunteer_device) << d.dump();

    Reply unknown = send("POST", "/api/admin/devices/0190f2a4-5b1c-7d3e-8f12-3456789abcde/revoke", "", admin);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.error_code(), "auth.unknown_device");
}

TEST(StatusFor, MapsErrorCodesToHttpStatuses)
{
    const std::pair<const char*, int> expected[] = {
        {"request.malformed_json", 400}, {"request.missing_field", 400},
        {"auth.weak_password", 400},     {"name.too_long", 400},
        {"auth.missing_token", 401},     {"auth.invalid_token", 401},
        {"auth.revoked", 401},           {"auth.bad_code", 401},
        {"auth.bad_password", 401},      {"auth.forbidden", 403},
        {"auth.unknown_operator", 404},  {"auth.operator_exists", 409},
        {"auth.code_expired", 410},      {"db.error", 500},
        {"auth.hash_failed", 500},
    };
    for (const auto& [code, status] : expected)
        EXPECT_EQ(server::status_for(obole::fail(code, "m")), status) << code;
}

TEST(SendError, WritesTheErrorBody)
{
    httplib::Response res;
    server::send_error(res, 409, "auth.operator_exists", "An operator with this login already exists.");
    EXPECT_EQ(res.status, 409);
    json body = json::parse(res.body, nullptr, false);
    EXPECT_EQ(body,
              (json{{"error",
                     {{"code", "auth.operator_exists"}, {"message", "An operator with this login already exists."}}}}));
    EXPECT_EQ(res.get_header_value("Content-Type"), "application/json");
}
