#include <gtest/gtest.h>

#include "core/store/journal_filter.h"

using namespace obole;

TEST(JournalFilter, by_operator_kind_and_inclusive_dates)
{
    std::vector<JournalEntry> entries = {
        {"1", "2026-03-10T09:00:00.000Z", "claire", "m", "gift.add", ""},
        {"2", "2026-03-01T23:59:00.000Z", "marc", "m", "call.in", ""},
        {"3", "2026-02-28T10:00:00.000Z", "claire", "m", "call.out", ""},
    };
    EXPECT_EQ(filter_journal(entries, {}).size(), 3u);
    EXPECT_EQ(filter_journal(entries, {"claire", "", "", ""}).size(), 2u);
    auto calls = filter_journal(entries, {"", "call", "", ""});
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].id, "2");
    auto march = filter_journal(entries, {"", "", "2026-03-01", "2026-03-01"});
    ASSERT_EQ(march.size(), 1u);
    EXPECT_EQ(march[0].id, "2");
    EXPECT_EQ(filter_journal(entries, {"claire", "call", "2026-03-01", ""}).size(), 0u);
    EXPECT_EQ(journal_action_kind("member.notepad"), "member");
    EXPECT_EQ(journal_action_kind("odd"), "odd");
}
