#include "core/sepa/creditor_id.h"

#include <cctype>

namespace obole {

namespace {

// The countries of the SEPA scheme (EPC list): ISO 3166 codes.
bool is_sepa_country(std::string_view c)
{
    static const char* const kCountries[] = {
        "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI", "GR", "HR", "HU",
        "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM",
        "VA", "GF", "GP", "MQ", "RE", "YT", "PM", "BL", "MF", "AX", "GG", "JE", "IM", "AL", "MD", "ME", "MK"};
    for (const char* k : kCountries)
        if (c == k)
            return true;
    return false;
}

// Remainder mod 97 of the number the characters spell, letters as 10..35.
int mod97(std::string_view chars)
{
    int r = 0;
    for (char ch : chars) {
        const int v = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0' : ch - 'A' + 10;
        r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
    }
    return r;
}

} // namespace

std::string creditor_id_check_digits(std::string_view country, std::string_view national_id)
{
    std::string chars(national_id);
    chars.append(country).append("00");
    const int check = 98 - mod97(chars);
    return {char('0' + check / 10), char('0' + check % 10)};
}

Result<std::string> validate_creditor_id(std::string_view text)
{
    std::string id;
    for (char ch : text) {
        if (ch == ' ' || ch == '\t')
            continue;
        id += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    if (id.empty())
        return fail("ics.empty", "Enter the creditor identifier (ICS) your bank gave the association.", "ics");
    for (char ch : id)
        if (!std::isalnum(static_cast<unsigned char>(ch)))
            return fail("ics.bad_format",
                        "A creditor identifier holds only letters and digits: country, 2 check digits, a "
                        "3-character business code, then the national identifier.",
                        "ics");
    if (id.size() < 8 || id.size() > 35 || !std::isdigit(static_cast<unsigned char>(id[2])) ||
        !std::isdigit(static_cast<unsigned char>(id[3])))
        return fail("ics.bad_format",
                    "A creditor identifier holds only letters and digits: country, 2 check digits, a "
                    "3-character business code, then the national identifier.",
                    "ics");
    if (!is_sepa_country(id.substr(0, 2)))
        return fail("ics.bad_country", "A creditor identifier starts with the code of a SEPA country (FR, DE, ...).",
                    "ics");
    if (id.substr(2, 2) != creditor_id_check_digits(id.substr(0, 2), id.substr(7)))
        return fail("ics.bad_check_digits",
                    "This creditor identifier's check digits do not match: a character is mistyped.", "ics");
    return id;
}

} // namespace obole
