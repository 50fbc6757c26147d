#include "ui/event/session_opener.h"

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/money/gift_batch_repository.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void SessionOpener::reload(AppState& app)
{
    fresh_.mark(app, "");
    read_.clear();
    read_.take(open_, GiftBatchRepository(*app.store).open_batches(app.operator_name));
    read_.take(recent_, GiftBatchRepository(*app.store).recent(20));
    read_.take(events_, EventRepository(*app.store).list_all());
    read_.take(campaigns_, CampaignRepository(*app.store).list_all());
    // The event of the day (or the next one) is the likely choice.
    if (event_id_.empty()) {
        const std::string today = today_local_iso();
        for (const Event& e : events_)
            if (e.event_date >= today)
                event_id_ = e.id; // newest first: ends on the soonest ahead
    }
}

std::string SessionOpener::draw(AppState& app)
{
    if (fresh_.stale(app, ""))
        reload(app);
    read_.draw();
    std::string chosen;
    if (!open_.empty()) {
        ImGui::SeparatorText(tr("Your open sessions"));
        for (const GiftBatch& b : open_) {
            ImGui::PushID(b.id.c_str());
            if (ImGui::Button((std::string(tr("Resume")) + ": " + b.name).c_str()))
                chosen = b.id;
            ImGui::SameLine();
            ImGui::TextDisabled("%s", b.opened_at.substr(0, 16).c_str());
            ImGui::PopID();
        }
    }
    ImGui::SeparatorText(tr("Open an event session"));
    ImGui::TextWrapped("%s", tr("Everything entered in the session is tied to its event, its campaign and to you. "
                                "Gifts wait in the session's batch until you close the cash box."));
    if (begin_form("session_form")) {
        form_label(tr("Event"), 16);
        std::string current = tr("(no event)");
        for (const Event& e : events_)
            if (e.id == event_id_)
                current = e.name + " · " + e.event_date;
        if (begin_combo(hidden_label(tr("Event")).c_str(), current.c_str())) {
            if (ImGui::Selectable(tr("(no event)"), event_id_.empty()))
                event_id_.clear();
            for (const Event& e : events_)
                if (ImGui::Selectable((e.name + " · " + e.event_date + "##" + e.id).c_str(), e.id == event_id_))
                    event_id_ = e.id;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("New event…"))) {
            creating_event_ = !creating_event_;
            if (new_event_date_.empty())
                new_event_date_ = today_local_iso();
        }
        error_.show_if("event");
        form_label(tr("Campaign"), 16);
        current = tr("(none)");
        for (const Campaign& c : campaigns_)
            if (c.id == campaign_id_)
                current = c.code + " — " + c.name;
        if (begin_combo(hidden_label(tr("Campaign")).c_str(), current.c_str())) {
            if (ImGui::Selectable(tr("(none)"), campaign_id_.empty()))
                campaign_id_.clear();
            for (const Campaign& c : campaigns_)
                if (ImGui::Selectable((c.code + " — " + c.name + "##" + c.id).c_str(), c.id == campaign_id_))
                    campaign_id_ = c.id;
            ImGui::EndCombo();
        }
        error_.show_if("campaign");
        bool enter = form_text(tr("Session name"), &name_, tr("e.g. Gala — stand 1"), 16);
        error_.show_if("name");
        if (form_button(tr("Open session")) || enter)
            chosen = open(app);
        end_form();
    }
    if (creating_event_)
        draw_new_event(app);
    if (!error_.message.empty() && error_.field.empty())
        form_error(tr(error_.message));
    if (!recent_.empty()) {
        ImGui::SeparatorText(tr("Recent batches"));
        for (const GiftBatch& b : recent_) {
            ImGui::PushID(b.id.c_str());
            std::string label = b.name + "  ·  " + b.operator_name + "  ·  " + b.opened_at.substr(0, 10) + "  ·  " +
                                (b.closed ? tr("closed") : tr("open"));
            if (!b.mismatch_note.empty())
                label += std::string("  ·  ") + tr("closed despite a difference");
            if (touch_row(label.c_str()))
                chosen = b.id;
            ImGui::PopID();
        }
    }
    return chosen;
}

void SessionOpener::draw_new_event(AppState& app)
{
    ImGui::SeparatorText(tr("New event"));
    if (!begin_form("new_event"))
        return;
    bool enter = form_text(tr("Name"), &new_event_name_, "", 16);
    enter |= form_text(tr("Date"), &new_event_date_, tr("YYYY-MM-DD or DD/MM/YYYY"), 10);
    enter |= form_text(tr("Place"), &new_event_place_, "", 16);
    if (form_button(tr("Create event")) || enter) {
        auto id =
            EventRepository(*app.store).create(new_event_name_, new_event_date_, new_event_place_, app.operator_name);
        if (!id) {
            error_ = {"", id.error().message};
        } else {
            event_id_ = id.value();
            creating_event_ = false;
            new_event_name_.clear();
            new_event_place_.clear();
            error_.clear();
        }
    }
    end_form();
}

std::string SessionOpener::open(AppState& app)
{
    NewGiftBatch b{name_, event_id_, campaign_id_};
    if (b.name.empty()) {
        // A name people recognise at the office: the event (or the day) and who kept the box.
        std::string what = today_local_iso();
        for (const Event& e : events_)
            if (e.id == event_id_)
                what = e.name;
        b.name = what + " — " + app.operator_name;
    }
    auto id = GiftBatchRepository(*app.store).open(b, app.operator_name);
    if (!id) {
        error_ = {id.error().field, id.error().message};
        return "";
    }
    error_.clear();
    name_.clear();
    return id.value();
}

} // namespace obole::ui
