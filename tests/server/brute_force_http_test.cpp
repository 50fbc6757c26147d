// Brute force and tokens (issue 17, part 4), over real HTTP: an enrol code
// is blocked after 5 wrong passwords; enrolment and authenticated routes are
// limited per address and per login (429, Retry-After, a log line, a JSON
// error, nothing changed); a password check (Argon2id) leaves the store free
// for other requests; an idle device's token expires; a token rotates.
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "core/store/statement.h"
#include "raw_http.h"
#include "server/password.h"
#include "server_over_http.h"

namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

class BruteForceTest : public ServerOverHttp {
protected:
    void configure(server::ServerOptions& options) override { options.limits = limits; }

    std::string enrol_body(const std::string& code, const std::string& login, const std::string& password)
    {
        return json{{"code", code}, {"login", login}, {"password", password}, {"device_name", "test"}}.dump();
    }

    // A raw exchange, to read the answer's headers too.
    RawReply raw(const std::string& method, const std::string& path, const std::string& body = "",
                 const std::string& token = "")
    {
        std::string request = method + " " + path + " HTTP/1.1\r\nHost: obole\r\nConnection: close\r\n";
        if (!token.empty())
            request += "Authorization: Bearer " + token + "\r\n";
        if (method == "POST")
            request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
        return raw_exchange(port, request + "\r\n" + body);
    }

    static std::string retry_after(const RawReply& r)
    {
        const size_t at = r.head.find("\r\nRetry-After: ");
        return at == std::string::npos ? "" : r.head.substr(at + 15, r.head.find("\r\n", at + 2) - at - 15);
    }

    int64_t device_count()
    {
        obole::Statement count(store->db(), "SELECT count(*) FROM server.device");
        return count.step() == obole::Statement::Step::row ? count.column_int64(0) : -1;
    }

    std::string pull_path() const
    {
        return "/api/sync/pull?since=0&limit=10&schema_version=" + std::to_string(schema_version());
    }
    int schema_version() const { return store->schema_version().value(); }

    server::RateLimits limits; // none by default; a test sets its own before SetUp
};

class CodeBurningTest : public BruteForceTest {};

} // namespace

TEST_F(CodeBurningTest, AnEnrolCodeIsBlockedAfterFiveWrongPasswords)
{
    for (int i = 1; i <= 4; ++i) {
        Reply wrong = enrol(volunteer_code, "vol", "wrong password " + std::to_string(i));
        EXPECT_EQ(wrong.status, 401) << i;
        EXPECT_EQ(wrong.error_code(), "auth.bad_password") << i;
    }
    Reply fifth = enrol(volunteer_code, "vol", "wrong password 5");
    EXPECT_EQ(fifth.status, 410);
    EXPECT_EQ(fifth.error_code(), "auth.code_blocked");
    EXPECT_EQ(fifth.body["error"].value("message", std::string()),
              "This enrol code is blocked after 5 wrong passwords; ask an administrator for a new one.");

    // The right password comes too late: the code enrols nothing any more.
    Reply right = enrol(volunteer_code, "vol", kVolunteerPassword);
    EXPECT_EQ(right.status, 410);
    EXPECT_EQ(right.error_code(), "auth.code_blocked");
    EXPECT_EQ(device_count(), 0);

    // A new code works, and other codes never counted any of it.
    EXPECT_EQ(enrol(admin_code, "admin", kAdminPassword).status, 200);
    const std::string admin =
        token_for(*auth->issue_enrol_code("admin", 60, obole::unix_now_ms()), "admin", kAdminPassword);
    Reply code = send("POST", "/api/admin/enrol-codes", json{{"login", "vol"}}.dump(), admin);
    ASSERT_EQ(code.status, 201) << code.body.dump();
    EXPECT_EQ(enrol(code.body.value("code", std::string()), "vol", kVolunteerPassword).status, 200);
}

TEST_F(CodeBurningTest, TheLastTryIsAnnounced)
{
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(enrol(volunteer_code, "vol", "wrong password x").body["error"].value("message", std::string()),
                  "The password is wrong.");
    EXPECT_EQ(enrol(volunteer_code, "vol", "wrong password x").body["error"].value("message", std::string()),
              "The password is wrong; one more wrong password blocks this enrol code.");
}

TEST_F(CodeBurningTest, BadInputCostsNoTry)
{
    // A device name the server refuses, five times: the code keeps its tries.
    for (int i = 0; i < 6; ++i) {
        Reply r = send("POST", "/api/enrol",
                       json{{"code", volunteer_code},
                            {"login", "vol"},
                            {"password", "wrong password"},
                            {"device_name", std::string(300, 'x')}}
                           .dump());
        EXPECT_EQ(r.status, 400) << r.body.dump();
    }
    EXPECT_EQ(enrol(volunteer_code, "vol", kVolunteerPassword).status, 200);
}

