#include <gtest/gtest.h>

#include <algorithm>

#include "core/members/member_repository.h"
#include "core/search/member_search.h"
#include "core/store/store.h"
#include "core/text/text_fold.h"
#include "gen/demo_data.h"

using namespace obole;

namespace {

class MemberSearchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<std::unique_ptr<Store>> s = Store::open_memory();
        ASSERT_TRUE(s.ok());
        store = std::move(s.value());
        helene = add("Hélène", "Dupont", "06 12 34 56 78", "helene.dupont@gmail.com", "75011", "Paris");
        ivan = add("Иван", "Петров", "+7 916 123-45-67", "ivan.petrov@mail.ru", "69003", "Lyon");
        yamada = add("太郎", "山田", "+81 90-1234-5678", "", "13001", "Marseille");
        francois = add("François", "Garçon", "01 45 67 89 10", "", "75002", "Paris");
        jean_pierre = add("Jean-Pierre", "Dupont", "", "jp@orange.fr", "69001", "Lyon");
    }

    std::string add(const char* first, const char* last, const char* phone, const char* email, const char* postcode,
                    const char* city)
    {
        NewMember m;
        m.first_name = first;
        m.last_name = last;
        m.phone = phone;
        m.email = email;
        m.postcode = postcode;
        m.city = city;
        Result<std::string> id = MemberRepository(*store).create(m, "test");
        EXPECT_TRUE(id.ok()) << last << ": " << id.error().code;
        return id.ok() ? *id : "";
    }

    std::vector<std::string> ids(const char* query, int limit = 50)
    {
        std::vector<std::string> out;
        for (const SearchHit& h : search_members(*store, query, limit).value())
            out.push_back(h.member_id);
        return out;
    }

    bool finds(const char* query, const std::string& id)
    {
        std::vector<std::string> found = ids(query);
        return std::find(found.begin(), found.end(), id) != found.end();
    }

    std::unique_ptr<Store> store;
    std::string helene, ivan, yamada, francois, jean_pierre;
};

} // namespace

TEST_F(MemberSearchTest, NamesWithOrWithoutAccents)
{
    for (const char* q : {"helene", "HELENE", "Hélène", "hél", "he"})
        EXPECT_EQ(ids(q).at(0), helene) << q;
    EXPECT_TRUE(finds("francois", francois));
    EXPECT_TRUE(finds("GARCON", francois));
    EXPECT_TRUE(finds("garçon fran", francois));
    SearchHit hit = search_members(*store, "helene").value().at(0);
    EXPECT_EQ(hit.matched, "name");
    EXPECT_EQ(hit.display_name, "Hélène Dupont");
    EXPECT_EQ(hit.member_no, 1);
    EXPECT_EQ(hit.postcode, "75011");
    EXPECT_EQ(hit.city, "Paris");
    EXPECT_EQ(hit.score, 300);
    EXPECT_FALSE(finds("helena", helene));
}

TEST_F(MemberSearchTest, CyrillicNames)
{
    for (const char* q : {"иван", "Ива", "ИВАН", "петров", "Петр"})
        EXPECT_EQ(ids(q), std::vector<std::string>{ivan}) << q;
}

TEST_F(MemberSearchTest, JapaneseNamesFromOneOrTwoCharacters)
{
    EXPECT_EQ(ids("山田"), std::vector<std::string>{yamada});
    EXPECT_EQ(ids("太郎"), std::vector<std::string>{yamada});
    EXPECT_EQ(ids("山田 太郎"), std::vector<std::string>{yamada});
    EXPECT_EQ(ids("田"), std::vector<std::string>{yamada}); // inside the family name
    EXPECT_EQ(search_members(*store, "山田").value().at(0).display_name, "山田 太郎");
}

TEST_F(MemberSearchTest, PhoneDigitsInAnyFormatting)
{
    for (const char* q : {"06 12 34", "0612", "06.12.34.56.78", "+33 6 12", "0033 6 12 34", "345678", "612345678"}) {
        std::vector<SearchHit> hits = search_members(*store, q).value();
        ASSERT_FALSE(hits.empty()) << q;
        EXPECT_EQ(hits[0].member_id, helene) << q;
        EXPECT_EQ(hits[0].matched, "phone") << q;
        EXPECT_EQ(hits[0].matched_text, "+33612345678") << q;
    }
    EXPECT_TRUE(finds("8 916 123", ivan)); // Russian national form
    EXPECT_TRUE(finds("+7 916", ivan));
    EXPECT_TRUE(finds("090 1234", yamada)); // Japanese national form
    EXPECT_TRUE(finds("+81 90", yamada));
    EXPECT_FALSE(finds("0699", helene));
}

TEST_F(MemberSearchTest, EmailFragments)
{
    for (const char* q : {"gmail", "helene.dupont@", "dupont@gm", "@gmail.com"}) {
        std::vector<SearchHit> hits = search_members(*store, q).value();
        ASSERT_FALSE(hits.empty()) << q;
        EXPECT_EQ(hits[0].member_id, helene) << q;
    }
    SearchHit hit = search_members(*store, "orange").value().at(0);
    EXPECT_EQ(hit.member_id, jean_pierre);
    EXPECT_EQ(hit.matched, "email");
    EXPECT_EQ(hit.matched_text, "jp@orange.fr");
    EXPECT_TRUE(finds("mail.ru", ivan));
}

