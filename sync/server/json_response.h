// The JSON answers of obole-server's API: a value, or an error
// {"error": {"code": ..., "message": ..., "field": ...}} with the HTTP status
// its code calls for.
//
// Their text never throws: an answer may quote what a client sent (a path, a
// field), and nlohmann's dump() throws on bytes that are not UTF-8 — outside
// any handler, that ends the process. Here such bytes become U+FFFD.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

#include "core/result.h"

namespace httplib {
struct Response;
}

namespace obole::server {

// The JSON text of `value`; never throws on invalid UTF-8.
std::string json_text(const nlohmann::json& value);

// Answers with `body` (never cached: answers hold personal data or tokens).
void send_json(httplib::Response& res, int status, const nlohmann::json& body);

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message);
// The same for an Error, with status_for(error) or a given status; a
// non-empty Error::field is sent as "field" (which request field is at fault).
void send_error(httplib::Response& res, const Error& error);
void send_error(httplib::Response& res, int status, const Error& error);
// 429 Too Many Requests, "request.rate_limited", with Retry-After: seconds.
void send_too_many_requests(httplib::Response& res, int retry_after_seconds);
// The HTTP status for an error code.
int status_for(const Error& error);

} // namespace obole::server
