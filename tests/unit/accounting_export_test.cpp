// The accountant's journal and the cheque deposit slip, from what the
// repositories wrote: a line per money movement with its accounts, the
// corrections on their own dates, totals that match the money-in the dossier
// shows; the slip lists the cheques as they stand.
#include "core/import_export/accounting_export.h"
#include "core/import_export/deposit_slip.h"
#include "core/money/gift_batch_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/membership_repository.h"
#include "core/money/money_in.h"
#include "sepa_fixture.h"

using namespace obole;
using obole::testing::SepaFixture;

namespace {

class AccountingExportTest : public SepaFixture {
protected:
    void SetUp() override
    {
        SepaFixture::SetUp();
        today("2026-11-30");
        helene = member("Hélène", "Dupont");
        cheque = gift("100", "2026-11-02", PaymentMethod::cheque, "1234567");
        gift("20", "2026-11-03", PaymentMethod::cash, "");
        gift("50", "2026-10-20", PaymentMethod::cheque, "7654321", "Crédit Mutuel"); // before the range
        NewMembership m{helene, "2026-11-01", "2027-10-31", "30", "2026-11-05", PaymentMethod::transfer};
        EXPECT_TRUE(MembershipRepository(*store).add(m, "alice").ok());
    }
    std::string gift(const char* amount, const char* date, PaymentMethod method, const char* number,
                     const char* bank = "")
    {
        NewGift g;
        g.member_id = helene;
        g.amount_text = amount;
        g.date_text = date;
        g.method = method;
        g.cheque_number = number;
        g.cheque_bank = bank;
        return GiftRepository(*store).add(g, "alice").value();
    }
    std::string helene, cheque;
};

} // namespace

TEST_F(AccountingExportTest, OneLinePerMovementWithItsAccountsAndTheCorrectionsOnTheirDates)
{
    today("2026-11-20");
    ASSERT_TRUE(GiftCorrectionRepository(*store).refund(cheque, {"15", "2026-11-20", PaymentMethod::transfer},
                                                        "gave back 15", "alice"));
    ASSERT_TRUE(
        save_account_mapping(*store, "cash=530\ncheque=5112\ntransfer=512\ngifts=754\nmembership=756", "alice").ok());
    Result<AccountingExport> e = accounting_export(*store, "2026-11-01", "2026-11-30");
    ASSERT_TRUE(e.ok());
    ASSERT_EQ(e->lines.size(), 4u);
    EXPECT_EQ(e->lines[0].kind, "gift");
    EXPECT_EQ(e->lines[0].debit_account, "5112");
    EXPECT_EQ(e->lines[0].credit_account, "754");
    EXPECT_EQ(e->lines[0].reference, "1234567");
    EXPECT_EQ(e->lines[2].kind, "membership");
    EXPECT_EQ(e->lines[2].credit_account, "756");
    EXPECT_EQ(e->lines[3].kind, "refund");
    EXPECT_EQ(e->lines[3].amount_cents, -1500);
    EXPECT_EQ(e->lines[3].debit_account, "512");
    // The totals are the money in the dossier shows for the same days.
    int64_t shown = 0;
    for (const MoneyIn& m : money_in_for_member(*store, helene).value())
        if (m.date >= "2026-11-01" && m.date <= "2026-11-30")
            shown += m.amount_cents;
    EXPECT_EQ(e->total_cents, shown);
    EXPECT_EQ(e->total_cents, 10000 + 2000 + 3000 - 1500);
    const std::string csv = accounting_csv(*e, true);
    EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(csv.find(";-15,00;"), std::string::npos); // a number, not text
    EXPECT_NE(csv.find("\"total\";\"\";\"\";\"\";135,00;\"4\""), std::string::npos);
    EXPECT_NE(accounting_csv(*e, false).find(";135.00;"), std::string::npos);
}

TEST_F(AccountingExportTest, AVoidedGiftGoesBackOnTheDayOfItsCorrection)
{
    today("2026-12-10");
    ASSERT_TRUE(GiftCorrectionRepository(*store).cancel(cheque, "bounced", "alice"));
    Result<AccountingExport> nov = accounting_export(*store, "2026-11-01", "2026-11-30");
    Result<AccountingExport> dec = accounting_export(*store, "2026-12-01", "2026-12-31");
    ASSERT_TRUE(nov.ok() && dec.ok());
    EXPECT_EQ(nov->total_cents, 15000); // as it was booked then
    ASSERT_EQ(dec->lines.size(), 1u);
    EXPECT_EQ(dec->lines[0].kind, "void");
    EXPECT_EQ(dec->lines[0].amount_cents, -10000);
    EXPECT_EQ(accounting_export(*store, "2026-12-31", "2026-12-01").error().code, "accounting.bad_range");
    EXPECT_EQ(save_account_mapping(*store, "cash 530", "alice").error().code, "accounting.bad_mapping");
}

