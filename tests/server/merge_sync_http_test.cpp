// Merges lose nothing across devices (issue 19, part 2), through the real
// server and each device's sync engine: device A merges X into Y while
// device B, not having heard of it, gives X a gift, an email refusal and a
// phone. Once both have synced, every copy (the server's too) holds all of
// it on Y: Y's segments and receipt count the late gift, and the refusal
// wins over Y's older yes. Then A unmerges, and every copy has X and Y back
// as they were, the late rows on X where B put them.
#include "device_over_http.h"

#include "core/members/consent_repository.h"
#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/search/segmentation.h"
#include "core/store/statement.h"

namespace {

class MergeSyncTest : public DeviceOverHttp {};

std::string add_gift(obole::Store& store, const std::string& member, const char* amount, const char* date)
{
    obole::NewGift g;
    g.member_id = member;
    g.amount_text = amount;
    g.date_text = date;
    return obole::GiftRepository(store).add(g, "admin").value();
}

void answer_email(obole::Store& store, const std::string& member, bool yes)
{
    obole::NewConsent c;
    c.channel = obole::ConsentChannel::email;
    c.granted = yes;
    c.wording = obole::consent_wording(obole::ConsentChannel::email);
    ASSERT_TRUE(obole::ConsentRepository(store).record(member, c, "admin").ok());
}

bool email_allowed(obole::Store& store, const std::string& member)
{
    obole::ConsentRepository consents(store);
    for (const obole::Consent& c : obole::current_consents(consents.list_for_member(member).value()))
        if (c.channel == obole::ConsentChannel::email)
            return c.granted;
    return false;
}

// Rows of every member-linked table that name the member.
int64_t rows_naming(obole::Store& store, const std::string& member)
{
    obole::Statement ref(store.db(), "SELECT ref FROM member WHERE id = ?1");
    ref.bind_uuid(1, member);
    EXPECT_EQ(ref.step(), obole::Statement::Step::row);
    int64_t n = 0;
    for (const char* table : {"gift", "phone", "consent", "email", "address"}) {
        obole::Statement s(store.db(),
                           (std::string("SELECT count(*) FROM ") + table + " WHERE member_ref = ?1").c_str());
        s.bind_int64(1, ref.column_int64(0));
        s.step();
        n += s.column_int64(0);
    }
    return n;
}

std::vector<std::string> phones(obole::Store& store, const std::string& member)
{
    std::vector<std::string> out;
    const obole::Result<obole::Member> m = obole::MemberRepository(store).get(member);
    for (const obole::Phone& p : m->phones)
        out.push_back(p.number);
    std::sort(out.begin(), out.end());
    return out;
}

TEST_F(MergeSyncTest, RowsFromADeviceThatHadNotHeardOfTheMergeFollowItAndComeBackOnUnmerge)
{
    HttpDevice a, b;
    enrol(a, admin_code, "admin", kAdminPassword);
    enrol(b, second_admin_code, "admin", kAdminPassword);
    obole::NewMember m;
    m.first_name = "Zoé";
    m.last_name = "Doublon";
    m.phone = "+33612345670";
    const std::string x = obole::MemberRepository(*a.store).create(m, "admin").value();
    m.phone = "+33698765432";
    const std::string y = obole::MemberRepository(*a.store).create(m, "admin").value();
    add_gift(*a.store, x, "10", "2026-03-01");
    add_gift(*a.store, y, "20", "2026-04-01");
    answer_email(*a.store, y, true);
    run(a);
    run(b);
    ASSERT_EQ(rows_naming(*b.store, x), 3) << "B has X's gift, phone and address";

    // A merges; B, offline, goes on with X.
    ASSERT_TRUE(obole::merge_members(*a.store, x, y, "admin", /*move_rows=*/false).ok());
    a.now += 5000;
    run(a);
    answer_email(*b.store, x, false);
    const std::string late_gift = add_gift(*b.store, x, "500", "2026-05-01");
    ASSERT_TRUE(obole::MemberRepository(*b.store).add_phone(x, {"+33711223344", "", ""}, "admin").ok());
    for (int i = 0; i < 2; ++i)
        for (HttpDevice* d : {&b, &a}) {
            d->now += 5000;
            run(*d);
        }

    for (obole::Store* s : {a.store.get(), b.store.get(), store.get()}) {
        SCOPED_TRACE(s == store.get() ? "server" : s == a.store.get() ? "device A" : "device B");
        EXPECT_EQ(rows_naming(*s, x), 0) << "nothing stays on the merged-away member";
        EXPECT_EQ(obole::GiftRepository(*s).list_for_member(y).value().size(), 3u);
        EXPECT_EQ(phones(*s, y).size(), 3u);
        EXPECT_EQ(obole::member_segments(*s, y).value().total_12m_cents, 1000 + 2000 + 50000) << "segments count it";
        EXPECT_FALSE(email_allowed(*s, y)) << "the refusal wins over Y's older yes";
    }
    // Y's receipt for the year, issued on a copy of A (the real one would
    // travel and be numbered: not what this test is about).
    auto copy = obole::Store::open_bytes(a.store->serialize());
    ASSERT_TRUE(copy.ok());
    obole::TaxReceiptRepository receipts(**copy);
    const std::string receipt = receipts.issue_annual(y, 2026, obole::ReceiptNumbering::here, "admin").value();
    EXPECT_EQ(receipts.find(receipt)->amount_cents, 53000) << "the receipt counts the late gift";
    const std::vector<std::string> certified = receipts.find(receipt)->gift_ids;
    EXPECT_NE(std::find(certified.begin(), certified.end(), late_gift), certified.end());

    // A undoes the merge: every copy gives X back what was X's, late rows too.
    ASSERT_TRUE(obole::unmerge_members(*a.store, x, "admin").ok());
    for (int i = 0; i < 2; ++i)
        for (HttpDevice* d : {&a, &b}) {
            d->now += 5000;
            run(*d);
        }
    for (obole::Store* s : {a.store.get(), b.store.get(), store.get()}) {
        SCOPED_TRACE(s == store.get() ? "server" : s == a.store.get() ? "device A" : "device B");
        EXPECT_TRUE(obole::MemberRepository(*s).get(x)->merged_into_id.empty());
        EXPECT_EQ(obole::GiftRepository(*s).list_for_member(x).value().size(), 2u) << "its own gift and the late one";
        EXPECT_EQ(obole::GiftRepository(*s).list_for_member(y).value().size(), 1u);
        EXPECT_EQ(phones(*s, x), (std::vector<std::string>{"+33612345670", "+33711223344"}));
        EXPECT_EQ(phones(*s, y), std::vector<std::string>{"+33698765432"});
        EXPECT_FALSE(email_allowed(*s, x));
        EXPECT_TRUE(email_allowed(*s, y)) << "Y's own answer is its current choice again";
        EXPECT_EQ(obole::member_segments(*s, x).value().total_12m_cents, 1000 + 50000);
    }
    EXPECT_EQ(a.engine.status().refused, 0);
    EXPECT_EQ(b.engine.status().refused, 0);
}

} // namespace
