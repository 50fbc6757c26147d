#include <gtest/gtest.h>

#include <set>

#include "core/money/iban.h"
#include "core/store/uuid.h"

using namespace obole;

TEST(CheckIban, AcceptsValidIbansOfSeveralCountries)
{
    const char* valid[] = {
        "FR14 2004 1010 0505 0001 3M02 606",
        "DE89370400440532013000",
        "GB82 WEST 1234 5698 7654 32",
        "BE68539007547034",
        "nl91abna0417164300",
        "IT60X0542811101000000123456",
        "ES9121000418450200051332",
        "CH9300762011623852957",
    };
    for (const char* text : valid) {
        IbanCheck c = check_iban(text);
        EXPECT_TRUE(c.ok) << text << ": " << c.problem.code;
    }
    EXPECT_EQ(check_iban(" fr14 2004 1010 0505 0001 3m02 606 ").iban, "FR1420041010050500013M02606");
}

TEST(CheckIban, EmptyAndBadStart)
{
    EXPECT_EQ(check_iban("   ").problem.code, "iban.empty");
    EXPECT_EQ(check_iban("1234567").problem.code, "iban.bad_start");
    EXPECT_EQ(check_iban("FRAB").problem.code, "iban.bad_start");
}

TEST(CheckIban, UnknownCountryIsNamed)
{
    IbanCheck c = check_iban("US64SVBKUS6S3300958879");
    EXPECT_EQ(c.problem.code, "iban.unknown_country");
    EXPECT_EQ(describe_iban_problem(c.problem), "US is not the country code of a SEPA country.");
}

TEST(CheckIban, WrongLengthGivesTheCountrysLength)
{
    IbanCheck c = check_iban("FR14 2004 1010 0505 0001 3M02 60");
    EXPECT_FALSE(c.ok);
    EXPECT_EQ(c.problem.code, "iban.wrong_length");
    EXPECT_EQ(describe_iban_problem(c.problem), "FR IBANs have 27 characters, this one has 26.");
    EXPECT_EQ(describe_iban_problem(check_iban("DE8937040044053201300012").problem),
              "DE IBANs have 22 characters, this one has 24.");
}

TEST(CheckIban, InvalidCharacterPositionIgnoresSpaces)
{
    IbanCheck c = check_iban("FR14 2004 1010 05/5 0001 3M02 606");
    EXPECT_EQ(c.problem.code, "iban.invalid_char");
    EXPECT_EQ(c.problem.position, 15);
    EXPECT_EQ(describe_iban_problem(c.problem), "Character 15 is not a letter or a digit.");
    EXPECT_EQ(check_iban("FR14é004").problem.position, 5);
}

TEST(CheckIban, ChecksumFailureSuspectsTheMistypedCharacter)
{
    // Each single-character typo of a valid IBAN is caught, and its position
    // is among the suspects the message points to.
    const std::string good = "FR1420041010050500013M02606";
    for (size_t i = 4; i < good.size(); ++i) {
        std::string typo = good;
        typo[i] = typo[i] == '9' ? '8' : typo[i] == 'M' ? 'N' : char(typo[i] + 1);
        IbanCheck c = check_iban(typo);
        ASSERT_FALSE(c.ok) << typo;
        EXPECT_EQ(c.problem.code, "iban.bad_check_digits") << typo;
        const std::vector<int>& s = c.problem.suspects;
        EXPECT_NE(std::find(s.begin(), s.end(), int(i) + 1), s.end()) << typo;
        EXPECT_FALSE(describe_iban_problem(c.problem).empty());
    }
    // Two swapped neighbours are caught too.
    IbanCheck swapped = check_iban("DE89370400440532031000");
    EXPECT_EQ(swapped.problem.code, "iban.bad_check_digits");
    const std::vector<int>& s = swapped.problem.suspects;
    EXPECT_NE(std::find(s.begin(), s.end(), 18), s.end());
}

