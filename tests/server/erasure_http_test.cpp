// A person erased at their request (issue 17, part 6): the server and every
// device keep nothing that names them (their data, the change log, the
// snapshot, a device's database and outbox), the money stays anonymised,
// and nothing more is recorded about them.
#include "device_over_http.h"

#include "client/device_copy.h"
#include "core/members/document_repository.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"

namespace {

using obole::Store;

const std::string kName = "Quillardière";
const std::string kPhone = "0611223344";
const std::string kAccountDigits = "30006000011234567890";

bool holds(const std::vector<uint8_t>& bytes, const std::string& text)
{
    return std::string(bytes.begin(), bytes.end()).find(text) != std::string::npos;
}

int64_t count(Store& store, const std::string& sql)
{
    obole::Statement s(store.db(), sql.c_str());
    return s.step() == obole::Statement::Step::row ? s.column_int64(0) : -1;
}

// The database as a device would store it: rewritten first (DeviceJournal::compact).
std::vector<uint8_t> stored(Store& store)
{
    EXPECT_TRUE(store.exec("VACUUM"));
    return store.serialize();
}

class ErasureTest : public DeviceOverHttp {
protected:
    std::string enter_person(HttpDevice& office)
    {
        obole::NewMember m;
        m.first_name = "Inès";
        m.last_name = kName;
        m.phone = kPhone;
        const std::string id = obole::MemberRepository(*office.store).create(m, "ada").value();
        obole::NewSepaMandate mandate;
        mandate.member_id = id;
        mandate.iban_text = "FR7630006000011234567890189";
        mandate.bic_text = "AGRIFRPP";
        mandate.holder = "Inès " + kName;
        mandate.signature_date_text = "2026-11-02";
        mandate.amount_text = "15";
        EXPECT_TRUE(obole::SepaMandateRepository(*office.store).add(mandate, "ada"));
        // December's collection: its row keeps the file's copy of the holder
        // and the account (the creditor's own account is another).
        const obole::CreditorSettings creditor =
            obole::save_creditor_settings(
                *office.store, {"Les Amis", "FR72ZZZ123456", "FR1420041010050500013M02606", "", "2", "5", "5"}, "ada")
                .value();
        const obole::CollectionPlan plan = obole::plan_collections(*office.store, creditor, "2026-12-07").value();
        EXPECT_EQ(plan.lines.size(), 1u);
        EXPECT_TRUE(obole::CollectionRunRepository(*office.store).submit(plan, creditor, "ada"));
        EXPECT_EQ(count(*office.store, "SELECT count(*) FROM sepa_collection WHERE holder LIKE '%" + kName +
                                           "%' AND iban LIKE '%" + kAccountDigits + "%'"),
                  1)
            << "the checks below could not fail";
        obole::NewGift g;
        g.member_id = id;
        g.amount_text = "40";
        g.date_text = "2026-11-03";
        EXPECT_TRUE(obole::GiftRepository(*office.store).add(g, "ada"));
        obole::NewDocument d;
        d.member_id = id;
        d.name = kName + ".pdf";
        d.direction = "received";
        d.content.assign(kName.begin(), kName.end());
        EXPECT_TRUE(obole::DocumentRepository(*office.store).add(d, "ada"));
        return id;
    }
};

TEST_F(ErasureTest, AnErasedPersonIsGoneFromTheServerAndEveryDeviceAndTheMoneyStays)
{
    HttpDevice office, stand;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    const std::string member = enter_person(office);
    run(office);
    run(stand);
    ASSERT_TRUE(holds(stand.store->serialize(), kName)) << "the check below could not fail";

    // Offline meanwhile, the volunteer notes her new phone number, and the
    // 25 euros she hands over at the stand.
    ASSERT_TRUE(obole::MemberRepository(*stand.store).add_phone(member, {"0499887766", "", ""}, "vic"));
    obole::NewGift at_stand;
    at_stand.member_id = member;
    at_stand.amount_text = "25";
    at_stand.date_text = "2026-12-05";
    ASSERT_TRUE(obole::GiftRepository(*stand.store).add(at_stand, "vic"));

    ASSERT_TRUE(obole::sync::erase_member_here(*office.store, member, "ada"));
    office.engine.note_local_erasure();
    EXPECT_FALSE(office.engine.take_compaction()) << "enrolled: once the outbox is sent";
    run(office);
    EXPECT_EQ(office.outbox->count().value(), 0) << office.engine.status().last_error;
    EXPECT_TRUE(office.engine.take_compaction());

    // The server: its data, its log, the snapshot it gives.
    EXPECT_EQ(count(*store, "SELECT count(*) FROM member WHERE last_name = '" + kName + "'"), 0);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM server.change_log WHERE fields LIKE '%" + kName +
                                "%' OR fields "
                                "LIKE '%" +
                                kPhone + "%' OR fields LIKE '%" + kAccountDigits + "%'"),
              0);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM gift"), 1) << "the money stays";
    EXPECT_EQ(count(*store, "SELECT count(*) FROM gift_now WHERE amount_cents = 4000"), 1);
    // The collection stays, its amount and date, without the file's copy of
    // the holder and the account.
    EXPECT_EQ(count(*store, "SELECT count(*) FROM sepa_collection WHERE amount_cents = 1500 AND "
                            "collection_date = '2026-12-07' AND holder = '' AND iban = 'FR76*******************0189'"),
              1);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM sepa_collection WHERE iban LIKE '%" + kAccountDigits +
                                "%' OR amended_from_iban LIKE '%" + kAccountDigits + "%' OR holder != ''"),
              0);
    httplib::Result snapshot = client->Get("/api/snapshot", {{"Authorization", "Bearer " + office.engine.token()}});
    ASSERT_TRUE(snapshot);
    EXPECT_EQ(snapshot->body.find(kName), std::string::npos);

    // The volunteer's device: its change is refused (nothing more is recorded
    // about her), the erasure applied, its outbox and refusals emptied of her.
    run(stand);
    EXPECT_TRUE(stand.engine.take_compaction()) << "the device must rewrite its storage";
    EXPECT_EQ(stand.outbox->count().value(), 0);
    const std::vector<uint8_t> image = stored(*stand.store);
    EXPECT_FALSE(holds(image, kName));
    EXPECT_FALSE(holds(image, kPhone));
    EXPECT_FALSE(holds(image, "0499887766"));
    // Her phone is refused; the money she gave is kept, as hers is.
    EXPECT_EQ(count(*stand.store, "SELECT count(*) FROM gift"), 2);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM gift_now WHERE amount_cents = 2500"), 1);
    EXPECT_EQ(count(*stand.store, "SELECT count(*) FROM sync_refusal"), 0);

    // The office's device applied it when it erased; a device enrolled
    // afterwards learns nothing of her from the log.
    EXPECT_FALSE(holds(stored(*office.store), kName));
    EXPECT_FALSE(holds(stored(*office.store), kAccountDigits));
    HttpDevice later;
    enrol(later, second_admin_code, "admin", kAdminPassword);
    run(later);
    EXPECT_FALSE(holds(stored(*later.store), kName));
    EXPECT_FALSE(holds(stored(*later.store), kAccountDigits));
    EXPECT_EQ(count(*later.store, "SELECT count(*) FROM sepa_collection WHERE amount_cents = 1500"), 1);
    EXPECT_EQ(count(*later.store, "SELECT count(*) FROM member_erasure"), 1);
}

