#include "server/json_response.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>

namespace obole::server {

using json = nlohmann::json;

std::string json_text(const json& value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void send_json(httplib::Response& res, int status, const json& body)
{
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(json_text(body), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message)
{
    send_error(res, status, fail(code, message));
}

void send_error(httplib::Response& res, const Error& error)
{
    send_error(res, status_for(error), error);
}

void send_error(httplib::Response& res, int status, const Error& error)
{
    // The server's own trouble: its words (SQLite's, a file's) are for its
    // log; the device gets a sentence of ours.
    if (status >= 500) {
        std::fprintf(stderr, "obole-server: %s: %s\n", error.code.c_str(), error.message.c_str());
        json detail = {{"code", error.code}, {"message", "The server could not do this now; try again later."}};
        return send_json(res, status, json{{"error", detail}});
    }
    json detail = {{"code", error.code}, {"message", error.message}};
    if (!error.field.empty())
        detail["field"] = error.field;
    if (status == 401)
        res.set_header("WWW-Authenticate", "Bearer");
    send_json(res, status, json{{"error", detail}});
}

void send_too_many_requests(httplib::Response& res, int retry_after_seconds)
{
    // The words are the same every time, so a device can translate them;
    // the wait is in Retry-After and in "retry_after" (seconds).
    res.status = 429;
    res.set_header("Retry-After", std::to_string(retry_after_seconds));
    res.set_header("Cache-Control", "no-store");
    json detail = {{"code", "request.rate_limited"},
                   {"message", "Too many requests; wait a few minutes, then try again."},
                   {"retry_after", retry_after_seconds}};
    res.set_content(json_text(json{{"error", detail}}), "application/json");
}

int status_for(const Error& error)
{
    static const std::map<std::string, int> kStatus = {
        {"request.malformed_json", 400}, {"request.missing_field", 400},
        {"request.bad_field", 400},      {"request.bad_encoding", 400},
        {"request.bad_path", 400},       {"request.bad_length", 400},
        {"request.bad_body", 400},       {"request.bad_method", 405},
        {"request.too_large", 413},      {"auth.bad_login", 400},
        {"auth.bad_role", 400},          {"auth.bad_ttl", 400},
        {"auth.weak_password", 400},     {"auth.missing_token", 401},
        {"auth.invalid_token", 401},     {"auth.revoked", 401},
        {"auth.bad_code", 401},          {"auth.bad_password", 401},
        {"auth.forbidden", 403},         {"auth.unknown_operator", 404},
        {"auth.unknown_device", 404},    {"auth.operator_exists", 409},
        {"auth.code_expired", 410},      {"auth.code_blocked", 410},
        {"auth.token_expired", 401},     {"request.rate_limited", 429},
        {"request.bad_query", 400},      {"sync.gap", 409},
        {"sync.schema_mismatch", 409},   {"sync.batch_too_large", 413},
        {"sync.unknown_row", 422},       {"sync.unknown_reference", 422},
        {"sync.sequence_reused", 409},
    };
    if (auto it = kStatus.find(error.code); it != kStatus.end())
        return it->second;
    // Name checks (core/text/person_name.h: name.too_long, ...) are input errors;
    // anything else (db.error, auth.hash_failed) is the server's fault.
    if (error.code.rfind("name.", 0) == 0)
        return 400;
    // A sync message that is not what it should be (unknown table or field,
    // a wrong value): the request is wrong, and nothing was applied.
    if (error.code.rfind("sync.", 0) == 0)
        return 400;
    return 500;
}

} // namespace obole::server
