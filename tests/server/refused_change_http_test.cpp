// A device whose change the server refused keeps it for a person to read
// (sync/client/refusals.h) — what it was, for whom, why — and its other
// changes keep flowing: the outbox empties, the office receives them.
#include "device_over_http.h"

#include "client/refusals.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"

namespace {

class RefusedChangeTest : public DeviceOverHttp {};

// An older or broken version of the app wrote a gift no form allows.
void write_poisoned_gift(obole::Store& store, const std::string& member)
{
    ASSERT_TRUE(store.transaction([&] {
        obole::Statement s(store.db(), "INSERT INTO gift(member_ref, gift_date, id, amount_cents, payment_method, "
                                       "created_at) SELECT ref, '2026-11-23', ?2, 9223372036854775807, 'cash', "
                                       "'2026-11-23T10:00:00.000Z' FROM member WHERE id = ?1");
        s.bind_uuid(1, member);
        s.bind_uuid(2, obole::new_uuid_v7());
        return s.run();
    }));
}

std::string add_gift(obole::Store& store, const std::string& member, const char* amount)
{
    obole::NewGift g;
    g.member_id = member;
    g.amount_text = amount;
    g.date_text = "2026-11-24";
    return obole::GiftRepository(store).add(g, "vic").value();
}

TEST_F(RefusedChangeTest, ARefusedGiftIsKeptForAPersonAndTheOtherChangesFlow)
{
    HttpDevice office, stand;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    obole::NewMember m;
    m.first_name = "Hélène";
    m.last_name = "Dupont";
    const std::string member = obole::MemberRepository(*stand.store).create(m, "vic").value();
    write_poisoned_gift(*stand.store, member);
    const std::string good = add_gift(*stand.store, member, "15");
    run(stand);

    obole::sync::SyncStatus status = stand.engine.status();
    EXPECT_EQ(status.last_error, "");
    EXPECT_EQ(status.waiting, 0) << "the refused change must not hold the outbox";
    EXPECT_EQ(status.refused, 1);
    auto refusals = obole::sync::open_refusals(*stand.store);
    ASSERT_TRUE(refusals) << refusals.error().message;
    ASSERT_EQ(refusals->size(), 1u);
    const obole::sync::Refusal& r = refusals->front();
    EXPECT_EQ(r.table, "gift");
    EXPECT_EQ(r.op, obole::sync::Op::insert);
    EXPECT_EQ(r.member_id, member);
    EXPECT_EQ(r.code, "value.out_of_range");
    EXPECT_EQ(r.field, "amount_cents");
    EXPECT_EQ(r.fields["amount_cents"], INT64_MAX);
    EXPECT_FALSE(r.message.empty());

    // The office has the member and the good gift, not the poisoned one, and
    // later gifts for that member still travel.
    run(office);
    auto gifts = obole::GiftRepository(*office.store).list_for_member(member).value();
    ASSERT_EQ(gifts.size(), 1u);
    EXPECT_EQ(gifts[0].id, good);
    add_gift(*stand.store, member, "20");
    run(stand);
    run(office);
    EXPECT_EQ(obole::GiftRepository(*office.store).list_for_member(member).value().size(), 2u);
    EXPECT_EQ(stand.engine.status().refused, 1) << "a refusal waits until a person dismisses it";

    // Read and dismissed: gone from the list and the count.
    ASSERT_TRUE(stand.engine.dismiss_refusal(r.id));
    EXPECT_EQ(stand.engine.status().refused, 0);
    EXPECT_TRUE(obole::sync::open_refusals(*stand.store)->empty());
}

TEST_F(RefusedChangeTest, ARefusedEditIsUndoneOnTheDeviceAndExplained)
{
    HttpDevice stand;
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    obole::NewMember m;
    m.last_name = "Martin";
    const std::string member = obole::MemberRepository(*stand.store).create(m, "vic").value();
    run(stand);
    // A volunteer's device (an old version) deletes the member: not allowed.
    ASSERT_TRUE(stand.store->transaction([&] {
        obole::Statement s(stand.store->db(), "UPDATE member SET deleted = 1 WHERE id = ?1");
        s.bind_uuid(1, member);
        return s.run();
    }));
    run(stand);
    auto refusals = obole::sync::open_refusals(*stand.store);
    ASSERT_TRUE(refusals);
    ASSERT_EQ(refusals->size(), 1u);
    EXPECT_EQ(refusals->front().code, "auth.forbidden");
    EXPECT_EQ(refusals->front().op, obole::sync::Op::update);
    EXPECT_EQ(refusals->front().member_id, member);
    // The server's version came back with the pull.
    obole::Statement s(stand.store->db(), "SELECT deleted FROM member WHERE id = ?1");
    s.bind_uuid(1, member);
    ASSERT_EQ(s.step(), obole::Statement::Step::row);
    EXPECT_EQ(s.column_int64(0), 0);
}

} // namespace
