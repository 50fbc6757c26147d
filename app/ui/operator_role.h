// What the operator of this device may do, as the server said at enrolment.
#pragma once
#include "ui/app_state.h"

namespace obole::ui {

// Enrolled as a volunteer: no exports of personal data, no shared settings.
// A device that is not enrolled belongs to its user: never a volunteer.
bool is_volunteer(const AppState& app);

} // namespace obole::ui
