// A SEPA mandate and a membership made on one device reach another one
// through the server, with the same reference (RUM) and the same period.
#include <gtest/gtest.h>

#include "core/money/membership_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/store/statement.h"
#include "simulation.h"

namespace obole::sim {
namespace {

TEST(FinanceSync, AMandateAndAMembershipReachTheOtherDevice)
{
    SimOptions quiet;
    quiet.devices = 2;
    quiet.steps = 0;
    Simulation sim(11, quiet);
    ASSERT_TRUE(sim.settle());
    Store& a = sim.device_store(0);
    Store& b = sim.device_store(1);
    // A member with no mandate yet (the demo's street sign-ups have one).
    Statement first(a.db(), "SELECT m.id FROM member m WHERE m.deleted = 0 AND NOT EXISTS("
                            "SELECT 1 FROM sepa_mandate s WHERE s.member_ref = m.ref) ORDER BY m.id LIMIT 1");
    ASSERT_EQ(first.step(), Statement::Step::row);
    const std::string member = first.column_uuid(0);

    NewSepaMandate m;
    m.member_id = member;
    m.iban_text = "FR14 2004 1010 0505 0001 3M02 606";
    m.bic_text = "PSSTFRPPPAR";
    m.holder = "Hélène Dupont";
    m.signature_date_text = "2025-03-12";
    m.amount_text = "15";
    Result<std::string> mandate = SepaMandateRepository(a).add(m, "op0");
    ASSERT_TRUE(mandate) << mandate.error().message;
    NewMembership s;
    s.member_id = member;
    s.start_text = "2025-01-01";
    s.fee_text = "30";
    s.paid_date_text = "2025-01-04";
    Result<std::string> membership = MembershipRepository(a).add(s, "op0");
    ASSERT_TRUE(membership) << membership.error().message;
    ASSERT_TRUE(sim.settle()) << sim.state();

    std::vector<SepaMandate> mandates = SepaMandateRepository(b).list_for_member(member).value();
    ASSERT_EQ(mandates.size(), 1u);
    EXPECT_EQ(mandates[0].id, *mandate);
    EXPECT_EQ(mandates[0].rum, SepaMandateRepository(a).list_for_member(member).value()[0].rum);
    EXPECT_EQ(mandates[0].iban, "FR1420041010050500013M02606");
    EXPECT_EQ(mandates[0].signature_date, "2025-03-12");
    EXPECT_EQ(mandates[0].amount_cents, 1500);
    std::vector<Membership> memberships = MembershipRepository(b).list_for_member(member).value();
    ASSERT_EQ(memberships.size(), 1u);
    EXPECT_EQ(memberships[0].id, *membership);
    EXPECT_EQ(memberships[0].period_end, "2025-12-31");
    EXPECT_EQ(memberships[0].fee_cents, 3000);
    // Device 0 is a volunteer's: its copy is what that role reads.
    EXPECT_EQ(Simulation::dump(a, sim.device_role(0)), Simulation::dump(b, sim.device_role(0)));
}

} // namespace
} // namespace obole::sim
