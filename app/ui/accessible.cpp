#include "ui/accessible.h"

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

bool begin_combo(const char* label, const char* preview) {
  // The id is taken before the call: an open combo pushes its popup window,
  // after which the "last item" is no longer the combo.
  const ImGuiID id = ImGui::GetID(label);
  const bool open = ImGui::BeginCombo(label, preview);
#ifdef IMGUI_ENABLE_TEST_ENGINE
  ImGuiContext& g = *GImGui;
  IMGUI_TEST_ENGINE_ITEM_INFO(id, label, ImGuiItemStatusFlags_Openable | (open ? ImGuiItemStatusFlags_Opened : 0));
#endif
  return open;
}

}  // namespace obole::ui
