#include "core/text/person_name.h"

#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace obole {

Result<std::string> validate_person_name(std::string_view text)
{
    text = trim_spaces(text);
    std::string out;
    out.reserve(text.size());
    size_t pos = 0, length = 0;
    bool pending_space = false;
    while (pos < text.size()) {
        size_t start = pos;
        char32_t cp = 0;
        if (!utf8_next(text, &pos, &cp) || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
            if (cp == '\t' && pos == start + 1) { // a pasted tab is just a space
                pending_space = true;
                continue;
            }
            return fail("name.invalid_text", "The name contains characters that are not allowed.", "name");
        }
        if (cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x3000) {
            pending_space = true;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            ++length;
            pending_space = false;
        }
        out.append(text.substr(start, pos - start));
        ++length;
    }
    if (length > 100)
        return fail("name.too_long", "The name is longer than 100 characters.", "name");
    return out;
}

std::string person_display_name(const std::string& first, const std::string& last)
{
    if (first.empty())
        return last;
    // Japanese and Chinese names read family name first.
    return starts_with_cjk(last) ? last + " " + first : first + " " + last;
}

} // namespace obole
