#include "client/sync_engine.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "client/device_copy.h"
#include "client/outbox.h"
#include "client/pull.h"
#include "client/refusals.h"
#include "core/calendar/date.h"
#include "core/privacy/member_erasure.h"
#include "core/receipts/corrected_receipts.h"
#include "core/sepa/collection_settlement.h"
#include "core/store/journal.h"
#include "core/store/migrations.h"
#include "core/store/store.h"
#include "protocol/access.h"
#include "protocol/codec.h"

namespace obole::sync {

namespace {

// The message of an error body ({"error": {"code", "message"}}), or a
// sentence about the status when the body says nothing readable.
std::pair<std::string, std::string> error_of(int status, std::string_view body)
{
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].is_object()) {
        const json& e = j["error"];
        if (e.contains("code") && e["code"].is_string() && e.contains("message") && e["message"].is_string())
            return {e["code"].get<std::string>(), e["message"].get<std::string>()};
    }
    return {"http." + std::to_string(status), "The server gave an unexpected answer."};
}

} // namespace

SyncEngine::SyncEngine(Store& store, Outbox& outbox, uint64_t jitter_seed, SyncTiming timing)
    : store_(store), outbox_(outbox), timing_(timing), jitter_(jitter_seed)
{
    if (Result<void> r = read_settings(); !r) {
        // Without its token and identity the device must not sync at all
        // (nor enrol again over them): it says why, and a restart reads again.
        unreadable_ = r.error().message;
        kept_.last_error_code = r.error().code;
        kept_.last_error = "This device's sync settings could not be read from its database.";
        return;
    }
    count_refusals();
}

Result<void> SyncEngine::read_settings()
{
    std::string values[6];
    const char* keys[6] = {"sync_token",         "sync_token_since_ms", "sync_operator",
                           "sync_operator_name", "sync_operator_role",  "sync_last_success_ms"};
    for (int i = 0; i < 6; ++i) {
        Result<std::string> value = read_meta(store_, keys[i]);
        if (!value)
            return value.error();
        values[i] = std::move(*value);
    }
    token_ = values[0];
    token_since_ms_ = std::atoll(values[1].c_str());
    kept_.operator_login = values[2];
    kept_.operator_name = values[3];
    kept_.operator_role = values[4];
    kept_.last_success_ms = std::atoll(values[5].c_str());
    return {};
}

void SyncEngine::count_refusals()
{
    Result<int64_t> open = count_open_refusals(store_);
    if (open)
        kept_.refused = int(*open);
    else
        kept_.last_error = open.error().message;
}

Result<void> SyncEngine::dismiss_refusal(int64_t id)
{
    Result<void> done = sync::dismiss_refusal(store_, id);
    count_refusals();
    return done;
}

Result<int64_t> SyncEngine::waiting()
{
    if (waiting_at_change_ != store_.change_count()) {
        Result<int64_t> counted = outbox_.count();
        if (!counted)
            return counted.error(); // counted again next time
        waiting_ = *counted;
        waiting_at_change_ = store_.change_count();
    }
    return waiting_;
}

std::optional<HttpCall> SyncEngine::poll(int64_t now_ms)
{
    if (!unreadable_.empty())
        return std::nullopt;
    if (in_flight_ || new_copy_ || copy_handed_over_)
        return std::nullopt; // (with a new copy, the device is about to restart on it)
    if (sign_out_due_) {
        sign_out_due_ = false;
        phase_ = Phase::signing_out;
        in_flight_ = true;
        return HttpCall{"POST", "/api/device/sign-out", "{}", true};
    }
    if (!enrol_body_.empty()) {
        if (!online_) {
            enrol_body_.clear();
            enrolment_ = {Enrolment::State::failed, "This device is offline; connect it to enrol."};
            return std::nullopt;
        }
        phase_ = Phase::enrolling;
        in_flight_ = true;
        HttpCall call{"POST", "/api/enrol", std::move(enrol_body_), false};
        enrol_body_.clear();
        return call;
    }
    if (token_.empty() || kept_.stopped || !online_)
        return std::nullopt;
    if (phase_ == Phase::idle && failures_ == 0) {
        // New changes on this device: a round soon, not at the next period.
        Result<int64_t> now_waiting = waiting();
        if (!now_waiting) {
            fail_round(now_waiting.error().code, now_waiting.error().message, now_ms);
            return std::nullopt;
        }
        if (*now_waiting > waiting_seen_)
            next_attempt_ms_ = std::min(next_attempt_ms_, now_ms + timing_.after_change_ms);
        waiting_seen_ = *now_waiting;
    }
    if (phase_ == Phase::idle) {
        if (now_ms < next_attempt_ms_)
            return std::nullopt;
        phase_ = Phase::pushing;
        if (std::optional<HttpCall> rotate = rotation_call(now_ms)) {
            phase_ = Phase::rotating;
            in_flight_ = true;
            return rotate;
        }
    }
    // The outbox is sent first, always: a new copy replaces everything else.
    Result<HttpCall> call = next_call();
    if (!call) {
        fail_round(call.error().code, call.error().message, now_ms);
        return std::nullopt;
    }
    in_flight_ = true;
    return std::move(*call);
}

