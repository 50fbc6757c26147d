// A request body, read through httplib's ContentReader and never past the
// request size limit (sync/protocol/sync_limits.h).
//
// Why: httplib 0.11.4 checks its payload limit against Content-Length only;
// a chunked body, or one sent without a length, it reads whole into memory.
// Every route that takes a body reads it here instead, and stops at the limit.
#pragma once

#include <cstddef>
#include <string>

#include "core/result.h"
#include "protocol/sync_limits.h"

namespace httplib {
struct Request;
class ContentReader;
} // namespace httplib

namespace obole::server {

// The error for a request larger than the limit (413).
Error request_too_large();

// The body as text. Errors: request.too_large past `limit` bytes (reading
// stops there), request.bad_body when it cannot be read (broken chunked
// framing, the client gone quiet), request.bad_encoding when it is not UTF-8.
Result<std::string> read_text_body(const httplib::Request& req, const httplib::ContentReader& reader,
                                   size_t limit = sync::kMaxRequestBytes);

} // namespace obole::server
