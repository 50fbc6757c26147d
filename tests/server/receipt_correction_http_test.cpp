// Receipts follow corrections across devices (core/receipts/corrected_receipts.h),
// through the real server and each device's sync engine: two office devices
// correct gifts of one receipted donation offline; each cancels the receipt
// and issues a corrective; the server numbers one and voids the other; the
// engine's pass after its pull cancels a corrective the other correction
// made untrue. In the end every copy holds one standing receipt that says
// what the gifts say, and the year's numbers run without a gap.
#include "device_over_http.h"

#include "core/members/member_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/receipts/corrected_receipts.h"
#include "core/receipts/receipt_lines.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/store/statement.h"

namespace {

class ReceiptCorrectionTest : public DeviceOverHttp {};

std::string add_gift(obole::Store& store, const std::string& member, const char* amount, const char* date)
{
    obole::NewGift g;
    g.member_id = member;
    g.amount_text = amount;
    g.date_text = date;
    return obole::GiftRepository(store).add(g, "admin").value();
}

// What the dossier's correction panel does: the correction, then the pass.
void corrected(obole::Store& store, obole::Result<std::string> correction)
{
    ASSERT_TRUE(correction) << correction.error().message;
    auto followed = obole::follow_corrections(store, obole::ReceiptNumbering::server, "admin");
    ASSERT_TRUE(followed) << followed.error().message;
    EXPECT_EQ(followed->cancelled, 1);
}

std::vector<obole::TaxReceipt> standing(obole::Store& store, const std::string& member)
{
    std::vector<obole::TaxReceipt> out;
    for (obole::TaxReceipt& r : obole::TaxReceiptRepository(store).list_for_member(member).value())
        if (!r.is_void() && !r.is_cancelled())
            out.push_back(std::move(r));
    return out;
}

int64_t scalar(obole::Store& store, const char* sql)
{
    obole::Statement s(store.db(), sql);
    return s.step() == obole::Statement::Step::row ? s.column_int64(0) : -1;
}

TEST_F(ReceiptCorrectionTest, TwoDevicesCorrectingOneReceiptOfflineSettleOnOneTrueReceipt)
{
    HttpDevice a, b;
    enrol(a, admin_code, "admin", kAdminPassword);
    enrol(b, second_admin_code, "admin", kAdminPassword);
    obole::NewMember m;
    m.first_name = "Hélène";
    m.last_name = "Dupont";
    const std::string member = obole::MemberRepository(*a.store).create(m, "admin").value();
    const std::string first = add_gift(*a.store, member, "100", "2025-03-01");
    const std::string second = add_gift(*a.store, member, "40", "2025-10-12");
    const std::string receipt = obole::TaxReceiptRepository(*a.store)
                                    .issue_annual(member, 2025, obole::ReceiptNumbering::server, "admin")
                                    .value();
    run(a);
    run(b);
    ASSERT_EQ(obole::TaxReceiptRepository(*b.store).find(receipt)->number, 1);

    // Offline, each corrects a different gift of the receipt.
    corrected(*a.store, obole::GiftCorrectionRepository(*a.store).amend(
                            first, {"80", "2025-03-01", "", obole::PaymentMethod::cash}, "typed 100 for 80", "admin"));
    corrected(*b.store, obole::GiftCorrectionRepository(*b.store).refund(
                            second, {"10", "2025-12-01", obole::PaymentMethod::transfer}, "gave back 10", "admin"));

    // A's corrective is numbered, not void: the receipt it replaces does not
    // count as standing, though its cancellation comes after it in the push.
    a.now += 5000;
    run(a);
    std::vector<obole::TaxReceipt> on_a = standing(*a.store, member);
    ASSERT_EQ(on_a.size(), 1u);
    EXPECT_EQ(on_a[0].number, 2);
    EXPECT_EQ(on_a[0].status, "issued");

    // Rounds until nothing is left to say; the engine's pass after a pull
    // writes changes that go out a couple of seconds later.
    for (int i = 0; i < 3; ++i)
        for (HttpDevice* d : {&a, &b}) {
            d->now += 5000;
            run(*d);
        }

    for (obole::Store* s : {a.store.get(), b.store.get(), store.get()}) {
        std::vector<obole::TaxReceipt> now = standing(*s, member);
        ASSERT_EQ(now.size(), 1u);
        EXPECT_EQ(now[0].amount_cents, 8000 + 3000);
        EXPECT_EQ(now[0].lines, obole::receipt_lines_now(*s, now[0]).value());
        EXPECT_GT(now[0].number, 1);
        EXPECT_FALSE(now[0].replaces_id.empty());
        EXPECT_TRUE(obole::TaxReceiptRepository(*s).find(receipt)->is_cancelled());
        // Numbers 1..N, each once: every cancelled receipt keeps its number.
        EXPECT_EQ(scalar(*s, "SELECT count(*) FROM tax_receipt WHERE year = 2025 AND number IS NOT NULL"),
                  scalar(*s, "SELECT max(number) FROM tax_receipt WHERE year = 2025"));
        EXPECT_EQ(scalar(*s, "SELECT count(DISTINCT number) FROM tax_receipt WHERE year = 2025"),
                  scalar(*s, "SELECT max(number) FROM tax_receipt WHERE year = 2025"));
    }
    EXPECT_EQ(a.engine.status().refused, 0);
    EXPECT_EQ(b.engine.status().refused, 0);
    EXPECT_EQ(a.engine.status().waiting, 0);
    EXPECT_EQ(b.engine.status().waiting, 0);
}

// A device cannot cancel a receipt that still says what its gifts are: the
// server refuses it, and the receipt stands everywhere.
TEST_F(ReceiptCorrectionTest, ACancellationOfATrueReceiptIsRefused)
{
    HttpDevice a;
    enrol(a, admin_code, "admin", kAdminPassword);
    obole::NewMember m;
    m.last_name = "Durand";
    const std::string member = obole::MemberRepository(*a.store).create(m, "admin").value();
    const std::string gift = add_gift(*a.store, member, "50", "2025-05-05");
    obole::TaxReceiptRepository receipts(*a.store);
    const std::string receipt = receipts.issue_for_gift(member, gift, obole::ReceiptNumbering::server, "admin").value();
    run(a);
    ASSERT_TRUE(receipts.cancel(*receipts.find(receipt), "no reason at all", "admin"));
    a.now += 5000;
    run(a);
    EXPECT_EQ(a.engine.status().refused, 1) << a.engine.status().last_error << " waiting " << a.engine.status().waiting;
    EXPECT_EQ(scalar(*store, "SELECT count(*) FROM tax_receipt_cancellation"), 0);
}

} // namespace
