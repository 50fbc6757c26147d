#include <gtest/gtest.h>

#include <regex>

#include "core/calendar/date.h"

using namespace obole;

namespace {
std::string parsed(const char* text)
{
    Result<std::string> r = parse_date(text);
    return r.ok() ? r.value() : r.error().code;
}
} // namespace

TEST(ParseDate, IsoAndFrenchForms)
{
    EXPECT_EQ(parsed("2026-11-23"), "2026-11-23");
    EXPECT_EQ(parsed("23/11/2026"), "2026-11-23");
    EXPECT_EQ(parsed(" 3/1/2026 "), "2026-01-03");
    EXPECT_EQ(parsed("23.11.2026"), "2026-11-23");
}

TEST(ParseDate, ImpossibleDatesAndGarbage)
{
    EXPECT_EQ(parsed(""), "date.empty");
    EXPECT_EQ(parsed("2026-02-30"), "date.invalid");
    EXPECT_EQ(parsed("2026-13-01"), "date.invalid");
    EXPECT_EQ(parsed("2026-00-10"), "date.invalid");
    EXPECT_EQ(parsed("31/04/2026"), "date.invalid");
    EXPECT_EQ(parsed("hier"), "date.invalid");
    EXPECT_EQ(parsed("2026-1-5"), "date.invalid");
    EXPECT_EQ(parsed("23/11/26"), "date.invalid");
    EXPECT_EQ(parsed("23/11.2026"), "date.invalid");
    EXPECT_EQ(parsed("2026-11-23x"), "date.invalid");
    EXPECT_EQ(parse_date("2026-02-30").error().message, "This date does not exist.");
}

TEST(ParseDate, TwentyNinthOfFebruary)
{
    EXPECT_EQ(parsed("29/02/2024"), "2024-02-29");
    EXPECT_EQ(parsed("2000-02-29"), "2000-02-29");
    EXPECT_EQ(parsed("29/02/2025"), "date.invalid");
    EXPECT_EQ(parsed("1900-02-29"), "date.invalid");
    EXPECT_TRUE(is_leap_year(2024));
    EXPECT_TRUE(is_leap_year(2000));
    EXPECT_FALSE(is_leap_year(1900));
    EXPECT_FALSE(is_leap_year(2026));
}

TEST(Dates, DayArithmeticRoundTrips)
{
    EXPECT_EQ(days_from_iso("1970-01-01"), 0);
    EXPECT_EQ(iso_from_days(0), "1970-01-01");
    EXPECT_EQ(iso_from_days(days_from_iso("2024-02-28") + 1), "2024-02-29");
    EXPECT_EQ(iso_from_days(days_from_iso("2025-02-28") + 1), "2025-03-01");
    for (long long d = days_from_iso("1000-01-01"); d < days_from_iso("9999-12-31"); d += 997)
        ASSERT_EQ(days_from_iso(iso_from_days(d)), d);
}

TEST(Dates, TodayAndNowShapes)
{
    std::string today = today_iso();
    EXPECT_TRUE(parse_date(today).ok()) << today;
    EXPECT_TRUE(std::regex_match(now_iso(), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"))) << now_iso();
    EXPECT_EQ(now_iso().substr(0, 10) >= today, true);
    EXPECT_TRUE(parse_date(today_local_iso()).ok());
}

TEST(Date, IsoFromUnixMs)
{
    EXPECT_EQ(obole::iso_from_unix_ms(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(obole::iso_from_unix_ms(1'780'000'000'000), "2026-05-28T20:26:40.000Z");
    EXPECT_EQ(obole::iso_from_unix_ms(-1), "1969-12-31T23:59:59.999Z");
}
