// A person erased while another record of theirs is merged into them on
// one copy and not on another. Found by the simulation (seed
// 3436014976630788): the administrator's device had merged L into S (L's
// address moved to S) and erased S; the server, where the merge had been
// undone meanwhile, kept L's address, and the device, which had removed it,
// stopped at the server's next change to it (sync.unknown_row). An erasure
// now takes the person's own rows, wherever a merge moved them, on every copy.
#include <gtest/gtest.h>

#include "client/device_copy.h"
#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "one_server.h"
#include "server/admin_journal.h"
#include "server/role_copy.h"
#include "simulation.h"

namespace obole::test {
namespace {

std::string member(Store& store, const char* first, const char* line1)
{
    NewMember m;
    m.first_name = first;
    m.last_name = "Dupont";
    m.line1 = line1;
    m.postcode = "75011";
    m.city = "Paris";
    return MemberRepository(store).create(m, "op1").value();
}

TEST(ErasureAndMerges, TheSameRowsGoOnACopyWhereAnotherRecordIsMergedIntoThePersonAndOneWhereItIsNot)
{
    SyncServer server;
    ASSERT_TRUE(server::ensure_admin_journal(*server.store));
    EnrolledDevice admin(1, server::Role::admin);
    EnrolledDevice office(2, server::Role::office);
    ASSERT_TRUE(sync::write_meta(*admin.store, "sync_token", "token-1")); // enrolled: client/device_copy.h
    const std::string s = member(*admin.store, "Hélène", "1 rue de la Paix");
    const std::string l = member(*admin.store, "Helene", "2 rue du Bac");
    server.push(admin);
    server.pull(office);
    // The administrator merges L into S; the server confirms it, and the
    // device moves L's address to S.
    ASSERT_TRUE(merge_members(*admin.store, l, s, "op1", false));
    server.push(admin);
    server.pull(admin);
    server.pull(office);
    ASSERT_EQ(scalar(*admin.store, "SELECT count(*) FROM address a JOIN member m ON m.ref = a.member_ref "
                                   "WHERE m.merged_into_ref IS NULL AND m.first_name = 'Hélène'"),
              2);
    // The office undoes it; the administrator, not yet told, erases S.
    ASSERT_TRUE(unmerge_members(*office.store, l, "op2"));
    server.push(office);
    ASSERT_TRUE(sync::erase_member_here(*admin.store, s, "op1"));
    server.push(admin);
    server.pull(admin);
    server.pull(office);
    ASSERT_TRUE(sync::apply_pulled_erasures(*office.store)); // what the sync engine does after a pull
    // L's address is L's on every copy; S's is gone from every copy.
    EXPECT_EQ(sim::Simulation::dump(*admin.store), sim::Simulation::dump(*server.store));
    EXPECT_EQ(sim::Simulation::dump(*office.store), sim::Simulation::dump(*server.store));
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM address WHERE line1 = '2 rue du Bac'"), 1);
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM address WHERE line1 = '1 rue de la Paix'"), 0);
    EXPECT_EQ(scalar(*admin.store, "SELECT count(*) FROM address WHERE line1 = '1 rue de la Paix'"), 0);
}

// The administrator erases L, not knowing that another device merged L
// into S meanwhile (the same person): the server erased S in L's place (it
// followed the erasure to the survivor), and S's copy of L's notepad stayed.
// Now it erases L, then S as a record of the same person, each by an
// erasure row every copy applies, and takes L's text out of S's notepad.
TEST(ErasureAndMerges, ARecordMergedElsewhereIsErasedWithItsSurvivorAndItsJoinedNotes)
{
    SyncServer server;
    ASSERT_TRUE(server::ensure_admin_journal(*server.store));
    EnrolledDevice admin(1, server::Role::admin);
    EnrolledDevice office(2, server::Role::office);
    ASSERT_TRUE(sync::write_meta(*admin.store, "sync_token", "token-1"));
    const std::string s = member(*admin.store, "Hélène", "1 rue de la Paix");
    const std::string l = member(*admin.store, "Helene", "2 rue du Bac");
    ASSERT_TRUE(MemberRepository(*admin.store).set_notepad(l, "Calls back on Mondays", "op1"));
    server.push(admin);
    server.pull(office);
    ASSERT_TRUE(merge_members(*office.store, l, s, "op2", false));
    server.push(office);
    ASSERT_EQ(scalar(*server.store, "SELECT count(*) FROM member WHERE instr(notepad, 'Calls back on Mondays') "
                                    "AND merged_into_ref IS NULL"),
              1);
    ASSERT_TRUE(sync::erase_member_here(*admin.store, l, "op1"));
    server.push(admin);
    server.pull(admin);
    ASSERT_TRUE(sync::apply_pulled_erasures(*admin.store));
    server.pull(office);
    ASSERT_TRUE(sync::apply_pulled_erasures(*office.store));
    for (Store* copy : {server.store.get(), admin.store.get(), office.store.get()}) {
        EXPECT_EQ(scalar(*copy, "SELECT count(*) FROM member_erasure"), 2);
        EXPECT_EQ(scalar(*copy, "SELECT count(*) FROM member WHERE deleted = 0 OR first_name <> '' OR notepad <> ''"),
                  0);
        EXPECT_EQ(scalar(*copy, "SELECT count(*) FROM address"), 0);
    }
    EXPECT_EQ(sim::Simulation::dump(*admin.store), sim::Simulation::dump(*server.store));
    EXPECT_EQ(sim::Simulation::dump(*office.store), sim::Simulation::dump(*server.store));
}

// A merge joined L's notepad into S's, S's notepad was edited since, and
// the merge was undone (the edit keeps the joined text on S). L erased:
// L's name and text go from S's notepad too, on every copy.
TEST(ErasureAndMerges, WhatAMergeJoinedOfTheErasedPersonLeavesTheOtherRecord)
{
    SyncServer server;
    ASSERT_TRUE(server::ensure_admin_journal(*server.store));
    EnrolledDevice admin(1, server::Role::admin);
    EnrolledDevice office(2, server::Role::office);
    ASSERT_TRUE(sync::write_meta(*admin.store, "sync_token", "token-1"));
    const std::string s = member(*admin.store, "Hélène", "1 rue de la Paix");
    const std::string l = member(*admin.store, "Helene", "2 rue du Bac");
    ASSERT_TRUE(MemberRepository(*admin.store).set_notepad(s, "Prefers email", "op1"));
    ASSERT_TRUE(MemberRepository(*admin.store).set_notepad(l, "Calls back on Mondays", "op1"));
    server.push(admin);
    server.pull(office);
    ASSERT_TRUE(merge_members(*office.store, l, s, "op2", false));
    server.push(office);
    server.pull(office);
    const std::string joined = MemberRepository(*office.store).get(s)->notepad;
    ASSERT_NE(joined.find("Calls back on Mondays"), std::string::npos);
    ASSERT_TRUE(MemberRepository(*office.store).set_notepad(s, joined + "\nVisited in May", "op2"));
    ASSERT_TRUE(unmerge_members(*office.store, l, "op2"));
    server.push(office);
    server.pull(admin);
    ASSERT_TRUE(sync::erase_member_here(*admin.store, l, "op1"));
    server.push(admin);
    server.pull(admin);
    server.pull(office);
    ASSERT_TRUE(sync::apply_pulled_erasures(*office.store));
    for (Store* copy : {server.store.get(), admin.store.get(), office.store.get()}) {
        const std::string notepad = MemberRepository(*copy).get(s)->notepad;
        EXPECT_EQ(notepad.find("Calls back on Mondays"), std::string::npos) << notepad;
        EXPECT_EQ(notepad.find("Helene"), std::string::npos) << notepad;
        EXPECT_EQ(notepad.find("Prefers email"), 0u) << notepad;
    }
    EXPECT_EQ(sim::Simulation::dump(*admin.store), sim::Simulation::dump(*server.store));
    EXPECT_EQ(sim::Simulation::dump(*office.store), sim::Simulation::dump(*server.store));
}

// Found by the simulation (seed 2212452851777537): B, who asked for no
// more mailings, was merged into A, so A's stop-promo was set on every
// copy. A was erased at the server, which took with her what the merge had
// recorded about her; an office device not yet told undid the merge and
// put A's stop-promo back as it was before it, where the server, having no
// record left, kept it. Nothing was logged, as nothing changed at the
// server: the device's value stood under the server's clock. The server now
// sends the sides' stop-promo and memos after any change to a merge pointer.
// (The device held the record from a copy the server cut for it.)
TEST(ErasureAndMerges, AnUnmergeOnACopyNotYetToldOfAnErasureEndsWithTheServersValues)
{
    SyncServer server;
    ASSERT_TRUE(server::ensure_admin_journal(*server.store));
    EnrolledDevice admin(1, server::Role::admin);
    EnrolledDevice office(2, server::Role::office);
    ASSERT_TRUE(sync::write_meta(*admin.store, "sync_token", "token-1"));
    const std::string a = member(*office.store, "Hélène", "1 rue de la Paix");
    const std::string b = member(*office.store, "Helene", "2 rue du Bac");
    ASSERT_TRUE(MemberRepository(*office.store).set_markers(b, "", true, TaxReceiptPref::annual, "op2"));
    ASSERT_TRUE(merge_members(*office.store, b, a, "op2", false));
    server.push(office);
    server.pull(admin);
    // The office's device takes a new copy: with the server's record of
    // what the merge joined (core/members/member_merge.h).
    std::vector<uint8_t> image =
        sync::adopt_server_copy(
            *office.store, server::copy_for_role(server.store->serialize(), server::Role::office, "2025-11-23").value())
            .value();
    office.outbox.reset();
    office.store = std::move(Store::open_bytes(image).value());
    office.outbox = std::move(sync::Outbox::attach(*office.store, [] { return kSyncNow; }).value());
    ASSERT_TRUE(MemberRepository(*office.store).get(a)->stop_promo);
    ASSERT_GT(scalar(*office.store, "SELECT count(*) FROM merge_move WHERE col = 'stop_promo'"), 0);
    ASSERT_TRUE(sync::erase_member_here(*admin.store, a, "op1"));
    server.push(admin);
    // Not yet told, the office undoes the merge: A's stop-promo goes back.
    ASSERT_TRUE(unmerge_members(*office.store, b, "op2"));
    ASSERT_FALSE(MemberRepository(*office.store).get(a)->stop_promo);
    server.push(office);
    server.pull(office);
    ASSERT_TRUE(sync::apply_pulled_erasures(*office.store));
    server.pull(admin);
    ASSERT_TRUE(sync::apply_pulled_erasures(*admin.store));
    EXPECT_EQ(sim::Simulation::dump(*office.store), sim::Simulation::dump(*server.store));
    EXPECT_EQ(sim::Simulation::dump(*admin.store), sim::Simulation::dump(*server.store));
}

} // namespace
} // namespace obole::test
