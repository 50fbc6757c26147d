#include <gtest/gtest.h>

#include "core/members/duplicate_hints.h"
#include "core/members/member_repository.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class DuplicateHintsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<std::unique_ptr<Store>> s = Store::open_memory();
        ASSERT_TRUE(s.ok());
        store = std::move(s.value());
        helene = add("Hélène", "Dupont", "06 12 34 56 78", "helene.dupont@gmail.com", "75011");
        jean = add("Jean", "Dupont", "", "", "69001");
        ivan = add("Иван", "Петров", "+7 916 123-45-67", "ivan@mail.ru", "69003");
    }

    std::string add(const char* first, const char* last, const char* phone, const char* email, const char* postcode)
    {
        NewMember m;
        m.first_name = first;
        m.last_name = last;
        m.phone = phone;
        m.email = email;
        m.postcode = postcode;
        Result<std::string> id = MemberRepository(*store).create(m, "test");
        EXPECT_TRUE(id.ok()) << last;
        return id.ok() ? *id : "";
    }

    static NewMember typed(const char* first, const char* last, const char* email = "", const char* phone = "",
                           const char* postcode = "")
    {
        NewMember m;
        m.first_name = first;
        m.last_name = last;
        m.email = email;
        m.phone = phone;
        m.postcode = postcode;
        return m;
    }

    std::unique_ptr<Store> store;
    std::string helene, jean, ivan;
};

TEST_F(DuplicateHintsTest, NameWithoutAccentsOrCaseAndFirstNamePrefix)
{
    std::vector<DuplicateHint> hints = likely_duplicates(*store, typed("hel", "DUPONT")).value();
    ASSERT_EQ(hints.size(), 1u);
    EXPECT_EQ(hints[0].member_id, helene);
    EXPECT_EQ(hints[0].display_name, "Hélène Dupont");
    EXPECT_EQ(hints[0].postcode, "75011");
    EXPECT_EQ(hints[0].reasons, std::vector<std::string>{"name"});
    // Cyrillic folds too.
    hints = likely_duplicates(*store, typed("иван", "петров")).value();
    ASSERT_EQ(hints.size(), 1u);
    EXPECT_EQ(hints[0].member_id, ivan);
}

TEST_F(DuplicateHintsTest, LastNameAloneNeedsThePostcode)
{
    EXPECT_TRUE(likely_duplicates(*store, typed("", "Dupont")).value().empty());
    std::vector<DuplicateHint> hints = likely_duplicates(*store, typed("", "dupont", "", "", "69001")).value();
    ASSERT_EQ(hints.size(), 1u);
    EXPECT_EQ(hints[0].member_id, jean);
    EXPECT_EQ(hints[0].reasons, std::vector<std::string>{"name_postcode"});
    // One letter of a last name is not enough to suggest anyone.
    EXPECT_TRUE(likely_duplicates(*store, typed("h", "D")).value().empty());
}

TEST_F(DuplicateHintsTest, EmailAnyCaseAndPhoneAnyFormattingRankFirst)
{
    // A different name, but Hélène's email and phone: she comes first, for both reasons.
    std::vector<DuplicateHint> hints =
        likely_duplicates(*store, typed("Jean", "Dupont", "Helene.Dupont@GMAIL.com", "+33 6 12 34 56 78")).value();
    ASSERT_EQ(hints.size(), 2u);
    EXPECT_EQ(hints[0].member_id, helene);
    EXPECT_EQ(hints[0].reasons, (std::vector<std::string>{"email", "phone"}));
    EXPECT_EQ(hints[1].member_id, jean);
    // A half-typed email or phone is not looked up (and does not fail).
    EXPECT_TRUE(likely_duplicates(*store, typed("", "", "helene.dupont@", "06 12")).value().empty());
}

TEST_F(DuplicateHintsTest, DeletedAndMergedMembersAreNotSuggested)
{
    ASSERT_TRUE(MemberRepository(*store).remove(helene, "test").ok());
    EXPECT_TRUE(likely_duplicates(*store, typed("Hélène", "Dupont", "helene.dupont@gmail.com")).value().empty());
}

TEST_F(DuplicateHintsTest, AtMostTheLimit)
{
    for (int i = 0; i < 8; ++i)
        add("Marie", "Martin", "", "", "75001");
    EXPECT_EQ(likely_duplicates(*store, typed("Marie", "Martin"), 5).value().size(), 5u);
    EXPECT_EQ(likely_duplicates(*store, typed("Marie", "Martin"), 20).value().size(), 8u);
}

} // namespace
