// The local row number of a campaign, for the rows that name one (their
// campaign_ref column); the API names campaigns by id.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace obole {

class Store;

// 0 when campaign_id is empty (no campaign); campaign.not_found, about
// `field`, for an id this device does not know.
Result<int64_t> campaign_ref_of(Store& store, const std::string& campaign_id, const char* field = "campaign");

} // namespace obole
