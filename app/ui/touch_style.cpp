#include "ui/touch_style.h"

#include "ui/accessible.h"
#include "ui/ui_scale.h"

#include <imgui.h>

namespace obole::ui {

TouchStyle::TouchStyle()
{
    // A frame is the font height plus twice the vertical padding (CSS pixels
    // made canvas pixels: 44 CSS px are 88 canvas px at devicePixelRatio 2).
    const float pad_y = (css_px(44) - ImGui::GetFontSize()) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(css_px(12), pad_y > css_px(6) ? pad_y : css_px(6)));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(css_px(10), css_px(10)));
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(css_px(6), css_px(6)));
}

TouchStyle::~TouchStyle()
{
    ImGui::PopStyleVar(3);
}

bool narrow_screen()
{
    return ImGui::GetMainViewport()->WorkSize.x < css_px(700);
}

float field_width()
{
    const float avail = ImGui::GetContentRegionAvail().x, readable = ImGui::GetFontSize() * 30;
    return avail < readable ? avail : readable;
}

void flow(float width)
{
    // Called below the last item: the cursor is at the start of a new line.
    const float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= right_edge)
        ImGui::SameLine();
}

bool flow_button(const char* label)
{
    flow(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
    return ImGui::Button(label);
}

bool touch_row(const char* label, bool selected)
{
    // The text sits in the middle of the row's height.
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
    const bool clicked = ImGui::Selectable(label, selected, 0, ImVec2(0, ImGui::GetFrameHeight()));
    ImGui::PopStyleVar();
    hint_item(ImGui::GetItemID(), nullptr, {Role::option, nullptr, selected});
    return clicked;
}

} // namespace obole::ui
