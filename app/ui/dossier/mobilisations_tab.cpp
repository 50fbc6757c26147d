#include "ui/dossier/mobilisations_tab.h"

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "ui/accessible.h"
#include "ui/dossier/form_row.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

static const char* channel_label(const std::string& channel)
{
    if (channel == "web")
        return tr("Online");
    if (channel == "paper")
        return tr("Paper");
    if (channel == "event")
        return tr("At an event");
    if (channel == "street")
        return tr("In the street");
    return "";
}

void MobilisationsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            petition_.clear();
            date_ = today_iso();
            channel_ = "web";
            campaign_id_.clear();
            error_.clear();
        }
        read_.clear();
        read_.take(rows_, MobilisationRepository(*app.store).list_for_member(member.id));
        read_.take(campaigns_, CampaignRepository(*app.store).list_all());
        fresh_.mark(app, member.id);
    }
    read_.draw();
    if (member.merged_into_id.empty())
        draw_form(app, member);
    draw_list();
}

void MobilisationsTab::draw_form(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("New signature"));
    const float w = ImGui::GetFontSize() * 10;
    bool submit = false;
    if (!begin_form("mobilisation_form"))
        return;
    form_row(tr("Petition"));
    ImGui::SetNextItemWidth(w * 3);
    submit |= ImGui::InputText(hidden_label(tr("Petition")).c_str(), &petition_, ImGuiInputTextFlags_EnterReturnsTrue);
    field_error("petition", error_field_, error_);
    form_row(tr("Date"));
    ImGui::SetNextItemWidth(w);
    submit |= ImGui::InputTextWithHint(hidden_label(tr("Signature date")).c_str(), tr("YYYY-MM-DD or DD/MM/YYYY"),
                                       &date_, ImGuiInputTextFlags_EnterReturnsTrue);
    field_error("date", error_field_, error_);
    form_row(tr("Channel"));
    ImGui::SetNextItemWidth(w);
    if (begin_combo(hidden_label(tr("Channel")).c_str(), channel_label(channel_))) {
        for (const std::string& c : mobilisation_channels())
            if (ImGui::Selectable(channel_label(c), c == channel_))
                channel_ = c;
        ImGui::EndCombo();
    }
    field_error("channel", error_field_, error_);
    form_row(tr("Campaign"));
    std::string current = tr("(none)");
    for (const Campaign& c : campaigns_)
        if (c.id == campaign_id_)
            current = c.code + " — " + c.name;
    ImGui::SetNextItemWidth(w * 2.5f);
    if (begin_combo(hidden_label(tr("Petition campaign")).c_str(), current.c_str())) {
        if (ImGui::Selectable(tr("(none)"), campaign_id_.empty()))
            campaign_id_.clear();
        for (const Campaign& c : campaigns_) {
            const std::string label = c.code + " — " + c.name + "##" + c.id;
            if (ImGui::Selectable(label.c_str(), c.id == campaign_id_))
                campaign_id_ = c.id;
        }
        ImGui::EndCombo();
    }
    field_error("campaign", error_field_, error_);
    form_row("");
    submit |= ImGui::Button(tr("Save signature"));
    field_error("form", error_field_, error_);
    end_form();
    if (!submit)
        return;
    auto added = MobilisationRepository(*app.store)
                     .add({member.id, date_, petition_, channel_, campaign_id_, "", false}, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_field_ = f == "petition" || f == "date" || f == "channel" || f == "campaign" ? f : "form";
        error_ = added.error().message;
        return;
    }
    error_.clear();
    petition_.clear();
    app.notice = tr("Signature saved.");
}

void MobilisationsTab::draw_list()
{
    ImGui::SeparatorText(tr("Petitions signed"));
    char summary[96];
    std::snprintf(summary, sizeof summary, tr("%d petitions signed"), static_cast<int>(rows_.size()));
    announced_text(summary);
    if (rows_.empty())
        return;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("mobilisations", 4, flags))
        return;
    ImGui::TableSetupColumn(tr("Date"));
    ImGui::TableSetupColumn(tr("Petition"));
    ImGui::TableSetupColumn(tr("Channel"));
    ImGui::TableSetupColumn(tr("Campaign"));
    ImGui::TableHeadersRow();
    for (const Mobilisation& m : rows_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(m.id.c_str());
        ImGui::Selectable(hidden_label(m.signed_date + " " + m.petition).c_str(), false,
                          ImGuiSelectableFlags_SpanAllColumns);
        ImGui::PopID();
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(m.signed_date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.petition.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(channel_label(m.channel));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.campaign_code.c_str());
    }
    ImGui::EndTable();
}

} // namespace obole::ui
