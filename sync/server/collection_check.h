// What the server asks of a SEPA collection a device pushes, beyond each
// value's own check: that its mandate has no other live collection (not
// cancelled) for the same period. Two office devices preparing runs offline
// could each submit the same month of the same mandate; the second to sync
// is refused (sepa.already_submitted), so a donor is never collected twice
// for one period (core/sepa/collection_run.h checks the same on a device).
#pragma once

#include <string>

#include "core/result.h"
#include "protocol/change.h"

namespace obole {
class Store;
}

namespace obole::server {

Result<void> check_collection(Store& store, const std::string& collection_id, const sync::json& fields);

} // namespace obole::server
