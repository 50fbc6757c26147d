#include "server/sync_routes.h"

#include <charconv>

#include <httplib.h>

#include "core/calendar/date.h"
#include "core/store/store.h"
#include "protocol/codec.h"
#include "server/auth_routes.h"
#include "server/json_response.h"
#include "server/request_body.h"
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

void add_sync_routes(httplib::Server& http, Store& store, SyncService& sync, Auth& auth, std::mutex& store_mutex,
                     SyncRoutesOptions options)
{
    // The token is checked before the body is read (a refusal costs no
    // reading), and the body is read outside the store lock (a slow client
    // holds up no one else).
    http.Post("/api/sync/push",
              [&](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                  Result<Principal> who = [&] {
                      std::lock_guard lock(store_mutex);
                      return authenticate_request(req, auth);
                  }();
                  if (!who)
                      return send_error(res, who.error());
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
        std::lock_guard lock(store_mutex);
        Result<Principal> who = authenticate_request(req, auth);
        if (!who)
            return send_error(res, who.error());
        Result<sync::PullResponse> page = sync.pull(since, int(limit), int(schema));
        if (!page)
            return send_error(res, page.error());
        send_json(res, 200, sync::to_json(*page));
    });

    // The whole of obole.db: a new device's first copy, with the cursor to
    // pull from next in its meta (ChangeLog::publish_cursor).
    http.Get("/api/snapshot",
             [&store, &auth, &store_mutex, options](const httplib::Request& req, httplib::Response& res) {
                 std::vector<uint8_t> bytes;
                 {
                     std::lock_guard lock(store_mutex);
                     if (!options.open_snapshot)
                         if (Result<Principal> who = authenticate_request(req, auth); !who)
                             return send_error(res, who.error());
                     bytes = store.serialize();
                 }
                 if (bytes.empty())
                     return send_error(res, 500, "snapshot.failed", "The database could not be serialised.");
                 res.set_header("Cache-Control", "no-store");
                 res.set_content(std::string(bytes.begin(), bytes.end()), "application/vnd.sqlite3");
             });
}

} // namespace obole::server
