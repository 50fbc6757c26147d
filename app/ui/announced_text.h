// Text the accessibility mirror sees. Plain ImGui text has no item id, so the
// mirror (and with it screen readers and browser tests) would miss a validation
// message or the save status; these give the text an item named by itself.
#pragma once
#include <imgui.h>

namespace obole::ui {

void announced_text(const char* text, ImU32 colour = 0);
// A validation message under a field.
inline void form_error(const char* message) { announced_text(message, IM_COL32(200, 40, 40, 255)); }

}  // namespace obole::ui
