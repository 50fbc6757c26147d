// Tax receipt numbers across offline devices: the server numbers each
// receipt inside the push that brings it (sync/server/receipt_numbering.h),
// so a year's numbers run 1..N with no gap and no duplicate whatever the
// devices did offline; a retried push is not numbered again; a second
// receipt for a gift already receipted is void; the numbers reach every
// device; a device that numbered its own receipts before it was enrolled
// gets the server's numbers.
#include <gtest/gtest.h>

#include <map>

#include "core/members/member_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/receipts/corrected_receipts.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "one_server.h"
#include "protocol/codec.h"

namespace obole {
namespace {

constexpr int64_t kNow = test::kSyncNow;
using Device = test::SyncDevice;
using Server = test::SyncServer;

std::string add_member(Store& store, const char* last)
{
    NewMember m;
    m.last_name = last;
    m.line1 = "1 rue Oberkampf";
    m.postcode = "75011";
    m.city = "Paris";
    return MemberRepository(store).create(m, "anne").value();
}

std::string add_gift(Store& store, const std::string& member, const char* amount, const char* date)
{
    NewGift g;
    g.member_id = member;
    g.amount_text = amount;
    g.date_text = date;
    return GiftRepository(store).add(g, "anne").value();
}

// id → (number or 0, status), as this copy holds them.
std::map<std::string, std::pair<int64_t, std::string>> receipts(Store& store, int year)
{
    std::map<std::string, std::pair<int64_t, std::string>> out;
    Statement s(store.db(), "SELECT id, ifnull(number, 0), status FROM tax_receipt WHERE year = ?1");
    s.bind_int64(1, year);
    while (s.step() == Statement::Step::row)
        out[s.column_uuid(0)] = {s.column_int64(1), s.column_text(2)};
    return out;
}

std::vector<int64_t> issued_numbers(Store& store, int year)
{
    std::vector<int64_t> out;
    for (const auto& [id, r] : receipts(store, year))
        if (r.second == "issued")
            out.push_back(r.first);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<int64_t> one_to(int n)
{
    std::vector<int64_t> out;
    for (int i = 1; i <= n; ++i)
        out.push_back(i);
    return out;
}

TEST(ReceiptNumbering, OfflineDevicesGetOneSequencePerYearFromTheServer)
{
    Server server;
    Device a(1), b(2);
    a.enrol();
    b.enrol();
    const std::string durand = add_member(*a.store, "Durand"), martin = add_member(*a.store, "Martin");
    const std::string g1 = add_gift(*a.store, durand, "10", "2025-01-05");
    const std::string g2 = add_gift(*a.store, durand, "20", "2025-02-05");
    const std::string g3 = add_gift(*a.store, durand, "30", "2025-03-05");
    const std::string g4 = add_gift(*a.store, durand, "40", "2024-12-05");
    add_gift(*a.store, martin, "15", "2025-04-01");
    add_gift(*a.store, martin, "25", "2025-05-01");
    server.push(a);
    server.pull(b);

    // Both offline: each issues receipts, which wait for their numbers.
    TaxReceiptRepository on_a(*a.store), on_b(*b.store);
    const auto server_numbers = ReceiptNumbering::server;
    std::vector<std::string> from_a = {on_a.issue_for_gift(durand, g1, server_numbers, "anne").value(),
                                       on_a.issue_for_gift(durand, g2, server_numbers, "anne").value(),
                                       on_a.issue_for_gift(durand, g4, server_numbers, "anne").value()};
    std::vector<std::string> from_b = {on_b.issue_for_gift(durand, g3, server_numbers, "bob").value(),
                                       on_b.issue_annual(martin, 2025, server_numbers, "bob").value()};
    // B receipts g1 too, not knowing A did; B reaches the server first.
    const std::string twice = on_b.issue_for_gift(durand, g1, server_numbers, "bob").value();
    for (const std::string& id : from_a)
        EXPECT_TRUE(on_a.find(id)->awaiting_number());
    Result<TaxReceipt> early = on_b.record_print(twice, "bob");
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, "tax_receipt.awaiting_number");

    // B pushes first; A's push is sent twice (its answer was lost).
    server.push(b);
    const sync::PushRequest again = server.request(a);
    server.push(a);
    const auto before_retry = receipts(*server.store, 2025);
    ASSERT_TRUE(server.service.push(a.who, again, kNow).ok());
    EXPECT_EQ(receipts(*server.store, 2025), before_retry) << "a retry is not numbered again";

    EXPECT_EQ(issued_numbers(*server.store, 2025), one_to(4)); // B: g3, Martin's annual, g1; A: g2
    EXPECT_EQ(issued_numbers(*server.store, 2024), one_to(1)); // g4: its own year
    // g1 was receipted by B, first to reach the server: A's receipt for it is void, with no number.
    EXPECT_EQ(receipts(*server.store, 2025)[twice], (std::pair<int64_t, std::string>{3, "issued"}));
    EXPECT_EQ(receipts(*server.store, 2025)[from_a[0]], (std::pair<int64_t, std::string>{0, "void"}));

    // The numbers reach both devices, as the server has them.
    server.pull(a);
    server.pull(b);
    for (int year : {2024, 2025}) {
        EXPECT_EQ(receipts(*a.store, year), receipts(*server.store, year)) << year;
        EXPECT_EQ(receipts(*b.store, year), receipts(*server.store, year)) << year;
    }
    EXPECT_TRUE(on_b.record_print(twice, "bob").ok());
    EXPECT_TRUE(on_a.record_print(from_a[1], "anne").ok());
    Result<TaxReceipt> void_print = on_a.record_print(from_a[0], "anne");
    ASSERT_FALSE(void_print.ok());
    EXPECT_EQ(void_print.error().code, "tax_receipt.void");
    // The gift is receipted once: A cannot issue for it again.
    EXPECT_EQ(on_a.issue_for_gift(durand, g1, server_numbers, "anne").error().code, "tax_receipt.already_receipted");
}

TEST(ReceiptNumbering, DeviceNumberedBeforeEnrolmentTakesTheServersNumbers)
{
    Server server;
    Device a(1), c(3);
    a.enrol();
    const std::string durand = add_member(*a.store, "Durand");
    TaxReceiptRepository on_a(*a.store);
    on_a.issue_for_gift(durand, add_gift(*a.store, durand, "10", "2025-01-05"), ReceiptNumbering::server, "anne")
        .value();
    on_a.issue_for_gift(durand, add_gift(*a.store, durand, "11", "2025-01-06"), ReceiptNumbering::server, "anne")
        .value();
    server.push(a);

    // C works alone (never enrolled) and numbers its own receipts 1 and 2.
    const std::string petit = add_member(*c.store, "Petit");
    TaxReceiptRepository on_c(*c.store);
    const std::string c1 =
        on_c.issue_for_gift(petit, add_gift(*c.store, petit, "5", "2025-03-01"), ReceiptNumbering::here, "carl")
            .value();
    const std::string c2 =
        on_c.issue_for_gift(petit, add_gift(*c.store, petit, "6", "2025-03-02"), ReceiptNumbering::here, "carl")
            .value();
    EXPECT_EQ(on_c.find(c1)->number, 1);
    EXPECT_EQ(on_c.find(c2)->number, 2);

    // Enrolled, it sends them: the server's sequence goes on from A's.
    c.enrol();
    server.push(c);
    EXPECT_EQ(issued_numbers(*server.store, 2025), one_to(4));
    EXPECT_EQ(receipts(*server.store, 2025)[c1].first, 3);
    EXPECT_EQ(receipts(*server.store, 2025)[c2].first, 4);
    // Its own numbers give way to the server's (A's receipts 1 and 2 arrive first).
    server.pull(c);
    EXPECT_EQ(receipts(*c.store, 2025), receipts(*server.store, 2025));
    EXPECT_EQ(on_c.find(c1)->number, 3);
}

// Three offline devices: two correct receipted gifts (their receipts are
// cancelled and corrective ones issued, core/receipts/corrected_receipts.h),
// the third issues a new receipt. Cancelled receipts keep their numbers and
// correctives take new ones: the year still runs 1..N once each, on every
// copy, and each donor has one standing receipt that says what the gifts say.
TEST(ReceiptNumbering, ThreeDevicesCorrectingReceiptsKeepOneGaplessSequence)
{
    Server server;
    Device a(1), b(2), c(3);
    for (Device* d : {&a, &b, &c})
        d->enrol();
    const ReceiptNumbering numbers = ReceiptNumbering::server;
    struct Donor {
        std::string member, first, second;
    };
    auto donor = [&](Device& d, const char* name) {
        Donor out{add_member(*d.store, name), "", ""};
        out.first = add_gift(*d.store, out.member, "100", "2025-02-01");
        out.second = add_gift(*d.store, out.member, "40", "2025-09-01");
        EXPECT_TRUE(TaxReceiptRepository(*d.store).issue_annual(out.member, 2025, numbers, "op"));
        return out;
    };
    const Donor da = donor(a, "Durand"), db = donor(b, "Martin"), dc = donor(c, "Petit");
    for (Device* d : {&a, &b, &c})
        server.push(*d);
    for (Device* d : {&a, &b, &c})
        server.pull(*d);
    ASSERT_EQ(issued_numbers(*server.store, 2025), one_to(3));

    // Offline: A amends a gift, C voids one, B receipts a new gift.
    auto follow = [&](Device& d) {
        Result<ReceiptFollowUp> done = follow_corrections(*d.store, numbers, "op");
        EXPECT_TRUE(done.ok()) << done.error().message;
    };
    ASSERT_TRUE(GiftCorrectionRepository(*a.store).amend(da.first, {"90", "2025-02-01", "", PaymentMethod::cash},
                                                         "Misread", "op"));
    follow(a);
    ASSERT_TRUE(GiftCorrectionRepository(*c.store).cancel(dc.second, "Bounced", "op"));
    follow(c);
    const std::string late = add_gift(*b.store, db.member, "25", "2025-12-20");
    ASSERT_TRUE(TaxReceiptRepository(*b.store).issue_for_gift(db.member, late, numbers, "op"));

    // Rounds as the engine does them: push, pull, the pass after the pull.
    for (int round = 0; round < 2; ++round)
        for (Device* d : {&c, &b, &a}) {
            server.push(*d);
            server.pull(*d);
            follow(*d);
        }

    for (Store* s : {a.store.get(), b.store.get(), c.store.get(), server.store.get()}) {
        EXPECT_EQ(issued_numbers(*s, 2025), one_to(6)); // 3 first, 2 correctives, 1 new
        EXPECT_EQ(test::scalar(*s, "SELECT count(*) FROM tax_receipt_cancellation"), 2);
        for (const std::string& member : {da.member, dc.member}) {
            int standing = 0;
            for (const TaxReceipt& r : TaxReceiptRepository(*s).list_for_member(member).value())
                if (!r.is_void() && !r.is_cancelled()) {
                    ++standing;
                    EXPECT_EQ(r.lines, receipt_lines_now(*s, r).value());
                }
            EXPECT_EQ(standing, 1);
        }
    }
}

TEST(ReceiptNumbering, OnlyANullableIntegerTravelsAsNull)
{
    sync::Change c;
    c.table = "tax_receipt";
    c.row = "0190f2a4-5b1c-7d3e-8f12-3456789abcde";
    c.op = sync::Op::insert;
    c.hlc = sync::Hlc{1'763'900'000'000, 0, "dev"}.text();
    c.fields = {{"number", nullptr}};
    Result<void> awaiting = sync::check_change(c);
    EXPECT_TRUE(awaiting.ok()) << awaiting.error().message;
    c.fields = {{"copies", nullptr}};
    EXPECT_EQ(sync::check_change(c).error().code, "sync.bad_value");
}

} // namespace
} // namespace obole
