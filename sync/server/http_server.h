// httplib::Server as obole-server runs it: the routes are HttpApi's; this
// class decides how connections are accepted, read and ended.
//
// - Every connection is read through a ConnectionStream, so no request,
//   however it is sent, makes the server hold more than its byte budget.
// - A request for several ranges of a file gets the whole file: httplib
//   would send the file once per range (a few kilobytes of "bytes=0-,0-,..."
//   asked for gigabytes), and error pages too. HTTP lets a server ignore Range.
// - An error answer ends its connection ("Connection: close"): the request
//   may have been refused before its body was read, and the rest of that
//   body must not be read as a next request. This class owns httplib's
//   post-routing handler for that; HttpApi must not set another.
// - kWorkers threads answer; further connections wait, accepted, in the
//   pool's queue: a burst of pushes queues (they take the store one at a
//   time anyway), it is never reset. More threads would only hold more
//   request bodies in memory at once (at most kWorkers × kMaxRequestBytes).
// - A listen backlog of kListenBacklog: with httplib's 5, a burst of
//   connections overflowed the kernel's queue and some of 2×50 parallel
//   pushes were reset (tests/server/parallel_push_http_test.cpp).
//   Debian builds cpp-httplib as a shared library, so
//   CPPHTTPLIB_LISTEN_BACKLOG and CPPHTTPLIB_THREAD_POOL_COUNT are compiled
//   into libcpp-httplib.so and a definition of ours would change nothing:
//   bind() widens the backlog of the bound socket with a second listen(),
//   and the constructor sets the thread pool through new_task_queue.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "core/result.h"

namespace obole::server {

class HttpServer : public httplib::Server {
public:
    static constexpr size_t kWorkers = 8;
    // The kernel caps it at net.core.somaxconn (4096 on current Linux).
    static constexpr int kListenBacklog = 1024;
    // How long an idle kept-alive connection may hold a worker.
    static constexpr time_t kKeepAliveSeconds = 2;
    static constexpr size_t kKeepAliveRequests = 100;

    HttpServer();

    // Binds host:port (port 0 = a free one) and returns the port bound.
    Result<int> bind(const std::string& host, int port);

protected:
    // Reads one request from `stream` and answers it, as every connection's
    // loop does; `on_head` runs once the request's head is read. `last`
    // answers with "Connection: close"; `client_closes` tells the client asked for it.
    bool answer_request(httplib::Stream& stream, bool last, bool& client_closes,
                        const std::function<void()>& on_head = {});

private:
    // httplib's connection loop, with our stream and our ending rules.
    bool process_and_close_socket(socket_t sock) override;
};

} // namespace obole::server