TEST_F(AccountingExportTest, TheDepositSlipListsTheChequesAsTheyStand)
{
    Result<DepositSlip> slip = deposit_slip_for_range(*store, "2026-10-01", "2026-11-30");
    ASSERT_TRUE(slip.ok());
    ASSERT_EQ(slip->cheques.size(), 2u);
    EXPECT_EQ(slip->total_cents, 15000);
    EXPECT_EQ(slip->cheques[1].number, "1234567");
    EXPECT_EQ(slip->cheques[0].bank, "Crédit Mutuel");
    EXPECT_EQ(slip->cheques[1].bank, "") << "typed without its bank: written by hand";
    ASSERT_TRUE(GiftCorrectionRepository(*store).cancel(cheque, "bounced", "alice"));
    slip = deposit_slip_for_range(*store, "2026-10-01", "2026-11-30");
    ASSERT_EQ(slip->cheques.size(), 1u);
    const std::string page =
        deposit_slip_html(*slip, "Les Amis", creditor.iban,
                          {"Cheque deposit slip", "Account", "No.", "Drawer", "Bank", "Amount", "Date", "Total"},
                          [](int64_t c) { return std::to_string(c / 100); });
    EXPECT_NE(page.find("7654321"), std::string::npos);
    EXPECT_NE(page.find("<td>Crédit Mutuel</td>"), std::string::npos);
    EXPECT_NE(page.find("Total (1)"), std::string::npos);
    EXPECT_EQ(deposit_slip_for_batch(*store, "019a0000-0000-7000-8000-000000000000").error().code,
              "deposit.batch_not_found");
}

TEST_F(AccountingExportTest, AClosedCashBoxGivesItsChequesSlip)
{
    GiftBatchRepository batches(*store);
    const std::string batch = batches.open({"Stand du 30 novembre", "", ""}, "alice").value();
    ASSERT_TRUE(
        batches.add_line(batch, {helene, "25", PaymentMethod::cheque, "9990001", "La Banque Postale", ""}, "alice")
            .ok());
    ASSERT_TRUE(batches.add_line(batch, {helene, "10", PaymentMethod::cash, "", "", ""}, "alice").ok());
    ASSERT_TRUE(batches.add_line(batch, {helene, "40", PaymentMethod::cheque, "9990002", "", ""}, "alice").ok());
    // A bank on two lines, or too long, is refused and changes nothing.
    for (const std::string& bad : {std::string("La Banque\nPostale"), std::string(61, 'B')})
        EXPECT_EQ(
            batches.add_line(batch, {helene, "5", PaymentMethod::cheque, "9990003", bad, ""}, "alice").error().code,
            "batch.bad_cheque_bank");
    EXPECT_EQ(batches.lines(batch).value().size(), 3u);
    EXPECT_EQ(deposit_slip_for_batch(*store, batch).error().code, "deposit.batch_open");
    std::vector<MethodTally> counted;
    for (PaymentMethod m : batch_payment_methods())
        counted.push_back({m,
                           m == PaymentMethod::cheque ? 2
                           : m == PaymentMethod::cash ? 1
                                                      : 0,
                           m == PaymentMethod::cheque ? 6500
                           : m == PaymentMethod::cash ? 1000
                                                      : 0});
    ASSERT_TRUE(batches.close(batch, counted, "", "alice").ok());
    Result<DepositSlip> slip = deposit_slip_for_batch(*store, batch);
    ASSERT_TRUE(slip.ok()) << slip.error().message;
    EXPECT_EQ(slip->title, "Stand du 30 novembre");
    ASSERT_EQ(slip->cheques.size(), 2u);
    EXPECT_EQ(slip->total_cents, 6500);
    EXPECT_EQ(slip->cheques[0].number, "9990001");
    EXPECT_EQ(slip->cheques[0].bank, "La Banque Postale") << "from the cash box's line to its gift";
    ASSERT_EQ(closed_batches_with_cheques(*store).value().size(), 1u);
}
