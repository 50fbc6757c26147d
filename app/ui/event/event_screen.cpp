#include "ui/event/event_screen.h"

#include "core/money/gift_batch_repository.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void EventScreen::load(AppState& app, const std::string& batch_id)
{
    fresh_.mark(app, batch_id);
    auto batch = GiftBatchRepository(*app.store).get(batch_id);
    if (!batch) {
        session_ = EventSession{};
        return;
    }
    if (session_.batch.id != batch_id) {
        session_ = EventSession{};
        app.host->set_setting("event.session", batch_id);
    }
    session_.batch = batch.value();
}

void EventScreen::draw(AppState& app)
{
    TouchStyle touch;
    if (!choices_loaded_) {
        choices_ = {app.host->setting("event.petition"), app.host->setting("event.consent"),
                    app.host->setting("event.fee")};
        if (choices_.fee.empty())
            choices_.fee = "30";
        choices_loaded_ = true;
        // The session this device was in, when the page restarted.
        if (const std::string last = app.host->setting("event.session"); !last.empty())
            load(app, last);
    }
    if (!session_.batch.id.empty() && fresh_.stale(app, session_.batch.id))
        load(app, session_.batch.id);
    if (session_.batch.id.empty()) {
        if (const std::string id = opener_.draw(app); !id.empty())
            load(app, id);
        return;
    }
    draw_session(app);
}

void EventScreen::draw_session(AppState& app)
{
    const GiftBatch& b = session_.batch;
    std::string title = b.name;
    if (!b.event_name.empty() && b.name.find(b.event_name) == std::string::npos)
        title += "  ·  " + b.event_name;
    if (!b.campaign_code.empty())
        title += "  ·  " + b.campaign_code;
    ImGui::AlignTextToFramePadding();
    announced_text(title.c_str());
    if (flow_button(tr("Leave session"))) {
        // The session stays open (its batch too): it can be resumed from here.
        session_ = EventSession{};
        app.host->set_setting("event.session", "");
        return;
    }
    if (!ImGui::BeginTabBar("event_tabs"))
        return;
    if (ImGui::BeginTabItem(tr("Gifts"))) {
        if (!b.closed) {
            find_.draw(app, session_);
            member_.draw(app, session_, choices_);
        }
        grid_.draw(app, session_);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("Check-in"))) {
        check_in_.draw(app, session_);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("Close the cash box"))) {
        if (close_.draw(app, session_, grid_.totals(app, session_)))
            load(app, b.id);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr("Session"))) {
        draw_choices(app);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

// What the stand offers, kept on this device for the next session.
void EventScreen::draw_choices(AppState& app)
{
    bool changed = false;
    ImGui::TextUnformatted(tr("Membership fee"));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    changed |= ImGui::InputText(hidden_label(tr("Membership fee")).c_str(), &choices_.fee);
    ImGui::TextUnformatted(tr("Petition"));
    ImGui::SetNextItemWidth(field_width());
    changed |= ImGui::InputText(hidden_label(tr("Petition")).c_str(), &choices_.petition);
    ImGui::TextUnformatted(tr("Consent wording shown to signers"));
    changed |= ImGui::InputTextMultiline(hidden_label(tr("Consent wording shown to signers")).c_str(),
                                         &choices_.consent, ImVec2(field_width(), ImGui::GetTextLineHeight() * 5));
    if (changed) {
        app.host->set_setting("event.fee", choices_.fee);
        app.host->set_setting("event.petition", choices_.petition);
        app.host->set_setting("event.consent", choices_.consent);
    }
}

} // namespace obole::ui
