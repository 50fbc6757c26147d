// libFuzzer target: dates as a person types them (core/calendar/date.h) and
// the date of something that already happened (core/calendar/past_date.h).
// Beyond not crashing: a date accepted is ISO, reads back as itself, and
// counting its days from 1970 and back gives it again; a past date accepted
// lies in its window.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar/date.h"
#include "core/calendar/past_date.h"

#include "checks.h"

using obole::fuzz::require_property;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (obole::Result<std::string> date = obole::parse_date(text)) {
        const obole::Result<std::string> again = obole::parse_date(*date);
        require_property(again && *again == *date, "a date read back as ISO is the same date");
        require_property(obole::iso_from_days(obole::days_from_iso(*date)) == *date,
                         "a date's day count gives the date back");
    }
    const obole::DateWindow window{obole::kDefaultEarliestDate, "2026-06-15", "2026-06-16"};
    if (obole::Result<std::string> past = obole::parse_past_date(text, window))
        require_property(*past >= window.earliest && *past <= window.latest_today, "a past date lies in its window");
    return 0;
}
