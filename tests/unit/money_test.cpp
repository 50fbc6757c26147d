#include <gtest/gtest.h>

#include "core/money/money.h"

using namespace obole;

namespace {
int64_t cents(const char* text)
{
    Result<int64_t> r = parse_amount_cents(text);
    EXPECT_TRUE(r.ok()) << text << ": " << r.error().code;
    return r.ok() ? r.value() : -1;
}
std::string code(const char* text)
{
    Result<int64_t> r = parse_amount_cents(text);
    return r.ok() ? "ok" : r.error().code;
}
} // namespace

TEST(ParseAmount, AcceptsWhatPeopleType)
{
    EXPECT_EQ(cents("12"), 1200);
    EXPECT_EQ(cents("12.5"), 1250);
    EXPECT_EQ(cents("12,50"), 1250);
    EXPECT_EQ(cents("0,01"), 1);
    EXPECT_EQ(cents(" 1 234,56 "), 123456);
    EXPECT_EQ(cents("1\xC2\xA0"
                    "234,56"),
              123456); // NBSP
    EXPECT_EQ(cents("1\xE2\x80\xAF"
                    "234,56 €"),
              123456); // narrow NBSP and euro sign
    EXPECT_EQ(cents("50€"), 5000);
    EXPECT_EQ(cents("1 000 000"), 100000000);
}

TEST(ParseAmount, RejectsWithStableCodes)
{
    EXPECT_EQ(code(""), "amount.empty");
    EXPECT_EQ(code("  € "), "amount.empty");
    EXPECT_EQ(code("abc"), "amount.not_a_number");
    EXPECT_EQ(code("12abc"), "amount.not_a_number");
    EXPECT_EQ(code("1.2.3"), "amount.not_a_number");
    EXPECT_EQ(code("12 5"), "amount.not_a_number");
    // What a filter or a lenient parser would quietly turn into another amount.
    EXPECT_EQ(code("1e9"), "amount.not_a_number");
    EXPECT_EQ(code("5O"), "amount.not_a_number");
    EXPECT_EQ(code("12,3,4"), "amount.not_a_number");
    EXPECT_EQ(code("0x10"), "amount.not_a_number");
    EXPECT_EQ(code("1_000"), "amount.not_a_number");
    EXPECT_EQ(code("1,234.56"), "amount.too_many_decimals");
    EXPECT_EQ(code("12,345"), "amount.too_many_decimals");
    EXPECT_EQ(code("0"), "amount.not_positive");
    EXPECT_EQ(code("0,00"), "amount.not_positive");
    EXPECT_EQ(code("-5"), "amount.not_positive");
    EXPECT_EQ(code("1000000.01"), "amount.too_large");
    EXPECT_EQ(code("99999999999999999999"), "amount.too_large");
    Result<int64_t> r = parse_amount_cents("0");
    EXPECT_EQ(r.error().message, "The amount must be greater than zero.");
    EXPECT_EQ(r.error().field, "amount");
}

TEST(FormatMoney, FrenchAndEnglish)
{
    EXPECT_EQ(format_money(123456, "EUR", "fr"), "1\xE2\x80\xAF"
                                                 "234,56\xC2\xA0€");
    EXPECT_EQ(format_money(123456, "EUR", "en"), "€1,234.56");
    EXPECT_EQ(format_money(5, "EUR", "en"), "€0.05");
    EXPECT_EQ(format_money(100000000, "EUR", "en"), "€1,000,000.00");
    EXPECT_EQ(format_money(-1500, "EUR", "fr"), "-15,00\xC2\xA0€");
    EXPECT_EQ(format_money(123456, "CHF", "fr"), "1\xE2\x80\xAF"
                                                 "234,56\xC2\xA0"
                                                 "CHF");
    EXPECT_EQ(format_money(123456, "CHF", "en"), "CHF\xC2\xA0"
                                                 "1,234.56");
    EXPECT_EQ(format_money(999, "USD", "en"), "$9.99");
}

TEST(FormatMoney, RoundTripsThroughParse)
{
    for (int64_t c : {1LL, 99LL, 1000LL, 123456LL, 99999999LL}) {
        Result<int64_t> r = parse_amount_cents(format_money(c, "EUR", "fr"));
        ASSERT_TRUE(r.ok()) << c;
        EXPECT_EQ(r.value(), c);
    }
}

TEST(TypedAmount, IsWhatAFormReadsBack)
{
    EXPECT_EQ(typed_amount(123450), "1234,50");
    EXPECT_EQ(typed_amount(2500), "25,00");
    EXPECT_EQ(typed_amount(7), "0,07");
    for (int64_t c : {int64_t(1), int64_t(10), int64_t(99), int64_t(1000), int64_t(123456), kMaxAmountCents}) {
        Result<int64_t> r = parse_amount_cents(typed_amount(c));
        ASSERT_TRUE(r.ok()) << c;
        EXPECT_EQ(r.value(), c);
    }
}
