// What administrators did, with who and when (issue 17, part 1): operators
// added, enrol codes issued, devices enrolled and revoked, from the API or
// the command line. Kept in the server-only database (schema `server`),
// never sent to devices; admins read it at GET /api/admin/journal. It never
// holds a secret: a code's operator is written, not the code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {
class Store;
}

namespace obole::server {

struct AdminAction {
    int64_t at_ms = 0;
    std::string actor;  // the operator's login, or "(command line)"
    std::string action; // "operator.add", "enrol_code.issue", "device.enrol", "device.revoke"
    std::string detail; // what it was done to
};

inline constexpr const char* kCommandLineActor = "(command line)";

Result<void> ensure_admin_journal(Store& store);
Result<void> record_admin_action(Store& store, const AdminAction& action);
// Newest first, at most `limit`.
Result<std::vector<AdminAction>> admin_actions(Store& store, int limit);

} // namespace obole::server
