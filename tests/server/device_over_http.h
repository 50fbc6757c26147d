// A device (its store, outbox and sync engine) talking to the real
// obole-server of ServerOverHttp: each request the engine asks for goes over
// loopback HTTP and its answer comes back, until the engine goes quiet.
#pragma once

#include "server_over_http.h"

#include <algorithm>
#include <optional>

#include "client/outbox.h"
#include "client/sync_engine.h"

struct HttpDevice {
    HttpDevice() = default;
    // A device restarted on a database image (the copy its engine handed over).
    explicit HttpDevice(const std::vector<uint8_t>& image) : store(std::move(obole::Store::open_bytes(image).value()))
    {
    }

    std::unique_ptr<obole::Store> store = std::move(obole::Store::open_memory().value());
    int64_t now = obole::unix_now_ms();
    std::unique_ptr<obole::sync::Outbox> outbox =
        std::move(obole::sync::Outbox::attach(*store, [this] { return now; }).value());
    obole::sync::SyncEngine engine{*store, *outbox, 7};
    size_t largest_request = 0;
    int pushes = 0, pulls = 0;
};

class DeviceOverHttp : public ServerOverHttp {
protected:
    // Sends what the engine asks until it has nothing more to say.
    void run(HttpDevice& d)
    {
        d.engine.set_online(true, d.now);
        d.engine.sync_now(d.now);
        for (int i = 0; i < 200; ++i) {
            std::optional<obole::sync::HttpCall> call = d.engine.poll(d.now);
            if (!call)
                return;
            d.largest_request = std::max(d.largest_request, call->body.size());
            d.pushes += call->path == "/api/sync/push";
            d.pulls += call->path.rfind("/api/sync/pull", 0) == 0;
            httplib::Headers headers;
            if (call->authorized)
                headers.emplace("Authorization", "Bearer " + d.engine.token());
            httplib::Result res = call->method == "GET"
                                      ? client->Get(call->path.c_str(), headers)
                                      : client->Post(call->path.c_str(), headers, call->body, "application/json");
            if (!res)
                d.engine.on_failure("no answer", d.now);
            else
                d.engine.on_response(res->status, res->body, d.now);
            d.now += 10;
        }
        ADD_FAILURE() << "the engine never went quiet";
    }

    void enrol(HttpDevice& d, const std::string& code, const std::string& login, const std::string& password)
    {
        d.engine.request_enrolment(code, login, password, "test");
        run(d);
        ASSERT_EQ(d.engine.enrolment().state, obole::sync::SyncEngine::Enrolment::State::done)
            << d.engine.enrolment().error;
    }
};
