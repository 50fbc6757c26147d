// The fundraiser's day: the donors they signed up today, with the totals
// and, for each, whether it has reached the server or still waits on the
// device (its rows are still in the outbox, sync/client/outbox.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar/frequency.h"
#include "core/result.h"

namespace obole {

class Store;

struct FieldDayRow {
    std::string signup_id, member_id, name;
    int64_t amount_cents = 0;
    Frequency frequency = Frequency::monthly;
    std::string time;     // "14:05", the device's local time of the confirmation
    bool waiting = false; // some of its rows (member, contacts, mandate, consents, sign-up) are not synced yet
};

struct FieldDay {
    std::vector<FieldDayRow> rows; // newest first
    int64_t monthly_cents = 0;     // what the day's sign-ups bring per month (a yearly gift counts a twelfth)
    int waiting = 0;
};

// Sign-ups by `fundraiser` confirmed on `day` (YYYY-MM-DD, the device's local
// calendar). A failed read is an error, never a day with no sign-up.
Result<FieldDay> field_day(Store& store, const std::string& fundraiser, const std::string& day);

} // namespace obole
