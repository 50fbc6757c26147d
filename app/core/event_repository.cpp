#include "core/event_repository.h"

#include "core/date.h"
#include "core/journal.h"
#include "core/member_ref.h"
#include "core/one_line_text.h"
#include "core/statement.h"
#include "core/store.h"
#include "core/uuid.h"

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
        insert.bind_text(5, now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append("", "event.create", *name + " " + *date, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

std::vector<Event> EventRepository::list_all()
{
    std::vector<Event> out;
    Statement select(store_.db(), "SELECT id, name, event_date, place FROM event ORDER BY event_date DESC, ref DESC");
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_uuid(0), select.column_text(1), select.column_text(2), select.column_text(3)});
    return out;
}

Result<std::string> EventRepository::register_member(const std::string& member_id, const std::string& event_id,
                                                     int guests, const std::string& operator_name)
{
    Result<int64_t> member_ref = live_member_ref(store_, member_id);
    if (!member_ref)
        return member_ref.error();
    Statement event(store_.db(), "SELECT name, event_date FROM event WHERE id = ?1");
    event.bind_uuid(1, event_id);
    if (event.step() != Statement::Step::row)
        return fail("event.not_found", "This event does not exist.", "event");
    const std::string label = event.column_text(0) + " " + event.column_text(1);
    if (guests < 0 || guests > 20)
        return fail("event.bad_guests", "Guests: from 0 to 20.", "guests");
    Statement already(store_.db(), "SELECT 1 FROM event_registration WHERE member_ref = ?1 AND event_id = ?2");
    already.bind_int64(1, *member_ref);
    already.bind_uuid(2, event_id);
    if (already.step() == Statement::Step::row)
        return fail("event.already_registered", "This member is already registered to this event.", "event");
    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO event_registration(id, member_ref, event_id, registered_date, "
                                      "attended, guests, created_at) VALUES(?1, ?2, ?3, ?4, 0, ?5, ?6)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, *member_ref);
        insert.bind_uuid(3, event_id);
        insert.bind_text(4, today_local_iso());
        insert.bind_int64(5, guests);
        insert.bind_text(6, now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append(member_id, "event.register", label, operator_name);
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
    if (row.step() != Statement::Step::row)
        return fail("event.registration_not_found", "This registration does not exist.");
    if (row.column_int64(0))
        return fail("event.already_attended", "This member is already marked as attended.");
    const std::string member_id = row.column_uuid(1), name = row.column_text(2);
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE event_registration SET attended = 1 WHERE id = ?1");
        update.bind_uuid(1, registration_id);
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(member_id, "event.attended", name, operator_name);
    });
}

std::vector<EventRegistration> EventRepository::list_for_member(const std::string& member_id)
{
    std::vector<EventRegistration> out;
    // An event not pulled yet (its registration came first) shows without a name.
    Statement select(store_.db(), "SELECT r.id, r.event_id, ifnull(e.name, ''), ifnull(e.event_date, ''), "
                                  "ifnull(e.place, ''), r.registered_date, r.attended, r.guests "
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
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace obole