Result<HttpCall> SyncEngine::next_call()
{
    if (phase_ == Phase::pushing) {
        Result<int64_t> left = waiting();
        if (!left)
            return left.error();
        if (*left == 0)
            phase_ = copy_due_ ? Phase::copying : Phase::pulling;
    }
    if (phase_ == Phase::copying)
        return HttpCall{"GET", "/api/snapshot", "", true, true};
    return phase_ == Phase::pushing ? push_call() : pull_call();
}

Result<HttpCall> SyncEngine::push_call()
{
    PushRequest request;
    request.schema_version = current_schema_version();
    Result<std::vector<OutboxChange>> pending = outbox_.pending(timing_.push_batch, timing_.push_batch_bytes);
    if (!pending)
        return pending.error();
    request.changes = std::move(*pending);
    return HttpCall{"POST", "/api/sync/push", to_json(request).dump(), true};
}

Result<HttpCall> SyncEngine::pull_call()
{
    Result<int64_t> cursor = pull_cursor(store_);
    if (!cursor)
        return cursor.error();
    return HttpCall{"GET",
                    "/api/sync/pull?since=" + std::to_string(*cursor) + "&limit=" + std::to_string(timing_.pull_page) +
                        "&schema_version=" + std::to_string(current_schema_version()),
                    "", true};
}

std::optional<HttpCall> SyncEngine::rotation_call(int64_t now_ms)
{
    if (timing_.rotate_token_ms <= 0)
        return std::nullopt;
    if (token_since_ms_ == 0) {
        // A token from before rotations were counted: its age starts now.
        token_since_ms_ = now_ms;
        (void)store_.unobserved(
            [&] { return write_meta(store_, "sync_token_since_ms", std::to_string(token_since_ms_)); });
        return std::nullopt;
    }
    if (now_ms - token_since_ms_ < timing_.rotate_token_ms)
        return std::nullopt;
    return HttpCall{"POST", "/api/token/rotate", "{}", true};
}

Result<void> SyncEngine::keep_token(const std::string& token, int64_t now_ms)
{
    Result<void> saved = store_.unobserved([&] {
        return store_.transaction([&]() -> Result<void> {
            if (Result<void> r = write_meta(store_, "sync_token", token); !r)
                return r;
            return write_meta(store_, "sync_token_since_ms", std::to_string(now_ms));
        });
    });
    if (!saved)
        return saved;
    token_ = token;
    token_since_ms_ = now_ms;
    return {};
}

Result<void> SyncEngine::on_rotate_response(int status, std::string_view body, int64_t now_ms)
{
    if (status == 404) {
        // A server that does not rotate tokens yet: ask again a period later.
        token_since_ms_ = now_ms;
        return {};
    }
    if (status != 200) {
        auto [code, message] = error_of(status, body);
        return fail(code, message);
    }
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (!j.is_object() || !j.contains("token") || !j["token"].is_string() || j["token"].get<std::string>().empty())
        return fail("sync.bad_message", "The server's answer is not readable.");
    // Kept before it is used: until its first use the server still takes
    // the old one, so a device that fails here loses nothing.
    return keep_token(j["token"].get<std::string>(), now_ms);
}

