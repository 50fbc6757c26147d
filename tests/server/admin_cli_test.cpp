// obole-server's administration commands, run as functions on an in-memory
// server store, and how the command line reaches them.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "core/store/store.h"
#include "server/admin_cli.h"
#include "server/auth.h"
#include "server/server_options.h"
#include "server/server_store.h"

using namespace obole;
using namespace obole::server;

namespace {

constexpr int64_t kNow = 1'780'000'000'000;

class AdminCliTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = open_memory_server_store();
        ASSERT_TRUE(opened) << opened.error().message;
        store = std::move(opened.value());
        auth = std::make_unique<Auth>(*store);
        ASSERT_TRUE(auth->ensure_schema());
    }

    // Runs one command with `input` as its standard input.
    int run(const std::vector<std::string>& command, const std::string& input = "")
    {
        in.clear();
        in.str(input);
        out.str("");
        err.str("");
        AdminConsole console{in, out, err, false};
        return run_admin_command(*auth, command, console, kNow);
    }

    std::string code_in_output() const
    {
        std::smatch m;
        const std::string text = out.str();
        return std::regex_search(text, m, std::regex("[2-9A-Z]{4}-[2-9A-Z]{4}")) ? m.str() : std::string();
    }

    std::unique_ptr<Store> store;
    std::unique_ptr<Auth> auth;
    std::istringstream in;
    std::ostringstream out, err;
};

} // namespace

TEST_F(AdminCliTest, OperatorAddReadsThePasswordFromInputThenTheCodeEnrols)
{
    ASSERT_EQ(run({"operator", "add", "Carol", "--role", "office", "--name", "Carol Martin"}, "carol's password\r\n"),
              0)
        << err.str();
    EXPECT_NE(out.str().find("carol"), std::string::npos) << out.str();
    Result<OperatorInfo> carol = auth->find_operator("carol");
    ASSERT_TRUE(carol);
    EXPECT_EQ(carol->name, "Carol Martin");
    EXPECT_EQ(carol->role, Role::office);

    ASSERT_EQ(run({"enrol-code", "carol", "--ttl-minutes", "90"}), 0) << err.str();
    const std::string code = code_in_output();
    ASSERT_FALSE(code.empty()) << out.str();
    EXPECT_NE(out.str().find("2026-05-28T21:56Z"), std::string::npos) << out.str();
    // The line break ("\r\n") is not part of the password.
    Result<Enrolment> made = auth->enrol(code, "carol", "carol's password", "phone", kNow);
    ASSERT_TRUE(made) << made.error().message;

    ASSERT_EQ(run({"operator", "list"}), 0);
    EXPECT_NE(out.str().find("carol"), std::string::npos);
    EXPECT_NE(out.str().find("Carol Martin"), std::string::npos);
    ASSERT_EQ(run({"device", "list"}), 0);
    EXPECT_NE(out.str().find(made->device_id), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("active"), std::string::npos);

    ASSERT_EQ(run({"device", "revoke", made->device_id}), 0) << err.str();
    EXPECT_EQ(auth->authenticate(made->token, kNow).error().code, "auth.revoked");
    ASSERT_EQ(run({"device", "list"}), 0);
    EXPECT_NE(out.str().find("revoked"), std::string::npos);
}

TEST_F(AdminCliTest, BadUsageExitsWith2AndShowsUsage)
{
    const std::vector<std::vector<std::string>> bad = {
        {"frobnicate"},
        {"operator"},
        {"operator", "add", "x"}, // no --role
        {"operator", "add", "x", "--role", "boss"},
        {"operator", "add", "--role", "admin"}, // no LOGIN
        {"operator", "add", "x", "y", "--role", "admin"},
        {"operator", "add", "x", "--role"}, // no value
        {"operator", "add", "x", "--role", "admin", "--ttl-minutes", "5"},
        {"operator", "list", "extra"},
        {"enrol-code"},
        {"enrol-code", "x", "--ttl-minutes", "0"},
        {"enrol-code", "x", "--ttl-minutes", "12abc"},
        {"device", "revoke"},
    };
    for (const auto& command : bad) {
        EXPECT_EQ(run(command, "long enough password\n"), 2) << command[0];
        EXPECT_NE(err.str().find("usage: obole-server"), std::string::npos) << err.str();
    }
    EXPECT_FALSE(auth->has_operators().value());
}

