// libFuzzer target: random bytes as what one client sends on a connection,
// answered by obole-server's real routes (HttpApi, on an in-memory store
// with enrolled devices) through httplib's own request parser, exactly as a
// socket would feed it — only without the socket.
//
// Placeholders in the input become real values, so seeds reach the routes
// behind a token: @ADMIN@ and @VOLUNTEER@ (tokens of an admin's and a
// volunteer's devices), @SPARE_DEVICE@ (a device an admin may revoke) and
// @SCHEMA@ (the current schema version).
//
// A finding is a crash, a sanitizer report, an exception thrown in a
// handler (answered 500 "server.internal_error"), or any other 5xx answer:
// whatever a client sends is its mistake (4xx) or is applied, never the
// server's trouble. Each finding becomes a test in tests/server/ over real
// HTTP.
#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar/date.h"
#include "core/store/migrations.h"
#include "core/store/store.h"
#include "server/auth.h"
#include "server/http_api.h"
#include "server/http_server.h"
#include "server/server_options.h"
#include "server/server_store.h"

#include "checks.h"
#include "placeholders.h"

namespace {

namespace server = obole::server;
using obole::fuzz::require_setup;

// The bytes of the input as a connection: reads take them in order, then
// end of stream; what the server writes is looked at, not sent anywhere.
class FuzzedConnection final : public httplib::Stream {
public:
    explicit FuzzedConnection(std::string_view bytes) : in_(bytes) {}

    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }
    ssize_t read(char* ptr, size_t size) override
    {
        const size_t n = std::min(size, in_.size());
        std::memcpy(ptr, in_.data(), n);
        in_.remove_prefix(n);
        return ssize_t(n);
    }
    ssize_t write(const char* ptr, size_t size) override
    {
        const std::string_view bytes(ptr, size);
        if (bytes.find("\"server.internal_error\"") != std::string_view::npos) {
            std::fprintf(stderr, "obole fuzz: a handler threw: %.*s\n", int(size), ptr);
            std::abort();
        }
        // httplib writes a status line in one write of its own, then the headers, then the body.
        if (bytes.rfind("HTTP/1.1 ", 0) == 0)
            server_failed_ = bytes.rfind("HTTP/1.1 5", 0) == 0;
        else if (server_failed_ && bytes.rfind("{\"error\"", 0) == 0) {
            std::fprintf(stderr, "obole fuzz: a 5xx answer: %.*s\n", int(size), ptr);
            std::abort();
        }
        return ssize_t(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override
    {
        ip = "127.0.0.1";
        port = 40000;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override
    {
        ip = "127.0.0.1";
        port = 8080;
    }
    socket_t socket() const override { return INVALID_SOCKET; }

private:
    std::string_view in_;
    bool server_failed_ = false;
};

// An HttpServer whose requests come from a FuzzedConnection.
class FuzzServer final : public server::HttpServer {
public:
    // Answers requests from `connection` as a kept-alive connection would,
    // until it ends or a request cannot be read.
    void answer(FuzzedConnection& connection)
    {
        for (int i = 0; i < 32; ++i) {
            bool client_closes = false;
            if (!answer_request(connection, false, client_closes) || client_closes)
                return;
        }
    }
};

// The whole server: inputs talk to the same store, as requests to a running
// server would, until it is made anew (kInputsPerWorld) so that what they
// stored does not grow through a long run.
struct World {
    std::unique_ptr<obole::Store> store;
    std::unique_ptr<server::Auth> auth;
    std::unique_ptr<server::HttpApi> api;
    FuzzServer* http = nullptr;
    std::vector<obole::fuzz::Placeholder> values;
};

std::string enrolled_token(server::Auth& auth, const std::string& login, const std::string& password,
                           std::string* device_id = nullptr)
{
    auto code = auth.issue_enrol_code(login, 60, obole::unix_now_ms());
    require_setup(bool(code), "enrol code");
    auto made = auth.enrol(*code, login, password, "fuzz", obole::unix_now_ms());
    require_setup(bool(made), "enrolment");
    if (device_id)
        *device_id = made->device_id;
    return made->token;
}

// A few files for the static mount, so file requests are fuzzed too. One
// folder for every run (the same files each time), so none is left behind.
std::string web_folder()
{
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "obole-fuzz-web";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "index.html") << "<!doctype html><title>Obole</title>";
    std::ofstream(dir / "app.wasm") << std::string(3000, '\x01');
    return dir.string();
}

World make_world()
{
    World w;
    auto opened = server::open_memory_server_store();
    require_setup(bool(opened), "memory store");
    w.store = std::move(opened.value());
    w.auth = std::make_unique<server::Auth>(*w.store);
    require_setup(bool(w.auth->ensure_schema()), "auth schema");
    require_setup(bool(w.auth->add_operator("admin", "Ada Admin", server::Role::admin, "admin password 1")), "admin");
    require_setup(
        bool(w.auth->add_operator("vol", "Victor Volunteer", server::Role::volunteer, "volunteer password 1")),
        "volunteer");
    const std::string admin = enrolled_token(*w.auth, "admin", "admin password 1");
    const std::string volunteer = enrolled_token(*w.auth, "vol", "volunteer password 1");
    std::string spare_device;
    enrolled_token(*w.auth, "vol", "volunteer password 1", &spare_device);
    w.values = {{"@ADMIN@", admin},
                {"@VOLUNTEER@", volunteer},
                {"@SPARE_DEVICE@", spare_device},
                {"@SCHEMA@", std::to_string(obole::current_schema_version())}};

    server::ServerOptions options;
    options.web_dir = web_folder();
    // Every input comes from one address, thousands a second: rate limits
    // would answer nearly all of them 429 and hide the routes behind them.
    for (server::RateRule* rule : {&options.limits.enrol_per_address, &options.limits.enrol_per_login,
                                   &options.limits.api_per_address, &options.limits.api_per_login})
        rule->max = 0;
    auto http = std::make_unique<FuzzServer>();
    w.http = http.get();
    w.api = std::make_unique<server::HttpApi>(*w.store, *w.auth, options, std::move(http));
    require_setup(bool(w.api->prepare()), "sync tables");
    return w;
}

constexpr int kInputsPerWorld = 100'000;

std::unique_ptr<World> g_world;
int g_inputs = 0;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // The request log goes to standard output: millions of lines nobody reads.
    require_setup(std::freopen("/dev/null", "w", stdout) != nullptr, "/dev/null");
    g_world = std::make_unique<World>(make_world());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (++g_inputs % kInputsPerWorld == 0) {
        g_world.reset();
        g_world = std::make_unique<World>(make_world());
    }
    const std::string input = obole::fuzz::with_placeholders(data, size, g_world->values);
    FuzzedConnection connection(input);
    g_world->http->answer(connection);
    return 0;
}
