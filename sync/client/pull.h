// Applies a page of the server's change log to this device's copy, in one
// transaction with the new cursor. The server's log is the order of truth:
// a pulled field replaces the local one unless this device has a newer
// change to it still waiting in its outbox (the server will see that one
// next and keep it too, by the same last-writer-wins rule).
#pragma once

#include "core/result.h"
#include "protocol/change.h"

namespace obole {
class Store;
}

namespace obole::sync {

class Outbox;

Result<void> apply_pull(Store& store, Outbox& outbox, const PullResponse& page, int64_t wall_ms);

// The cursor stored with the data: the last server version this copy holds
// (a snapshot from the server carries the server's own).
Result<int64_t> pull_cursor(Store& store);

} // namespace obole::sync
