// obole-sync-bench: what sync costs, measured against a real obole-server
// (its HttpApi on a loopback port, files in a temporary data folder):
//   - a device pushing 10,000 offline changes until they are acknowledged,
//     and the bytes on the wire per change;
//   - 200 devices pushing at once (a load generator that stops by itself):
//     pushes per second and latency;
//   - pulling 10,000 changes for each role: what the permission filter
//     (sync/server/role_copy.h) costs on the wire and on its own;
//   - a fresh device starting from the snapshot of N members and G gifts,
//     for an office device and for a fundraiser's.
// Prints a table, then one line of JSON (read by tests/bench/run_bench.cjs).
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "client/outbox.h"
#include "client/sync_engine.h"
#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"
#include "gen/demo_data.h"
#include "protocol/codec.h"
#include "server/auth.h"
#include "server/http_api.h"
#include "server/role_copy.h"
#include "server/server_store.h"

using namespace obole;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

namespace {

const char kPassword[] = "bench password";

double ms_since(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

[[noreturn]] void die(const std::string& what)
{
    std::fprintf(stderr, "obole-sync-bench: %s\n", what.c_str());
    std::exit(1);
}

template <class T>
T must(Result<T> r, const char* what)
{
    if (!r)
        die(std::string(what) + ": " + r.error().message);
    return std::move(r.value());
}

void must(Result<void> r, const char* what)
{
    if (!r)
        die(std::string(what) + ": " + r.error().message);
}

// A real server on a free loopback port, with its data in a fresh folder.
struct BenchServer {
    std::filesystem::path dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<server::Auth> auth;
    std::unique_ptr<server::HttpApi> api;
    std::thread serving;
    int port = 0;

    explicit BenchServer(const std::function<void(Store&)>& fill)
    {
        dir = std::filesystem::temp_directory_path() / ("obole-sync-bench-" + new_uuid_v7());
        std::filesystem::create_directories(dir);
        store = must(server::open_server_store(dir.string()), "open the server's store");
        fill(*store);
        auth = std::make_unique<server::Auth>(*store);
        must(auth->ensure_schema(), "auth schema");
        must(auth->add_operator("bench", "Bench", server::Role::office, kPassword), "operator");
        server::ServerOptions options;
        options.port = 0;
        // 200 devices of one login on one address, as fast as they can: the
        // bench measures sync, not the rate limits (request_gate.h).
        for (server::RateRule* rule : {&options.limits.enrol_per_address, &options.limits.enrol_per_login,
                                       &options.limits.api_per_address, &options.limits.api_per_login})
            rule->max = 0;
        api = std::make_unique<server::HttpApi>(*store, *auth, options);
        port = must(api->bind(), "bind");
        serving = std::thread([this] { api->serve(); });
    }

    ~BenchServer()
    {
        api->stop();
        serving.join();
        api.reset();
        auth.reset();
        store.reset();
        std::filesystem::remove_all(dir);
    }

    // A device's token (one Argon2 check each: enrol before timing), for
    // the operator `login` (the office's "bench", or one add_operator made).
    server::Enrolment enrol(const std::string& name, const std::string& login = "bench")
    {
        const std::string code = must(auth->issue_enrol_code(login, 60, unix_now_ms()), "enrol code");
        return must(auth->enrol(code, login, kPassword, name, unix_now_ms()), "enrol");
    }

    // An operator of `role` whose login is the role's name.
    std::string add_operator(sync::Role role)
    {
        const std::string login = sync::role_name(role);
        must(auth->add_operator(login, login, role, kPassword), "operator");
        return login;
    }
};

struct Wire {
    size_t requests = 0, sent = 0, received = 0;
};

// Sends what the engine asks for until it rests; counts the bytes.
void drive(sync::SyncEngine& engine, httplib::Client& http, Wire& wire)
{
    for (int guard = 0; guard < 100000; ++guard) {
        std::optional<sync::HttpCall> call = engine.poll(unix_now_ms());
        if (!call) {
            if (engine.status().busy)
                continue;
            return;
        }
        httplib::Headers headers = {{"Authorization", "Bearer " + engine.token()}};
        httplib::Result res = call->method == "POST"
                                  ? http.Post(call->path.c_str(), headers, call->body, "application/json")
                                  : http.Get(call->path.c_str(), headers);
        if (!res)
            die("no answer from the server");
        ++wire.requests;
        wire.sent += call->body.size() + call->path.size();
        wire.received += res->body.size();
        engine.on_response(res->status, res->body, unix_now_ms());
        if (!engine.status().last_error.empty())
            die("sync failed: " + engine.status().last_error);
    }
}

// A device enrolled with `enrolled`, its data the server's snapshot.
struct BenchDevice {
    std::unique_ptr<Store> store;
    std::unique_ptr<sync::Outbox> outbox;
};

// A device enrolled with `enrolled` whose data is `image` (a snapshot).
BenchDevice device_from_image(const std::string& image, const server::Enrolment& enrolled)
{
    BenchDevice d;
    d.store = must(Store::open_bytes(std::vector<uint8_t>(image.begin(), image.end())), "device copy");
    d.outbox = must(sync::Outbox::attach(*d.store, unix_now_ms), "outbox");
    must(d.outbox->become_device(enrolled.device_id), "device id");
    must(sync::write_meta(*d.store, "sync_token", enrolled.token), "token");
    return d;
}

std::string snapshot_for(httplib::Client& http, const server::Enrolment& enrolled)
{
    httplib::Result snapshot = http.Get("/api/snapshot", {{"Authorization", "Bearer " + enrolled.token}});
    if (!snapshot || snapshot->status != 200)
        die("no snapshot");
    return std::move(snapshot->body);
}

BenchDevice device_from_snapshot(httplib::Client& http, const server::Enrolment& enrolled)
{
    return device_from_image(snapshot_for(http, enrolled), enrolled);
}

// The device's sync engine run until it rests: its outbox sent, the log pulled.
Wire sync_until_rest(BenchDevice& d, httplib::Client& http)
{
    sync::SyncEngine engine(*d.store, *d.outbox, 1);
    engine.set_online(true, unix_now_ms());
    Wire wire;
    drive(engine, http, wire);
    return wire;
}

// The association most figures use: 2,000 demo members.
void small_association(Store& s)
{
    DemoOptions demo;
    demo.members = 2000;
    must(generate_demo(s, demo), "demo data");
}

// Offline entries until the outbox holds `changes`: gifts (a gift row and
// a journal row each) and, every `mandate_every`th, a direct debit mandate
// (0: none), whose IBAN a volunteer's pull masks.
void enter_offline(BenchDevice& d, int changes, int mandate_every)
{
    std::vector<std::string> members;
    Statement ids(d.store->db(), "SELECT id FROM member ORDER BY ref");
    while (ids.step() == Statement::Step::row)
        members.push_back(ids.column_uuid(0));
    GiftRepository gifts(*d.store);
    SepaMandateRepository mandates(*d.store);
    for (int i = 0; d.outbox->count().value() < changes; ++i) {
        const std::string& member = members[size_t(i) % members.size()];
        if (mandate_every > 0 && i % mandate_every == 0) {
            NewSepaMandate m;
            m.member_id = member;
            m.iban_text = "FR7630006000011234567890189";
            m.bic_text = "AGRIFRPP";
            m.holder = "Jeanne Martin";
            m.signature_date_text = "2026-11-23";
            m.amount_text = "12";
            must(mandates.add(m, "bench"), "mandate");
            continue;
        }
        NewGift g;
        g.member_id = member;
        g.amount_text = std::to_string(5 + i % 50);
        g.date_text = "2026-11-23";
        must(gifts.add(g, "bench"), "gift");
    }
}

json bench_push(int changes)
{
    BenchServer server(small_association);
    httplib::Client http("127.0.0.1", server.port);
    BenchDevice device = device_from_snapshot(http, server.enrol("bench device"));
    enter_offline(device, changes, 0);
    const int64_t made = device.outbox->count().value();

    const auto start = Clock::now();
    const Wire wire = sync_until_rest(device, http);
    const double total_ms = ms_since(start);
    if (device.outbox->count().value() != 0)
        die("the outbox did not empty");
    return {{"changes", made},
            {"ms", total_ms},
            {"requests", wire.requests},
            {"bytes_sent", wire.sent},
            {"bytes_received", wire.received},
            {"bytes_per_change", double(wire.sent) / double(made)}};
}

json bench_load(int devices, int pushes_each, int changes_each)
{
    BenchServer server(small_association);
    std::vector<std::string> members;
    Statement ids(server.store->db(), "SELECT id FROM member ORDER BY ref");
    while (ids.step() == Statement::Step::row)
        members.push_back(ids.column_uuid(0));
    // Tokens and request bodies before the clock starts.
    std::vector<std::string> tokens;
    std::vector<std::vector<std::string>> bodies(static_cast<size_t>(devices));
    for (int d = 0; d < devices; ++d) {
        tokens.push_back(server.enrol("device " + std::to_string(d)).token);
        uint64_t seq = 0;
        for (int p = 0; p < pushes_each; ++p) {
            sync::PushRequest request;
            request.schema_version = current_schema_version();
            for (int c = 0; c < changes_each; ++c) {
                sync::Change g;
                g.table = "gift";
                g.row = new_uuid_v7();
                g.op = sync::Op::insert;
                g.hlc = sync::Hlc{unix_now_ms(), uint32_t(c), tokens.back().substr(0, 8)}.text();
                g.fields = {{"member_id", members[(size_t(d) * 31 + size_t(c)) % members.size()]},
                            {"gift_date", "2026-11-23"},
                            {"amount_cents", 1000 + c},
                            {"payment_method", "cash"},
                            {"created_at", iso_from_unix_ms(unix_now_ms())}};
                request.changes.push_back({++seq, std::move(g)});
            }
            bodies[size_t(d)].push_back(sync::to_json(request).dump());
        }
    }
    std::vector<std::vector<double>> latencies(static_cast<size_t>(devices));
    std::atomic<int> failures{0}, retries{0};
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int d = 0; d < devices; ++d)
        threads.emplace_back([&, d] {
            httplib::Client http("127.0.0.1", server.port);
            http.set_read_timeout(120, 0);
            std::mt19937 jitter{static_cast<uint32_t>(d)};
            for (const std::string& body : bodies[size_t(d)]) {
                // As a device does: a push that gets no answer is sent again
                // after a short random wait; the latency is what its person
                // waits, retries included.
                const auto sent = Clock::now();
                for (int attempt = 0;; ++attempt) {
                    httplib::Result res = http.Post(
                        "/api/sync/push", {{"Authorization", "Bearer " + tokens[size_t(d)]}}, body, "application/json");
                    if (res && res->status == 200)
                        break;
                    if (res || attempt == 20) {
                        if (failures++ == 0)
                            std::fprintf(stderr, "first failed push: %s\n",
                                         res ? (std::to_string(res->status) + " " + res->body).c_str()
                                             : httplib::to_string(res.error()).c_str());
                        break;
                    }
                    ++retries;
                    std::this_thread::sleep_for(std::chrono::milliseconds(100 + jitter() % 400));
                }
                latencies[size_t(d)].push_back(ms_since(sent));
            }
        });
    for (std::thread& t : threads)
        t.join();
    const double total_ms = ms_since(start);
    if (failures)
        die(std::to_string(failures.load()) + " pushes failed under load");
    std::vector<double> all;
    for (const auto& l : latencies)
        all.insert(all.end(), l.begin(), l.end());
    const int pushes = devices * pushes_each;
    return {{"devices", devices},
            {"pushes", pushes},
            {"changes", pushes * changes_each},
            {"ms", total_ms},
            {"pushes_per_s", pushes / (total_ms / 1000)},
            {"changes_per_s", pushes * changes_each / (total_ms / 1000)},
            {"latency_p50_ms", percentile(all, 0.5)},
            {"latency_p99_ms", percentile(all, 0.99)},
            {"retries", retries.load()}};
}

// Pulls the whole change log as `token`'s device would, page by page.
struct Pulled {
    double ms = 0;
    size_t bytes = 0, changes = 0;
    std::vector<std::string> pages;
};

Pulled pull_everything(httplib::Client& http, const std::string& token)
{
    Pulled out;
    int64_t since = 0;
    const auto start = Clock::now();
    for (bool more = true; more;) {
        const std::string path = "/api/sync/pull?since=" + std::to_string(since) +
                                 "&limit=1000&schema_version=" + std::to_string(current_schema_version());
        httplib::Result res = http.Get(path.c_str(), {{"Authorization", "Bearer " + token}});
        if (!res || res->status != 200)
            die("pull refused: " + (res ? res->body : httplib::to_string(res.error())));
        sync::PullResponse page = must(sync::parse_pull_response(res->body), "pull response");
        out.bytes += res->body.size();
        out.changes += page.changes.size();
        since = page.cursor;
        more = page.more;
        out.pages.push_back(std::move(res->body));
    }
    out.ms = ms_since(start);
    return out;
}

// The permission filter on pull: the whole log pulled by each role's
// device over HTTP (the office's is not filtered), then the filter alone
// on the office's pages, as the server runs it for a volunteer and a
// fundraiser (parsing and copying the pages are not counted).
json bench_pull_by_role(int changes)
{
    BenchServer server(small_association);
    httplib::Client http("127.0.0.1", server.port);
    BenchDevice writer = device_from_snapshot(http, server.enrol("writer"));
    enter_offline(writer, changes, 10);
    sync_until_rest(writer, http);
    json out = {{"changes", changes}};
    const std::string office_token = server.enrol("office device").token;
    pull_everything(http, office_token); // the log read once, so no role pays for the first read
    Pulled office = pull_everything(http, office_token);
    out["office"] = {{"ms", office.ms}, {"bytes", office.bytes}, {"changes", office.changes}};
    for (sync::Role role : {sync::Role::volunteer, sync::Role::fundraiser}) {
        const std::string login = server.add_operator(role);
        Pulled pulled = pull_everything(http, server.enrol(login + " device", login).token);
        std::vector<sync::PullResponse> pages;
        for (const std::string& body : office.pages)
            pages.push_back(must(sync::parse_pull_response(body), "pull response"));
        const auto start = Clock::now();
        for (sync::PullResponse& page : pages)
            server::filter_for_role(role, page);
        const double filter_ms = ms_since(start);
        out[login] = {{"ms", pulled.ms},
                      {"bytes", pulled.bytes},
                      {"changes", pulled.changes},
                      {"filter_ms", filter_ms},
                      {"filter_us_per_change", 1000 * filter_ms / double(office.changes)}};
    }
    return out;
}

// A fresh device of `login`: its snapshot downloaded and opened, then the
// pull that follows it (nothing new).
json fresh_device(BenchServer& server, httplib::Client& http, const std::string& login)
{
    server::Enrolment enrolled = server.enrol("fresh device", login);
    const auto start = Clock::now();
    const std::string snapshot = snapshot_for(http, enrolled);
    const double download_ms = ms_since(start);
    BenchDevice device = device_from_image(snapshot, enrolled);
    sync_until_rest(device, http); // the pull that follows: nothing new
    return {{"bytes", snapshot.size()}, {"download_ms", download_ms}, {"ms", ms_since(start)}};
}

// A fresh office device and a fresh fundraiser's from N members and G
// gifts; the fundraiser's copy is cut on demand the first time
// (role_copy.h), then kept: a second fundraiser's device is timed too.
json bench_snapshot(int members, int gifts)
{
    int64_t gift_count = 0;
    BenchServer server([&](Store& s) {
        DemoOptions demo;
        demo.members = members;
        must(generate_demo(s, demo), "demo data");
        // The demo gives about 2.6 gifts a member: more, for the size asked.
        Statement have(s.db(), "SELECT count(*) FROM gift");
        have.step();
        int64_t missing = gifts - have.column_int64(0);
        must(s.transaction([&]() -> Result<void> {
            Statement add(s.db(), "INSERT INTO gift(member_ref, gift_date, id, amount_cents, payment_method, "
                                  "created_at) VALUES(?1, ?2, ?3, ?4, 'transfer', ?2)");
            for (int64_t i = 0; i < missing; ++i) {
                add.reset();
                add.bind_int64(1, 1 + i % members);
                add.bind_text(2, iso_from_days(days_from_iso("2020-01-01") + i % 2000));
                add.bind_uuid(3, new_uuid_v7());
                add.bind_int64(4, 500 + i % 9500);
                if (Result<void> r = add.run(); !r)
                    return r;
            }
            return {};
        }),
             "more gifts");
        Statement now(s.db(), "SELECT count(*) FROM gift");
        now.step();
        gift_count = now.column_int64(0);
    });
    httplib::Client http("127.0.0.1", server.port);
    http.set_read_timeout(300, 0);
    const std::string fundraiser = server.add_operator(sync::Role::fundraiser);
    return {{"members", members},
            {"gifts", gift_count},
            {"office", fresh_device(server, http, "bench")},
            {"fundraiser", fresh_device(server, http, fundraiser)},
            {"fundraiser_kept", fresh_device(server, http, fundraiser)}};
}

int number_after(int argc, char** argv, const char* flag, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == flag)
            return std::atoi(argv[i + 1]);
    return fallback;
}

} // namespace

