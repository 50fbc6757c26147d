#include "core/text/phone_number.h"

#include <cstring>

#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace obole {

namespace {

// Enough of the numbering plans for the associations we serve. `trunk` is the
// digit dialled before a national number (0 in France, 8 in Russia), '\0'
// when there is none; nsn = national significant number (without trunk).
struct CountryPlan {
    const char* iso;
    const char* code;
    char trunk;
    int min_nsn, max_nsn;
};

const CountryPlan kPlans[] = {
    {"FR", "33", '0', 9, 9},     {"BE", "32", '0', 8, 9},  {"CH", "41", '0', 9, 9},   {"LU", "352", '\0', 4, 11},
    {"MC", "377", '\0', 8, 9},   {"DE", "49", '0', 6, 13}, {"ES", "34", '\0', 9, 9},  {"IT", "39", '\0', 6, 11},
    {"PT", "351", '\0', 9, 9},   {"GB", "44", '0', 9, 10}, {"IE", "353", '0', 7, 9},  {"NL", "31", '0', 9, 9},
    {"AT", "43", '0', 4, 13},    {"PL", "48", '\0', 9, 9}, {"RU", "7", '8', 10, 10},  {"UA", "380", '0', 9, 9},
    {"JP", "81", '0', 9, 10},    {"CN", "86", '0', 8, 11}, {"US", "1", '\0', 10, 10}, {"CA", "1", '\0', 10, 10},
    {"MA", "212", '0', 9, 9},    {"DZ", "213", '0', 8, 9}, {"TN", "216", '\0', 8, 8}, {"SN", "221", '\0', 9, 9},
    {"CI", "225", '\0', 10, 10},
};

const CountryPlan* plan_for_iso(std::string_view iso)
{
    for (const CountryPlan& p : kPlans)
        if (iso == p.iso)
            return &p;
    return nullptr;
}

// The plan whose country code starts `digits` (codes are prefix-free).
const CountryPlan* plan_for_digits(std::string_view digits)
{
    for (const CountryPlan& p : kPlans)
        if (digits.substr(0, std::strlen(p.code)) == p.code)
            return &p;
    return nullptr;
}

Error phone_error(const char* code, const char* message)
{
    return fail(code, message, "phone");
}

} // namespace

Result<std::string> normalize_phone(std::string_view text, std::string_view default_country)
{
    text = trim_spaces(text);
    if (text.empty())
        return phone_error("phone.empty", "Enter a phone number.");

    bool plus = false;
    std::string digits;
    size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp = 0;
        if (!utf8_next(text, &pos, &cp))
            return phone_error("phone.invalid_chars", "A phone number contains only digits, spaces and a leading +.");
        if (cp >= 0xFF01 && cp <= 0xFF5E) // full-width digits and signs
            cp -= 0xFEE0;
        if (cp >= '0' && cp <= '9')
            digits.push_back(char(cp));
        else if (cp == '+' && digits.empty() && !plus)
            plus = true;
        else if (!(cp == ' ' || cp == '.' || cp == '-' || cp == '/' || cp == '(' || cp == ')' || cp == 0xA0 ||
                   cp == 0x202F || cp == 0x2011 || cp == 0x2013))
            return phone_error("phone.invalid_chars", "A phone number contains only digits, spaces and a leading +.");
    }
    if (digits.empty())
        return phone_error("phone.too_short", "The phone number is too short.");

    std::string e164; // digits only, without '+'
    if (plus || digits.compare(0, 2, "00") == 0) {
        e164 = plus ? digits : digits.substr(2);
        if (const CountryPlan* p = plan_for_digits(e164)) {
            // "+33 (0)6 12 34 56 78": drop the national trunk digit written after the code.
            size_t cc = std::strlen(p->code);
            std::string nsn = e164.substr(cc);
            if (p->trunk && !nsn.empty() && nsn[0] == p->trunk && int(nsn.size()) == p->max_nsn + 1)
                e164 = std::string(p->code) + nsn.substr(1);
        }
    } else {
        const CountryPlan* p = plan_for_iso(default_country);
        if (!p)
            return phone_error("phone.unknown_country", "Write the number in international form, starting with +.");
        std::string nsn = digits;
        if (p->trunk && nsn[0] == p->trunk)
            nsn.erase(0, 1);
        e164 = std::string(p->code) + nsn;
    }

    if (e164.size() < 8)
        return phone_error("phone.too_short", "The phone number is too short.");
    if (e164.size() > 15)
        return phone_error("phone.too_long", "The phone number is too long.");
    if (const CountryPlan* p = plan_for_digits(e164)) {
        int nsn = int(e164.size() - std::strlen(p->code));
        if (nsn < p->min_nsn || nsn > p->max_nsn)
            return phone_error("phone.wrong_length",
                               "The phone number has the wrong number of digits for its country.");
    }
    return "+" + e164;
}

std::string national_phone_digits(std::string_view e164)
{
    if (e164.size() < 2 || e164[0] != '+')
        return {};
    std::string_view digits = e164.substr(1);
    const CountryPlan* p = plan_for_digits(digits);
    if (!p)
        return {};
    std::string out;
    if (p->trunk)
        out.push_back(p->trunk);
    out.append(digits.substr(std::strlen(p->code)));
    return out;
}

const char* phone_kind(std::string_view e164)
{
    auto starts = [&](const char* prefix) { return e164.substr(0, std::strlen(prefix)) == prefix; };
    if (starts("+336") || starts("+337") || starts("+79") || starts("+8170") || starts("+8180") || starts("+8190"))
        return "mobile";
    return "landline";
}

} // namespace obole
