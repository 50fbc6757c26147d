// The dates a form accepts for something that already happened: from the
// association's earliest accepted date (a setting every device shares; by
// default 1900-01-01) to the store's latest today. Gifts, payments, orders,
// signatures and documents are checked against it (core/calendar/past_date.h).
#pragma once

#include <string>

#include "core/calendar/past_date.h"
#include "core/result.h"

namespace obole {

class Store;

inline constexpr const char* kEarliestDateSetting = "earliest_date";

// A failed read is an error, never the default window.
Result<DateWindow> date_window(Store& store);

// Sets the earliest accepted date: a date that exists, not before 1900-01-01
// (the server refuses older money dates whatever a device says) and not in
// the future. Codes: date.*, date.too_early, date.in_future.
Result<std::string> set_earliest_date(Store& store, const std::string& text, const std::string& operator_name);

} // namespace obole
