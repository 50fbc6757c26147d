// A person's name (and other one-line text of a member form: an address
// line, a city) as typed, and as shown.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// Trims and collapses runs of spaces. Empty input gives "" (the caller decides
// whether the name is required). Codes: name.invalid_text (invalid UTF-8 or
// control characters), name.too_long (more than 100 code points).
Result<std::string> validate_person_name(std::string_view text);

// "Hélène Dupont"; family name first for Japanese and Chinese names.
std::string person_display_name(const std::string& first, const std::string& last);

} // namespace obole
