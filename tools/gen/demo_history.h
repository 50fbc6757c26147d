// The demo's history beyond members, contacts and gifts: each of the
// dossier's tabs gets rows for the members a demo run just made
// (gen/demo_data.cpp calls these in its transaction, in this order). Every
// row is written through the repository the product writes it with, the
// store's clock set to the day it happened (demo_clock), so every state is
// one the product can make; the same seed gives the same rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/campaigns/campaign.h"
#include "core/result.h"
#include "gen/demo_data.h"

namespace obole {

class Store;

// A member this run made.
struct DemoMember {
    std::string id;
    std::string email;       // "" when none
    long long entry_day = 0; // days since 1970-01-01
    std::string civility;    // "M.", "Mme" or ""
    bool showcase = false;   // Hélène Dupont or the parish: every tab gets rows
};

struct DemoHistory {
    Store& store;
    long long today; // days since 1970-01-01; nothing is dated after it
    uint64_t seed;
    std::vector<DemoMember> members; // in the order made
    std::vector<Campaign> campaigns; // the demo's twelve, oldest first
};

// What the repositories write next happens on `day`, `minute` minutes after
// midnight UTC (the store's clock, Store::set_clock).
void demo_clock(Store& store, long long day, int minute = 10 * 60);

// The SEPA creditor's settings; orders, memberships, SEPA mandates (and
// their suspensions and revocations), recurring card gifts.
Result<void> add_demo_finance(const DemoHistory& h);
// Annual tax receipts already issued and printed in past years.
Result<void> add_demo_tax_receipts(const DemoHistory& h);
// Petitions, email activity (imported as a mailing tool's export), child
// sponsorships, events and registrations, documents.
Result<void> add_demo_behaviour(const DemoHistory& h);
// Bequest steps, memos, relations between members (spouses at one address).
Result<void> add_demo_synthesis(const DemoHistory& h);
// Street sign-ups by the demo volunteer (new members, signed mandates,
// consents, the lock), through the field mode's own sign-up; `count` new
// members, added to `counts`.
Result<void> add_demo_field(const DemoHistory& h, int count, DemoCounts& counts);

} // namespace obole
