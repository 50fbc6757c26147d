// Checks of what people type into member and mandate forms. Each returns the
// normalized value, or an Error whose message tells the person what to fix.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// Trims, lowercases the domain (the local part is kept as typed), and checks
// the shape name@domain.tld. Codes: email.empty, email.has_spaces,
// email.missing_at, email.bad_local_part, email.bad_domain, email.too_long.
Result<std::string> validate_email(std::string_view text);

// Returns E.164 ("+33612345678"). Accepts national numbers for
// default_country (an ISO 3166 alpha-2 code: "06 12 34 56 78" in FR,
// "8 916 123-45-67" in RU, "090-1234-5678" in JP) and international ones
// ("+33 6 12 34 56 78", "0033 6 ...", "+7 ...", "+81 ..."). Spaces, dots,
// dashes, slashes and parentheses are ignored. 8..15 digits in total.
// Codes: phone.empty, phone.invalid_chars, phone.too_short, phone.too_long,
// phone.wrong_length (a known country's length does not match),
// phone.unknown_country (national number for an unsupported default_country).
Result<std::string> normalize_phone(std::string_view text, std::string_view default_country = "FR");

// The national form of an E.164 number's digits ("+33612345678" ->
// "0612345678", "+79161234567" -> "89161234567"); "" when not E.164.
std::string national_phone_digits(std::string_view e164);

// "mobile" or "landline", from the number plan of FR, RU and JP ("landline"
// elsewhere: we cannot tell).
const char* phone_kind(std::string_view e164);

// Trims and collapses runs of spaces. Empty input gives "" (the caller decides
// whether the name is required). Codes: name.invalid_text (invalid UTF-8 or
// control characters), name.too_long (more than 100 code points).
Result<std::string> validate_person_name(std::string_view text);

// Strips spaces, uppercases, checks the country's length (SEPA countries)
// and the ISO 7064 mod 97-10 check digits. Returns the compact IBAN.
// Codes: iban.empty, iban.invalid_chars, iban.unknown_country,
// iban.wrong_length, iban.bad_check_digits.
Result<std::string> validate_iban(std::string_view text);

// "BNPAFRPP" or "BNPAFRPPXXX" (4 letters bank, 2 letters country,
// 2 letters/digits location, optional 3 letters/digits branch); spaces and
// case are ignored.
bool is_valid_bic(std::string_view text);

} // namespace obole