TEST(CheckIban, ChecksumMessageNamesAPositionOrAGroup)
{
    IbanProblem one;
    one.code = "iban.bad_check_digits";
    one.message = "The check digits do not match: character %s is probably mistyped.";
    one.suspects = {12};
    EXPECT_EQ(describe_iban_problem(one), "The check digits do not match: character 12 is probably mistyped.");
    IbanProblem group = one;
    group.suspects = {9, 11};
    group.group = 3;
    group.message = "The check digits do not match: look at group %d of the IBAN (characters %d to %d).";
    EXPECT_EQ(describe_iban_problem(group),
              "The check digits do not match: look at group 3 of the IBAN (characters 9 to 12).");
    // And through check_iban: the message always matches the suspects found.
    IbanCheck c = check_iban("BE68539007547035");
    ASSERT_EQ(c.problem.code, "iban.bad_check_digits");
    std::string text = describe_iban_problem(c.problem);
    if (c.problem.suspects.size() == 1) {
        EXPECT_NE(text.find(std::to_string(c.problem.suspects[0])), std::string::npos) << text;
    }
}

TEST(CheckIban, TranslatesTheTemplate)
{
    IbanCheck c = check_iban("FR14");
    std::string text = describe_iban_problem(c.problem, [](const char*) { return "IBAN %s : %d au lieu de %d."; });
    EXPECT_EQ(text, "IBAN FR : 27 au lieu de 4.");
}

TEST(IbanDisplay, GroupsAndMasks)
{
    EXPECT_EQ(format_iban("FR1420041010050500013M02606"), "FR14 2004 1010 0505 0001 3M02 606");
    EXPECT_EQ(mask_iban("FR1420041010050500013M02606"), "FR14 **** **** **** **** ***2 606");
}

TEST(ValidateBic, FormatAndErrors)
{
    EXPECT_EQ(validate_bic(" bnpa fr pp ").value(), "BNPAFRPP");
    EXPECT_EQ(validate_bic("DEUTDEFF500").value(), "DEUTDEFF500");
    EXPECT_EQ(validate_bic("").error().code, "bic.empty");
    EXPECT_EQ(validate_bic("BNPAFRP").error().code, "bic.wrong_length");
    EXPECT_EQ(validate_bic("BNPAFRPPXX").error().code, "bic.wrong_length");
    EXPECT_EQ(validate_bic("BNP1FRPP").error().code, "bic.bad_bank");
    EXPECT_EQ(validate_bic("BNPAF1PP").error().code, "bic.bad_country");
    EXPECT_EQ(validate_bic("BNPA/RPP").error().code, "bic.invalid_chars");
    EXPECT_EQ(validate_bic("BNPAF1PP").error().field, "bic");
}

TEST(MandateRum, PrefixAndCrockfordBase32OfTheUuid)
{
    std::string rum = mandate_rum("00000000-0000-7000-8000-000000000000");
    EXPECT_EQ(rum.size(), 31u);
    EXPECT_EQ(rum.substr(0, 5), "OBOLE");
    EXPECT_EQ(rum, "OBOLE0000000001R010000000000000");
    EXPECT_EQ(mandate_rum("not a uuid"), "");
}

TEST(MandateRum, UniqueAndWithinSepaCharacters)
{
    std::set<std::string> seen;
    for (int k = 0; k < 2000; ++k) {
        std::string rum = mandate_rum(new_uuid_v7());
        ASSERT_EQ(rum.size(), 31u);
        for (char c : rum)
            ASSERT_TRUE((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) << rum;
        EXPECT_TRUE(seen.insert(rum).second) << rum;
    }
}

TEST(IbanWithCheckDigits, MakesValidIbans)
{
    EXPECT_EQ(iban_with_check_digits("DE", "370400440532013000"), "DE89370400440532013000");
    EXPECT_EQ(iban_with_check_digits("FR", "20041010050500013M02606"), "FR1420041010050500013M02606");
    EXPECT_TRUE(check_iban(iban_with_check_digits("BE", "539007547034")).ok);
}
