#include "core/text/utf8.h"

namespace obole {

bool utf8_next(std::string_view text, size_t* pos, char32_t* code_point)
{
    size_t i = *pos;
    unsigned char c = (unsigned char)text[i];
    if (c < 0x80) {
        *code_point = c;
        *pos = i + 1;
        return true;
    }
    int extra;
    char32_t cp, min;
    if ((c & 0xE0) == 0xC0) {
        extra = 1;
        cp = c & 0x1F;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        cp = c & 0x0F;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        *pos = i + 1;
        return false;
    }
    if (i + extra >= text.size()) { // truncated sequence
        *pos = i + 1;
        return false;
    }
    for (int k = 1; k <= extra; ++k) {
        unsigned char cc = (unsigned char)text[i + k];
        if ((cc & 0xC0) != 0x80) {
            *pos = i + 1;
            return false;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *pos = i + 1;
        return false;
    }
    *code_point = cp;
    *pos = i + 1 + extra;
    return true;
}

void utf8_append(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

bool is_valid_utf8(std::string_view text)
{
    size_t pos = 0;
    char32_t cp;
    while (pos < text.size())
        if (!utf8_next(text, &pos, &cp))
            return false;
    return true;
}

} // namespace obole
