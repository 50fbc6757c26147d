// Demo orders, memberships, SEPA mandates with their collections, and card
// gifts. Written with direct inserts (as the long-history member's gifts):
// the demo makes 2,000 members and obole-gen 100,000, so this stays cheap.
// The showcase member Hélène Dupont and the parish have some of each.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/calendar/date.h"
#include "core/demo_history.h"
#include "core/money/iban.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

const char kMembersSql[] =
    "SELECT m.ref, m.entry_date, trim(m.first_name || ' ' || m.last_name), "
    "  EXISTS(SELECT 1 FROM email e WHERE e.member_ref = m.ref AND e.address IN "
    "    ('helene.dupont@example.fr', 'secretariat@saint-roch.example.fr')) "
    "FROM member m WHERE m.ref >= ?1 AND m.deleted = 0 ORDER BY m.ref";

const char kMembershipSql[] =
    "INSERT INTO membership(id, member_ref, period_start, period_end, fee_cents, payment_method, paid_date, "
    "renewal_date, status, operator, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'active', 'demo', ?9)";

const char kOrderSql[] =
    "INSERT INTO purchase_order(id, member_ref, order_date, description, quantity, amount_cents, payment_method, "
    "status, operator, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'demo', ?9)";

const char kMandateSql[] =
    "INSERT INTO sepa_mandate(id, member_ref, rum, iban, bic, holder, signature_date, frequency, amount_cents, "
    "first_collection_date, status, operator, created_at) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'demo', ?12)";

const char kCollectionSql[] =
    "INSERT INTO sepa_collection(id, mandate_id, member_ref, collection_date, amount_cents, status, reject_reason, "
    "gift_id, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

const char kCardSql[] =
    "INSERT INTO card_recurring(id, member_ref, provider, amount_cents, frequency, card_last4, card_expiry, "
    "start_date, end_date, status, operator, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'demo', ?11)";

const char* const kBics[] = {"BNPAFRPPXXX", "SOGEFRPP", "CRLYFRPP", "AGRIFRPP882", "PSSTFRPPPAR", "CMCIFRPP",
                             "CCBPFRPPPAR"};
const char* const kMethods[] = {"cheque", "cheque", "transfer", "card", "cash"};
const int kFees[] = {2000, 2500, 3000, 3000, 5000};
const int kDebitEuros[] = {5, 10, 10, 15, 20, 30, 50};
const char* const kRejects[] = {"AM04", "MD01", "AC04", "MS02"};
struct Article {
    const char* description;
    int cents;
};
const Article kArticles[] = {
    {"Calendrier solidaire", 1000}, {"Cartes de vœux (lot de 10)", 1200}, {"Livre « 50 ans d'action »", 2500},
    {"Sac en coton", 800},          {"Bougie solidaire", 1500},           {"Agenda de poche", 700},
};

struct Demo {
    const DemoHistory& h;
    DemoRng rng;
    Statement membership, order, mandate, collection, card;
    uint16_t counter = 0;

    explicit Demo(const DemoHistory& history)
        : h(history), rng{history.seed ^ 0xf17a9ce5ull}, membership(h.store.db(), kMembershipSql),
          order(h.store.db(), kOrderSql), mandate(h.store.db(), kMandateSql),
          collection(h.store.db(), kCollectionSql), card(h.store.db(), kCardSql)
    {
    }

    std::string id_at(long long day) { return format_uuid_v7(uint64_t(day) * 86400000ull, counter++ & 0xfff, rng.next()); }
    static std::string stamp(long long day) { return iso_from_days(day) + "T10:00:00.000Z"; }

    std::string digits(int n)
    {
        std::string s;
        for (int i = 0; i < n; ++i)
            s += char('0' + rng.below(10));
        return s;
    }

    // Calendar years of membership, from `first_year` to `last_year`.
    Result<void> memberships(int64_t ref, int first_year, int last_year)
    {
        const int fee = rng.pick(kFees);
        const char* method = rng.pick(kMethods);
        for (int year = first_year; year <= last_year; ++year) {
            const std::string start = std::to_string(year) + "-01-01", end = std::to_string(year) + "-12-31";
            const long long paid = std::min(h.today, days_from_iso(start) + rng.below(40));
            membership.reset();
            membership.bind_uuid(1, id_at(paid));
            membership.bind_int64(2, ref);
            membership.bind_text(3, start);
            membership.bind_text(4, end);
            membership.bind_int64(5, fee);
            membership.bind_text(6, method);
            membership.bind_text(7, iso_from_days(paid));
            membership.bind_text(8, std::to_string(year) + "-12-01");
            membership.bind_text(9, stamp(paid));
            if (Result<void> r = membership.run(); !r)
                return r;
        }
        return {};
    }

    Result<void> orders(int64_t ref, long long from, int count)
    {
        for (int k = 0; k < count; ++k) {
            const long long day = from + rng.below(int(std::max(1LL, h.today - from)));
            const Article& a = rng.pick(kArticles);
            const int quantity = rng.chance(70) ? 1 : rng.between(2, 4);
            order.reset();
            order.bind_uuid(1, id_at(day));
            order.bind_int64(2, ref);
            order.bind_text(3, iso_from_days(day));
            order.bind_text(4, a.description);
            order.bind_int64(5, quantity);
            order.bind_int64(6, int64_t(a.cents) * quantity);
            order.bind_text(7, rng.chance(60) ? "card" : "cheque");
            order.bind_text(8, rng.chance(5) ? "cancelled" : h.today - day > 10 ? "shipped" : "paid");
            order.bind_text(9, stamp(day));
            if (Result<void> r = order.run(); !r)
                return r;
        }
        return {};
    }

