// The checks the server runs on every pushed value (protocol/value_check.h),
// at their edges, and the catalog rule that every field a device may write
// says what its value must be.
#include <gtest/gtest.h>

#include "core/money/money.h"
#include "protocol/sync_tables.h"
#include "protocol/value_check.h"

namespace obole::sync {
namespace {

std::string code_of(const char* table, const char* field, const json& value)
{
    const SyncField* f = find_sync_table(table)->field(field);
    EXPECT_NE(f, nullptr) << table << "." << field;
    if (!f)
        return "(no field)";
    Result<void> r = check_value(*f, value);
    return r ? "ok" : r.error().code;
}

TEST(ValueCheck, EveryFieldADeviceWritesSaysWhatItsValueMustBe)
{
    for (const SyncTable& t : sync_tables())
        for (const SyncField& f : t.fields) {
            const bool checked_elsewhere = f.server_only || f.type == FieldType::member ||
                                           f.type == FieldType::campaign || f.type == FieldType::member_uuid ||
                                           f.type == FieldType::blob;
            if (checked_elsewhere)
                continue;
            EXPECT_NE(f.value.kind, ValueKind::any) << t.name << "." << f.wire << " has no value rule";
            if (f.type == FieldType::row_uuid) {
                EXPECT_TRUE(f.value.kind == ValueKind::row && find_sync_table(f.value.arg))
                    << t.name << "." << f.wire << " must name the table it refers to";
            }
        }
}

TEST(ValueCheck, AmountsStayWithinWhatAFormTakes)
{
    EXPECT_EQ(code_of("gift", "amount_cents", 1), "ok");
    EXPECT_EQ(code_of("gift", "amount_cents", kMaxAmountCents), "ok");
    EXPECT_EQ(code_of("gift", "amount_cents", kMaxAmountCents + 1), "value.out_of_range");
    EXPECT_EQ(code_of("gift", "amount_cents", 0), "value.out_of_range");
    EXPECT_EQ(code_of("gift", "amount_cents", -1), "value.out_of_range");
    EXPECT_EQ(code_of("gift", "amount_cents", INT64_MAX), "value.out_of_range");
    EXPECT_EQ(code_of("gift", "amount_cents", UINT64_MAX), "value.out_of_range");
    EXPECT_EQ(code_of("membership", "fee_cents", 0), "ok"); // a free membership
    EXPECT_EQ(code_of("member", "stop_promo", 2), "value.out_of_range");
}

TEST(ValueCheck, TextHasItsLengthAndNoControlCharacters)
{
    EXPECT_EQ(code_of("member", "last_name", std::string(100, 'a')), "ok");
    EXPECT_EQ(code_of("member", "last_name", std::string(101, 'a')), "value.too_long");
    // Characters, not bytes: 100 Cyrillic letters are 200 bytes.
    std::string cyrillic;
    for (int i = 0; i < 100; ++i)
        cyrillic += "Ж";
    EXPECT_EQ(code_of("member", "last_name", cyrillic), "ok");
    EXPECT_EQ(code_of("member", "last_name", std::string("a\0b", 3)), "value.bad_text");
    EXPECT_EQ(code_of("member", "last_name", "a\nb"), "value.bad_text");
    EXPECT_EQ(code_of("member", "last_name",
                      "a\xc2\x85"
                      "b"),
              "value.bad_text"); // U+0085, a C1 line break
    EXPECT_EQ(code_of("member", "notepad", "line 1\nline 2\ttab"), "ok");
    EXPECT_EQ(code_of("member", "notepad", "bell\x07"), "value.bad_text");
    EXPECT_EQ(code_of("member", "notepad", std::string(20001, 'n')), "value.too_long");
}

TEST(ValueCheck, DatesAndTimesExist)
{
    EXPECT_EQ(code_of("gift", "gift_date", "2024-02-29"), "ok");
    EXPECT_EQ(code_of("gift", "gift_date", "2026-02-29"), "value.bad_date");
    EXPECT_EQ(code_of("gift", "gift_date", "23/11/2026"), "value.bad_date"); // stored ISO only
    EXPECT_EQ(code_of("gift", "gift_date", ""), "value.bad_date");
    // Money dates start in 1900 whatever a device's setting says.
    EXPECT_EQ(code_of("gift", "gift_date", "1899-12-31"), "value.too_early");
    EXPECT_EQ(code_of("gift", "gift_date", "1900-01-01"), "ok");
    EXPECT_EQ(code_of("sepa_mandate", "signature_date", "1066-10-14"), "value.too_early");
    EXPECT_EQ(code_of("member", "birth_date", ""), "ok");
    EXPECT_EQ(code_of("gift", "created_at", "2026-11-23T14:05:09.123Z"), "ok");
    EXPECT_EQ(code_of("gift", "created_at", "2026-11-23T14:05:09"), "ok");
    EXPECT_EQ(code_of("gift", "created_at", "2026-11-23T14:05"), "ok");
    EXPECT_EQ(code_of("gift", "created_at", "2026-11-23"), "ok");
    EXPECT_EQ(code_of("gift", "created_at", "2026-11-23T24:00:00Z"), "value.bad_time");
    EXPECT_EQ(code_of("gift", "created_at", "2026-11-23T14:05:09.Z"), "value.bad_time");
    EXPECT_EQ(code_of("gift", "created_at", "2026-11-23 14:05"), "value.bad_time");
}

TEST(ValueCheck, ChoicesBanksAndAddressesUseCoresRules)
{
    EXPECT_EQ(code_of("gift", "payment_method", "cheque"), "ok");
    EXPECT_EQ(code_of("gift", "payment_method", "che"), "value.not_allowed");
    EXPECT_EQ(code_of("gift", "payment_method", ""), "value.not_allowed");
    EXPECT_EQ(code_of("membership", "payment_method", ""), "ok"); // not paid yet
    EXPECT_EQ(code_of("gift", "currency", "EUR"), "ok");
    EXPECT_EQ(code_of("gift", "currency", "eur"), "value.bad_currency");
    EXPECT_EQ(code_of("sepa_mandate", "iban", "FR1420041010050500013M02606"), "ok");
    EXPECT_EQ(code_of("sepa_mandate", "iban", "FR1420041010050500013M02607"), "iban.bad_check_digits");
    EXPECT_EQ(code_of("sepa_mandate", "iban", "FR14 2004 1010 0505 0001 3M02 606"), "value.bad_text"); // not compact
    EXPECT_EQ(code_of("sepa_mandate", "bic", "BNPAFRPP"), "ok");
    EXPECT_EQ(code_of("sepa_mandate", "bic", "BNP"), "value.bad_bic");
    EXPECT_EQ(code_of("email", "address", "anne@example.org"), "ok");
    EXPECT_EQ(code_of("email", "address", "anne.example.org"), "email.missing_at");
    EXPECT_EQ(code_of("phone", "number", "+33612345678"), "ok");
    EXPECT_EQ(code_of("phone", "number", "12"), "phone.too_short");
    EXPECT_EQ(code_of("gift_batch", "control", R"({"cash":{"count":1,"cents":500}})"), "ok");
    EXPECT_EQ(code_of("gift_batch", "control", "{oops"), "value.bad_json");
}

} // namespace
} // namespace obole::sync
