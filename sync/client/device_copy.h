// A device's copy of the association's data replaced as a whole, never
// patched: when its operator's role now reads other data than the copy
// was made for (protocol/access.h; the server sends the role with every
// pull), when its device was revoked, or when a person signs out and
// erases it. The platform makes the image the device's database and drops
// everything it stored before (DeviceJournal::replace_with).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/privacy/member_erasure.h"
#include "core/result.h"

namespace obole {
class Store;
}

namespace obole::sync {

// The role this device's data was cut for: its copy_role, or, for data
// from a server before copies were marked, the office's (such servers sent
// everything); empty when the device holds only its own entries.
Result<std::string> copy_view(Store& device);

// Whether the device's copy must be replaced for `role` (a role's name as
// the server sends it); a device whose data is its own is marked instead.
// Once due, it stays due until a new copy replaces the data, even if the
// role changes back meanwhile: the device acted by the other role.
Result<bool> copy_needs_replacing(Store& device, const std::string& role);

// The server's snapshot made this device's: the device's identity (its
// id, token, operator, numbering, clock) and the refusals a person has not
// read carried over; the device acts by the role the copy was cut for. The outbox must be empty (sync.copy_busy otherwise:
// push first). Errors: db.* when the snapshot is not a database of Obole.
Result<std::vector<uint8_t>> adopt_server_copy(Store& device, const std::vector<uint8_t>& snapshot);

// Erasures pulled from the server applied to this device's data
// (core/privacy/member_erasure.h), with the unread refusals about each
// person (the round's push has just emptied the outbox). True when one was applied: the
// device's storage must then be rewritten without the old values
// (DeviceJournal::compact), its journal records holding them.
Result<bool> apply_pulled_erasures(Store& device);

// An administrator's erasure made on this device (core/privacy/
// member_erasure.h's erase_member), in one transaction with what follows:
// unread refusals about the person dropped; on a device not enrolled, its
// outbox emptied of them (what goes out later is anonymised). Then tell the
// engine (SyncEngine::note_local_erasure), which has the storage rewritten.
Result<Erasure> erase_member_here(Store& device, const std::string& member_id, const std::string& operator_name);
// The same for several people in one transaction (the retention list,
// core/privacy/retention.h): all of them or none. One already erased
// (by another administrator, pulled meanwhile) is passed over. Returns how
// many were erased here.
Result<size_t> erase_members_here(Store& device, const std::vector<std::string>& member_ids,
                                  const std::string& operator_name);

// The reasons, shown after the restart (translated: tests/i18n reads them here).
inline constexpr const char* kRevokedReason = "An administrator revoked this device: the association's data on it "
                                              "has been erased. Enrol it again to work with it.";
inline constexpr const char* kSignedOutReason =
    "You signed out: the association's data on this device has been erased.";
// The meta key of that reason (cleared when the device enrols again).
inline constexpr const char* kErasedReasonKey = "erased_reason";

// An empty database saying why the data was erased (`why`, shown after
// the page restarts on it: erased_reason()).
Result<std::vector<uint8_t>> erased_copy(const std::string& why);
Result<std::string> erased_reason(Store& store);

} // namespace obole::sync
