// What each operator role may change, checked for every pushed change
// (the server is where the rule holds: a device only hides what its
// operator may not do). A volunteer adds members, contacts, gifts,
// campaigns received, journal entries, relations, petitions signed, event
// registrations and documents; edits members and their contacts and marks
// registrations attended; deleting and merging are for staff and admins.
// Volunteers also sign people up: they add memberships, orders, SEPA
// mandates, card gifts and street sign-ups, but may not change them; they
// keep their own cash box (gift batches and their lines) and record
// consents. Only staff unlock a record signed up in the street.
// What is locked, whoever asks, is record_locks.h's.
#pragma once

#include "core/result.h"
#include "protocol/change.h"
#include "server/auth.h"

namespace obole::server {

// auth.forbidden, naming what was refused.
Result<void> check_permission(Role role, const sync::Change& change);

} // namespace obole::server
