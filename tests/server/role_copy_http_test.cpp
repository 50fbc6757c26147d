// What leaves the server is what the device's role may read (protocol/
// access.h): pulls and snapshots cut per role, a role changed at the next
// contact and a revoked device erased, checked in the bytes a device holds.
#include "device_over_http.h"

#include "client/device_copy.h"
#include "core/campaigns/email_activity_repository.h"
#include "core/members/document_repository.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"

namespace {

using obole::Store;

const std::string kIban = "FR7630006000011234567890189";
const std::string kAccountDigits = "30006000011234567890"; // what masking hides
const std::string kScan = "SCANNED-FORM-CONTENT";

bool holds(const std::vector<uint8_t>& bytes, const std::string& text)
{
    return std::string(bytes.begin(), bytes.end()).find(text) != std::string::npos;
}

int64_t count(Store& store, const char* sql)
{
    obole::Statement s(store.db(), sql);
    return s.step() == obole::Statement::Step::row ? s.column_int64(0) : -1;
}

std::string text(Store& store, const char* sql)
{
    obole::Statement s(store.db(), sql);
    return s.step() == obole::Statement::Step::row ? s.column_text(0) : "(none)";
}

class RoleCopyTest : public DeviceOverHttp {
protected:
    // Zoé Lambert, her mandate and its December collection, a scanned form,
    // a gift and a newsletter opened, entered at the office and synced.
    void office_enters_a_donor(HttpDevice& office)
    {
        obole::NewMember m;
        m.first_name = "Zoé";
        m.last_name = "Lambert";
        member = obole::MemberRepository(*office.store).create(m, "ada").value();
        obole::NewSepaMandate mandate;
        mandate.member_id = member;
        mandate.iban_text = kIban;
        mandate.bic_text = "AGRIFRPP";
        mandate.holder = "Zoé Lambert";
        mandate.signature_date_text = "2026-11-02";
        mandate.amount_text = "15";
        obole::Result<std::string> added = obole::SepaMandateRepository(*office.store).add(mandate, "ada");
        ASSERT_TRUE(added) << added.error().message;
        const obole::CreditorSettings creditor =
            obole::save_creditor_settings(
                *office.store, {"Les Amis", "FR72ZZZ123456", "FR1420041010050500013M02606", "", "2", "5", "5"}, "ada")
                .value();
        ASSERT_TRUE(
            obole::CollectionRunRepository(*office.store)
                .submit(obole::plan_collections(*office.store, creditor, "2026-12-07").value(), creditor, "ada"));
        obole::NewDocument d;
        d.member_id = member;
        d.name = "form.txt";
        d.direction = "received";
        d.content.assign(kScan.begin(), kScan.end());
        ASSERT_TRUE(obole::DocumentRepository(*office.store).add(d, "ada"));
        obole::NewGift g;
        g.member_id = member;
        g.amount_text = "40";
        g.date_text = "2026-11-03";
        ASSERT_TRUE(obole::GiftRepository(*office.store).add(g, "ada"));
        obole::Statement ref(office.store->db(), "SELECT ref FROM member WHERE id = ?1");
        ref.bind_uuid(1, member);
        ASSERT_EQ(ref.step(), obole::Statement::Step::row);
        ASSERT_TRUE(office.store->transaction([&]() -> obole::Result<void> {
            obole::Result<bool> added = obole::EmailActivityRepository(*office.store)
                                            .insert_checked(ref.column_int64(0), {"", member, "2026-11-04T10:00:00",
                                                                                  "open", "November news", ""});
            return added ? obole::Result<void>() : obole::Result<void>(added.error());
        }));
        run(office);
        ASSERT_EQ(office.outbox->count().value(), 0) << office.engine.status().last_error;
    }

    // An operator added and given a code over the admin API.
    std::string code_for_new_operator(const std::string& login, const char* role)
    {
        const std::string admin = token_for(second_admin_code, "admin", kAdminPassword);
        Reply added = send("POST", "/api/admin/operators",
                           json{{"login", login}, {"role", role}, {"password", "a password 123"}}.dump(), admin);
        EXPECT_EQ(added.status, 201) << added.body.dump();
        Reply code = send("POST", "/api/admin/enrol-codes", json{{"login", login}}.dump(), admin);
        EXPECT_EQ(code.status, 201) << code.body.dump();
        admin_token = admin;
        return code.body.value("code", std::string());
    }

    std::vector<uint8_t> snapshot(const std::string& token)
    {
        httplib::Result res = client->Get("/api/snapshot", {{"Authorization", "Bearer " + token}});
        EXPECT_TRUE(res && res->status == 200);
        return res ? std::vector<uint8_t>(res->body.begin(), res->body.end()) : std::vector<uint8_t>();
    }

