// The demo's history beyond gifts: each of the dossier's tabs gets rows for
// the members a demo run just made (core/demo_data.cpp calls these in its
// transaction, in this order). Each reads the members (and their gifts) it
// needs and writes its own tables; the same seed gives the same rows.
#pragma once

#include <cstdint>

#include "core/result.h"

namespace obole {

class Store;

// splitmix64: tiny, and the same output on every compiler and library, unlike
// std::*_distribution whose results differ between libstdc++ and libc++.
struct DemoRng {
    uint64_t state;
    uint64_t next()
    {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % uint64_t(n)); }        // 0..n-1
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // lo..hi
    bool chance(int percent) { return below(1000) < percent * 10; }
    bool chance_permille(int permille) { return below(1000) < permille; }
    template <class T, size_t N>
    const T& pick(const T (&items)[N]) { return items[below(int(N))]; }
};

struct DemoHistory {
    Store& store;
    long long today;       // days since 1970-01-01; nothing is dated after it
    uint64_t seed;
    int64_t first_member_ref; // members with ref >= this were made by this run
};

// Orders, memberships, SEPA mandates and their collections, card gifts.
Result<void> add_demo_finance(const DemoHistory& h);
// Tax receipts already issued in past years.
Result<void> add_demo_tax_receipts(const DemoHistory& h);
// Petitions, email activity, sponsorships, events, documents.
Result<void> add_demo_behaviour(const DemoHistory& h);
// Marketing codes and scores, bequest steps, relations between members.
Result<void> add_demo_synthesis(const DemoHistory& h);
// Street sign-ups by the demo volunteer: mandates signed on the device,
// consents, the lock (core/demo_field.cpp).
Result<void> add_demo_field(const DemoHistory& h);

} // namespace obole
