// The SEPA creditor identifier (ICS, "identifiant créancier SEPA"): the
// association's name in every direct debit, given by its bank. Its form is
// country (2 letters), check digits (2), creditor business code (3
// characters, "ZZZ" when none) and the national identifier. The check digits
// are ISO 7064 mod 97-10 over the national identifier, then the country and
// "00" (letters as 10..35), the business code left out: so a mistyped
// character is caught before a bank refuses a whole file.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// The identifier in its compact form (capitals, no spaces), or
// ics.empty, ics.bad_country (not a SEPA country), ics.bad_format (length,
// characters), ics.bad_check_digits. Error::field is "ics".
Result<std::string> validate_creditor_id(std::string_view text);

// The check digits ("72") the identifier of this country and national
// identifier must carry: what validate_creditor_id compares.
std::string creditor_id_check_digits(std::string_view country, std::string_view national_id);

} // namespace obole
