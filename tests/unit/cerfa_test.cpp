// What a tax receipt must carry to hold up (issue 18 part 4): the
// association fully named before the first receipt, the donor's kind
// choosing Cerfa 11580 (article 200, and 978 when the association is
// eligible) or Cerfa 16216 (article 238 bis, the company's SIREN), the
// nature of the gift from how it was paid.
#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/receipts/organisation_settings.h"
#include "core/receipts/tax_receipt_document.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/store/journal.h"
#include "core/store/store.h"
#include "core/text/registration_number.h"

using namespace obole;

namespace {

Organisation complete()
{
    Organisation org;
    org.name = "Les Amis d'Obole";
    org.address = "1 place du Marché\n69001 Lyon";
    org.object = "Aide aux familles";
    org.legal_status = "general_interest";
    org.registration = "W691234567";
    org.signatory = "Jeanne Martin";
    org.signatory_role = "présidente";
    org.place = "Lyon";
    return org;
}

class CerfaTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.last_name = "Boulangerie Petit";
        m.line1 = "3 rue Neuve";
        m.postcode = "69002";
        m.city = "Lyon";
        member = MemberRepository(*store).create(m, "alice").value();
    }
    std::string gift(const char* amount, PaymentMethod method = PaymentMethod::transfer)
    {
        NewGift g;
        g.member_id = member;
        g.amount_text = amount;
        g.date_text = "2025-04-01";
        g.method = method;
        return GiftRepository(*store).add(g, "alice").value();
    }
    TaxReceipt issued(const std::string& gift_id)
    {
        TaxReceiptRepository repo(*store);
        std::string id = repo.issue_for_gift(member, gift_id, ReceiptNumbering::here, "alice").value();
        return *repo.find(id);
    }
    std::unique_ptr<Store> store;
    std::string member;
};

} // namespace

TEST(RegistrationNumber, SirenHasNineDigitsAndALuhnSumRnaAWAndNine)
{
    EXPECT_TRUE(is_siren("732829320"));
    EXPECT_TRUE(is_siren("732 829 320"));
    EXPECT_FALSE(is_siren("732829321")); // one digit off: the sum fails
    EXPECT_FALSE(is_siren("73282932"));
    EXPECT_FALSE(is_siren("73282932O"));
    EXPECT_TRUE(is_rna("W691234567"));
    EXPECT_FALSE(is_rna("W69123456"));
    EXPECT_FALSE(is_rna("X691234567"));
    EXPECT_EQ(compact_registration("732 829 320"), "732829320");
}

TEST(OrganisationSettings, WhatIsGivenMustBeRightAndEverythingBeforeTheFirstReceipt)
{
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    Organisation org = complete();
    org.registration = "123456789";
    EXPECT_EQ(save_organisation(*store, org, "alice").error().code, "organisation.bad_registration");
    org.registration = "W691234567";
    org.legal_status = "kingdom";
    EXPECT_EQ(save_organisation(*store, org, "alice").error().code, "organisation.bad_status");
    EXPECT_TRUE(load_organisation(*store).value().name.empty()); // nothing was saved

    org = complete();
    org.ifi_eligible = true;
    ASSERT_TRUE(save_organisation(*store, org, "alice"));
    Organisation back = load_organisation(*store).value();
    EXPECT_EQ(back.legal_status, "general_interest");
    EXPECT_EQ(back.registration, "W691234567");
    EXPECT_EQ(back.signatory_role, "présidente");
    EXPECT_TRUE(back.ifi_eligible);
    EXPECT_TRUE(check_ready_for_receipts(back));

    // Each missing piece is named, in the order of the form.
    struct Missing {
        std::string Organisation::*field;
        const char* code;
    };
    for (Missing m : {Missing{&Organisation::address, "organisation.no_address"},
                      Missing{&Organisation::object, "organisation.no_object"},
                      Missing{&Organisation::legal_status, "organisation.no_status"},
                      Missing{&Organisation::registration, "organisation.no_registration"},
                      Missing{&Organisation::signatory_role, "organisation.no_signatory"}}) {
        Organisation partial = complete();
        partial.*m.field = "";
        Result<void> ready = check_ready_for_receipts(partial);
        ASSERT_FALSE(ready.ok()) << m.code;
        EXPECT_EQ(ready.error().code, m.code);
    }
}

TEST_F(CerfaTest, APersonsReceiptIsCerfa11580UnderArticle200And978WhenEligible)
{
    Organisation org = complete();
    org.ifi_eligible = true;
    const std::string html = tax_receipt_document(issued(gift("150")), org);
    EXPECT_NE(html.find("Cerfa n° 11580"), std::string::npos);
    EXPECT_NE(html.find("Articles 200 et 978"), std::string::npos);
    EXPECT_NE(html.find("N° SIREN ou RNA : W691234567"), std::string::npos);
    EXPECT_NE(html.find("Œuvre ou organisme d'intérêt général"), std::string::npos);
    EXPECT_NE(html.find("66 %"), std::string::npos);
    EXPECT_NE(html.find("article 978"), std::string::npos);
    EXPECT_NE(html.find("Jeanne Martin, présidente"), std::string::npos);
    EXPECT_NE(html.find("Nature du don : numéraire"), std::string::npos);
    EXPECT_EQ(html.find("16216"), std::string::npos);
}

TEST_F(CerfaTest, AGiftPaidOtherwiseThanInMoneyIsNotNumeraire)
{
    const std::string html = tax_receipt_document(issued(gift("80", PaymentMethod::other)), complete());
    EXPECT_NE(html.find("Nature du don : autres"), std::string::npos);
    EXPECT_EQ(html.find("article 978"), std::string::npos); // not eligible: no IFI
}

TEST_F(CerfaTest, ACompanysReceiptIsCerfa16216WithItsSirenAndNeedsIt)
{
    MemberRepository members(*store);
    const std::string g = gift("1000");
    ASSERT_TRUE(members.set_donor_kind(member, DonorKind::organisation, "", "alice"));
    Result<std::string> refused =
        TaxReceiptRepository(*store).issue_for_gift(member, g, ReceiptNumbering::here, "alice");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "tax_receipt.no_siren");

    EXPECT_EQ(members.set_donor_kind(member, DonorKind::organisation, "732829321", "alice").error().code,
              "member.bad_siren");
    ASSERT_TRUE(members.set_donor_kind(member, DonorKind::organisation, "732 829 320", "alice"));
    EXPECT_EQ(members.get(member)->siren, "732829320");
    EXPECT_EQ(Journal(*store).list_for_member(member).value().front().action, "member.donor_kind");

    const TaxReceipt r = issued(g);
    EXPECT_EQ(r.donor_kind, "organisation");
    EXPECT_EQ(r.donor_registration, "732829320");
    const std::string html = tax_receipt_document(r, complete());
    EXPECT_NE(html.find("Cerfa n° 16216"), std::string::npos);
    EXPECT_NE(html.find("238 bis"), std::string::npos);
    EXPECT_NE(html.find("N° SIREN : 732829320"), std::string::npos);
    EXPECT_NE(html.find("60 %"), std::string::npos);
    EXPECT_EQ(html.find("11580"), std::string::npos);

    // The receipt keeps what the donor was: becoming a person again later
    // does not change it.
    ASSERT_TRUE(members.set_donor_kind(member, DonorKind::person, "", "alice"));
    EXPECT_EQ(TaxReceiptRepository(*store).find(r.id)->donor_kind, "organisation");
    EXPECT_EQ(members.get(member)->siren, "");
}
