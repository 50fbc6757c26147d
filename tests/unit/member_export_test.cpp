#include <gtest/gtest.h>

#include <algorithm>

#include "core/calendar/date.h"
#include "core/import_export/member_export.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/store.h"

using namespace obole;

TEST(MemberExport, CellsAreQuotedAndFormulasDefused)
{
    EXPECT_EQ(csv_cell("Dupont"), "\"Dupont\"");
    EXPECT_EQ(csv_cell("a \"b\"; c"), "\"a \"\"b\"\"; c\"");
    EXPECT_EQ(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(csv_cell("+33 6"), "\"'+33 6\"");
    EXPECT_EQ(csv_cell("-2"), "\"'-2\"");
    EXPECT_EQ(csv_cell("@SUM"), "\"'@SUM\"");
    EXPECT_EQ(csv_cell(""), "\"\"");
}

TEST(MemberExport, OneRowPerMemberWithBomSegmentsAndTotals)
{
    auto store = std::move(Store::open_memory().value());
    store->set_clock(days_from_iso("2026-06-15") * kMsPerDay);
    NewMember m;
    m.first_name = "Hélène";
    m.last_name = "=Dupont";
    m.line1 = "3 rue \"Haute\"";
    m.postcode = "75011";
    m.city = "Paris";
    m.email = "helene@example.org";
    std::string id = MemberRepository(*store).create(m, "alice").value();
    NewGift g;
    g.member_id = id;
    g.amount_text = "1234,50";
    g.date_text = "2026-05-01";
    ASSERT_TRUE(GiftRepository(*store).add(g, "alice").ok());

    std::string csv = members_csv(*store, {id, "not-a-member"}).value();
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF\"Member no.\";\"Last name\";", 0), 0u) << csv;
    size_t line = csv.find("\r\n") + 2;
    std::string row = csv.substr(line);
    EXPECT_NE(row.find("\"'=Dupont\";\"Hélène\";\"3 rue \"\"Haute\"\"\";\"75011\";\"Paris\";\"helene@example.org\""),
              std::string::npos)
        << row;
    EXPECT_NE(row.find("\"new major\";\"2026-05-01\";\"1234,50\"\r\n"), std::string::npos) << row;
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2); // header + one member; the unknown id is skipped
}
