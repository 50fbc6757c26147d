#include "ui/sync_screen.h"

#include "ui/operator_role.h"

#include "client/device_copy.h"
#include "client/sync_engine.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>
#include <ctime>

namespace obole::ui {

static const ImU32 kErrorColour = IM_COL32(200, 30, 30, 255);
static const ImU32 kOkColour = IM_COL32(25, 128, 50, 255);
static const ImU32 kQuietColour = IM_COL32(110, 110, 110, 255);

bool AppState::enrolled() const
{
    return sync && !sync->token().empty();
}

std::string local_time(int64_t unix_ms, bool full)
{
    const std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, full ? "%Y-%m-%d %H:%M:%S" : "%H:%M", &tm);
    return out;
}

bool may_merge(AppState& app)
{
    // The server refuses a volunteer's merge, which would then block the
    // changes behind it.
    return !has_limited_role(app);
}

static std::string waiting_text(const sync::SyncStatus& s)
{
    if (!s.waiting_error.empty())
        return tr("Changes waiting: could not be counted");
    const int64_t waiting = s.waiting;
    if (waiting == 0)
        return tr("No change waiting");
    if (waiting == 1)
        return tr("1 change waiting");
    char line[96];
    std::snprintf(line, sizeof line, tr("%lld changes waiting"), static_cast<long long>(waiting));
    return line;
}

void draw_sync_status(AppState& app)
{
    if (!app.sync) {
        if (app.sync_error.empty())
            return;
        ImGui::SameLine();
        std::string msg = std::string(tr("Sync is off:")) + " " + tr(app.sync_error);
        announced_text_fit(msg.c_str(), ImGui::GetContentRegionAvail().x * 0.45f, kErrorColour);
        return;
    }
    const sync::SyncStatus s = app.sync->status();
    ImGui::SameLine();
    if (!s.enrolled) {
        announced_text(tr("Not enrolled"), kQuietColour);
        if (s.waiting > 0 || !s.waiting_error.empty()) {
            ImGui::SameLine();
            announced_text(waiting_text(s).c_str(), s.waiting_error.empty() ? kQuietColour : kErrorColour);
        }
        return;
    }
    if (s.busy) {
        announced_text(tr("Syncing…"));
        ImGui::SameLine();
    }
    announced_text(waiting_text(s).c_str(), !s.waiting_error.empty() ? kErrorColour
                                            : s.waiting > 0          ? IM_COL32(170, 90, 0, 255)
                                                                     : 0);
    ImGui::SameLine();
    if (s.last_success_ms > 0) {
        char line[96];
        std::snprintf(line, sizeof line, tr("Synced %s"), local_time(s.last_success_ms, false).c_str());
        announced_text(line, kOkColour);
    } else {
        announced_text(tr("Never synced"), kQuietColour);
    }
    // Back in reach of the network after a day outside: no need to wait for
    // the next round, nor to leave the screen.
    if (s.online && !s.busy) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Sync now")))
            app.sync->sync_now(app.host->now_ms());
    }
    // Refused changes wait for a person on the sync screen: say so everywhere.
    if (s.refused > 0) {
        ImGui::SameLine();
        char line[96];
        std::snprintf(line, sizeof line, tr("%d refused by the server"), s.refused);
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorColour);
        if (ImGui::SmallButton(line))
            app.screen = Screen::sync;
        ImGui::PopStyleColor();
    }
    // The reason may be long: cut to leave room for the rest of the line
    // (whether the work is saved on this device matters most).
    if (!s.last_error.empty()) {
        ImGui::SameLine();
        std::string msg = std::string(tr("Sync failed:")) + " " + tr(s.last_error);
        announced_text_fit(msg.c_str(), ImGui::GetContentRegionAvail().x * 0.45f, kErrorColour);
    }
}

