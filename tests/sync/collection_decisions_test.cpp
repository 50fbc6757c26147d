// What becomes of a SEPA collection is decided once, whichever office
// device decides first. Found by the simulation once it ran collections:
// one device cancelled a run while another, offline, settled it past the
// return deadline, and the server kept the cancelled collections with
// their gifts (money counted that was never collected); two devices that
// settled the same collection wrote its gift with two creation times; a
// device settled a collection the server then refused as submitted by
// another run, and the donor's gift counted twice.
#include <gtest/gtest.h>

#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/sepa/collection_plan.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/collection_settlement.h"
#include "core/sepa/creditor_settings.h"
#include "one_server.h"
#include "simulation.h"

namespace obole::test {
namespace {

// Long past: the bank's return deadline has passed for any collection day.
constexpr const char* kDay = "2025-11-14";

struct TwoOffices : ::testing::Test {
    SyncServer server;
    EnrolledDevice a{1, server::Role::office};
    EnrolledDevice b{2, server::Role::office};
    CreditorSettings creditor;
    std::string donor; // Hélène Dupont, whose mandate is collected

    void SetUp() override
    {
        creditor = save_creditor_settings(
                       *a.store, {"Les Amis", "FR72ZZZ123456", "FR7630006000011234567890189", "", "2", "5", "5"}, "op1")
                       .value();
        NewMember m;
        m.first_name = "Hélène";
        m.last_name = "Dupont";
        NewSepaMandate n;
        n.member_id = donor = MemberRepository(*a.store).create(m, "op1").value();
        n.iban_text = "FR1420041010050500013M02606";
        n.bic_text = "PSSTFRPPPAR";
        n.holder = "Hélène Dupont";
        n.signature_date_text = "2025-11-01";
        n.amount_text = "15";
        ASSERT_TRUE(SepaMandateRepository(*a.store).add(n, "op1"));
        server.push(a);
        server.pull(b);
    }

