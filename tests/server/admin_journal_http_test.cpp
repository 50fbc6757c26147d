// What admins do is journaled with who and when, and only admins read it
// (issue 17, part 1), over real HTTP. The journal never holds a secret.
#include <gtest/gtest.h>

#include "server_over_http.h"

namespace {

class AdminJournalTest : public ServerOverHttp {};

} // namespace

TEST_F(AdminJournalTest, OperatorsCodesEnrolmentsAndRevocationsAreJournaledForAdmins)
{
    const std::string admin = token_for(admin_code, "admin", kAdminPassword);
    Reply added = send(
        "POST", "/api/admin/operators",
        json{{"login", "zoe"}, {"name", "Zoé Martin"}, {"role", "office"}, {"password", "zoe's password 1"}}.dump(),
        admin);
    ASSERT_EQ(added.status, 201) << added.body.dump();
    Reply code = send("POST", "/api/admin/enrol-codes", json{{"login", "zoe"}}.dump(), admin);
    ASSERT_EQ(code.status, 201) << code.body.dump();
    const std::string secret = code.body.value("code", std::string());
    Reply zoe = enrol(secret, "zoe", "zoe's password 1");
    ASSERT_EQ(zoe.status, 200) << zoe.body.dump();
    const std::string device = zoe.body.value("device_id", std::string());
    ASSERT_EQ(send("POST", "/api/admin/devices/" + device + "/revoke", "{}", admin).status, 200);
    // Refused requests are not actions: nothing journaled for them.
    EXPECT_EQ(send("POST", "/api/admin/enrol-codes", json{{"login", "nobody"}}.dump(), admin).status, 404);

    Reply journal = send("GET", "/api/admin/journal", "", admin);
    ASSERT_EQ(journal.status, 200) << journal.body.dump();
    std::vector<std::string> seen;
    for (const json& a : journal.body["actions"]) {
        seen.push_back(a.value("actor", "") + " " + a.value("action", "") + " " + a.value("detail", ""));
        EXPECT_FALSE(a.value("at", "").empty());
    }
    ASSERT_EQ(seen.size(), 5u) << journal.body.dump();
    EXPECT_EQ(seen[0], "admin device.revoke " + device);
    EXPECT_EQ(seen[1], "zoe device.enrol " + device + " (test browser)");
    EXPECT_EQ(seen[2], "admin enrol_code.issue for zoe, valid 1440 minutes");
    EXPECT_EQ(seen[3], "admin operator.add zoe (office)");
    EXPECT_EQ(seen[4].rfind("admin device.enrol ", 0), 0u) << seen[4];
    EXPECT_EQ(journal.body.dump().find(secret), std::string::npos) << "the enrol code itself was journaled";
    EXPECT_EQ(journal.body.dump().find("password"), std::string::npos);

    const std::string vol = token_for(volunteer_code, "vol", kVolunteerPassword);
    Reply forbidden = send("GET", "/api/admin/journal", "", vol);
    EXPECT_EQ(forbidden.status, 403);
    EXPECT_EQ(forbidden.error_code(), "auth.forbidden");
}
