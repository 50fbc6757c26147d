#include "server/admin_cli.h"

#include "core/calendar/date.h"
#include "server/admin_journal.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <istream>
#include <map>
#include <ostream>

#include <termios.h>
#include <unistd.h>

#include "server/auth.h"
#include "server/server_options.h"

namespace obole::server {

namespace {

int usage_error(AdminConsole& console, const std::string& message)
{
    console.err << "obole-server: " << message << "\n" << server_usage();
    return 2;
}

int failed(AdminConsole& console, const Error& error)
{
    console.err << "obole-server: " << error.message << " (" << error.code << ")\n";
    return 1;
}

// A command's words and its --flag values, checked against the flags it takes.
struct Arguments {
    std::vector<std::string> words;
    std::map<std::string, std::string> flags;
};

Result<Arguments> split_arguments(const std::vector<std::string>& command, const std::vector<std::string>& allowed)
{
    Arguments args;
    for (size_t i = 0; i < command.size(); ++i) {
        const std::string& a = command[i];
        if (a.size() < 2 || a.rfind("--", 0) != 0) {
            args.words.push_back(a);
            continue;
        }
        bool known = false;
        for (const std::string& flag : allowed)
            known = known || flag == a;
        if (!known)
            return fail("cli.unknown_option", "unknown option '" + a + "' for this command");
        if (i + 1 >= command.size())
            return fail("cli.missing_value", a + " needs a value");
        args.flags[a] = command[++i];
    }
    return args;
}

std::string flag(const Arguments& args, const std::string& name, const std::string& otherwise = {})
{
    auto it = args.flags.find(name);
    return it == args.flags.end() ? otherwise : it->second;
}

// One line of `in`, without echo when it is a terminal.
bool read_secret_line(AdminConsole& console, const char* prompt, std::string* line)
{
    if (!console.terminal)
        return bool(std::getline(console.in, *line));
    console.err << prompt << std::flush;
    termios saved{};
    const bool can_hide = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (can_hide) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    const bool got = bool(std::getline(console.in, *line));
    if (can_hide)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    console.err << "\n";
    return got;
}

Result<std::string> read_new_password(AdminConsole& console)
{
    std::string password, again;
    if (!read_secret_line(console, "Password (at least 10 characters): ", &password))
        return fail("cli.no_password", "No password was given on standard input.");
    if (!password.empty() && password.back() == '\r') // a file written on Windows
        password.pop_back();
    if (console.terminal) {
        if (!read_secret_line(console, "Same password again: ", &again) || again != password)
            return fail("cli.password_mismatch", "The two passwords differ; nothing was changed.");
    }
    return password;
}

// Columns padded to their widest cell, the first row being the header.
void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows)
{
    std::vector<size_t> widths;
    for (const auto& row : rows)
        for (size_t c = 0; c < row.size(); ++c) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[c] = std::max(widths[c], row[c].size());
        }
    for (const auto& row : rows) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row[c] + std::string(widths[c] - row[c].size() + 2, ' ') : row[c];
        out << line << "\n";
    }
}

// Minutes are enough for a person reading a list.
std::string short_time(int64_t unix_ms)
{
    return iso_from_unix_ms(unix_ms).substr(0, 16) + "Z";
}

// What was done from the command line goes to the admin journal as the
// API's actions do; done but not journaled is said, and fails the command.
int journaled(Auth& auth, AdminConsole& console, int64_t now_ms, const char* action, const std::string& detail)
{
    if (Result<void> r = record_admin_action(auth.store(), {now_ms, kCommandLineActor, action, detail}); !r)
        return failed(console, r.error());
    return 0;
}

int operator_add(Auth& auth, const Arguments& args, AdminConsole& console, int64_t now_ms)
{
    if (args.words.size() != 3)
        return usage_error(console, "operator add needs one LOGIN");
    if (flag(args, "--role").empty())
        return usage_error(console, "operator add needs --role admin, office, volunteer or fundraiser");
    Result<Role> role = parse_role(flag(args, "--role"));
    if (!role)
        return usage_error(console, "--role is admin, office, volunteer or fundraiser");
    Result<std::string> password = read_new_password(console);
    if (!password)
        return failed(console, password.error());
    if (Result<void> added = auth.add_operator(args.words[2], flag(args, "--name"), *role, *password); !added)
        return failed(console, added.error());
    Result<OperatorInfo> op = auth.find_operator(args.words[2]);
    if (!op)
        return failed(console, op.error());
    console.out << "Operator " << op->login << " (" << role_name(op->role) << ", " << op->name << ") added.\n";
    return journaled(auth, console, now_ms, "operator.add", op->login + " (" + role_name(op->role) + ")");
}

