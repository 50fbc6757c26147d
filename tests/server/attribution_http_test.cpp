// What a device entered before it was enrolled is the enrolling operator's
// (issue 17, part 1): it goes out under their token, and the journal of
// each member it is about says it was attributed at enrolment, and to whom.
#include "device_over_http.h"

#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/journal.h"

namespace {

class AttributionTest : public DeviceOverHttp {};

TEST_F(AttributionTest, EntriesMadeBeforeEnrolmentAreAttributedAtEnrolmentAndJournaled)
{
    HttpDevice laptop, office;
    obole::NewMember m;
    m.last_name = "Vasseur";
    const std::string member = obole::MemberRepository(*laptop.store).create(m, "volunteer").value();
    obole::NewGift g;
    g.member_id = member;
    g.amount_text = "20";
    ASSERT_TRUE(obole::GiftRepository(*laptop.store).add(g, "volunteer"));

    enrol(laptop, volunteer_code, "vol", kVolunteerPassword);
    EXPECT_EQ(laptop.outbox->count().value(), 0) << laptop.engine.status().last_error;
    enrol(office, admin_code, "admin", kAdminPassword);
    obole::NewMember other;
    other.last_name = "Renard";
    const std::string untouched = obole::MemberRepository(*office.store).create(other, "ada").value();
    run(office);

    std::vector<obole::JournalEntry> journal = obole::Journal(*office.store).list_for_member(member).value();
    ASSERT_FALSE(journal.empty());
    EXPECT_EQ(journal[0].action, "sync.attributed");
    EXPECT_EQ(journal[0].detail, "vol");
    EXPECT_EQ(journal[0].operator_name, "vol");
    int attributed = 0;
    for (const obole::JournalEntry& e : journal)
        attributed += e.action == "sync.attributed";
    EXPECT_EQ(attributed, 1) << "one entry per member, not per change";
    // The office's own member, entered after its enrolment, has none.
    for (const obole::JournalEntry& e : obole::Journal(*office.store).list_for_member(untouched).value())
        EXPECT_NE(e.action, "sync.attributed");
}

} // namespace
