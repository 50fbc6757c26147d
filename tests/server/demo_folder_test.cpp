// `obole-server --demo` runs only on demo data (issue 17, part 5): an empty
// folder becomes the demo and its snapshot is open to anyone; a folder that
// holds anything else is refused at start, with a clear message and a
// non-zero exit, and nothing in it changes; without --demo, or on data that
// is not the demo's, the snapshot needs a token. The real obole-server, as
// a process of its own.
#include <gtest/gtest.h>

#include <httplib.h>

#include "core/members/member_repository.h"
#include "core/store/demo_mark.h"
#include "core/store/store.h"
#include "server/server_store.h"
#include "server_over_http.h"
#include "server_process.h"

namespace {

int snapshot_status(int port)
{
    httplib::Client c("127.0.0.1", port);
    auto r = c.Get("/api/snapshot");
    return r ? r->status : 0;
}

int64_t member_count(const std::string& data_dir)
{
    auto store = obole::server::open_server_store(data_dir);
    return store ? obole::MemberRepository(*store.value()).count().value() : -1;
}

} // namespace

TEST(DemoFolder, AnEmptyFolderBecomesTheDemoAndOnlyThenIsItsSnapshotOpen)
{
    ServerProcess server;
    ASSERT_TRUE(server.start({"--demo", "--demo-members", "20"})) << server.log();
    EXPECT_EQ(snapshot_status(server.port()), 200);
    EXPECT_NE(server.log().find("enrol code"), std::string::npos) << server.log();
    server.stop();

    // Started again with --demo: the folder is the demo's, it runs.
    ASSERT_TRUE(server.start({"--demo"})) << server.log();
    EXPECT_EQ(snapshot_status(server.port()), 200);
    server.stop();

    // Without --demo, the same data needs a token like any other.
    ASSERT_TRUE(server.start()) << server.log();
    EXPECT_EQ(snapshot_status(server.port()), 401);
}

TEST(DemoFolder, AFolderWithRealOperatorsIsRefusedAndLeftAsItWas)
{
    ServerProcess server;
    server.admin({"operator", "add", "alice", "--role", "admin"}, "alice's long password\n");
    auto [status, printed] = server.run({"--port", "0", "--demo", "--demo-members", "20"});
    EXPECT_EQ(status, 2) << printed;
    EXPECT_NE(printed.find("--demo refuses the data folder " + server.data_dir() +
                           ": it holds data that is not demo data (0 members and operators), which --demo would "
                           "serve to anyone."),
              std::string::npos)
        << printed;
    EXPECT_EQ(printed.find("running at"), std::string::npos) << printed;
    // Nothing generated, no demo operator added.
    EXPECT_EQ(member_count(server.data_dir()), 0);
    const std::string operators = server.admin({"operator", "list"});
    EXPECT_NE(operators.find("alice"), std::string::npos) << operators;
    EXPECT_EQ(operators.find("volunteer"), std::string::npos) << operators;
}

TEST(DemoFolder, AFolderWithRealMembersIsRefused)
{
    ServerProcess server;
    {
        auto store = obole::server::open_server_store(server.data_dir());
        ASSERT_TRUE(store) << store.error().message;
        obole::NewMember m;
        m.last_name = "Durand";
        m.postcode = "75011";
        m.city = "Paris";
        m.line1 = "1 rue Oberkampf";
        ASSERT_TRUE(obole::MemberRepository(*store.value()).create(m, "office"));
    }
    auto [status, printed] = server.run({"--port", "0", "--demo"});
    EXPECT_EQ(status, 2) << printed;
    EXPECT_NE(printed.find("not demo data (1 member)"), std::string::npos) << printed;
    EXPECT_EQ(member_count(server.data_dir()), 1);
}

namespace {

// HttpApi told it is a demo, on data the demo did not make: the snapshot still needs a token.
class DemoFlagOnRealDataTest : public ServerOverHttp {
protected:
    void configure(server::ServerOptions& options) override { options.demo = true; }
};

} // namespace

TEST_F(DemoFlagOnRealDataTest, TheSnapshotIsNotOpen)
{
    ASSERT_FALSE(obole::is_demo_data(*store).value());
    EXPECT_EQ(snapshot_status(port), 401);
    const std::string token = token_for(admin_code, "admin", kAdminPassword);
    httplib::Client c("127.0.0.1", port);
    auto r = c.Get("/api/snapshot", {{"Authorization", "Bearer " + token}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}
