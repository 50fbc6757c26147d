// HTTP routes of enrolment and administration (operators, enrol codes,
// devices), and the bearer-token check every other /api route uses.
#pragma once

#include <mutex>

#include "core/result.h"
#include "server/auth.h"

namespace httplib { class Server; struct Request; struct Response; }

namespace obole::server {

// POST /api/enrol, and /api/admin/... (admin token required).
// `store_mutex` guards the shared SQLite connection.
void add_auth_routes(httplib::Server& http, Auth& auth, std::mutex& store_mutex);

// Reads "Authorization: Bearer <token>". Call with store_mutex held.
// Errors: auth.missing_token, auth.invalid_token, auth.revoked.
Result<Principal> authenticate_request(const httplib::Request& req, Auth& auth);

// The JSON error body every route answers with:
// {"error": {"code": ..., "message": ...}}, and the HTTP status for an error code.
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message);
int status_for(const Error& error);
// The same for an Error, with status_for(error) or a given status; a
// non-empty Error::field is sent as "field" (which request field is at fault).
void send_error(httplib::Response& res, const Error& error);
void send_error(httplib::Response& res, int status, const Error& error);

} // namespace obole::server
