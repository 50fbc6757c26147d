// Receipts follow corrections (core/receipts/corrected_receipts.h): a
// receipt whose gifts were amended, voided, refunded or moved is cancelled,
// never altered, and a corrective receipt takes the next number of its year.
#include <gtest/gtest.h>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/receipts/corrected_receipts.h"
#include "core/receipts/receipt_lines.h"
#include "core/receipts/tax_receipt_document.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

using namespace obole;

namespace {

class CorrectedReceiptsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        store = std::move(Store::open_memory().value());
        store->set_clock(days_from_iso("2026-06-15") * kMsPerDay);
        anne = member("Anne", "Martin");
        paul = member("Paul", "Martin");
        first = give(anne, "100", "2025-03-01");
        second = give(anne, "40", "2025-10-12");
        receipt = receipts().issue_annual(anne, 2025, ReceiptNumbering::here, "alice").value();
    }
    std::string member(const char* first_name, const char* last)
    {
        NewMember m;
        m.first_name = first_name;
        m.last_name = last;
        return MemberRepository(*store).create(m, "alice").value();
    }
    std::string give(const std::string& who, const char* amount, const char* date)
    {
        NewGift g;
        g.member_id = who;
        g.amount_text = amount;
        g.date_text = date;
        g.method = PaymentMethod::cheque;
        return GiftRepository(*store).add(g, "alice").value();
    }
    TaxReceiptRepository receipts() { return TaxReceiptRepository(*store); }
    GiftCorrectionRepository corrections() { return GiftCorrectionRepository(*store); }
    ReceiptFollowUp follow()
    {
        Result<ReceiptFollowUp> done = follow_corrections(*store, ReceiptNumbering::here, "bob");
        EXPECT_TRUE(done.ok()) << done.error().message;
        return done.ok() ? *done : ReceiptFollowUp{};
    }
    // The member's receipts, oldest first.
    std::vector<TaxReceipt> of(const std::string& who)
    {
        std::vector<TaxReceipt> list = receipts().list_for_member(who).value();
        std::sort(list.begin(), list.end(),
                  [](const TaxReceipt& a, const TaxReceipt& b) { return a.number < b.number; });
        return list;
    }
    std::unique_ptr<Store> store;
    std::string anne, paul, first, second, receipt;
};

const Organisation kOrg{"Les Amis d'Obole", "1 place du Marché\n69001 Lyon", "Aide aux familles", "Jeanne Martin",
                        "Lyon"};

} // namespace

TEST_F(CorrectedReceiptsTest, AnAmendedGiftCancelsItsReceiptAndACorrectiveTakesTheNextNumber)
{
    ASSERT_TRUE(corrections().amend(first, {"80", "2025-03-01", "", PaymentMethod::cheque}, "typed 100 for 80", "bob"));
    ReceiptFollowUp done = follow();
    EXPECT_EQ(done.cancelled, 1);
    EXPECT_EQ(done.reissued, 1);

    std::vector<TaxReceipt> list = of(anne);
    ASSERT_EQ(list.size(), 2u);
    const TaxReceipt& old = list[0];
    const TaxReceipt& corrective = list[1];
    // The cancelled receipt is as it was issued: number, amount and lines.
    EXPECT_EQ(old.id, receipt);
    EXPECT_EQ(old.number, 1);
    EXPECT_EQ(old.amount_cents, 14000);
    EXPECT_TRUE(old.is_cancelled());
    EXPECT_EQ(old.cancelled_on, "2026-06-15");
    EXPECT_EQ(old.cancel_reason, "typed 100 for 80");
    ASSERT_EQ(parse_receipt_lines(old.lines).size(), 2u);
    EXPECT_EQ(parse_receipt_lines(old.lines)[0].cents, 10000);
    // The corrective: same year and kind, the next number, the gifts as they stand.
    EXPECT_FALSE(corrective.is_cancelled());
    EXPECT_EQ(corrective.number, 2);
    EXPECT_EQ(corrective.year, 2025);
    EXPECT_EQ(corrective.kind, "annual");
    EXPECT_EQ(corrective.amount_cents, 12000);
    EXPECT_EQ(corrective.replaces_id, receipt);
    EXPECT_EQ(corrective.replaces_number, 1);
    EXPECT_EQ(parse_receipt_lines(corrective.lines)[0].cents, 8000);

    // Both print: the old one marked cancelled with its own amount, the
    // corrective naming the receipt it replaces.
    const std::string cancelled_page = tax_receipt_document(receipts().record_print(old.id, "bob").value(), kOrg);
    EXPECT_NE(cancelled_page.find("ANNULÉ"), std::string::npos);
    EXPECT_NE(cancelled_page.find("typed 100 for 80"), std::string::npos);
    EXPECT_NE(cancelled_page.find("cent quarante euros"), std::string::npos) << cancelled_page;
    const std::string corrective_page =
        tax_receipt_document(receipts().record_print(corrective.id, "bob").value(), kOrg);
    EXPECT_EQ(corrective_page.find("ANNULÉ"), std::string::npos);
    EXPECT_NE(corrective_page.find("annule et remplace le reçu n° 2025-1"), std::string::npos);
    EXPECT_NE(corrective_page.find("cent vingt euros"), std::string::npos);

    std::vector<JournalEntry> journal = Journal(*store).list_for_member(anne).value();
    EXPECT_TRUE(std::any_of(journal.begin(), journal.end(),
                            [](const JournalEntry& e) { return e.action == "tax_receipt.cancel"; }));
    // A second pass finds every receipt true: nothing more.
    ReceiptFollowUp again = follow();
    EXPECT_EQ(again.cancelled, 0);
    EXPECT_EQ(again.reissued, 0);
}