int main(int argc, char** argv)
{
    const int members = number_after(argc, argv, "--members", 100000);
    const int gifts = number_after(argc, argv, "--gifts", 500000);
    const int devices = number_after(argc, argv, "--devices", 200);

    json push = bench_push(10000);
    std::printf("push %lld offline changes until acknowledged: %.0f ms in %zu requests, %.0f bytes sent per change\n",
                push["changes"].get<long long>(), push["ms"].get<double>(), push["requests"].get<size_t>(),
                push["bytes_per_change"].get<double>());
    json load = bench_load(devices, 10, 50);
    std::printf("%d devices pushing at once: %.0f pushes/s (%.0f changes/s), latency p50 %.0f ms, p99 %.0f ms, "
                "%d connections retried\n",
                devices, load["pushes_per_s"].get<double>(), load["changes_per_s"].get<double>(),
                load["latency_p50_ms"].get<double>(), load["latency_p99_ms"].get<double>(), load["retries"].get<int>());
    json pull = bench_pull_by_role(10000);
    std::printf("pull %d changes (gifts, a mandate in ten): office %.0f ms %.1f MB; volunteer %.0f ms %.1f MB; "
                "fundraiser %.0f ms %.1f MB (%zu changes); the filter alone: %.2f µs a change for a volunteer, "
                "%.2f for a fundraiser\n",
                pull["changes"].get<int>(), pull["office"]["ms"].get<double>(),
                double(pull["office"]["bytes"].get<size_t>()) / 1048576.0, pull["volunteer"]["ms"].get<double>(),
                double(pull["volunteer"]["bytes"].get<size_t>()) / 1048576.0, pull["fundraiser"]["ms"].get<double>(),
                double(pull["fundraiser"]["bytes"].get<size_t>()) / 1048576.0,
                pull["fundraiser"]["changes"].get<size_t>(), pull["volunteer"]["filter_us_per_change"].get<double>(),
                pull["fundraiser"]["filter_us_per_change"].get<double>());
    json snapshot = bench_snapshot(members, gifts);
    for (const char* who : {"office", "fundraiser", "fundraiser_kept"}) {
        const json& d = snapshot[who];
        std::printf("fresh %s device from the snapshot of %d members and %lld gifts: %.0f ms (%.1f MB, download "
                    "%.0f ms)\n",
                    who, members, snapshot["gifts"].get<long long>(), d["ms"].get<double>(),
                    double(d["bytes"].get<size_t>()) / 1048576.0, d["download_ms"].get<double>());
    }
    std::printf("%s\n", json{{"push", push}, {"load", load}, {"pull", pull}, {"snapshot", snapshot}}.dump().c_str());
    return 0;
}
