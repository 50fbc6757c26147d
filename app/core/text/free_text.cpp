#include "core/text/free_text.h"

#include "core/text/utf8.h"

namespace obole {

namespace {

Error invalid(const char* field)
{
    return fail("text.invalid", "The text contains characters that are not allowed.", field);
}

Error too_long(const char* field)
{
    return fail("text.too_long", "The text is too long.", field);
}

bool is_control(char32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

// Walks the text once: every code point must decode and pass `allowed`.
template <class Allowed>
Result<void> check(std::string_view text, size_t max_code_points, const char* field, Allowed allowed)
{
    size_t pos = 0, length = 0;
    while (pos < text.size()) {
        char32_t cp = 0;
        if (!utf8_next(text, &pos, &cp) || !allowed(cp))
            return invalid(field);
        if (++length > max_code_points)
            return too_long(field);
    }
    return {};
}

} // namespace

Result<void> check_free_text(std::string_view text, size_t max_code_points, const char* field)
{
    return check(text, max_code_points, field,
                 [](char32_t cp) { return cp == '\n' || cp == '\r' || cp == '\t' || !is_control(cp); });
}

Result<void> check_line_text(std::string_view text, size_t max_code_points, const char* field)
{
    return check(text, max_code_points, field, [](char32_t cp) { return !is_control(cp); });
}

} // namespace obole
