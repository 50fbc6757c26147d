#include <gtest/gtest.h>

#include "core/search/member_search.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"

using namespace obole;

namespace {

std::unique_ptr<Store> demo(int members, uint64_t seed)
{
    Result<std::unique_ptr<Store>> s = Store::open_memory();
    EXPECT_TRUE(s.ok());
    Result<void> r = generate_demo(**s, {members, seed, "2026-01-15"});
    EXPECT_TRUE(r.ok()) << r.error().message;
    return std::move(s.value());
}

std::string all_names(Store& store)
{
    std::string out;
    Statement s(store.db(), "SELECT member_no, first_name, last_name FROM member ORDER BY member_no");
    while (s.step() == Statement::Step::row)
        out += std::to_string(s.column_int64(0)) + " " + s.column_text(1) + " " + s.column_text(2) + "\n";
    return out;
}

int64_t scalar(Store& store, const char* sql)
{
    Statement s(store.db(), sql);
    return s.step() == Statement::Step::row ? s.column_int64(0) : -1;
}

std::string table_counts(Store& store)
{
    std::string out;
    for (const char* t :
         {"member", "address", "phone", "email", "campaign", "campaign_received", "gift", "search_doc", "search_token"})
        out += std::string(t) + "=" +
               std::to_string(scalar(store, (std::string("SELECT count(*) FROM ") + t).c_str())) + " ";
    return out;
}

} // namespace

TEST(DemoData, SameSeedSameData)
{
    std::unique_ptr<Store> a = demo(500, 42), b = demo(500, 42), c = demo(500, 43);
    EXPECT_EQ(all_names(*a), all_names(*b));
    EXPECT_EQ(table_counts(*a), table_counts(*b));
    EXPECT_EQ(scalar(*a, "SELECT sum(amount_cents) FROM gift"), scalar(*b, "SELECT sum(amount_cents) FROM gift"));
    EXPECT_NE(all_names(*a), all_names(*c));
}

TEST(DemoData, LooksLikeARealAssociation)
{
    std::unique_ptr<Store> s = demo(3000, 1);
    Store& store = *s;
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM member"), 3000);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM campaign"), 12);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM search_doc"), 3000);
    // Scripts: Cyrillic (starts with bytes D0/D1) and Japanese (E3..E9) names.
    int64_t cyrillic = scalar(store, "SELECT count(*) FROM member WHERE substr(hex(last_name), 1, 2) IN ('D0', 'D1')");
    int64_t japanese =
        scalar(store, "SELECT count(*) FROM member WHERE substr(hex(last_name), 1, 2) BETWEEN 'E3' AND 'E9'");
    int64_t accented = scalar(store, "SELECT count(*) FROM member WHERE first_name GLOB '*[éèëêïîôçÉ]*' "
                                     "OR last_name GLOB '*[éèëêïîôçÇ]*'");
    EXPECT_GT(cyrillic, 3000 * 8 / 100);
    EXPECT_LT(cyrillic, 3000 * 16 / 100);
    EXPECT_GT(japanese, 3000 * 5 / 100);
    EXPECT_LT(japanese, 3000 * 11 / 100);
    EXPECT_GT(accented, 3000 * 20 / 100);
    // Money and dates are sane; nothing after the reference date.
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM gift WHERE amount_cents <= 0 OR gift_date > '2026-01-15'"), 0);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM member WHERE entry_date > '2026-01-15'"), 0);
    EXPECT_GT(scalar(store, "SELECT count(*) FROM gift WHERE amount_cents >= 50000"), 0);
    EXPECT_GT(scalar(store, "SELECT count(*) FROM gift WHERE payment_method = 'direct_debit'"), 0);
    EXPECT_GT(scalar(store, "SELECT count(*) FROM email WHERE usable = 0"), 0);
    EXPECT_GT(scalar(store, "SELECT count(*) FROM member WHERE memo_active <> ''"), 0);
    EXPECT_GT(scalar(store, "SELECT count(*) FROM member WHERE stop_promo = 1"), 0);
    EXPECT_GT(scalar(store, "SELECT count(DISTINCT tax_receipt_pref) FROM member"), 2);
    EXPECT_GT(scalar(store, "SELECT count(*) FROM phone WHERE number LIKE '+7%'"), 0);
    EXPECT_GT(scalar(store, "SELECT count(*) FROM phone WHERE number LIKE '+81%'"), 0);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM address WHERE length(postcode) <> 5"), 0);
    EXPECT_EQ(scalar(store, "PRAGMA foreign_key_check"), -1); // no violations: no rows
}

