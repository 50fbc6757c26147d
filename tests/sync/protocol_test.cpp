// The protocol's pieces on their own: clocks, the JSON codec, merge rules.
#include <gtest/gtest.h>

#include "core/text/base64.h"
#include "protocol/codec.h"
#include "protocol/hlc.h"
#include "protocol/merge.h"
#include "protocol/sync_tables.h"

namespace obole::sync {
namespace {

TEST(Hlc, TextSortsLikeTheClockAndParsesBack)
{
    Hlc a{1'763'900'000'000, 0, "a"}, b{1'763'900'000'000, 1, "a"}, c{1'763'900'000'001, 0, "a"},
        d{1'763'900'000'001, 0, "b"};
    EXPECT_LT(a.text(), b.text());
    EXPECT_LT(b.text(), c.text());
    EXPECT_LT(c.text(), d.text());
    EXPECT_TRUE(a < b && b < c && c < d);
    EXPECT_EQ(Hlc::parse(d.text()), d);
    EXPECT_FALSE(Hlc::parse("yesterday"));
    EXPECT_FALSE(Hlc::parse("00000176390000x.00000.dev"));
}

TEST(Hlc, TicksAreIncreasingEvenWhenTheWallClockStepsBack)
{
    HlcClock clock("dev");
    Hlc first = clock.tick(1000);
    Hlc second = clock.tick(1000);
    Hlc third = clock.tick(400); // the wall clock went back
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
    EXPECT_EQ(third.wall_ms, 1000);
}

TEST(Hlc, AChangeSeenElsewhereIsOlderThanTheNextLocalOne)
{
    HlcClock clock("slow");
    Hlc seen{5'000, 7, "fast"}; // another device, ahead of this one's wall clock
    clock.observe(seen, 1'000);
    EXPECT_LT(seen, clock.tick(1'000));
}

TEST(Codec, PushRoundTripsAndChecksEveryChange)
{
    PushRequest r;
    r.schema_version = 3;
    Change c;
    c.table = "member";
    c.row = "0190f2a4-5b1c-7d3e-8f12-3456789abcde";
    c.op = Op::update;
    c.hlc = Hlc{1'763'900'000'000, 0, "dev"}.text();
    c.fields = {{"notepad", "Rappeler lundi"}, {"stop_promo", 1}};
    c.base = {{"notepad", ""}};
    r.changes.push_back({4, c});
    Result<PushRequest> back = parse_push_request(to_json(r).dump());
    ASSERT_TRUE(back.ok()) << back.error().message;
    ASSERT_EQ(back->changes.size(), 1u);
    EXPECT_EQ(back->changes[0].seq, 4u);
    EXPECT_EQ(back->changes[0].change.fields, c.fields);
    EXPECT_EQ(back->changes[0].change.base, c.base);

    EXPECT_EQ(parse_push_request("[1,2]").error().code, "sync.bad_message");
    EXPECT_EQ(parse_push_request("{\"schema_version\":3,\"changes\":[{\"seq\":0}]}").error().code, "sync.bad_message");
    c.fields = {{"memo_active", nullptr}};
    EXPECT_EQ(check_change(c).error().code, "sync.bad_value");
    c.fields = {{"member_no", 1}};
    c.base = {{"member_no", ""}}; // a base only for fields that keep versions
    EXPECT_EQ(check_change(c).error().code, "sync.bad_value");
    c.base = json::object();
    c.row = "42";
    EXPECT_EQ(check_change(c).error().code, "sync.bad_value");
}

TEST(Base64, RoundTripsAnyBytesAndRefusesWhatIsNotCanonical)
{
    EXPECT_EQ(base64_encode(""), "");
    EXPECT_EQ(base64_encode("f"), "Zg==");
    EXPECT_EQ(base64_encode("fo"), "Zm8=");
    EXPECT_EQ(base64_encode("foo"), "Zm9v");
    EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
    std::string bytes;
    for (int i = 0; i < 256; ++i)
        bytes += char(i);
    for (size_t n = 0; n <= bytes.size(); n += 37)
        EXPECT_EQ(base64_decode(base64_encode(bytes.substr(0, n))), bytes.substr(0, n));
    EXPECT_FALSE(base64_decode("Zg=").has_value());      // not a multiple of 4
    EXPECT_FALSE(base64_decode("Z!==").has_value());     // not the alphabet
    EXPECT_FALSE(base64_decode("Zh==").has_value());     // unused bits set
    EXPECT_FALSE(base64_decode("Zg==Zg==").has_value()); // padding inside
}

TEST(Codec, BlobAndRowUuidFieldsAreChecked)
{
    Change c;
    c.table = "document";
    c.row = "0190f2a4-5b1c-7d3e-8f12-3456789abcde";
    c.op = Op::insert;
    c.hlc = Hlc{1'763'900'000'000, 0, "dev"}.text();
    c.fields = {{"content", base64_encode(std::string("%PDF\0\xff", 6))}};
    EXPECT_TRUE(check_change(c).ok());
    c.fields = {{"content", "not base64!"}};
    EXPECT_EQ(check_change(c).error().code, "sync.bad_value");
    c.table = "sepa_collection";
    c.fields = {{"mandate_id", "0190f2a4-5b1c-7d3e-8f12-3456789abcdf"}};
    EXPECT_TRUE(check_change(c).ok());
    c.fields = {{"mandate_id", "RUM-1"}};
    EXPECT_EQ(check_change(c).error().code, "sync.bad_value");
}

TEST(Merge, NewerWinsAndFreeTextKeepsTheOtherVersion)
{
    const SyncTable& member = *find_sync_table("member");
    const SyncField& notepad = *member.field("notepad");
    const SyncField& stop = *member.field("stop_promo");
    const std::string older = Hlc{1000, 0, "a"}.text(), newer = Hlc{2000, 0, "b"}.text();

    EXPECT_TRUE(merge_field(stop, newer, nullptr, older).take);
    EXPECT_FALSE(merge_field(stop, older, nullptr, newer).take);
    EXPECT_TRUE(merge_field(stop, older, nullptr, "").take); // never changed since created

    // Edited over the current version: no conflict.
    FieldMerge over = merge_field(notepad, newer, &older, older);
    EXPECT_TRUE(over.take);
    EXPECT_FALSE(over.conflict);
    // Edited over an older version than the current one: both are kept.
    const std::string none;
    FieldMerge apart = merge_field(notepad, newer, &none, older);
    EXPECT_TRUE(apart.take);
    EXPECT_TRUE(apart.conflict);
    FieldMerge late = merge_field(notepad, older, &none, newer);
    EXPECT_FALSE(late.take);
    EXPECT_TRUE(late.conflict);
}

} // namespace
} // namespace obole::sync
