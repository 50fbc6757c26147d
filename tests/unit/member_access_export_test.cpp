#include "behaviour_fixture.h"

#include <nlohmann/json.hpp>

#include "core/members/document_repository.h"
#include "core/money/gift_repository.h"
#include "core/privacy/member_access_export.h"
#include "core/text/base64.h"

using namespace obole;

namespace {

class MemberAccessExportTest : public test::DossierRowsTest {};

// Everything that names the person, each table with its rows; a document's
// content in the file; nothing of another member, of search or of sync.
TEST_F(MemberAccessExportTest, everything_held_about_a_person_and_nothing_else)
{
    NewGift g;
    g.member_id = member_id;
    g.amount_text = "35";
    ASSERT_TRUE(GiftRepository(*store).add(g, "alice"));
    NewDocument d;
    d.member_id = member_id;
    d.name = "letter.pdf";
    d.direction = "received";
    d.content = {'%', 'P', 'D', 'F', 0, 1, 2};
    ASSERT_TRUE(DocumentRepository(*store).add(d, "alice"));
    NewMember other;
    other.last_name = "Martin";
    ASSERT_TRUE(MemberRepository(*store).create(other, "alice"));

    Result<MemberAccessExport> out = export_member_data(*store, member_id);
    ASSERT_TRUE(out) << out.error().message;
    const nlohmann::json all = nlohmann::json::parse(out->json);
    const nlohmann::json& tables = all["tables"];
    ASSERT_EQ(tables["member"].size(), 1u);
    EXPECT_EQ(tables["member"][0]["last_name"], "Dupont");
    EXPECT_EQ(tables["member"][0]["id"], member_id);
    EXPECT_EQ(tables["email"][0]["address"], "Helene.Dupont@example.fr");
    ASSERT_EQ(tables["gift"].size(), 1u);
    EXPECT_EQ(tables["gift"][0]["amount_cents"], 3500);
    ASSERT_EQ(tables["document"].size(), 1u);
    const std::optional<std::string> content = base64_decode(tables["document"][0]["content"].get<std::string>());
    ASSERT_TRUE(content);
    EXPECT_EQ(*content, std::string("%PDF\0\1\2", 7));
    EXPECT_GE(tables["journal"].size(), 3u) << "member.create, gift.add, document.add";
    for (const char* internal : {"search_doc", "search_token", "outbox", "meta", "field_clock"})
        EXPECT_FALSE(tables.contains(internal)) << internal;
    EXPECT_EQ(out->json.find("Martin"), std::string::npos);
    EXPECT_EQ(out->file_name.rfind("member-", 0), 0u);

    EXPECT_NE(out->html.find("Data held about Hélène Dupont"), std::string::npos);
    EXPECT_NE(out->html.find("<h2>gift (1)</h2>"), std::string::npos);
}

TEST_F(MemberAccessExportTest, a_name_is_text_on_the_page_never_markup)
{
    ASSERT_TRUE(store->exec("UPDATE member SET first_name = '<script>x</script>'"));
    Result<MemberAccessExport> out = export_member_data(*store, member_id);
    ASSERT_TRUE(out);
    EXPECT_EQ(out->html.find("<script>"), std::string::npos);
    EXPECT_NE(out->html.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(MemberAccessExportTest, an_unknown_member_is_refused)
{
    EXPECT_EQ(export_member_data(*store, "01900000-0000-7000-8000-00000000dead").error().code, "member.unknown");
}

} // namespace
