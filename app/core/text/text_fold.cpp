#include "core/text/text_fold.h"

#include "core/text/utf8.h"

namespace obole {

namespace {

// U+00C0..U+00FF without their diacritics; "" marks the two symbols (× ÷).
const char* const kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e",  "e", "e", "i", "i", "i", "i", "d",  "n", "o",  "o", "o", "o",
    "o", "",  "o", "u", "u", "u", "u",  "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e",  "e", "e", "e",
    "i", "i", "i", "i", "d", "n", "o",  "o", "o",  "o",  "o", "",  "o", "u", "u", "u", "u",  "y", "th", "y",
};

// U+0100..U+017F: base letter of each; 'J' stands for "ij", 'O' for "oe".
const char kLatinExtA[] = "aaaaaaccccccccdd"
                          "ddeeeeeeeeeegggg"
                          "gggghhhhiiiiiiii"
                          "iiJJjjkkklllllll"
                          "lllnnnnnnnnnoooo"
                          "ooOOrrrrrrssssss"
                          "ssttttttuuuuuuuu"
                          "uuuuwwyyyzzzzzzs";

bool is_word_break(char32_t cp)
{
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    if (cp <= 0xBF)
        return true; // C1 controls, NBSP, Latin-1 punctuation
    if (cp >= 0x02B9 && cp <= 0x02BF)
        return true; // modifier-letter apostrophes (ʼ)
    if (cp >= 0x2000 && cp <= 0x206F)
        return true; // general punctuation, spaces, ’ – —
    if (cp == 0x2212 || cp == 0xFEFF)
        return true;                            // minus sign, BOM
    if (cp >= 0x3000 && cp <= 0x303F)           // CJK punctuation (、。「」 ideographic space)
        return !(cp >= 0x3005 && cp <= 0x3007); // but 々 〆 〇 are letters
    if (cp == 0x30FB)
        return true; // katakana middle dot
    if (cp >= 0xFF5F && cp <= 0xFF65)
        return true; // half-width CJK punctuation
    return false;
}

} // namespace

std::string fold_for_search(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    auto emit = [&](const char* s) {
        if (pending_space && !out.empty())
            out.push_back(' ');
        pending_space = false;
        out += s;
    };
    auto emit_cp = [&](char32_t cp) {
        if (pending_space && !out.empty())
            out.push_back(' ');
        pending_space = false;
        utf8_append(out, cp);
    };

    size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp;
        if (!utf8_next(text, &pos, &cp)) {
            pending_space = true;
            continue;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) // full-width ASCII
            cp -= 0xFEE0;
        if (cp >= 0x0300 && cp <= 0x036F) // combining diacritics of decomposed text
            continue;
        if (is_word_break(cp)) {
            pending_space = true;
        } else if (cp < 0x80) {
            char c = char(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            char s[2] = {c, 0};
            emit(s);
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            const char* s = kLatin1[cp - 0xC0];
            if (*s)
                emit(s);
            else
                pending_space = true;
        } else if (cp >= 0x100 && cp <= 0x17F) {
            char c = kLatinExtA[cp - 0x100];
            if (c == 'J')
                emit("ij");
            else if (c == 'O')
                emit("oe");
            else {
                char s[2] = {c, 0};
                emit(s);
            }
        } else if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) { // Greek capitals
            emit_cp(cp + 0x20);
        } else if (cp == 0x0401 || cp == 0x0451) { // Ё ё -> е
            emit_cp(0x0435);
        } else if (cp >= 0x0410 && cp <= 0x042F) {
            emit_cp(cp + 0x20);
        } else if (cp >= 0x0400 && cp <= 0x040F) {
            emit_cp(cp + 0x50);
        } else {
            emit_cp(cp);
        }
    }
    return out;
}

size_t utf8_length(std::string_view text)
{
    size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

std::string digits_only(std::string_view text)
{
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp;
        if (!utf8_next(text, &pos, &cp))
            continue;
        if (cp >= 0xFF10 && cp <= 0xFF19)
            cp -= 0xFEE0;
        if (cp >= '0' && cp <= '9')
            out.push_back(char(cp));
    }
    return out;
}

std::string_view trim_spaces(std::string_view text)
{
    auto space_at_start = [](std::string_view s) -> size_t {
        if (s.empty())
            return 0;
        unsigned char c = (unsigned char)s[0];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            return 1;
        if (s.substr(0, 2) == "\xC2\xA0")
            return 2; // U+00A0
        if (s.substr(0, 3) == "\xE2\x80\xAF")
            return 3; // U+202F
        if (s.substr(0, 3) == "\xE3\x80\x80")
            return 3; // U+3000
        return 0;
    };
    auto space_at_end = [](std::string_view s) -> size_t {
        if (s.empty())
            return 0;
        unsigned char c = (unsigned char)s.back();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            return 1;
        if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
            return 2;
        if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF")
            return 3;
        if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80")
            return 3;
        return 0;
    };
    while (size_t n = space_at_start(text))
        text.remove_prefix(n);
    while (size_t n = space_at_end(text))
        text.remove_suffix(n);
    return text;
}

bool starts_with_cjk(std::string_view text)
{
    size_t pos = 0;
    char32_t cp;
    if (text.empty() || !utf8_next(text, &pos, &cp))
        return false;
    return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

} // namespace obole
