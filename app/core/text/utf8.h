// UTF-8 decoding and encoding, strict (RFC 3629): no overlong forms, no
// surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace obole {

// Decodes the code point at *pos and advances *pos past it. On an invalid
// sequence returns false and advances *pos by one byte.
bool utf8_next(std::string_view text, size_t* pos, char32_t* code_point);

void utf8_append(std::string& out, char32_t code_point);

bool is_valid_utf8(std::string_view text);

} // namespace obole
