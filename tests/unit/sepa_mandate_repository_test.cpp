#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

using namespace obole;

namespace {

class SepaMandateRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.first_name = "Hélène";
        m.last_name = "Dupont";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }
    int64_t rows()
    {
        Statement s(store->db(), "SELECT count(*) FROM sepa_mandate");
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    NewSepaMandate mandate()
    {
        NewSepaMandate n;
        n.member_id = member_id;
        n.iban_text = "fr14 2004 1010 0505 0001 3m02 606";
        n.bic_text = "psst fr pp par";
        n.holder = "Hélène Dupont";
        n.signature_date_text = "12/03/2025";
        n.amount_text = "15";
        return n;
    }
    void expect_rejected(const NewSepaMandate& n, const char* code, const char* field)
    {
        int64_t before = rows(), journal = Journal(*store).count().value();
        Result<std::string> r = SepaMandateRepository(*store).add(n, "alice");
        ASSERT_FALSE(r.ok()) << code;
        EXPECT_EQ(r.error().code, code);
        EXPECT_EQ(r.error().field, field) << code;
        EXPECT_FALSE(r.error().message.empty());
        EXPECT_EQ(rows(), before) << code;
        EXPECT_EQ(Journal(*store).count().value(), journal) << code;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace

TEST_F(SepaMandateRepositoryTest, AddStoresTheMandateWithItsRum)
{
    NewSepaMandate n = mandate();
    n.frequency = Frequency::quarterly;
    Result<std::string> id = SepaMandateRepository(*store).add(n, "bob");
    ASSERT_TRUE(id.ok()) << id.error().message;
    std::vector<SepaMandate> list = SepaMandateRepository(*store).list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 1u);
    const SepaMandate& m = list[0];
    EXPECT_EQ(m.id, *id);
    EXPECT_EQ(m.rum.substr(0, 5), "OBOLE");
    EXPECT_EQ(m.rum.size(), 31u);
    EXPECT_EQ(m.iban, "FR1420041010050500013M02606");
    EXPECT_EQ(m.bic, "PSSTFRPPPAR");
    EXPECT_EQ(m.holder, "Hélène Dupont");
    EXPECT_EQ(m.signature_date, "2025-03-12");
    EXPECT_EQ(m.frequency, Frequency::quarterly);
    EXPECT_EQ(m.amount_cents, 1500);
    EXPECT_EQ(m.status, "active");
    std::vector<JournalEntry> journal = Journal(*store).list_for_member(member_id, 1).value();
    ASSERT_EQ(journal.size(), 1u);
    EXPECT_EQ(journal[0].action, "mandate.add");
    EXPECT_NE(journal[0].detail.find(m.rum), std::string::npos);
    // The journal never shows the whole IBAN.
    EXPECT_EQ(journal[0].detail.find("20041010050500013M02606"), std::string::npos);
}

TEST_F(SepaMandateRepositoryTest, TwoMandatesHaveDifferentRums)
{
    SepaMandateRepository repo(*store);
    ASSERT_TRUE(repo.add(mandate(), "bob").ok());
    ASSERT_TRUE(repo.add(mandate(), "bob").ok());
    std::vector<SepaMandate> list = repo.list_for_member(member_id).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_NE(list[0].rum, list[1].rum);
}

TEST_F(SepaMandateRepositoryTest, BadInputChangesNothing)
{
    NewSepaMandate n = mandate();
    n.signature_date_text = "  ";
    expect_rejected(n, "mandate.no_signature_date", "signature_date");
    n = mandate();
    n.signature_date_text = "31/02/2025";
    expect_rejected(n, "date.invalid", "signature_date");
    n.signature_date_text = "2999-01-01";
    expect_rejected(n, "date.in_future", "signature_date");
    n = mandate();
    n.iban_text = "FR14 2004 1010 0505 0001 3M02 607";
    expect_rejected(n, "iban.bad_check_digits", "iban");
    n.iban_text = "FR14 2004";
    expect_rejected(n, "iban.wrong_length", "iban");
    n.iban_text = "";
    expect_rejected(n, "iban.empty", "iban");
    n = mandate();
    n.bic_text = "PSST";
    expect_rejected(n, "bic.wrong_length", "bic");
    n = mandate();
    n.holder = " ";
    expect_rejected(n, "mandate.no_holder", "holder");
    n = mandate();
    n.amount_text = "0";
    expect_rejected(n, "amount.not_positive", "amount");
    n = mandate();
    n.member_id = new_uuid_v7();
    expect_rejected(n, "member.not_found", "");
}

TEST_F(SepaMandateRepositoryTest, StatusSuspendsResumesAndRevokesForGood)
{
    SepaMandateRepository repo(*store);
    std::string id = repo.add(mandate(), "bob").value();
    ASSERT_TRUE(repo.set_status(id, "suspended", "carol").ok());
    EXPECT_EQ(repo.list_for_member(member_id).value()[0].status, "suspended");
    EXPECT_EQ(Journal(*store).list_for_member(member_id, 1).value()[0].action, "mandate.status");
    ASSERT_TRUE(repo.set_status(id, "active", "carol").ok());
    ASSERT_TRUE(repo.set_status(id, "revoked", "carol").ok());
    int64_t journal = Journal(*store).count().value();
    EXPECT_EQ(repo.set_status(id, "active", "carol").error().code, "mandate.revoked");
    EXPECT_EQ(repo.set_status(id, "paused", "carol").error().code, "mandate.bad_status");
    EXPECT_EQ(repo.set_status(new_uuid_v7(), "active", "carol").error().code, "mandate.not_found");
    EXPECT_EQ(repo.list_for_member(member_id).value()[0].status, "revoked");
    EXPECT_EQ(Journal(*store).count().value(), journal);
}

TEST_F(SepaMandateRepositoryTest, CollectionsOfAMandateNewestFirst)
{
    SepaMandateRepository repo(*store);
    std::string id = repo.add(mandate(), "bob").value();
    ASSERT_TRUE(store
                    ->exec("INSERT INTO sepa_collection(id, mandate_id, member_ref, collection_date, amount_cents, "
                           "status, reject_reason, created_at) SELECT randomblob(16), id, member_ref, d, 1500, s, r, "
                           "'2025-01-01' FROM sepa_mandate, (SELECT '2025-04-05' d, 'collected' s, '' r UNION ALL "
                           "SELECT '2025-05-05', 'rejected', 'AM04')")
                    .ok());
    std::vector<SepaCollection> c = repo.collections_for_mandate(id).value();
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].collection_date, "2025-05-05");
    EXPECT_EQ(c[0].status, "rejected");
    EXPECT_EQ(c[0].reject_reason, "AM04");
    EXPECT_EQ(c[1].status, "collected");
    EXPECT_EQ(c[1].mandate_id, id);
}
