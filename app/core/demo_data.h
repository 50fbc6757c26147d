// A realistic, reproducible demo association: French members with accents,
// Russian and Japanese members, campaigns over three years, gifts that follow
// a real giving pattern. The same seed (and reference date) gives the same data.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace obole {

class Store;

struct DemoOptions {
    int members = 2000;
    uint64_t seed = 42;
    std::string today; // reference date (ISO); empty = today_iso(). Nothing is dated after it.
};

struct DemoCounts {
    int64_t members = 0, campaigns = 0, received = 0, gifts = 0, emails = 0, phones = 0;
};

// Inserts into `store` in one transaction (members are numbered after any
// existing ones), then builds the search index in bulk.
Result<void> generate_demo(Store& store, const DemoOptions& options);
Result<DemoCounts> generate_demo_counted(Store& store, const DemoOptions& options);

} // namespace obole
