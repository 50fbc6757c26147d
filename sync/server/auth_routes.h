// HTTP routes of enrolment and administration (operators, enrol codes,
// devices), and the bearer-token check every other /api route uses.
#pragma once

#include <mutex>

#include "core/result.h"
#include "server/auth.h"

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace obole {
class Store;
}

namespace obole::server {

class RequestGate;

// POST /api/enrol, /api/admin/... (admin token required) and
// /api/token/rotate (any device's token). Their bodies are read with
// read_text_body (request_body.h), never by httplib. `store_mutex` guards
// the shared SQLite connection; `gate` holds the rate limits.
// What admins do there is journaled (admin_journal.h; GET /api/admin/journal).
void add_auth_routes(httplib::Server& http, Store& store, Auth& auth, std::mutex& store_mutex, RequestGate& gate);

// Reads "Authorization: Bearer <token>". Call with store_mutex held.
// Errors: auth.missing_token, auth.invalid_token, auth.revoked,
// auth.token_expired. Routes call RequestGate::admit, which calls this.
Result<Principal> authenticate_request(const httplib::Request& req, Auth& auth);

} // namespace obole::server
