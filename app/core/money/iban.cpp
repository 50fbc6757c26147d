#include "core/money/iban.h"

#include <algorithm>
#include <cstdio>

#include "core/store/uuid.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

// IBAN lengths of the SEPA scheme's countries and territories.
struct IbanCountry {
    char code[3];
    int length;
};

const IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AL", 28}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"BL", 27}, {"CH", 21}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27}, {"GB", 22}, {"GF", 27}, {"GI", 23},
    {"GP", 27}, {"GR", 27}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MF", 27}, {"MK", 19}, {"MQ", 27}, {"MT", 31},
    {"NL", 18}, {"NO", 15}, {"PL", 28}, {"PM", 27}, {"PT", 25}, {"RE", 27}, {"RO", 24}, {"SE", 24}, {"SI", 19},
    {"SK", 24}, {"SM", 27}, {"VA", 22}, {"YT", 27},
};

int iban_length_for(std::string_view country)
{
    for (const IbanCountry& c : kIbanCountries)
        if (country == c.code)
            return c.length;
    return 0;
}

bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool is_separator(std::string_view text, size_t i, size_t* width)
{
    *width = 1;
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '-')
        return true;
    if (text.substr(i, 2) == "\xC2\xA0") {
        *width = 2;
        return true;
    }
    if (text.substr(i, 3) == "\xE2\x80\xAF") {
        *width = 3;
        return true;
    }
    return false;
}

// Uppercase letters and digits without separators. On another character,
// returns its 1-based position among the kept characters (0 when all good).
int compact_upper(std::string_view text, std::string* out)
{
    for (size_t i = 0; i < text.size();) {
        size_t width = 1;
        if (is_separator(text, i, &width)) {
            i += width;
            continue;
        }
        char c = text[i];
        if (c >= 'a' && c <= 'z')
            c = char(c - 32);
        if (!is_upper(c) && !is_digit(c))
            return int(out->size()) + 1;
        out->push_back(c);
        ++i;
    }
    return 0;
}

// ISO 7064 mod 97-10: the first four characters move to the end, letters
// read as 10..35, and a valid IBAN leaves remainder 1. Digit by digit.
unsigned mod97(const std::string& iban)
{
    unsigned remainder = 0;
    for (size_t k = 0; k < iban.size(); ++k) {
        char c = iban[(k + 4) % iban.size()];
        if (is_digit(c))
            remainder = (remainder * 10 + unsigned(c - '0')) % 97;
        else
            remainder = (remainder * 100 + unsigned(c - 'A' + 10)) % 97;
    }
    return remainder;
}