    // A monthly (or quarterly) mandate signed on `signed_day`, collected on
    // the 5th of each period up to today (at most `max_collections`).
    Result<void> sepa(int64_t ref, const std::string& holder, long long signed_day, bool quarterly,
                      int max_collections, bool showcase)
    {
        const std::string mandate_id = id_at(signed_day);
        const int cents = rng.pick(kDebitEuros) * 100 * (quarterly ? 3 : 1);
        const bool revoked = !showcase && rng.chance(8);
        std::string first = add_month_fifth(iso_from_days(signed_day), 1);
        const std::string status = revoked ? "revoked" : !showcase && rng.chance(5) ? "suspended" : "active";
        mandate.reset();
        mandate.bind_uuid(1, mandate_id);
        mandate.bind_int64(2, ref);
        mandate.bind_text(3, mandate_rum(mandate_id));
        mandate.bind_text(4, iban_with_check_digits("FR", digits(10) + digits(11) + digits(2)));
        mandate.bind_text(5, rng.pick(kBics));
        mandate.bind_text(6, holder);
        mandate.bind_text(7, iso_from_days(signed_day));
        mandate.bind_text(8, quarterly ? "quarterly" : "monthly");
        mandate.bind_int64(9, cents);
        mandate.bind_text(10, first);
        mandate.bind_text(11, status);
        mandate.bind_text(12, stamp(signed_day));
        if (Result<void> r = mandate.run(); !r)
            return r;
        // The last collections up to today (a revoked mandate stopped earlier).
        std::string last = iso_from_days(h.today - (revoked ? 60 : 0));
        std::vector<std::string> dates;
        for (std::string d = first; d <= last; d = add_month_fifth(d, quarterly ? 3 : 1))
            dates.push_back(d);
        if (int(dates.size()) > max_collections)
            dates.erase(dates.begin(), dates.end() - max_collections);
        for (const std::string& d : dates) {
            const long long day = days_from_iso(d);
            const bool rejected = rng.chance(4);
            collection.reset();
            collection.bind_uuid(1, id_at(day));
            collection.bind_uuid(2, mandate_id);
            collection.bind_int64(3, ref);
            collection.bind_text(4, d);
            collection.bind_int64(5, cents);
            collection.bind_text(6, rejected ? "rejected" : "collected");
            collection.bind_text(7, rejected ? rng.pick(kRejects) : "");
            collection.bind_null(8); // the demo's gifts stay those of demo_data.cpp
            collection.bind_text(9, stamp(day));
            if (Result<void> r = collection.run(); !r)
                return r;
        }
        return {};
    }

    Result<void> card_gift(int64_t ref, long long start_day)
    {
        const bool paypal = rng.chance(20);
        const std::string status = rng.chance(75) ? "active" : rng.chance(50) ? "suspended" : "ended";
        // An active card expires in the coming years; the others may have expired.
        const std::string expiry_month = add_month_fifth(iso_from_days(h.today), rng.between(status == "active" ? 2 : -6, 40));
        card.reset();
        card.bind_uuid(1, id_at(start_day));
        card.bind_int64(2, ref);
        card.bind_text(3, paypal ? "paypal" : "card");
        card.bind_int64(4, int64_t(rng.pick(kDebitEuros)) * 100);
        card.bind_text(5, rng.chance(85) ? "monthly" : "yearly");
        card.bind_text(6, paypal ? "" : digits(4));
        card.bind_text(7, paypal ? "" : expiry_month.substr(5, 2) + "/" + expiry_month.substr(2, 2));
        card.bind_text(8, iso_from_days(start_day));
        card.bind_text(9, status == "ended" ? iso_from_days(std::min(h.today, start_day + 400)) : "");
        card.bind_text(10, status);
        card.bind_text(11, stamp(start_day));
        return card.run();
    }

    // The 5th of the month `months` after the month of `iso`.
    static std::string add_month_fifth(const std::string& iso, int months)
    {
        int index = std::stoi(iso.substr(0, 4)) * 12 + std::stoi(iso.substr(5, 2)) - 1 + months;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-05", index / 12, index % 12 + 1);
        return buf;
    }
};

} // namespace

Result<void> add_demo_finance(const DemoHistory& h)
{
    Demo demo(h);
    DemoRng& rng = demo.rng;
    Statement members(h.store.db(), kMembersSql);
    members.bind_int64(1, h.first_member_ref);
    const int this_year = std::stoi(iso_from_days(h.today).substr(0, 4));
    while (members.step() == Statement::Step::row) {
        const int64_t ref = members.column_int64(0);
        const std::string entry = members.column_text(1);
        const std::string holder = members.column_text(2);
        const bool showcase = members.column_int64(3) != 0;
        const long long entered = entry.empty() ? h.today - 3650 : std::min(h.today, days_from_iso(entry));
        const int entry_year = std::stoi(iso_from_days(entered).substr(0, 4));
        if (showcase || rng.chance(15)) {
            const int first = std::max(entry_year, this_year - (showcase ? 9 : rng.below(6)));
            const int last = showcase ? this_year : std::max(first, this_year - rng.below(3));
            if (Result<void> r = demo.memberships(ref, first, last); !r)
                return r;
        }
        if (showcase || rng.chance(5))
            if (Result<void> r = demo.orders(ref, std::max(entered, h.today - 1500), showcase ? 3 : rng.between(1, 3)); !r)
                return r;
        if (showcase || rng.chance(4)) {
            const long long signed_day = std::max(entered, h.today - rng.between(200, 900));
            if (Result<void> r = demo.sepa(ref, holder, signed_day, showcase ? false : rng.chance(20), 24, showcase); !r)
                return r;
        }
        if (showcase || rng.chance(3))
            if (Result<void> r = demo.card_gift(ref, std::max(entered, h.today - rng.between(30, 700))); !r)
                return r;
    }
    return {};
}

} // namespace obole
