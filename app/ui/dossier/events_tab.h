// Events: the member's registrations (event, date, guests, attended), a
// form to register the member to an event, a button to mark attendance on
// the day, and a short form to create an event that is not listed yet.
#pragma once
#include "core/events/event_repository.h"
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class EventsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_register(AppState& app, const Member& member);
    void draw_new_event(AppState& app);
    void draw_list(AppState& app);
    Freshness fresh_;
    std::vector<EventRegistration> rows_;
    ReadFailure read_;
    std::vector<Event> events_;
    std::string event_id_;
    int guests_ = 0;
    std::string error_field_, error_;
    std::string new_name_, new_date_, new_place_, new_error_field_, new_error_;
    std::string list_error_;
};

} // namespace obole::ui