// The demo writes through the repositories: every member and gift has the
// journal entry the product writes with it, and there is nothing the product
// cannot make (no SEPA collections: they would come from the bank's files).
TEST(DemoData, MakesOnlyWhatTheProductMakes)
{
    std::unique_ptr<Store> s = demo(600, 3);
    Store& store = *s;
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM journal WHERE action = 'member.create'"),
              scalar(store, "SELECT count(*) FROM member"));
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM journal WHERE action = 'gift.add'"),
              scalar(store, "SELECT count(*) FROM gift"));
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM sepa_collection"), 0);
    // Street sign-ups went through field mode: each with its mandate, four consents and the lock.
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM field_signup"), 6);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM member WHERE field_locked = 1"), 6);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM consent WHERE source = 'field'"), 24);
    // Dated as typed: nothing written after the reference day.
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM journal WHERE at >= '2026-01-16'"), 0);
    EXPECT_EQ(scalar(store, "SELECT count(*) FROM gift WHERE created_at >= '2026-01-16'"), 0);
}

TEST(DemoData, SecondRunAppendsWithNewNumbers)
{
    std::unique_ptr<Store> s = demo(100, 5);
    ASSERT_TRUE(generate_demo(*s, {50, 6, "2026-01-15"}).ok());
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM member"), 150);
    EXPECT_EQ(scalar(*s, "SELECT max(member_no) FROM member"), 150);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM campaign"), 12);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM search_doc"), 150);
}

TEST(DemoData, RejectsBadOptions)
{
    Result<std::unique_ptr<Store>> s = Store::open_memory();
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(generate_demo(**s, {-1, 1, ""}).error().code, "demo.bad_options");
    EXPECT_EQ(generate_demo(**s, {10, 1, "2026-02-30"}).error().code, "demo.bad_options");
}

TEST(DemoData, HasAMemberWithALongHistory)
{
    std::unique_ptr<Store> s = demo(100, 7);
    Statement who(s->db(), "SELECT ref, id FROM member WHERE last_name = 'Paroisse Saint-Roch'");
    ASSERT_EQ(who.step(), Statement::Step::row);
    const std::string ref = std::to_string(who.column_int64(0));
    EXPECT_EQ(scalar(*s, ("SELECT count(*) FROM gift WHERE member_ref = " + ref).c_str()), 2000);
    EXPECT_EQ(
        scalar(*s, ("SELECT count(*) FROM gift WHERE member_ref = " + ref + " AND gift_date > '2026-01-15'").c_str()),
        0);
    // Each gift entered left its journal entry, as did 200 notes on the file over the years.
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM journal j JOIN member m ON m.id = j.member_id "
                         "WHERE m.last_name = 'Paroisse Saint-Roch' AND j.action = 'gift.add'"),
              2000);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM journal j JOIN member m ON m.id = j.member_id "
                         "WHERE m.last_name = 'Paroisse Saint-Roch' AND j.action = 'member.notepad'"),
              200);
    // 200 of its gifts corrected through the repository (amended or partly
    // refunded), none of the newest 200.
    EXPECT_EQ(scalar(*s, ("SELECT count(*) FROM gift_correction c JOIN gift g ON g.id = c.gift_id "
                          "WHERE g.member_ref = " +
                          ref)
                             .c_str()),
              200);
    EXPECT_EQ(scalar(*s, ("SELECT count(*) FROM gift_now WHERE member_ref = " + ref +
                          " AND corrections > 0 AND "
                          "gift_date >= (SELECT min(gift_date) FROM (SELECT gift_date FROM gift WHERE member_ref = " +
                          ref + " ORDER BY gift_date DESC LIMIT 200))")
                             .c_str()),
              0);
    EXPECT_EQ(scalar(*s, "SELECT count(DISTINCT j.operator) FROM journal j JOIN member m ON m.id = j.member_id "
                         "WHERE m.last_name = 'Paroisse Saint-Roch' AND j.action = 'gift.add'"),
              2);
    EXPECT_EQ(scalar(*s, "SELECT count(*) FROM member"), 100);
}