TEST_F(AdminCliTest, RefusalsExitWith1AndSayWhy)
{
    EXPECT_EQ(run({"operator", "add", "x", "--role", "admin"}, "short\n"), 1);
    EXPECT_NE(err.str().find("at least 10 characters"), std::string::npos) << err.str();
    EXPECT_EQ(run({"operator", "add", "x", "--role", "admin"}, ""), 1);
    EXPECT_NE(err.str().find("No password"), std::string::npos) << err.str();
    EXPECT_EQ(run({"enrol-code", "nobody"}), 1);
    EXPECT_NE(err.str().find("auth.unknown_operator"), std::string::npos) << err.str();
    EXPECT_EQ(run({"device", "revoke", "0190f2a4-5b1c-7d3e-8f12-3456789abcde"}), 1);
    EXPECT_FALSE(auth->has_operators().value());
}

TEST_F(AdminCliTest, OperatorPasswordChangesIt)
{
    ASSERT_EQ(run({"operator", "add", "dan", "--role", "volunteer"}, "first password\n"), 0) << err.str();
    ASSERT_EQ(run({"operator", "password", "dan"}, "second password\n"), 0) << err.str();
    Result<std::string> code = auth->issue_enrol_code("dan", 60, kNow);
    ASSERT_TRUE(code);
    EXPECT_EQ(auth->enrol(*code, "dan", "first password", "x", kNow).error().code, "auth.bad_password");
    EXPECT_TRUE(auth->enrol(*code, "dan", "second password", "x", kNow));
    EXPECT_EQ(run({"operator", "password", "nobody"}, "second password\n"), 1);
}

TEST_F(AdminCliTest, DemoOperatorsCanEnrolWithTheCodesPrinted)
{
    std::ostringstream printed;
    ASSERT_TRUE(add_demo_operators(*auth, printed, kNow));
    const std::string text = printed.str();
    EXPECT_NE(text.find(kDemoPassword), std::string::npos);

    std::vector<std::string> codes;
    std::regex code_re("[2-9A-Z]{4}-[2-9A-Z]{4}");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code_re); it != std::sregex_iterator(); ++it)
        codes.push_back(it->str());
    ASSERT_EQ(codes.size(), 3u) << text; // admin, volunteer, fundraiser

    Result<Enrolment> admin = auth->enrol(codes[0], "admin", kDemoPassword, "demo", kNow + 23 * 3'600'000);
    ASSERT_TRUE(admin) << admin.error().message;
    EXPECT_EQ(admin->principal.role, Role::admin);
    Result<Enrolment> volunteer = auth->enrol(codes[1], "volunteer", kDemoPassword, "demo", kNow);
    ASSERT_TRUE(volunteer) << volunteer.error().message;
    EXPECT_EQ(volunteer->principal.role, Role::volunteer);
}

TEST(FirstAdminCommand, IsACompleteCommandLine)
{
    EXPECT_EQ(first_admin_command("build/native/sync/server/obole-server", "data"),
              "build/native/sync/server/obole-server operator add admin --role admin --name \"Your Name\" --data data");
    EXPECT_EQ(first_admin_command("obole-server", "/srv/my data/it's"),
              "obole-server operator add admin --role admin --name \"Your Name\" --data '/srv/my data/it'\\''s'");
}

TEST(ServerOptions, ASubcommandKeepsItsArgumentsAndTheDataFolder)
{
    auto parsed = parse_server_options({"--data", "d1", "operator", "add", "x", "--role", "admin", "--name", "X Y"});
    ASSERT_TRUE(parsed) << parsed.error().message;
    EXPECT_EQ(parsed->data_dir, "d1");
    EXPECT_EQ(parsed->command, (std::vector<std::string>{"operator", "add", "x", "--role", "admin", "--name", "X Y"}));

    auto after = parse_server_options({"device", "list", "--data", "d2"});
    ASSERT_TRUE(after);
    EXPECT_EQ(after->data_dir, "d2");
    EXPECT_EQ(after->command, (std::vector<std::string>{"device", "list"}));

    auto serve = parse_server_options({"--port", "0", "--demo"});
    ASSERT_TRUE(serve);
    EXPECT_TRUE(serve->command.empty());
    EXPECT_FALSE(parse_server_options({"--role", "admin"}));
}