void SyncScreen::watch(AppState& app)
{
    if (!app.sync)
        return;
    // An enrolment just done: the journal's entries carry the operator's login.
    const bool done = app.sync->enrolment().state == sync::SyncEngine::Enrolment::State::done;
    if (done && !enrolment_seen_done_) {
        const std::string login = app.sync->status().operator_login;
        if (!login.empty()) {
            app.operator_name = login;
            app.host->set_setting("operator", login);
        }
    }
    enrolment_seen_done_ = done;
}

void SyncScreen::draw(AppState& app)
{
    ImGui::SeparatorText(tr("Sync with the server"));
    if (!app.sync) {
        std::string msg = std::string(tr("Sync is off:")) + " " + tr(app.sync_error);
        announced_text(msg.c_str(), kErrorColour);
        return;
    }
    if (app.enrolled())
        draw_state(app);
    else
        draw_enrolment(app);
    refusals_.draw(app);
    draw_duplicates_link(app);
}

// One row of a two-column form: the label, then the field named after it.
static bool form_row(const char* label, std::string* value, ImGuiInputTextFlags flags = 0)
{
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    return ImGui::InputText(hidden_label(label).c_str(), value, flags | ImGuiInputTextFlags_EnterReturnsTrue);
}

void SyncScreen::draw_enrolment(AppState& app)
{
    if (!device_name_set_) {
        device_name_ = app.host->device_description();
        device_name_set_ = true;
    }
    // Why this device was erased, if it was (it changes only with a restart).
    if (!erased_) {
        // Unread, it is no reason: the screen goes on without it.
        Result<std::string> why = sync::erased_reason(*app.store);
        erased_ = why ? *why : std::string();
        if (!why)
            std::fprintf(stderr, "obole: why this device was erased could not be read: %s\n",
                         why.error().message.c_str());
    }
    if (!erased_->empty())
        announced_text(tr(*erased_), kErrorColour);
    announced_text(tr("This device is not enrolled: what is entered here stays on it. To share it with the "
                      "association, ask an administrator for an enrol code and sign in with your operator login."));
    const auto& enrolment = app.sync->enrolment();
    using State = sync::SyncEngine::Enrolment::State;
    const bool waiting = enrolment.state == State::waiting;
    bool submit = false;
    ImGui::BeginDisabled(waiting);
    if (ImGui::BeginTable("enrol_form", 2, ImGuiTableFlags_SizingFixedFit)) {
        submit |= form_row(tr("Enrol code"), &code_, ImGuiInputTextFlags_CharsUppercase);
        submit |= form_row(tr("Operator login"), &login_);
        submit |= form_row(tr("Password"), &password_, ImGuiInputTextFlags_Password);
        submit |= form_row(tr("Device name"), &device_name_);
        ImGui::EndTable();
    }
    const bool online = app.host->online();
    ImGui::BeginDisabled(!online);
    submit |= ImGui::Button(tr("Enrol this device"));
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (!online)
        announced_text(tr("This device is offline: connect it to enrol."), kQuietColour);

    if (submit && !waiting && online) {
        if (code_.empty() || login_.empty() || password_.empty()) {
            enrol_form_error_ = tr("Enter the enrol code, your login and your password.");
        } else {
            enrol_form_error_.clear();
            app.sync->request_enrolment(code_, login_, password_, device_name_);
            password_.clear(); // the engine holds it until the request is sent
        }
    }
    if (!enrol_form_error_.empty())
        form_error(enrol_form_error_.c_str());
    switch (enrolment.state) {
    case State::none: break;
    case State::waiting: announced_text(tr("Enrolling this device…")); break;
    case State::done: announced_text(tr("This device is enrolled."), kOkColour); break;
    case State::failed: {
        std::string msg = std::string(tr("Enrolment failed:")) + " " + tr(enrolment.error);
        form_error(msg.c_str());
        break;
    }
    }
}

