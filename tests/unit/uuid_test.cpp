#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "core/store/uuid.h"

using namespace obole;

TEST(UuidV7, CanonicalFormVersionAndVariant)
{
    for (int i = 0; i < 100; ++i) {
        std::string id = new_uuid_v7();
        ASSERT_TRUE(is_uuid_v7(id)) << id;
    }
    EXPECT_FALSE(is_uuid_v7("0190f2a4-5b1c-4d3e-8f12-3456789abcde")); // version 4
    EXPECT_FALSE(is_uuid_v7("0190f2a4-5b1c-7d3e-cf12-3456789abcde")); // variant 110
    EXPECT_FALSE(is_uuid_v7("0190F2A4-5B1C-7D3E-8F12-3456789ABCDE")); // uppercase
}

TEST(UuidV7, TimestampIsUnixMilliseconds)
{
    using namespace std::chrono;
    uint64_t before = uint64_t(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
    std::string id = new_uuid_v7();
    uint64_t after = uint64_t(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
    std::string hex = id.substr(0, 8) + id.substr(9, 4);
    uint64_t ms = std::stoull(hex, nullptr, 16);
    EXPECT_GE(ms, before);
    EXPECT_LE(ms, after + 1); // +1: a counter overflow may borrow the next millisecond
}

TEST(UuidV7, StrictlyIncreasingEvenWithinOneMillisecond)
{
    std::string previous = new_uuid_v7();
    std::set<std::string> seen{previous};
    for (int i = 0; i < 20000; ++i) {
        std::string id = new_uuid_v7();
        ASSERT_LT(previous, id) << i;
        ASSERT_TRUE(seen.insert(id).second);
        previous = id;
    }
}

TEST(UuidV7, FormatFromParts)
{
    EXPECT_EQ(format_uuid_v7(0x0190f2a45b1cull, 0xd3e, 0x0f123456789abcdeull), "0190f2a4-5b1c-7d3e-8f12-3456789abcde");
}

TEST(UuidBlob, RoundTripsThroughSixteenBytes)
{
    for (int i = 0; i < 100; ++i) {
        std::string id = new_uuid_v7();
        UuidBytes bytes{};
        ASSERT_TRUE(uuid_to_blob(id, &bytes)) << id;
        EXPECT_EQ(uuid_from_blob(bytes.data(), bytes.size()), id);
    }
    UuidBytes bytes{};
    ASSERT_TRUE(uuid_to_blob("0190F2A4-5B1C-7D3E-8F12-3456789ABCDE", &bytes));
    EXPECT_EQ(bytes[0], 0x01);
    EXPECT_EQ(bytes[15], 0xDE);
    EXPECT_EQ(uuid_from_blob(bytes.data(), bytes.size()), "0190f2a4-5b1c-7d3e-8f12-3456789abcde");
}

TEST(UuidBlob, BytesSortLikeTheText)
{
    std::string a = format_uuid_v7(1000, 1, 5), b = format_uuid_v7(1000, 2, 1), c = format_uuid_v7(1001, 0, 0);
    UuidBytes ba{}, bb{}, bc{};
    ASSERT_TRUE(uuid_to_blob(a, &ba) && uuid_to_blob(b, &bb) && uuid_to_blob(c, &bc));
    EXPECT_TRUE(a < b && b < c);
    EXPECT_TRUE(ba < bb && bb < bc);
}

TEST(UuidBlob, RejectsAnythingElse)
{
    UuidBytes bytes{};
    bytes[0] = 0x42;
    for (const char* bad : {"", "nope", "0190f2a4-5b1c-7d3e-8f12-3456789abcd", "0190f2a4-5b1c-7d3e-8f12-3456789abcdef",
                            "0190f2a45b1c-7d3e-8f12-3456789abcde-", "0190f2a4-5b1c-7d3e-8f12-3456789abcdg"})
        EXPECT_FALSE(uuid_to_blob(bad, &bytes)) << bad;
    EXPECT_EQ(bytes[0], 0x42); // untouched
    EXPECT_EQ(uuid_from_blob(bytes.data(), 15), "");
    EXPECT_EQ(uuid_from_blob(nullptr, 16), "");
}
