#include "ui/touch_style.h"

#include <imgui.h>

namespace obole::ui {

TouchStyle::TouchStyle() {
  // A frame is the font height plus twice the vertical padding.
  const float pad_y = (44.0f - ImGui::GetFontSize()) / 2;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, pad_y > 6 ? pad_y : 6));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(10, 10));
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(6, 6));
}

TouchStyle::~TouchStyle() { ImGui::PopStyleVar(3); }

bool narrow_screen() { return ImGui::GetMainViewport()->WorkSize.x < 700; }

float field_width() {
  const float avail = ImGui::GetContentRegionAvail().x, readable = ImGui::GetFontSize() * 30;
  return avail < readable ? avail : readable;
}

bool touch_row(const char* label, bool selected) {
  // The text sits in the middle of the row's height.
  ImGui::AlignTextToFramePadding();
  return ImGui::Selectable(label, selected, 0, ImVec2(0, ImGui::GetFrameHeight()));
}

}  // namespace obole::ui
