// The fundraiser's day list: a sign-up waits while any row it wrote is in
// the outbox, and shows as synced once the server acknowledged them.
#include <gtest/gtest.h>

#include "client/outbox.h"
#include "core/calendar/date.h"
#include "core/field/field_day.h"
#include "core/field/field_signup.h"
#include "core/store/store.h"
#include "field_form.h"

namespace obole::sync {
namespace {

using obole::testing_support::field_form;

struct Device {
    std::unique_ptr<Store> store = std::move(Store::open_memory().value());
    int64_t now = 1'763'900'000'000;
    std::unique_ptr<Outbox> outbox = std::move(Outbox::attach(*store, [this] { return now; }).value());

    uint64_t last_seq()
    {
        Result<std::vector<OutboxChange>> all = outbox->pending(100000);
        return all->empty() ? 0 : all->back().seq;
    }
};

TEST(FieldDay, TodaysSignUpsOfThisFundraiserWithTotalsAndWhatWaits)
{
    Device d;
    ASSERT_TRUE(sign_up_in_the_field(*d.store, field_form("Martin", "15"), "fundraiser1").ok());
    ASSERT_TRUE(sign_up_in_the_field(*d.store, field_form("Bernard", "60", Frequency::quarterly), "fundraiser1").ok());
    ASSERT_TRUE(sign_up_in_the_field(*d.store, field_form("Petit", "99"), "someone else").ok());

    FieldDay day = field_day(*d.store, "fundraiser1", today_local_iso()).value();
    ASSERT_EQ(day.rows.size(), 2u);
    EXPECT_EQ(day.rows[0].name, "Léa Bernard"); // newest first
    EXPECT_EQ(day.rows[0].amount_cents, 6000);
    EXPECT_EQ(day.rows[0].frequency, Frequency::quarterly);
    EXPECT_EQ(day.rows[0].time.size(), 5u);
    EXPECT_EQ(day.rows[1].name, "Léa Martin");
    EXPECT_EQ(day.monthly_cents, 1500 + 2000); // 60 a quarter is 20 a month
    EXPECT_EQ(day.waiting, 2);
    EXPECT_TRUE(day.rows[0].waiting && day.rows[1].waiting);

    EXPECT_TRUE(field_day(*d.store, "fundraiser1", "2001-01-01").value().rows.empty());
}

TEST(FieldDay, ASignUpIsSyncedOnlyWhenNoneOfItsRowsWaits)
{
    Device d;
    ASSERT_TRUE(sign_up_in_the_field(*d.store, field_form("Martin"), "fundraiser1").ok());
    const uint64_t first = d.last_seq();
    ASSERT_TRUE(sign_up_in_the_field(*d.store, field_form("Bernard"), "fundraiser1").ok());

    // The server took the first sign-up's changes but one (its last row).
    ASSERT_TRUE(d.outbox->acknowledge(first - 1).ok());
    FieldDay day = field_day(*d.store, "fundraiser1", today_local_iso()).value();
    ASSERT_EQ(day.rows.size(), 2u);
    EXPECT_TRUE(day.rows[1].waiting) << "one row of Martin's sign-up still waits";

    ASSERT_TRUE(d.outbox->acknowledge(first).ok());
    day = field_day(*d.store, "fundraiser1", today_local_iso()).value();
    EXPECT_FALSE(day.rows[1].waiting) << "Martin's sign-up is all at the server";
    EXPECT_TRUE(day.rows[0].waiting) << "Bernard's is not";
    EXPECT_EQ(day.waiting, 1);

    ASSERT_TRUE(d.outbox->acknowledge(d.last_seq()).ok());
    EXPECT_EQ(field_day(*d.store, "fundraiser1", today_local_iso()).value().waiting, 0);
}

} // namespace
} // namespace obole::sync