void SyncEngine::on_response(int status, std::string_view body, int64_t now_ms)
{
    in_flight_ = false;
    if (phase_ == Phase::signing_out) {
        // Whatever the server said: the person asked for the data to go.
        phase_ = Phase::idle;
        return erase(kSignedOutReason);
    }
    if (phase_ == Phase::rotating) {
        phase_ = Phase::pushing; // the round goes on with the new token
        if (Result<void> r = on_rotate_response(status, body, now_ms); !r) {
            if (status == 401)
                kept_.stopped = true;
            fail_round(r.error().code, r.error().message, now_ms);
        }
        return;
    }
    if (phase_ == Phase::enrolling) {
        phase_ = Phase::idle;
        Result<void> enrolled = on_enrol_response(status, body, now_ms);
        enrolment_ = enrolled ? Enrolment{Enrolment::State::done, ""}
                              : Enrolment{Enrolment::State::failed, enrolled.error().message};
        next_attempt_ms_ = now_ms; // a first round at once
        return;
    }
    if (status != 200) {
        auto [code, message] = error_of(status, body);
        // The token was revoked or never valid, or the server cannot trust
        // this device's numbering (a copy of another device's data):
        // retrying cannot help; a person must enrol the device again.
        if (status == 401 || code == "sync.sequence_reused")
            kept_.stopped = true;
        fail_round(code, message, now_ms);
        // A revoked device keeps nothing of the association's data.
        if (code == "auth.revoked")
            erase(kRevokedReason);
        return;
    }
    if (phase_ == Phase::copying)
        return on_copy(body, now_ms);
    if (phase_ == Phase::pushing) {
        Result<PushResponse> answer = parse_push_response(body);
        if (!answer)
            return fail_round(answer.error().code, answer.error().message, now_ms);
        Result<int64_t> before = waiting();
        if (!before)
            return fail_round(before.error().code, before.error().message, now_ms);
        // What was refused is kept for a person before the outbox lets it go.
        Result<void> taken = store_.transaction([&]() -> Result<void> {
            if (Result<void> r = record_refusals(store_, answer->refused, iso_from_unix_ms(now_ms)); !r)
                return r;
            return outbox_.acknowledge(answer->last_seq);
        });
        if (!taken)
            return fail_round(taken.error().code, taken.error().message, now_ms);
        if (!answer->refused.empty())
            count_refusals();
        Result<int64_t> after = waiting();
        if (!after)
            return fail_round(after.error().code, after.error().message, now_ms);
        if (*before > 0 && *after == *before)
            return fail_round("sync.no_progress", "The server did not take this device's changes.", now_ms);
        if (compact_after_push_ && *after == 0) {
            compact_after_push_ = false;
            compaction_due_ = true;
        }
        // More to push comes next; the pull starts once the outbox is empty.
        return;
    }
    Result<PullResponse> page = parse_pull_response(body);
    if (!page)
        return fail_round(page.error().code, page.error().message, now_ms);
    if (!page->role.empty()) {
        // The role may have changed since the last contact: from now on the
        // server sends what the new one reads, and the copy this device
        // holds must hold that too. The page is not applied: the new copy
        // supersedes it.
        Result<bool> replace = note_role(page->role);
        if (!replace)
            return fail_round(replace.error().code, replace.error().message, now_ms);
        if (*replace) {
            copy_due_ = true;
            phase_ = Phase::idle;
            next_attempt_ms_ = now_ms;
            return;
        }
    }
    if (Result<void> r = apply_pull(store_, outbox_, *page, now_ms); !r)
        return fail_round(r.error().code, r.error().message, now_ms);
    Result<bool> erased = apply_pulled_erasures(store_);
    if (!erased)
        return fail_round(erased.error().code, erased.error().message, now_ms);
    compaction_due_ = compaction_due_ || *erased;
    if (page->more)
        return;
    // A correction pulled from another device may have made a receipt of
    // this one untrue: it is cancelled and reissued here, as this device's
    // own change, sent at the next round. Collections past the bank's
    // return deadline become gifts (the same gifts on every office device).
    // The office's devices only: the server takes neither from a volunteer
    // or a fundraiser.
    if (const std::optional<Role> role = parse_role(kept_.operator_role); !role || is_office(*role)) {
        if (Result<ReceiptFollowUp> r = follow_corrections(store_, ReceiptNumbering::server, kept_.operator_login); !r)
            return fail_round(r.error().code, r.error().message, now_ms);
        if (Result<int> r = settle_collections(store_, CollectionAuthority::server, kept_.operator_login); !r)
            return fail_round(r.error().code, r.error().message, now_ms);
    }
    finish_round(now_ms);
}

