#include "protocol/access.h"

#include <cstdint>

#include "core/money/iban.h"

namespace obole::sync {

namespace {

// What a role may do with a table's rows.
enum Right : uint8_t {
    R = 1,  // read: its rows reach the device
    A = 2,  // add rows
    E = 4,  // edit ordinary fields (not the office's decisions below)
    P = 8,  // mark presence at an event (attendance fields only)
    F = 16, // edit every field, deletion included (a volunteer's own cash box)
};

struct TableRights {
    std::string_view table;
    uint8_t volunteer, fundraiser;
};

// Office and admins have every right on every table; the server's rules of
// its own (server_only fields, record locks) still hold for them. A table a
// role reads names, through its row fields, only tables it reads too
// (tests/unit/access_test.cpp checks it), so no row arrives pointing nowhere.
constexpr TableRights kRights[] = {
    //                          volunteer  fundraiser
    {"campaign", R, R},
    {"member", R | A | E, R | A | E},
    {"address", R | A | E, R | A | E},
    {"phone", R | A | E, R | A | E},
    {"email", R | A | E, R | A | E},
    {"campaign_received", R | A, 0},
    {"gift", R | A, 0},
    {"gift_correction", R, 0},
    // A street sign-up journals what it did; the phone needs no history.
    {"journal", R | A, A},
    // Volunteers sign people up at a stand (membership, order, mandate,
    // card gift, street sign-up); changing those is for the office.
    {"purchase_order", R | A, 0},
    {"membership", R | A, 0},
    {"sepa_mandate", R | A, R | A},
    // Collection runs and their collections are the office's
    // (core/sepa/collection_run.h): each collection names its run and holds
    // the file's copy of the holder and account, so neither reaches the
    // devices at a stand or in the street.
    {"sepa_collection", 0, 0},
    {"sepa_run", 0, 0},
    {"card_recurring", R | A, 0},
    {"tax_receipt", R, 0},
    {"tax_receipt_cancellation", R, 0},
    {"mobilisation", R | A, 0},
    {"email_activity", 0, 0},
    {"sponsorship", R, 0},
    {"event", R, 0},
    {"event_registration", R | A | P, 0},
    {"gift_batch", R | A | F, 0},
    {"gift_batch_line", R | A | F, 0},
    {"consent", R | A, R | A},
    {"field_signup", R | A, R | A},
    {"document", R | A, 0},
    {"relation", R | A, 0},
    {"setting", R, R},
    {"text_conflict", R | E, R | E},
    {"duplicate_candidate", R, R},
    // Every device applies an erasure; only an administrator makes one.
    {"member_erasure", R, R},
};

// Fields that are not ordinary: their class decides who sees and who sets them.
enum class FieldClass { ordinary, bank_account, document_content, office_decision, attendance };

struct FieldRule {
    std::string_view table, wire; // table "*": any table
    FieldClass cls;
};

constexpr FieldRule kFieldRules[] = {
    {"sepa_mandate", "iban", FieldClass::bank_account},
    {"sepa_mandate", "amended_from_iban", FieldClass::bank_account},
    {"sepa_collection", "iban", FieldClass::bank_account},
    {"sepa_collection", "amended_from_iban", FieldClass::bank_account},
    {"document", "content", FieldClass::document_content},
    {"*", "deleted", FieldClass::office_decision},
    {"member", "merged_into_id", FieldClass::office_decision},
    {"member", "field_locked", FieldClass::office_decision},
    {"event_registration", "attended", FieldClass::attendance},
    {"event_registration", "attended_at", FieldClass::attendance},
};

FieldClass field_class(std::string_view table, std::string_view wire)
{
    for (const FieldRule& r : kFieldRules)
        if ((r.table == table || r.table == "*") && r.wire == wire)
            return r.cls;
    return FieldClass::ordinary;
}

uint8_t rights(Role role, std::string_view table)
{
    for (const TableRights& t : kRights)
        if (t.table == table)
            return role == Role::volunteer ? t.volunteer : t.fundraiser;
    return 0;
}

// Whole sentences: the device shows them, translated.
Error forbidden(const char* sentence)
{
    return fail("auth.forbidden", sentence);
}

// The refusal of an update's first field the rights do not cover.
Result<void> check_fields(uint8_t can, const Change& c)
{
    for (auto f = c.fields.begin(); f != c.fields.end(); ++f) {
        const FieldClass cls = field_class(c.table, f.key());
        if (can & F)
            continue;
        if (cls == FieldClass::attendance && (can & (P | E)))
            continue;
        if (cls == FieldClass::ordinary && (can & E))
            continue;
        if (f.key() == "field_locked")
            return forbidden("Only the office can unlock a record signed up in the street.");
        if (f.key() == "deleted" && (can & E))
            return forbidden("This operator's role does not allow deleting.");
        if (f.key() == "merged_into_id")
            return forbidden("This operator's role does not allow merging members.");
        return forbidden("This operator's role does not allow changing these records.");
    }
    return {};
}

} // namespace

const char* role_name(Role role)
{
    switch (role) {
    case Role::admin: return "admin";
    case Role::office: return "office";
    case Role::volunteer: return "volunteer";
    case Role::fundraiser: return "fundraiser";
    }
    return "volunteer";
}

std::optional<Role> parse_role(std::string_view name)
{
    for (Role role : {Role::admin, Role::office, Role::volunteer, Role::fundraiser})
        if (name == role_name(role))
            return role;
    if (name == "staff")
        return Role::office;
    return std::nullopt;
}

bool is_office(Role role)
{
    return role == Role::admin || role == Role::office;
}

bool reads_table(Role role, std::string_view table)
{
    return is_office(role) || (rights(role, table) & R);
}

View field_view(Role role, std::string_view table, std::string_view wire)
{
    if (is_office(role))
        return View::full;
    switch (field_class(table, wire)) {
    case FieldClass::bank_account: return View::masked;
    case FieldClass::document_content: return View::withheld;
    default: return View::full;
    }
}

json value_for(Role role, std::string_view table, std::string_view wire, const json& value)
{
    switch (field_view(role, table, wire)) {
    case View::full: return value;
    case View::withheld: return ""; // an empty text, or blob (base64): the columns are NOT NULL
    case View::masked: break;
    }
    // Only IBANs are masked: keep what tells a person which account it is.
    return value.is_string() ? json(masked_compact_iban(value.get<std::string>())) : value;
}

bool same_view(Role a, Role b)
{
    if (is_office(a) || is_office(b))
        return is_office(a) && is_office(b);
    return a == b;
}

Result<void> check_write(Role role, const Change& c)
{
    if (c.table == "member_erasure" && role != Role::admin)
        return forbidden("Only an administrator can erase a person.");
    if (is_office(role))
        return {};
    const uint8_t can = rights(role, c.table);
    if (c.op == Op::insert)
        return (can & A) ? Result<void>() : forbidden("This operator's role does not allow adding these records.");
    if (!(can & (E | P | F)))
        return forbidden("This operator's role does not allow changing these records.");
    return check_fields(can, c);
}

} // namespace obole::sync
