#include "core/validation.h"

#include "core/text_fold.h"

namespace obole {

namespace {

// IBAN lengths of the SEPA scheme's countries and territories.
struct IbanCountry {
    char code[3];
    int length;
};

const IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AL", 28}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"BL", 27}, {"CH", 21}, {"CY", 28},
    {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27}, {"GB", 22},
    {"GF", 27}, {"GI", 23}, {"GP", 27}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IS", 26},
    {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22},
    {"MF", 27}, {"MK", 19}, {"MQ", 27}, {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28}, {"PM", 27},
    {"PT", 25}, {"RE", 27}, {"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"VA", 22},
    {"YT", 27},
};

int iban_length_for(std::string_view country)
{
    for (const IbanCountry& c : kIbanCountries)
        if (country == c.code)
            return c.length;
    return 0;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Uppercase letters and digits, without spaces (and NBSPs); false on any
// other character.
bool compact_upper(std::string_view text, std::string* out)
{
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '-')
            continue;
        if (text.substr(i, 2) == "\xC2\xA0") { ++i; continue; }
        if (text.substr(i, 3) == "\xE2\x80\xAF") { i += 2; continue; }
        if (c >= 'a' && c <= 'z')
            c = char(c - 32);
        if (!is_upper(c) && !is_digit(c))
            return false;
        out->push_back(c);
    }
    return true;
}

Error iban_error(const char* code, const char* message)
{
    return fail(code, message, "iban");
}

} // namespace

Result<std::string> validate_iban(std::string_view text)
{
    text = trim_spaces(text);
    if (text.empty())
        return iban_error("iban.empty", "Enter an IBAN.");
    std::string iban;
    if (!compact_upper(text, &iban))
        return iban_error("iban.invalid_chars", "An IBAN contains only letters and digits.");
    if (iban.size() < 4 || !is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) || !is_digit(iban[3]))
        return iban_error("iban.unknown_country", "An IBAN starts with a country code and two check digits, like FR76.");
    int expected = iban_length_for(std::string_view(iban).substr(0, 2));
    if (expected == 0)
        return iban_error("iban.unknown_country", "This IBAN's country is not part of the SEPA area.");
    if (int(iban.size()) != expected)
        return iban_error("iban.wrong_length", "The IBAN does not have the right number of characters for its country.");

    // ISO 7064 mod 97-10: move the first four characters to the end, read
    // letters as 10..35, and the remainder must be 1. Computed digit by digit.
    unsigned remainder = 0;
    for (size_t k = 0; k < iban.size(); ++k) {
        char c = iban[(k + 4) % iban.size()];
        if (is_digit(c))
            remainder = (remainder * 10 + unsigned(c - '0')) % 97;
        else
            remainder = (remainder * 100 + unsigned(c - 'A' + 10)) % 97;
    }
    if (remainder != 1)
        return iban_error("iban.bad_check_digits", "The IBAN check digits do not match: a character is probably mistyped.");
    return iban;
}

bool is_valid_bic(std::string_view text)
{
    std::string bic;
    if (!compact_upper(trim_spaces(text), &bic) || (bic.size() != 8 && bic.size() != 11))
        return false;
    for (size_t k = 0; k < 6; ++k)
        if (!is_upper(bic[k]))
            return false;
    return true; // location and branch: letters or digits, already checked
}

} // namespace obole
