#include <gtest/gtest.h>

#include <algorithm>

#include "core/field/field_signup.h"
#include "core/members/consent_repository.h"
#include "core/members/member_repository.h"
#include "core/money/iban.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/money/signature.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

using namespace obole;

namespace {

class FieldSignupTest : public ::testing::Test {
protected:
    void SetUp() override { store = std::move(Store::open_memory().value()); }

    int64_t count(const char* sql)
    {
        Statement s(store->db(), sql);
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    // Everything the flow writes, in one number per table.
    std::vector<int64_t> all_rows()
    {
        return {count("SELECT count(*) FROM member"),       count("SELECT count(*) FROM address"),
                count("SELECT count(*) FROM email"),        count("SELECT count(*) FROM phone"),
                count("SELECT count(*) FROM sepa_mandate"), count("SELECT count(*) FROM consent"),
                count("SELECT count(*) FROM field_signup"), count("SELECT count(*) FROM journal")};
    }

    static FieldSignupForm form()
    {
        FieldSignupForm f;
        f.civility = "Mme";
        f.first_name = "Léa";
        f.last_name = "Martin";
        f.email = "lea.martin@example.org";
        f.mobile = "06 12 34 56 78";
        f.line1 = "3 rue des Lilas";
        f.postcode = "69003";
        f.city = "Lyon";
        f.amount_text = "15";
        f.mandate_id = new_uuid_v7();
        f.iban_text = "fr14 2004 1010 0505 0001 3m02 606";
        f.bic_text = "PSSTFRPPPAR";
        f.holder = "Léa Martin";
        SignatureStroke s;
        for (int x = 10; x < 250; x += 4)
            s.push_back({float(x), float(50 + x % 17)});
        f.signature_svg = signature_svg({s}, 300, 120).value();
        for (int i = 0; i < 4; ++i) {
            f.consents[i].answered = true;
            f.consents[i].granted = i % 2 == 0; // post yes, email no, phone yes, sms no
            f.consents[i].wording = consent_wording(kConsentChannels[i]);
            f.consents[i].given_at = "2026-12-02T10:0" + std::to_string(i) + ":00.000Z";
        }
        return f;
    }

    void expect_nothing_saved(const FieldSignupForm& f, const char* code, const char* field, FieldStep step)
    {
        const std::vector<int64_t> before = all_rows();
        Result<FieldSignupDone> r = sign_up_in_the_field(*store, f, "fundraiser1");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(r.error().field, field) << code;
        EXPECT_EQ(field_step_of(r.error().field), step) << code;
        EXPECT_EQ(all_rows(), before) << code << ": something was written";
    }

    std::unique_ptr<Store> store;
};

} // namespace

TEST_F(FieldSignupTest, OneConfirmationWritesEverythingAndLocksTheMember)
{
    const FieldSignupForm f = form();
    const uint64_t changes = store->change_count();
    Result<FieldSignupDone> r = sign_up_in_the_field(*store, f, "fundraiser1");
    ASSERT_TRUE(r.ok()) << r.error().code << " " << r.error().message;
    EXPECT_EQ(store->change_count(), changes + 1) << "not one transaction";
    EXPECT_TRUE(r->new_member);
    EXPECT_EQ(r->mandate_id, f.mandate_id);
    EXPECT_EQ(r->rum, mandate_rum(f.mandate_id)); // the reference shown on the summary

    Member m = MemberRepository(*store).get(r->member_id).value();
    EXPECT_EQ(m.last_name, "Martin");
    EXPECT_EQ(m.address.city, "Lyon");
    ASSERT_EQ(m.emails.size(), 1u);
    ASSERT_EQ(m.phones.size(), 1u);
    EXPECT_EQ(m.phones[0].number, "+33612345678");
    EXPECT_TRUE(m.field_locked);

    std::vector<SepaMandate> mandates = SepaMandateRepository(*store).list_for_member(r->member_id).value();
    ASSERT_EQ(mandates.size(), 1u);
    EXPECT_EQ(mandates[0].id, f.mandate_id);
    EXPECT_EQ(mandates[0].amount_cents, 1500);
    EXPECT_EQ(mandates[0].frequency, Frequency::monthly);
    EXPECT_EQ(mandates[0].signature_svg, f.signature_svg);
    EXPECT_FALSE(mandates[0].signature_date.empty());

    std::vector<Consent> consents = current_consents(ConsentRepository(*store).list_for_member(r->member_id).value());
    ASSERT_EQ(consents.size(), 4u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(consents[i].channel, kConsentChannels[i]);
        EXPECT_EQ(consents[i].granted, i % 2 == 0);
        EXPECT_EQ(consents[i].wording, consent_wording(kConsentChannels[i]));
        EXPECT_EQ(consents[i].given_at, f.consents[i].given_at);
        EXPECT_EQ(consents[i].source, "field");
    }
    EXPECT_EQ(count("SELECT count(*) FROM field_signup WHERE fundraiser = 'fundraiser1'"), 1);

    std::vector<std::string> actions;
    for (const JournalEntry& e : Journal(*store).list_for_member(r->member_id).value())
        actions.push_back(e.action);
    for (const char* a : {"member.create", "mandate.add", "consent.record", "field.signup", "member.field_lock"})
        EXPECT_NE(std::find(actions.begin(), actions.end(), a), actions.end()) << a;
}

TEST_F(FieldSignupTest, AnInvalidIbanSavesNothingAndPointsToTheBankStep)
{
    FieldSignupForm f = form();
    f.iban_text = "FR14 2004 1010 0505 0001 3M02 607"; // last digit mistyped
    expect_nothing_saved(f, "iban.bad_check_digits", "iban", FieldStep::bank);
}

TEST_F(FieldSignupTest, AMissingSignatureSavesNothing)
{
    FieldSignupForm f = form();
    f.signature_svg.clear();
    expect_nothing_saved(f, "signature.empty", "signature", FieldStep::signature);
}

TEST_F(FieldSignupTest, AConsentLeftUnansweredSavesNothing)
{
    FieldSignupForm f = form();
    f.consents[2].answered = false;
    expect_nothing_saved(f, "consent.unanswered", "consent_phone", FieldStep::consents);
}

TEST_F(FieldSignupTest, TheDonorStepNeedsANameAndTheAddress)
{
    FieldSignupForm f = form();
    f.last_name = " ";
    expect_nothing_saved(f, "member.last_name_required", "last_name", FieldStep::donor);
    f = form();
    f.city.clear();
    expect_nothing_saved(f, "field.no_address", "city", FieldStep::donor);
    f = form();
    f.email = "lea@";
    expect_nothing_saved(f, "email.bad_domain", "email", FieldStep::donor);
    f = form();
    f.amount_text = "0";
    Result<void> gift = check_field_step(f, FieldStep::gift);
    ASSERT_FALSE(gift.ok());
    EXPECT_EQ(gift.error().field, "amount");
}

TEST_F(FieldSignupTest, AFailureInsideTheTransactionUndoesTheMemberToo)
{
    // The same confirmation twice (a double tap): the mandate's UUID is
    // taken, so the second rolls back whole, the member it created included.
    const FieldSignupForm f = form();
    ASSERT_TRUE(sign_up_in_the_field(*store, f, "fundraiser1").ok());
    const std::vector<int64_t> before = all_rows();
    Result<FieldSignupDone> again = sign_up_in_the_field(*store, f, "fundraiser1");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(all_rows(), before);
}

TEST_F(FieldSignupTest, AnExistingMemberGivesAgainWithoutANewRecordOrALock)
{
    NewMember m;
    m.first_name = "Léa";
    m.last_name = "Martin";
    const std::string existing = MemberRepository(*store).create(m, "office").value();
    FieldSignupForm f = form();
    f.existing_member_id = existing;
    f.last_name.clear(); // the identity step is theirs: not asked again
    Result<FieldSignupDone> r = sign_up_in_the_field(*store, f, "fundraiser1");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_FALSE(r->new_member);
    EXPECT_EQ(r->member_id, existing);
    EXPECT_EQ(count("SELECT count(*) FROM member"), 1);
    EXPECT_FALSE(MemberRepository(*store).get(existing).value().field_locked);
    EXPECT_EQ(SepaMandateRepository(*store).list_for_member(existing).value().size(), 1u);
}

TEST_F(FieldSignupTest, TheOfficeUnlocksWithAJournalEntry)
{
    Result<FieldSignupDone> r = sign_up_in_the_field(*store, form(), "fundraiser1");
    ASSERT_TRUE(r.ok());
    MemberRepository members(*store);
    ASSERT_TRUE(members.set_field_locked(r->member_id, false, "office").ok());
    EXPECT_FALSE(members.get(r->member_id).value().field_locked);
    EXPECT_EQ(Journal(*store).list_for_member(r->member_id).value()[0].action, "member.field_unlock");
    EXPECT_EQ(members.set_field_locked("0190f0f0-0000-7000-8000-000000000000", false, "office").error().code,
              "member.not_found");
}
