#include "server/http_api.h"

#include "core/members/member_repository.h"
#include "core/store/demo_mark.h"
#include "core/store/store.h"
#include "server/auth_routes.h"
#include "server/http_server.h"
#include "server/json_response.h"
#include "server/request_body.h"
#include "server/request_checks.h"
#include "server/request_gate.h"
#include "server/request_log.h"
#include "server/role_copy.h"
#include "server/security_headers.h"
#include "server/sync_routes.h"
#include "server/sync_service.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

namespace obole::server {

using Clock = std::chrono::steady_clock;

namespace {

// Set when routing starts, read by the logger on the same worker thread.
thread_local Clock::time_point t_request_start;

// What is left to say when even an error answer could not be made.
constexpr const char* kLastWords =
    R"({"error":{"code":"server.internal_error","message":"The server could not answer this request."}})";

void answer_not_found(const httplib::Request& req, httplib::Response& res)
{
    send_error(res, 404, "not_found", "Nothing here: " + req.path.substr(0, req.path.find('?')));
}

// Errors httplib found itself (a request it could not parse, a length over
// the limit, no route) get our JSON error shape too.
void answer_error_status(const httplib::Request& req, httplib::Response& res)
{
    if (!res.body.empty())
        return;
    if (res.status == 413)
        return send_error(res, 413, request_too_large());
    if (res.status == 404)
        return answer_not_found(req, res);
    if (res.status == 400)
        return send_error(res, 400, "request.malformed", "The request is not valid HTTP.");
    send_error(res, res.status, "http." + std::to_string(res.status), "The request failed.");
}

std::string exception_text(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an exception that is not a std::exception";
    }
}

void log_request(const httplib::Request& req, const httplib::Response& res)
{
    RequestLogEntry e{
        req.remote_addr, req.method,
        req.path,        res.status,
        res.body.size(), std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count()};
    std::printf("%s\n", format_request_log(e).c_str());
    std::fflush(stdout);
}

} // namespace

HttpApi::HttpApi(Store& store, Auth& auth, const ServerOptions& options)
    : HttpApi(store, auth, options, std::make_unique<HttpServer>())
{
}

HttpApi::HttpApi(Store& store, Auth& auth, const ServerOptions& options, std::unique_ptr<HttpServer> http)
    : store_(store), auth_(auth), sync_(std::make_unique<SyncService>(store)), options_(options),
      gate_(std::make_unique<RequestGate>(auth, store_mutex_, options.limits)), copies_(std::make_unique<RoleCopies>()),
      http_(std::move(http))
{
    auth_.set_token_idle_days(options_.token_idle_days);
    add_guards();
    add_routes();
}

HttpApi::~HttpApi() = default;

// What stands between a client and the process: the checks before routing,
// and handlers for errors, exceptions and the log that never throw (httplib
// calls the error handler and the logger outside its own try).
void HttpApi::add_guards()
{
    httplib::Server& s = *http_;
    s.set_payload_max_length(sync::kMaxRequestBytes);
    // Every response starts with them: files, API answers, errors, 404s.
    httplib::Headers headers;
    for (const auto& [name, value] : security_headers())
        headers.emplace(name, value);
    s.set_default_headers(std::move(headers));
    s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        t_request_start = Clock::now();
        Result<void> fit = check_request_head(req);
        if (fit)
            return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, fit.error());
        return httplib::Server::HandlerResponse::Handled;
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        try {
            std::fprintf(stderr, "obole-server: a handler threw: %s\n", log_field(exception_text(error)).c_str());
            send_error(res, 500, "server.internal_error", "The server could not answer this request.");
        } catch (...) {
            res.status = 500;
        }
    });
    s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        try {
            answer_error_status(req, res);
        } catch (...) {
            res.set_content(kLastWords, "application/json");
        }
    });
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        try {
            log_request(req, res);
        } catch (...) {
            // A line lost is better than a server lost.
        }
    });
}

void HttpApi::add_routes()
{
    httplib::Server& s = *http_;
    s.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    s.set_file_extension_and_mimetype_mapping("ttf", "font/ttf");
    s.set_file_extension_and_mimetype_mapping("json", "application/json");
    s.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");

    s.Get("/api/health", [this](const httplib::Request&, httplib::Response& res) {
        std::lock_guard lock(store_mutex_);
        Result<int64_t> members = MemberRepository(store_).count();
        if (!members)
            return send_error(res, 500, members.error());
        Result<int> version = store_.schema_version();
        if (!version)
            return send_error(res, 500, version.error());
        send_json(res, 200,
                  {{"status", "ok"}, {"service", "obole-server"}, {"schema_version", *version}, {"members", *members}});
    });

    add_auth_routes(s, store_, auth_, store_mutex_, *gate_);
    // The snapshot is open to anyone only when the data is the demo's
    // (main refuses --demo on anything else; this holds even if it did not).
    // A mark that cannot be read keeps it closed, and says so.
    Result<bool> demo = options_.demo ? is_demo_data(store_) : Result<bool>(false);
    if (!demo)
        std::fprintf(stderr, "obole-server: the demo mark could not be read (%s): the snapshot asks for a token\n",
                     demo.error().message.c_str());
    add_sync_routes(s, store_, *sync_, *gate_, store_mutex_, *copies_, {demo && *demo});

    // Last: a POST no route above takes is answered without reading its body.
    // httplib reads the body of a POST that reaches no ContentReader route
    // whole, into memory, before looking for a plain route; with this one,
    // none ever does. So a route with a body must take a ContentReader (and
    // read it with read_text_body): a plain Post() route would never be reached.
    // (PUT, PATCH and DELETE are refused before routing.)
    s.Post(".*", [](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader&) {
        answer_not_found(req, res);
    });

    if (!options_.web_dir.empty()) {
        // The service worker (offline issue) decides what is cached; the server only
        // asks browsers to revalidate so that a new build is seen on the next visit.
        s.set_mount_point("/", options_.web_dir, {{"Cache-Control", "no-cache"}});
    }
}

Result<void> HttpApi::prepare()
{
    return sync_->ensure_schema();
}

Result<int> HttpApi::bind()
{
    if (Result<void> r = prepare(); !r)
        return r.error();
    return http_->bind(options_.host, options_.port);
}

void HttpApi::serve()
{
    http_->listen_after_bind();
}

void HttpApi::stop()
{
    http_->stop();
}

} // namespace obole::server