// Positions (1-based) where one other character of the same kind (digit for
// digit, letter for letter), or a swap with the next character, makes the
// checksum right. The country code is not suspected: it was recognised.
std::vector<int> checksum_suspects(std::string iban)
{
    std::vector<int> out;
    auto add = [&](int p) {
        if (out.empty() || out.back() != p)
            out.push_back(p);
    };
    for (size_t i = 2; i < iban.size(); ++i) {
        const char original = iban[i];
        const char first = is_digit(original) ? '0' : 'A', last = is_digit(original) ? '9' : 'Z';
        for (char c = first; c <= last; ++c) {
            if (c == original)
                continue;
            iban[i] = c;
            if (mod97(iban) == 1) {
                add(int(i) + 1);
                break;
            }
        }
        iban[i] = original;
        if (i + 1 < iban.size() && iban[i + 1] != original) {
            std::swap(iban[i], iban[i + 1]);
            bool fixes = mod97(iban) == 1;
            std::swap(iban[i], iban[i + 1]);
            if (fixes) {
                add(int(i) + 1);
                add(int(i) + 2);
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

IbanCheck refused(const char* code, const char* message)
{
    IbanCheck c;
    c.problem.code = code;
    c.problem.message = message;
    return c;
}

std::string suspects_text(const std::vector<int>& suspects, const char* or_word)
{
    std::string s;
    for (size_t k = 0; k < suspects.size(); ++k) {
        if (k > 0)
            s += k + 1 == suspects.size() ? std::string(" ") + or_word + " " : ", ";
        s += std::to_string(suspects[k]);
    }
    return s;
}

} // namespace

IbanCheck check_iban(std::string_view text)
{
    text = trim_spaces(text);
    if (text.empty())
        return refused("iban.empty", "Enter an IBAN.");
    std::string iban;
    if (int bad = compact_upper(text, &iban)) {
        IbanCheck c = refused("iban.invalid_char", "Character %d is not a letter or a digit.");
        c.problem.position = bad;
        return c;
    }
    if (iban.size() < 4 || !is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) || !is_digit(iban[3]))
        return refused("iban.bad_start", "An IBAN starts with a country code and two check digits, like FR76.");
    const std::string country = iban.substr(0, 2);
    const int expected = iban_length_for(country);
    if (expected == 0) {
        IbanCheck c = refused("iban.unknown_country", "%s is not the country code of a SEPA country.");
        c.problem.country = country;
        return c;
    }
    if (int(iban.size()) != expected) {
        IbanCheck c = refused("iban.wrong_length", "%s IBANs have %d characters, this one has %d.");
        c.problem.country = country;
        c.problem.expected_length = expected;
        c.problem.actual_length = int(iban.size());
        return c;
    }
    if (mod97(iban) != 1) {
        IbanCheck c =
            refused("iban.bad_check_digits", "The check digits do not match: a character is probably mistyped.");
        c.problem.country = country;
        c.problem.suspects = checksum_suspects(iban);
        const std::vector<int>& s = c.problem.suspects;
        if (!s.empty() && (s.front() - 1) / 4 == (s.back() - 1) / 4) {
            c.problem.group = (s.front() - 1) / 4 + 1;
            c.problem.message = "The check digits do not match: look at group %d of the IBAN (characters %d to %d).";
        }
        if (s.size() == 1)
            c.problem.message = "The check digits do not match: character %s is probably mistyped.";
        else if (!s.empty() && s.size() <= 3 && c.problem.group == 0)
            c.problem.message = "The check digits do not match: look at characters %s.";
        return c;
    }
    IbanCheck c;
    c.ok = true;
    c.iban = std::move(iban);
    return c;
}

std::string describe_iban_problem(const IbanProblem& p, const std::function<const char*(const char*)>& translate)
{
    auto tr = [&](const char* english) { return translate ? translate(english) : english; };
    const char* t = tr(p.message.c_str());
    char buf[256];
    if (p.code == "iban.invalid_char")
        std::snprintf(buf, sizeof buf, t, p.position);
    else if (p.code == "iban.unknown_country")
        std::snprintf(buf, sizeof buf, t, p.country.c_str());
    else if (p.code == "iban.wrong_length")
        std::snprintf(buf, sizeof buf, t, p.country.c_str(), p.expected_length, p.actual_length);
    else if (p.code == "iban.bad_check_digits" && p.suspects.size() == 1)
        std::snprintf(buf, sizeof buf, t, std::to_string(p.suspects[0]).c_str());
    else if (p.code == "iban.bad_check_digits" && p.group > 0)
        std::snprintf(buf, sizeof buf, t, p.group, (p.group - 1) * 4 + 1, p.group * 4);
    else if (p.code == "iban.bad_check_digits" && !p.suspects.empty() && p.suspects.size() <= 3)
        std::snprintf(buf, sizeof buf, t, suspects_text(p.suspects, tr("or")).c_str());
    else
        return t;
    return buf;
}

std::string iban_with_check_digits(std::string_view country, std::string_view bban)
{
    std::string iban = std::string(country) + "00" + std::string(bban);
    const unsigned check = 98 - mod97(iban);
    iban[2] = char('0' + check / 10);
    iban[3] = char('0' + check % 10);
    return iban;
}

std::string format_iban(std::string_view compact)
{
    std::string out;
    for (size_t i = 0; i < compact.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += ' ';
        out += compact[i];
    }
    return out;
}

std::string masked_compact_iban(std::string_view compact)
{
    std::string masked(compact);
    for (size_t i = 4; i + 4 < masked.size(); ++i)
        masked[i] = '*';
    return masked;
}

bool is_masked_iban(std::string_view compact)
{
    return compact.find('*') != std::string_view::npos;
}

std::string mask_iban(std::string_view compact)
{
    return format_iban(masked_compact_iban(compact));
}

Result<std::string> validate_bic(std::string_view text)
{
    text = trim_spaces(text);
    if (text.empty())
        return fail("bic.empty", "Enter a BIC.", "bic");
    std::string bic;
    if (compact_upper(text, &bic) != 0)
        return fail("bic.invalid_chars", "A BIC contains only letters and digits.", "bic");
    if (bic.size() != 8 && bic.size() != 11)
        return fail("bic.wrong_length", "A BIC has 8 or 11 characters.", "bic");
    for (size_t k = 0; k < 4; ++k)
        if (!is_upper(bic[k]))
            return fail("bic.bad_bank", "A BIC starts with four letters (the bank).", "bic");
    if (!is_upper(bic[4]) || !is_upper(bic[5]))
        return fail("bic.bad_country", "Characters 5 and 6 of a BIC are letters (the country).", "bic");
    return bic; // location and branch: letters or digits, already checked
}

std::string mandate_rum(std::string_view mandate_uuid)
{
    UuidBytes bytes;
    if (!uuid_to_blob(mandate_uuid, &bytes))
        return {};
    // Crockford's alphabet: no I, L, O, U, so nothing reads as 1, 0 or a rude word.
    static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string out = "OBOLE";
    unsigned buffer = 0;
    int bits = 0;
    for (uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0)
        out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out;
}

// The earlier interface, kept for its callers: the same checks, with messages
// that carry no values.
Result<std::string> validate_iban(std::string_view text)
{
    IbanCheck c = check_iban(text);
    if (c.ok)
        return c.iban;
    const std::string& code = c.problem.code;
    if (code == "iban.empty")
        return fail(code, "Enter an IBAN.", "iban");
    if (code == "iban.invalid_char")
        return fail("iban.invalid_chars", "An IBAN contains only letters and digits.", "iban");
    if (code == "iban.bad_start")
        return fail("iban.unknown_country", "An IBAN starts with a country code and two check digits, like FR76.",
                    "iban");
    if (code == "iban.unknown_country")
        return fail(code, "This IBAN's country is not part of the SEPA area.", "iban");
    if (code == "iban.wrong_length")
        return fail(code, "The IBAN does not have the right number of characters for its country.", "iban");
    return fail("iban.bad_check_digits", "The IBAN check digits do not match: a character is probably mistyped.",
                "iban");
}

bool is_valid_bic(std::string_view text)
{
    return validate_bic(text).ok();
}

} // namespace obole
