// The words the search index keeps for one member, derived from the member's
// rows. Shared by the index writer (search_index.cpp) and the query side
// (member_search.cpp), which must agree on them exactly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace obole {

// What a member's index entry is computed from.
struct SearchSource {
    int64_t member_ref = 0; // member.ref
    int64_t member_no = 0;
    std::string first_name, last_name, postcode, city;
    std::vector<std::string> emails, phones; // phones in E.164
};

struct SearchWords {
    std::string sort_key; // folded last name, U+001F, folded first name: the name order
                          // (ties: by member.ref)
    std::string names;    // folded name words, space separated
    std::string text;     // all searchable words (names first), for substrings
    std::string extra;    // words only prefix search needs
};

SearchWords search_words_for(const SearchSource& source);

// search_doc stores `text` without its leading names (`rest`), and no names:
// both follow from the sort key. These convert between the two forms.
std::string_view stored_rest(const SearchWords& words); // a view into words.text
SearchWords words_from_stored(std::string_view sort_key, std::string_view rest, std::string_view extra);

// Splits on single spaces (folded text has no other separators).
std::vector<std::string_view> split_words(std::string_view folded);
// The views point into the argument: a temporary string would leave them dangling.
std::vector<std::string_view> split_words(std::string&&) = delete;

// Whether some word of `words` starts with `prefix`.
bool has_word_prefix(std::string_view words, std::string_view prefix);

} // namespace obole
