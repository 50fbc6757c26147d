// A new row the server refuses is on no other copy and never will be: it
// leaves the device that wrote it (its values kept in the refusal), so
// the device shows and counts what the association holds. Found by the
// simulation once roles could change twice before a device heard: an
// operator made a volunteer while offline kept corrections and collection
// runs the server had refused, and their money differed from the server's.
#include <gtest/gtest.h>

#include "client/device_copy.h"
#include "client/refusals.h"
#include "core/members/member_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "one_server.h"
#include "protocol/access.h"

namespace obole::test {
namespace {

// A member and a gift of hers, entered at the office: their ids.
std::pair<std::string, std::string> member_and_gift(Store& store)
{
    NewMember m;
    m.first_name = "Hélène";
    m.last_name = "Dupont";
    NewGift g;
    g.member_id = MemberRepository(store).create(m, "op1").value();
    g.amount_text = "50";
    return {g.member_id, GiftRepository(store).add(g, "op1").value()};
}

TEST(RefusedRows, ANewRowTheServerRefusesLeavesTheDeviceAndItsValuesStayInTheRefusal)
{
    SyncServer server;
    EnrolledDevice office(1, server::Role::office);
    // Made a volunteer at the server while its device was offline.
    EnrolledDevice stand(2, server::Role::volunteer);
    const auto [id, gift] = member_and_gift(*office.store);
    server.push(office);
    server.pull(stand);
    // Its app still offers the office's correction.
    ASSERT_TRUE(GiftCorrectionRepository(*stand.store).cancel(gift, "entered twice", "op2"));
    ASSERT_EQ(scalar(*stand.store, "SELECT count(*) FROM gift_correction"), 1);
    ASSERT_EQ(scalar(*stand.store, "SELECT voided FROM gift_now"), 1);
    const sync::PushResponse answer = server.push(stand);
    ASSERT_EQ(answer.refused.size(), 1u);
    EXPECT_EQ(answer.refused[0].code, "auth.forbidden");
    // Gone from the device, as from the server; the gift counts again;
    // nothing left to send.
    EXPECT_EQ(scalar(*stand.store, "SELECT count(*) FROM gift_correction"), 0);
    EXPECT_EQ(scalar(*server.store, "SELECT count(*) FROM gift_correction"), 0);
    EXPECT_EQ(scalar(*stand.store, "SELECT voided FROM gift_now"), 0);
    EXPECT_EQ(stand.outbox->count().value(), 0);
    // The person still reads what it was and for whom.
    std::vector<sync::Refusal> kept = sync::open_refusals(*stand.store).value();
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].table, "gift_correction");
    EXPECT_EQ(kept[0].member_id, id);
    EXPECT_EQ(kept[0].fields.value("reason", ""), "entered twice");
    // The gift it was about stays: it is the association's.
    EXPECT_EQ(scalar(*stand.store, "SELECT count(*) FROM gift"), 1);
}

TEST(RefusedRows, ARetryOfARefusedChangeIsRefusedAgainWhenTheFirstAnswerWasLost)
{
    SyncServer server;
    EnrolledDevice office(1, server::Role::office);
    EnrolledDevice stand(2, server::Role::volunteer);
    const std::string gift = member_and_gift(*office.store).second;
    server.push(office);
    server.pull(stand);
    ASSERT_TRUE(GiftCorrectionRepository(*stand.store).cancel(gift, "entered twice", "op2"));
    const sync::PushRequest sent = server.request(stand);
    // The first answer is lost: the device sends the same changes again.
    Result<sync::PushResponse> first = server.service.push(stand.who, sent, kSyncNow);
    ASSERT_TRUE(first);
    ASSERT_EQ(first->refused.size(), 1u);
    Result<sync::PushResponse> again = server.service.push(stand.who, sent, kSyncNow);
    ASSERT_TRUE(again);
    ASSERT_EQ(again->refused.size(), 1u);
    EXPECT_EQ(again->refused[0].seq, first->refused[0].seq);
    EXPECT_EQ(again->refused[0].code, "auth.forbidden");
    EXPECT_EQ(again->refused[0].message, first->refused[0].message);
    // And a change taken is not reported refused on a retry.
    EXPECT_EQ(again->last_seq, first->last_seq);
}

// The operator's role changed and changed back before the copy for the
// first change came: the device acted by the other role meanwhile (and
// may hold what the copy's role may not read), so it still takes a copy.
TEST(RefusedRows, ARoleChangedBackBeforeTheNewCopyCameStillReplacesTheCopy)
{
    SyncDevice device(1, server::Role::volunteer);
    ASSERT_TRUE(sync::write_meta(*device.store, sync::kCopyRoleKey, "volunteer"));
    EXPECT_FALSE(sync::copy_needs_replacing(*device.store, "volunteer").value());
    EXPECT_TRUE(sync::copy_needs_replacing(*device.store, "office").value());
    // Back to volunteer before the office's copy came.
    EXPECT_TRUE(sync::copy_needs_replacing(*device.store, "volunteer").value());
    // A copy cut for the role it holds now ends it (it has no such mark).
    SyncServer server;
    std::vector<uint8_t> image = sync::adopt_server_copy(*device.store, server.store->serialize()).value();
    std::unique_ptr<Store> adopted = std::move(Store::open_bytes(image).value());
    ASSERT_TRUE(sync::write_meta(*adopted, sync::kCopyRoleKey, "volunteer"));
    EXPECT_FALSE(sync::copy_needs_replacing(*adopted, "volunteer").value());
}

// The device acts by the role its new copy was cut for, whatever it
// believed when it asked for it: the role may have changed in between.
TEST(RefusedRows, ANewCopyTellsTheDeviceTheRoleItWasCutFor)
{
    SyncDevice device(1, server::Role::office);
    ASSERT_TRUE(sync::write_meta(*device.store, "sync_operator_role", "office"));
    SyncServer server;
    std::unique_ptr<Store> cut = std::move(Store::open_bytes(server.store->serialize()).value());
    ASSERT_TRUE(sync::write_meta(*cut, sync::kCopyRoleKey, "volunteer"));
    std::vector<uint8_t> image = sync::adopt_server_copy(*device.store, cut->serialize()).value();
    std::unique_ptr<Store> adopted = std::move(Store::open_bytes(image).value());
    EXPECT_EQ(sync::read_meta(*adopted, "sync_operator_role").value(), "volunteer");
}

} // namespace
} // namespace obole::test
