// Events the association holds (a gala, a walk, a conference) and the
// members registered to them; on the day a registration is marked attended.
#pragma once

#include <cstdint>
#include <optional>
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
    bool walk_in = false;    // came without registering
    std::string attended_at; // when marked present ("" before, or before check-in times were kept)
};

// One line of an event's check-in list.
struct Attendee {
    std::string registration_id, member_id;
    int64_t member_no = 0;
    std::string display_name, postcode;
    int guests = 0;
    bool attended = false, walk_in = false;
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
    Result<std::vector<Event>> list_all();

    // Registers a member, today, with 0..20 guests (event.bad_guests).
    // member.not_found, event.not_found, event.already_registered.
    // Journal: "event.register".
    Result<std::string> register_member(const std::string& member_id, const std::string& event_id, int guests,
                                        const std::string& operator_name);

    // event.registration_not_found, event.already_attended.
    // Journal: "event.attended".
    Result<void> mark_attended(const std::string& registration_id, const std::string& operator_name);

    // Someone who came without registering: registered and present at once
    // (the same errors as register_member). Journal: "event.walk_in".
    Result<std::string> add_walk_in(const std::string& member_id, const std::string& event_id, int guests,
                                    const std::string& operator_name);

    // The event's check-in list, by name.
    Result<std::vector<Attendee>> attendees(const std::string& event_id);
    // The registration of a member to an event, if any.
    Result<std::optional<EventRegistration>> registration_of(const std::string& member_id, const std::string& event_id);

    // The member's registrations, newest event first.
    Result<std::vector<EventRegistration>> list_for_member(const std::string& member_id);

private:
    Result<std::string> insert_registration(const std::string& member_id, const std::string& event_id, int guests,
                                            bool walk_in, const std::string& operator_name);
    Store& store_;
};

} // namespace obole
