// The dossier's edits: identity, address, phones and emails with their
// origin, the Member tab's codes and scores, memos, the bequest pipeline.
#include <gtest/gtest.h>

#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/sponsorship_repository.h"
#include "core/search/member_search.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class MemberEditsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.civility = "Mme";
        m.first_name = "Hélène";
        m.last_name = "Dupont";
        m.email = "helene@example.org";
        m.phone = "06 12 34 56 78";
        m.postcode = "75011";
        m.city = "Paris";
        id = repo().create(m, "alice").value();
        campaign = CampaignRepository(*store)
                       .create({"", "AP2025-06", "Appel de juin", "mail", "2025-06-01"}, "alice")
                       .value();
    }
    MemberRepository repo() { return MemberRepository(*store); }
    Member member() { return repo().get(id).value(); }
    // A refused edit: the right code and field, and nothing written.
    template <class F>
    void expect_refused(F&& edit, const char* code, const char* field)
    {
        uint64_t changes = store->change_count();
        int64_t journal = Journal(*store).count().value();
        Result<void> r = edit();
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(r.error().field, field) << code;
        EXPECT_FALSE(r.error().message.empty());
        EXPECT_EQ(store->change_count(), changes) << code;
        EXPECT_EQ(Journal(*store).count().value(), journal) << code;
    }
    std::string last_action() { return Journal(*store).list_for_member(id, 1).value().at(0).action; }
    std::unique_ptr<Store> store;
    std::string id, campaign;
};

} // namespace

TEST_F(MemberEditsTest, IdentityAndAddressAreSavedJournaledAndSearchable)
{
    ASSERT_TRUE(repo().set_identity(id, "M.", " Jean ", "Martin", "bob").ok());
    EXPECT_EQ(member().first_name, "Jean");
    EXPECT_EQ(member().last_name, "Martin");
    EXPECT_EQ(last_action(), "member.identity");
    EXPECT_EQ(search_members(*store, "martin").value().size(), 1u);
    EXPECT_TRUE(search_members(*store, "dupont").value().empty());

    ASSERT_TRUE(repo().set_address(id, {"3 place Bellecour", "Bât. B", "69002", "Lyon", "fr"}, "bob").ok());
    Member m = member();
    EXPECT_EQ(m.address.line2, "Bât. B");
    EXPECT_EQ(m.address.city, "Lyon");
    EXPECT_EQ(m.address.country, "FR");
    EXPECT_EQ(last_action(), "member.address");
    EXPECT_EQ(search_members(*store, "lyon").value().size(), 1u);

    expect_refused([&] { return repo().set_identity(id, "", "Jean", "  ", "bob"); }, "member.last_name_required",
                   "last_name");
    expect_refused(
        [&] {
            return repo().set_address(id, {"x", "", "6900", "Lyon", "FR"}, "bob");
        },
        "address.bad_postcode", "postcode");
    expect_refused(
        [&] {
            return repo().set_address(id, {"x", "", "", "Lyon", "France"}, "bob");
        },
        "address.bad_country", "country");
    EXPECT_EQ(member().last_name, "Martin");
    EXPECT_EQ(member().address.postcode, "69002");
}

