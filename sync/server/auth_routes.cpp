#include "server/auth_routes.h"
#include "core/calendar/date.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <string_view>

#include "server/admin_journal.h"
#include "server/json_response.h"
#include "server/request_body.h"
#include "server/request_gate.h"

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

// Answers the error; the empty detail says there is nothing to journal.
std::string refused(httplib::Response& res, const Error& error)
{
    send_error(res, error);
    return {};
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

// The handlers below run with the store locked; the admin ones once the
// request's token is known to be an admin's (add_auth_routes).

// Enrolment holds the store twice, briefly: to read the code, then to
// consume it or count a wrong password; the password is checked (Argon2id,
// about a quarter of a second) in between, with the store free for others.
void post_enrol(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader, Auth& auth,
                std::mutex& store_mutex, RequestGate& gate, Store& store)
{
    if (!gate.admit_enrolment(req, res))
        return;
    Result<std::string> text = read_text_body(req, reader);
    if (!text)
        return send_error(res, text.error());
    Result<json> body = parse_object(*text);
    if (!body)
        return send_error(res, body.error());
    Result<std::string> code = string_field(*body, "code");
    Result<std::string> login = string_field(*body, "login");
    Result<std::string> password = string_field(*body, "password");
    Result<std::string> device_name = string_field(*body, "device_name", false);
    for (const Result<std::string>* field : {&code, &login, &password, &device_name})
        if (!*field)
            return send_error(res, field->error());
    if (!gate.admit_enrolment_login(req, *login, res))
        return;

    Result<EnrolAttempt> attempt = [&] {
        std::lock_guard lock(store_mutex);
        return auth.begin_enrol(*code, *login, *device_name, unix_now_ms());
    }();
    if (!attempt)
        return send_error(res, attempt.error());
    const bool password_ok = auth.password_matches(*attempt, *password);
    Result<Enrolment> made = [&] {
        std::lock_guard lock(store_mutex);
        Result<Enrolment> done = auth.finish_enrol(*attempt, password_ok, unix_now_ms());
        if (done)
            (void)record_admin_action(store, {unix_now_ms(), done->principal.operator_login, "device.enrol",
                                              done->device_id + " (" + done->principal.device_name + ")"});
        return done;
    }();
    if (!made)
        return send_error(res, made.error());
    const Principal& who = made->principal;
    send_json(res, 200,
              {{"token", made->token},
               {"device_id", made->device_id},
               {"operator", operator_json(who.operator_login, who.operator_name, who.role)}});
}

// The password is hashed (Argon2id) before the store is taken.
std::string post_operator(const std::string& text, httplib::Response& res, Auth& auth, std::mutex& store_mutex)
{
    Result<json> body = parse_object(text);
    if (!body)
        return refused(res, body.error());
    Result<std::string> login = string_field(*body, "login");
    Result<std::string> name = string_field(*body, "name", false);
    Result<std::string> role_text = string_field(*body, "role");
    Result<std::string> password = string_field(*body, "password");
    for (const Result<std::string>* field : {&login, &name, &role_text, &password})
        if (!*field)
            return refused(res, field->error());
    Result<Role> role = parse_role(*role_text);
    if (!role)
        return refused(res, role.error());
    Result<NewOperator> op = Auth::prepare_operator(*login, *name, *role, *password);
    if (!op)
        return refused(res, op.error());

    std::lock_guard lock(store_mutex);
    if (Result<void> added = auth.insert_operator(*op); !added)
        return refused(res, added.error());
    send_json(res, 201, operator_json(op->login, op->name, op->role));
    return op->login + " (" + role_name(op->role) + ")";
}

void get_operators(const httplib::Request&, httplib::Response& res, Auth& auth)
{
    Result<std::vector<OperatorInfo>> ops = auth.operators();
    if (!ops)
        return send_error(res, ops.error());
    json list = json::array();
    for (const OperatorInfo& op : *ops)
        list.push_back(operator_json(op.login, op.name, op.role));
    send_json(res, 200, {{"operators", list}});
}

std::string post_enrol_code(const std::string& text, const httplib::Request&, httplib::Response& res, Auth& auth)
{
    Result<json> body = parse_object(text);
    if (!body)
        return refused(res, body.error());
    Result<std::string> login = string_field(*body, "login");
    if (!login)
        return refused(res, login.error());
    int ttl_minutes = kDefaultEnrolTtlMinutes;
    if (auto it = body->find("ttl_minutes"); it != body->end() && !it->is_null()) {
        if (!it->is_number_integer())
            return refused(res, fail("request.bad_field", "A field has the wrong type.", "ttl_minutes"));
        // Out-of-range values become one Auth refuses (auth.bad_ttl) rather than wrapping.
        int64_t asked = it->get<int64_t>();
        ttl_minutes = asked < 1 || asked > kMaxEnrolTtlMinutes ? 0 : int(asked);
    }

    const int64_t now_ms = unix_now_ms();
    Result<std::string> code = auth.issue_enrol_code(*login, ttl_minutes, now_ms);
    if (!code)
        return refused(res, code.error());
    send_json(res, 201, {{"code", *code}, {"expires_at", iso_from_unix_ms(now_ms + int64_t(ttl_minutes) * 60'000)}});
    return "for " + *login + ", valid " + std::to_string(ttl_minutes) + " minutes"; // never the code
}

void get_devices(const httplib::Request&, httplib::Response& res, Auth& auth)
{
    Result<std::vector<DeviceInfo>> devices = auth.devices();
    if (!devices)
        return send_error(res, devices.error());
    json list = json::array();
    for (const DeviceInfo& d : *devices)
        list.push_back(device_json(d));
    send_json(res, 200, {{"devices", list}});
}

std::string post_revoke(const std::string&, const httplib::Request& req, httplib::Response& res, Auth& auth)
{
    const std::string device_id = req.matches[1];
    if (Result<void> revoked = auth.revoke_device(device_id); !revoked)
        return refused(res, revoked.error());
    send_json(res, 200, {{"device_id", device_id}, {"revoked", true}});
    return device_id;
}

// An operator's new role: it holds from each of their devices' next contact
// (the pull says it; the device replaces its copy: client/device_copy.h).
std::string post_role(const std::string& text, const httplib::Request& req, httplib::Response& res, Auth& auth)
{
    Result<json> body = parse_object(text);
    if (!body)
        return refused(res, body.error());
    Result<std::string> role_text = string_field(*body, "role");
    if (!role_text)
        return refused(res, role_text.error());
    Result<Role> role = parse_role(*role_text);
    if (!role)
        return refused(res, role.error());
    Result<OperatorInfo> op = auth.find_operator(req.matches[1]);
    if (!op)
        return refused(res, op.error());
    if (Result<void> set = auth.set_role(op->login, *role); !set)
        return refused(res, set.error());
    send_json(res, 200, operator_json(op->login, op->name, *role));
    return op->login + " " + role_name(op->role) + " -> " + role_name(*role);
}

void get_journal(const httplib::Request&, httplib::Response& res, Store& store)
{
    Result<std::vector<AdminAction>> actions = admin_actions(store, 1000);
    if (!actions)
        return send_error(res, actions.error());
    json list = json::array();
    for (const AdminAction& a : *actions)
        list.push_back(
            {{"at", iso_from_unix_ms(a.at_ms)}, {"actor", a.actor}, {"action", a.action}, {"detail", a.detail}});
    send_json(res, 200, {{"actions", list}});
}

void post_rotate_token(const Principal& who, httplib::Response& res, Auth& auth)
{
    Result<std::string> token = auth.rotate_token(who);
    if (!token)
        return send_error(res, token.error());
    send_json(res, 200, {{"token", *token}});
}

// A body handler answers, and returns what to journal of it (admin_journal.h), "" for nothing.
using BodyHandler = std::string (*)(const std::string& body, const httplib::Request&, httplib::Response&, Auth&);
using GetHandler = void (*)(const httplib::Request&, httplib::Response&, Auth&);

// The token is checked (and the limits: request_gate.h) before the body is
// read, so a refused request costs no reading; the body is read outside the
// store lock, so a slow client holds up no one else.
struct RouteMaker {
    Store& store;
    Auth& auth;
    std::mutex& store_mutex;
    RequestGate& gate;

    // What an admin did, journaled in the same hold of the store.
    httplib::Server::HandlerWithContentReader admin_post(BodyHandler handler, const char* action) const
    {
        return [*this, handler, action](const httplib::Request& req, httplib::Response& res,
                                        const httplib::ContentReader& reader) {
            std::optional<Principal> who = gate.admit_admin(req, res);
            if (!who)
                return;
            Result<std::string> body = read_text_body(req, reader);
            if (!body)
                return send_error(res, body.error());
            std::lock_guard lock(store_mutex);
            const std::string detail = handler(*body, req, res, auth);
            if (!detail.empty())
                journal(res, {unix_now_ms(), who->operator_login, action, detail});
        };
    }

    void journal(httplib::Response& res, const AdminAction& action) const
    {
        // Done, but not journaled: the admin must hear it, and the log says why.
        if (Result<void> r = record_admin_action(store, action); !r)
            send_error(res, 500, r.error());
    }

    httplib::Server::Handler admin_get(GetHandler handler) const
    {
        return [*this, handler](const httplib::Request& req, httplib::Response& res) {
            if (!gate.admit_admin(req, res))
                return;
            std::lock_guard lock(store_mutex);
            handler(req, res, auth);
        };
    }
};

} // namespace

void add_auth_routes(httplib::Server& http, Store& store, Auth& auth, std::mutex& store_mutex, RequestGate& gate)
{
    const RouteMaker route{store, auth, store_mutex, gate};
    http.Post("/api/enrol",
              [route](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                  post_enrol(req, res, reader, route.auth, route.store_mutex, route.gate, route.store);
              });
    http.Post("/api/admin/operators",
              [route](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                  std::optional<Principal> who = route.gate.admit_admin(req, res);
                  if (!who)
                      return;
                  Result<std::string> body = read_text_body(req, reader);
                  if (!body)
                      return send_error(res, body.error());
                  const std::string detail = post_operator(*body, res, route.auth, route.store_mutex);
                  if (!detail.empty()) {
                      std::lock_guard lock(route.store_mutex);
                      route.journal(res, {unix_now_ms(), who->operator_login, "operator.add", detail});
                  }
              });
    http.Get("/api/admin/operators", route.admin_get(get_operators));
    http.Post(R"(/api/admin/operators/([^/]+)/role)", route.admin_post(post_role, "operator.role"));
    http.Post("/api/admin/enrol-codes", route.admin_post(post_enrol_code, "enrol_code.issue"));
    http.Get("/api/admin/devices", route.admin_get(get_devices));
    http.Post(R"(/api/admin/devices/([^/]+)/revoke)", route.admin_post(post_revoke, "device.revoke"));
    http.Get("/api/admin/journal", [route](const httplib::Request& req, httplib::Response& res) {
        if (!route.gate.admit_admin(req, res))
            return;
        std::lock_guard lock(route.store_mutex);
        get_journal(req, res, route.store);
    });
    // "Sign out and erase this device": its token stops working at once (the
    // device erases its copy whatever the answer: client/sync_engine.h).
    http.Post("/api/device/sign-out",
              [route](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                  std::optional<Principal> who = route.gate.admit(req, res);
                  if (!who)
                      return;
                  if (Result<std::string> body = read_text_body(req, reader); !body)
                      return send_error(res, body.error());
                  std::lock_guard lock(route.store_mutex);
                  if (Result<void> r = route.auth.revoke_device(who->device_id); !r)
                      return send_error(res, r.error());
                  send_json(res, 200, {{"device_id", who->device_id}, {"signed_out", true}});
                  route.journal(res, {unix_now_ms(), who->operator_login, "device.sign_out",
                                      who->device_id + " (" + who->device_name + ")"});
              });
    // A device's new token (Auth::rotate_token); the request has no body to speak of.
    http.Post("/api/token/rotate", [&auth, &store_mutex, &gate](const httplib::Request& req, httplib::Response& res,
                                                                const httplib::ContentReader& reader) {
        std::optional<Principal> who = gate.admit(req, res);
        if (!who)
            return;
        if (Result<std::string> body = read_text_body(req, reader); !body)
            return send_error(res, body.error());
        std::lock_guard lock(store_mutex);
        post_rotate_token(*who, res, auth);
    });
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
