// What obole-server checks in every pushed change, over real HTTP: values a
// form of the app could never save (a huge amount, a megabyte name, a NUL,
// a negative amount, an unknown payment method, an impossible date, a bad
// IBAN), references to rows it does not have, gifts for a closed batch, and
// a sequence number sent again with another change. Each bad change is
// refused alone with our own reason; the changes behind it are applied.
#include "sync_over_http.h"

#include "core/store/uuid.h"

namespace {

class PushChecksTest : public SyncHttpTest {
protected:
    // The one change of the answer that was refused (or a failure).
    static json refused_one(const Reply& r)
    {
        EXPECT_EQ(r.status, 200) << r.body.dump();
        if (!r.body.contains("refused") || r.body["refused"].size() != 1) {
            ADD_FAILURE() << "expected one refusal: " << r.body.dump();
            return json::object();
        }
        return r.body["refused"][0];
    }

    uint64_t admin_seq = 0, volunteer_seq = 0;
};

TEST_F(PushChecksTest, AHugeAmountIsRefusedAndTheMembersGiftsStillSyncFromEveryRole)
{
    const std::string member = obole::new_uuid_v7();
    ASSERT_EQ(push(volunteer_token, json::array({new_member(++volunteer_seq, member, "Poison")})).status, 200);

    json poisoned = refused_one(
        push(volunteer_token, json::array({new_gift(++volunteer_seq, obole::new_uuid_v7(), member, INT64_MAX)})));
    EXPECT_EQ(poisoned["code"], "value.out_of_range");
    EXPECT_EQ(poisoned["field"], "amount_cents");
    // Past what JSON's signed integers hold, and below zero: refused too.
    json beyond = new_gift(++volunteer_seq, obole::new_uuid_v7(), member, 1);
    beyond["fields"]["amount_cents"] = UINT64_MAX;
    EXPECT_EQ(refused_one(push(volunteer_token, json::array({beyond})))["code"], "value.out_of_range");
    EXPECT_EQ(refused_one(push(volunteer_token,
                               json::array({new_gift(++volunteer_seq, obole::new_uuid_v7(), member, -500)})))["code"],
              "value.out_of_range");
    EXPECT_EQ(count("SELECT count(*) FROM gift"), 0);

    // Afterwards the member's gifts sync as before, a volunteer's and an
    // admin's, alone or among other changes.
    Reply vol = push(volunteer_token, json::array({new_gift(++volunteer_seq, obole::new_uuid_v7(), member, 1500)}));
    ASSERT_EQ(vol.status, 200) << vol.body.dump();
    EXPECT_TRUE(vol.body["refused"].empty()) << vol.body.dump();
    const std::string other = obole::new_uuid_v7();
    Reply admin = push(admin_token, json::array({new_member(++admin_seq, other, "Other"),
                                                 new_gift(++admin_seq, obole::new_uuid_v7(), member, 100000),
                                                 new_gift(++admin_seq, obole::new_uuid_v7(), other, 2000)}));
    ASSERT_EQ(admin.status, 200) << admin.body.dump();
    EXPECT_TRUE(admin.body["refused"].empty()) << admin.body.dump();
    EXPECT_EQ(count("SELECT sum(amount_cents) FROM gift"), 1500 + 100000 + 2000);

    // A server that took such an amount before it checked them: the row is
    // there, and the member's next gifts are still applied (the segments'
    // totals cannot overflow).
    obole::Statement old(store->db(), "INSERT INTO gift(member_ref, gift_date, id, amount_cents, payment_method, "
                                      "created_at) SELECT ref, '2026-11-20', ?2, 9223372036854775807, 'cash', "
                                      "'2026-11-20T10:00:00Z' FROM member WHERE id = ?1");
    old.bind_uuid(1, member);
    old.bind_uuid(2, obole::new_uuid_v7());
    ASSERT_TRUE(old.run());
    Reply after = push(admin_token, json::array({new_gift(++admin_seq, obole::new_uuid_v7(), member, 900)}));
    ASSERT_EQ(after.status, 200) << after.body.dump();
    EXPECT_TRUE(after.body["refused"].empty()) << after.body.dump();
}

TEST_F(PushChecksTest, ValuesNoFormCouldSaveAreRefusedOneByOneWithOurOwnWords)
{
    const std::string member = obole::new_uuid_v7();
    ASSERT_EQ(push(admin_token, json::array({new_member(++admin_seq, member, "Valide")})).status, 200);

    struct Case {
        const char* what;
        json change;
        const char* code;
        const char* field;
    };
    json huge_name = new_member(0, obole::new_uuid_v7(), std::string(1 << 20, 'a'));
    json nul_name = new_member(0, obole::new_uuid_v7(), std::string("Du\0pont", 7));
    json method = new_gift(0, obole::new_uuid_v7(), member, 1000);
    method["fields"]["payment_method"] = "bitcoin";
    json date = new_gift(0, obole::new_uuid_v7(), member, 1000);
    date["fields"]["gift_date"] = "2026-02-30";
    json mandate = change(0, "sepa_mandate", obole::new_uuid_v7(), "insert",
                          {{"member_id", member},
                           {"rum", "OBL-1"},
                           {"iban", "FR1420041010050500013M02607"},
                           {"holder", "Valide"},
                           {"signature_date", "2026-11-23"},
                           {"frequency", "monthly"},
                           {"amount_cents", 1000},
                           {"created_at", "2026-11-23T10:00:00.000Z"}});
    json newline = change(0, "member", member, "update", {{"first_name", "Anne\nMarie"}});
    json control = change(0, "member", member, "update", {{"notepad", "ok\x01"}});
    json no_name = change(0, "member", obole::new_uuid_v7(), "insert",
                          {{"member_no", 0}, {"created_at", "2026-11-23T10:00:00Z"}, {"updated_at", "2026-11-23"}});
    const Case cases[] = {
        {"a 1 MB name", huge_name, "value.too_long", "last_name"},
        {"a NUL in a name", nul_name, "value.bad_text", "last_name"},
        {"a payment method no form offers", method, "value.not_allowed", "payment_method"},
        {"a day that does not exist", date, "value.bad_date", "gift_date"},
        {"an IBAN with wrong check digits", mandate, "iban.bad_check_digits", "iban"},
        {"a line break in a first name", newline, "value.bad_text", "first_name"},
        {"a control character in the notepad", control, "value.bad_text", "notepad"},
        // The schema's own constraint (last_name NOT NULL): refused with our words, not SQLite's.
        {"a member without a family name", no_name, "db.constraint", ""},
    };
    int64_t gifts = 0;
    for (const Case& c : cases) {
        json bad = c.change;
        bad["seq"] = ++admin_seq;
        Reply r = push(admin_token, json::array({bad, new_gift(++admin_seq, obole::new_uuid_v7(), member, 700)}));
        json refusal = refused_one(r);
        EXPECT_EQ(refusal["code"], c.code) << c.what;
        EXPECT_EQ(refusal["seq"], bad["seq"]) << c.what;
        if (*c.field) {
            EXPECT_EQ(refusal["field"], c.field) << c.what;
        }
        const std::string message = refusal.value("message", "");
        EXPECT_FALSE(message.empty()) << c.what;
        EXPECT_EQ(message.find("SQLite"), std::string::npos) << c.what << ": " << message;
        EXPECT_EQ(message.find("constraint failed"), std::string::npos) << c.what << ": " << message;
        EXPECT_EQ(message.find("database"), std::string::npos) << c.what << ": " << message;
        EXPECT_EQ(r.body["last_seq"], admin_seq) << c.what;
        // The change behind it went through.
        EXPECT_EQ(count("SELECT count(*) FROM gift"), ++gifts) << c.what;
    }
    EXPECT_EQ(count("SELECT count(*) FROM member"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM sepa_mandate"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM member WHERE first_name = 'Anne' AND notepad = ''"), 1);
}

TEST_F(PushChecksTest, AGiftMayNotNameAClosedBatchOrOneTheServerDoesNotHave)
{
    const std::string member = obole::new_uuid_v7(), batch = obole::new_uuid_v7();
    ASSERT_EQ(
        push(volunteer_token, json::array({new_member(++volunteer_seq, member, "Lot"),
                                           change(++volunteer_seq, "gift_batch", batch, "insert",
                                                  {{"name", "Stand"},
                                                   {"operator", "vol"},
                                                   {"opened_at", "2026-11-23T09:00:00Z"},
                                                   {"status", "open"},
                                                   {"created_at", "2026-11-23T09:00:00Z"}}),
                                           change(++volunteer_seq, "gift_batch", batch, "update",
                                                  {{"status", "closed"}, {"closed_at", "2026-11-23T18:00:00Z"}})}))
            .status,
        200);
    json late = new_gift(++volunteer_seq, obole::new_uuid_v7(), member, 1000);
    late["fields"]["batch_id"] = batch;
    EXPECT_EQ(refused_one(push(volunteer_token, json::array({late})))["code"], "auth.locked");
    json nowhere = new_gift(++volunteer_seq, obole::new_uuid_v7(), member, 1000);
    nowhere["fields"]["batch_id"] = obole::new_uuid_v7();
    json refusal = refused_one(push(volunteer_token, json::array({nowhere})));
    EXPECT_EQ(refusal["code"], "sync.unknown_reference");
    EXPECT_EQ(refusal["field"], "batch_id");
    EXPECT_EQ(count("SELECT count(*) FROM gift"), 0);
}

TEST_F(PushChecksTest, ANumberSentAgainWithAnotherChangeIsRefusedLoudly)
{
    const std::string a = obole::new_uuid_v7(), b = obole::new_uuid_v7();
    json first = json::array({new_member(1, a, "Premier"), new_gift(2, obole::new_uuid_v7(), a, 1000)});
    ASSERT_EQ(push(admin_token, first).status, 200);
    // The same changes again: a retry, skipped.
    Reply retry = push(admin_token, first);
    ASSERT_EQ(retry.status, 200) << retry.body.dump();
    EXPECT_EQ(retry.body["last_seq"], 2);
    // Number 2 with other content (a restored backup, a copied profile):
    // nothing of the push is applied, and the device is told why.
    Reply reused =
        push(admin_token, json::array({new_member(2, b, "Copie"), new_member(3, obole::new_uuid_v7(), "X")}));
    EXPECT_EQ(reused.status, 409);
    EXPECT_EQ(reused.error_code(), "sync.sequence_reused");
    EXPECT_EQ(count("SELECT count(*) FROM member"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM gift"), 1);
}

} // namespace
