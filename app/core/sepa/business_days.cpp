#include "core/sepa/business_days.h"

#include <cstdio>

#include "core/calendar/date.h"

namespace obole {

namespace {

// Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher), as
// days since 1970-01-01.
long long easter_sunday(int y)
{
    const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    char iso[32];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, month, day);
    return days_from_iso(iso);
}

} // namespace

bool is_target2_business_day(std::string_view iso)
{
    const long long days = days_from_iso(iso);
    const long long weekday = ((days % 7) + 7 + 3) % 7; // 1970-01-01 was a Thursday: 0 = Monday
    if (weekday >= 5)
        return false;
    const std::string_view md = iso.substr(5);
    if (md == "01-01" || md == "05-01" || md == "12-25" || md == "12-26")
        return false;
    const long long easter = easter_sunday(std::stoi(std::string(iso.substr(0, 4))));
    return days != easter - 2 && days != easter + 1;
}

std::string next_business_day(std::string_view iso)
{
    long long days = days_from_iso(iso);
    while (!is_target2_business_day(iso_from_days(days)))
        ++days;
    return iso_from_days(days);
}

std::string add_business_days(std::string_view iso, int count)
{
    std::string day = next_business_day(iso);
    for (int i = 0; i < count; ++i)
        day = next_business_day(iso_from_days(days_from_iso(day) + 1));
    return day;
}

std::string earliest_collection_date(std::string_view today, int lead_days)
{
    // The file leaves today: the first business day after it is one day of
    // lead time, and never is today itself a collection day.
    return add_business_days(iso_from_days(days_from_iso(today) + 1), lead_days > 1 ? lead_days - 1 : 0);
}

Result<std::string> check_collection_date(std::string_view text, std::string_view today, int lead_days)
{
    Result<std::string> date = parse_date(text);
    if (!date) {
        Error e = date.error();
        e.field = "collection_date";
        return e;
    }
    if (!is_target2_business_day(*date))
        return fail("sepa.not_business_day",
                    "Banks collect only on TARGET2 business days: not on a weekend, 1 January, Good Friday, "
                    "Easter Monday, 1 May, 25 or 26 December.",
                    "collection_date");
    if (*date < earliest_collection_date(today, lead_days))
        return fail("sepa.too_soon", "This date leaves the bank less than its lead time: choose a later date.",
                    "collection_date");
    return *date;
}

} // namespace obole