int operator_role(Auth& auth, const Arguments& args, AdminConsole& console, int64_t now_ms)
{
    if (args.words.size() != 4)
        return usage_error(console, "operator role needs a LOGIN and a role (admin, office, volunteer or fundraiser)");
    Result<Role> role = parse_role(args.words[3]);
    if (!role)
        return usage_error(console, "a role is admin, office, volunteer or fundraiser");
    Result<OperatorInfo> op = auth.find_operator(args.words[2]);
    if (!op)
        return failed(console, op.error());
    if (Result<void> set = auth.set_role(op->login, *role); !set)
        return failed(console, set.error());
    console.out << "Operator " << op->login << " is now " << role_name(*role)
                << ": each of their devices gets what this role may see at its next sync.\n";
    return journaled(auth, console, now_ms, "operator.role",
                     op->login + " " + role_name(op->role) + " -> " + role_name(*role));
}

int operator_password(Auth& auth, const Arguments& args, AdminConsole& console, int64_t now_ms)
{
    if (args.words.size() != 3)
        return usage_error(console, "operator password needs one LOGIN");
    if (Result<OperatorInfo> op = auth.find_operator(args.words[2]); !op)
        return failed(console, op.error());
    Result<std::string> password = read_new_password(console);
    if (!password)
        return failed(console, password.error());
    if (Result<void> set = auth.set_password(args.words[2], *password); !set)
        return failed(console, set.error());
    console.out << "Password changed. Devices already enrolled keep working.\n";
    return journaled(auth, console, now_ms, "operator.password", args.words[2]);
}

int operator_list(Auth& auth, const Arguments& args, AdminConsole& console)
{
    if (args.words.size() != 2)
        return usage_error(console, "operator list takes no argument");
    Result<std::vector<OperatorInfo>> read = auth.operators();
    if (!read)
        return failed(console, read.error());
    const std::vector<OperatorInfo>& ops = *read;
    if (ops.empty()) {
        console.out << "No operator yet.\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"LOGIN", "ROLE", "NAME"}};
    for (const OperatorInfo& op : ops)
        rows.push_back({op.login, role_name(op.role), op.name});
    print_table(console.out, rows);
    return 0;
}

int enrol_code(Auth& auth, const Arguments& args, AdminConsole& console, int64_t now_ms)
{
    if (args.words.size() != 2)
        return usage_error(console, "enrol-code needs one LOGIN");
    int ttl_minutes = kDefaultEnrolTtlMinutes;
    if (const std::string text = flag(args, "--ttl-minutes"); !text.empty()) {
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ttl_minutes);
        if (ec != std::errc() || end != text.data() + text.size() || ttl_minutes < 1 ||
            ttl_minutes > kMaxEnrolTtlMinutes)
            return usage_error(console,
                               "--ttl-minutes expects a number from 1 to " + std::to_string(kMaxEnrolTtlMinutes));
    }
    Result<std::string> code = auth.issue_enrol_code(args.words[1], ttl_minutes, now_ms);
    if (!code)
        return failed(console, code.error());
    Result<OperatorInfo> op = auth.find_operator(args.words[1]);
    const std::string login = op ? op->login : args.words[1];
    console.out << "Enrol code for " << login << ": " << *code << "\n"
                << "Valid until " << short_time(now_ms + int64_t(ttl_minutes) * 60'000)
                << " (UTC), for one device, with " << login << "'s password.\n";
    return journaled(auth, console, now_ms, "enrol_code.issue",
                     "for " + login + ", valid " + std::to_string(ttl_minutes) + " minutes");
}

int device_list(Auth& auth, const Arguments& args, AdminConsole& console)
{
    if (args.words.size() != 2)
        return usage_error(console, "device list takes no argument");
    Result<std::vector<DeviceInfo>> read = auth.devices();
    if (!read)
        return failed(console, read.error());
    const std::vector<DeviceInfo>& devices = *read;
    if (devices.empty()) {
        console.out << "No device enrolled yet.\n";
        return 0;
    }
    std::vector<std::vector<std::string>> rows = {{"DEVICE_ID", "OPERATOR", "ENROLLED", "LAST SEEN", "STATUS", "NAME"}};
    for (const DeviceInfo& d : devices)
        rows.push_back({d.device_id, d.operator_login, short_time(d.enrolled_at_ms), short_time(d.last_seen_ms),
                        d.revoked ? "revoked" : "active", d.device_name});
    print_table(console.out, rows);
    return 0;
}

int device_revoke(Auth& auth, const Arguments& args, AdminConsole& console, int64_t now_ms)
{
    if (args.words.size() != 3)
        return usage_error(console, "device revoke needs one DEVICE_ID");
    if (Result<void> revoked = auth.revoke_device(args.words[2]); !revoked)
        return failed(console, revoked.error());
    console.out << "Device " << args.words[2]
                << " revoked: its token is refused from now on, and it erases its copy at its next contact.\n";
    return journaled(auth, console, now_ms, "device.revoke", args.words[2]);
}

} // namespace

