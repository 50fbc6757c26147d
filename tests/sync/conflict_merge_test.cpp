// A text conflict is about one record's text, wherever a merge shows it.
// Found by the simulation (seed 2097428500054227, erasures on): P's notepad
// conflict, moved to S by P's merge into S, was resolved on S's dossier
// with "keep this version", which wrote P's old notepad over S's whole
// notepad; P was unmerged, S erased at their request, and P's words, which
// the erasure of S rightly left on P's conflict, were on record as S's
// notepad. A conflict is now resolved on the record it is about; and one
// the server records about a member merged away is filed under that
// member (and follows the merge), not under its survivor.
#include <gtest/gtest.h>

#include "client/device_copy.h"
#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/members/text_conflict_repository.h"
#include "one_server.h"
#include "server/admin_journal.h"
#include "simulation.h"

namespace obole::test {
namespace {

std::string member(Store& store, const char* first)
{
    NewMember m;
    m.first_name = first;
    m.last_name = "Dupont";
    m.postcode = "75011";
    m.city = "Paris";
    return MemberRepository(store).create(m, "op1").value();
}

std::string notepad(Store& store, const std::string& id)
{
    return MemberRepository(store).get(id)->notepad;
}

// Two offices write P's notepad apart: the server keeps one version and
// records the other as a conflict about P.
void conflicting_notepads(SyncServer& server, EnrolledDevice& a, EnrolledDevice& b, const std::string& p)
{
    ASSERT_TRUE(MemberRepository(*a.store).set_notepad(p, "Calls back on Mondays", "op1"));
    ASSERT_TRUE(MemberRepository(*b.store).set_notepad(p, "Prefers letters", "op2"));
    server.push(a);
    server.push(b);
    ASSERT_EQ(scalar(*server.store, "SELECT count(*) FROM text_conflict"), 1);
}

TEST(ConflictsAndMerges, KeepingTheOtherVersionOfAMergedRecordWritesThatRecordNotItsSurvivor)
{
    SyncServer server;
    EnrolledDevice a(1, server::Role::office);
    EnrolledDevice b(2, server::Role::office);
    const std::string s = member(*a.store, "Hélène");
    const std::string p = member(*a.store, "Helene");
    ASSERT_TRUE(MemberRepository(*a.store).set_notepad(s, "Major donor since 2019", "op1"));
    server.push(a);
    server.pull(b);
    conflicting_notepads(server, a, b, p);
    // P merged into S: the conflict is shown on S's dossier, as P's.
    ASSERT_TRUE(merge_members(*a.store, p, s, "op1", false));
    server.push(a);
    server.pull(a);
    server.pull(b);
    std::vector<TextConflict> shown = TextConflictRepository(*b.store).open_for_member(s).value();
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0].about_id, p);
    EXPECT_EQ(shown[0].current_text, notepad(*b.store, p));
    ASSERT_TRUE(TextConflictRepository(*b.store).resolve(shown[0].id, true, "op2"));
    server.push(b);
    server.pull(a);
    server.pull(b);
    for (Store* copy : {server.store.get(), a.store.get(), b.store.get()}) {
        // S keeps its own words; P's kept version is P's notepad.
        EXPECT_EQ(notepad(*copy, s).find("Major donor since 2019"), 0u) << notepad(*copy, s);
        EXPECT_EQ(notepad(*copy, p), shown[0].other_text);
    }
    EXPECT_EQ(sim::Simulation::dump(*a.store), sim::Simulation::dump(*server.store));
    EXPECT_EQ(sim::Simulation::dump(*b.store), sim::Simulation::dump(*server.store));
}

// P was merged into S on the server when the second edit of P's notepad
// arrived from a device that had not heard of the merge: the conflict is
// about P, so an unmerge takes it back to P, and P's erasure takes it.
TEST(ConflictsAndMerges, AConflictAboutAMergedRecordLeavesWithItsUnmergeAndItsErasure)
{
    SyncServer server;
    ASSERT_TRUE(server::ensure_admin_journal(*server.store));
    EnrolledDevice admin(1, server::Role::admin);
    EnrolledDevice office(2, server::Role::office);
    ASSERT_TRUE(sync::write_meta(*admin.store, "sync_token", "token-1")); // enrolled: client/device_copy.h
    const std::string s = member(*admin.store, "Hélène");
    const std::string p = member(*admin.store, "Helene");
    server.push(admin);
    server.pull(office);
    ASSERT_TRUE(MemberRepository(*admin.store).set_notepad(p, "Calls back on Mondays", "op1"));
    ASSERT_TRUE(MemberRepository(*office.store).set_notepad(p, "Prefers letters", "op2"));
    ASSERT_TRUE(merge_members(*admin.store, p, s, "op1", false));
    server.push(admin);
    server.push(office); // its edit of P meets the admin's: a conflict about P, merged into S
    ASSERT_EQ(scalar(*server.store, "SELECT count(*) FROM text_conflict"), 1);
    ASSERT_TRUE(unmerge_members(*admin.store, p, "op1"));
    server.push(admin);
    server.pull(admin);
    server.pull(office);
    for (Store* copy : {server.store.get(), admin.store.get(), office.store.get()}) {
        EXPECT_EQ(TextConflictRepository(*copy).open_for_member(p).value().size(), 1u);
        EXPECT_EQ(TextConflictRepository(*copy).open_for_member(s).value().size(), 0u);
    }
    ASSERT_TRUE(sync::erase_member_here(*admin.store, p, "op1"));
    server.push(admin);
    server.pull(admin);
    server.pull(office);
    ASSERT_TRUE(sync::apply_pulled_erasures(*office.store));
    for (Store* copy : {server.store.get(), admin.store.get(), office.store.get()})
        EXPECT_EQ(scalar(*copy, "SELECT count(*) FROM text_conflict WHERE instr(value, 'Calls back') OR "
                                "instr(value, 'Prefers letters')"),
                  0);
    EXPECT_EQ(sim::Simulation::dump(*admin.store), sim::Simulation::dump(*server.store));
    EXPECT_EQ(sim::Simulation::dump(*office.store), sim::Simulation::dump(*server.store));
}

} // namespace
} // namespace obole::test
