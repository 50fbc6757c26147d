// libFuzzer target: a push body as the server applies it (sync/server/
// sync_service.h) over a small demo association in an in-memory server
// store. The same body comes from a volunteer's device, then from an
// admin's: the first meets most refusals, the second reaches most of what
// applying does, over what the first may have left.
//
// Placeholders: @SCHEMA@ (the current schema version), @MEMBER@,
// @CAMPAIGN@ and @GIFT@ (ids of the demo's first member, campaign and
// gift), so seeds reach changes to rows the server has.
//
// Beyond not crashing (nor throwing): a push refused whole changes neither
// the log nor the device's last sequence number; an accepted one answers
// the log's version and the device's last number as the server now holds
// them, and refuses only changes it was sent.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "gen/demo_data.h"
#include "protocol/codec.h"
#include "server/server_store.h"
#include "server/sync_service.h"

#include "checks.h"
#include "placeholders.h"
#include "undone.h"

namespace {

namespace server = obole::server;
using obole::fuzz::require_property;
using obole::fuzz::require_setup;

// 2026-06-15T12:00:00Z: every run sees the same day.
constexpr int64_t kNowMs = 1'781'524'800'000;

struct World {
    std::unique_ptr<obole::Store> store;
    std::unique_ptr<server::SyncService> sync;
    std::vector<server::Principal> devices;
    std::vector<obole::fuzz::Placeholder> values;
};

server::Principal device(const char* login, server::Role role, const char* id)
{
    server::Principal p;
    p.operator_login = login;
    p.operator_name = login;
    p.role = role;
    p.device_id = id;
    p.device_name = "fuzz";
    return p;
}

std::string first_id(obole::Store& store, const char* table)
{
    const std::string sql = std::string("SELECT id FROM ") + table + " ORDER BY id LIMIT 1";
    obole::Statement s(store.db(), sql.c_str());
    require_setup(s.step() == obole::Statement::Step::row, table);
    return s.column_uuid(0);
}

World make_world()
{
    World w;
    auto opened = server::open_memory_server_store();
    require_setup(opened.ok(), "memory server store");
    w.store = std::move(*opened);
    w.store->set_clock(kNowMs);
    w.sync = std::make_unique<server::SyncService>(*w.store);
    require_setup(w.sync->ensure_schema().ok(), "sync schema");
    obole::DemoOptions demo;
    demo.members = 12;
    demo.today = "2026-06-01";
    demo.long_history = false; // 2,000 gifts more would only slow the start
    require_setup(obole::generate_demo(*w.store, demo).ok(), "demo association");
    w.devices = {device("vol", server::Role::volunteer, "01938a3c-0000-7000-8000-00000000f001"),
                 device("admin", server::Role::admin, "01938a3c-0000-7000-8000-00000000f002")};
    w.values = {{"@SCHEMA@", std::to_string(obole::current_schema_version())},
                {"@MEMBER@", first_id(*w.store, "member")},
                {"@CAMPAIGN@", first_id(*w.store, "campaign")},
                {"@GIFT@", first_id(*w.store, "gift")}};
    return w;
}

void push_from(World& w, const server::Principal& who, const obole::sync::PushRequest& request)
{
    const int64_t version = w.sync->log().last_version().value();
    const uint64_t last_seq = w.sync->log().device_last_seq(who.device_id).value();
    const obole::Result<obole::sync::PushResponse> answer = w.sync->push(who, request, kNowMs);
    if (!answer) {
        require_property(w.sync->log().last_version().value() == version,
                         "a push refused whole adds nothing to the log");
        require_property(w.sync->log().device_last_seq(who.device_id).value() == last_seq,
                         "a push refused whole leaves the device's numbering");
        return;
    }
    require_property(answer->server_version == w.sync->log().last_version().value(),
                     "the answer names the log's version");
    require_property(answer->last_seq == w.sync->log().device_last_seq(who.device_id).value() &&
                         answer->last_seq >= last_seq,
                     "the answer names the device's last number the server holds");
    std::set<uint64_t> sent;
    for (const obole::sync::OutboxChange& c : request.changes)
        sent.insert(c.seq);
    for (const obole::sync::RefusedChange& r : answer->refused)
        require_property(sent.count(r.seq) == 1 && !r.code.empty(), "only changes sent are refused, with a reason");
}

std::unique_ptr<World> g_world;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g_world = std::make_unique<World>(make_world());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string body = obole::fuzz::with_placeholders(data, size, g_world->values);
    const obole::Result<obole::sync::PushRequest> request = obole::sync::parse_push_request(body);
    if (!request)
        return 0;
    obole::fuzz::run_undone(*g_world->store, [&] {
        for (const server::Principal& who : g_world->devices)
            push_from(*g_world, who, *request);
    });
    return 0;
}
