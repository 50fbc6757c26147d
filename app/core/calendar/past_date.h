// The date of something that already happened (a gift received, a petition
// signed, a file received): typed as the date forms accept it, empty for
// today, never after the latest today and never before the earliest date the
// association accepts. "Today" is the later of the UTC and the local date
// (Store::latest_today()), so an entry made just after local midnight east of
// Greenwich is not "in the future"; the earliest date is a shared setting
// (core/store/date_window.h), so a typo such as 1899 for 1999 is refused
// rather than kept for ever on a receipt.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// The earliest date unless the association sets a later one; the server
// refuses an older date for money whatever a device says.
inline constexpr const char* kDefaultEarliestDate = "1900-01-01";

struct DateWindow {
    std::string earliest;     // the first day accepted
    std::string today;        // what an empty field means
    std::string latest_today; // the last day accepted
};

// Codes: date.* from parse_date, date.too_early, date.in_future.
// Error::field is `field`.
Result<std::string> parse_past_date(std::string_view text, const DateWindow& window, const char* field = "date");

} // namespace obole
