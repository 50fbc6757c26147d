#include <gtest/gtest.h>

#include "core/receipts/amount_in_words.h"

using obole::amount_in_words;

namespace {

std::string fr(int64_t euros, int cents = 0)
{
    return amount_in_words(euros * 100 + cents, "fr");
}
std::string en(int64_t euros, int cents = 0)
{
    return amount_in_words(euros * 100 + cents, "en");
}

} // namespace

TEST(AmountInWords, FrenchExample)
{
    EXPECT_EQ(fr(1234, 56), "mille deux cent trente-quatre euros et cinquante-six centimes");
}

TEST(AmountInWords, FrenchUnitsAndTens)
{
    EXPECT_EQ(fr(0), "zéro euro");
    EXPECT_EQ(fr(1), "un euro");
    EXPECT_EQ(fr(2), "deux euros");
    EXPECT_EQ(fr(16), "seize euros");
    EXPECT_EQ(fr(17), "dix-sept euros");
    EXPECT_EQ(fr(21), "vingt et un euros");
    EXPECT_EQ(fr(22), "vingt-deux euros");
    EXPECT_EQ(fr(61), "soixante et un euros");
    EXPECT_EQ(fr(70), "soixante-dix euros");
    EXPECT_EQ(fr(71), "soixante et onze euros");
    EXPECT_EQ(fr(77), "soixante-dix-sept euros");
    EXPECT_EQ(fr(80), "quatre-vingts euros");
    EXPECT_EQ(fr(81), "quatre-vingt-un euros");
    EXPECT_EQ(fr(90), "quatre-vingt-dix euros");
    EXPECT_EQ(fr(91), "quatre-vingt-onze euros");
    EXPECT_EQ(fr(99), "quatre-vingt-dix-neuf euros");
}

TEST(AmountInWords, FrenchHundredsThousandsMillions)
{
    EXPECT_EQ(fr(100), "cent euros");
    EXPECT_EQ(fr(101), "cent un euros");
    EXPECT_EQ(fr(200), "deux cents euros");
    EXPECT_EQ(fr(201), "deux cent un euros");
    EXPECT_EQ(fr(280), "deux cent quatre-vingts euros");
    EXPECT_EQ(fr(1000), "mille euros");
    EXPECT_EQ(fr(1001), "mille un euros");
    EXPECT_EQ(fr(2000), "deux mille euros");
    EXPECT_EQ(fr(80000), "quatre-vingt mille euros");
    EXPECT_EQ(fr(200000), "deux cent mille euros");
    EXPECT_EQ(fr(1000000), "un million d'euros");
    EXPECT_EQ(fr(2000000), "deux millions d'euros");
    EXPECT_EQ(fr(1200000), "un million deux cent mille euros");
}

TEST(AmountInWords, FrenchCentimes)
{
    EXPECT_EQ(fr(10, 0), "dix euros");
    EXPECT_EQ(fr(10, 1), "dix euros et un centime");
    EXPECT_EQ(fr(10, 80), "dix euros et quatre-vingts centimes");
    EXPECT_EQ(fr(0, 50), "cinquante centimes");
}

TEST(AmountInWords, English)
{
    EXPECT_EQ(en(1234, 56), "one thousand two hundred thirty-four euros and fifty-six cents");
    EXPECT_EQ(en(0), "zero euros");
    EXPECT_EQ(en(1), "one euro");
    EXPECT_EQ(en(21), "twenty-one euros");
    EXPECT_EQ(en(71), "seventy-one euros");
    EXPECT_EQ(en(80), "eighty euros");
    EXPECT_EQ(en(81), "eighty-one euros");
    EXPECT_EQ(en(91), "ninety-one euros");
    EXPECT_EQ(en(100), "one hundred euros");
    EXPECT_EQ(en(200), "two hundred euros");
    EXPECT_EQ(en(1000), "one thousand euros");
    EXPECT_EQ(en(2000), "two thousand euros");
    EXPECT_EQ(en(1000000), "one million euros");
    EXPECT_EQ(en(5, 1), "five euros and one cent");
    EXPECT_EQ(en(0, 15), "fifteen cents");
}
