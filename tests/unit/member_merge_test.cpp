// Merging two records of one person: what moves, what is refused.
#include <gtest/gtest.h>

#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/search/member_search.h"
#include "core/store/store.h"

using namespace obole;

namespace {

struct Pair {
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    std::string loser, survivor;

    Pair()
    {
        NewMember m;
        m.first_name = "Zoé";
        m.last_name = "Doublon";
        m.email = "zoe.doublon@example.org";
        m.phone = "+33612345670";
        m.line1 = "3 rue des Lilas";
        m.postcode = "75020";
        m.city = "Paris";
        loser = MemberRepository(*store).create(m, "a").value();
        m.email = "ZOE.DOUBLON@example.org"; // the same address, typed otherwise
        m.phone = "+33698765432";
        survivor = MemberRepository(*store).create(m, "b").value();
        for (const std::string* who : {&loser, &survivor}) {
            NewGift g;
            g.member_id = *who;
            g.amount_text = who == &loser ? "10" : "20";
            g.date_text = "2026-11-23";
            EXPECT_TRUE(GiftRepository(*store).add(g, "a").ok());
        }
    }
};

TEST(MemberMerge, TheSurvivorGetsTheGiftsAndContactsOnce)
{
    Pair p;
    ASSERT_TRUE(merge_members(*p.store, p.loser, p.survivor, "office", true).ok());
    Result<Member> survivor = MemberRepository(*p.store).get(p.survivor);
    ASSERT_TRUE(survivor.ok());
    EXPECT_EQ(survivor->emails.size(), 1u) << "the same email is not listed twice";
    EXPECT_EQ(survivor->phones.size(), 2u);
    EXPECT_EQ(GiftRepository(*p.store).list_for_member(p.survivor).size(), 2u);
    EXPECT_EQ(MemberRepository(*p.store).get(p.loser)->merged_into_id, p.survivor);
    EXPECT_EQ(search_members(*p.store, "zoe doublon").size(), 1u);
}

TEST(MemberMerge, ADeviceThatSyncsOnlyRecordsThePointer)
{
    Pair p;
    ASSERT_TRUE(merge_members(*p.store, p.loser, p.survivor, "office", false).ok());
    EXPECT_EQ(MemberRepository(*p.store).get(p.loser)->merged_into_id, p.survivor);
    EXPECT_EQ(GiftRepository(*p.store).list_for_member(p.survivor).size(), 1u); // until the server confirms
}

TEST(MemberMerge, RefusesItselfACycleAndASecondMerge)
{
    Pair p;
    EXPECT_EQ(merge_members(*p.store, p.loser, p.loser, "o", true).error().code, "merge.same_member");
    ASSERT_TRUE(merge_members(*p.store, p.loser, p.survivor, "o", true).ok());
    EXPECT_EQ(merge_members(*p.store, p.loser, p.survivor, "o", true).error().code, "merge.already_merged");
    EXPECT_EQ(merge_members(*p.store, p.survivor, p.loser, "o", true).error().code, "merge.same_member");
    EXPECT_EQ(merge_members(*p.store, p.survivor, "0190f2a4-5b1c-7d3e-8f12-3456789abcde", "o", true).error().code,
              "member.not_found");
}

} // namespace
