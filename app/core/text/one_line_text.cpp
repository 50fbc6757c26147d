#include "core/text/one_line_text.h"

#include "core/text/utf8.h"

namespace obole {

std::optional<std::string> one_line_text(std::string_view text, size_t max_chars)
{
    std::string out;
    size_t pos = 0, length = 0;
    bool pending_space = false;
    while (pos < text.size()) {
        const size_t start = pos;
        char32_t cp = 0;
        if (!utf8_next(text, &pos, &cp))
            return std::nullopt;
        if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F) {
            pending_space = !out.empty();
            continue;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029)
            return std::nullopt;
        if (pending_space) {
            out.push_back(' ');
            ++length;
            pending_space = false;
        }
        out.append(text.substr(start, pos - start));
        if (++length > max_chars)
            return std::nullopt;
    }
    return out;
}

} // namespace obole
