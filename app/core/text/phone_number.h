// Phone numbers as people type them (national or international, any
// spacing), kept in E.164 so the same number is always written the same way.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

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

} // namespace obole
