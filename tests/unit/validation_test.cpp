#include <gtest/gtest.h>

#include "core/money/iban.h"
#include "core/text/email_address.h"
#include "core/text/person_name.h"
#include "core/text/phone_number.h"

using namespace obole;

namespace {
template <class F>
std::string outcome(F&& f)
{
    auto r = f();
    return r.ok() ? r.value() : r.error().code;
}
std::string email(const char* t)
{
    return outcome([&] { return validate_email(t); });
}
std::string phone(const char* t, const char* country = "FR")
{
    return outcome([&] { return normalize_phone(t, country); });
}
std::string name(const std::string& t)
{
    return outcome([&] { return validate_person_name(t); });
}
std::string iban(const char* t)
{
    return outcome([&] { return validate_iban(t); });
}
} // namespace

TEST(ValidateEmail, NormalizesDomainKeepsLocalPart)
{
    EXPECT_EQ(email(" Helene.Dupont@GMAIL.Com "), "Helene.Dupont@gmail.com");
    EXPECT_EQ(email("élodie+asso@exemple.fr"), "élodie+asso@exemple.fr");
    EXPECT_EQ(email("ivan@почта.рф"), "ivan@почта.рф");
}

TEST(ValidateEmail, ExplainsWhatIsWrong)
{
    EXPECT_EQ(email(""), "email.empty");
    EXPECT_EQ(email("helene"), "email.missing_at");
    EXPECT_EQ(email("a b@c.fr"), "email.has_spaces");
    EXPECT_EQ(email("@gmail.com"), "email.bad_local_part");
    EXPECT_EQ(email("a..b@c.fr"), "email.bad_local_part");
    EXPECT_EQ(email("a@b"), "email.bad_domain");
    EXPECT_EQ(email("a@-c.fr"), "email.bad_domain");
    EXPECT_EQ(email("a@c.fr."), "email.bad_domain");
    EXPECT_EQ(email("a@c..fr"), "email.bad_domain");
    EXPECT_EQ(email("a@c.f"), "email.bad_domain");
    EXPECT_EQ(validate_email("x").error().field, "email");
}

TEST(NormalizePhone, FrenchInAllFormattings)
{
    EXPECT_EQ(phone("06 12 34 56 78"), "+33612345678");
    EXPECT_EQ(phone("06.12.34.56.78"), "+33612345678");
    EXPECT_EQ(phone("+33 6 12 34 56 78"), "+33612345678");
    EXPECT_EQ(phone("0033 6 12 34 56 78"), "+33612345678");
    EXPECT_EQ(phone("+33 (0)6 12 34 56 78"), "+33612345678");
    EXPECT_EQ(phone("０６１２３４５６７８"), "+33612345678");
    EXPECT_EQ(phone("01 45 67 89 10"), "+33145678910");
}

TEST(NormalizePhone, RussianAndJapanese)
{
    EXPECT_EQ(phone("+7 916 123-45-67"), "+79161234567");
    EXPECT_EQ(phone("8 (916) 123-45-67", "RU"), "+79161234567");
    EXPECT_EQ(phone("+81 90-1234-5678"), "+819012345678");
    EXPECT_EQ(phone("090-1234-5678", "JP"), "+819012345678");
    EXPECT_EQ(phone("03-1234-5678", "JP"), "+81312345678");
}

TEST(NormalizePhone, Rejections)
{
    EXPECT_EQ(phone(""), "phone.empty");
    EXPECT_EQ(phone("06 12 34"), "phone.too_short");
    EXPECT_EQ(phone("06 12 34 56 78 90"), "phone.wrong_length");
    EXPECT_EQ(phone("+7 916 123 45"), "phone.wrong_length");
    EXPECT_EQ(phone("+1234567890123456"), "phone.too_long");
    EXPECT_EQ(phone("06 12 AB 56 78"), "phone.invalid_chars");
    EXPECT_EQ(phone("06 12+34 56 78"), "phone.invalid_chars");
    EXPECT_EQ(phone("0612345678", "XX"), "phone.unknown_country");
    EXPECT_EQ(phone("+999 1234 5678"), "+99912345678"); // unknown plan: only 8..15 digits checked
}