int run_admin_command(Auth& auth, const std::vector<std::string>& command, AdminConsole& console, int64_t now_ms)
{
    const std::string first = command.empty() ? "" : command[0];
    const std::string second = command.size() > 1 ? command[1] : "";
    std::vector<std::string> allowed;
    if (first == "operator" && second == "add")
        allowed = {"--role", "--name"};
    else if (first == "enrol-code")
        allowed = {"--ttl-minutes"};
    Result<Arguments> args = split_arguments(command, allowed);
    if (!args)
        return usage_error(console, args.error().message);

    if (first == "operator" && second == "add")
        return operator_add(auth, *args, console, now_ms);
    if (first == "operator" && second == "role")
        return operator_role(auth, *args, console, now_ms);
    if (first == "operator" && second == "password")
        return operator_password(auth, *args, console, now_ms);
    if (first == "operator" && second == "list")
        return operator_list(auth, *args, console);
    if (first == "enrol-code")
        return enrol_code(auth, *args, console, now_ms);
    if (first == "device" && second == "list")
        return device_list(auth, *args, console);
    if (first == "device" && second == "revoke")
        return device_revoke(auth, *args, console, now_ms);
    return usage_error(console, "unknown command '" + first + (second.empty() ? "" : " " + second) + "'");
}

std::string first_admin_command(const std::string& program, const std::string& data_dir)
{
    auto quoted = [](const std::string& word) {
        bool plain = !word.empty();
        for (char c : word)
            plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' ||
                              c == '-' || c == '+' || c == ':' || c == '=' || c == ',');
        if (plain)
            return word;
        std::string out = "'";
        for (char c : word)
            out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return out + "'";
    };
    return quoted(program) + " operator add admin --role admin --name \"Your Name\" --data " + quoted(data_dir);
}

Result<void> add_demo_operators(Auth& auth, std::ostream& out, int64_t now_ms)
{
    struct Demo {
        const char* login;
        const char* name;
        Role role;
    };
    const Demo demos[] = {{"admin", "Demo Administrator", Role::admin},
                          {"volunteer", "Demo Volunteer", Role::volunteer},
                          {"fundraiser", "Demo Fundraiser", Role::fundraiser}};
    out << "Demo operators (password \"" << kDemoPassword << "\"), each with an enrol code valid 24 hours:\n";
    for (const Demo& demo : demos) {
        if (Result<void> added = auth.add_operator(demo.login, demo.name, demo.role, kDemoPassword); !added)
            return added;
        Result<std::string> code = auth.issue_enrol_code(demo.login, kDefaultEnrolTtlMinutes, now_ms);
        if (!code)
            return code.error();
        out << "  login " << demo.login << " (" << role_name(demo.role) << "), enrol code " << *code << "\n";
    }
    out << "Enrol a browser with one of these codes, its login and the password.\n";
    return {};
}

} // namespace obole::server
