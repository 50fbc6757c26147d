// obole-server: serves the web app and the API over one embedded SQLite
// database, or runs one administration command on its data folder.
#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/search/segmentation.h"
#include "core/store/store.h"
#include "gen/demo_data.h"
#include "server/admin_cli.h"
#include "server/auth.h"
#include "server/demo_guard.h"
#include "server/http_api.h"
#include "server/server_options.h"
#include "server/server_store.h"

#include <malloc.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

using namespace obole;

static server::HttpApi* g_api = nullptr;

static void on_signal(int)
{
    if (g_api)
        g_api->stop();
}

// Large blocks (request bodies up to the size limit, snapshots) are mapped
// and unmapped by themselves, so the memory of the process follows what is
// live. Left to glibc, the threshold rises after the first large block is
// freed, and each worker thread's arena then keeps the large blocks of
// its last requests: a burst of requests at the limit doubled the peak.
static void return_large_blocks_to_the_system()
{
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
}

int main(int argc, char** argv)
{
    return_large_blocks_to_the_system();
    auto parsed = server::parse_server_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed) {
        std::fprintf(stderr, "obole-server: %s\n%s", parsed.error().message.c_str(), server::server_usage());
        return 2;
    }
    const server::ServerOptions& opt = parsed.value();
    if (opt.help) {
        std::printf("%s", server::server_usage());
        return 0;
    }
    if (!opt.web_dir.empty() && !std::filesystem::exists(std::filesystem::path(opt.web_dir) / "index.html")) {
        std::fprintf(stderr, "obole-server: no index.html in --web %s (run tools/obole build)\n", opt.web_dir.c_str());
        return 2;
    }

    std::error_code ec;
    std::filesystem::create_directories(opt.data_dir, ec);
    if (ec) {
        std::fprintf(stderr, "obole-server: cannot create data folder %s: %s\n", opt.data_dir.c_str(),
                     ec.message().c_str());
        return 1;
    }
    auto store = server::open_server_store(opt.data_dir);
    if (!store) {
        std::fprintf(stderr, "obole-server: %s: %s\n", opt.data_dir.c_str(), store.error().message.c_str());
        return 1;
    }
    server::Auth auth(*store.value());
    if (auto schema = auth.ensure_schema(); !schema) {
        std::fprintf(stderr, "obole-server: %s\n", schema.error().message.c_str());
        return 1;
    }

    if (!opt.command.empty()) {
        server::AdminConsole console{std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1};
        return server::run_admin_command(auth, opt.command, console, obole::unix_now_ms());
    }

    if (opt.demo) {
        if (Result<void> demo = server::check_demo_folder(*store.value(), auth, opt.data_dir); !demo) {
            std::fprintf(stderr, "obole-server: %s\n", demo.error().message.c_str());
            return 2;
        }
    }
    Result<int64_t> members = MemberRepository(*store.value()).count();
    if (!members) {
        std::fprintf(stderr, "obole-server: %s\n", members.error().message.c_str());
        return 1;
    }
    if (opt.demo && *members == 0) {
        std::printf("Generating %d demo members...\n", opt.demo_members);
        DemoOptions demo;
        demo.members = opt.demo_members;
        auto made = generate_demo(*store.value(), demo);
        // Today's segments go with the copy devices start from, so a new device
        // does not recompute every member on its first day.
        auto scored = made ? refresh_segments_if_stale(*store.value()) : Result<bool>(made.error());
        if (!scored) {
            std::fprintf(stderr, "obole-server: demo data: %s\n", scored.error().message.c_str());
            return 1;
        }
    }
    Result<bool> operators = auth.has_operators();
    if (!operators) {
        std::fprintf(stderr, "obole-server: the operators could not be read: %s\n", operators.error().message.c_str());
        return 1;
    }
    if (opt.demo && !*operators) {
        if (auto demo = server::add_demo_operators(auth, std::cout, obole::unix_now_ms()); !demo) {
            std::fprintf(stderr, "obole-server: demo operators: %s\n", demo.error().message.c_str());
            return 1;
        }
        operators = true;
    }

    server::HttpApi api(*store.value(), auth, opt);
    auto port = api.bind();
    if (!port) {
        std::fprintf(stderr, "obole-server: %s\n", port.error().message.c_str());
        return 1;
    }
    g_api = &api;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);

    members = MemberRepository(*store.value()).count(); // the demo's, generated since
    if (!members) {
        std::fprintf(stderr, "obole-server: %s\n", members.error().message.c_str());
        return 1;
    }
    std::printf("Obole server: data in %s, %lld members\n", opt.data_dir.c_str(), static_cast<long long>(*members));
    if (!*operators)
        std::printf("No operator yet: devices cannot enrol. Create the first administrator with:\n  %s\n",
                    server::first_admin_command(argv[0], opt.data_dir).c_str());
    std::printf("Obole is running at http://%s:%d/\n", opt.host.c_str(), port.value());
    std::fflush(stdout);
    api.serve();
    std::printf("Obole server stopped.\n");
    return 0;
}
