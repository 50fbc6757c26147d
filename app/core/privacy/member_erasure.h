// A person erased at their request (GDPR, article 17). What names, reaches
// or describes them goes: their name and identity, addresses, phones and
// emails, notes and memos, documents, journal entries, email activity,
// relations, conflicts and duplicate pairs, the search index's words. What
// the law makes the association keep stays, anonymised: gifts, memberships,
// orders, mandates and collections (amounts, dates, references; IBANs
// masked, no account holder), tax receipts (numbers, amounts, dates: no
// name, no address), consents given.
// The member row stays, emptied and deleted, for those rows to point at.
//
// An erasure is a row (member_erasure), synced like any other; every copy
// applies it itself (the server to its data and its change log, each device
// to its own), so nothing of the person travels again. It takes the rows
// that were the member's own, wherever a merge moved them (merge_move says
// where a row came from), and not those another record's merge moved to
// them: copies that hold different merges at that moment take the same
// rows. The other records of the same person (merged with this one) the
// server erases by rows of their own (sync/server/sync_service.h).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"
#include "core/store/erased_member.h"

namespace obole {

class Store;

// A row the erasure removed or emptied, by its table and UUID.
struct ErasedRow {
    std::string table, id;
};

struct Erasure {
    std::string erasure_id;         // the member_erasure row, when this copy made it
    std::vector<ErasedRow> removed; // gone whole
    std::vector<ErasedRow> emptied; // kept, their personal fields emptied (erased_fields())
};

// The fields an erasure empties in the rows it keeps, by table, with the
// value each becomes; wire names are the columns' (sync/protocol/sync_tables).
struct ErasedField {
    const char* table;
    const char* column;
    const char* value; // text, or "1" for member.deleted
};
const std::vector<ErasedField>& erased_fields();
// Whether an erasure removes the person's rows of `table` whole (their
// addresses, phones, documents, journal...); the other rows naming them
// are kept (the money), emptied of the fields erasure_changes() names.
bool erasure_removes(const std::string& table);
bool erasure_changes(const std::string& table, const std::string& column);
// A change's fields (wire names) of an emptied row of `table`, as the
// erasure left them: what a log or an outbox keeps of the row.
void erase_fields(const std::string& table, nlohmann::json& fields);

// An administrator's erasure: the member_erasure row (synced) and the
// erasure itself, in one transaction (a device also empties its outbox of
// the person: client/device_copy.h's erase_member_here). member.unknown
// when there is no such member; member.erased when it was erased already.
Result<Erasure> erase_member(Store& store, const std::string& member_id, const std::string& operator_name);

// Applies an erasure recorded elsewhere (pulled from the server, or pushed
// to it): idempotent. Call inside a transaction; returns what changed.
Result<Erasure> apply_member_erasure(Store& store, const std::string& member_id);

// The members an erasure row names whose data is still here (their row not
// yet emptied, or a row the erasure removes): what a device applies after a pull.
Result<std::vector<std::string>> erasures_to_apply(Store& store);

} // namespace obole
