#include "behaviour_fixture.h"

#include "core/event_repository.h"

using namespace obole;

namespace {

class EventTest : public test::DossierRowsTest {};

TEST_F(EventTest, register_then_mark_attended)
{
    EventRepository repo(*store);
    std::string gala = repo.create("Gala d'automne", "2026-11-20", "Paris", "alice").value();
    std::string reg = repo.register_member(member_id, gala, 1, "bob").value();
    EXPECT_EQ(last_action(), "event.register");
    auto rows = repo.list_for_member(member_id);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].event_name, "Gala d'automne");
    EXPECT_EQ(rows[0].guests, 1);
    EXPECT_FALSE(rows[0].attended);
    ASSERT_TRUE(repo.mark_attended(reg, "bob").ok());
    EXPECT_EQ(last_action(), "event.attended");
    EXPECT_TRUE(repo.list_for_member(member_id)[0].attended);
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

} // namespace
