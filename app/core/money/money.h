// Money is an integer number of cents with a currency code; never a double.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

constexpr int64_t kMaxAmountCents = 100000000; // 1,000,000.00

// Parses what a person types into an amount field: "12", "12.5", "12,50",
// "1 234,56" (space, NBSP or narrow NBSP between groups of three digits),
// with an optional trailing "€" or "EUR". Errors: amount.empty,
// amount.not_a_number, amount.too_many_decimals, amount.not_positive,
// amount.too_large. Error::field is "amount".
Result<int64_t> parse_amount_cents(std::string_view text);

// An amount as a person types it into a form, "1234,50": what
// parse_amount_cents reads back to the same cents (a form that starts from a
// stored amount, a gift posted from a batch line, the demo's entries).
std::string typed_amount(int64_t cents);

// fr (and ru): "1 234,56 €" with U+202F between groups and U+00A0 before the
// symbol; en (and any other language): "€1,234.56". EUR, USD, GBP, RUB and
// JPY have symbols; other currencies show their code ("1 234,56 CHF", "CHF 1,234.56").
std::string format_money(int64_t cents, std::string_view currency, std::string_view lang);

} // namespace obole