    std::string member, admin_token;
};

TEST_F(RoleCopyTest, PullsAreCutForEachRole)
{
    HttpDevice office, stand, street;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    office_enters_a_donor(office);
    enrol(street, code_for_new_operator("fred", "fundraiser"), "fred", "a password 123");

    run(stand);
    run(street);
    for (HttpDevice* d : {&stand, &street}) {
        EXPECT_EQ(d->engine.status().last_error, "");
        EXPECT_EQ(text(*d->store, "SELECT iban FROM sepa_mandate"), "FR76*******************0189");
        EXPECT_EQ(count(*d->store, "SELECT count(*) FROM email_activity"), 0);
        EXPECT_EQ(count(*d->store, "SELECT count(*) FROM member"), 1);
        // Collections and their runs are the office's.
        EXPECT_EQ(count(*d->store, "SELECT count(*) FROM sepa_collection"), 0);
        EXPECT_EQ(count(*d->store, "SELECT count(*) FROM sepa_run"), 0);
    }
    EXPECT_EQ(count(*office.store, "SELECT count(*) FROM sepa_collection"), 1);
    EXPECT_EQ(count(*stand.store, "SELECT count(*) FROM document WHERE length(content) = 0"), 1);
    EXPECT_EQ(count(*stand.store, "SELECT count(*) FROM gift"), 1);
    // The street sees no money and no history.
    EXPECT_EQ(count(*street.store, "SELECT count(*) FROM gift"), 0);
    EXPECT_EQ(count(*street.store, "SELECT count(*) FROM document"), 0);
    EXPECT_EQ(count(*street.store, "SELECT count(*) FROM journal"), 0);
    EXPECT_EQ(street.engine.status().operator_role, "fundraiser");
}

TEST_F(RoleCopyTest, SnapshotsAreCutForEachRoleDownToTheBytes)
{
    HttpDevice office;
    enrol(office, admin_code, "admin", kAdminPassword);
    office_enters_a_donor(office);
    const std::string volunteer = token_for(volunteer_code, "vol", kVolunteerPassword);
    const std::string fundraiser = token_for(code_for_new_operator("fred", "fundraiser"), "fred", "a password 123");

    const std::vector<uint8_t> full = snapshot(admin_token);
    EXPECT_TRUE(holds(full, kIban));
    EXPECT_TRUE(holds(full, kScan));

    for (const std::string& token : {volunteer, fundraiser}) {
        const std::vector<uint8_t> cut = snapshot(token);
        EXPECT_FALSE(holds(cut, kAccountDigits)) << "no page keeps the account number";
        EXPECT_FALSE(holds(cut, kScan));
        EXPECT_FALSE(holds(cut, "November news"));
        auto copy = Store::open_bytes(cut);
        ASSERT_TRUE(copy) << copy.error().message;
        EXPECT_EQ(text(**copy, "SELECT iban FROM sepa_mandate"), "FR76*******************0189");
        EXPECT_EQ(count(**copy, "SELECT count(*) FROM email_activity"), 0);
        EXPECT_EQ(count(**copy, "SELECT count(*) FROM sepa_collection"), 0);
        EXPECT_EQ(count(**copy, "SELECT count(*) FROM sepa_run"), 0);
        EXPECT_EQ(text(**copy, "SELECT value FROM meta WHERE key = 'pull_cursor'"),
                  text(*store, "SELECT value FROM meta WHERE key = 'pull_cursor'"));
    }
    std::unique_ptr<Store> street = std::move(Store::open_bytes(snapshot(fundraiser)).value());
    EXPECT_EQ(text(*street, "SELECT value FROM meta WHERE key = 'copy_role'"), "fundraiser");
    EXPECT_EQ(count(*street, "SELECT count(*) FROM gift"), 0);
    EXPECT_EQ(count(*street, "SELECT count(*) FROM gift_now"), 0);
    // Segments are computed again from what the copy holds: no gift shows
    // through a copy without gifts.
    EXPECT_EQ(count(*street, "SELECT count(*) FROM member_segment WHERE last_gift != '' OR total_12m != 0 "
                             "OR monetary != 0"),
              0);
}

TEST_F(RoleCopyTest, ARoleReducedThenADeviceRevokedLeavesNothingItMayNotHold)
{
    HttpDevice office;
    enrol(office, admin_code, "admin", kAdminPassword);
    office_enters_a_donor(office);
    auto olga = std::make_unique<HttpDevice>();
    enrol(*olga, code_for_new_operator("olga", "office"), "olga", "a password 123");
    run(*olga);
    ASSERT_EQ(text(*olga->store, "SELECT iban FROM sepa_mandate"), kIban);

    Reply reduced = send("POST", "/api/admin/operators/olga/role", json{{"role", "volunteer"}}.dump(), admin_token);
    ASSERT_EQ(reduced.status, 200) << reduced.body.dump();
    run(*olga);
    std::optional<std::vector<uint8_t>> copy = olga->engine.take_new_copy();
    ASSERT_TRUE(copy) << "the device replaces its copy at its next contact: " << olga->engine.status().last_error;
    EXPECT_FALSE(holds(*copy, kAccountDigits));
    EXPECT_FALSE(holds(*copy, kScan));

    // Restarted on it, the device is the same device: enrolled, numbering on.
    olga = std::make_unique<HttpDevice>(*copy);
    EXPECT_EQ(olga->engine.status().operator_role, "volunteer");
    EXPECT_TRUE(olga->engine.status().enrolled);
    obole::NewMember walk_in;
    walk_in.last_name = "Roux";
    ASSERT_TRUE(obole::MemberRepository(*olga->store).create(walk_in, "olga"));
    run(*olga);
    EXPECT_EQ(olga->outbox->count().value(), 0) << olga->engine.status().last_error;
    EXPECT_FALSE(olga->engine.take_new_copy()) << "one new copy, not one per round";
    run(office);
    EXPECT_EQ(count(*office.store, "SELECT count(*) FROM member WHERE last_name = 'Roux'"), 1);

    // Revoked: at its next contact the device keeps nothing, and says why.
    const std::string device_id = text(*olga->store, "SELECT value FROM meta WHERE key = 'sync_device_id'");
    Reply revoked = send("POST", "/api/admin/devices/" + device_id + "/revoke", "{}", admin_token);
    ASSERT_EQ(revoked.status, 200) << revoked.body.dump();
    run(*olga);
    std::optional<std::vector<uint8_t>> erased = olga->engine.take_new_copy();
    ASSERT_TRUE(erased);
    EXPECT_FALSE(holds(*erased, "Lambert"));
    EXPECT_FALSE(holds(*erased, "Roux"));
    HttpDevice after(*erased);
    EXPECT_EQ(count(*after.store, "SELECT count(*) FROM member"), 0);
    EXPECT_FALSE(after.engine.status().enrolled);
    EXPECT_NE(obole::sync::erased_reason(*after.store).value().find("revoked"), std::string::npos);

    Reply journal = send("GET", "/api/admin/journal", "", admin_token);
    std::string actions;
    for (const json& a : journal.body["actions"])
        actions += a["action"].get<std::string>() + " ";
    EXPECT_NE(actions.find("operator.role"), std::string::npos) << actions;
    EXPECT_NE(actions.find("device.revoke"), std::string::npos) << actions;
}

TEST_F(RoleCopyTest, SigningOutBurnsTheTokenAndErasesTheDevice)
{
    HttpDevice office, stand;
    enrol(office, admin_code, "admin", kAdminPassword);
    office_enters_a_donor(office);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    run(stand);
    const std::string token = stand.engine.token();
    stand.engine.sign_out_and_erase();
    run(stand);
    std::optional<std::vector<uint8_t>> erased = stand.engine.take_new_copy();
    ASSERT_TRUE(erased);
    EXPECT_FALSE(holds(*erased, "Lambert"));
    EXPECT_EQ(send("GET", "/api/sync/pull?since=0&limit=10&schema_version=1", "", token).error_code(), "auth.revoked");
}

TEST_F(RoleCopyTest, AnUnknownRoleIsRefusedAndChangesNothing)
{
    code_for_new_operator("olga", "office");
    Reply bad = send("POST", "/api/admin/operators/olga/role", json{{"role", "root"}}.dump(), admin_token);
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.error_code(), "auth.bad_role");
    Reply nobody = send("POST", "/api/admin/operators/nobody/role", json{{"role", "office"}}.dump(), admin_token);
    EXPECT_EQ(nobody.error_code(), "auth.unknown_operator");
    const std::string volunteer = token_for(volunteer_code, "vol", kVolunteerPassword);
    Reply forbidden = send("POST", "/api/admin/operators/olga/role", json{{"role", "admin"}}.dump(), volunteer);
    EXPECT_EQ(forbidden.status, 403);
    Reply list = send("GET", "/api/admin/operators", "", admin_token);
    for (const json& op : list.body["operators"]) {
        if (op["login"] == "olga") {
            EXPECT_EQ(op["role"], "office");
        }
    }
}

} // namespace
