// Text as it is stored: what a person typed into a note (several lines) or
// a field (one line). The device's forms and the server's check of every
// pushed value use these, so neither stores what the other would refuse.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/result.h"

namespace obole {

// Valid UTF-8 without control characters other than line breaks and tabs,
// at most max_code_points. Errors: text.invalid, text.too_long (field set).
[[nodiscard]] Result<void> check_free_text(std::string_view text, size_t max_code_points, const char* field);

// The same on one line: no line breaks, tabs or other control characters
// (C0, DEL, C1, U+2028/2029). Errors: text.invalid, text.too_long.
[[nodiscard]] Result<void> check_line_text(std::string_view text, size_t max_code_points, const char* field);

} // namespace obole
