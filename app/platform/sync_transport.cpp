#include "platform/sync_transport.h"

#include "core/store/store.h"
#include "platform/browser_host.h"
#include "platform/frame_pacer.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

// --- JavaScript side ------------------------------------------------------
// (EM_JS bodies: double-quoted strings only, no apostrophes.)

// Sends one request and hands its outcome to obole_sync_answer: the status
// and body of any answer (an error status included), or failed = 1 with a
// sentence when none came (network down, server gone, 20 s without answer).
// A binary answer (a database) is passed as its bytes, a text one as UTF-8.
EM_JS(void, js_sync_send, (int id, const char* method, const char* path, const char* body, const char* token,
                          int timeout_ms, int binary), {
  const m = UTF8ToString(method);
  let url = UTF8ToString(path);  // made relative to the page, as boot.js asks for api/snapshot
  while (url.startsWith("/")) url = url.slice(1);
  const text = UTF8ToString(body);
  const bearer = UTF8ToString(token);
  const deliver = (failed, status, answer) => {
    const bytes = typeof answer === "string" ? new TextEncoder().encode(answer) : answer;
    const p = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, p);
    HEAPU8[p + bytes.length] = 0;
    Module.ccall("obole_sync_answer", null, ["number", "number", "number", "number", "number"],
                 [id, failed, status, p, bytes.length]);
    _free(p);
  };
  const headers = {};
  if (m !== "GET") headers["Content-Type"] = "application/json";
  if (bearer) headers["Authorization"] = "Bearer " + bearer;
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; abort.abort(); }, timeout_ms);
  fetch(url, { method: m, headers: headers, body: m === "GET" ? undefined : text, cache: "no-store",
               credentials: "same-origin", signal: abort.signal })
    .then((r) => (binary && r.ok ? r.arrayBuffer().then((b) => new Uint8Array(b)) : r.text())
                   .then((t) => { clearTimeout(timer); deliver(0, r.status, t); }))
    .catch((e) => {
      clearTimeout(timer);
      // A reason, not a sentence: the engine puts it after its own words.
      deliver(1, 0, timedOut ? "no answer within " + (timeout_ms / 1000) + " seconds" : "the network or the server is down");
    });
});

EM_JS(int, js_sync_online, (), { return navigator.onLine ? 1 : 0; });

// 64 random bits for the retry jitter, so that devices coming back together
// do not retry in step.
EM_JS(double, js_random_u32, (), {
  const a = new Uint32Array(1);
  if (self.crypto && crypto.getRandomValues) crypto.getRandomValues(a);
  else a[0] = Math.floor(Math.random() * 4294967296);
  return a[0];
});

// --- C++ side ---------------------------------------------------------------

namespace obole::platform {

namespace {
constexpr int kTimeoutMs = 20'000;
// A whole copy of the data is bigger: on a phone's network it takes a while.
constexpr int kCopyTimeoutMs = 300'000;
} // namespace

int64_t wall_clock_ms()
{
    return static_cast<int64_t>(emscripten_date_now());
}

SyncTransport& sync_transport()
{
    static SyncTransport transport;
    return transport;
}

Result<void> SyncTransport::start(Store& store)
{
    store_ = &store;
    auto outbox = sync::Outbox::attach(store, [] { return wall_clock_ms(); });
    if (!outbox)
        return outbox.error();
    outbox_ = std::move(outbox.value());
    const uint64_t seed = (static_cast<uint64_t>(js_random_u32()) << 32) | static_cast<uint64_t>(js_random_u32());
    engine_ = std::make_unique<sync::SyncEngine>(store, *outbox_, seed);
    return {};
}

bool SyncTransport::pump()
{
    if (!engine_)
        return false;
    bool news = false;
    const int64_t now = wall_clock_ms();
    const bool online = js_sync_online() != 0;
    if (online_ != online) {
        engine_->set_online(online, now);
        online_ = online;
        news = true;
    }
    if (answer_) {
        Answer a = std::move(*answer_);
        answer_.reset();
        deliver(std::move(a), now);
        news = true;
    }
    // A new copy for the operator's role, or an erased one: the device
    // restarts on it, and what it stored before goes (DeviceJournal).
    if (std::optional<std::vector<uint8_t>> copy = engine_->take_new_copy())
        browser_host().replace_device_data(*copy);
    hand_over_compaction();
    if (in_flight_)
        return news;
    std::optional<sync::HttpCall> call = engine_->poll(now);
    if (!call)
        return news;
    in_flight_ = ++last_call_;
    const std::string token = call->authorized ? engine_->token() : std::string();
    js_sync_send(in_flight_, call->method.c_str(), call->path.c_str(), call->body.c_str(), token.c_str(),
                 call->binary ? kCopyTimeoutMs : kTimeoutMs, call->binary ? 1 : 0);
    return true;
}

// A person erased: what the device stored of them goes too.
void SyncTransport::hand_over_compaction()
{
    if (engine_ && engine_->take_compaction())
        browser_host().compact_device_data();
}

void SyncTransport::on_answer(int call_id, bool failed, int status, std::string body)
{
    if (call_id != in_flight_)
        return; // cannot happen: one call at a time
    answer_ = Answer{call_id, failed, status, std::move(body)};
    request_frames();
}

void SyncTransport::deliver(Answer a, int64_t now_ms)
{
    in_flight_ = 0;
    if (a.failed) {
        engine_->on_failure(a.body, now_ms);
        return;
    }
    engine_->on_response(a.status, a.body, now_ms);
}

} // namespace obole::platform

extern "C" EMSCRIPTEN_KEEPALIVE void obole_sync_answer(int call_id, int failed, int status, const char* body,
                                                       size_t size)
{
    obole::platform::sync_transport().on_answer(call_id, failed != 0, status,
                                                body ? std::string(body, size) : std::string());
}
