// The local row number of a member that exists and is not deleted: the rows
// of the dossier's tables point to it (member_ref), the API names members by id.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace obole {

class Store;

// member.not_found when there is no such live member.
Result<int64_t> live_member_ref(Store& store, const std::string& member_id);

} // namespace obole
