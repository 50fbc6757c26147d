// Mirrors every ImGui item of the last frame (id, name, rectangle, state) so the
// page can see the widgets the canvas draws. Browser tests find widgets through
// it today; the accessibility overlay will build the ARIA tree from it.
//
// It implements Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE), which
// ImGui calls for every item it lays out.
#pragma once
#include <string>

namespace obole::platform {

// Call once after ImGui::CreateContext().
void item_mirror_install();
// Call after ImGui::EndFrame()/Render(): the items of this frame become "last frame".
void item_mirror_end_frame();
// JSON array of the last frame's named items: [{"id":..,"name":..,"x":..,"y":..,"w":..,"h":..,"flags":..}]
const std::string& item_mirror_json();

}  // namespace obole::platform
