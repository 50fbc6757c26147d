#include <gtest/gtest.h>

#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/receipts/organisation_settings.h"
#include "core/receipts/receipt_lines.h"
#include "core/receipts/tax_receipt_document.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

using namespace obole;

namespace {

class TaxReceiptTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        NewMember m;
        m.civility = "Mme";
        m.first_name = "Hélène";
        m.last_name = "Dupont";
        m.line1 = "12 rue des Lilas";
        m.postcode = "75011";
        m.city = "Paris";
        member_id = MemberRepository(*store).create(m, "alice").value();
    }
    std::string gift(const char* amount, const char* date, PaymentMethod method = PaymentMethod::cheque)
    {
        NewGift g;
        g.member_id = member_id;
        g.amount_text = amount;
        g.date_text = date;
        g.method = method;
        return GiftRepository(*store).add(g, "alice").value();
    }
    int64_t receipts()
    {
        Statement s(store->db(), "SELECT count(*) FROM tax_receipt");
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    }
    std::unique_ptr<Store> store;
    std::string member_id;
};

} // namespace

TEST_F(TaxReceiptTest, AnnualReceiptCoversTheYearsUnreceiptedGifts)
{
    gift("100", "2024-03-01");
    gift("34,56", "2024-11-20", PaymentMethod::transfer);
    gift("50", "2023-06-01");
    TaxReceiptRepository repo(*store);
    Result<std::string> id = repo.issue_annual(member_id, 2024, ReceiptNumbering::server, "alice");
    ASSERT_TRUE(id.ok()) << id.error().message;
    Result<TaxReceipt> r = repo.find(*id);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->amount_cents, 13456);
    EXPECT_EQ(r->gift_ids.size(), 2u);
    EXPECT_EQ(r->first_date, "2024-03-01");
    EXPECT_EQ(r->last_date, "2024-11-20");
    EXPECT_EQ(r->kind, "annual");
    EXPECT_EQ(r->donor_name, "Mme Hélène Dupont");
    EXPECT_NE(r->donor_address.find("75011 Paris"), std::string::npos);
    EXPECT_TRUE(r->awaiting_number());                               // the server numbers it
    EXPECT_EQ(repo.unreceipted_gifts(member_id).value().size(), 1u); // the 2023 gift
    EXPECT_EQ(Journal(*store).list_for_member(member_id).value().front().action, "tax_receipt.issue");

    // Nothing left for 2024: refused, nothing saved.
    Result<std::string> again = repo.issue_annual(member_id, 2024, ReceiptNumbering::server, "alice");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, "tax_receipt.nothing_to_receipt");
    EXPECT_EQ(receipts(), 1);
}

TEST_F(TaxReceiptTest, OptedOutMemberIsRefusedAndNothingSaved)
{
    std::string g = gift("20", "2024-05-05");
    ASSERT_TRUE(MemberRepository(*store).set_markers(member_id, "", false, TaxReceiptPref::none, "alice").ok());
    const int64_t journal = Journal(*store).count().value();
    TaxReceiptRepository repo(*store);
    for (Result<std::string> r : {repo.issue_annual(member_id, 2024, ReceiptNumbering::here, "alice"),
                                  repo.issue_for_gift(member_id, g, ReceiptNumbering::here, "alice")}) {
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, "tax_receipt.opted_out");
        EXPECT_EQ(r.error().message, "This member opted out of tax receipts: none can be issued.");
    }
    EXPECT_EQ(receipts(), 0);
    EXPECT_EQ(Journal(*store).count().value(), journal);
}

TEST_F(TaxReceiptTest, GiftIsNeverReceiptedTwice)
{
    std::string g = gift("20", "2024-05-05");
    TaxReceiptRepository repo(*store);
    ASSERT_TRUE(repo.issue_for_gift(member_id, g, ReceiptNumbering::here, "alice").ok());
    Result<std::string> twice = repo.issue_for_gift(member_id, g, ReceiptNumbering::here, "alice");
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, "tax_receipt.already_receipted");
    Result<std::string> annual = repo.issue_annual(member_id, 2024, ReceiptNumbering::here, "alice");
    ASSERT_FALSE(annual.ok());
    EXPECT_EQ(annual.error().code, "tax_receipt.nothing_to_receipt");
    EXPECT_EQ(receipts(), 1);
    Result<std::string> unknown =
        repo.issue_for_gift(member_id, "01890000-0000-7000-8000-000000000000", ReceiptNumbering::here, "alice");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, "gift.not_found");
}

TEST_F(TaxReceiptTest, DeviceNeverEnrolledNumbersPerYear)
{
    std::string a = gift("10", "2024-01-10"), b = gift("11", "2024-02-10"), c = gift("12", "2025-01-10");
    TaxReceiptRepository repo(*store);
    auto number = [&](const std::string& g) {
        return repo.find(repo.issue_for_gift(member_id, g, ReceiptNumbering::here, "alice").value())->number;
    };
    EXPECT_EQ(number(a), 1);
    EXPECT_EQ(number(b), 2);
    EXPECT_EQ(number(c), 1); // a new year starts again at 1
}

