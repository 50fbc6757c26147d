#include "core/calendar/date.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/text/text_fold.h"

namespace obole {

namespace {

Error invalid_date()
{
    return fail("date.invalid", "This date does not exist.", "date");
}

// Reads 1..max_digits digits at s[*i]; false when there are none or too many.
bool read_number(std::string_view s, size_t* i, int min_digits, int max_digits, int* out)
{
    int value = 0, n = 0;
    while (*i < s.size() && s[*i] >= '0' && s[*i] <= '9') {
        if (++n > max_digits)
            return false;
        value = value * 10 + (s[*i] - '0');
        ++*i;
    }
    *out = value;
    return n >= min_digits;
}

std::string format_iso(int y, int m, int d)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

} // namespace

bool is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month)
{
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

Result<std::string> parse_date(std::string_view text)
{
    text = trim_spaces(text);
    if (text.empty())
        return fail("date.empty", "Enter a date.", "date");

    int y = 0, m = 0, d = 0;
    size_t i = 0;
    if (text.size() >= 5 && text[4] == '-') {
        if (!read_number(text, &i, 4, 4, &y) || text[i++] != '-' || !read_number(text, &i, 2, 2, &m) ||
            i >= text.size() || text[i++] != '-' || !read_number(text, &i, 2, 2, &d))
            return invalid_date();
    } else {
        // Day first, as written in France and Russia: 23/11/2026, 23.11.2026.
        if (!read_number(text, &i, 1, 2, &d) || i >= text.size() || (text[i] != '/' && text[i] != '.'))
            return invalid_date();
        char sep = text[i++];
        if (!read_number(text, &i, 1, 2, &m) || i >= text.size() || text[i++] != sep ||
            !read_number(text, &i, 4, 4, &y))
            return invalid_date();
    }
    if (i != text.size() || y < 1000 || d < 1 || d > days_in_month(y, m))
        return invalid_date();
    return format_iso(y, m, d);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long long days_from_iso(std::string_view iso)
{
    if (iso.size() < 10)
        return 0;
    auto num = [&](size_t at, size_t len) {
        int v = 0;
        for (size_t k = at; k < at + len; ++k)
            v = v * 10 + (iso[k] - '0');
        return v;
    };
    long long y = num(0, 4);
    unsigned m = unsigned(num(5, 2)), d = unsigned(num(8, 2));
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = unsigned(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

std::string iso_from_days(long long z)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = unsigned(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = (long long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return format_iso(int(y + (m <= 2)), int(m), int(d));
}

std::string today_iso()
{
    using namespace std::chrono;
    auto days = duration_cast<hours>(system_clock::now().time_since_epoch()).count() / 24;
    return iso_from_days(days);
}

std::string today_local_iso()
{
    std::time_t now = std::time(nullptr);
    std::tm local{};
    if (!localtime_r(&now, &local))
        return today_iso();
    return format_iso(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string now_iso()
{
    using namespace std::chrono;
    long long ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    long long days = ms / 86400000;
    long long rest = ms % 86400000;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld.%03lldZ", iso_from_days(days).c_str(), rest / 3600000,
                  rest / 60000 % 60, rest / 1000 % 60, rest % 1000);
    return buf;
}

int64_t unix_now_ms()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string iso_from_unix_ms(int64_t unix_ms)
{
    constexpr int64_t kDayMs = 86'400'000;
    int64_t days = unix_ms / kDayMs, ms = unix_ms % kDayMs;
    if (ms < 0) {
        ms += kDayMs;
        --days;
    }
    char time[32];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d.%03dZ", int(ms / 3'600'000), int(ms / 60'000 % 60),
                  int(ms / 1000 % 60), int(ms % 1000));
    return iso_from_days(days) + time;
}

} // namespace obole