Result<bool> SyncEngine::note_role(const std::string& role)
{
    if (role != kept_.operator_role) {
        if (Result<void> r = store_.unobserved([&] { return write_meta(store_, "sync_operator_role", role); }); !r)
            return r.error();
        kept_.operator_role = role;
    }
    return copy_needs_replacing(store_, role);
}

void SyncEngine::on_copy(std::string_view body, int64_t now_ms)
{
    phase_ = Phase::idle;
    // Never adopted over changes not sent, nor when they could not be counted.
    Result<int64_t> left = waiting();
    if (!left)
        return fail_round(left.error().code, left.error().message, now_ms);
    if (*left > 0) {
        // Typed while the copy was on its way: sent first, then a new copy.
        next_attempt_ms_ = now_ms;
        return;
    }
    Result<std::vector<uint8_t>> image = adopt_server_copy(store_, std::vector<uint8_t>(body.begin(), body.end()));
    if (!image)
        return fail_round(image.error().code, image.error().message, now_ms);
    copy_due_ = false;
    new_copy_ = std::move(*image);
}

void SyncEngine::erase(const std::string& why)
{
    Result<std::vector<uint8_t>> empty = erased_copy(why);
    if (!empty) {
        kept_.last_error = empty.error().message;
        return;
    }
    new_copy_ = std::move(*empty);
    erasing_because_ = why;
    token_.clear();
    kept_.stopped = true;
}

void SyncEngine::sign_out_and_erase()
{
    if (online_ && !token_.empty() && !in_flight_)
        sign_out_due_ = true;
    else
        erase(kSignedOutReason);
}

void SyncEngine::note_local_erasure()
{
    if (token_.empty())
        compaction_due_ = true;
    else
        compact_after_push_ = true;
}

bool SyncEngine::take_compaction()
{
    return std::exchange(compaction_due_, false);
}

std::optional<std::vector<uint8_t>> SyncEngine::take_new_copy()
{
    std::optional<std::vector<uint8_t>> copy = std::move(new_copy_);
    new_copy_.reset();
    copy_handed_over_ = copy_handed_over_ || copy.has_value();
    return copy;
}

void SyncEngine::on_failure(const std::string& message, int64_t now_ms)
{
    in_flight_ = false;
    if (phase_ == Phase::signing_out) {
        phase_ = Phase::idle;
        return erase(kSignedOutReason);
    }
    if (phase_ == Phase::enrolling) {
        phase_ = Phase::idle;
        enrolment_ = {Enrolment::State::failed, "The server could not be reached."};
        return;
    }
    std::fprintf(stderr, "obole: sync: %s\n", message.c_str()); // the details, for support
    fail_round("network", "The server could not be reached.", now_ms);
}

void SyncEngine::finish_round(int64_t now_ms)
{
    phase_ = Phase::idle;
    failures_ = 0;
    kept_.last_error.clear();
    kept_.last_error_code.clear();
    kept_.last_success_ms = now_ms;
    next_attempt_ms_ = now_ms + timing_.periodic_ms;
    (void)store_.unobserved([&] { return write_meta(store_, "sync_last_success_ms", std::to_string(now_ms)); });
}

void SyncEngine::fail_round(const std::string& code, const std::string& message, int64_t now_ms)
{
    phase_ = Phase::idle;
    kept_.last_error_code = code;
    kept_.last_error = message;
    ++failures_;
    const int64_t delay = std::min(timing_.max_retry_ms, timing_.first_retry_ms << std::min(failures_ - 1, 20));
    // "Equal jitter": half the delay fixed, half random.
    std::uniform_int_distribution<int64_t> half(0, delay / 2);
    next_attempt_ms_ = now_ms + delay / 2 + half(jitter_);
}

void SyncEngine::set_online(bool online, int64_t now_ms)
{
    if (online && !online_)
        next_attempt_ms_ = now_ms; // the network is back: try now
    online_ = online;
}

