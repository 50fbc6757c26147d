// Donors to call: those whose last N collections in a row failed (returned
// or rejected by the bank); N is the association's setting
// (CreditorSettings::failures_before_call). Derived from the collections,
// so it is the same on every device and needs no flag of its own; a
// collection that goes through takes the donor off the list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct DonorToCall {
    std::string member_id, name, last_reason, last_date;
    int64_t member_no = 0;
    int failures = 0; // in a row, newest first
};

// By member number.
Result<std::vector<DonorToCall>> donors_to_call(Store& store, int failures_before_call);
// The member's failures in a row (0 when the newest collection went through).
Result<int> failures_in_a_row(Store& store, const std::string& member_id);

} // namespace obole
