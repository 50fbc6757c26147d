// Demo orders, memberships, SEPA mandates and recurring card gifts, each
// through its repository on the day it happened: a membership joined then
// renewed each January, a mandate signed then (for some) suspended or
// revoked, a card gift started then (for some) suspended or ended. No SEPA
// collections: they come from the bank's files, which the product does not
// read yet, so the demo has none either. Hélène Dupont and the parish have
// some of each.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/card_recurring_repository.h"
#include "core/money/iban.h"
#include "core/money/membership_repository.h"
#include "core/money/purchase_order_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/store.h"
#include "core/text/person_name.h"
#include "gen/demo_history.h"
#include "gen/demo_people.h"
#include "gen/demo_rng.h"

namespace obole {

namespace {

constexpr const char* kOffice = "demo";

const char* const kBics[] = {"BNPAFRPPXXX", "SOGEFRPP", "CRLYFRPP",   "AGRIFRPP882",
                             "PSSTFRPPPAR", "CMCIFRPP", "CCBPFRPPPAR"};
const PaymentMethod kMethods[] = {PaymentMethod::cheque, PaymentMethod::cheque, PaymentMethod::transfer,
                                  PaymentMethod::card, PaymentMethod::cash};
const char* const kFees[] = {"20", "25", "30", "30", "50"};
const int kDebitEuros[] = {5, 10, 10, 15, 20, 30, 50};
struct Article {
    const char* description;
    int cents;
};
const Article kArticles[] = {
    {"Calendrier solidaire", 1000}, {"Cartes de vœux (lot de 10)", 1200}, {"Livre « 50 ans d'action »", 2500},
    {"Sac en coton", 800},          {"Bougie solidaire", 1500},           {"Agenda de poche", 700},
};

// "MM/YY" of the month `months` after the month of day `day`.
std::string card_expiry(long long day, int months)
{
    const std::string iso = iso_from_days(day);
    const int index = std::stoi(iso.substr(0, 4)) * 12 + std::stoi(iso.substr(5, 2)) - 1 + months;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d", index % 12 + 1, index / 12 % 100);
    return buf;
}

struct Demo {
    const DemoHistory& h;
    DemoRng rng;

    explicit Demo(const DemoHistory& history) : h(history), rng{history.seed ^ 0xf17a9ce5ull} {}

    // Joined in `first_year` (paid in its first weeks), renewed each year
    // until `last_year`, on the day the renewal was paid.
    Result<void> memberships(const std::string& member_id, int first_year, int last_year)
    {
        NewMembership m;
        m.member_id = member_id;
        m.start_text = std::to_string(first_year) + "-01-01";
        m.end_text = std::to_string(first_year) + "-12-31";
        m.fee_text = rng.pick(kFees);
        m.method = rng.pick(kMethods);
        for (int year = first_year; year <= last_year; ++year) {
            const long long paid = std::min(h.today, days_from_iso(std::to_string(year) + "-01-01") + rng.below(40));
            demo_clock(h.store, paid);
            m.paid_date_text = iso_from_days(paid);
            MembershipRepository repo(h.store);
            if (Result<std::string> r = year == first_year ? repo.add(m, kOffice) : repo.renew(member_id, kOffice); !r)
                return r.error();
        }
        return {};
    }

    Result<void> orders(const std::string& member_id, long long from, int count)
    {
        for (int k = 0; k < count; ++k) {
            const long long day = from + rng.below(int(std::max(1LL, h.today - from)));
            const Article& a = rng.pick(kArticles);
            const int quantity = rng.chance(70) ? 1 : rng.between(2, 4);
            NewPurchaseOrder order;
            order.member_id = member_id;
            order.date_text = iso_from_days(day);
            order.description = a.description;
            order.quantity_text = std::to_string(quantity);
            order.amount_text = std::to_string(a.cents * quantity / 100);
            order.method = rng.chance(60) ? PaymentMethod::card : PaymentMethod::cheque;
            demo_clock(h.store, day);
            if (Result<std::string> r = PurchaseOrderRepository(h.store).add(order, kOffice); !r)
                return r.error();
        }
        return {};
    }

