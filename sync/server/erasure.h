// The server's side of a person erased at their request (core/privacy/
// member_erasure.h): its own data, and its change log, which would
// otherwise hand the person's old values to every device that pulls from
// before the erasure; and nothing recorded about them afterwards.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "protocol/access.h"
#include "protocol/change.h"

namespace obole {
class Store;
}

namespace obole::server {

class ChangeLog;

// Applies the erasure pushed for `member_id` to obole.db, and scrubs the
// log: changes to rows it removed go, changes to rows it emptied carry the
// emptied values; the admin journal says who erased which member number.
// Inside the push's transaction.
Result<void> erase_on_server(Store& store, ChangeLog& log, const std::string& member_id, const std::string& by);

// The people a push erases (its member_erasure rows the pusher's role may
// write), after the changes the server holds already (`after_seq`): a
// device never enrolled that erased a person sends her rows, anonymised,
// ahead of the erasure.
std::vector<std::string> erased_by(const sync::PushRequest& request, sync::Role role, uint64_t after_seq);

// Checks a change's values (sync/protocol/value_check.h), and what it may
// still record of a person erased at their request, here or by
// `erased_by_push`: once she is erased, member.erased for an edit of her
// or a row the erasure removes (a device that was offline sends her new
// phone); her money (a gift, a mandate, a collection) is kept as the
// erasure keeps it, the change anonymised (erase_fields) before it is
// applied.
Result<void> admit_values(Store& store, sync::Change& change, const std::vector<std::string>& erased_by_push);

} // namespace obole::server
