// What the server asks of a SEPA collection a device pushes, beyond each
// value's own check: that its mandate has no other live collection (not
// cancelled) for the same period. Two office devices preparing runs offline
// could each submit the same month of the same mandate; the second to sync
// is refused (sepa.already_submitted), so a donor is never collected twice
// for one period (core/sepa/collection_run.h checks the same on a device).
#pragma once

#include <string>

#include "core/result.h"
#include "protocol/access.h"
#include "protocol/change.h"

namespace obole {
class Store;
}

namespace obole::server {

Result<void> check_collection(Store& store, const std::string& collection_id, const sync::json& fields);

// What became of a collection is decided once. Two office devices offline
// may decide otherwise (one cancels a run, the other settles it past the
// return deadline, or hands its file to the bank): the first decision the
// server takes stands, and the other is refused, so no cancelled collection
// ever counts as a gift. A cancelled collection is never collected, nor its
// gift added (sepa.collection_cancelled); a collection collected or returned
// is never cancelled (sepa.collection_settled), nor is its run; a run sent
// to the bank is not cancelled (sepa.run_sent), and one cancelled is not
// sent (sepa.run_cancelled). A collection's gift comes from a role that may
// mark the collection collected (auth.forbidden): the two go together.
Result<void> check_collection_change(Store& store, sync::Role role, const sync::Change& change);

} // namespace obole::server
