// Crisp text at any devicePixelRatio: the canvas's backing store holds one
// pixel per device pixel (GLFW.setWindowSize takes CSS pixels), so ImGui works in
// canvas pixels and its fonts and sizes are scaled by the ratio. When the
// ratio changes (browser zoom, the window moved to another screen) the
// canvas is resized and the style rebuilt from its pristine copy, so one
// change never compounds on another. app/ui reads the scale as
// ImGui::GetStyle().FontScaleDpi (ui/ui_scale.h).
#pragma once

namespace obole::platform {

// Call once, after glfwCreateWindow and after ImGui's style and fonts are set
// up (the copy kept as the base), before the GLFW backend's canvas callbacks
// are installed (they size the window).
void display_scale_install();

} // namespace obole::platform
