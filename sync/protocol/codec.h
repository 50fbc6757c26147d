// JSON for the sync messages (nlohmann/json). Parsing never throws: a body
// that is not what it should be gives an Error with a stable code
// (request.malformed_json, sync.bad_message, sync.unknown_table,
// sync.unknown_field, sync.bad_value) and a message naming the place.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "protocol/change.h"

namespace obole::sync {

json to_json(const Change& c);
json to_json(const PushRequest& r);
json to_json(const PushResponse& r);
json to_json(const PullResponse& r);

Result<PushRequest> parse_push_request(std::string_view body);
Result<PushResponse> parse_push_response(std::string_view body);
Result<PullResponse> parse_pull_response(std::string_view body);

// The change names a replicated table and its fields, with values of the
// right type, a UUID row and a readable clock.
Result<void> check_change(const Change& c);

} // namespace obole::sync
