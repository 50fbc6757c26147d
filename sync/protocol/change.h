// The change format: what a device sends (its outbox) and what the server
// hands out (its numbered log). Plain values; sync/protocol/codec.h turns
// them into JSON.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace obole::sync {

using json = nlohmann::json;

enum class Op { insert, update };
const char* op_name(Op op);

// One row's change: an insert carries every field, an update the fields
// that changed. A delete is an update of the row's `deleted` field (a
// tombstone); a merge is an update of the member's `merged_into_id`.
struct Change {
    std::string table;
    std::string row; // the row's UUID
    Op op = Op::update;
    std::string hlc;              // Hlc::text() of the change
    json fields = json::object(); // wire field name -> string, integer or null
    // For fields that keep conflicts (sync_tables.h): the clock of the value
    // the person edited ("" when it had never been edited). The server sees
    // from it whether the edit was made over the current version.
    json base = json::object();
};

// A device's change as its outbox numbers it (1, 2, 3, ... per device).
struct OutboxChange {
    uint64_t seq = 0;
    Change change;
};

struct PushRequest {
    int schema_version = 0;
    std::vector<OutboxChange> changes; // consecutive sequence numbers
};

// A change the server held but did not apply: the operator's role does not
// allow it, a value is not one the app could have saved, or it refers to a
// row the server does not have. The device is told (and tells a person); an
// update's fields are put back by the log. `field`: the wire name at fault.
struct RefusedChange {
    uint64_t seq = 0;
    std::string code, message, field;
};

struct PushResponse {
    uint64_t last_seq = 0; // the last of this device's sequence numbers the server holds
    int64_t server_version = 0;
    std::vector<RefusedChange> refused;
};

// A change as the server applied it: only the fields that took effect (a
// field that lost to a newer one is left out), numbered in the order the
// server applied them. Replaying the log in order rebuilds the server's data.
struct LoggedChange {
    int64_t version = 0;
    Change change;
};

struct PullResponse {
    int schema_version = 0;
    std::vector<LoggedChange> changes;
    int64_t cursor = 0; // pass as `since` next time
    bool more = false;  // another page is waiting
    // The role the server knows the device's operator by now (protocol/
    // access.h's names): what this page was cut for. Empty from servers
    // before roles were sent.
    std::string role;
};

} // namespace obole::sync
