// ImGui's copy, cut and paste through the browser's clipboard, so text moves
// between Obole's fields and other applications (Emscripten's GLFW has no
// clipboard: its calls do nothing).
#pragma once

namespace obole::platform {

// Call once after the ImGui GLFW backend is set up (it sets its own clipboard
// functions, which this replaces).
void clipboard_install();

} // namespace obole::platform
