#include "core/text/registration_number.h"

namespace obole {

namespace {

bool all_digits(const std::string& s, size_t from)
{
    for (size_t i = from; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

} // namespace

std::string compact_registration(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (c != ' ')
            out += c;
    return out;
}

bool is_siren(std::string_view text)
{
    const std::string s = compact_registration(text);
    if (s.size() != 9 || !all_digits(s, 0))
        return false;
    // Luhn, from the rightmost digit: every second one doubled.
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        int d = s[size_t(8 - i)] - '0';
        if (i % 2 == 1)
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
    }
    return sum % 10 == 0;
}

bool is_rna(std::string_view text)
{
    const std::string s = compact_registration(text);
    return s.size() == 10 && s[0] == 'W' && all_digits(s, 1);
}

} // namespace obole
