#include "server/server_options.h"

#include <charconv>

namespace obole::server {

const char* server_usage()
{
    return "usage: obole-server [--host H] [--port N] [--data DIR] [--web DIR] [--demo] [--demo-members N]\n"
           "       obole-server COMMAND ... [--data DIR]\n"
           "  --host H          address to bind (default 127.0.0.1)\n"
           "  --port N          TCP port, 0 picks a free one (default 8080)\n"
           "  --data DIR        data folder holding obole.db and server.db (default ./data)\n"
           "  --web DIR         folder of the built web app to serve\n"
           "  --demo            fill an empty database with generated demo members, and\n"
           "                    create demo operators when there is none\n"
           "  --demo-members N  how many demo members (default 2000)\n"
           "  --token-idle-days N\n"
           "                    a device unused for N days must enrol again (default 90)\n"
           "commands (on the data folder, with or without the server running):\n"
           "  operator add LOGIN --role admin|office|volunteer|fundraiser [--name \"Full Name\"]\n"
           "                    add an operator; the password is read from standard input\n"
           "                    (asked twice when it is a terminal), at least 10 characters\n"
           "  operator role LOGIN admin|office|volunteer|fundraiser\n"
           "                    change what the operator may do and see, from their\n"
           "                    devices' next sync\n"
           "  operator password LOGIN\n"
           "                    set a new password, read the same way\n"
           "  operator list     list operators\n"
           "  enrol-code LOGIN [--ttl-minutes N]\n"
           "                    print a one-time code that enrols one device of LOGIN\n"
           "                    (valid 24 hours unless told, 30 days at most)\n"
           "  device list       list enrolled devices\n"
           "  device revoke DEVICE_ID\n"
           "                    refuse that device's token from now on; the device erases\n"
           "                    its copy of the data at its next contact\n"
           "every command is written to the admin journal as done from the command line\n";
}

static Result<int> parse_int(const std::string& flag, const std::string& text, int lo, int hi)
{
    int v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi)
        return fail("options.bad_number", flag + " expects a number from " + std::to_string(lo) + " to " +
                                              std::to_string(hi) + ", got '" + text + "'");
    return v;
}

Result<ServerOptions> parse_server_options(const std::vector<std::string>& args)
{
    ServerOptions o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
        if (a == "--help" || a == "-h") {
            o.help = true;
            continue;
        }
        if (a == "--demo") {
            o.demo = true;
            continue;
        }
        const bool takes_value = a == "--host" || a == "--port" || a == "--data" || a == "--web" ||
                                 a == "--demo-members" || a == "--token-idle-days";
        // After a subcommand's name, what the server does not know is the subcommand's (admin_cli checks it).
        if (!takes_value && (!o.command.empty() || a.empty() || a[0] != '-')) {
            o.command.push_back(a);
            continue;
        }
        if (!takes_value)
            return fail("options.unknown", "unknown option '" + a + "'");
        const std::string* v = value();
        if (!v)
            return fail("options.missing_value", a + " needs a value");
        if (a == "--host")
            o.host = *v;
        else if (a == "--data")
            o.data_dir = *v;
        else if (a == "--web")
            o.web_dir = *v;
        else if (a == "--port") {
            auto p = parse_int(a, *v, 0, 65535);
            if (!p)
                return p.error();
            o.port = p.value();
        } else if (a == "--token-idle-days") {
            auto days = parse_int(a, *v, 1, 3650);
            if (!days)
                return days.error();
            o.token_idle_days = days.value();
        } else {
            auto n = parse_int(a, *v, 1, 2000000);
            if (!n)
                return n.error();
            o.demo_members = n.value();
        }
    }
    return o;
}

} // namespace obole::server
