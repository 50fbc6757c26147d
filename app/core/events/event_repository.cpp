#include "core/events/event_repository.h"

#include "core/calendar/date.h"
#include "core/members/member.h"
#include "core/members/member_ref.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/one_line_text.h"
#include "core/text/person_name.h"

namespace obole {

Result<std::string> EventRepository::create(const std::string& name_text, const std::string& date_text,
                                            const std::string& place_text, const std::string& operator_name)
{
    std::optional<std::string> name = one_line_text(name_text, 100);
    if (!name)
        return fail("event.bad_name", "The event's name must be one line of at most 100 characters.", "name");
    if (name->empty())
        return fail("event.name_required", "Enter the event's name.", "name");
    Result<std::string> date = parse_date(date_text);
    if (!date)
        return date.error();
    std::optional<std::string> place = one_line_text(place_text, 100);
    if (!place)
        return fail("event.bad_place", "The place must be one line of at most 100 characters.", "place");
    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO event(id, name, event_date, place, created_at) "
                                      "VALUES(?1, ?2, ?3, ?4, ?5)");
        insert.bind_uuid(1, id);
        insert.bind_text(2, *name);
        insert.bind_text(3, *date);
        insert.bind_text(4, *place);
        insert.bind_text(5, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append("", "event.create", *name + " " + *date, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::vector<Event>> EventRepository::list_all()
{
    std::vector<Event> out;
    Statement select(store_.db(), "SELECT id, name, event_date, place FROM event ORDER BY event_date DESC, ref DESC");
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_uuid(0), select.column_text(1), select.column_text(2), select.column_text(3)});
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<std::string> EventRepository::register_member(const std::string& member_id, const std::string& event_id,
                                                     int guests, const std::string& operator_name)
{
    return insert_registration(member_id, event_id, guests, false, operator_name);
}

Result<std::string> EventRepository::add_walk_in(const std::string& member_id, const std::string& event_id, int guests,
                                                 const std::string& operator_name)
{
    return insert_registration(member_id, event_id, guests, true, operator_name);
}

Result<std::string> EventRepository::insert_registration(const std::string& member_id, const std::string& event_id,
                                                         int guests, bool walk_in, const std::string& operator_name)
{
    Result<int64_t> member_ref = live_member_ref(store_, member_id);
    if (!member_ref)
        return member_ref.error();
    Statement event(store_.db(), "SELECT name, event_date FROM event WHERE id = ?1");
    event.bind_uuid(1, event_id);
    if (event.step() != Statement::Step::row) {
        if (Result<void> done = event.finished(); !done)
            return done.error();
        return fail("event.not_found", "This event does not exist.", "event");
    }
    const std::string label = event.column_text(0) + " " + event.column_text(1);
    if (guests < 0 || guests > 20)
        return fail("event.bad_guests", "Guests: from 0 to 20.", "guests");
    Statement already(store_.db(), "SELECT 1 FROM event_registration WHERE member_ref = ?1 AND event_id = ?2");
    already.bind_int64(1, *member_ref);
    already.bind_uuid(2, event_id);
    if (already.step() == Statement::Step::row)
        return fail("event.already_registered", "This member is already registered to this event.", "event");
    if (Result<void> done = already.finished(); !done)
        return done.error();
    const std::string id = new_uuid_v7(), now = store_.now_iso();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO event_registration(id, member_ref, event_id, registered_date, "
                                      "attended, guests, created_at, walk_in, attended_at) "
                                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5, ?8)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, *member_ref);
        insert.bind_uuid(3, event_id);
        insert.bind_text(4, store_.today());
        insert.bind_int64(5, walk_in ? 1 : 0);
        insert.bind_int64(6, guests);
        insert.bind_text(7, now);
        insert.bind_text(8, walk_in ? now : std::string());
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append(member_id, walk_in ? "event.walk_in" : "event.register", label, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> EventRepository::mark_attended(const std::string& registration_id, const std::string& operator_name)
{
    Statement row(store_.db(), "SELECT r.attended, m.id, ifnull(e.name, '') FROM event_registration r "
                               "JOIN member m ON m.ref = r.member_ref LEFT JOIN event e ON e.id = r.event_id "
                               "WHERE r.id = ?1");
    row.bind_uuid(1, registration_id);
    if (row.step() != Statement::Step::row) {
        if (Result<void> done = row.finished(); !done)
            return done.error();
        return fail("event.registration_not_found", "This registration does not exist.");
    }
    if (row.column_int64(0))
        return fail("event.already_attended", "This member is already marked as attended.");
    const std::string member_id = row.column_uuid(1), name = row.column_text(2);
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE event_registration SET attended = 1, attended_at = ?2 WHERE id = ?1");
        update.bind_uuid(1, registration_id);
        update.bind_text(2, store_.now_iso());
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(member_id, "event.attended", name, operator_name);
    });
}

Result<std::vector<EventRegistration>> EventRepository::list_for_member(const std::string& member_id)
{
    std::vector<EventRegistration> out;
    // An event not pulled yet (its registration came first) shows without a name.
    Statement select(store_.db(), "SELECT r.id, r.event_id, ifnull(e.name, ''), ifnull(e.event_date, ''), "
                                  "ifnull(e.place, ''), r.registered_date, r.attended, r.guests, r.walk_in, "
                                  "r.attended_at "
                                  "FROM member m JOIN event_registration r ON r.member_ref = m.ref "
                                  "LEFT JOIN event e ON e.id = r.event_id WHERE m.id = ?1 "
                                  "ORDER BY ifnull(e.event_date, r.registered_date) DESC, r.id DESC");
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        EventRegistration r;
        r.id = select.column_uuid(0);
        r.member_id = member_id;
        r.event_id = select.column_uuid(1);
        r.event_name = select.column_text(2);
        r.event_date = select.column_text(3);
        r.place = select.column_text(4);
        r.registered_date = select.column_text(5);
        r.attended = select.column_int64(6) != 0;
        r.guests = int(select.column_int64(7));
        r.walk_in = select.column_int64(8) != 0;
        r.attended_at = select.column_text(9);
        out.push_back(std::move(r));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<std::vector<Attendee>> EventRepository::attendees(const std::string& event_id)
{
    std::vector<Attendee> out;
    Statement select(store_.db(),
                     "SELECT r.id, m.id, m.member_no, m.first_name, m.last_name, ifnull(a.postcode, ''), r.guests, "
                     "r.attended, r.walk_in FROM event_registration r JOIN member m ON m.ref = r.member_ref "
                     "LEFT JOIN address a ON a.member_ref = m.ref AND a.is_main = 1 AND a.deleted = 0 "
                     "WHERE r.event_id = ?1 AND m.deleted = 0 ORDER BY m.last_name, m.first_name, m.ref");
    select.bind_uuid(1, event_id);
    while (select.step() == Statement::Step::row) {
        Attendee a;
        a.registration_id = select.column_uuid(0);
        a.member_id = select.column_uuid(1);
        a.member_no = select.column_int64(2);
        a.display_name = person_display_name(select.column_text(3), select.column_text(4));
        a.postcode = select.column_text(5);
        a.guests = int(select.column_int64(6));
        a.attended = select.column_int64(7) != 0;
        a.walk_in = select.column_int64(8) != 0;
        out.push_back(std::move(a));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<std::optional<EventRegistration>> EventRepository::registration_of(const std::string& member_id,
                                                                          const std::string& event_id)
{
    Result<std::vector<EventRegistration>> all = list_for_member(member_id);
    if (!all)
        return all.error();
    for (EventRegistration& r : *all)
        if (r.event_id == event_id)
            return std::optional<EventRegistration>(std::move(r));
    return std::optional<EventRegistration>();
}

} // namespace obole
