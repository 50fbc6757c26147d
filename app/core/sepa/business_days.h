// TARGET2 business days: the days the euro's interbank settlement system is
// open, so the only days a SEPA collection can be due. It closes on
// Saturdays, Sundays, 1 January, Good Friday, Easter Monday, 1 May, and 25
// and 26 December (the ECB's calendar), whatever the country's own holidays.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// iso: a valid "YYYY-MM-DD".
bool is_target2_business_day(std::string_view iso);
// The business day `count` business days after iso (count >= 0; 0 gives iso
// itself when it is a business day, else the next one).
std::string add_business_days(std::string_view iso, int count);
// The first business day on or after iso.
std::string next_business_day(std::string_view iso);

// The first day a collection can be due when the file leaves today: the
// lead_days-th business day after today (the first one for 0 or 1).
std::string earliest_collection_date(std::string_view today, int lead_days);

// A collection date the bank can take when the file leaves today: a TARGET2
// business day (sepa.not_business_day) at least lead_days business days
// after today (sepa.too_soon). date.* for what is not a date. Returns the ISO
// date. Error::field is "collection_date".
Result<std::string> check_collection_date(std::string_view text, std::string_view today, int lead_days);

} // namespace obole
