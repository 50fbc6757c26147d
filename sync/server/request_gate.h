// Who may make a request, before it costs the server anything: the rate
// limits (rate_limiter.h) per address and per login, then the bearer token
// (Auth). Every authenticated route and enrolment pass through here.
//
// A request over a limit is answered 429 Too Many Requests with
// Retry-After and a JSON error in the API's style, and a line in the log
// says who was held back on what. Addresses are the peer's as the socket
// sees it: behind a reverse proxy they are the proxy's, and the per-login
// limits still hold.
#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "server/auth.h"
#include "server/rate_limiter.h"

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace obole::server {

class RequestGate {
public:
    RequestGate(Auth& auth, std::mutex& store_mutex, const RateLimits& limits);

    // The principal behind an authenticated request: the address's limit,
    // the token (checked with store_mutex held, then released), the
    // login's limit. Empty when refused, with `res` answered.
    std::optional<Principal> admit(const httplib::Request& req, httplib::Response& res);
    // The same for an admin's request (auth.forbidden for anyone else).
    std::optional<Principal> admit_admin(const httplib::Request& req, httplib::Response& res);
    // Only the address's limit, for a route open to anyone (the demo's snapshot).
    bool admit_anonymous(const httplib::Request& req, httplib::Response& res);

    // Enrolment: the address's limit before the body is read, the login's
    // once it is known. False when refused, with `res` answered.
    bool admit_enrolment(const httplib::Request& req, httplib::Response& res);
    bool admit_enrolment_login(const httplib::Request& req, const std::string& login, httplib::Response& res);

private:
    bool within(RateLimiter& limiter, const std::string& key, const char* what, const httplib::Request& req,
                httplib::Response& res);
    Auth& auth_;
    std::mutex& store_mutex_;
    RateLimiter enrol_by_address_, enrol_by_login_, api_by_address_, api_by_login_;
};

} // namespace obole::server
