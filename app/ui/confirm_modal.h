// A modal that asks before something that cannot be undone (erasing a
// person, a device, people no one has heard from): wide enough for its
// sentences to read as sentences, not a column of words, and no wider than
// a phone's screen.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace obole::ui {

inline bool begin_confirm_modal(const char* title)
{
    const float width = std::min(ImGui::GetFontSize() * 32, ImGui::GetMainViewport()->WorkSize.x * 0.9f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(FLT_MAX, FLT_MAX));
    return ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize);
}

} // namespace obole::ui