TEST_F(TaxReceiptTest, PrintingNeedsANumberAndCountsDuplicates)
{
    std::string g = gift("1234,56", "2024-05-05");
    TaxReceiptRepository repo(*store);
    std::string waiting = repo.issue_for_gift(member_id, g, ReceiptNumbering::server, "alice").value();
    Result<TaxReceipt> refused = repo.record_print(waiting, "alice");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "tax_receipt.awaiting_number");

    // As the server's number arrives on pull.
    ASSERT_TRUE(store->exec("UPDATE tax_receipt SET number = 7").ok());
    Organisation org{"Les Amis d'Obole", "1 place du Marché\n69001 Lyon", "Aide aux familles",
                     "Jeanne Martin, présidente", "Lyon"};
    TaxReceipt first = repo.record_print(waiting, "alice").value();
    EXPECT_EQ(first.copies, 1);
    std::string html = tax_receipt_document(first, org);
    EXPECT_NE(html.find("Reçu n° 2024-7"), std::string::npos);
    EXPECT_NE(html.find("mille deux cent trente-quatre euros et cinquante-six centimes"), std::string::npos);
    EXPECT_NE(html.find("Les Amis d&#39;Obole"), std::string::npos) << html;
    EXPECT_NE(html.find("Mme Hélène Dupont"), std::string::npos);
    EXPECT_NE(html.find("05/05/2024"), std::string::npos);
    EXPECT_NE(html.find("Chèque"), std::string::npos);
    EXPECT_NE(html.find("numéraire"), std::string::npos);
    EXPECT_NE(html.find("66 %"), std::string::npos);
    EXPECT_NE(html.find("Fait à Lyon"), std::string::npos);
    EXPECT_EQ(html.find("DUPLICATA"), std::string::npos);

    TaxReceipt second = repo.record_print(waiting, "alice").value();
    EXPECT_EQ(second.copies, 2);
    EXPECT_EQ(repo.find(waiting)->copies, 2);
    EXPECT_NE(tax_receipt_document(second, org).find("DUPLICATA"), std::string::npos);
    EXPECT_EQ(Journal(*store).list_for_member(member_id).value().front().action, "tax_receipt.duplicate");
}

TEST_F(TaxReceiptTest, OrganisationIsKeptInSharedSettings)
{
    Result<void> empty = save_organisation(*store, {}, "alice");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, "organisation.no_name");
    ASSERT_TRUE(save_organisation(*store, {"Obole", "Paris", "Objet", "Le trésorier", "Paris"}, "alice").ok());
    Organisation back = load_organisation(*store).value();
    EXPECT_EQ(back.name, "Obole");
    EXPECT_EQ(back.signatory, "Le trésorier");
}

TEST(TaxReceiptDemo, PastYearsAreReceiptedAndNumberedWithoutGaps)
{
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    ASSERT_TRUE(generate_demo(*store, {300, 7, "2026-01-15"}).ok());
    auto scalar = [&](const char* sql) {
        Statement s(store->db(), sql);
        return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
    };
    EXPECT_GT(scalar("SELECT count(*) FROM tax_receipt"), 20);
    // Per year: numbers 1..count, each once.
    EXPECT_EQ(scalar("SELECT count(*) FROM (SELECT year FROM tax_receipt GROUP BY year "
                     "HAVING count(*) <> max(number) OR count(DISTINCT number) <> count(*) OR min(number) <> 1)"),
              0);
    EXPECT_EQ(scalar("SELECT count(*) FROM tax_receipt r JOIN member m ON m.ref = r.member_ref "
                     "WHERE m.tax_receipt_pref = 'none'"),
              0);
    Statement dupont(store->db(), "SELECT id FROM member WHERE first_name = 'Hélène' AND last_name = 'Dupont'");
    ASSERT_EQ(dupont.step(), Statement::Step::row);
    TaxReceiptRepository repo(*store);
    std::vector<TaxReceipt> hers = repo.list_for_member(dupont.column_uuid(0)).value();
    ASSERT_EQ(hers.size(), 1u);
    EXPECT_EQ(hers[0].year, 2025);
    EXPECT_EQ(hers[0].gift_ids.size(), 3u);
    EXPECT_EQ(repo.gifts_now(hers[0]).value().size(), 3u); // the ids name her gifts
    EXPECT_EQ(parse_receipt_lines(hers[0].lines).size(), 3u);
    EXPECT_TRUE(repo.unreceipted_gifts(dupont.column_uuid(0)).value().empty());
    EXPECT_EQ(scalar("SELECT count(*) FROM tax_receipt r JOIN member m ON m.ref = r.member_ref "
                     "WHERE m.last_name = 'Paroisse Saint-Roch'"),
              5);
}
