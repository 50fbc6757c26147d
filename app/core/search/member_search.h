// Search-as-you-type over members by any fragment: name (accents optional),
// Cyrillic and Japanese names, phone digits in any formatting, email,
// postcode, city, member number. See search_index.h for how it is indexed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct SearchHit {
    std::string member_id;
    int64_t member_no = 0;
    std::string display_name, postcode, city;
    std::string matched;      // "name", "email", "phone", "postcode", "city", "member_no"
    std::string matched_text; // the stored value that matched, as the person wrote it
    int score = 0;            // 400 exact member number, 300 name-word prefix,
                              // 200 other prefix, 100 substring
};

// Words of the query are ANDed ("dupont 75"); consecutive groups of digits
// are joined ("06 12 34" is one phone fragment). Ranked by score, then by
// name (last name, first name). At most `limit` hits.
Result<std::vector<SearchHit>> search_members(Store& store, std::string_view query, int limit = 50);

} // namespace obole
