#include "core/sepa/sepa_text.h"

#include <cstring>

#include "core/text/utf8.h"

namespace obole {

namespace {

bool allowed(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::strchr("/-?:().,'+ ", c) != nullptr;
}

// Latin-1 and Latin Extended-A letters, by code point from U+00C0: their
// base letter ('\0' where there is none).
const char kLatin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
const char kLatinA[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

// Cyrillic U+0410..U+044F (А..я), then Ё and ё.
const char* const kCyrillic[] = {"A", "B",  "V",  "G",  "D",  "E",    "Zh", "Z", "I",  "J",  "K",  "L",  "M",
                                 "N", "O",  "P",  "R",  "S",  "T",    "U",  "F", "Kh", "Ts", "Ch", "Sh", "Shch",
                                 "",  "Y",  "",   "E",  "Yu", "Ya",   "a",  "b", "v",  "g",  "d",  "e",  "zh",
                                 "z", "i",  "j",  "k",  "l",  "m",    "n",  "o", "p",  "r",  "s",  "t",  "u",
                                 "f", "kh", "ts", "ch", "sh", "shch", "",   "y", "",   "e",  "yu", "ya"};

std::string latin_of(char32_t cp)
{
    if (cp < 0x80)
        return allowed(char(cp)) ? std::string(1, char(cp)) : std::string(" ");
    if (cp >= 0xC0 && cp <= 0xFF)
        return std::string(1, kLatin1[cp - 0xC0]);
    if (cp == 0x152)
        return "OE";
    if (cp == 0x153)
        return "oe";
    if (cp >= 0x100 && cp < 0x100 + sizeof kLatinA - 1)
        return std::string(1, kLatinA[cp - 0x100]);
    if (cp >= 0x410 && cp <= 0x44F)
        return kCyrillic[cp - 0x410];
    if (cp == 0x401)
        return "E";
    if (cp == 0x451)
        return "e";
    if (cp == 0x2019 || cp == 0x2018)
        return "'";
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2013 || cp == 0x2014)
        return cp >= 0x2013 ? "-" : " ";
    return " ";
}

} // namespace

std::string sepa_latin(std::string_view utf8, size_t max_chars)
{
    std::string out;
    size_t pos = 0;
    char32_t cp = 0;
    while (pos < utf8.size() && utf8_next(utf8, &pos, &cp)) {
        for (char c : latin_of(cp)) {
            if (c == '\0' || !allowed(c))
                c = ' ';
            if (c == ' ' && (out.empty() || out.back() == ' '))
                continue;
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (out.size() > max_chars) {
        out.resize(max_chars);
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
    }
    return out;
}

} // namespace obole
