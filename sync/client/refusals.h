// Changes this device sent that the server refused, kept for a person to
// read: what each was (its table, row and fields as sent, and the member it
// was about), why (the server's code and sentence, the field at fault), and
// when. The sync engine records them from the push answer before the outbox
// lets the changes go; the sync screen lists them until a person dismisses
// each. Table sync_refusal (core/migrations.cpp), on this device alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "protocol/change.h"

namespace obole {
class Store;
}

namespace obole::sync {

struct Refusal {
    int64_t id = 0;
    std::string refused_at; // ISO time
    std::string table, row;
    Op op = Op::insert;
    json fields = json::object(); // as sent
    std::string member_id;        // "" when the change was about no member
    std::string code, message, field;
};

// Looks up each refused change in the outbox (where it still waits) and
// keeps it with its reason; a refused new row then leaves this copy (its
// values kept in the refusal), as it is on no other. Member and campaign
// rows stay: other rows point at them. Call before acknowledging the push.
[[nodiscard]] Result<void> record_refusals(Store& store, const std::vector<RefusedChange>& refused,
                                           const std::string& now_iso);

// Not yet dismissed, newest first.
[[nodiscard]] Result<std::vector<Refusal>> open_refusals(Store& store);
[[nodiscard]] Result<int64_t> count_open_refusals(Store& store);
[[nodiscard]] Result<void> dismiss_refusal(Store& store, int64_t id);

} // namespace obole::sync
