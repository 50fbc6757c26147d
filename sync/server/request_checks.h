// What every request must be before it is routed, judged on its head alone
// (nothing of its body is read yet): a method this server answers, a path,
// query and headers that are UTF-8 text, a path without control characters,
// and a body declared within the size limit and framed in one way only.
//
// Why before routing: httplib decodes the path before any handler runs, and
// whatever a handler or the error page quotes must be text; a declared
// length over the limit is refused without reading a byte of it.
#pragma once

#include "core/result.h"

namespace httplib {
struct Request;
}

namespace obole::server {

// Errors: request.bad_method, request.bad_encoding, request.bad_path,
// request.bad_length, request.too_large.
Result<void> check_request_head(const httplib::Request& req);

} // namespace obole::server
