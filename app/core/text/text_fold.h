// Text folding for search: makes "Hélène", "HELENE" and "helene" equal, and
// turns punctuation into word breaks, so search matches what people type.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace obole {

// Lowercases Latin, Greek and Cyrillic (ё→е); strips the diacritics of
// Latin-1 Supplement and Latin Extended-A (é→e, Ç→c, œ→oe, æ→ae, ß→ss);
// maps full-width ASCII (U+FF01..FF5E) to ASCII; turns apostrophes, hyphens,
// punctuation, symbols and every kind of space into one space; trims.
// Japanese and other scripts pass through unchanged. Invalid UTF-8 bytes
// become spaces, so the output is always valid UTF-8.
std::string fold_for_search(std::string_view utf8);

// Number of code points (continuation bytes are not counted).
size_t utf8_length(std::string_view utf8);

// The ASCII digits of the text, full-width digits included, in order.
std::string digits_only(std::string_view text);

// Trims ASCII whitespace, NBSP (U+00A0), narrow NBSP (U+202F) and the
// ideographic space (U+3000) from both ends.
std::string_view trim_spaces(std::string_view text);

// True when the code point at the start of `utf8` is a CJK ideograph, kana
// or hangul (scripts written without spaces between words).
bool starts_with_cjk(std::string_view utf8);

} // namespace obole
