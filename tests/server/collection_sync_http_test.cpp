// Collection runs through the real server: two office devices offline each
// submit the same month of the same mandates; the second to sync is refused
// (sync/server/collection_check.h) and the donor is collected once. A
// volunteer's device that writes a run is refused whatever it sends, and
// nothing of it reaches the office.
#include <sqlite3.h>

#include "device_over_http.h"

#include "client/refusals.h"
#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/sepa/collection_plan.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/collection_settlement.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"

namespace {

class CollectionSyncTest : public DeviceOverHttp {};

int64_t scalar(obole::Store& store, const char* sql)
{
    obole::Statement s(store.db(), sql);
    return s.step() == obole::Statement::Step::row ? s.column_int64(0) : -1;
}

obole::CreditorSettings creditor(obole::Store& store)
{
    return obole::save_creditor_settings(
               store, {"Les Amis", "FR72ZZZ123456", "FR7630006000011234567890189", "", "2", "5", "5"}, "admin")
        .value();
}

void add_mandate(obole::Store& store)
{
    obole::NewMember m;
    m.first_name = "Hélène";
    m.last_name = "Dupont";
    obole::NewSepaMandate n;
    n.member_id = obole::MemberRepository(store).create(m, "admin").value();
    n.iban_text = "FR1420041010050500013M02606";
    n.bic_text = "PSSTFRPPPAR";
    n.holder = "Hélène Dupont";
    n.signature_date_text = "2026-10-01";
    n.amount_text = "15";
    ASSERT_TRUE(obole::SepaMandateRepository(store).add(n, "admin").ok());
}

std::string submit(obole::Store& store, const obole::CreditorSettings& c)
{
    return obole::CollectionRunRepository(store)
        .submit(obole::plan_collections(store, c, "2026-12-07").value(), c, "admin")
        .value();
}

} // namespace

TEST_F(CollectionSyncTest, TwoOfficeDevicesCannotCollectTheSameMonthTwice)
{
    HttpDevice a, b;
    enrol(a, admin_code, "admin", kAdminPassword);
    enrol(b, second_admin_code, "admin", kAdminPassword);
    const obole::CreditorSettings c = creditor(*a.store);
    add_mandate(*a.store);
    run(a);
    run(b);
    ASSERT_EQ(scalar(*b.store, "SELECT count(*) FROM sepa_mandate"), 1);
    // Offline, both submit December.
    submit(*a.store, c);
    submit(*b.store, obole::load_creditor_settings(*b.store).value());
    run(a);
    run(b);
    auto refusals = obole::sync::open_refusals(*b.store);
    ASSERT_TRUE(refusals);
    ASSERT_FALSE(refusals->empty());
    EXPECT_EQ(refusals->front().code, "sepa.already_submitted");
    run(a);
    EXPECT_EQ(scalar(*a.store, "SELECT count(*) FROM sepa_collection WHERE status = 'submitted'"), 1);
}

TEST_F(CollectionSyncTest, AVolunteersDeviceNeverRunsACollection)
{
    HttpDevice office, stand;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    creditor(*office.store);
    add_mandate(*office.store);
    run(office);
    run(stand);
    // The volunteer's copy masks the account: the app plans nothing from it.
    const obole::CreditorSettings c = obole::load_creditor_settings(*stand.store).value();
    EXPECT_TRUE(obole::plan_collections(*stand.store, c, "2026-12-07").value().lines.empty());
    // A tampered app on the volunteer's device puts an account back and runs one anyway.
    ASSERT_EQ(sqlite3_exec(stand.store->db(), "UPDATE sepa_mandate SET iban = 'FR1420041010050500013M02606'", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    submit(*stand.store, c);
    run(stand);
    auto refusals = obole::sync::open_refusals(*stand.store);
    ASSERT_TRUE(refusals);
    ASSERT_FALSE(refusals->empty());
    // The run is refused for the role; its collections too.
    int runs = 0;
    for (const auto& r : *refusals)
        if (r.table == "sepa_run") {
            ++runs;
            EXPECT_EQ(r.code, "auth.forbidden");
        }
    EXPECT_EQ(runs, 1);
    run(office);
    EXPECT_EQ(scalar(*office.store, "SELECT count(*) FROM sepa_collection"), 0);
    EXPECT_EQ(scalar(*office.store, "SELECT count(*) FROM sepa_run"), 0);
}

// Past the bank's return deadline, an office device records its collections
// as gifts at its next sync, its SEPA screen never opened; another office
// device that settled the same collection offline wrote the same gift: the
// server holds it once.
TEST_F(CollectionSyncTest, CollectionsPastTheReturnDeadlineBecomeGiftsAtTheNextSync)
{
    HttpDevice a, b;
    enrol(a, admin_code, "admin", kAdminPassword);
    enrol(b, second_admin_code, "admin", kAdminPassword);
    const obole::CreditorSettings c = creditor(*a.store);
    add_mandate(*a.store);
    submit(*a.store, c);
    run(a);
    run(b);
    EXPECT_EQ(scalar(*a.store, "SELECT count(*) FROM gift"), 0) << "within the return deadline";
    // Five business days after 7 December is the 14th: the 16th is past it.
    const int64_t later = obole::days_from_iso("2026-12-16") * obole::kMsPerDay + 9 * 3600 * 1000;
    a.store->set_clock(later);
    b.store->set_clock(later);
    ASSERT_EQ(obole::settle_collections(*b.store, obole::CollectionAuthority::server, "admin").value(), 1)
        << "b, offline, opens its SEPA screen";
    run(a);
    EXPECT_EQ(scalar(*a.store, "SELECT count(*) FROM gift WHERE payment_method = 'direct_debit'"), 1);
    EXPECT_EQ(scalar(*a.store, "SELECT count(*) FROM sepa_collection WHERE status = 'collected'"), 1);
    run(b);
    run(a);
    EXPECT_EQ(scalar(*b.store, "SELECT count(*) FROM sync_refusal"), 0);
    EXPECT_EQ(scalar(*store, "SELECT count(*) FROM gift"), 1);
    EXPECT_EQ(scalar(*store, "SELECT count(*) FROM sepa_collection WHERE status = 'collected'"), 1);
    EXPECT_EQ(scalar(*b.store, "SELECT count(*) FROM gift"), 1);
}