namespace {

class EnrolLimitPerAddressTest : public BruteForceTest {
protected:
    void SetUp() override
    {
        limits.enrol_per_address = {3, 3600'000};
        BruteForceTest::SetUp();
    }
};

} // namespace

TEST_F(EnrolLimitPerAddressTest, AFourthEnrolmentFromOneAddressWaits)
{
    testing::internal::CaptureStdout();
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(raw("POST", "/api/enrol", enrol_body(volunteer_code, "vol", "wrong password")).status, 401);
    RawReply held = raw("POST", "/api/enrol", enrol_body(admin_code, "admin", kAdminPassword));
    const std::string log = testing::internal::GetCapturedStdout();
    EXPECT_EQ(held.status, 429);
    EXPECT_EQ(held.error_code(), "request.rate_limited");
    const std::string wait = retry_after(held);
    ASSERT_FALSE(wait.empty()) << held.head;
    EXPECT_GT(std::stoi(wait), 3000);
    EXPECT_LE(std::stoi(wait), 3600);
    EXPECT_EQ(held.body["error"].value("message", std::string()),
              "Too many requests; wait a few minutes, then try again.");
    EXPECT_EQ(held.body["error"].value("retry_after", 0), std::stoi(wait));
    EXPECT_NE(log.find("127.0.0.1 rate-limited: enrolments from address 127.0.0.1, retry in " + wait + " s"),
              std::string::npos)
        << log;
    // Held back before anything was read: the admin's code is still unused.
    EXPECT_EQ(device_count(), 0);
    EXPECT_TRUE(auth->enrol(admin_code, "admin", kAdminPassword, "direct", obole::unix_now_ms()));
}

namespace {

class EnrolLimitPerLoginTest : public BruteForceTest {
protected:
    void SetUp() override
    {
        limits.enrol_per_login = {2, 3600'000};
        BruteForceTest::SetUp();
    }
};

} // namespace

TEST_F(EnrolLimitPerLoginTest, OneLoginWaitsWhileOthersEnrol)
{
    EXPECT_EQ(enrol(volunteer_code, "vol", "wrong password").status, 401);
    EXPECT_EQ(enrol(volunteer_code, "VOL ", "wrong password").status, 401);
    RawReply held = raw("POST", "/api/enrol", enrol_body(volunteer_code, "Vol", kVolunteerPassword));
    EXPECT_EQ(held.status, 429);
    EXPECT_EQ(held.error_code(), "request.rate_limited");
    EXPECT_FALSE(retry_after(held).empty());
    // Nothing changed: the code was not used, and counted no third try.
    EXPECT_EQ(device_count(), 0);
    EXPECT_EQ(enrol(admin_code, "admin", kAdminPassword).status, 200);
}

namespace {

class ApiLimitTest : public BruteForceTest {
protected:
    void SetUp() override
    {
        limits.api_per_address = {6, 3600'000};
        limits.api_per_login = {3, 3600'000};
        BruteForceTest::SetUp();
    }
};

} // namespace

TEST_F(ApiLimitTest, AuthenticatedRoutesAreLimitedPerLoginAndPerAddress)
{
    const std::string vol = token_for(volunteer_code, "vol", kVolunteerPassword);
    const std::string admin = token_for(admin_code, "admin", kAdminPassword);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(raw("GET", pull_path(), "", vol).status, 200) << i;
    RawReply held = raw("GET", pull_path(), "", vol);
    EXPECT_EQ(held.status, 429);
    EXPECT_EQ(held.error_code(), "request.rate_limited");
    EXPECT_FALSE(retry_after(held).empty());
    // A push is held back too, and changes nothing.
    RawReply push = raw("POST", "/api/sync/push", R"({"device_id":"x","changes":[]})", vol);
    EXPECT_EQ(push.status, 429);

    // Another login from the same address goes on, until the address's own limit.
    EXPECT_EQ(raw("GET", "/api/admin/devices", "", admin).status, 200);
    RawReply address = raw("GET", "/api/admin/devices", "", admin);
    EXPECT_EQ(address.status, 429);
    // Made-up tokens count against the address too: no token guessing past it.
    EXPECT_EQ(raw("GET", pull_path(), "", "made-up").status, 429);
}

namespace {

// A password check that waits until the test lets it go.
std::mutex g_gate_mutex;
std::condition_variable g_gate;
bool g_checking = false, g_release = false;

bool waiting_password_check(const std::string& password, const std::string& hash)
{
    std::unique_lock lock(g_gate_mutex);
    g_checking = true;
    g_gate.notify_all();
    g_gate.wait(lock, [] { return g_release; });
    return server::verify_password(password, hash);
}

class PasswordCheckTest : public BruteForceTest {};

} // namespace

TEST_F(PasswordCheckTest, OtherRequestsAreAnsweredWhileAPasswordIsChecked)
{
    const std::string admin = token_for(admin_code, "admin", kAdminPassword);
    auth->set_password_check(waiting_password_check);
    Reply enrolled;
    std::thread enrolling([&] {
        httplib::Client c("127.0.0.1", port);
        auto r = c.Post("/api/enrol", enrol_body(volunteer_code, "vol", kVolunteerPassword), "application/json");
        enrolled.status = r ? r->status : 0;
    });
    {
        std::unique_lock lock(g_gate_mutex);
        g_gate.wait(lock, [] { return g_checking; });
    }
    // The enrolment is inside its password check: requests that need the
    // store are answered meanwhile (with the check under the store's lock,
    // they would wait for it, here for ever, and the client give up).
    httplib::Client other("127.0.0.1", port);
    other.set_read_timeout(30, 0);
    auto devices = other.Get("/api/admin/devices", {{"Authorization", "Bearer " + admin}});
    auto health = other.Get("/api/health");
    {
        std::lock_guard lock(g_gate_mutex);
        g_release = true;
    }
    g_gate.notify_all();
    enrolling.join();
    auth->set_password_check(nullptr);
    ASSERT_TRUE(devices);
    EXPECT_EQ(devices->status, 200);
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    EXPECT_EQ(enrolled.status, 200);
}

namespace {

class TokenIdleTest : public BruteForceTest {
protected:
    void configure(server::ServerOptions& options) override { options.token_idle_days = 7; }

