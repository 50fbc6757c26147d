#include "ui/dossier/form_row.h"

#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void FormError::show_if(const char* f) const
{
    field_error(f, field, message);
}

void FormError::show_until_edited(const char* f)
{
    if (field == f && ImGui::IsItemEdited())
        clear();
    show_if(f);
}

bool begin_form(const char* id)
{
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit))
        return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

void end_form()
{
    ImGui::EndTable();
}

void form_row(const char* label)
{
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (label[0]) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
    }
    ImGui::TableNextColumn();
}

void form_label(const char* label, float width_em)
{
    form_row(label);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * width_em);
}

bool form_text(const char* label, std::string* value, const char* hint, float width_em)
{
    form_label(label, width_em);
    return ImGui::InputTextWithHint(hidden_label(label).c_str(), hint, value, ImGuiInputTextFlags_EnterReturnsTrue);
}

bool form_button(const char* label)
{
    form_row("");
    return ImGui::Button(label);
}

void field_error(const char* field, const std::string& error_field, const std::string& error)
{
    if (error.empty() || error_field != field)
        return;
    form_error(tr(error));
}

} // namespace obole::ui
