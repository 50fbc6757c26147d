// A loopback connection that writes bytes exactly as given, for requests
// httplib::Client will not send: a raw 0xFF in a path, a hand-made chunked
// body, a line that never ends. It reads the answer back as bytes too.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

class RawConnection {
public:
    explicit RawConnection(int port)
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(uint16_t(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd_);
            fd_ = -1;
        }
    }
    ~RawConnection()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    bool connected() const { return fd_ >= 0; }

    // False once the server no longer takes what we send (it closed).
    bool send(std::string_view bytes)
    {
        while (!bytes.empty()) {
            ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            bytes.remove_prefix(size_t(n));
        }
        return true;
    }

    // Everything the server sends until it closes the connection, or until
    // `quiet` passes without a byte.
    std::string read_until_closed(std::chrono::milliseconds quiet = std::chrono::seconds(20))
    {
        std::string out;
        char buf[16384];
        for (;;) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, int(quiet.count())) <= 0)
                return out;
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0)
                return out;
            out.append(buf, size_t(n));
        }
    }

private:
    int fd_ = -1;
};

// An HTTP answer read as bytes: the status and the JSON body (discarded when
// the body is not JSON); status 0 when no answer came.
struct RawReply {
    int status = 0;
    std::string head;
    nlohmann::json body;

    std::string error_code() const
    {
        if (!body.is_object() || !body.contains("error") || !body["error"].is_object())
            return "(no error body)";
        return body["error"].value("code", std::string());
    }
};

inline RawReply parse_raw_reply(const std::string& bytes)
{
    RawReply reply;
    const size_t head_end = bytes.find("\r\n\r\n");
    if (bytes.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos)
        return reply;
    reply.status = std::atoi(bytes.c_str() + 9);
    reply.head = bytes.substr(0, head_end);
    reply.body = nlohmann::json::parse(bytes.substr(head_end + 4), nullptr, false);
    return reply;
}

// Sends `request` on a new connection and reads the answer until the server
// closes (an answer to a request that ends with "Connection: close").
inline RawReply raw_exchange(int port, std::string_view request)
{
    RawConnection c(port);
    if (!c.connected() || !c.send(request))
        return {};
    return parse_raw_reply(c.read_until_closed());
}

// `body` as one chunk of a chunked body, and the chunk that ends one.
inline std::string http_chunk(std::string_view body)
{
    char size[20];
    std::snprintf(size, sizeof size, "%zx\r\n", body.size());
    return size + std::string(body) + "\r\n";
}
inline const std::string kLastChunk = "0\r\n\r\n";
