// One log line per HTTP request: when, who, what, outcome, how long.
// Every field a client chose is escaped (see format_request_log), so no
// request can forge a line or write bytes that are not UTF-8 into the log.
#pragma once
#include <string>
#include <string_view>

namespace obole::server {

struct RequestLogEntry {
    std::string remote, method, path;
    int status = 0;
    size_t bytes = 0;
    double millis = 0;
};

std::string format_request_log(const RequestLogEntry& e);

// `text` as one log field: printable UTF-8 kept, anything else as \xHH,
// at most 512 bytes of it; "-" when empty.
std::string log_field(std::string_view text);

} // namespace obole::server