void SyncEngine::sync_now(int64_t now_ms)
{
    next_attempt_ms_ = now_ms;
    kept_.stopped = false;
}

void SyncEngine::request_enrolment(const std::string& code, const std::string& login, const std::string& password,
                                   const std::string& device_name)
{
    if (!unreadable_.empty()) {
        enrolment_ = {Enrolment::State::failed, kept_.last_error};
        return;
    }
    enrol_body_ = json{{"code", code}, {"login", login}, {"password", password}, {"device_name", device_name}}.dump();
    enrolment_ = {Enrolment::State::waiting, ""};
}

Result<void> SyncEngine::leave()
{
    Result<void> r = store_.transaction([&]() -> Result<void> {
        for (const char* key :
             {"sync_token", "sync_token_since_ms", "sync_operator", "sync_operator_name", "sync_operator_role"})
            if (Result<void> w = write_meta(store_, key, ""); !w)
                return w;
        return {};
    });
    if (r) {
        token_.clear();
        token_since_ms_ = 0;
        kept_.operator_login.clear();
        kept_.operator_name.clear();
        kept_.operator_role.clear();
        enrolment_ = {};
    }
    return r;
}

Result<void> SyncEngine::on_enrol_response(int status, std::string_view body, int64_t now_ms)
{
    if (status != 200) {
        auto [code, message] = error_of(status, body);
        return fail(code, message);
    }
    json j = json::parse(body.begin(), body.end(), nullptr, false);
    if (!j.is_object() || !j.contains("token") || !j["token"].is_string() || !j.contains("device_id") ||
        !j["device_id"].is_string())
        return fail("sync.bad_message", "The server's answer to the enrolment is not readable.");
    auto operator_text = [&j](const char* key) {
        const json& op = j.contains("operator") ? j["operator"] : json();
        return op.is_object() && op.contains(key) && op[key].is_string() ? op[key].get<std::string>() : "";
    };
    const std::string login = operator_text("login"), name = operator_text("name"), role = operator_text("role");
    const std::string token = j["token"].get<std::string>();
    const std::string since = std::to_string(now_ms), none;
    Result<void> saved = store_.transaction([&]() -> Result<void> {
        if (Result<void> r = outbox_.become_device(j["device_id"].get<std::string>()); !r)
            return r;
        // What was entered here before enrolment goes out under this
        // operator's token, and is theirs: each member's journal says so.
        Journal journal(store_);
        // Not for a person erased here: nothing more is recorded about them
        // (the server would refuse it).
        Result<std::vector<std::string>> waiting = outbox_.members_waiting();
        if (!waiting)
            return waiting.error();
        for (const std::string& member : *waiting) {
            Result<bool> erased = is_erased(store_, member);
            if (!erased)
                return erased.error();
            if (*erased)
                continue;
            if (Result<void> r = journal.append(member, "sync.attributed", login, login); !r)
                return r;
        }
        for (const auto& [key, value] : {std::pair<const char*, const std::string&>{"sync_token", token},
                                         {"sync_token_since_ms", since},
                                         {"sync_operator", login},
                                         {"sync_operator_name", name},
                                         {"sync_operator_role", role},
                                         {kErasedReasonKey, none}})
            if (Result<void> r = write_meta(store_, key, value); !r)
                return r;
        return {};
    });
    if (!saved)
        return saved;
    token_ = token;
    token_since_ms_ = now_ms;
    kept_.operator_login = login;
    kept_.operator_name = name;
    kept_.operator_role = role;
    kept_.stopped = false;
    failures_ = 0;
    next_attempt_ms_ = 0;
    return {};
}

SyncStatus SyncEngine::status()
{
    SyncStatus s = kept_;
    s.enrolled = !token_.empty();
    s.online = online_;
    s.busy = phase_ == Phase::pushing || phase_ == Phase::pulling || phase_ == Phase::copying;
    s.replacing_copy = replacing_copy();
    s.erasing_because = erasing_because_;
    if (Result<int64_t> counted = waiting())
        s.waiting = *counted;
    else
        s.waiting_error = counted.error().message;
    s.next_attempt_ms = next_attempt_ms_;
    return s;
}

} // namespace obole::sync
