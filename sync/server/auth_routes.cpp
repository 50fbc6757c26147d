#include "core/calendar/date.h"
#include "server/auth_routes.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <map>
#include <string_view>

namespace obole::server {

namespace {

using json = nlohmann::json;

// Bodies are parsed without exceptions (errors are values here, and a throw
// inside an httplib handler would only become a bare 500).
Result<json> parse_object(const httplib::Request& req)
{
    json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return fail("request.malformed_json", "The request body is not a JSON object.");
    return body;
}

// A string field; `required` false gives "" when the field is absent.
Result<std::string> string_field(const json& body, const char* name, bool required = true)
{
    auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        if (required)
            return fail("request.missing_field", "A required field is missing.", name);
        return std::string();
    }
    if (!it->is_string())
        return fail("request.bad_field", "A field has the wrong type.", name);
    return it->get<std::string>();
}

json operator_json(const std::string& login, const std::string& name, Role role)
{
    return {{"login", login}, {"name", name}, {"role", role_name(role)}};
}

json device_json(const DeviceInfo& d)
{
    return {{"device_id", d.device_id},
            {"name", d.device_name},
            {"operator_login", d.operator_login},
            {"enrolled_at", iso_from_unix_ms(d.enrolled_at_ms)},
            {"last_seen", iso_from_unix_ms(d.last_seen_ms)},
            {"revoked", d.revoked}};
}

void send_json(httplib::Response& res, int status, const json& body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

// The admin behind the request, or the error to answer with.
Result<Principal> require_admin(const httplib::Request& req, Auth& auth)
{
    Result<Principal> who = authenticate_request(req, auth);
    if (who && who->role != Role::admin)
        return fail("auth.forbidden", "Only an administrator may do this.");
    return who;
}

void post_enrol(const httplib::Request& req, httplib::Response& res, Auth& auth, std::mutex& store_mutex)
{
    Result<json> body = parse_object(req);
    if (!body)
        return send_error(res, body.error());
    Result<std::string> code = string_field(*body, "code");
    Result<std::string> login = string_field(*body, "login");
    Result<std::string> password = string_field(*body, "password");
    Result<std::string> device_name = string_field(*body, "device_name", false);
    for (const Result<std::string>* field : {&code, &login, &password, &device_name})
        if (!*field)
            return send_error(res, field->error());

    std::lock_guard lock(store_mutex);
    Result<Enrolment> made = auth.enrol(*code, *login, *password, *device_name, unix_now_ms());
    if (!made)
        return send_error(res, made.error());
    const Principal& who = made->principal;
    send_json(res, 200,
              {{"token", made->token},
               {"device_id", made->device_id},
               {"operator", operator_json(who.operator_login, who.operator_name, who.role)}});
}

void post_operator(const httplib::Request& req, httplib::Response& res, Auth& auth, std::mutex& store_mutex)
{
    std::lock_guard lock(store_mutex);
    if (Result<Principal> admin = require_admin(req, auth); !admin)
        return send_error(res, admin.error());
    Result<json> body = parse_object(req);
    if (!body)
        return send_error(res, body.error());
    Result<std::string> login = string_field(*body, "login");
    Result<std::string> name = string_field(*body, "name", false);
    Result<std::string> role_text = string_field(*body, "role");
    Result<std::string> password = string_field(*body, "password");
    for (const Result<std::string>* field : {&login, &name, &role_text, &password})
        if (!*field)
            return send_error(res, field->error());
    Result<Role> role = parse_role(*role_text);
    if (!role)
        return send_error(res, role.error());

    if (Result<void> added = auth.add_operator(*login, *name, *role, *password); !added)
        return send_error(res, added.error());
    // Answer with the operator as stored (login lowercased, default name).
    Result<OperatorInfo> added = auth.find_operator(*login);
    if (!added)
        return send_error(res, added.error());
    send_json(res, 201, operator_json(added->login, added->name, added->role));
}

void get_operators(const httplib::Request& req, httplib::Response& res, Auth& auth, std::mutex& store_mutex)
{
    std::lock_guard lock(store_mutex);
    if (Result<Principal> admin = require_admin(req, auth); !admin)
        return send_error(res, admin.error());
    json list = json::array();
    for (const OperatorInfo& op : auth.operators())
        list.push_back(operator_json(op.login, op.name, op.role));
    send_json(res, 200, {{"operators", list}});
}

void post_enrol_code(const httplib::Request& req, httplib::Response& res, Auth& auth, std::mutex& store_mutex)
{
    std::lock_guard lock(store_mutex);
    if (Result<Principal> admin = require_admin(req, auth); !admin)
        return send_error(res, admin.error());
    Result<json> body = parse_object(req);
    if (!body)
        return send_error(res, body.error());
    Result<std::string> login = string_field(*body, "login");
    if (!login)
        return send_error(res, login.error());
    int ttl_minutes = kDefaultEnrolTtlMinutes;
    if (auto it = body->find("ttl_minutes"); it != body->end() && !it->is_null()) {
        if (!it->is_number_integer())
            return send_error(res, fail("request.bad_field", "A field has the wrong type.", "ttl_minutes"));
        // Out-of-range values become one Auth refuses (auth.bad_ttl) rather than wrapping.
        int64_t asked = it->get<int64_t>();
        ttl_minutes = asked < 1 || asked > kMaxEnrolTtlMinutes ? 0 : int(asked);
    }

    const int64_t now_ms = unix_now_ms();
    Result<std::string> code = auth.issue_enrol_code(*login, ttl_minutes, now_ms);
    if (!code)
        return send_error(res, code.error());
    send_json(res, 201, {{"code", *code}, {"expires_at", iso_from_unix_ms(now_ms + int64_t(ttl_minutes) * 60'000)}});
}

void get_devices(const httplib::Request& req, httplib::Response& res, Auth& auth, std::mutex& store_mutex)
{
    std::lock_guard lock(store_mutex);
    if (Result<Principal> admin = require_admin(req, auth); !admin)
        return send_error(res, admin.error());
    json list = json::array();
    for (const DeviceInfo& d : auth.devices())
        list.push_back(device_json(d));
    send_json(res, 200, {{"devices", list}});
}

void post_revoke(const httplib::Request& req, httplib::Response& res, Auth& auth, std::mutex& store_mutex)
{
    std::lock_guard lock(store_mutex);
    if (Result<Principal> admin = require_admin(req, auth); !admin)
        return send_error(res, admin.error());
    const std::string device_id = req.matches[1];
    if (Result<void> revoked = auth.revoke_device(device_id); !revoked)
        return send_error(res, revoked.error());
    send_json(res, 200, {{"device_id", device_id}, {"revoked", true}});
}

} // namespace

void add_auth_routes(httplib::Server& http, Auth& auth, std::mutex& store_mutex)
{
    auto route = [&auth, &store_mutex](auto handler) {
        return [&auth, &store_mutex, handler](const httplib::Request& req, httplib::Response& res) {
            handler(req, res, auth, store_mutex);
        };
    };
    http.Post("/api/enrol", route(post_enrol));
    http.Post("/api/admin/operators", route(post_operator));
    http.Get("/api/admin/operators", route(get_operators));
    http.Post("/api/admin/enrol-codes", route(post_enrol_code));
    http.Get("/api/admin/devices", route(get_devices));
    http.Post(R"(/api/admin/devices/([^/]+)/revoke)", route(post_revoke));
}

Result<Principal> authenticate_request(const httplib::Request& req, Auth& auth)
{
    const std::string header = req.get_header_value("Authorization");
    // The scheme name is case-insensitive (RFC 9110); the token is not.
    constexpr std::string_view kScheme = "bearer ";
    bool bearer = header.size() > kScheme.size();
    for (size_t i = 0; bearer && i < kScheme.size(); ++i)
        bearer = std::tolower(static_cast<unsigned char>(header[i])) == kScheme[i];
    const size_t start = bearer ? header.find_first_not_of(' ', kScheme.size()) : std::string::npos;
    if (start == std::string::npos)
        return fail("auth.missing_token", "This request needs an 'Authorization: Bearer' token.");
    return auth.authenticate(header.substr(start), unix_now_ms());
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
        res.status = status;
        res.set_content(json{{"error", detail}}.dump(), "application/json");
        return;
    }
    json detail = {{"code", error.code}, {"message", error.message}};
    if (!error.field.empty())
        detail["field"] = error.field;
    res.status = status;
    if (status == 401)
        res.set_header("WWW-Authenticate", "Bearer");
    res.set_content(json{{"error", detail}}.dump(), "application/json");
}

int status_for(const Error& error)
{
    static const std::map<std::string, int> kStatus = {
        {"request.malformed_json", 400}, {"request.missing_field", 400}, {"request.bad_field", 400},
        {"auth.bad_login", 400},         {"auth.bad_role", 400},         {"auth.bad_ttl", 400},
        {"auth.weak_password", 400},     {"auth.missing_token", 401},    {"auth.invalid_token", 401},
        {"auth.revoked", 401},           {"auth.bad_code", 401},         {"auth.bad_password", 401},
        {"auth.forbidden", 403},         {"auth.unknown_operator", 404}, {"auth.unknown_device", 404},
        {"auth.operator_exists", 409},   {"auth.code_expired", 410},
        {"request.bad_query", 400},      {"sync.gap", 409},              {"sync.schema_mismatch", 409},
        {"sync.sequence_reused", 409},
        {"sync.batch_too_large", 413},   {"sync.unknown_row", 422},      {"sync.unknown_reference", 422},
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
