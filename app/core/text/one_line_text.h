// One line of plain text as typed into a short field (a petition's title, a
// child's name, a file name): spaces trimmed and runs collapsed; refused when
// it is not valid UTF-8, holds control characters or line breaks, or is
// longer than max_chars code points.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace obole {

std::optional<std::string> one_line_text(std::string_view text, size_t max_chars);

} // namespace obole
