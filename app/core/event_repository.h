// Events the association holds (a gala, a walk, a conference) and the
// members registered to them; on the day a registration is marked attended.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct Event {
    std::string id, name, event_date, place;
};

struct EventRegistration {
    std::string id, member_id, event_id, event_name, event_date, place, registered_date;
    bool attended = false;
    int guests = 0;
};

class EventRepository {
public:
    explicit EventRepository(Store& store) : store_(store) {}

    // name required (event.name_required; one line of 100: event.bad_name),
    // date any valid date (date.*: an event may lie ahead), place optional
    // (event.bad_place). Journal: "event.create" (no member).
    Result<std::string> create(const std::string& name, const std::string& date_text, const std::string& place,
                               const std::string& operator_name);

    // Newest date first.
    std::vector<Event> list_all();

    // Registers a member, today, with 0..20 guests (event.bad_guests).
    // member.not_found, event.not_found, event.already_registered.
    // Journal: "event.register".
    Result<std::string> register_member(const std::string& member_id, const std::string& event_id, int guests,
                                        const std::string& operator_name);

    // event.registration_not_found, event.already_attended.
    // Journal: "event.attended".
    Result<void> mark_attended(const std::string& registration_id, const std::string& operator_name);

    // The member's registrations, newest event first.
    std::vector<EventRegistration> list_for_member(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
