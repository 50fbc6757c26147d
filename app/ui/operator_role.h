// What the operator of this device may do, as the server said at its last
// contact (sync/protocol/access.h has the rules; the server enforces them).
#pragma once
#include "ui/app_state.h"

namespace obole::ui {

// Enrolled as a volunteer or a fundraiser: no exports of personal data, no
// shared settings, no corrections or receipts. A device that is not
// enrolled belongs to its user: never limited.
bool has_limited_role(const AppState& app);
// An administrator's device, or one that belongs to its user (not enrolled):
// erasing a person is theirs.
bool is_administrator(const AppState& app);

} // namespace obole::ui
