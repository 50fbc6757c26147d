// The HTTP face of obole-server: health, enrolment and administration
// (auth_routes.h), sync and the first snapshot (sync_routes.h), and the web
// app's files, on an HttpServer (http_server.h: how connections are read).
//
// Nothing a client sends stops the server: every request's head is checked
// before routing (request_checks.h), bodies are read by their routes and
// never past the size limit (request_body.h), every answer's JSON text is
// safe (json_response.h), and an exception in a handler becomes a 500.
#pragma once
#include "core/result.h"
#include "server/server_options.h"

#include <memory>
#include <mutex>

namespace obole {
class Store;
}

namespace obole::server {

class Auth;
class HttpServer;
class RequestGate;
class RoleCopies;
class SyncService;

class HttpApi {
public:
    HttpApi(Store& store, Auth& auth, const ServerOptions& options);
    // The same on a given server: the fuzzer (tests/fuzz) passes its own
    // HttpServer, which feeds requests to these routes without a socket.
    HttpApi(Store& store, Auth& auth, const ServerOptions& options, std::unique_ptr<HttpServer> http);
    ~HttpApi();
    HttpApi(const HttpApi&) = delete;
    HttpApi& operator=(const HttpApi&) = delete;

    // Prepares the sync tables (bind() does it first).
    Result<void> prepare();
    // Prepares the sync tables and binds the socket; returns the port actually bound (options.port may be 0).
    Result<int> bind();
    // Serves until stop() is called from another thread or a signal handler.
    void serve();
    void stop();

private:
    void add_routes();
    void add_guards();
    Store& store_;
    Auth& auth_;
    std::unique_ptr<SyncService> sync_;
    std::mutex store_mutex_; // SQLite connection shared by the HTTP worker threads
    ServerOptions options_;
    std::unique_ptr<RequestGate> gate_;
    std::unique_ptr<RoleCopies> copies_;
    std::unique_ptr<HttpServer> http_;
};

} // namespace obole::server
