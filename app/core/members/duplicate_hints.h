// While a person is being signed up (at a stand, in the street), the members
// already on the device who may be the same person, so the volunteer picks
// the existing member instead of creating a duplicate. The server finds
// duplicates made apart after sync (sync/server/duplicate_finder.h); this
// catches the ones a person can avoid while typing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/members/member.h"
#include "core/result.h"

namespace obole {

class Store;

struct DuplicateHint {
    std::string member_id;
    int64_t member_no = 0;
    std::string display_name, postcode, city;
    // What matched, strongest first: "email", "phone", "name_postcode", "name".
    std::vector<std::string> reasons;
};

// Live members (not deleted, not merged) who share with `typed`:
//  - the email, any case (once it is a valid address);
//  - the phone number, in any formatting (once it is a valid number);
//  - the last name, accents and case aside, with a first name starting
//    with the typed one (once one letter is typed) or else the same
//    postcode.
// Best first (email or phone, then name and postcode, then name); at most
// `limit`. Cheap enough to run on every keystroke: each reason is one
// indexed lookup.
Result<std::vector<DuplicateHint>> likely_duplicates(Store& store, const NewMember& typed, int limit = 5);

} // namespace obole
