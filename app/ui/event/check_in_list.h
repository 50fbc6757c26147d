// Check-in at the door: the event's registered people by name, with a
// filter; a tap (or Space on the focused row) marks one present. Walk-ins
// are added from the person at the stand (member_strip.h).
#pragma once
#include "core/events/event_repository.h"
#include "ui/app_state.h"
#include "ui/event/event_session.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class CheckInList {
public:
    void draw(AppState& app, EventSession& session);

private:
    Freshness fresh_;
    std::string filter_, message_;
    std::vector<Attendee> attendees_;
    ReadFailure read_;
    std::vector<std::string> folded_names_; // attendees_' names as the filter compares them, folded once per read
};

} // namespace obole::ui
