// A realistic, reproducible demo association: French members with accents,
// Russian and Japanese members, campaigns over three years, gifts that follow
// a real giving pattern, and every tab of the dossier. It is written through
// the repositories, with the store's clock set to the day each thing
// happened, so it holds only states the product itself can make. The same
// seed (and reference date) gives the same data (row ids aside: they are
// made as the product makes them).
//
// Not part of the app: tools/gen is linked by obole-server (--demo), the
// benches and the tests, never by the wasm app.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace obole {

class Store;

struct DemoOptions {
    int members = 2000;
    uint64_t seed = 42;
    std::string today; // reference date (ISO); empty = the store's today. Nothing is dated after it.
    // The parish's 2,000 weekly gifts (the dossier's and the bench's longest
    // history). The sync simulation, which starts a hundred associations,
    // goes without: it spent most of its time writing them.
    bool long_history = true;
};

struct DemoCounts {
    int64_t members = 0, campaigns = 0, received = 0, gifts = 0, emails = 0, phones = 0;
};

// Writes into `store` in one transaction (members are numbered after any
// existing ones; a second run reuses the demo's campaigns). The store's
// clock is moved while it writes and given back as it was.
Result<void> generate_demo(Store& store, const DemoOptions& options);
Result<DemoCounts> generate_demo_counted(Store& store, const DemoOptions& options);

} // namespace obole
