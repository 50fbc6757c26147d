// One client connection as httplib reads and writes it, with a byte budget
// per request.
//
// Why: httplib 0.11.4 reads a request line or a header line until its end,
// however long, and a chunked body or a body without Content-Length until it
// ends, all into memory, before our code sees the request. Here a read past
// the budget fails instead: a request's head (request line and headers) gets
// kMaxHeadBytes, and once the head is read (begin_body) its body gets the
// request size limit plus room for chunked framing. Whatever httplib reads on
// our behalf is then bounded, whatever the client sends.
//
// One read buffer serves the whole connection, so the bytes of a pipelined
// next request read ahead with this one are kept for it.
#pragma once

#include <httplib.h>

#include <array>
#include <cstddef>

namespace obole::server {

class ConnectionStream final : public httplib::Stream {
public:
    // The request line (httplib refuses more than 8 KiB) and headers.
    static constexpr size_t kMaxHeadBytes = 64u << 10;

    // `sock` stays owned by the caller. Timeouts bound each wait for the client.
    ConnectionStream(socket_t sock, int read_timeout_ms, int write_timeout_ms);

    // Starts the budget of a new request's head.
    void begin_request();
    // The head is read: the body may take the request size limit, plus chunked framing.
    void begin_body();
    // A read was refused because the request went past its budget.
    bool over_budget() const { return over_budget_; }
    // Waits up to timeout_ms for the first byte of a next request; false when
    // none came or the client closed.
    bool wait_for_request(int timeout_ms);
    // Ends a connection whose request was refused before it was read whole:
    // says we are done writing, then reads and drops what the client still
    // sends for a short while, so that it reads our answer before the
    // connection goes (closing over unread bytes would reset it at once).
    void finish_unread();

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return sock_; }

private:
    ssize_t fill();

    socket_t sock_;
    int read_timeout_ms_;
    int write_timeout_ms_;
    size_t budget_ = kMaxHeadBytes;
    bool over_budget_ = false;
    std::array<char, 16u << 10> buffer_{};
    size_t begin_ = 0, end_ = 0; // buffered bytes not yet read
};

} // namespace obole::server