// The retention list (core/privacy/retention.h) erases people in one
// action: all of them or none (a member who does not exist undoes it), one
// erased meanwhile by another administrator passed over; the server takes
// the erasures of all of them in one push.
TEST_F(ErasureTest, SeveralPeopleAreErasedInOneActionAllOrNone)
{
    HttpDevice office, other;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(other, second_admin_code, "admin", kAdminPassword);
    const std::string first = enter_person(office);
    obole::NewMember m;
    m.last_name = "Zéphyrin";
    const std::string second = obole::MemberRepository(*office.store).create(m, "ada").value();
    m.last_name = "Ypsilantis";
    const std::string third = obole::MemberRepository(*office.store).create(m, "ada").value();
    run(office);
    run(other);
    ASSERT_TRUE(obole::sync::erase_member_here(*other.store, third, "ada"));
    run(other);
    run(office);

    const std::string nobody = "0190a1b2-0000-7000-8000-000000000000";
    obole::Result<size_t> none = obole::sync::erase_members_here(*office.store, {first, second, nobody}, "ada");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, "member.unknown");
    EXPECT_EQ(count(*office.store, "SELECT count(*) FROM member_erasure"), 1) << "only the other admin's";

    obole::Result<size_t> erased = obole::sync::erase_members_here(*office.store, {first, second, third}, "ada");
    ASSERT_TRUE(erased) << erased.error().message;
    EXPECT_EQ(*erased, 2u);
    run(office);
    EXPECT_EQ(office.outbox->count().value(), 0) << office.engine.status().last_error;
    EXPECT_EQ(count(*store, "SELECT count(*) FROM member_erasure"), 3);
    for (const std::string& name : {kName, std::string("Zéphyrin"), std::string("Ypsilantis")})
        EXPECT_EQ(count(*store, "SELECT count(*) FROM member WHERE last_name = '" + name + "'"), 0) << name;
}

