// The person at the stand, always in view while their entries are typed:
// who they are, their "active in entry" memo (VIP, board member...), their
// membership and whether they are checked in; and what can be done for
// them in one or two keystrokes (EventSession::Ask): M then Enter joins or
// renews the membership, C checks them in (or adds them as a walk-in), P
// then Enter records their petition signature.
#pragma once
#include "core/members/member.h"
#include "core/money/membership_repository.h"
#include "ui/app_state.h"
#include "ui/event/event_session.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <optional>
#include <string>

namespace obole::ui {

class MemberStrip {
public:
    void draw(AppState& app, EventSession& session, const SessionChoices& choices);

private:
    void reload(AppState& app, const EventSession& session);
    void draw_actions(AppState& app, EventSession& session);
    void draw_ask(AppState& app, EventSession& session, const SessionChoices& choices);
    void join_or_renew(AppState& app, const SessionChoices& choices);
    void check_in(AppState& app, const EventSession& session);
    void sign_petition(AppState& app, const EventSession& session, const SessionChoices& choices);

    std::string shown_id_;
    Freshness fresh_;
    ReadFailure read_;
    std::optional<Member> member_;
    std::string membership_; // its state in words, "" when none
    bool registered_ = false, present_ = false;
    std::string message_;
    bool message_is_error_ = false;
};

} // namespace obole::ui
