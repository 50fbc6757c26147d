#include "server/request_gate.h"

#include <httplib.h>

#include <cstdio>

#include "core/calendar/date.h"
#include "server/auth_routes.h"
#include "server/json_response.h"
#include "server/request_log.h"

namespace obole::server {

RequestGate::RequestGate(Auth& auth, std::mutex& store_mutex, const RateLimits& limits)
    : auth_(auth), store_mutex_(store_mutex), enrol_by_address_(limits.enrol_per_address),
      enrol_by_login_(limits.enrol_per_login), api_by_address_(limits.api_per_address),
      api_by_login_(limits.api_per_login)
{
}

bool RequestGate::within(RateLimiter& limiter, const std::string& key, const char* what, const httplib::Request& req,
                         httplib::Response& res)
{
    const int wait_s = limiter.take(key, unix_now_ms());
    if (wait_s == 0)
        return true;
    std::printf("%s %s rate-limited: %s %s, retry in %d s\n", iso_from_unix_ms(unix_now_ms()).c_str(),
                log_field(req.remote_addr).c_str(), what, log_field(key).c_str(), wait_s);
    std::fflush(stdout);
    send_too_many_requests(res, wait_s);
    return false;
}

std::optional<Principal> RequestGate::admit(const httplib::Request& req, httplib::Response& res)
{
    if (!within(api_by_address_, req.remote_addr, "requests from address", req, res))
        return std::nullopt;
    Result<Principal> who = [&] {
        std::lock_guard lock(store_mutex_);
        return authenticate_request(req, auth_);
    }();
    if (!who) {
        send_error(res, who.error());
        return std::nullopt;
    }
    if (!within(api_by_login_, who->operator_login, "requests of login", req, res))
        return std::nullopt;
    return *who;
}

std::optional<Principal> RequestGate::admit_admin(const httplib::Request& req, httplib::Response& res)
{
    std::optional<Principal> who = admit(req, res);
    if (who && who->role != Role::admin) {
        send_error(res, fail("auth.forbidden", "Only an administrator may do this."));
        return std::nullopt;
    }
    return who;
}

bool RequestGate::admit_anonymous(const httplib::Request& req, httplib::Response& res)
{
    return within(api_by_address_, req.remote_addr, "requests from address", req, res);
}

bool RequestGate::admit_enrolment(const httplib::Request& req, httplib::Response& res)
{
    return within(enrol_by_address_, req.remote_addr, "enrolments from address", req, res);
}

bool RequestGate::admit_enrolment_login(const httplib::Request& req, const std::string& login, httplib::Response& res)
{
    // Logins differ only in case and spaces as typed: one key per operator.
    std::string key;
    for (char c : login)
        if (c != ' ' && c != '\t')
            key += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return within(enrol_by_login_, key, "enrolments for login", req, res);
}

} // namespace obole::server