TEST_F(MemberEditsTest, PhonesAddEditRemoveWithOrigin)
{
    Result<std::string> phone = repo().add_phone(id, {"01 42 00 00 00", campaign, "12/06/2025"}, "bob");
    ASSERT_TRUE(phone.ok()) << phone.error().code;
    Member m = member();
    ASSERT_EQ(m.phones.size(), 2u);
    EXPECT_EQ(m.phones[1].number, "+33142000000");
    EXPECT_EQ(m.phones[1].kind, "landline");
    EXPECT_EQ(m.phones[1].origin_campaign_code, "AP2025-06");
    EXPECT_EQ(m.phones[1].origin_campaign_id, campaign);
    EXPECT_EQ(m.phones[1].origin_date, "2025-06-12");
    EXPECT_EQ(last_action(), "phone.add");

    ASSERT_TRUE(repo().update_phone(*phone, {"07 00 00 00 01", "", ""}, "bob").ok());
    m = member();
    EXPECT_EQ(m.phones[1].number, "+33700000001");
    EXPECT_EQ(m.phones[1].kind, "mobile");
    EXPECT_TRUE(m.phones[1].origin_campaign_code.empty());
    EXPECT_EQ(search_members(*store, "0700000001").value().size(), 1u);

    expect_refused([&] { return repo().update_phone(*phone, {"07 00", "", ""}, "bob"); }, "phone.too_short", "phone");
    expect_refused(
        [&] {
            return repo().update_phone(*phone, {"0700000001", "", "31/02/2025"}, "bob");
        },
        "date.invalid", "origin_date");
    expect_refused(
        [&] {
            return repo().update_phone(*phone, {"0700000001", "nope", ""}, "bob");
        },
        "campaign.not_found", "origin_campaign");

    ASSERT_TRUE(repo().remove_phone(*phone, "bob").ok());
    EXPECT_EQ(member().phones.size(), 1u);
    EXPECT_EQ(last_action(), "phone.remove");
    EXPECT_EQ(repo().remove_phone(*phone, "bob").error().code, "contact.not_found");
}

TEST_F(MemberEditsTest, EmailsAddEditRemoveAndTheUnusableMark)
{
    std::string first = member().emails.at(0).id;
    ASSERT_TRUE(repo().add_email(id, {"h.dupont@work.example", campaign, "2025-06-03"}, "bob").ok());
    EXPECT_EQ(member().emails.size(), 2u);

    // Bounced: marked unusable, then cleared when the person confirms it.
    ASSERT_TRUE(repo().update_email(first, {"helene@example.org", "", "", false}, "bob").ok());
    Member m = member();
    ASSERT_EQ(m.emails.size(), 2u);
    EXPECT_FALSE(m.emails[1].usable); // unusable ones sort last
    EXPECT_EQ(m.emails[1].address, "helene@example.org");
    ASSERT_TRUE(repo().update_email(first, {"helene@example.org", "", "", true}, "bob").ok());
    EXPECT_TRUE(member().emails[0].usable && member().emails[1].usable);

    expect_refused(
        [&]() -> Result<void> {
            Result<std::string> r = repo().add_email(id, {"no-at-sign", "", ""}, "bob");
            if (!r)
                return r.error();
            return {};
        },
        "email.missing_at", "email");
    expect_refused(
        [&] {
            return repo().update_email(first, {"a b@c.fr", "", ""}, "bob");
        },
        "email.has_spaces", "email");
    ASSERT_TRUE(repo().remove_email(first, "bob").ok());
    EXPECT_EQ(member().emails.size(), 1u);
    EXPECT_EQ(last_action(), "email.remove");
}

TEST_F(MemberEditsTest, ProfileCodesAndScores)
{
    MemberProfile p{"1998-03-01", "12/05/1950", "MAJ LEG", "GEO7", 75, 100};
    ASSERT_TRUE(repo().set_profile(id, p, "bob").ok());
    Member m = member();
    EXPECT_EQ(m.entry_date, "1998-03-01");
    EXPECT_EQ(m.birth_date, "1950-05-12");
    EXPECT_EQ(m.internal_codes, "MAJ LEG");
    EXPECT_EQ(m.internal_score, 75);
    EXPECT_EQ(m.external_score, 100);
    EXPECT_EQ(last_action(), "member.profile");

    MemberProfile bad = p;
    bad.internal_score = 101;
    expect_refused([&] { return repo().set_profile(id, bad, "bob"); }, "member.bad_score", "internal_score");
    bad = p;
    bad.external_score = -1;
    expect_refused([&] { return repo().set_profile(id, bad, "bob"); }, "member.bad_score", "external_score");
    bad = p;
    bad.birth_date = "2999-01-01";
    expect_refused([&] { return repo().set_profile(id, bad, "bob"); }, "member.birth_in_future", "birth_date");
    bad = p;
    bad.entry_date = "";
    expect_refused([&] { return repo().set_profile(id, bad, "bob"); }, "member.entry_date_required", "entry_date");
    bad = p;
    bad.internal_codes = std::string(201, 'A');
    expect_refused([&] { return repo().set_profile(id, bad, "bob"); }, "member.bad_codes", "internal_codes");
    EXPECT_EQ(member().internal_score, 75);
}

