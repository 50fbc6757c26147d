// The HTTP face of obole-server: health, enrolment and administration
// (auth_routes.h), sync and the first snapshot (sync_routes.h), and the web
// app's files.
#pragma once
#include "core/result.h"
#include "server/server_options.h"

#include <memory>
#include <mutex>

namespace obole { class Store; }
namespace httplib { class Server; }

namespace obole::server {

class Auth;
class SyncService;

class HttpApi {
 public:
  HttpApi(Store& store, Auth& auth, const ServerOptions& options);
  ~HttpApi();
  HttpApi(const HttpApi&) = delete;
  HttpApi& operator=(const HttpApi&) = delete;

  // Prepares the sync tables and binds the socket; returns the port actually bound (options.port may be 0).
  Result<int> bind();
  // Serves until stop() is called from another thread or a signal handler.
  void serve();
  void stop();

 private:
  void add_routes();
  Store& store_;
  Auth& auth_;
  std::unique_ptr<SyncService> sync_;
  std::mutex store_mutex_;  // SQLite connection shared by the HTTP worker threads
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace obole::server
