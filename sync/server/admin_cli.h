// The subcommands of obole-server that administer access from the server's
// own shell: operators, enrol codes, devices (server_usage() lists them).
// Whoever can run them can read the data folder anyway; this is how the
// first administrator exists before any device does.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole::server {

class Auth;

// Where a command reads passwords and writes its output. With `terminal`
// (`in` is the process's standard input and a terminal) a password is asked
// for twice, without echo; otherwise it is the first line of `in`.
struct AdminConsole {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool terminal = false;
};

// Runs a subcommand: {"operator", "add", "alice", "--role", "admin"}, ...
// Returns the exit status: 0 done, 1 refused or failed (the reason is on
// err), 2 bad usage (the reason and server_usage() are on err).
int run_admin_command(Auth& auth, const std::vector<std::string>& command, AdminConsole& console, int64_t now_ms);

// The command line that creates the first administrator, for a server
// started as `program` on `data_dir` (quoted for a POSIX shell when needed).
std::string first_admin_command(const std::string& program, const std::string& data_dir);

// Demo access for `--demo` on a server without operators: "admin" (admin)
// and "volunteer" (volunteer), password kDemoPassword, and a fresh enrol
// code for each, valid 24 hours. Prints what a person needs to enrol a browser.
inline constexpr const char* kDemoPassword = "obole-demo-2026";
Result<void> add_demo_operators(Auth& auth, std::ostream& out, int64_t now_ms);

} // namespace obole::server
