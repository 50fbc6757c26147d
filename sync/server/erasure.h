// The server's side of a person erased at their request (core/privacy/
// member_erasure.h): its own data, and its change log, which would
// otherwise hand the person's old values to every device that pulls from
// before the erasure; and nothing recorded about them afterwards.
#pragma once

#include <string>

#include "core/result.h"
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

// member.erased when the change is about a person erased at their request
// (a device that was offline sends an edit of them, or a gift).
Result<void> refuse_if_erased(Store& store, const sync::Change& change);

} // namespace obole::server