TEST_F(CorrectedReceiptsTest, AVoidedOnlyGiftLeavesACancelledReceiptAndNoCorrective)
{
    std::string gift = give(paul, "25", "2025-05-05");
    std::string his = receipts().issue_for_gift(paul, gift, ReceiptNumbering::here, "alice").value();
    ASSERT_TRUE(corrections().cancel(gift, "cheque bounced", "bob"));
    ReceiptFollowUp done = follow();
    EXPECT_EQ(done.cancelled, 1);
    EXPECT_EQ(done.reissued, 0);
    std::vector<TaxReceipt> list = of(paul);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, his);
    EXPECT_TRUE(list[0].is_cancelled());
    EXPECT_TRUE(receipts().unreceipted_gifts(paul).value().empty()); // a voided gift is no gift to receipt
    // Anne's receipt had nothing to do with it.
    EXPECT_FALSE(of(anne)[0].is_cancelled());
}

TEST_F(CorrectedReceiptsTest, ARefundLeavesACorrectiveForWhatRemains)
{
    GiftRefund refund{"30", "2025-12-01", PaymentMethod::transfer};
    ASSERT_TRUE(corrections().refund(first, refund, "gave back part", "bob"));
    follow();
    std::vector<TaxReceipt> list = of(anne);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[1].amount_cents, 7000 + 4000);
}

TEST_F(CorrectedReceiptsTest, AMovedGiftLeavesTheReceiptAndCanBeReceiptedForItsNewMember)
{
    ASSERT_TRUE(corrections().move(second, paul, "Paul's cheque", "bob"));
    follow();
    std::vector<TaxReceipt> list = of(anne);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_TRUE(list[0].is_cancelled());
    EXPECT_EQ(list[1].amount_cents, 10000);
    EXPECT_EQ(list[1].gift_ids, std::vector<std::string>{first});
    std::vector<Gift> pauls = receipts().unreceipted_gifts(paul).value();
    ASSERT_EQ(pauls.size(), 1u);
    EXPECT_EQ(pauls[0].id, second);
    ASSERT_TRUE(receipts().issue_annual(paul, 2025, ReceiptNumbering::here, "alice"));
    EXPECT_EQ(of(paul)[0].number, 3); // one gapless sequence for the year
}

TEST_F(CorrectedReceiptsTest, AChangeOfCampaignLeavesTheReceiptTrue)
{
    std::string campaign =
        CampaignRepository(*store).create({"", "AP2025", "Appel", "mail", "2025-01-10"}, "alice").value();
    ASSERT_TRUE(corrections().amend(first, {"100", "2025-03-01", campaign, PaymentMethod::cheque}, "campaign", "bob"));
    EXPECT_EQ(follow().cancelled, 0);
    EXPECT_FALSE(of(anne)[0].is_cancelled());
}

TEST_F(CorrectedReceiptsTest, TheServerTakesACancellationOnlyForAReceiptThatStoppedBeingTrue)
{
    Result<void> still = check_cancellation(*store, receipt);
    ASSERT_FALSE(still.ok());
    EXPECT_EQ(still.error().code, "tax_receipt.still_true");
    EXPECT_EQ(check_cancellation(*store, "019a0000-0000-7000-8000-000000000000").error().code, "tax_receipt.not_found");
    ASSERT_TRUE(corrections().cancel(second, "typed twice", "bob"));
    EXPECT_TRUE(check_cancellation(*store, receipt).ok());
}

// Schema 8 gives receipts issued before it the lines their gifts give,
// written in SQL exactly as receipt_lines() writes them. (The later schemas
// are undone first, as a version 7 database did not have them.)
TEST_F(CorrectedReceiptsTest, TheMigrationCertifiesOlderReceiptsAsTheirGiftsStand)
{
    const std::string lines = receipts().find(receipt)->lines;
    ASSERT_EQ(parse_receipt_lines(lines).size(), 2u);
    ASSERT_TRUE(
        store
            ->exec("ALTER TABLE gift DROP COLUMN cheque_bank; ALTER TABLE gift_batch_line DROP COLUMN cheque_bank; "
                   "DROP TABLE sepa_run; ALTER TABLE sepa_mandate DROP COLUMN one_off; "
                   "ALTER TABLE sepa_mandate DROP COLUMN end_date; "
                   "ALTER TABLE sepa_mandate DROP COLUMN amended_from_iban; "
                   "ALTER TABLE sepa_mandate DROP COLUMN amended_from_bic; "
                   "ALTER TABLE sepa_mandate DROP COLUMN amended_from_rum; DROP TABLE member_erasure; "
                   "ALTER TABLE member DROP COLUMN donor_kind; ALTER TABLE member DROP COLUMN siren; "
                   "ALTER TABLE tax_receipt DROP COLUMN donor_kind; "
                   "ALTER TABLE tax_receipt DROP COLUMN donor_registration; "
                   "DROP TABLE tax_receipt_cancellation; ALTER TABLE tax_receipt DROP COLUMN lines; "
                   "ALTER TABLE tax_receipt DROP COLUMN replaces_id; DROP TABLE merge_move; PRAGMA user_version = 7")
            .ok());
    Result<std::unique_ptr<Store>> migrated = Store::open_bytes(store->serialize());
    ASSERT_TRUE(migrated.ok()) << migrated.error().message;
    EXPECT_EQ(TaxReceiptRepository(**migrated).find(receipt)->lines, lines);
}