void SyncScreen::draw_state(AppState& app)
{
    const sync::SyncStatus s = app.sync->status();
    const int64_t now = app.host->now_ms();
    auto row = [](const char* label, const std::string& value, ImU32 colour = 0) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(label);
        ImGui::TableNextColumn();
        announced_text(value.c_str(), colour);
    };
    if (app.sync->enrolment().state == sync::SyncEngine::Enrolment::State::done)
        announced_text(tr("This device is enrolled."), kOkColour);
    char line[256];
    std::snprintf(line, sizeof line, tr("Enrolled as %s."), s.operator_login.c_str());
    announced_text(line);
    if (ImGui::BeginTable("sync_state", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed); // fits the longest label
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        row(tr("Connection"), s.online ? tr("Online") : tr("Offline"),
            s.online ? kOkColour : IM_COL32(180, 90, 0, 255));
        row(tr("Waiting to be sent"), waiting_text(s), s.waiting_error.empty() ? 0 : kErrorColour);
        row(tr("Last sync"), s.last_success_ms > 0 ? local_time(s.last_success_ms, true) : std::string(tr("Never")));
        if (s.busy)
            row(tr("Now"), tr("Syncing…"));
        if (s.refused > 0) {
            if (s.refused == 1)
                std::snprintf(line, sizeof line, "%s", tr("1 change (listed below)"));
            else
                std::snprintf(line, sizeof line, tr("%d changes (listed below)"), s.refused);
            row(tr("Refused by the server"), line, kErrorColour);
        }
        if (!s.last_error.empty()) {
            row(tr("Last error"), tr(s.last_error), kErrorColour);
            if (!s.stopped && s.next_attempt_ms > now && s.online) {
                std::snprintf(line, sizeof line, tr("in %lld s"),
                              static_cast<long long>((s.next_attempt_ms - now + 999) / 1000));
                row(tr("Next attempt"), line);
            }
        }
        ImGui::EndTable();
    }

    ImGui::BeginDisabled(!s.online);
    if (ImGui::Button(tr("Sync now")))
        app.sync->sync_now(now);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("Leave this server…"))) {
        leave_error_.clear();
        ImGui::OpenPopup(tr("Leave the server?"));
    }
    if (!s.online)
        announced_text(tr("This device is offline: its changes wait here and are sent when it is back online."),
                       kQuietColour);
    // A revoked or unknown token: no retry can help, a new enrolment can.
    if (s.stopped)
        announced_text(tr("The server no longer accepts this device: leave this server, then enrol the device again "
                          "with a new code."),
                       kErrorColour);
    draw_leave_confirm(app);
    if (!leave_error_.empty())
        form_error(leave_error_.c_str());
}

void SyncScreen::draw_leave_confirm(AppState& app)
{
    if (!ImGui::BeginPopupModal(tr("Leave the server?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    announced_text(tr("This device stops syncing and forgets its access to the server. Its data stays on it. "
                      "To sync again, enrol it with a new code."));
    const int64_t waiting = app.sync->status().waiting;
    if (waiting > 0) {
        char line[256];
        std::snprintf(line, sizeof line,
                      tr("%lld changes made here have not reached the server yet: they wait on this "
                         "device until it is enrolled again."),
                      static_cast<long long>(waiting));
        announced_text(line, IM_COL32(170, 90, 0, 255));
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr("Leave"))) {
        auto left = app.sync->leave();
        if (!left)
            leave_error_ = tr(left.error().message);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel")))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void SyncScreen::draw_duplicates_link(AppState& app)
{
    const int64_t pairs = duplicates_.get(app);
    ImGui::SeparatorText(tr("Possible duplicates"));
    if (duplicates_.failure().failed()) {
        duplicates_.failure().draw();
        return;
    }
    if (pairs == 0) {
        ImGui::TextDisabled("%s", tr("No pair of members to review."));
        return;
    }
    char line[160];
    if (pairs == 1)
        std::snprintf(line, sizeof line, "%s", tr("1 pair of members may be one person."));
    else
        std::snprintf(line, sizeof line, tr("%lld pairs of members may be one person."), static_cast<long long>(pairs));
    announced_text(line);
    if (ImGui::Button(tr("Review possible duplicates")))
        app.screen = Screen::duplicates;
}

} // namespace obole::ui
