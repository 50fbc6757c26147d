// Finds members that may be the same person as a given one: the same email
// (any case), the same phone number, or the same name (accents and case
// aside) with the same postcode. Only pairs not already offered, merged or
// dismissed are returned. The server runs it on the members a push touched,
// so duplicates made apart (two events, offline) show up after upload.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {
class Store;
}

namespace obole::server {

struct DuplicatePair {
    std::string member_id, other_member_id;
    std::string reason; // "email" | "phone" | "name_postcode"
};

Result<std::vector<DuplicatePair>> find_duplicates(Store& store, const std::string& member_id);

} // namespace obole::server