    // A monthly (or quarterly) mandate signed on `signed_day`; now and then
    // suspended since, or revoked.
    Result<void> sepa(const std::string& member_id, long long signed_day, bool quarterly, bool showcase)
    {
        Result<Member> member = MemberRepository(h.store).get(member_id);
        if (!member)
            return member.error();
        NewSepaMandate n;
        n.member_id = member_id;
        n.iban_text = iban_with_check_digits("FR", random_digits(rng, 23));
        n.bic_text = rng.pick(kBics);
        n.holder = person_display_name(member->first_name, member->last_name);
        n.signature_date_text = iso_from_days(signed_day);
        n.amount_text = std::to_string(rng.pick(kDebitEuros) * (quarterly ? 3 : 1));
        n.frequency = quarterly ? Frequency::quarterly : Frequency::monthly;
        demo_clock(h.store, signed_day);
        Result<std::string> id = SepaMandateRepository(h.store).add(n, kOffice);
        if (!id)
            return id.error();
        const bool revoked = !showcase && rng.chance(8);
        const bool suspended = !revoked && !showcase && rng.chance(5);
        if (!revoked && !suspended)
            return {};
        demo_clock(h.store, std::min(h.today, signed_day + rng.between(60, 400)));
        return SepaMandateRepository(h.store).set_status(*id, revoked ? "revoked" : "suspended", kOffice);
    }

    Result<void> card_gift(const std::string& member_id, long long start_day)
    {
        const bool paypal = rng.chance(20);
        const std::string status = rng.chance(75) ? "active" : rng.chance(50) ? "suspended" : "ended";
        NewCardRecurring n;
        n.member_id = member_id;
        n.provider = paypal ? "paypal" : "card";
        n.amount_text = std::to_string(rng.pick(kDebitEuros));
        n.frequency = rng.chance(85) ? Frequency::monthly : Frequency::yearly;
        // A card given then expires in the coming years (an active one after today).
        const int months = rng.between(2, 40);
        if (!paypal) {
            n.last4_text = random_digits(rng, 4);
            n.expiry_text = card_expiry(status == "active" ? std::max(start_day, h.today) : start_day, months);
        }
        n.start_date_text = iso_from_days(start_day);
        demo_clock(h.store, start_day);
        Result<std::string> id = CardRecurringRepository(h.store).add(n, kOffice);
        if (!id)
            return id.error();
        if (status == "active")
            return {};
        demo_clock(h.store, std::min(h.today, start_day + rng.between(30, 400)));
        return CardRecurringRepository(h.store).set_status(*id, status, kOffice);
    }
};

} // namespace

Result<void> add_demo_finance(const DemoHistory& h)
{
    // The creditor's settings, as the office typed them on the first day, so
    // the Direct debits screen can prepare a run over the demo's mandates.
    // (Its collections are the app's to make: none is invented here.)
    demo_clock(h.store, h.today - 1000);
    if (Result<CreditorSettings> c =
            save_creditor_settings(h.store,
                                   {"Association Obole (demo)", "FR72ZZZ123456", "FR76 3000 6000 0112 3456 7890 189",
                                    "AGRIFRPP", "2", "5, 20", "5"},
                                   kOffice);
        !c)
        return c.error();
    Demo demo(h);
    DemoRng& rng = demo.rng;
    const int this_year = std::stoi(iso_from_days(h.today).substr(0, 4));
    for (const DemoMember& m : h.members) {
        const long long entered = std::min(h.today, m.entry_day);
        const int entry_year = std::stoi(iso_from_days(entered).substr(0, 4));
        if (m.showcase || rng.chance(15)) {
            const int first = std::max(entry_year, this_year - (m.showcase ? 9 : rng.below(6)));
            const int last = m.showcase ? this_year : std::max(first, this_year - rng.below(3));
            if (Result<void> r = demo.memberships(m.id, first, last); !r)
                return r;
        }
        if (m.showcase || rng.chance(5))
            if (Result<void> r =
                    demo.orders(m.id, std::max(entered, h.today - 1500), m.showcase ? 3 : rng.between(1, 3));
                !r)
                return r;
        if (m.showcase || rng.chance(4)) {
            const long long signed_day = std::max(entered, h.today - rng.between(200, 900));
            if (Result<void> r = demo.sepa(m.id, signed_day, m.showcase ? false : rng.chance(20), m.showcase); !r)
                return r;
        }
        if (m.showcase || rng.chance(3))
            if (Result<void> r = demo.card_gift(m.id, std::max(entered, h.today - rng.between(30, 700))); !r)
                return r;
    }
    return {};
}

} // namespace obole
