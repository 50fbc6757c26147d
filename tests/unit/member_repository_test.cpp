#include <gtest/gtest.h>

#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class MemberRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        Result<std::unique_ptr<Store>> s = Store::open_memory();
        ASSERT_TRUE(s.ok());
        store = std::move(s.value());
    }
    int64_t rows(const char* table)
    {
        Statement s(store->db(), (std::string("SELECT count(*) FROM ") + table).c_str());
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    static NewMember valid()
    {
        NewMember m;
        m.civility = "Mme";
        m.first_name = "  Hélène ";
        m.last_name = "Dupont";
        m.email = "Helene.Dupont@Example.ORG";
        m.phone = "06 12 34 56 78";
        m.line1 = "12 rue de la République";
        m.postcode = "75011";
        m.city = "Paris";
        return m;
    }
    // Create must fail with `code` on `field` and write nothing at all.
    void expect_rejected(const NewMember& m, const char* code, const char* field)
    {
        int64_t members = rows("member"), journal = rows("journal"), docs = rows("search_doc");
        uint64_t changes = store->change_count();
        Result<std::string> r = MemberRepository(*store).create(m, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(r.error().field, field) << code;
        EXPECT_FALSE(r.error().message.empty());
        EXPECT_EQ(rows("member"), members) << code;
        EXPECT_EQ(rows("address"), members) << code;
        EXPECT_EQ(rows("journal"), journal) << code;
        EXPECT_EQ(rows("search_doc"), docs) << code;
        EXPECT_EQ(store->change_count(), changes) << code;
    }
    std::unique_ptr<Store> store;
};

} // namespace

TEST_F(MemberRepositoryTest, CreateStoresNormalizedFieldsAndJournal)
{
    MemberRepository repo(*store);
    Result<std::string> id = repo.create(valid(), "alice");
    ASSERT_TRUE(id.ok()) << id.error().message;
    Result<Member> m = repo.get(*id);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->member_no, 1);
    EXPECT_EQ(m->first_name, "Hélène");
    EXPECT_EQ(m->last_name, "Dupont");
    EXPECT_EQ(m->civility, "Mme");
    EXPECT_EQ(m->address.postcode, "75011");
    EXPECT_EQ(m->address.city, "Paris");
    EXPECT_EQ(m->address.country, "FR");
    ASSERT_EQ(m->emails.size(), 1u);
    EXPECT_EQ(m->emails[0].address, "Helene.Dupont@example.org");
    EXPECT_TRUE(m->emails[0].usable);
    ASSERT_EQ(m->phones.size(), 1u);
    EXPECT_EQ(m->phones[0].number, "+33612345678");
    EXPECT_EQ(m->phones[0].kind, "mobile");
    EXPECT_EQ(m->tax_receipt, TaxReceiptPref::annual);
    EXPECT_FALSE(m->entry_date.empty());
    EXPECT_EQ(repo.count().value(), 1);

    std::vector<JournalEntry> journal = Journal(*store).list_for_member(*id, 10).value();
    ASSERT_EQ(journal.size(), 1u);
    EXPECT_EQ(journal[0].action, "member.create");
    EXPECT_EQ(journal[0].operator_name, "alice");

    Result<std::string> second = repo.create(valid(), "alice");
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(repo.get(*second)->member_no, 2);
}

TEST_F(MemberRepositoryTest, EveryValidationFailureChangesNothing)
{
    ASSERT_TRUE(MemberRepository(*store).create(valid(), "alice").ok()); // something to leave untouched

    NewMember m = valid();
    m.last_name = "   ";
    expect_rejected(m, "member.last_name_required", "last_name");
    m = valid();
    m.last_name = std::string(101, 'x');
    expect_rejected(m, "name.too_long", "last_name");
    m = valid();
    m.first_name = "Hél\x01ne";
    expect_rejected(m, "name.invalid_text", "first_name");
    m = valid();
    m.email = "helene.dupont";
    expect_rejected(m, "email.missing_at", "email");
    m = valid();
    m.phone = "06 12 34";
    expect_rejected(m, "phone.too_short", "phone");
    m = valid();
    m.postcode = "7501";
    expect_rejected(m, "address.bad_postcode", "postcode");
    m = valid();
    m.origin_campaign_id = "no-such-campaign";
    expect_rejected(m, "campaign.not_found", "origin_campaign");
}

TEST_F(MemberRepositoryTest, OptionalFieldsMayBeEmptyAndForeignPostcodesPass)
{
    NewMember m;
    m.last_name = "山田";
    m.first_name = "太郎";
    m.country = "JP";
    m.postcode = "100-0001";
    m.phone = "090-1234-5678";
    Result<std::string> id = MemberRepository(*store).create(m, "alice");
    ASSERT_TRUE(id.ok()) << id.error().code;
    Result<Member> got = MemberRepository(*store).get(*id);
    EXPECT_EQ(got->phones[0].number, "+819012345678");
    EXPECT_TRUE(got->emails.empty());
}

