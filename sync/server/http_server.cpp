#include "server/http_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include "server/connection_stream.h"

namespace obole::server {

namespace {

// Set by the post-routing handler when the answer it saw ends its connection;
// read by the connection loop on the same worker thread.
thread_local bool t_answer_ends_connection = false;

int millis(time_t sec, time_t usec)
{
    return int(sec * 1000 + usec / 1000);
}

void end_connection_after_errors(const httplib::Request&, httplib::Response& res)
{
    t_answer_ends_connection = res.status >= 400;
    if (!t_answer_ends_connection)
        return;
    res.headers.erase("Keep-Alive");
    if (!res.has_header("Connection"))
        res.set_header("Connection", "close");
}

// The header goes too: httplib answers 206 to a file request that has one.
void ignore_several_ranges(httplib::Request& req)
{
    if (req.ranges.size() <= 1)
        return;
    req.ranges.clear();
    req.headers.erase("Range");
}

} // namespace

HttpServer::HttpServer()
{
    new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    set_keep_alive_timeout(kKeepAliveSeconds);
    set_keep_alive_max_count(kKeepAliveRequests);
    set_post_routing_handler(end_connection_after_errors);
}

Result<int> HttpServer::bind(const std::string& host, int port)
{
    const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
    if (bound < 0)
        return fail("server.bind_failed", "could not listen on " + host + ":" + std::to_string(port) + " (in use?)");
    // Linux takes a second listen() on a listening socket as a new backlog.
    if (::listen(svr_sock_, kListenBacklog) != 0)
        return fail("server.bind_failed", "could not widen the listen backlog on " + host + ":" + std::to_string(port));
    return bound;
}

bool HttpServer::answer_request(httplib::Stream& stream, bool last, bool& client_closes,
                                const std::function<void()>& on_head)
{
    return process_request(stream, last, client_closes, [&on_head](httplib::Request& req) {
        ignore_several_ranges(req);
        if (on_head)
            on_head();
    });
}

bool HttpServer::process_and_close_socket(socket_t sock)
{
    ConnectionStream stream(sock, millis(read_timeout_sec_, read_timeout_usec_),
                            millis(write_timeout_sec_, write_timeout_usec_));
    bool answered = false, refused = false;
    // The first request may take as long as any read; later ones come within the keep-alive time.
    int wait_ms = millis(read_timeout_sec_, read_timeout_usec_);
    for (size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
        if (!stream.wait_for_request(wait_ms))
            break;
        wait_ms = millis(keep_alive_timeout_sec_, 0);
        stream.begin_request();
        t_answer_ends_connection = false;
        bool client_closes = false;
        answered = answer_request(stream, left == 1, client_closes, [&stream] { stream.begin_body(); });
        refused = t_answer_ends_connection || stream.over_budget();
        if (!answered || client_closes || refused)
            break;
    }
    if (refused)
        stream.finish_unread();
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return answered;
}

} // namespace obole::server
