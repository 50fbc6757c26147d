#include "server/auth_routes.h"
#include "core/calendar/date.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <string_view>

#include "server/json_response.h"
#include "server/request_body.h"

namespace obole::server {

namespace {

using json = nlohmann::json;

// Bodies are parsed without exceptions (errors are values here, and a throw
// inside an httplib handler would only become a bare 500).
Result<json> parse_object(const std::string& text)
{
    json body = json::parse(text, nullptr, false);
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

// The admin behind the request, or the error to answer with.
Result<Principal> require_admin(const httplib::Request& req, Auth& auth)
{
    Result<Principal> who = authenticate_request(req, auth);
    if (who && who->role != Role::admin)
        return fail("auth.forbidden", "Only an administrator may do this.");
    return who;
}

// The handlers below run with the store locked; the admin ones once the
// request's token is known to be an admin's (add_auth_routes).

void post_enrol(const std::string& text, const httplib::Request&, httplib::Response& res, Auth& auth)
{
    Result<json> body = parse_object(text);
    if (!body)
        return send_error(res, body.error());
    Result<std::string> code = string_field(*body, "code");
    Result<std::string> login = string_field(*body, "login");
    Result<std::string> password = string_field(*body, "password");
    Result<std::string> device_name = string_field(*body, "device_name", false);
    for (const Result<std::string>* field : {&code, &login, &password, &device_name})
        if (!*field)
            return send_error(res, field->error());

    Result<Enrolment> made = auth.enrol(*code, *login, *password, *device_name, unix_now_ms());
    if (!made)
        return send_error(res, made.error());
    const Principal& who = made->principal;
    send_json(res, 200,
              {{"token", made->token},
               {"device_id", made->device_id},
               {"operator", operator_json(who.operator_login, who.operator_name, who.role)}});
}

void post_operator(const std::string& text, const httplib::Request&, httplib::Response& res, Auth& auth)
{
    Result<json> body = parse_object(text);
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

void get_operators(const httplib::Request&, httplib::Response& res, Auth& auth)
{
    json list = json::array();
    for (const OperatorInfo& op : auth.operators())
        list.push_back(operator_json(op.login, op.name, op.role));
    send_json(res, 200, {{"operators", list}});
}

void post_enrol_code(const std::string& text, const httplib::Request&, httplib::Response& res, Auth& auth)
{
    Result<json> body = parse_object(text);
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

void get_devices(const httplib::Request&, httplib::Response& res, Auth& auth)
{
    json list = json::array();
    for (const DeviceInfo& d : auth.devices())
        list.push_back(device_json(d));
    send_json(res, 200, {{"devices", list}});
}

void post_revoke(const std::string&, const httplib::Request& req, httplib::Response& res, Auth& auth)
{
    const std::string device_id = req.matches[1];
    if (Result<void> revoked = auth.revoke_device(device_id); !revoked)
        return send_error(res, revoked.error());
    send_json(res, 200, {{"device_id", device_id}, {"revoked", true}});
}

using BodyHandler = void (*)(const std::string& body, const httplib::Request&, httplib::Response&, Auth&);
using GetHandler = void (*)(const httplib::Request&, httplib::Response&, Auth&);

// The admin's token is checked before the body is read, so a refused
// request costs no reading; the body is read outside the store lock, so a
// slow client holds up no one else.
struct RouteMaker {
    Auth& auth;
    std::mutex& store_mutex;

    bool admin(const httplib::Request& req, httplib::Response& res) const
    {
        std::lock_guard lock(store_mutex);
        Result<Principal> who = require_admin(req, auth);
        if (!who)
            send_error(res, who.error());
        return bool(who);
    }

    void with_body(BodyHandler handler, const httplib::Request& req, httplib::Response& res,
                   const httplib::ContentReader& reader) const
    {
        Result<std::string> body = read_text_body(req, reader);
        if (!body)
            return send_error(res, body.error());
        std::lock_guard lock(store_mutex);
        handler(*body, req, res, auth);
    }

    httplib::Server::HandlerWithContentReader open_post(BodyHandler handler) const
    {
        return [*this, handler](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) { with_body(handler, req, res, reader); };
    }

    httplib::Server::HandlerWithContentReader admin_post(BodyHandler handler) const
    {
        return [*this, handler](const httplib::Request& req, httplib::Response& res,
                                const httplib::ContentReader& reader) {
            if (admin(req, res))
                with_body(handler, req, res, reader);
        };
    }

    httplib::Server::Handler admin_get(GetHandler handler) const
    {
        return [*this, handler](const httplib::Request& req, httplib::Response& res) {
            if (!admin(req, res))
                return;
            std::lock_guard lock(store_mutex);
            handler(req, res, auth);
        };
    }
};

} // namespace

void add_auth_routes(httplib::Server& http, Auth& auth, std::mutex& store_mutex)
{
    const RouteMaker route{auth, store_mutex};
    http.Post("/api/enrol", route.open_post(post_enrol));
    http.Post("/api/admin/operators", route.admin_post(post_operator));
    http.Get("/api/admin/operators", route.admin_get(get_operators));
    http.Post("/api/admin/enrol-codes", route.admin_post(post_enrol_code));
    http.Get("/api/admin/devices", route.admin_get(get_devices));
    http.Post(R"(/api/admin/devices/([^/]+)/revoke)", route.admin_post(post_revoke));
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

} // namespace obole::server
