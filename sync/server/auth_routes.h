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

namespace obole::server {

// POST /api/enrol, and /api/admin/... (admin token required). Their bodies
// are read with read_text_body (request_body.h), never by httplib.
// `store_mutex` guards the shared SQLite connection.
void add_auth_routes(httplib::Server& http, Auth& auth, std::mutex& store_mutex);

// Reads "Authorization: Bearer <token>". Call with store_mutex held.
// Errors: auth.missing_token, auth.invalid_token, auth.revoked.
Result<Principal> authenticate_request(const httplib::Request& req, Auth& auth);

} // namespace obole::server
