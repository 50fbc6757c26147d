#include "server/sync_routes.h"

#include <charconv>

#include <httplib.h>

#include "core/calendar/date.h"
#include "core/store/store.h"
#include "protocol/codec.h"
#include "server/json_response.h"
#include "server/request_body.h"
#include "server/request_gate.h"
#include "server/role_copy.h"
#include "server/sync_service.h"

namespace obole::server {

namespace {

bool read_number(const httplib::Request& req, const char* name, int64_t* out)
{
    if (!req.has_param(name))
        return false;
    const std::string v = req.get_param_value(name);
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), *out);
    return ec == std::errc() && end == v.data() + v.size();
}

} // namespace

void add_sync_routes(httplib::Server& http, Store& store, SyncService& sync, RequestGate& gate, std::mutex& store_mutex,
                     RoleCopies& copies, SyncRoutesOptions options)
{
    // The token is checked before the body is read (a refusal costs no
    // reading), and the body is read outside the store lock (a slow client
    // holds up no one else).
    http.Post("/api/sync/push",
              [&](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                  std::optional<Principal> who = gate.admit(req, res);
                  if (!who)
                      return;
                  Result<std::string> body = read_text_body(req, reader);
                  if (!body)
                      return send_error(res, body.error());
                  std::lock_guard lock(store_mutex);
                  Result<sync::PushRequest> request = sync::parse_push_request(*body);
                  if (!request)
                      return send_error(res, request.error());
                  Result<sync::PushResponse> answer = sync.push(*who, *request, unix_now_ms());
                  if (!answer)
                      return send_error(res, answer.error());
                  send_json(res, 200, sync::to_json(*answer));
              });

    http.Get("/api/sync/pull", [&](const httplib::Request& req, httplib::Response& res) {
        int64_t since = 0, limit = 0, schema = 0;
        if (!read_number(req, "since", &since) || !read_number(req, "limit", &limit) ||
            !read_number(req, "schema_version", &schema))
            return send_error(res, fail("request.bad_query", "A pull needs since, limit and schema_version numbers."));
        std::optional<Principal> who = gate.admit(req, res);
        if (!who)
            return;
        Result<sync::PullResponse> page = [&] {
            std::lock_guard lock(store_mutex);
            return sync.pull(since, int(limit), int(schema));
        }();
        if (!page)
            return send_error(res, page.error());
        filter_for_role(who->role, *page);
        page->role = sync::role_name(who->role);
        send_json(res, 200, sync::to_json(*page));
    });

    // obole.db as the device's role may read it (role_copy.h): a new
    // device's first copy, or a device's new one after its role changed,
    // with the cursor to pull from next in its meta (ChangeLog::publish_cursor).
    // The demo's is open to anyone, whole, when no token comes with the request.
    http.Get("/api/snapshot", [&store, &sync, &gate, &store_mutex, &copies, options](const httplib::Request& req,
                                                                                     httplib::Response& res) {
        Role role = Role::office;
        if (options.open_snapshot && !req.has_header("Authorization")) {
            if (!gate.admit_anonymous(req, res))
                return;
        } else {
            std::optional<Principal> who = gate.admit(req, res);
            if (!who)
                return;
            role = who->role;
        }
        // The image may be newer than `version`: it carries its own cursor.
        Result<int64_t> version = [&] {
            std::lock_guard lock(store_mutex);
            return sync.log().last_version();
        }();
        if (!version)
            return send_error(res, 500, "snapshot.failed", "The server's change log could not be read.");
        auto image = [&] {
            std::lock_guard lock(store_mutex);
            return store.serialize();
        };
        Result<std::vector<uint8_t>> bytes = copies.get(role, *version, store.today(), image);
        if (!bytes || bytes->empty())
            return send_error(res, 500, "snapshot.failed", "The database could not be serialised.");
        res.set_header("Cache-Control", "no-store");
        res.set_content(std::string(bytes->begin(), bytes->end()), "application/vnd.sqlite3");
    });
}

} // namespace obole::server
