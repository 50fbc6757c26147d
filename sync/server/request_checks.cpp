#include "server/request_checks.h"

#include <httplib.h>
#include <strings.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

#include "core/text/utf8.h"
#include "protocol/sync_limits.h"
#include "server/request_body.h"

namespace obole::server {

namespace {

// Obole's API and files need no more. httplib would read the body of a PUT,
// PATCH, DELETE or PRI into memory, unbounded, before finding no route.
bool answered_method(const std::string& method)
{
    static constexpr std::array<std::string_view, 4> kMethods = {"GET", "HEAD", "POST", "OPTIONS"};
    return std::find(kMethods.begin(), kMethods.end(), method) != kMethods.end();
}

bool all_text(const httplib::Request& req)
{
    if (!is_valid_utf8(req.path))
        return false;
    for (const auto& [name, value] : req.params)
        if (!is_valid_utf8(name) || !is_valid_utf8(value))
            return false;
    for (const auto& [name, value] : req.headers)
        if (!is_valid_utf8(name) || !is_valid_utf8(value))
            return false;
    return true;
}

// A decoded %00 would cut the path short for the file system (C strings).
bool has_control_characters(const std::string& path)
{
    return std::any_of(path.begin(), path.end(), [](char c) { return (unsigned char)c < 0x20 || c == 0x7f; });
}

Error bad_framing()
{
    return fail("request.bad_length", "The request declares its body's length in a way this server does not read.");
}

Result<void> check_length(const std::string& text)
{
    uint64_t length = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), length);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return bad_framing();
    if (length > sync::kMaxRequestBytes)
        return request_too_large();
    return {};
}

// One Content-Length of digits, or one "Transfer-Encoding: chunked", or
// neither: two ways of framing a body are how requests get smuggled.
Result<void> check_body_framing(const httplib::Request& req)
{
    const size_t lengths = req.get_header_value_count("Content-Length");
    const size_t encodings = req.get_header_value_count("Transfer-Encoding");
    if (lengths + encodings > 1)
        return bad_framing();
    if (encodings == 1)
        return strcasecmp(req.get_header_value("Transfer-Encoding").c_str(), "chunked") == 0 ? Result<void>()
                                                                                             : bad_framing();
    return lengths == 1 ? check_length(req.get_header_value("Content-Length")) : Result<void>();
}

bool carries_body(const httplib::Request& req)
{
    return req.has_header("Transfer-Encoding") ||
           (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

} // namespace

Result<void> check_request_head(const httplib::Request& req)
{
    if (!answered_method(req.method))
        return fail("request.bad_method", "This server does not answer this method.");
    if (!all_text(req))
        return fail("request.bad_encoding", "The request's path, query or headers are not UTF-8 text.");
    if (has_control_characters(req.path))
        return fail("request.bad_path", "The request's path holds control characters.");
    // httplib reads no body for GET, HEAD or OPTIONS: one sent along would be
    // read as the next request.
    if (req.method != "POST" && carries_body(req))
        return fail("request.bad_length", "Only a POST request carries a body.");
    return check_body_framing(req);
}

} // namespace obole::server
