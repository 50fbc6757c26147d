// Each gift as its corrections leave it, in the derived table gift_now
// (schema 7): the member it now belongs to, its date, method and campaign as
// last amended, what was refunded, whether it was voided, and net_cents, what
// the association keeps. Every sum of money (the gifts tab, all money in,
// segments, receipts, filters, exports) reads gift_now, never gift.
//
// Corrections apply in the order they were made (created_at, then id, so
// every device agrees): the latest amendment's values and the latest move
// win; refunds add up; a void wins over everything (net 0). Temporary
// triggers keep the table current on every write, the device's own or a
// pulled one, in the same transaction; the change journal leaves it out
// (it is recomputed on replay, as the triggers fire then too).
#pragma once

#include "core/result.h"

namespace obole {

class Store;

// Installs the triggers on this connection (Store does, once the schema is
// current).
Result<void> install_gift_now_triggers(Store& store);

} // namespace obole
