#include "core/receipts/amount_in_words.h"

namespace obole {

namespace {

const char* const kFrUnits[] = {"zéro",     "un",     "deux",  "trois",    "quatre",   "cinq",    "six",
                                "sept",     "huit",   "neuf",  "dix",      "onze",     "douze",   "treize",
                                "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"};
const char* const kFrTens[] = {"", "", "vingt", "trente", "quarante", "cinquante", "soixante"};

// `last`: nothing follows in the number, so "quatre-vingts" keeps its s
// (it loses it before "mille", which is invariable, as in "quatre-vingt mille").
std::string fr_below_100(int n, bool last)
{
    if (n < 20)
        return kFrUnits[n];
    const int tens = n / 10, unit = n % 10;
    if (tens <= 6) {
        std::string word = kFrTens[tens];
        if (unit == 0)
            return word;
        return word + (unit == 1 ? " et un" : std::string("-") + kFrUnits[unit]);
    }
    if (tens == 7)
        return unit == 1 ? "soixante et onze" : std::string("soixante-") + kFrUnits[10 + unit];
    if (tens == 8)
        return unit == 0 ? (last ? "quatre-vingts" : "quatre-vingt") : std::string("quatre-vingt-") + kFrUnits[unit];
    return std::string("quatre-vingt-") + kFrUnits[10 + unit];
}

std::string fr_below_1000(int n, bool last)
{
    const int hundreds = n / 100, rest = n % 100;
    std::string out;
    if (hundreds == 1)
        out = "cent";
    else if (hundreds > 1)
        out = std::string(kFrUnits[hundreds]) + (rest == 0 && last ? " cents" : " cent");
    if (rest != 0 || hundreds == 0)
        out += (out.empty() ? "" : " ") + fr_below_100(rest, last);
    return out;
}

std::string fr_number(int64_t n)
{
    if (n == 0)
        return "zéro";
    const int millions = int(n / 1000000), thousands = int(n / 1000 % 1000), rest = int(n % 1000);
    std::string out;
    auto add = [&out](const std::string& words) { out += (out.empty() ? "" : " ") + words; };
    // "million" is a noun: it takes an s, and the number before it keeps its own.
    if (millions)
        add(fr_below_1000(millions, true) + (millions > 1 ? " millions" : " million"));
    if (thousands)
        add(thousands == 1 ? "mille" : fr_below_1000(thousands, false) + " mille");
    if (rest)
        add(fr_below_1000(rest, true));
    return out;
}

std::string fr_amount(int64_t cents)
{
    const int64_t euros = cents / 100;
    const int centimes = int(cents % 100);
    std::string out;
    if (euros > 0 || centimes == 0) {
        // "un million d'euros": a round million takes "de".
        const bool of = euros >= 1000000 && euros % 1000000 == 0;
        out = fr_number(euros) + (of ? " d'euros" : euros > 1 ? " euros" : " euro");
    }
    if (centimes > 0)
        out += (out.empty() ? "" : " et ") + fr_number(centimes) + (centimes > 1 ? " centimes" : " centime");
    return out;
}

const char* const kEnUnits[] = {"zero",     "one",     "two",     "three",     "four",     "five",    "six",
                                "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
                                "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
const char* const kEnTens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

std::string en_below_1000(int n)
{
    std::string out;
    if (n >= 100)
        out = std::string(kEnUnits[n / 100]) + " hundred";
    const int rest = n % 100;
    if (rest == 0)
        return out;
    if (!out.empty())
        out += " ";
    if (rest < 20)
        return out + kEnUnits[rest];
    out += kEnTens[rest / 10];
    if (rest % 10)
        out += std::string("-") + kEnUnits[rest % 10];
    return out;
}

std::string en_number(int64_t n)
{
    if (n == 0)
        return "zero";
    const int millions = int(n / 1000000), thousands = int(n / 1000 % 1000), rest = int(n % 1000);
    std::string out;
    auto add = [&out](const std::string& words) { out += (out.empty() ? "" : " ") + words; };
    if (millions)
        add(en_below_1000(millions) + " million");
    if (thousands)
        add(en_below_1000(thousands) + " thousand");
    if (rest)
        add(en_below_1000(rest));
    return out;
}

std::string en_amount(int64_t cents)
{
    const int64_t euros = cents / 100;
    const int rest = int(cents % 100);
    std::string out;
    if (euros > 0 || rest == 0)
        out = en_number(euros) + (euros == 1 ? " euro" : " euros");
    if (rest > 0)
        out += (out.empty() ? "" : " and ") + en_number(rest) + (rest == 1 ? " cent" : " cents");
    return out;
}

} // namespace

std::string amount_in_words(int64_t cents, std::string_view lang)
{
    if (cents < 0)
        cents = 0;
    cents %= 100000000000; // below a billion euros
    return lang == "fr" ? fr_amount(cents) : en_amount(cents);
}

} // namespace obole
