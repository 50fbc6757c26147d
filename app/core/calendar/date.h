// Dates are stored as ISO-8601 text ("2026-11-23"); timestamps as UTC
// "2026-11-23T14:05:09.123Z". Text comparison then orders them correctly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// Accepts "2026-11-23", "23/11/2026" and "23.11.2026" (day and month may have
// one digit) and returns the ISO form. Errors: date.empty ("Enter a date."),
// date.invalid ("This date does not exist.") for garbage and impossible dates
// (2026-02-30, month 13). Years 1000..9999. Error::field is "date".
Result<std::string> parse_date(std::string_view text);

bool is_leap_year(int year);
int days_in_month(int year, int month); // 0 when month is out of 1..12

std::string today_iso();       // UTC calendar date
std::string today_local_iso(); // the device's local calendar date
std::string now_iso();         // UTC, with milliseconds and "Z"
int64_t unix_now_ms();
std::string iso_from_unix_ms(int64_t unix_ms); // the now_iso() form of a Unix time

// Calendar arithmetic for ISO dates (proleptic Gregorian). days_from_iso
// returns days since 1970-01-01; the input must be a valid ISO date.
long long days_from_iso(std::string_view iso);
std::string iso_from_days(long long days);

} // namespace obole
