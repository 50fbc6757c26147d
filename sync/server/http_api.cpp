#include "server/http_api.h"

#include "core/members/member_repository.h"
#include "core/store/store.h"
#include "protocol/sync_limits.h"
#include "server/auth_routes.h"
#include "server/request_log.h"
#include "server/sync_routes.h"
#include "server/sync_service.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

namespace obole::server {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// Request bodies are JSON; a push may carry a member's documents (2 MiB each
// at most, sync/protocol/sync_limits.h). Anything larger is refused before it is read.
static constexpr size_t kMaxRequestBytes = sync::kMaxRequestBytes;

// Set when routing starts, read by the logger on the same worker thread.
static thread_local Clock::time_point t_request_start;


HttpApi::HttpApi(Store& store, Auth& auth, const ServerOptions& options)
    : store_(store),
      auth_(auth),
      sync_(std::make_unique<SyncService>(store)),
      options_(options),
      http_(std::make_unique<httplib::Server>()) {
  add_routes();
}

HttpApi::~HttpApi() = default;

void HttpApi::add_routes() {
  httplib::Server& s = *http_;
  s.set_payload_max_length(kMaxRequestBytes);
  s.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  s.set_file_extension_and_mimetype_mapping("ttf", "font/ttf");
  s.set_file_extension_and_mimetype_mapping("json", "application/json");
  s.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");

  s.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_request_start = Clock::now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    RequestLogEntry e{req.remote_addr, req.method, req.path, res.status, res.body.size(),
                      std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count()};
    std::printf("%s\n", format_request_log(e).c_str());
    std::fflush(stdout);
  });

  s.Get("/api/health", [this](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(store_mutex_);
    json body = {{"status", "ok"},
                 {"service", "obole-server"},
                 {"schema_version", store_.schema_version()},
                 {"members", MemberRepository(store_).count()}};
    res.set_content(body.dump(), "application/json");
  });

  add_auth_routes(s, auth_, store_mutex_);
  add_sync_routes(s, store_, *sync_, auth_, store_mutex_, {options_.demo});

  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      return send_error(res, 413, "request.too_large",
                        "The request is larger than " + std::to_string(kMaxRequestBytes >> 20) + " MB.");
    if (res.status == 404)
      return send_error(res, 404, "not_found", "Nothing here: " + req.path.substr(0, req.path.find('?')));
    send_error(res, res.status, "http." + std::to_string(res.status), "The request failed.");
  });

  if (!options_.web_dir.empty()) {
    // The service worker (offline issue) decides what is cached; the server only
    // asks browsers to revalidate so that a new build is seen on the next visit.
    s.set_mount_point("/", options_.web_dir, {{"Cache-Control", "no-cache"}});
  }
}

Result<int> HttpApi::bind() {
  if (Result<void> r = sync_->ensure_schema(); !r) return r.error();
  int port = options_.port == 0 ? http_->bind_to_any_port(options_.host)
                                : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0)
    return fail("server.bind_failed",
                 "could not listen on " + options_.host + ":" + std::to_string(options_.port) + " (in use?)");
  return port;
}

void HttpApi::serve() { http_->listen_after_bind(); }

void HttpApi::stop() { http_->stop(); }

}  // namespace obole::server
