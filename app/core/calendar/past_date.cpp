#include "core/calendar/past_date.h"

#include <algorithm>

#include "core/calendar/date.h"
#include "core/text/text_fold.h"

namespace obole {

Result<std::string> parse_past_date(std::string_view text, const char* field)
{
    const std::string today = std::max(today_iso(), today_local_iso());
    if (trim_spaces(text).empty())
        return today_local_iso();
    Result<std::string> parsed = parse_date(text);
    if (!parsed) {
        Error e = parsed.error();
        e.field = field;
        return e;
    }
    if (*parsed > today)
        return fail("date.in_future", "The date is in the future.", field);
    return parsed;
}

} // namespace obole
