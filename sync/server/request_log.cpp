#include "server/request_log.h"

#include "core/text/utf8.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string_view>

namespace obole::server {

namespace {

// Longest a client-chosen field gets in a line, before escaping.
constexpr size_t kMaxFieldBytes = 512;

void append_hex(std::string& out, unsigned char byte)
{
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02X", byte);
    out += hex;
}

} // namespace

// Kept as they are: printable UTF-8 text. Escaped as \xHH: control characters
// (C0, DEL and C1: a forged line end or terminal command), the space that
// separates fields, the backslash of the escapes, and bytes that are not UTF-8.
std::string log_field(std::string_view text)
{
    const bool cut = text.size() > kMaxFieldBytes;
    if (cut)
        text = text.substr(0, kMaxFieldBytes);
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t start = pos;
        char32_t cp = 0;
        const bool valid = utf8_next(text, &pos, &cp);
        const bool plain = valid && cp > 0x20 && cp != 0x7F && cp != '\\' && !(cp >= 0x80 && cp <= 0x9F);
        if (plain) {
            out.append(text.substr(start, pos - start));
        } else {
            for (size_t i = start; i < pos; ++i)
                append_hex(out, (unsigned char)text[i]);
        }
    }
    if (cut)
        out += "...";
    return out.empty() ? "-" : out;
}

std::string format_request_log(const RequestLogEntry& e)
{
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    char outcome[64];
    std::snprintf(outcome, sizeof outcome, " %d %zuB %.1fms", e.status, e.bytes, e.millis);
    // The path is logged without its query string: queries may carry search terms,
    // which are personal data and have no place in a log file.
    std::string_view path = e.path;
    path = path.substr(0, path.find('?'));
    return std::string(when) + ' ' + log_field(e.remote) + ' ' + log_field(e.method) + ' ' + log_field(path) + outcome;
}

} // namespace obole::server
