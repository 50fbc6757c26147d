#include "server/request_body.h"

#include <httplib.h>

#include <algorithm>

#include "core/text/utf8.h"

namespace obole::server {

namespace {

// Room for `more` bytes, growing by doubling but never past `limit`: a
// string's own doubling would reserve up to twice the limit.
void make_room(std::string& body, size_t more, size_t limit)
{
    const size_t needed = body.size() + more;
    if (needed > body.capacity())
        body.reserve(std::min(limit, std::max(needed, 2 * body.capacity())));
}

} // namespace

Error request_too_large()
{
    static const std::string message =
        "The request is larger than " + std::to_string(sync::kMaxRequestBytes >> 20) + " MB.";
    return fail("request.too_large", message);
}

Result<std::string> read_text_body(const httplib::Request& req, const httplib::ContentReader& reader, size_t limit)
{
    // httplib would hand a form's parts to a multipart receiver we do not give.
    if (req.is_multipart_form_data())
        return fail("request.bad_body", "The request body must be JSON text, not a form.");
    std::string body;
    // A declared length was checked against the limit before routing.
    if (uint64_t declared = req.get_header_value<uint64_t>("Content-Length"); declared > 0)
        body.reserve(size_t(std::min<uint64_t>(declared, limit)));
    bool too_large = false;
    const bool whole = reader([&](const char* data, size_t n) {
        too_large = n > limit - body.size();
        if (too_large)
            return false;
        make_room(body, n, limit);
        body.append(data, n);
        return true;
    });
    if (too_large)
        return request_too_large();
    if (!whole)
        return fail("request.bad_body", "The request body could not be read.");
    if (!is_valid_utf8(body))
        return fail("request.bad_encoding", "The request body is not UTF-8 text.");
    return body;
}

} // namespace obole::server
