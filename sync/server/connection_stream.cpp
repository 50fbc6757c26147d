#include "server/connection_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "protocol/sync_limits.h"

namespace obole::server {

namespace {

// A chunked body carries a size line and a line end per chunk; an eighth of
// the limit leaves room for chunks down to about a hundred bytes.
constexpr size_t kMaxBodyBytes = sync::kMaxRequestBytes + sync::kMaxRequestBytes / 8;

// How long a refused client may go on sending before the connection goes.
constexpr auto kLingerTime = std::chrono::seconds(2);

bool wait_for(socket_t sock, short events, int timeout_ms)
{
    pollfd p{sock, events, 0};
    int n;
    do
        n = ::poll(&p, 1, timeout_ms);
    while (n < 0 && errno == EINTR);
    return n > 0;
}

void address_of(const sockaddr_storage& addr, socklen_t len, std::string& ip, int& port)
{
    char host[NI_MAXHOST], service[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&addr), len, host, sizeof host, service, sizeof service,
                      NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return;
    ip = host;
    port = std::atoi(service);
}

} // namespace

ConnectionStream::ConnectionStream(socket_t sock, int read_timeout_ms, int write_timeout_ms)
    : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms)
{
}

void ConnectionStream::begin_request()
{
    budget_ = kMaxHeadBytes;
    over_budget_ = false;
}

void ConnectionStream::begin_body()
{
    budget_ = kMaxBodyBytes;
}

bool ConnectionStream::wait_for_request(int timeout_ms)
{
    return begin_ < end_ || wait_for(sock_, POLLIN, timeout_ms);
}

void ConnectionStream::finish_unread()
{
    ::shutdown(sock_, SHUT_WR);
    const auto deadline = std::chrono::steady_clock::now() + kLingerTime;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !wait_for(sock_, POLLIN, int(left.count())))
            return;
        if (::recv(sock_, buffer_.data(), buffer_.size(), 0) <= 0)
            return;
    }
}

bool ConnectionStream::is_readable() const
{
    return begin_ < end_ || wait_for(sock_, POLLIN, read_timeout_ms_);
}

bool ConnectionStream::is_writable() const
{
    return wait_for(sock_, POLLOUT, write_timeout_ms_);
}

ssize_t ConnectionStream::fill()
{
    begin_ = end_ = 0;
    if (!is_readable())
        return -1;
    ssize_t n;
    do
        n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
    while (n < 0 && errno == EINTR);
    if (n > 0)
        end_ = size_t(n);
    return n;
}

ssize_t ConnectionStream::read(char* ptr, size_t size)
{
    if (budget_ == 0) {
        over_budget_ = true;
        return -1;
    }
    if (begin_ == end_)
        if (ssize_t n = fill(); n <= 0)
            return n;
    const size_t n = std::min({size, end_ - begin_, budget_});
    std::memcpy(ptr, buffer_.data() + begin_, n);
    begin_ += n;
    budget_ -= n;
    return ssize_t(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size)
{
    if (!is_writable())
        return -1;
    ssize_t n;
    do
        n = ::send(sock_, ptr, size, MSG_NOSIGNAL); // a gone client is an error, not a SIGPIPE
    while (n < 0 && errno == EINTR);
    return n;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const
{
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        address_of(addr, len, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const
{
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        address_of(addr, len, ip, port);
}

} // namespace obole::server
