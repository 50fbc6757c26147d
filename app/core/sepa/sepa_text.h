// Text as SEPA files may carry it. The EPC's interbank rules allow only the
// Latin character set: a-z A-Z 0-9 / - ? : ( ) . , ' + and space; a bank may
// refuse a whole file for one "é". So names are written without accents,
// Cyrillic is transliterated (ISO 9-like, as French banks print Russian
// names), and what has no Latin form (Japanese) is left out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace obole {

// utf8 in the SEPA Latin set, spaces squeezed, at most max_chars characters.
// "" when nothing of it can be written (the caller then names the member
// another way).
std::string sepa_latin(std::string_view utf8, size_t max_chars);

} // namespace obole
