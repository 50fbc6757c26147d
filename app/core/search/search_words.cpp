#include "core/search/search_words.h"

#include <algorithm>

#include "core/text/phone_number.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace obole {

std::vector<std::string_view> split_words(std::string_view folded)
{
    std::vector<std::string_view> words;
    size_t start = 0;
    while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string_view::npos)
            end = folded.size();
        if (end > start)
            words.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool has_word_prefix(std::string_view words, std::string_view prefix)
{
    for (std::string_view w : split_words(words))
        if (w.substr(0, prefix.size()) == prefix)
            return true;
    return false;
}

namespace {

void append_word(std::string& out, std::string_view word)
{
    if (word.empty())
        return;
    if (!out.empty())
        out.push_back(' ');
    out.append(word);
}

// Japanese and Chinese names are written without spaces: "山田太郎" or a
// family name of one ideograph. Indexing every suffix lets a prefix search
// for one or two ideographs find them inside a name.
void append_cjk_suffixes(std::string& out, std::string_view word)
{
    if (!starts_with_cjk(word))
        return;
    size_t pos = 0;
    char32_t cp;
    utf8_next(word, &pos, &cp);
    while (pos < word.size()) {
        append_word(out, word.substr(pos));
        utf8_next(word, &pos, &cp);
    }
}

} // namespace

SearchWords search_words_for(const SearchSource& s)
{
    SearchWords w;
    std::string last = fold_for_search(s.last_name), first = fold_for_search(s.first_name);
    w.sort_key = last + "\x1f" + first;

    append_word(w.names, first);
    append_word(w.names, last);
    w.text = w.names;
    for (const std::string& e : s.emails)
        append_word(w.text, fold_for_search(e));
    for (const std::string& p : s.phones)
        append_word(w.text, national_phone_digits(p));
    append_word(w.text, fold_for_search(s.postcode));
    append_word(w.text, fold_for_search(s.city));

    for (const std::string& p : s.phones)
        append_word(w.extra, digits_only(p));
    append_word(w.extra, std::to_string(s.member_no));
    for (std::string_view name_word : split_words(w.names))
        append_cjk_suffixes(w.extra, name_word);
    return w;
}

std::string_view stored_rest(const SearchWords& w)
{
    // text = names [+ " " + rest]
    std::string_view text = w.text;
    if (w.names.empty())
        return text;
    return text.size() > w.names.size() ? text.substr(w.names.size() + 1) : std::string_view();
}

SearchWords words_from_stored(std::string_view sort_key, std::string_view rest, std::string_view extra)
{
    SearchWords w;
    w.sort_key = sort_key;
    size_t split = sort_key.find('\x1f');
    std::string_view last = sort_key.substr(0, split);
    std::string_view first = split == std::string_view::npos ? std::string_view() : sort_key.substr(split + 1);
    append_word(w.names, first);
    append_word(w.names, last);
    w.text = w.names;
    append_word(w.text, rest);
    w.extra = extra;
    return w;
}

} // namespace obole
