#include "core/calendar/past_date.h"

#include "core/calendar/date.h"
#include "core/text/text_fold.h"

namespace obole {

Result<std::string> parse_past_date(std::string_view text, const DateWindow& window, const char* field)
{
    if (trim_spaces(text).empty())
        return window.today;
    Result<std::string> parsed = parse_date(text);
    if (!parsed) {
        Error e = parsed.error();
        e.field = field;
        return e;
    }
    if (*parsed > window.latest_today)
        return fail("date.in_future", "The date is in the future.", field);
    if (*parsed < window.earliest)
        return fail("date.too_early", "The date is before the earliest date the association accepts (Settings).",
                    field);
    return parsed;
}

} // namespace obole
