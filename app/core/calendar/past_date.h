// The date of something that already happened (a petition signed, a file
// received): typed as the date forms accept it, empty for today, never after
// the latest today (Store::today() and Store::latest_today(): the later of
// the UTC and the local date, so an entry made just after local midnight east
// of Greenwich is not "in the future").
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// Codes: date.* from parse_date, date.in_future. Error::field is `field`.
Result<std::string> parse_past_date(std::string_view text, const std::string& today, const std::string& latest_today,
                                    const char* field = "date");

} // namespace obole
