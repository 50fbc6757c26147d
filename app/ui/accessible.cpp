#include "ui/accessible.h"

#include <imgui_internal.h>

#include <cstring>
#include <string>

namespace obole::ui {

// Text is no item to ImGui: the item mirror learns of it here, named by
// what it says, at the rectangle just drawn.
static void mirror_last_item(const char* text) {
#ifdef IMGUI_ENABLE_TEST_ENGINE
  ImGuiContext& g = *GImGui;
  const ImGuiID id = ImGui::GetID(text);
  IMGUI_TEST_ENGINE_ITEM_ADD(id, g.LastItemData.Rect, nullptr);
  IMGUI_TEST_ENGINE_ITEM_INFO(id, text, 0);
#else
  (void)text;
#endif
}

void announced_text(const char* text, ImU32 colour) {
  if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextWrapped("%s", text);
  if (colour) ImGui::PopStyleColor();
  mirror_last_item(text);
}

void announced_text_fit(const char* text, float max_width, ImU32 colour) {
  const char* end = text + std::strlen(text);
  const char* cut = end;
  const float ellipsis = ImGui::CalcTextSize("…").x;
  if (ImGui::CalcTextSize(text).x > max_width) {
    // Drop whole UTF-8 characters from the end until the rest and "…" fit.
    while (cut > text && ImGui::CalcTextSize(text, cut).x + ellipsis > max_width) {
      --cut;
      while (cut > text && (static_cast<unsigned char>(*cut) & 0xC0) == 0x80) --cut;
    }
  }
  if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
  if (cut == end) {
    ImGui::TextUnformatted(text, end);
  } else {
    std::string shown(text, cut);
    shown += "…";
    ImGui::TextUnformatted(shown.c_str());
  }
  if (colour) ImGui::PopStyleColor();
  if (cut != end && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
  mirror_last_item(text);
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
