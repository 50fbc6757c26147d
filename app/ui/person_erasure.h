// Erasing people from this device: the dossier's "Erase this person…" and
// the retention list. The erasure is made (sync/client/device_copy.h), then
// the device's storage is rewritten without them: at once when the device
// is not enrolled, after its next push when it is (its outbox, which must
// reach the server in order, still holds them until then).
#pragma once
#include "core/result.h"
#include "ui/app_state.h"

#include <string>
#include <vector>

namespace obole::ui {

// All or none, one transaction; people erased already are passed over.
// Returns how many were erased here.
Result<size_t> erase_people(AppState& app, const std::vector<std::string>& member_ids);

} // namespace obole::ui
