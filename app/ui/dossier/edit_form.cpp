#include "ui/dossier/edit_form.h"

#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

bool EditForm::begin(const char* id)
{
    shown_ = false;
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit))
        return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void EditForm::end()
{
    // An error about no field of this form shows at its end.
    if (!message_.empty() && !shown_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        form_error(tr(message_));
    }
    ImGui::EndTable();
}

void EditForm::row(const char* label)
{
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
}

void EditForm::error_for(const char* field)
{
    if (message_.empty() || field_ != field)
        return;
    // The person is correcting the field the error is about: it goes (the
    // next save checks again).
    if (ImGui::IsItemEdited()) {
        clear_error();
        return;
    }
    form_error(tr(message_));
    shown_ = true;
}

bool EditForm::text(const char* label, const char* field, std::string* value, const char* hint)
{
    row(label);
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool enter = ImGui::InputTextWithHint(hidden_label(label).c_str(), hint ? hint : "", value,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    error_for(field);
    return enter;
}

bool EditForm::multiline(const char* label, const char* field, std::string* value, float lines)
{
    row(label);
    bool changed = ImGui::InputTextMultiline(hidden_label(label).c_str(), value,
                                             ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * (lines + 0.5f)));
    error_for(field);
    return changed;
}

void EditForm::campaign(const char* label, const char* field, const std::vector<Campaign>& campaigns,
                        std::string* campaign_id)
{
    row(label);
    campaign_combo(label, campaigns, campaign_id, -FLT_MIN);
    error_for(field);
}

void campaign_combo(const char* name, const std::vector<Campaign>& campaigns, std::string* campaign_id, float width)
{
    std::string current = tr("(none)");
    for (const Campaign& c : campaigns)
        if (c.id == *campaign_id)
            current = c.code + " — " + c.name;
    ImGui::SetNextItemWidth(width);
    if (begin_combo(hidden_label(name).c_str(), current.c_str())) {
        if (ImGui::Selectable(tr("(none)"), campaign_id->empty()))
            campaign_id->clear();
        for (const Campaign& c : campaigns) {
            std::string label = c.code + " — " + c.name + "##" + c.id;
            if (ImGui::Selectable(label.c_str(), c.id == *campaign_id))
                *campaign_id = c.id;
        }
        ImGui::EndCombo();
    }
}

} // namespace obole::ui
