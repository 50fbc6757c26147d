#include "core/money/money.h"

#include "core/text/text_fold.h"

namespace obole {

namespace {

Error amount_error(const char* code, const char* message)
{
    return fail(code, message, "amount");
}

// Length of a thousands separator at the start of s: space, NBSP, narrow NBSP.
size_t group_separator(std::string_view s)
{
    if (!s.empty() && s[0] == ' ')
        return 1;
    if (s.substr(0, 2) == "\xC2\xA0")
        return 2;
    if (s.substr(0, 3) == "\xE2\x80\xAF")
        return 3;
    return 0;
}

bool ends_with(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

Result<int64_t> parse_amount_cents(std::string_view text)
{
    text = trim_spaces(text);
    if (ends_with(text, "\xE2\x82\xAC")) // €
        text = trim_spaces(text.substr(0, text.size() - 3));
    else if (ends_with(text, "EUR") || ends_with(text, "eur"))
        text = trim_spaces(text.substr(0, text.size() - 3));
    if (text.empty())
        return amount_error("amount.empty", "Enter an amount.");

    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        text = trim_spaces(text.substr(1));
    }

    // Integer part: digits, optionally in groups of three after the first
    // group. Then one decimal separator ('.' or ',') and the decimals.
    int64_t units = 0;
    int int_digits = 0, group_digits = 0;
    bool grouped = false;
    size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            if (int_digits >= 10) // far beyond the maximum: avoid overflow
                return amount_error("amount.too_large", "The amount must not exceed 1,000,000.00.");
            units = units * 10 + (c - '0');
            ++int_digits;
            ++group_digits;
            ++i;
        } else if (size_t n = group_separator(text.substr(i))) {
            if (int_digits == 0 || (grouped && group_digits != 3) || (!grouped && group_digits > 3))
                return amount_error("amount.not_a_number", "The amount is not a number.");
            grouped = true;
            group_digits = 0;
            i += n;
        } else {
            break;
        }
    }
    if (grouped && group_digits != 3)
        return amount_error("amount.not_a_number", "The amount is not a number.");

    int64_t cents = 0;
    int decimals = 0;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            if (decimals == 2)
                return amount_error("amount.too_many_decimals", "The amount can have at most two decimals.");
            cents = cents * 10 + (text[i] - '0');
            ++decimals;
            ++i;
        }
        if (decimals == 1)
            cents *= 10;
        if (decimals == 0 && int_digits == 0)
            return amount_error("amount.not_a_number", "The amount is not a number.");
    }
    if (i != text.size() || (int_digits == 0 && decimals == 0))
        return amount_error("amount.not_a_number", "The amount is not a number.");

    int64_t total = units * 100 + cents;
    if (negative || total == 0)
        return amount_error("amount.not_positive", "The amount must be greater than zero.");
    if (total > kMaxAmountCents)
        return amount_error("amount.too_large", "The amount must not exceed 1,000,000.00.");
    return total;
}

std::string typed_amount(int64_t cents)
{
    const int64_t frac = cents % 100;
    return std::to_string(cents / 100) + (frac < 10 ? ",0" : ",") + std::to_string(frac);
}

std::string format_money(int64_t cents, std::string_view currency, std::string_view lang)
{
    const bool french_style = lang.substr(0, 2) == "fr" || lang.substr(0, 2) == "ru";
    const char* symbol = nullptr;
    if (currency == "EUR")
        symbol = "\xE2\x82\xAC"; // €
    else if (currency == "USD")
        symbol = "$";
    else if (currency == "GBP")
        symbol = "\xC2\xA3"; // £
    else if (currency == "RUB")
        symbol = "\xE2\x82\xBD"; // ₽
    else if (currency == "JPY")
        symbol = "\xC2\xA5"; // ¥

    bool negative = cents < 0;
    uint64_t magnitude = negative ? uint64_t(0) - uint64_t(cents) : uint64_t(cents);
    std::string units = std::to_string(magnitude / 100);
    unsigned frac = unsigned(magnitude % 100);

    const char* group = french_style ? "\xE2\x80\xAF" : ",";
    std::string number;
    for (size_t k = 0; k < units.size(); ++k) {
        if (k > 0 && (units.size() - k) % 3 == 0)
            number += group;
        number.push_back(units[k]);
    }
    number.push_back(french_style ? ',' : '.');
    number.push_back(char('0' + frac / 10));
    number.push_back(char('0' + frac % 10));

    std::string out = negative ? "-" : "";
    if (french_style) {
        out += number;
        out += "\xC2\xA0"; // no-break space before the symbol
        out += symbol ? std::string(symbol) : std::string(currency);
    } else if (symbol) {
        out += symbol;
        out += number;
    } else {
        out += std::string(currency) + "\xC2\xA0" + number;
    }
    return out;
}

} // namespace obole
