// What is replicated: each table a device and the server share, its fields
// as they travel (wire names), and how a field merges. The schema itself is
// core's (app/core/store/migrations.cpp); this is the list of what sync may touch,
// so a change naming anything else is refused.
//
// On the wire a row is its UUID, never its local integer `ref`: a column
// `member_ref` travels as "member_id" (the member's UUID), and so on.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace obole::sync {

enum class FieldType {
    text,
    integer,
    member,      // *_ref column to member(ref), a UUID on the wire (or null)
    campaign,    // *_ref column to campaign(ref), a UUID on the wire (or null)
    member_uuid, // a member's UUID kept as a BLOB (journal.member_id, which outlives members)
    row_uuid,    // another row's UUID kept as a BLOB (a collection's mandate, a registration's event)
    blob,        // bytes (a document's content), base64 on the wire
};

// What a value must be beyond its JSON type. The server checks every value
// a device pushes against it (protocol/value_check.h) with core's own
// validators, so it never stores what no form of the app could save.
enum class ValueKind {
    any,                 // checked elsewhere: a member or campaign (the row must exist), a blob (base64)
    line,                // one line of text, at most `max` characters
    text,                // several lines (notes, memos), at most `max` characters
    choice,              // one of the words of `arg`, separated by '|'
    date,                // a day that exists, "YYYY-MM-DD"
    date_or_empty,       // the same, or "" (not known)
    money_date,          // a day that exists, not before kDefaultEarliestDate (core/calendar/past_date.h)
    money_date_or_empty, // the same, or ""
    time,                // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fff]][Z]", or ""
    integer,             // from `min` to `max`
    iban,                // an IBAN as core/money/iban.h accepts it, in its compact form
    iban_or_empty,       // the same, or "" (a mandate never amended)
    bic,                 // a BIC, or ""
    currency,            // an ISO 4217 code: three capital letters
    email,               // an email address as core/text/email_address.h accepts it
    phone,               // a phone number as core/text/phone_number.h accepts it
    siren_or_empty,      // a SIREN as core/text/registration_number.h accepts it, compact; or ""
    row,                 // the UUID of a row of table `arg`, or null
    json_text,           // JSON text (a batch's control totals), at most `max` bytes; or ""
};

struct ValueRule {
    ValueKind kind = ValueKind::any;
    int64_t min = 0, max = 0;
    const char* arg = nullptr;
};

struct SyncField {
    const char* wire;
    const char* column;
    FieldType type;
    ValueRule value;
    // Free text a person writes (the notepad, memos): concurrent edits keep
    // both versions for a person to choose instead of one silently winning.
    bool keeps_conflicts = false;
    // Only the server writes it (it numbers, it detects): a device's change
    // to it is refused.
    bool server_only = false;
    // The server settles it by a rule of its own, not by the clock (the
    // first merge of a member stands): a device takes the server's value
    // even over a change of its own still waiting.
    bool server_decides = false;
    // An integer that may be null (a tax receipt before its number).
    bool nullable = false;
};

// The wire name of the field that says who did something (a gift's
// "entered by", a journal entry's operator, a document's "added by"): the
// server stamps it with the authenticated operator's login on every push.
inline constexpr std::string_view kOperatorField = "operator";

enum class TableKind {
    mutable_rows, // inserted, then updated field by field (last writer wins)
    insert_only,  // money and other facts: a correction is a new row
};

struct SyncTable {
    const char* name;
    TableKind kind;
    std::vector<SyncField> fields;
    // Rows a device may not create (the server makes them: conflicts,
    // duplicate candidates); devices may still update the fields not marked
    // server_only (a person resolves a conflict).
    bool server_creates = false;

    const SyncField* field(std::string_view wire) const;
};

const std::vector<SyncTable>& sync_tables();
const SyncTable* find_sync_table(std::string_view name);

} // namespace obole::sync
