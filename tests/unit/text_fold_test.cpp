#include <gtest/gtest.h>

#include "core/text/text_fold.h"
#include "core/text/utf8.h"

using namespace obole;

TEST(TextFold, LowercasesAndStripsLatinDiacritics)
{
    EXPECT_EQ(fold_for_search("Hélène"), "helene");
    EXPECT_EQ(fold_for_search("HÉLÈNE"), "helene");
    EXPECT_EQ(fold_for_search("François GARÇON"), "francois garcon");
    EXPECT_EQ(fold_for_search("Cœur Æsop Straße"), "coeur aesop strasse");
    EXPECT_EQ(fold_for_search("Gaël Benoît Łukasz Dvořák"), "gael benoit lukasz dvorak");
    EXPECT_EQ(fold_for_search("ÿ Ÿ"), "y y");
}

TEST(TextFold, DecomposedAccentsFoldLikeComposedOnes)
{
    EXPECT_EQ(fold_for_search("He\xCC\x81le\xCC\x80ne"), "helene"); // e + U+0301
}

TEST(TextFold, CyrillicLowercaseAndYo)
{
    EXPECT_EQ(fold_for_search("ИВАН Петров"), "иван петров");
    EXPECT_EQ(fold_for_search("Фёдор Семёнов ЁЛКА"), "федор семенов елка");
    EXPECT_EQ(fold_for_search("ЇЄЎ"), "їєў");
}

TEST(TextFold, JapaneseUnchangedButPunctuationBreaks)
{
    EXPECT_EQ(fold_for_search("山田 太郎"), "山田 太郎");
    EXPECT_EQ(fold_for_search("山田　太郎"), "山田 太郎"); // ideographic space
    EXPECT_EQ(fold_for_search("「佐藤」さくら、"), "佐藤 さくら");
    EXPECT_EQ(fold_for_search("佐々木"), "佐々木");
}

TEST(TextFold, FullWidthAsciiBecomesAscii)
{
    EXPECT_EQ(fold_for_search("ＤＵＰＯＮＴ　０６１２"), "dupont 0612");
}

TEST(TextFold, PunctuationBecomesOneSpace)
{
    EXPECT_EQ(fold_for_search("  Jean-Pierre  d’Alembert-O'Brien "), "jean pierre d alembert o brien");
    EXPECT_EQ(fold_for_search("helene.dupont@gmail.com"), "helene dupont gmail com");
    EXPECT_EQ(fold_for_search("+33 (0)6.12"), "33 0 6 12");
    EXPECT_EQ(fold_for_search("a\xC2\xA0"
                              "b\xE2\x80\xAF"
                              "c—d"),
              "a b c d");
    EXPECT_EQ(fold_for_search(""), "");
    EXPECT_EQ(fold_for_search(" -- "), "");
}

TEST(TextFold, InvalidUtf8BecomesSpaceAndOutputIsValid)
{
    std::string folded = fold_for_search("ab\xFF\xC3"
                                         "cd\xE2\x82");
    EXPECT_EQ(folded, "ab cd");
    EXPECT_TRUE(is_valid_utf8(folded));
}

TEST(TextFold, Utf8LengthCountsCodePoints)
{
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("Hélène"), 6u);
    EXPECT_EQ(utf8_length("山田 太郎"), 5u);
    EXPECT_EQ(utf8_length("\xF0\x9F\x98\x80"), 1u);
}

TEST(TextFold, DigitsOnly)
{
    EXPECT_EQ(digits_only("+33 (0)6 12-34.56"), "3306123456");
    EXPECT_EQ(digits_only("０６ １２"), "0612");
    EXPECT_EQ(digits_only("abc"), "");
}

TEST(TextFold, TrimSpaces)
{
    EXPECT_EQ(trim_spaces("\xC2\xA0 x y\t\xE2\x80\xAF"), "x y");
    EXPECT_EQ(trim_spaces("   "), "");
}

TEST(Utf8, RejectsOverlongSurrogatesAndTruncation)
{
    EXPECT_TRUE(is_valid_utf8("Hélène Иван 山田 😀"));
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xE5\xB1"));         // truncated
}
