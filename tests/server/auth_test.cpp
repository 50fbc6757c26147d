// Auth against an in-memory server store: passwords, enrolment with one-time
// codes, bearer tokens, revocation, and what the server tables hold.
#include <gtest/gtest.h>

#include <regex>

#include <sqlite3.h>

#include "core/calendar/date.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "server/auth.h"
#include "server/password.h"
#include "server/server_store.h"

using namespace obole;
using namespace obole::server;

namespace {

constexpr int64_t kNow = 1'780'000'000'000; // 2026-05-28
constexpr int64_t kMinute = 60'000;
const std::string kAlicePassword = "correct horse battery";
const std::string kBobPassword = "bob's own password";

class AuthTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = open_memory_server_store();
        ASSERT_TRUE(opened) << opened.error().message;
        store = std::move(opened.value());
        auth = std::make_unique<Auth>(*store);
        ASSERT_TRUE(auth->ensure_schema());
        ASSERT_TRUE(auth->add_operator("alice", "Alice Martin", Role::admin, kAlicePassword));
        ASSERT_TRUE(auth->add_operator("bob", "Bob Durand", Role::volunteer, kBobPassword));
    }

    std::string code_for(const std::string& login, int ttl_minutes = kDefaultEnrolTtlMinutes)
    {
        Result<std::string> code = auth->issue_enrol_code(login, ttl_minutes, kNow);
        EXPECT_TRUE(code) << code.error().message;
        return code ? *code : std::string();
    }

    // Every cell of every server table, as bytes, one after the other.
    std::string server_tables_bytes()
    {
        std::string all;
        for (const char* table : {"operator", "enrol_code", "device"}) {
            sqlite3_stmt* stmt = nullptr;
            std::string sql = std::string("SELECT * FROM server.") + table;
            EXPECT_EQ(sqlite3_prepare_v2(store->db(), sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
            while (sqlite3_step(stmt) == SQLITE_ROW)
                for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                    const void* bytes = sqlite3_column_blob(stmt, c);
                    if (bytes)
                        all.append(static_cast<const char*>(bytes), size_t(sqlite3_column_bytes(stmt, c)));
                    all += '\n';
                }
            sqlite3_finalize(stmt);
        }
        return all;
    }

    std::unique_ptr<Store> store;
    std::unique_ptr<Auth> auth;
};

} // namespace

TEST(Password, HashIsArgon2idAndOnlyTheRightPasswordVerifies)
{
    Result<std::string> hash = hash_password("a long enough secret");
    ASSERT_TRUE(hash) << hash.error().message;
    EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
    EXPECT_EQ(hash->find("a long enough secret"), std::string::npos);
    EXPECT_TRUE(verify_password("a long enough secret", *hash));
    EXPECT_FALSE(verify_password("a long enough secreT", *hash));
    EXPECT_FALSE(verify_password("", *hash));
    EXPECT_FALSE(verify_password("a long enough secret", "not a hash"));

    // Salted: the same password never gives the same string twice.
    Result<std::string> again = hash_password("a long enough secret");
    ASSERT_TRUE(again);
    EXPECT_NE(*hash, *again);
}

