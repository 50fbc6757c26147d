// Reads and writes relations between members. Each write runs in one
// transaction with a journal row on both members' dossiers.
#pragma once

#include <string>
#include <vector>

#include "core/members/relation.h"
#include "core/result.h"

namespace obole {

class Store;

class RelationRepository {
public:
    explicit RelationRepository(Store& store) : store_(store) {}

    // `kind`: what other_id is to member_id (relation_kinds()). since: a date,
    // optional. Codes: relation.bad_kind, relation.self (a relation to the
    // member itself), member.not_found (either member), relation.duplicate
    // (the same relation, seen from either side, already exists),
    // text.too_long (note), date.* (since). Returns the new relation's id.
    Result<std::string> add(const std::string& member_id, const std::string& other_id, const std::string& kind,
                            const std::string& since, const std::string& note, const std::string& operator_name);

    // A tombstone, so the removal reaches other devices. relation.not_found.
    Result<void> remove(const std::string& relation_id, const std::string& operator_name);

    // The member's relations from its own side (kinds reversed where the
    // member is the row's other end), by kind then the other's name.
    Result<std::vector<Relation>> list_for_member(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
