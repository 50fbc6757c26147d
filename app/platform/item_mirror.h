// Mirrors every ImGui item of the last frame (id, name, rectangle, role and
// state) so the page can see the widgets the canvas draws. Browser tests find
// widgets through it, and web/a11y_overlay.js builds the ARIA overlay from it:
// one element per item over the canvas, which screen readers read and operate.
//
// It implements Dear ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE), which
// ImGui calls for every item it lays out, and takes the hints of ui/accessible.h
// where ImGui's own data does not tell what an item is.
#pragma once
#include <string>

namespace obole::platform {

// Call once after ImGui::CreateContext().
void item_mirror_install();
// Call after ImGui::EndFrame()/Render(): the items of this frame become "last
// frame", and the page's overlay is told when what it shows has changed.
void item_mirror_end_frame();
// JSON array of the last frame's named items: [{"id":..,"name":..,"x":..,"y":..,"w":..,"h":..,"flags":..,"role":..}]
const std::string& item_mirror_json();
// JSON of what the overlay shows: {"nav":..,"keyboard":..,"typing":..,"items":[{"id","role","name",rect,state}]}
const std::string& item_mirror_a11y_json();

} // namespace obole::platform
