#include "core/store/date_window.h"

#include "core/store/setting_repository.h"
#include "core/store/store.h"
#include "core/text/text_fold.h"

namespace obole {

Result<DateWindow> date_window(Store& store)
{
    Result<std::string> earliest = SettingRepository(store).get(kEarliestDateSetting, kDefaultEarliestDate);
    if (!earliest)
        return earliest.error();
    return DateWindow{*earliest, store.today(), store.latest_today()};
}

Result<std::string> set_earliest_date(Store& store, const std::string& text, const std::string& operator_name)
{
    // An empty field would mean today here, which nobody means.
    if (trim_spaces(text).empty())
        return fail("date.empty", "Enter a date.", "earliest_date");
    DateWindow widest{kDefaultEarliestDate, store.today(), store.latest_today()};
    Result<std::string> day = parse_past_date(text, widest, "earliest_date");
    if (!day)
        return day;
    if (Result<void> saved = SettingRepository(store).set(kEarliestDateSetting, *day, operator_name); !saved)
        return saved.error();
    return day;
}

} // namespace obole