TEST(Role, NamesParseBackAndOthersAreRefused)
{
    for (Role role : {Role::admin, Role::office, Role::volunteer, Role::fundraiser}) {
        Result<Role> parsed = parse_role(role_name(role));
        ASSERT_TRUE(parsed);
        EXPECT_EQ(*parsed, role);
    }
    EXPECT_STREQ(role_name(Role::office), "office");
    // "staff" is how older servers stored the office; an admin types office.
    for (const char* bad : {"", "root", "Admin", "admin ", "staff"}) {
        Result<Role> parsed = parse_role(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_EQ(parsed.error().code, "auth.bad_role");
    }
}

TEST_F(AuthTest, EnrolHappyPathGivesATokenThatAuthenticates)
{
    EXPECT_TRUE(auth->has_operators().value());
    const std::string code = code_for("alice");
    // Unambiguous alphabet, shown with a dash.
    EXPECT_TRUE(std::regex_match(code, std::regex("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"))) << code;

    // Typed in lower case without the dash, login in another case: accepted.
    std::string typed = code.substr(0, 4) + code.substr(5);
    for (char& c : typed)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    Result<Enrolment> made = auth->enrol(typed, " Alice ", kAlicePassword, "Alice's laptop", kNow + kMinute);
    ASSERT_TRUE(made) << made.error().code << ": " << made.error().message;
    EXPECT_GE(made->token.size(), 43u); // 32 random bytes
    EXPECT_TRUE(is_uuid_v7(made->device_id)) << made->device_id;
    EXPECT_EQ(made->principal.operator_login, "alice");
    EXPECT_EQ(made->principal.operator_name, "Alice Martin");
    EXPECT_EQ(made->principal.role, Role::admin);
    EXPECT_EQ(made->principal.device_id, made->device_id);
    EXPECT_EQ(made->principal.device_name, "Alice's laptop");

    Result<Principal> who = auth->authenticate(made->token, kNow + 2 * kMinute);
    ASSERT_TRUE(who) << who.error().message;
    EXPECT_EQ(who->operator_login, "alice");
    EXPECT_EQ(who->role, Role::admin);
    EXPECT_EQ(who->device_id, made->device_id);
    EXPECT_EQ(who->device_name, "Alice's laptop");

    std::vector<DeviceInfo> devices = auth->devices().value();
    ASSERT_EQ(devices.size(), 1u);
    EXPECT_EQ(devices[0].device_id, made->device_id);
    EXPECT_EQ(devices[0].operator_login, "alice");
    EXPECT_EQ(devices[0].enrolled_at_ms, kNow + kMinute);
    EXPECT_FALSE(devices[0].revoked);
}

TEST_F(AuthTest, AUsedCodeIsRefused)
{
    const std::string code = code_for("alice");
    ASSERT_TRUE(auth->enrol(code, "alice", kAlicePassword, "first", kNow));
    Result<Enrolment> again = auth->enrol(code, "alice", kAlicePassword, "second", kNow);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, "auth.bad_code");
    EXPECT_EQ(auth->devices().value().size(), 1u);
}

TEST_F(AuthTest, AnExpiredCodeIsRefused)
{
    const std::string code = code_for("alice", 10);
    Result<Enrolment> late = auth->enrol(code, "alice", kAlicePassword, "late", kNow + 10 * kMinute);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().code, "auth.code_expired");

    const std::string fresh = code_for("alice", 10);
    EXPECT_TRUE(auth->enrol(fresh, "alice", kAlicePassword, "in time", kNow + 10 * kMinute - 1));

    // The default lifetime is a day.
    const std::string daily = code_for("alice");
    Result<Enrolment> next_day = auth->enrol(daily, "alice", kAlicePassword, "x", kNow + 24 * 60 * kMinute);
    ASSERT_FALSE(next_day);
    EXPECT_EQ(next_day.error().code, "auth.code_expired");
}

TEST_F(AuthTest, ACodeIssuedForAnotherLoginIsRefusedAndStaysUsable)
{
    const std::string code = code_for("alice");
    Result<Enrolment> stolen = auth->enrol(code, "bob", kBobPassword, "bob's phone", kNow);
    ASSERT_FALSE(stolen);
    EXPECT_EQ(stolen.error().code, "auth.bad_code");
    EXPECT_TRUE(auth->enrol(code, "alice", kAlicePassword, "alice's phone", kNow));
}

TEST_F(AuthTest, AWrongPasswordIsRefusedAndDoesNotConsumeTheCode)
{
    const std::string code = code_for("bob");
    Result<Enrolment> wrong = auth->enrol(code, "bob", kAlicePassword, "phone", kNow);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, "auth.bad_password");
    EXPECT_TRUE(auth->devices().value().empty());

    Result<Enrolment> right = auth->enrol(code, "bob", kBobPassword, "phone", kNow);
    ASSERT_TRUE(right) << right.error().message;
    EXPECT_EQ(right->principal.role, Role::volunteer);
}

TEST_F(AuthTest, UnknownAndMalformedCodesAreRefused)
{
    code_for("alice");
    for (const char* bad : {"", "ABCD-EFGH", "K7QX-M2P", "OOOO-IIII", "K7QX-M2PA-X"}) {
        Result<Enrolment> made = auth->enrol(bad, "alice", kAlicePassword, "x", kNow);
        ASSERT_FALSE(made) << bad;
        EXPECT_EQ(made.error().code, "auth.bad_code") << bad;
    }
}

