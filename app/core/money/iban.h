// Bank details of SEPA direct debits: the IBAN (with a message precise enough
// to find the typo), the BIC, and the mandate's reference (RUM).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace obole {

// Why an IBAN is refused, with the values its message needs. `message` is an
// English template (a translation key) whose printf slots depend on `code`:
//   iban.empty            "Enter an IBAN."
//   iban.invalid_char     position (%d)
//   iban.bad_start        -
//   iban.unknown_country  country (%s)
//   iban.wrong_length     country (%s), expected (%d), actual (%d)
//   iban.bad_check_digits -, or suspects (%s, "12" or "5, 12 or 20"), or group (%d)
// describe_iban_problem() fills them in.
struct IbanProblem {
    std::string code, message;
    std::string country;
    int expected_length = 0, actual_length = 0;
    int position = 0;          // 1-based, in the IBAN as typed without spaces
    std::vector<int> suspects; // 1-based positions where one mistyped character explains the checksum
    int group = 0;             // 1-based group of four (as IBANs are printed) holding every suspect
};

struct IbanCheck {
    bool ok = false;
    std::string iban; // compact, upper case (when ok)
    IbanProblem problem;
};

// Removes spaces (and dashes, NBSPs), upper-cases, checks the country (SEPA
// countries), that country's length and the ISO 7064 mod 97-10 check digits.
// On a checksum failure, names the characters one substitution or one swap of
// neighbours would fix, so the person knows where to look.
IbanCheck check_iban(std::string_view text);

// The problem's message with its values; `translate` turns the English
// template into the reader's language (the UI passes tr()).
std::string describe_iban_problem(const IbanProblem& problem,
                                  const std::function<const char*(const char*)>& translate = {});

// Strips spaces, uppercases, checks the country's length (SEPA countries)
// and the ISO 7064 mod 97-10 check digits. Returns the compact IBAN.
// Codes: iban.empty, iban.invalid_chars, iban.unknown_country,
// iban.wrong_length, iban.bad_check_digits.
Result<std::string> validate_iban(std::string_view text);

// "FR76 3000 6000 0112 3456 7890 189" (groups of four).
std::string format_iban(std::string_view compact);
// Only the country, check digits and last four characters:
// "FR76 **** **** **** **** ***0 189".
std::string mask_iban(std::string_view compact);
// The same, compact: "FR76*******************0189", what a device whose role
// may not see account numbers holds instead (sync/protocol/access.h).
std::string masked_compact_iban(std::string_view compact);
// An IBAN masked so (it cannot be collected from, nor shown whole).
bool is_masked_iban(std::string_view compact);

// A valid IBAN from a country code and a BBAN (the national account number,
// letters and digits): the two check digits are computed (demo data, tests).
std::string iban_with_check_digits(std::string_view country, std::string_view bban);

// 8 or 11 characters AAAABBCC(DDD): bank (4 letters), country (2 letters),
// location (2 letters/digits), optional branch (3 letters/digits). Spaces and
// case ignored; returns the compact upper-case BIC. Codes: bic.empty,
// bic.wrong_length, bic.bad_bank, bic.bad_country, bic.invalid_chars.
Result<std::string> validate_bic(std::string_view text);

// The same check as a yes or no.
bool is_valid_bic(std::string_view text);

// The mandate's unique reference (RUM): "OBOLE" + the mandate's UUID in
// Crockford base32 (26 characters, 31 in all, within SEPA's 35). Devices
// offline make unique references without asking anyone. "" for a bad UUID.
std::string mandate_rum(std::string_view mandate_uuid);

} // namespace obole