TEST_F(MemberEditsTest, MemosAndBequestPipeline)
{
    ASSERT_TRUE(repo().set_memo(id, MemoKind::bequest, "Notaire: Me Durand", "bob").ok());
    ASSERT_TRUE(repo().set_memo(id, MemoKind::portal, "Compte créé", "bob").ok());
    ASSERT_TRUE(repo().set_memo(id, MemoKind::misc, "Divers", "bob").ok());
    Member m = member();
    EXPECT_EQ(m.memo_bequest, "Notaire: Me Durand");
    EXPECT_EQ(m.memo_portal, "Compte créé");
    EXPECT_EQ(m.memo_misc, "Divers");

    EXPECT_EQ(repo().bequest_confirm(id, "", "bob").error().code, "bequest.not_promised");
    ASSERT_TRUE(repo().bequest_promise(id, "2024-01-10", "bob").ok());
    EXPECT_EQ(member().bequest_promise_date, "2024-01-10");
    EXPECT_EQ(repo().bequest_promise(id, "", "bob").error().code, "bequest.already_promised");
    EXPECT_EQ(repo().bequest_confirm(id, "2023-12-31", "bob").error().code, "bequest.before_promise");
    ASSERT_TRUE(repo().bequest_confirm(id, "2024-03-01", "bob").ok());
    EXPECT_EQ(member().bequest_confirmed_date, "2024-03-01");
    EXPECT_EQ(last_action(), "member.bequest_confirm");

    ASSERT_TRUE(repo().bequest_undo(id, "bob").ok());
    EXPECT_TRUE(member().bequest_confirmed_date.empty());
    EXPECT_EQ(member().bequest_promise_date, "2024-01-10");
    ASSERT_TRUE(repo().bequest_undo(id, "bob").ok());
    EXPECT_TRUE(member().bequest_promise_date.empty());
    EXPECT_EQ(repo().bequest_undo(id, "bob").error().code, "bequest.nothing_to_undo");
}

TEST_F(MemberEditsTest, CampaignsReceivedTellWhetherTheMemberGave)
{
    std::string other =
        CampaignRepository(*store).create({"", "NL2025-09", "Lettre", "email", "2025-09-01"}, "a").value();
    ASSERT_TRUE(CampaignRepository(*store).add_received(id, campaign, "2025-06-02").ok());
    ASSERT_TRUE(CampaignRepository(*store).add_received(id, other, "2025-09-02").ok());
    NewGift g;
    g.member_id = id;
    g.amount_text = "50";
    g.date_text = "2025-06-20";
    g.campaign_id = campaign;
    ASSERT_TRUE(GiftRepository(*store).add(g, "bob").ok());
    std::vector<CampaignReceived> got = repo().campaigns_received(id).value();
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].code, "NL2025-09");
    EXPECT_FALSE(got[0].gave);
    EXPECT_TRUE(got[1].gave);
}

TEST_F(MemberEditsTest, ActiveSponsorshipsCount)
{
    EXPECT_EQ(SponsorshipRepository(*store).count_active(id).value(), 0);
    for (const char* status : {"active", "active", "ended"}) {
        Statement s(store->db(), "INSERT INTO sponsorship(id, member_ref, child_name, start_date, status, created_at) "
                                 "VALUES(randomblob(16), (SELECT ref FROM member WHERE id = ?1), 'Awa', '2020-01-01', "
                                 "?2, '2020-01-01')");
        s.bind_uuid(1, id);
        s.bind_text(2, status);
        ASSERT_TRUE(s.run().ok());
    }
    EXPECT_EQ(SponsorshipRepository(*store).count_active(id).value(), 2);
}
