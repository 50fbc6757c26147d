#include "ui/dossier/events_tab.h"

#include "core/calendar/date.h"
#include "ui/accessible.h"
#include "ui/dossier/form_row.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

void EventsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            event_id_.clear();
            guests_ = 0;
            error_.clear();
            list_error_.clear();
        }
        read_.clear();
        read_.take(rows_, EventRepository(*app.store).list_for_member(member.id));
        read_.take(events_, EventRepository(*app.store).list_all());
        fresh_.mark(app, member.id);
    }
    read_.draw();
    if (member.merged_into_id.empty())
        draw_register(app, member);
    draw_list(app);
}

static std::string event_label(const Event& e)
{
    return e.event_date + " — " + e.name + (e.place.empty() ? "" : " (" + e.place + ")");
}

void EventsTab::draw_register(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("Register to an event"));
    const float w = ImGui::GetFontSize() * 10;
    bool submit = false;
    if (!begin_form("registration_form"))
        return;
    form_row(tr("Event"));
    std::string current = tr("(choose an event)");
    for (const Event& e : events_)
        if (e.id == event_id_)
            current = event_label(e);
    ImGui::SetNextItemWidth(w * 3);
    if (begin_combo(hidden_label(tr("Event")).c_str(), current.c_str())) {
        for (const Event& e : events_) {
            const std::string label = event_label(e) + "##" + e.id;
            if (ImGui::Selectable(label.c_str(), e.id == event_id_))
                event_id_ = e.id;
        }
        ImGui::EndCombo();
    }
    field_error("event", error_field_, error_);
    form_row(tr("Guests"));
    ImGui::SetNextItemWidth(w);
    ImGui::InputInt(hidden_label(tr("Guests")).c_str(), &guests_);
    field_error("guests", error_field_, error_);
    form_row("");
    submit = ImGui::Button(tr("Register"));
    field_error("form", error_field_, error_);
    end_form();
    draw_new_event(app);
    if (!submit)
        return;
    if (event_id_.empty()) {
        error_field_ = "event";
        error_ = "Choose an event.";
        return;
    }
    auto added = EventRepository(*app.store).register_member(member.id, event_id_, guests_, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_field_ = f == "event" || f == "guests" ? f : "form";
        error_ = added.error().message;
        return;
    }
    error_.clear();
    guests_ = 0;
    app.notice = tr("Registration saved.");
}

void EventsTab::draw_new_event(AppState& app)
{
    if (!ImGui::TreeNode(tr("An event that is not in the list")))
        return;
    const float w = ImGui::GetFontSize() * 10;
    bool submit = false;
    if (begin_form("event_form")) {
        form_row(tr("Name"));
        ImGui::SetNextItemWidth(w * 2);
        submit |=
            ImGui::InputText(hidden_label(tr("Event name")).c_str(), &new_name_, ImGuiInputTextFlags_EnterReturnsTrue);
        field_error("name", new_error_field_, new_error_);
        form_row(tr("Date"));
        ImGui::SetNextItemWidth(w);
        submit |= ImGui::InputTextWithHint(hidden_label(tr("Event date")).c_str(), tr("YYYY-MM-DD or DD/MM/YYYY"),
                                           &new_date_, ImGuiInputTextFlags_EnterReturnsTrue);
        field_error("date", new_error_field_, new_error_);
        form_row(tr("Place"));
        ImGui::SetNextItemWidth(w * 2);
        submit |=
            ImGui::InputText(hidden_label(tr("Place")).c_str(), &new_place_, ImGuiInputTextFlags_EnterReturnsTrue);
        field_error("place", new_error_field_, new_error_);
        form_row("");
        submit |= ImGui::Button(tr("Create event"));
        field_error("form", new_error_field_, new_error_);
        end_form();
    }
    ImGui::TreePop();
    if (!submit)
        return;
    auto created = EventRepository(*app.store).create(new_name_, new_date_, new_place_, app.operator_name);
    if (!created) {
        const std::string& f = created.error().field;
        new_error_field_ = f == "name" || f == "date" || f == "place" ? f : "form";
        new_error_ = created.error().message;
        return;
    }
    new_error_.clear();
    event_id_ = created.value(); // ready to register
    new_name_.clear();
    new_date_.clear();
    new_place_.clear();
    app.notice = tr("Event created.");
}

void EventsTab::draw_list(AppState& app)
{
    ImGui::SeparatorText(tr("Registrations"));
    int attended = 0;
    for (const EventRegistration& r : rows_)
        attended += r.attended;
    char summary[128];
    std::snprintf(summary, sizeof summary, tr("%d events registered, %d attended"), static_cast<int>(rows_.size()),
                  attended);
    announced_text(summary);
    if (!list_error_.empty())
        form_error(tr(list_error_));
    if (rows_.empty())
        return;
    const std::string today = today_local_iso();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("registrations", 5, flags))
        return;
    ImGui::TableSetupColumn(tr("Date"));
    ImGui::TableSetupColumn(tr("Event"));
    ImGui::TableSetupColumn(tr("Registered on"));
    ImGui::TableSetupColumn(tr("Guests"));
    ImGui::TableSetupColumn(tr("Attended"));
    ImGui::TableHeadersRow();
    for (const EventRegistration& r : rows_) {
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.event_date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.event_name.empty() ? tr("(event not received yet)") : r.event_name.c_str());
        if (!r.place.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", r.place.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.registered_date.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", r.guests);
        ImGui::TableNextColumn();
        if (r.attended) {
            ImGui::TextUnformatted(tr("Yes"));
        } else if (!r.event_date.empty() && r.event_date > today) {
            ImGui::TextDisabled("%s", tr("Upcoming"));
        } else if (ImGui::SmallButton(tr("Mark attended"))) {
            auto marked = EventRepository(*app.store).mark_attended(r.id, app.operator_name);
            if (marked) {
                list_error_.clear();
                app.notice = tr("Attendance recorded.");
            } else {
                list_error_ = marked.error().message;
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace obole::ui
