// The browser's side of sync: owns the outbox and the sync engine
// (sync/client), and does the I/O the engine asks for. Each frame (and each
// tick between frames, frame_pacer.h) pump() tells the engine whether the browser is online, hands it the answer that
// came back since the last frame, and sends the engine's next request with
// fetch() (same origin, bearer token, JSON, 20 s timeout). A request never
// blocks the frame: fetch runs on its own and its answer waits for the next
// frame or tick, so every write to the store happens in the app's own loop,
// after which the device journal picks it up.
#pragma once
#include "client/outbox.h"
#include "client/sync_engine.h"
#include "core/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace obole {
class Store;
}

namespace obole::platform {

class SyncTransport {
public:
    // Attaches the outbox and the engine to `store` (after its journal is on);
    // an error leaves sync off and says why.
    Result<void> start(Store& store);
    // Before the interface is drawn, and between frames. True when it
    // delivered an answer, sent a request or saw the network come or go: the
    // screen has news.
    bool pump();
    // Has the device's storage rewritten when a person was erased (by a pull,
    // or here on a device not enrolled). Also after the interface is drawn:
    // an erasure made in this frame then leaves its own journal record, which
    // holds what was erased, unstored (DeviceJournal::compact).
    void hand_over_compaction();

    sync::SyncEngine* engine() { return engine_.get(); }

    // fetch's outcome (web/…: the EM_JS callback): `failed` when no answer came.
    void on_answer(int call_id, bool failed, int status, std::string body);

private:
    struct Answer {
        int call_id = 0;
        bool failed = false;
        int status = 0;
        std::string body;
    };
    void deliver(Answer answer, int64_t now_ms);

    Store* store_ = nullptr;
    std::unique_ptr<sync::Outbox> outbox_;
    std::unique_ptr<sync::SyncEngine> engine_;
    int last_call_ = 0;
    int in_flight_ = 0;          // the call waiting for its answer; 0: none
    std::optional<bool> online_; // as last told to the engine
    std::optional<Answer> answer_;
};

SyncTransport& sync_transport();

// Unix milliseconds (Date.now()).
int64_t wall_clock_ms();

} // namespace obole::platform
