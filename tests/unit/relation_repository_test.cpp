#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/members/relation_repository.h"
#include "core/store/journal.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class RelationRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        helene = add("Hélène", "Dupont");
        paul = add("Paul", "Dupont");
        firm = add("", "Boulangerie Martin");
    }
    std::string add(const char* first, const char* last)
    {
        NewMember m;
        m.first_name = first;
        m.last_name = last;
        return MemberRepository(*store).create(m, "alice").value();
    }
    RelationRepository relations() { return RelationRepository(*store); }
    void expect_refused(const std::string& a, const std::string& b, const char* kind, const char* code)
    {
        uint64_t changes = store->change_count();
        Result<std::string> r = relations().add(a, b, kind, "", "", "bob");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_FALSE(r.error().message.empty());
        EXPECT_EQ(store->change_count(), changes) << code;
    }
    std::unique_ptr<Store> store;
    std::string helene, paul, firm;
};

} // namespace

TEST(RelationKinds, ReverseKinds)
{
    EXPECT_EQ(reverse_relation_kind("employer"), "employee");
    EXPECT_EQ(reverse_relation_kind("employee"), "employer");
    EXPECT_EQ(reverse_relation_kind("parent"), "child");
    EXPECT_EQ(reverse_relation_kind("child"), "parent");
    EXPECT_EQ(reverse_relation_kind("spouse"), "spouse");
    for (std::string_view k : relation_kinds())
        EXPECT_EQ(reverse_relation_kind(reverse_relation_kind(k)), k);
    EXPECT_FALSE(is_relation_kind("friend-ish"));
}

TEST_F(RelationRepositoryTest, OneRowShownFromBothSidesWithTheReverseKind)
{
    ASSERT_TRUE(relations().add(helene, paul, "spouse", "12/06/1975", "", "bob").ok());
    ASSERT_TRUE(relations().add(helene, firm, "employer", "", "Comptable", "bob").ok());

    std::vector<Relation> h = relations().list_for_member(helene).value();
    ASSERT_EQ(h.size(), 2u);
    EXPECT_EQ(h[0].kind, "employer");
    EXPECT_EQ(h[0].other_id, firm);
    EXPECT_EQ(h[0].other_name, "Boulangerie Martin");
    EXPECT_EQ(h[0].note, "Comptable");
    EXPECT_EQ(h[1].kind, "spouse");
    EXPECT_EQ(h[1].since, "1975-06-12");

    std::vector<Relation> f = relations().list_for_member(firm).value();
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].kind, "employee");
    EXPECT_EQ(f[0].other_id, helene);
    EXPECT_EQ(f[0].other_name, "Hélène Dupont");
    EXPECT_EQ(relations().list_for_member(paul).value().at(0).kind, "spouse");

    // Journaled on both dossiers.
    EXPECT_EQ(Journal(*store).list_for_member(firm, 1).value().at(0).action, "relation.add");
    EXPECT_EQ(Journal(*store).list_for_member(firm, 1).value().at(0).detail, "employee: Hélène Dupont");
}

TEST_F(RelationRepositoryTest, SelfDuplicateAndBadInputAreRefused)
{
    ASSERT_TRUE(relations().add(helene, firm, "employer", "", "", "bob").ok());
    expect_refused(helene, helene, "spouse", "relation.self");
    expect_refused(helene, firm, "employer", "relation.duplicate");
    // The same relation entered from the firm's dossier.
    expect_refused(firm, helene, "employee", "relation.duplicate");
    expect_refused(helene, paul, "cousin-ish", "relation.bad_kind");
    expect_refused(helene, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "spouse", "member.not_found");
    expect_refused(helene, "", "spouse", "relation.other_required");
    EXPECT_EQ(relations().add(helene, paul, "spouse", "31/02/2000", "", "bob").error().field, "since");
    EXPECT_EQ(relations().list_for_member(helene).value().size(), 1u);
}

TEST_F(RelationRepositoryTest, RemoveIsSoftAndFreesThePair)
{
    std::string id = relations().add(paul, helene, "spouse", "", "", "bob").value();
    ASSERT_TRUE(relations().remove(id, "carol").ok());
    EXPECT_TRUE(relations().list_for_member(helene).value().empty());
    EXPECT_TRUE(relations().list_for_member(paul).value().empty());
    EXPECT_EQ(Journal(*store).list_for_member(helene, 1).value().at(0).action, "relation.remove");
    EXPECT_EQ(relations().remove(id, "carol").error().code, "relation.not_found");
    EXPECT_TRUE(relations().add(helene, paul, "spouse", "", "", "bob").ok());
}
