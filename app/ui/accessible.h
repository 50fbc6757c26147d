// Help for the items the accessibility mirror would otherwise miss. The mirror
// (app/platform/item_mirror.cpp) sees what ImGui reports through its test-engine
// hooks: plain text has no item id, and combo boxes report no label.
#pragma once
#include <imgui.h>

namespace obole::ui {

// Text the mirror sees as an item named by the text itself.
void announced_text(const char* text, ImU32 colour = 0);
// On one line, cut with "…" to at most max_width pixels; the whole text shows
// in a tooltip and is the item's name for the mirror. For lines that must not
// wrap, such as the status line.
void announced_text_fit(const char* text, float max_width, ImU32 colour = 0);
// A validation message under a field.
inline void form_error(const char* message) { announced_text(message, IM_COL32(200, 40, 40, 255)); }
// ImGui::BeginCombo, with the combo named for the mirror.
bool begin_combo(const char* label, const char* preview);

}  // namespace obole::ui