TEST(NormalizePhone, NationalDigitsAndKind)
{
    EXPECT_EQ(national_phone_digits("+33612345678"), "0612345678");
    EXPECT_EQ(national_phone_digits("+79161234567"), "89161234567");
    EXPECT_EQ(national_phone_digits("+819012345678"), "09012345678");
    EXPECT_EQ(national_phone_digits("0612"), "");
    EXPECT_STREQ(phone_kind("+33612345678"), "mobile");
    EXPECT_STREQ(phone_kind("+33145678910"), "landline");
}

TEST(ValidatePersonName, TrimsCollapsesAndLimits)
{
    EXPECT_EQ(name("  Jean   Pierre "), "Jean Pierre");
    EXPECT_EQ(name(""), "");
    EXPECT_EQ(name("山田\xE3\x80\x80太郎"), "山田 太郎");
    EXPECT_EQ(name(std::string(100, 'a')), std::string(100, 'a'));
    std::string accents;
    for (int i = 0; i < 100; ++i)
        accents += "é";
    EXPECT_EQ(name(accents), accents); // 100 code points, 200 bytes
    EXPECT_EQ(name(std::string(101, 'a')), "name.too_long");
    EXPECT_EQ(validate_person_name(std::string(101, 'a')).error().message, "The name is longer than 100 characters.");
    EXPECT_EQ(name("Ann\x01e"), "name.invalid_text");
    EXPECT_EQ(name("Ann\ne"), "name.invalid_text");
    EXPECT_EQ(name("Ann\xC2\x85"), "name.invalid_text"); // C1 control
    EXPECT_EQ(name("Ann\xFF"), "name.invalid_text");
}

TEST(ValidateIban, GoodIbansAreCompactedAndUppercased)
{
    EXPECT_EQ(iban("FR76 3000 6000 0112 3456 7890 189"), "FR7630006000011234567890189");
    EXPECT_EQ(iban("fr7630006000011234567890189"), "FR7630006000011234567890189");
    EXPECT_EQ(iban("DE89 3704 0044 0532 0130 00"), "DE89370400440532013000");
    EXPECT_EQ(iban("GB29 NWBK 6016 1331 9268 19"), "GB29NWBK60161331926819");
    EXPECT_EQ(iban("BE68 5390 0754 7034"), "BE68539007547034");
}

TEST(ValidateIban, SaysWhatIsWrong)
{
    EXPECT_EQ(iban(""), "iban.empty");
    EXPECT_EQ(iban("FR76 3000 6000 0112 3456 7890 188"), "iban.bad_check_digits");
    EXPECT_EQ(iban("FR77 3000 6000 0112 3456 7890 189"), "iban.bad_check_digits");
    EXPECT_EQ(iban("FR76 3000 6000 0112 3456 7890 18"), "iban.wrong_length");
    EXPECT_EQ(iban("US12 3456 7890 1234 5678"), "iban.unknown_country");
    EXPECT_EQ(iban("7630006000011234567890189"), "iban.unknown_country");
    EXPECT_EQ(iban("FR76 3000 6000 0112 3456 7890 18!"), "iban.invalid_chars");
    // Two swapped digits: the classic typing mistake mod 97 catches.
    EXPECT_EQ(iban("FR76 3000 6000 0112 3456 7809 189"), "iban.bad_check_digits");
}

TEST(IsValidBic, ShapeOnly)
{
    EXPECT_TRUE(is_valid_bic("BNPAFRPP"));
    EXPECT_TRUE(is_valid_bic("BNPAFRPPXXX"));
    EXPECT_TRUE(is_valid_bic(" bnpa fr pp "));
    EXPECT_TRUE(is_valid_bic("DEUTDEFF500"));
    EXPECT_FALSE(is_valid_bic("BNP1FRPP"));
    EXPECT_FALSE(is_valid_bic("BNPAFRP"));
    EXPECT_FALSE(is_valid_bic("BNPAFRPPXX"));
    EXPECT_FALSE(is_valid_bic("BNPAFRPP-XX"));
    EXPECT_FALSE(is_valid_bic(""));
}
