// When and what this device says to the server, without doing any I/O: the
// platform layer (browser fetch, or a test's in-process server) sends the
// requests the engine asks for and hands back the answers.
//
// One round: push the outbox in batches until the server holds all of it,
// then pull the server's log page by page. Rounds start when the device is
// enrolled and online: at once when the network comes back or a person asks,
// then every `periodic_ms`. A failed round is retried after an exponential
// delay with jitter (so 200 devices coming back together do not retry in
// step); a refused token stops the retries until the device is enrolled again.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "protocol/sync_limits.h"

namespace obole {
class Store;
}

namespace obole::sync {

class Outbox;

struct HttpCall {
    std::string method;     // "GET" | "POST"
    std::string path;       // "/api/sync/push", "/api/sync/pull?since=12&limit=1000"
    std::string body;       // JSON, for POST
    bool authorized = true; // send "Authorization: Bearer <token>"
    bool binary = false;    // the answer is bytes (a database), not text
};

struct SyncTiming {
    int64_t first_retry_ms = 2'000;
    int64_t max_retry_ms = 300'000;
    int64_t periodic_ms = 30'000;
    // A change made on the device goes out this soon (a few edits in a row
    // share a round).
    int64_t after_change_ms = 2'000;
    // A round starts with a new token (POST /api/token/rotate) when the one
    // held is this old: a token copied off the device stops working soon
    // after. 0: never.
    int64_t rotate_token_ms = 7LL * 24 * 3600 * 1000;
    size_t push_batch = 500;
    size_t push_batch_bytes = kPushBatchBytes; // documents make big changes
    int pull_page = 1000;
};

struct SyncStatus {
    bool enrolled = false;
    bool online = false;
    bool busy = false;         // a round is under way
    int64_t waiting = 0;       // changes in the outbox
    std::string waiting_error; // they could not be counted: `waiting` is unknown
    int64_t last_success_ms = 0;
    int64_t next_attempt_ms = 0;
    std::string last_error; // in words; empty after a successful round
    std::string last_error_code;
    // The server refused the token, or this device's numbering: no retry
    // until the device enrols again.
    bool stopped = false;
    // Changes the server refused that no person has dismissed yet
    // (client/refusals.h lists them).
    int refused = 0;
    // Who the device works for, as the server said at enrolment; the role
    // as it said at the last pull.
    std::string operator_login, operator_name, operator_role;
    // A new copy of the data is ready or handed over (take_new_copy): the
    // device is about to restart on it, and nothing more should be written.
    bool replacing_copy = false;
    // Why the device is being erased (revoked, signed out); "" otherwise.
    std::string erasing_because;
};

class SyncEngine {
public:
    SyncEngine(Store& store, Outbox& outbox, uint64_t jitter_seed, SyncTiming timing = {});

    // The request to send now, if any (one at a time).
    std::optional<HttpCall> poll(int64_t now_ms);
    // The answer to the request poll() gave: HTTP status and body.
    void on_response(int status, std::string_view body, int64_t now_ms);
    // The request never got an answer (network down, server unreachable).
    void on_failure(const std::string& message, int64_t now_ms);

    void set_online(bool online, int64_t now_ms);
    // "Sync now": a round at once, whatever the retry delay.
    void sync_now(int64_t now_ms);

    // Enrolment, asked for by a person: poll() sends it next. Its answer
    // stores the token and the device id the server gave, and renumbers the
    // outbox for that identity; enrolment() tells how it went.
    void request_enrolment(const std::string& code, const std::string& login, const std::string& password,
                           const std::string& device_name);
    struct Enrolment {
        enum class State { none, waiting, done, failed } state = State::none;
        std::string error; // in words, when failed
    };
    const Enrolment& enrolment() const { return enrolment_; }
    // Forgets the token (another operator will enrol this device).
    Result<void> leave();
    // "Sign out and erase this device": the server forgets the token
    // (POST /api/device/sign-out, when online), and an empty database
    // replaces this device's data, whatever its outbox still held.
    void sign_out_and_erase();

    // The image that must become this device's whole database, once: the
    // server's copy for its operator's role (client/device_copy.h), or an
    // empty one when the device was revoked or signed out. The platform
    // replaces the database and everything stored before with it.
    std::optional<std::vector<uint8_t>> take_new_copy();
    // status().replacing_copy without building a status: asked every frame.
    bool replacing_copy() const { return new_copy_.has_value() || copy_handed_over_; }
    // True once after a pull applied a person's erasure, or after a person
    // erased here (note_local_erasure) is no longer in the outbox: the
    // platform then rewrites the device's storage without them.
    bool take_compaction();
    // A person was erased on this device (client/device_copy.h): at once on
    // a device not enrolled, after the next push on one that is.
    void note_local_erasure();

    // A person has read this refusal (client/refusals.h).
    Result<void> dismiss_refusal(int64_t id);

    const std::string& token() const { return token_; }
    SyncStatus status();

private:
    enum class Phase { idle, enrolling, rotating, pushing, pulling, copying, signing_out };
    Result<void> on_enrol_response(int status, std::string_view body, int64_t now_ms);
    // The rotation call when the token is due for one (else nullopt).
    std::optional<HttpCall> rotation_call(int64_t now_ms);
    // A new token from the server (or none: an older server) and the round goes on.
    Result<void> on_rotate_response(int status, std::string_view body, int64_t now_ms);
    Result<void> keep_token(const std::string& token, int64_t now_ms);
    Result<void> read_settings();
    Result<HttpCall> next_call();
    Result<HttpCall> push_call();
    Result<HttpCall> pull_call();
    void finish_round(int64_t now_ms);
    void count_refusals();
    void fail_round(const std::string& code, const std::string& message, int64_t now_ms);
    // The pulled role: kept, and whether the copy must be replaced for it.
    Result<bool> note_role(const std::string& role);
    void on_copy(std::string_view body, int64_t now_ms);
    void erase(const std::string& why);

    Store& store_;
    Outbox& outbox_;
    SyncTiming timing_;
    std::mt19937_64 jitter_;
    Phase phase_ = Phase::idle;
    bool in_flight_ = false;
    bool online_ = false;
    int failures_ = 0;
    int64_t next_attempt_ms_ = 0;
    std::string token_;
    int64_t token_since_ms_ = 0; // when token_ was received (meta sync_token_since_ms)
    // What status() reports that is not derived: last success and error,
    // refusals, whether the token was refused, the operator.
    SyncStatus kept_;
    // Why the device's sync settings could not be read at start; while
    // set, nothing is sent (not even an enrolment).
    std::string unreadable_;
    // The outbox's size, counted again only after a commit (it changes no
    // other way): the status line asks every frame.
    Result<int64_t> waiting();
    int64_t waiting_ = 0;
    uint64_t waiting_at_change_ = ~uint64_t{0};
    int64_t waiting_seen_ = 0; // the size when poll() last looked
    std::string enrol_body_;   // the request waiting to be sent (holds a password: cleared once sent)
    bool copy_due_ = false;    // the next round fetches a new copy instead of pulling
    bool sign_out_due_ = false;
    std::optional<std::vector<uint8_t>> new_copy_;
    bool copy_handed_over_ = false;
    bool compaction_due_ = false;
    bool compact_after_push_ = false;
    std::string erasing_because_;
    Enrolment enrolment_;
};

} // namespace obole::sync