TEST_F(AuthTest, ARevokedTokenIsRefusedAndOtherDevicesKeepWorking)
{
    Result<Enrolment> laptop = auth->enrol(code_for("alice"), "alice", kAlicePassword, "laptop", kNow);
    Result<Enrolment> phone = auth->enrol(code_for("alice"), "alice", kAlicePassword, "phone", kNow);
    ASSERT_TRUE(laptop && phone);

    ASSERT_TRUE(auth->revoke_device(phone->device_id));
    Result<Principal> refused = auth->authenticate(phone->token, kNow + kMinute);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, "auth.revoked");
    EXPECT_TRUE(auth->authenticate(laptop->token, kNow + kMinute));
    EXPECT_TRUE(auth->revoke_device(phone->device_id)) << "revoking twice is not an error";

    bool listed_revoked = false;
    for (const DeviceInfo& d : auth->devices().value())
        if (d.device_id == phone->device_id)
            listed_revoked = d.revoked;
    EXPECT_TRUE(listed_revoked);

    Result<void> unknown = auth->revoke_device(new_uuid_v7());
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, "auth.unknown_device");
    EXPECT_EQ(auth->revoke_device("not-a-uuid").error().code, "auth.unknown_device");
}

TEST_F(AuthTest, AnUnknownTokenIsRefused)
{
    Result<Enrolment> made = auth->enrol(code_for("alice"), "alice", kAlicePassword, "laptop", kNow);
    ASSERT_TRUE(made);
    for (const std::string& bad :
         {std::string(), std::string("nope"), made->token + "x", made->token.substr(0, made->token.size() - 1)}) {
        Result<Principal> who = auth->authenticate(bad, kNow);
        ASSERT_FALSE(who) << bad;
        EXPECT_EQ(who.error().code, "auth.invalid_token");
    }
}

TEST_F(AuthTest, LastSeenMovesAtMostOnceAMinute)
{
    Result<Enrolment> made = auth->enrol(code_for("alice"), "alice", kAlicePassword, "laptop", kNow);
    ASSERT_TRUE(made);
    ASSERT_TRUE(auth->authenticate(made->token, kNow + 30'000));
    EXPECT_EQ(auth->devices().value()[0].last_seen_ms, kNow);
    ASSERT_TRUE(auth->authenticate(made->token, kNow + 5 * kMinute));
    EXPECT_EQ(auth->devices().value()[0].last_seen_ms, kNow + 5 * kMinute);
}

TEST_F(AuthTest, TokensCodesAndPasswordsAreNotStoredInClear)
{
    const std::string used = code_for("alice");
    const std::string pending = code_for("bob");
    Result<Enrolment> made = auth->enrol(used, "alice", kAlicePassword, "laptop", kNow);
    ASSERT_TRUE(made);

    const std::string stored = server_tables_bytes();
    ASSERT_NE(stored.find("alice"), std::string::npos) << "the dump reads the tables";
    for (const std::string& code : {used, pending}) {
        EXPECT_EQ(stored.find(code), std::string::npos) << code;
        EXPECT_EQ(stored.find(code.substr(0, 4) + code.substr(5)), std::string::npos) << code;
    }
    EXPECT_EQ(stored.find(made->token), std::string::npos);
    EXPECT_EQ(stored.find(kAlicePassword), std::string::npos);
    EXPECT_EQ(stored.find(kBobPassword), std::string::npos);
    EXPECT_NE(stored.find("$argon2id$"), std::string::npos);

    // And nothing of it reaches obole.db, the file devices receive.
    std::vector<uint8_t> main_image = store->serialize();
    const std::string main_bytes(main_image.begin(), main_image.end());
    EXPECT_EQ(main_bytes.find("$argon2id$"), std::string::npos);
    EXPECT_EQ(main_bytes.find("Alice Martin"), std::string::npos);
}

TEST_F(AuthTest, OperatorRules)
{
    EXPECT_EQ(auth->add_operator("carol", "", Role::office, "short").error().code, "auth.weak_password");
    EXPECT_EQ(auth->add_operator("ALICE", "", Role::office, "long enough pw").error().code, "auth.operator_exists");
    EXPECT_EQ(auth->add_operator("a b", "", Role::office, "long enough pw").error().code, "auth.bad_login");
    EXPECT_EQ(auth->add_operator("", "", Role::office, "long enough pw").error().code, "auth.bad_login");
    EXPECT_EQ(auth->add_operator(std::string(65, 'x'), "", Role::office, "long enough pw").error().code,
              "auth.bad_login");

    ASSERT_TRUE(auth->add_operator("Carol.M", "", Role::office, "long enough pw"));
    Result<OperatorInfo> carol = auth->find_operator("CAROL.m");
    ASSERT_TRUE(carol);
    EXPECT_EQ(carol->login, "carol.m");
    EXPECT_EQ(carol->name, "carol.m") << "an empty name becomes the login";
    EXPECT_EQ(carol->role, Role::office);

    std::vector<OperatorInfo> all = auth->operators().value();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].login, "alice");
    EXPECT_EQ(all[0].role, Role::admin);
    EXPECT_EQ(all[1].login, "bob");
    EXPECT_EQ(all[2].login, "carol.m");

    EXPECT_EQ(auth->find_operator("dave").error().code, "auth.unknown_operator");
    EXPECT_EQ(auth->issue_enrol_code("dave", 60, kNow).error().code, "auth.unknown_operator");
    EXPECT_EQ(auth->issue_enrol_code("alice", 0, kNow).error().code, "auth.bad_ttl");
    EXPECT_EQ(auth->issue_enrol_code("alice", kMaxEnrolTtlMinutes + 1, kNow).error().code, "auth.bad_ttl");
}