TEST_F(MemberSearchTest, PostcodePrefixAndMultiWordAnd)
{
    std::vector<std::string> paris = ids("750");
    std::sort(paris.begin(), paris.end());
    std::vector<std::string> expected{helene, francois};
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(paris, expected);
    SearchHit hit = search_members(*store, "75011").value().at(0);
    EXPECT_EQ(hit.matched, "postcode");
    EXPECT_EQ(hit.matched_text, "75011");

    EXPECT_EQ(ids("dupont 75"), std::vector<std::string>{helene});
    EXPECT_EQ(ids("75 dupont"), std::vector<std::string>{helene});
    EXPECT_EQ(ids("dupont lyon"), std::vector<std::string>{jean_pierre});
    EXPECT_TRUE(ids("dupont marseille").empty());
    EXPECT_EQ(search_members(*store, "dupont 75").value().at(0).matched, "postcode");
}

TEST_F(MemberSearchTest, SameScoreSortsByName)
{
    std::vector<SearchHit> hits = search_members(*store, "dupont").value();
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].member_id, helene); // Dupont Hélène before Dupont Jean-Pierre
    EXPECT_EQ(hits[1].member_id, jean_pierre);
}

TEST_F(MemberSearchTest, ExactMemberNumberRanksFirst)
{
    // Members 2 and 3 contain "3" elsewhere (postcode 69003, 13001), member 3's number is exact.
    std::vector<SearchHit> hits = search_members(*store, "3").value();
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].member_id, yamada);
    EXPECT_EQ(hits[0].matched, "member_no");
    EXPECT_EQ(hits[0].score, 400);
    hits = search_members(*store, "13001").value();
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits[0].member_id, yamada);
    EXPECT_EQ(hits[0].matched, "postcode");
}

TEST_F(MemberSearchTest, NamePrefixBeatsOtherPrefixBeatsSubstring)
{
    std::string by_name = add("Zoé", "Martin", "", "", "75001", "Paris");
    std::string by_email_prefix = add("Anne", "Aubry", "", "martin.z@free.fr", "75001", "Paris");
    std::string by_substring = add("Marc", "Bernard", "", "jmartin@free.fr", "75001", "Paris");
    std::vector<SearchHit> hits = search_members(*store, "martin").value();
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_EQ(hits[0].member_id, by_name);
    EXPECT_EQ(hits[0].score, 300);
    EXPECT_EQ(hits[1].member_id, by_email_prefix);
    EXPECT_EQ(hits[1].score, 200);
    EXPECT_EQ(hits[2].member_id, by_substring);
    EXPECT_EQ(hits[2].score, 100);
    EXPECT_EQ(hits[2].matched, "email");
}

TEST_F(MemberSearchTest, EmptyQueriesAndLimit)
{
    EXPECT_TRUE(ids("").empty());
    EXPECT_TRUE(ids("  -- ").empty());
    EXPECT_TRUE(ids("zzzzz").empty());
    EXPECT_EQ(ids("dupont", 1).size(), 1u);
    EXPECT_TRUE(ids("dupont", 0).empty());
}

TEST_F(MemberSearchTest, ManySameNamesStayFindableInNameOrder)
{
    // Enough insertions at one place in name order to exhaust the doc gaps
    // and force a renumbering of the index.
    for (int i = 0; i < 40; ++i)
        add(i % 2 ? "Marie" : "Mariette", "Dupont", "", "", "75001", "Paris");
    std::vector<SearchHit> hits = search_members(*store, "dupont", 100).value();
    ASSERT_EQ(hits.size(), 42u);
    for (size_t i = 1; i < hits.size(); ++i) {
        std::string a = fold_for_search(hits[i - 1].display_name), b = fold_for_search(hits[i].display_name);
        EXPECT_LE(a, b) << i;
    }
    EXPECT_EQ(search_members(*store, "mariette dupont", 100).value().size(), 20u);
    EXPECT_EQ(ids("helene").at(0), helene);
}

TEST(MemberSearchGenerated, LimitAndOrderOverADemoSet)
{
    Result<std::unique_ptr<Store>> s = Store::open_memory();
    ASSERT_TRUE(s.ok());
    Store& store = **s;
    ASSERT_TRUE(generate_demo(store, {2000, 7, "2026-01-15"}).ok());
    for (const char* q : {"a", "ma", "0", "06", "75", "ene", "gmail"}) {
        std::vector<SearchHit> hits = search_members(store, q, 50).value();
        EXPECT_EQ(hits.size(), 50u) << q;
        for (size_t i = 1; i < hits.size(); ++i)
            EXPECT_GE(hits[i - 1].score, hits[i].score) << q << " " << i;
    }
    // Every hit really contains the folded query somewhere the person can see.
    for (const SearchHit& h : search_members(store, "ene", 50).value()) {
        std::string seen = fold_for_search(h.display_name + " " + h.matched_text);
        EXPECT_NE(seen.find("ene"), std::string::npos) << h.display_name << " / " << h.matched_text;
    }
    // Accent-free query finds accented generated names.
    std::vector<SearchHit> hits = search_members(store, "helene", 50).value();
    ASSERT_FALSE(hits.empty());
    EXPECT_NE(hits[0].display_name.find("Hélène"), std::string::npos);
}

// The substring index only knows which trigrams a member has: a member with
// every trigram of the query, but not in one piece, is not a hit.
TEST_F(MemberSearchTest, SubstringNeedsTheWholeFragmentInOnePiece)
{
    std::string scattered = add("Abcx", "Defy", "", "", "", "");
    std::string whole = add("Zabcdefz", "Martin", "", "", "", "");
    EXPECT_FALSE(finds("abcdef", scattered));
    EXPECT_TRUE(finds("abcdef", whole));
    EXPECT_TRUE(finds("bcd", whole));
    EXPECT_FALSE(finds("bcd", scattered));
}