    std::string submit(SyncDevice& d)
    {
        return CollectionRunRepository(*d.store)
            .submit(plan_collections(*d.store, creditor, kDay).value(), creditor, "op")
            .value();
    }
    int settle(SyncDevice& d)
    {
        return settle_collections(*d.store, creditor, CollectionAuthority::server, "op").value();
    }
    void sync_all()
    {
        for (int round = 0; round < 2; ++round)
            for (SyncDevice* d : {&a, &b}) {
                server.push(*d);
                server.pull(*d);
            }
    }
    void expect_same_everywhere()
    {
        EXPECT_EQ(sim::Simulation::dump(*a.store), sim::Simulation::dump(*server.store));
        EXPECT_EQ(sim::Simulation::dump(*b.store), sim::Simulation::dump(*server.store));
        // No gift for a collection that was not collected.
        for (Store* s : {a.store.get(), b.store.get(), server.store.get()})
            EXPECT_EQ(scalar(*s, "SELECT count(*) FROM gift g JOIN sepa_collection k ON k.id = g.id "
                                 "WHERE k.status <> 'collected'"),
                      0);
    }
};

TEST_F(TwoOffices, ARunCancelledFirstIsNotSettledByAnotherDevice)
{
    const std::string run = submit(a);
    sync_all();
    // Offline, a cancels the run and b settles it.
    ASSERT_TRUE(CollectionRunRepository(*a.store).cancel(run, "op1"));
    ASSERT_EQ(settle(b), 1);
    server.push(a);
    const sync::PushResponse answer = server.push(b);
    ASSERT_FALSE(answer.refused.empty());
    EXPECT_EQ(answer.refused[0].code, "sepa.collection_cancelled");
    sync_all();
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM gift"), 0);
    EXPECT_EQ(scalar(*b.store, "SELECT count(*) FROM gift"), 0) << "b's gift left it with the refusal";
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM sepa_collection WHERE status = 'cancelled'"), 1);
    expect_same_everywhere();
}

TEST_F(TwoOffices, ARunSettledFirstIsNotCancelledByAnotherDevice)
{
    const std::string run = submit(a);
    sync_all();
    ASSERT_TRUE(CollectionRunRepository(*a.store).cancel(run, "op1"));
    ASSERT_EQ(settle(b), 1);
    server.push(b);
    const sync::PushResponse answer = server.push(a);
    ASSERT_FALSE(answer.refused.empty());
    EXPECT_EQ(answer.refused[0].code, "sepa.collection_settled");
    sync_all();
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM gift WHERE payment_method = 'direct_debit'"), 1);
    EXPECT_EQ(scalar(*a.store, "SELECT count(*) FROM sepa_run WHERE status = 'submitted'"), 1);
    expect_same_everywhere();
}

TEST_F(TwoOffices, TwoDevicesSettlingTheSameCollectionWriteTheSameGift)
{
    submit(a);
    sync_all();
    ASSERT_EQ(settle(a), 1);
    ASSERT_EQ(settle(b), 1);
    sync_all();
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM gift"), 1);
    expect_same_everywhere();
}

// b submits the same month offline; its collection waits to be sent: b
// does not settle it, for the server refuses it (a's run came first).
TEST_F(TwoOffices, ACollectionNotYetTakenByTheServerIsNotSettled)
{
    submit(a);
    server.push(a);
    submit(b);
    EXPECT_EQ(settle(b), 0);
    EXPECT_EQ(settle_collections(*b.store, creditor, CollectionAuthority::here, "op").value(), 1)
        << "a device that never syncs decides alone";
}

TEST_F(TwoOffices, ACollectionRefusedAsSubmittedByAnotherRunLeavesTheDevice)
{
    submit(a);
    submit(b);
    server.push(a);
    const sync::PushResponse answer = server.push(b);
    ASSERT_FALSE(answer.refused.empty());
    EXPECT_EQ(answer.refused[0].code, "sepa.already_submitted");
    sync_all();
    EXPECT_EQ(scalar(*b.store, "SELECT count(*) FROM sepa_collection WHERE status <> 'cancelled'"), 1);
    EXPECT_EQ(settle(b), 1);
    sync_all();
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM gift"), 1) << "the donor is collected once";
    expect_same_everywhere();
}

// b's operator was made a volunteer while b was offline: b settles, but
// may not mark the collection collected, so its gift is refused with it;
// an office device settles it after, once.
TEST_F(TwoOffices, ACollectionsGiftIsRefusedWithItsStatusToARoleThatMayNotSettle)
{
    submit(a);
    sync_all();
    b.who.role = server::Role::volunteer;
    ASSERT_EQ(settle(b), 1);
    const sync::PushResponse answer = server.push(b);
    ASSERT_EQ(answer.refused.size(), 2u) << "the gift and the collection's status";
    EXPECT_EQ(answer.refused[0].code, "auth.forbidden");
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM gift"), 0);
    EXPECT_EQ(scalar(*b.store, "SELECT count(*) FROM gift"), 0);
    server.pull(a); // the sync engine settles after a pull
    ASSERT_EQ(settle(a), 1);
    const sync::PushResponse settled = server.push(a);
    for (const sync::RefusedChange& r : settled.refused)
        ADD_FAILURE() << r.code << " " << r.message;
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM gift"), 1);
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM sepa_collection WHERE status = 'collected'"), 1);
}

// A member removed since her collection was submitted gets no gift; the
// others of the run are settled all the same (one used to stop them all,
// and every sync round of the device with it).
TEST_F(TwoOffices, ACollectionOfAMemberRemovedSinceDoesNotHoldBackTheOthers)
{
    NewMember m;
    m.first_name = "Jean";
    m.last_name = "Martin";
    NewSepaMandate n;
    n.member_id = MemberRepository(*a.store).create(m, "op1").value();
    n.iban_text = "FR7630006000011234567890189";
    n.bic_text = "AGRIFRPPXXX";
    n.holder = "Jean Martin";
    n.signature_date_text = "2025-11-01";
    n.amount_text = "20";
    ASSERT_TRUE(SepaMandateRepository(*a.store).add(n, "op1"));
    submit(a);
    server.push(a);
    ASSERT_TRUE(MemberRepository(*a.store).remove(n.member_id, "op1"));
    EXPECT_EQ(settle(a), 1);
    EXPECT_EQ(scalar(*a.store, "SELECT count(*) FROM sepa_collection WHERE status = 'submitted'"), 1);
}

// a merged the donor into a second record of her and settled her
// collection there, while b, offline, undid the merge. Every copy then puts
// the collection back on her first record, and the gift with it: a sends
// the gift under the member the collection was written for (it used to
// name the survivor, and the gift stayed there without its collection).
TEST_F(TwoOffices, AnUnmergeElsewhereSendsASettledCollectionsGiftBackWithIt)
{
    NewMember m;
    m.first_name = "Hélène";
    m.last_name = "Dupont-Martin";
    const std::string second = MemberRepository(*a.store).create(m, "op1").value();
    const char* on_second = "SELECT count(*) FROM sepa_collection k JOIN member m ON m.ref = k.member_ref "
                            "WHERE m.last_name = 'Dupont-Martin'";
    submit(a);
    sync_all();
    ASSERT_TRUE(merge_members(*a.store, donor, second, "op1", false));
    sync_all();
    ASSERT_EQ(scalar(*b.store, on_second), 1) << "the merge moved the collection on b";
    ASSERT_TRUE(unmerge_members(*b.store, donor, "op2"));
    ASSERT_EQ(settle(a), 1);
    server.push(a);
    server.push(b);
    sync_all();
    for (Store* s : {a.store.get(), b.store.get(), server.store.get()}) {
        EXPECT_EQ(scalar(*s, "SELECT count(*) FROM gift g JOIN sepa_collection k ON k.id = g.id "
                             "WHERE g.member_ref = k.member_ref"),
                  1);
        EXPECT_EQ(scalar(*s, on_second), 0);
    }
    expect_same_everywhere();
}

} // namespace
} // namespace obole::test
