#include "behaviour_fixture.h"

#include "core/events/event_repository.h"

using namespace obole;

namespace {

class EventTest : public test::DossierRowsTest {};

TEST_F(EventTest, register_then_mark_attended)
{
    EventRepository repo(*store);
    std::string gala = repo.create("Gala d'automne", "2026-11-20", "Paris", "alice").value();
    std::string reg = repo.register_member(member_id, gala, 1, "bob").value();
    EXPECT_EQ(last_action(), "event.register");
    auto rows = repo.list_for_member(member_id).value();
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].event_name, "Gala d'automne");
    EXPECT_EQ(rows[0].guests, 1);
    EXPECT_FALSE(rows[0].attended);
    ASSERT_TRUE(repo.mark_attended(reg, "bob").ok());
    EXPECT_EQ(last_action(), "event.attended");
    EXPECT_TRUE(repo.list_for_member(member_id).value()[0].attended);
    EXPECT_EQ(repo.mark_attended(reg, "bob").error().code, "event.already_attended");
}

TEST_F(EventTest, bad_registrations_save_nothing)
{
    EventRepository repo(*store);
    std::string gala = repo.create("Gala", "2026-11-20", "", "alice").value();
    ASSERT_TRUE(repo.register_member(member_id, gala, 0, "bob").ok());
    const int64_t before = count("event_registration");
    EXPECT_EQ(repo.register_member(member_id, gala, 0, "bob").error().code, "event.already_registered");
    EXPECT_EQ(repo.register_member(member_id, "0190a000-0000-7000-8000-000000000000", 0, "bob").error().code,
              "event.not_found");
    std::string walk = repo.create("Walk", "2026-05-01", "", "alice").value();
    EXPECT_EQ(repo.register_member(member_id, walk, 21, "bob").error().code, "event.bad_guests");
    EXPECT_EQ(count("event_registration"), before);
    EXPECT_EQ(repo.create(" ", "2026-05-01", "", "alice").error().code, "event.name_required");
    EXPECT_EQ(repo.create("Walk", "2026-02-30", "", "alice").error().code, "date.invalid");
    EXPECT_EQ(repo.mark_attended("0190a000-0000-7000-8000-000000000000", "bob").error().code,
              "event.registration_not_found");
}

TEST_F(EventTest, check_in_list_walk_ins_and_times)
{
    EventRepository repo(*store);
    std::string gala = repo.create("Gala", "2026-11-20", "", "alice").value();
    NewMember m;
    m.first_name = "Anne";
    m.last_name = "Bernard";
    std::string anne = MemberRepository(*store).create(m, "alice").value();
    std::string reg = repo.register_member(member_id, gala, 2, "bob").value();
    ASSERT_TRUE(repo.add_walk_in(anne, gala, 0, "bob").ok());
    EXPECT_EQ(Journal(*store).list_for_member(anne, 1).value()[0].action, "event.walk_in");

    std::vector<Attendee> list = repo.attendees(gala).value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].display_name, "Anne Bernard"); // by last name
    EXPECT_TRUE(list[0].attended);
    EXPECT_TRUE(list[0].walk_in);
    EXPECT_EQ(list[1].display_name, "Hélène Dupont");
    EXPECT_FALSE(list[1].attended);
    EXPECT_EQ(list[1].guests, 2);

    ASSERT_TRUE(repo.mark_attended(reg, "bob").ok());
    std::optional<EventRegistration> r = repo.registration_of(member_id, gala).value();
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(r->attended);
    EXPECT_FALSE(r->walk_in);
    EXPECT_FALSE(r->attended_at.empty());
    // A registered member is checked in, not added as a walk-in.
    EXPECT_EQ(repo.add_walk_in(member_id, gala, 0, "bob").error().code, "event.already_registered");
    EXPECT_FALSE(
        repo.registration_of(anne, repo.create("Other", "2026-12-01", "", "alice").value()).value().has_value());
}

} // namespace
