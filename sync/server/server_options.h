// Command-line options of obole-server.
#pragma once
#include "core/result.h"
#include "server/auth.h"
#include "server/rate_limiter.h"
#include <string>
#include <vector>

namespace obole::server {

struct ServerOptions {
    std::string host = "127.0.0.1"; // loopback unless told otherwise: data is personal
    int port = 8080;                // 0 = pick a free port (tests)
    std::string data_dir = "data";
    std::string web_dir; // built web app; empty = API only
    bool demo = false;   // fill an empty database with generated members
    int demo_members = 2000;
    // Devices unused this long must enrol again (--token-idle-days).
    int token_idle_days = kDefaultTokenIdleDays;
    RateLimits limits; // not on the command line: tests set their own
    bool help = false;
    // A subcommand and its own arguments ({"operator", "add", "alice", "--role", "admin"});
    // empty = serve. The options above may come before, inside or after it.
    std::vector<std::string> command;
};

Result<ServerOptions> parse_server_options(const std::vector<std::string>& args);
const char* server_usage();

} // namespace obole::server