TEST_F(MemberRepositoryTest, NotepadMemoAndMarkersAreJournaled)
{
    MemberRepository repo(*store);
    std::string id = repo.create(valid(), "alice").value();
    ASSERT_TRUE(repo.set_notepad(id, "Préfère le courriel.\nNe pas appeler.", "bob").ok());
    ASSERT_TRUE(repo.set_memo_active(id, "VIP", "bob").ok());
    ASSERT_TRUE(repo.set_markers(id, "NPAI", true, TaxReceiptPref::email, "carol").ok());
    Result<Member> m = repo.get(id);
    EXPECT_EQ(m->notepad, "Préfère le courriel.\nNe pas appeler.");
    EXPECT_EQ(m->memo_active, "VIP");
    EXPECT_EQ(m->suspension_code, "NPAI");
    EXPECT_TRUE(m->stop_promo);
    EXPECT_EQ(m->tax_receipt, TaxReceiptPref::email);

    std::vector<JournalEntry> journal = Journal(*store).list_for_member(id, 10).value();
    ASSERT_EQ(journal.size(), 4u);
    EXPECT_EQ(journal[0].action, "member.markers");
    EXPECT_EQ(journal[0].operator_name, "carol");
    EXPECT_EQ(journal[1].action, "member.memo_active");
    EXPECT_EQ(journal[2].action, "member.notepad");
    EXPECT_EQ(journal[3].action, "member.create");

    int64_t journal_rows = Journal(*store).count().value();
    EXPECT_EQ(repo.set_notepad("missing", "x", "bob").error().code, "member.not_found");
    EXPECT_EQ(repo.set_markers(id, std::string(21, 'X'), false, TaxReceiptPref::none, "bob").error().code,
              "member.bad_suspension_code");
    EXPECT_EQ(repo.set_notepad(id, "bad \x01 text", "bob").error().code, "text.invalid");
    EXPECT_EQ(Journal(*store).count().value(), journal_rows);
    EXPECT_EQ(repo.get(id)->suspension_code, "NPAI");
}

TEST_F(MemberRepositoryTest, CampaignsReceivedNewestFirst)
{
    MemberRepository repo(*store);
    CampaignRepository campaigns(*store);
    std::string id = repo.create(valid(), "alice").value();
    std::string a = campaigns.create({"", "NL2025-03", "Lettre de mars", "email", "2025-03-01"}, "alice").value();
    std::string b = campaigns.create({"", "AP2025-06", "Appel de juin", "mail", "2025-06-01"}, "alice").value();
    std::string c = campaigns.create({"", "EV2025-09", "Soirée", "event", "2025-09-15"}, "alice").value();
    ASSERT_TRUE(campaigns.add_received(id, b, "2025-06-03").ok());
    ASSERT_TRUE(campaigns.add_received(id, c, "15/09/2025").ok());
    ASSERT_TRUE(campaigns.add_received(id, a, "2025-03-02").ok());
    std::vector<CampaignReceived> got = repo.campaigns_received(id).value();
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got[0].code, "EV2025-09");
    EXPECT_EQ(got[0].received_date, "2025-09-15");
    EXPECT_EQ(got[1].code, "AP2025-06");
    EXPECT_EQ(got[2].code, "NL2025-03");
    EXPECT_EQ(repo.campaigns_received(id, 2).value().size(), 2u);

    EXPECT_EQ(campaigns.create({"", "NL2025-03", "Doublon", "", ""}, "alice").error().code, "campaign.code_taken");
    EXPECT_EQ(campaigns.create({"", "bad code", "X", "", ""}, "alice").error().code, "campaign.bad_code");
    EXPECT_EQ(campaigns.create({"", "X1", "", "", ""}, "alice").error().code, "campaign.name_required");
    EXPECT_EQ(campaigns.list_all().value().size(), 3u);
    EXPECT_EQ(campaigns.list_all().value()[0].code, "EV2025-09");
    EXPECT_EQ(campaigns.find_by_code("AP2025-06")->id, b);
}

TEST(TaxReceiptPrefNames, RoundTrip)
{
    for (TaxReceiptPref p :
         {TaxReceiptPref::annual, TaxReceiptPref::per_gift, TaxReceiptPref::none, TaxReceiptPref::email}) {
        TaxReceiptPref back = TaxReceiptPref::none;
        ASSERT_TRUE(parse_tax_receipt_pref(to_string(p), &back));
        EXPECT_EQ(back, p);
    }
    TaxReceiptPref out;
    EXPECT_FALSE(parse_tax_receipt_pref("monthly", &out));
}
