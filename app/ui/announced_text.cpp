#include "ui/announced_text.h"

#include <imgui_internal.h>

namespace obole::ui {

void announced_text(const char* text, ImU32 colour) {
  if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text);
  if (colour) ImGui::PopStyleColor();
#ifdef IMGUI_ENABLE_TEST_ENGINE
  ImGuiContext& g = *GImGui;
  const ImGuiID id = ImGui::GetID(text);
  IMGUI_TEST_ENGINE_ITEM_ADD(id, g.LastItemData.Rect, nullptr);
  IMGUI_TEST_ENGINE_ITEM_INFO(id, text, 0);
#endif
}

}  // namespace obole::ui