    void set_last_seen(int64_t when_ms)
    {
        obole::Statement update(store->db(), "UPDATE server.device SET last_seen = ?1");
        update.bind_int64(1, when_ms);
        ASSERT_TRUE(update.run());
    }
};

} // namespace

TEST_F(TokenIdleTest, ATokenUnusedForTheIdleTimeExpires)
{
    const std::string vol = token_for(volunteer_code, "vol", kVolunteerPassword);
    set_last_seen(obole::unix_now_ms() - 6 * kDayMs);
    EXPECT_EQ(send("GET", pull_path(), "", vol).status, 200);
    // That use counts: six more days are fine again.
    set_last_seen(obole::unix_now_ms() - 8 * kDayMs);
    Reply expired = send("GET", pull_path(), "", vol);
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(expired.error_code(), "auth.token_expired");
    EXPECT_EQ(expired.body["error"].value("message", std::string()),
              "This device was not used for a long time, so its token expired; enrol it again with a new code.");
    // And it stays expired: a refused request is no use.
    EXPECT_EQ(send("GET", pull_path(), "", vol).error_code(), "auth.token_expired");
    EXPECT_EQ(send("POST", "/api/sync/push", R"({"device_id":"x","changes":[]})", vol).error_code(),
              "auth.token_expired");
}

TEST(TokenIdleOption, TheFlagSetsTheIdleTime)
{
    auto parsed = server::parse_server_options({"--token-idle-days", "30"});
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->token_idle_days, 30);
    EXPECT_EQ(server::parse_server_options({})->token_idle_days, 90);
    EXPECT_FALSE(server::parse_server_options({"--token-idle-days", "0"}));
    EXPECT_FALSE(server::parse_server_options({"--token-idle-days", "soon"}));
}

namespace {

class TokenRotationTest : public BruteForceTest {};

} // namespace

TEST_F(TokenRotationTest, ARotatedTokenReplacesTheOldOneFromItsFirstUse)
{
    const std::string old_token = token_for(volunteer_code, "vol", kVolunteerPassword);
    Reply rotated = send("POST", "/api/token/rotate", "", old_token);
    ASSERT_EQ(rotated.status, 200) << rotated.body.dump();
    const std::string new_token = rotated.body.value("token", std::string());
    ASSERT_GE(new_token.size(), 43u);
    EXPECT_NE(new_token, old_token);

    // The answer might have been lost: the old token still works until the new one is used.
    EXPECT_EQ(send("GET", pull_path(), "", old_token).status, 200);
    EXPECT_EQ(send("GET", pull_path(), "", new_token).status, 200);
    Reply old_again = send("GET", pull_path(), "", old_token);
    EXPECT_EQ(old_again.status, 401);
    EXPECT_EQ(old_again.error_code(), "auth.invalid_token");
    EXPECT_EQ(send("GET", pull_path(), "", new_token).status, 200);
}

TEST_F(TokenRotationTest, ALostRotationIsReplacedByTheNext)
{
    const std::string token = token_for(volunteer_code, "vol", kVolunteerPassword);
    const std::string lost = send("POST", "/api/token/rotate", "", token).body.value("token", std::string());
    const std::string kept = send("POST", "/api/token/rotate", "", token).body.value("token", std::string());
    EXPECT_EQ(send("GET", pull_path(), "", lost).error_code(), "auth.invalid_token");
    EXPECT_EQ(send("GET", pull_path(), "", kept).status, 200);
}

TEST_F(TokenRotationTest, ARevokedDeviceCannotRotate)
{
    const std::string admin = token_for(admin_code, "admin", kAdminPassword);
    Reply enrolled = enrol(volunteer_code, "vol", kVolunteerPassword);
    const std::string vol = enrolled.body.value("token", std::string());
    const std::string id = enrolled.body.value("device_id", std::string());
    EXPECT_EQ(send("POST", "/api/admin/devices/" + id + "/revoke", "{}", admin).status, 200);
    Reply r = send("POST", "/api/token/rotate", "", vol);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.error_code(), "auth.revoked");
    Reply missing = send("POST", "/api/token/rotate", "");
    EXPECT_EQ(missing.error_code(), "auth.missing_token");
}
