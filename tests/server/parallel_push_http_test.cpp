// A burst of pushes from two devices at once, each on its own connection:
// the server takes the store for one push at a time, and the others wait
// their turn, accepted — every push is answered, none is reset.
#include <gtest/gtest.h>

#include <latch>
#include <thread>

#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"
#include "server_over_http.h"

namespace {

constexpr int kDevices = 2;
constexpr int kPushesPerDevice = 50;

json new_member(uint64_t seq, const std::string& id)
{
    char hlc[40];
    std::snprintf(hlc, sizeof hlc, "%015lld.%05d.dev", 1'763'900'000'000LL, int(seq));
    return {{"seq", seq},
            {"table", "member"},
            {"row", id},
            {"op", "insert"},
            {"hlc", hlc},
            {"fields",
             {{"member_no", 0},
              {"last_name", "Parallèle"},
              {"first_name", "Anne"},
              {"created_at", "2026-11-23T10:00:00.000Z"},
              {"updated_at", "2026-11-23T10:00:00.000Z"}}}};
}

class ParallelPushTest : public ServerOverHttp {};

} // namespace

TEST_F(ParallelPushTest, TwoDevicesTimesFiftyPushesAtOnceAreAllAnswered)
{
    const std::string tokens[kDevices] = {token_for(admin_code, "admin", kAdminPassword),
                                          token_for(volunteer_code, "vol", kVolunteerPassword)};
    // Push i of a device carries its changes 1..i: in whatever order they
    // arrive, none leaves a gap, so each is applied or skipped, and answered.
    std::vector<std::string> bodies[kDevices];
    for (int d = 0; d < kDevices; ++d) {
        json changes = json::array();
        for (int i = 1; i <= kPushesPerDevice; ++i) {
            changes.push_back(new_member(uint64_t(i), obole::new_uuid_v7()));
            bodies[d].push_back(json{{"schema_version", obole::current_schema_version()}, {"changes", changes}}.dump());
        }
    }

    std::vector<int> statuses(kDevices * kPushesPerDevice, 0);
    std::latch all_ready(kDevices * kPushesPerDevice);
    std::vector<std::thread> pushes;
    for (int d = 0; d < kDevices; ++d)
        for (int i = 0; i < kPushesPerDevice; ++i)
            pushes.emplace_back([&, d, i] {
                httplib::Client c("127.0.0.1", port);
                // Generous waits: the test is about answers, not speed.
                c.set_connection_timeout(120);
                c.set_read_timeout(300);
                c.set_write_timeout(120);
                all_ready.arrive_and_wait();
                httplib::Result r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + tokens[d]}}, bodies[d][i],
                                           "application/json");
                statuses[d * kPushesPerDevice + i] = r ? r->status : -int(r.error());
            });
    for (std::thread& t : pushes)
        t.join();

    for (size_t i = 0; i < statuses.size(); ++i)
        EXPECT_EQ(statuses[i], 200) << "push " << i << (statuses[i] < 0 ? ": no answer (httplib error)" : "");
    obole::Statement members(store->db(), "SELECT count(*) FROM member WHERE last_name = 'Parallèle'");
    ASSERT_EQ(members.step(), obole::Statement::Step::row);
    EXPECT_EQ(members.column_int64(0), kDevices * kPushesPerDevice);
}
