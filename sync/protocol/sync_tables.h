// What is replicated: each table a device and the server share, its fields
// as they travel (wire names), and how a field merges. The schema itself is
// core's (app/core/store/migrations.cpp); this is the list of what sync may touch,
// so a change naming anything else is refused.
//
// On the wire a row is its UUID, never its local integer `ref`: a column
// `member_ref` travels as "member_id" (the member's UUID), and so on.
#pragma once

#include <string_view>
#include <vector>

namespace obole::sync {

enum class FieldType {
    text,
    integer,
    member,   // *_ref column to member(ref), a UUID on the wire (or null)
    campaign, // *_ref column to campaign(ref), a UUID on the wire (or null)
    member_uuid, // a member's UUID kept as a BLOB (journal.member_id, which outlives members)
    row_uuid,    // another row's UUID kept as a BLOB (a collection's mandate, a registration's event)
    blob,        // bytes (a document's content), base64 on the wire
};

struct SyncField {
    const char* wire;
    const char* column;
    FieldType type;
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
