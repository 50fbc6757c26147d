// An amount of euros written out in words, as a tax receipt must show it:
// fr: 1 234,56 € → "mille deux cent trente-quatre euros et cinquante-six
// centimes" (traditional spelling: "vingt et un", "quatre-vingts",
// "quatre-vingt-un", "deux cents" but "deux cent un", "mille" invariable,
// "un million d'euros"); en: "one thousand two hundred thirty-four euros and
// fifty-six cents". Any language but "fr" gets English.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace obole {

// cents: 0 to 999,999,999,99 (below a billion euros).
std::string amount_in_words(int64_t cents, std::string_view lang);

} // namespace obole
