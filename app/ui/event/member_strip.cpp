#include "ui/event/member_strip.h"

#include "core/calendar/date.h"
#include "core/events/event_repository.h"
#include "core/events/mobilisation_repository.h"
#include "core/members/member_repository.h"
#include "core/money/money.h"
#include "core/store/store.h"
#include "core/text/person_name.h"
#include "ui/accessible.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>

namespace obole::ui {

namespace {

const char* membership_words(MembershipState s)
{
    switch (s) {
    case MembershipState::active: return tr("Member");
    case MembershipState::due_for_renewal: return tr("Membership due for renewal");
    case MembershipState::expired: return tr("Membership expired");
    case MembershipState::cancelled: return tr("Membership cancelled");
    }
    return "";
}

// A key pressed while no text field has the keyboard.
bool shortcut(ImGuiKey key)
{
    return !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(key, false);
}

} // namespace

void MemberStrip::reload(AppState& app, const EventSession& session)
{
    if (shown_id_ != session.member_id)
        message_.clear();
    shown_id_ = session.member_id;
    fresh_.mark(app, shown_id_);
    member_.reset();
    membership_.clear();
    registered_ = present_ = false;
    if (shown_id_.empty())
        return;
    if (auto m = MemberRepository(*app.store).get(shown_id_))
        member_ = m.value();
    read_.clear();
    std::vector<Membership> memberships;
    read_.take(memberships, MembershipRepository(*app.store).list_for_member(shown_id_));
    for (const Membership& m : memberships) {
        if (m.status == "cancelled")
            continue;
        membership_ = std::string(membership_words(membership_state(m, today_local_iso()))) + " · " + m.period_end;
        break;
    }
    std::optional<EventRegistration> registration;
    if (!session.batch.event_id.empty())
        read_.take(registration, EventRepository(*app.store).registration_of(shown_id_, session.batch.event_id));
    if (registration) {
        registered_ = true;
        present_ = registration->attended;
    }
}

void MemberStrip::draw(AppState& app, EventSession& session, const SessionChoices& choices)
{
    if (fresh_.stale(app, session.member_id))
        reload(app, session);
    if (!member_) {
        ImGui::TextDisabled("%s", tr("Find the person, or sign them up, to take their gift."));
        return;
    }
    const Member& m = *member_;
    ImGui::SeparatorText(tr("At the stand"));
    read_.draw();
    const std::string who = person_display_name(m.first_name, m.last_name) + "  ·  " + std::to_string(m.member_no) +
                            "  ·  " + m.address.postcode + " " + m.address.city;
    announced_text(who.c_str());
    // Always in view while entering for them: the office wrote it to be seen.
    if (!m.memo_active.empty()) {
        const std::string memo = std::string(tr("Active in entry:")) + " " + m.memo_active;
        announced_text(memo.c_str(), IM_COL32(170, 60, 0, 255));
    }
    std::string status = membership_.empty() ? tr("Not a member") : membership_;
    if (!session.batch.event_id.empty())
        status += std::string("  ·  ") + (present_      ? tr("Checked in")
                                          : registered_ ? tr("Registered, not checked in")
                                                        : tr("Not registered"));
    announced_text(status.c_str(), ImGui::GetColorU32(ImGuiCol_TextDisabled));
    draw_actions(app, session);
    draw_ask(app, session, choices);
    if (!message_.empty())
        announced_text(tr(message_), message_is_error_ ? IM_COL32(200, 40, 40, 255) : IM_COL32(25, 128, 50, 255));
}

void MemberStrip::draw_actions(AppState& app, EventSession& session)
{
    using Ask = EventSession::Ask;
    if (ImGui::Button(tr("Membership (M)")) || shortcut(ImGuiKey_M))
        session.ask = Ask::membership;
    if (!session.batch.event_id.empty() && !present_)
        if (flow_button(registered_ ? tr("Check in (C)") : tr("Walk-in (C)")) || shortcut(ImGuiKey_C))
            session.ask = Ask::check_in;
    if (flow_button(tr("Petition (P)")) || shortcut(ImGuiKey_P))
        session.ask = Ask::petition;
    if (flow_button(tr("Open dossier")))
        app.open_member(session.member_id);
    if (flow_button(tr("Next person (Esc)")) || (session.ask == Ask::none && shortcut(ImGuiKey_Escape)))
        session.next_person();
}

// The second keystroke: Enter confirms what the first one asked, Esc drops it.
void MemberStrip::draw_ask(AppState& app, EventSession& session, const SessionChoices& choices)
{
    using Ask = EventSession::Ask;
    if (session.ask == Ask::none)
        return;
    if (session.ask == Ask::check_in) {
        if (!session.batch.event_id.empty())
            check_in(app, session);
        session.ask = Ask::none;
        return;
    }
    if (session.ask == Ask::membership) {
        auto cents = parse_amount_cents(choices.fee);
        const std::string fee = cents ? format_money(cents.value(), "EUR", current_lang()) : choices.fee;
        const std::string ask = std::string(tr("Membership at")) + " " + fee + " " + tr("paid in cash") + " — " +
                                tr("Enter to confirm, Esc to cancel");
        announced_text(ask.c_str(), IM_COL32(30, 90, 170, 255));
    } else {
        if (choices.petition.empty() || choices.consent.empty()) {
            message_ = "Set the petition and its consent wording in the Session tab first.";
            message_is_error_ = true;
            session.ask = Ask::none;
            return;
        }
        announced_text((std::string(tr("Petition:")) + " " + choices.petition).c_str(), IM_COL32(30, 90, 170, 255));
        announced_text(choices.consent.c_str());
        announced_text(tr("Read the wording to the signer. Enter when they agree, Esc to cancel."),
                       IM_COL32(30, 90, 170, 255));
    }
    bool confirm = ImGui::Button(tr("Confirm (Enter)")) || shortcut(ImGuiKey_Enter) || shortcut(ImGuiKey_KeypadEnter) ||
                   session.confirm;
    session.confirm = false;
    if (flow_button(tr("Cancel (Esc)")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        session.ask = Ask::none;
        return;
    }
    if (!confirm)
        return;
    if (session.ask == Ask::membership)
        join_or_renew(app, choices);
    else
        sign_petition(app, session, choices);
    session.ask = Ask::none;
}

void MemberStrip::join_or_renew(AppState& app, const SessionChoices& choices)
{
    auto id =
        MembershipRepository(*app.store).join_or_renew(shown_id_, choices.fee, PaymentMethod::cash, app.operator_name);
    message_is_error_ = !id;
    message_ = id ? "Membership recorded." : id.error().message;
    if (id)
        app.notice = tr("Membership recorded.");
}

void MemberStrip::check_in(AppState& app, const EventSession& session)
{
    EventRepository events(*app.store);
    Result<void> done;
    // Not knowing whether they registered is no reason to sign them in twice.
    if (auto r = events.registration_of(shown_id_, session.batch.event_id); !r)
        done = r.error();
    else if (*r)
        done = events.mark_attended((*r)->id, app.operator_name);
    else if (auto walk_in = events.add_walk_in(shown_id_, session.batch.event_id, 0, app.operator_name); !walk_in)
        done = walk_in.error();
    message_is_error_ = !done;
    message_ = done ? "Checked in." : done.error().message;
}

void MemberStrip::sign_petition(AppState& app, const EventSession& session, const SessionChoices& choices)
{
    NewMobilisation m;
    m.member_id = shown_id_;
    m.petition = choices.petition;
    m.channel = "event";
    m.campaign_id = session.batch.campaign_id;
    m.consent_text = choices.consent;
    m.consent_required = true;
    auto id = MobilisationRepository(*app.store).add(m, app.operator_name);
    message_is_error_ = !id;
    message_ = id ? "Signature recorded." : id.error().message;
}

} // namespace obole::ui
