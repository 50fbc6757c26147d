// Who did it is the server's record (issue 17, part 1), over real HTTP: a
// device that names another operator (a name typed in its settings, or the
// "volunteer" it wrote before it was enrolled) has its changes recorded, and
// logged for every device, under the login of the token that pushed them.
#include <gtest/gtest.h>

#include "sync_over_http.h"

namespace {

class OperatorStampTest : public SyncHttpTest {
protected:
    static constexpr const char* kMember = "0190f2a4-5b1c-7d3e-8f12-000000000001";
    static constexpr const char* kGift = "0190f2a4-5b1c-7d3e-8f12-000000000002";

    // The operator of every logged change to `table`.
    std::vector<std::string> logged_operators(const std::string& table)
    {
        std::vector<std::string> out;
        Reply page = pull(admin_token, 0, 1000);
        EXPECT_EQ(page.status, 200) << page.body.dump();
        for (const json& c : page.body["changes"])
            if (c.value("table", "") == table && c["fields"].contains("operator"))
                out.push_back(c["fields"]["operator"].get<std::string>());
        return out;
    }
};

} // namespace

TEST_F(OperatorStampTest, AForgedOperatorNameIsReplacedByTheTokensLogin)
{
    json member = new_member(1, kMember, "Durand");
    json gift = new_gift(2, kGift, kMember, 2500);
    gift["fields"]["operator"] = "Mallory";
    json journal = change(3, "journal", "0190f2a4-5b1c-7d3e-8f12-000000000003", "insert",
                          {{"at", "2026-11-23T10:00:00.000Z"},
                           {"operator", "Mallory"},
                           {"member_id", kMember},
                           {"action", "gift.add"},
                           {"detail", "25.00 EUR"}});
    Reply pushed = push(volunteer_token, json::array({member, gift, journal}));
    ASSERT_EQ(pushed.status, 200) << pushed.body.dump();
    ASSERT_TRUE(pushed.body["refused"].empty()) << pushed.body.dump();

    EXPECT_EQ(count("SELECT count(*) FROM gift WHERE operator = 'vol'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM gift WHERE operator = 'Mallory'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM journal WHERE operator = 'Mallory'"), 0);
    EXPECT_EQ(logged_operators("gift"), std::vector<std::string>{"vol"});
    EXPECT_EQ(logged_operators("journal"), std::vector<std::string>{"vol"});
}

TEST_F(OperatorStampTest, AnInsertWithoutAnOperatorGetsOne)
{
    json member = new_member(1, kMember, "Durand");
    json gift = new_gift(2, kGift, kMember, 2500); // no "operator" at all
    Reply pushed = push(admin_token, json::array({member, gift}));
    ASSERT_EQ(pushed.status, 200) << pushed.body.dump();
    EXPECT_EQ(count("SELECT count(*) FROM gift WHERE operator = 'admin'"), 1);
}
