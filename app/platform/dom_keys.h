// A browser's key, as ImGui names it. The browser says where the key is on
// the keyboard (KeyboardEvent.code, "KeyQ") and what it means in the
// person's layout (KeyboardEvent.key, "a" on a French keyboard): letters and
// digits come from the meaning, so Ctrl+A selects all whatever the layout,
// and every other key from its place.
#pragma once

#include <imgui.h>

namespace obole::platform {

// ImGuiKey_None for a key ImGui has no name for (media keys, "Unidentified").
ImGuiKey imgui_key_from_dom(const char* code, const char* key);

} // namespace obole::platform