// Erased before it was ever sent: a device not enrolled keeps nothing of
// the person in its outbox, and what the server later gets is the rows the
// money points at, already anonymised.
TEST_F(ErasureTest, APersonErasedBeforeTheirEntriesWereSentTravelsAnonymised)
{
    HttpDevice office;
    const std::string member = enter_person(office);
    ASSERT_TRUE(obole::sync::erase_member_here(*office.store, member, "ada"));
    office.engine.note_local_erasure();
    EXPECT_TRUE(office.engine.take_compaction()) << "not enrolled: at once";
    EXPECT_EQ(count(*office.store, "SELECT count(*) FROM outbox WHERE fields LIKE '%" + kName + "%' OR fields LIKE '%" +
                                       kAccountDigits + "%'"),
              0);
    EXPECT_FALSE(holds(stored(*office.store), kName));
    EXPECT_FALSE(holds(stored(*office.store), kAccountDigits));
    enrol(office, admin_code, "admin", kAdminPassword);
    EXPECT_EQ(office.outbox->count().value(), 0) << office.engine.status().last_error;
    EXPECT_EQ(count(*store, "SELECT count(*) FROM gift"), 1);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM member_erasure"), 1);
    // Her money arrives as the device keeps it: the mandate and the
    // collection, the IBAN masked and no holder (not refused as a bad IBAN).
    EXPECT_EQ(count(*store, "SELECT count(*) FROM sepa_mandate WHERE holder = '' AND iban = "
                            "'FR76*******************0189'"),
              1);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM sepa_collection WHERE amount_cents = 1500 AND holder = '' AND "
                            "iban = 'FR76*******************0189'"),
              1);
    // Nothing more is recorded about her (no attribution in her journal), and
    // nothing the device sent was refused.
    EXPECT_EQ(count(*office.store, "SELECT count(*) FROM sync_refusal"), 0);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM server.change_log WHERE fields LIKE '%" + kName +
                                "%' OR fields "
                                "LIKE '%" +
                                kAccountDigits + "%'"),
              0);
}

TEST_F(ErasureTest, OnlyAnAdministratorErases)
{
    HttpDevice office, stand;
    enrol(office, admin_code, "admin", kAdminPassword);
    enrol(stand, volunteer_code, "vol", kVolunteerPassword);
    const std::string member = enter_person(office);
    run(office);
    run(stand);
    ASSERT_TRUE(obole::sync::erase_member_here(*stand.store, member, "vic"));
    run(stand);
    EXPECT_EQ(stand.engine.status().refused, 1);
    EXPECT_EQ(count(*store, "SELECT count(*) FROM member WHERE last_name = '" + kName + "'"), 1);
    obole::Result<obole::Erasure> again = obole::sync::erase_member_here(*office.store, member, "ada");
    ASSERT_TRUE(again);
    EXPECT_EQ(obole::sync::erase_member_here(*office.store, member, "ada").error().code, "member.erased");
}

} // namespace