TEST_F(AuthTest, ANewPasswordReplacesTheOld)
{
    EXPECT_EQ(auth->set_password("bob", "short").error().code, "auth.weak_password");
    EXPECT_EQ(auth->set_password("dave", "long enough pw").error().code, "auth.unknown_operator");
    ASSERT_TRUE(auth->set_password("bob", "a brand new password"));
    const std::string code = code_for("bob");
    EXPECT_EQ(auth->enrol(code, "bob", kBobPassword, "x", kNow).error().code, "auth.bad_password");
    EXPECT_TRUE(auth->enrol(code, "bob", "a brand new password", "x", kNow));
}

TEST_F(AuthTest, SchemaCanBeEnsuredAgain)
{
    ASSERT_TRUE(auth->ensure_schema());
    EXPECT_EQ(auth->operators().value().size(), 2u);
}

TEST(AuthWithoutOperators, HasNone)
{
    auto store = open_memory_server_store();
    ASSERT_TRUE(store);
    Auth auth(*store.value());
    ASSERT_TRUE(auth.ensure_schema());
    EXPECT_FALSE(auth.has_operators().value());
    EXPECT_TRUE(auth.operators().value().empty());
    EXPECT_TRUE(auth.devices().value().empty());
}

// A server database made before codes counted wrong passwords and tokens
// rotated: its next start adds the columns, and what it held still works.
TEST(AuthSchemaUpgrade, AnEarlierServerDatabaseGetsTheNewColumns)
{
    auto opened = open_memory_server_store();
    ASSERT_TRUE(opened);
    Store& store = *opened.value();
    ASSERT_TRUE(store.exec(R"SQL(
CREATE TABLE server.operator(login TEXT PRIMARY KEY, name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'volunteer')), password_hash TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE server.enrol_code(code_hash TEXT PRIMARY KEY, operator_login TEXT NOT NULL REFERENCES operator(login),
  issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER) WITHOUT ROWID;
CREATE TABLE server.device(device_id BLOB PRIMARY KEY, name TEXT NOT NULL,
  operator_login TEXT NOT NULL REFERENCES operator(login), token_hash TEXT NOT NULL UNIQUE,
  enrolled_at INTEGER NOT NULL, last_seen INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
INSERT INTO server.operator VALUES('carol', 'Carol Martin', 'staff', 'x');
)SQL"));
    Auth auth(store);
    ASSERT_TRUE(auth.ensure_schema());
    ASSERT_TRUE(auth.ensure_schema()); // and again on the start after
    // Three roles then, four now: the office was called staff.
    EXPECT_EQ(auth.find_operator("carol").value().role, Role::office);
    EXPECT_TRUE(auth.add_operator("fred", "Fred Street", Role::fundraiser, kAlicePassword));
    EXPECT_TRUE(auth.issue_enrol_code("carol", 60, kNow));
    ASSERT_TRUE(auth.add_operator("alice", "Alice Martin", Role::admin, kAlicePassword));
    Result<std::string> code = auth.issue_enrol_code("alice", 60, kNow);
    ASSERT_TRUE(code);
    EXPECT_EQ(auth.enrol(*code, "alice", "wrong password", "phone", kNow).error().code, "auth.bad_password");
    Result<Enrolment> made = auth.enrol(*code, "alice", kAlicePassword, "phone", kNow);
    ASSERT_TRUE(made) << made.error().message;
    Result<Principal> who = auth.authenticate(made->token, kNow);
    ASSERT_TRUE(who);
    Result<std::string> rotated = auth.rotate_token(*who);
    ASSERT_TRUE(rotated);
    EXPECT_TRUE(auth.authenticate(*rotated, kNow));
    EXPECT_EQ(auth.authenticate(made->token, kNow).error().code, "auth.invalid_token");
}
