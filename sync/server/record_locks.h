// Records that stop changing once a person has signed them off, checked for
// every pushed change after the role (protocol/access.h), against what the
// server holds:
//  - a closed gift batch: its control totals were reconciled and its lines
//    posted as gifts, so neither the batch nor a line of it changes again,
//    whoever asks (a correction is a new gift at the office), and no new
//    gift names it;
//  - a member signed up in the street (member.field_locked): the donor read
//    and confirmed the summary, so a volunteer may no longer change the
//    member or their contacts; staff and admins may.
#pragma once

#include "core/result.h"
#include "protocol/change.h"
#include "server/auth.h"

namespace obole {
class Store;
}

namespace obole::server {

// auth.locked, naming what is locked.
Result<void> check_record_lock(Store& store, Role role, const sync::Change& change);

} // namespace obole::server
