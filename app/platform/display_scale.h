// Crisp text at any devicePixelRatio: the canvas's backing store holds one
// pixel per device pixel (its CSS size times the ratio), so ImGui works in
// canvas pixels and its fonts and sizes are scaled by the ratio. When the
// ratio changes (browser zoom, the window moved to another screen) the
// canvas is resized and the style rebuilt from its pristine copy, so one
// change never compounds on another. app/ui reads the scale as
// ImGui::GetStyle().FontScaleDpi (ui/ui_scale.h). The page sends the size
// and ratio (web/page_events.js, through page_input.h).
#pragma once

#include <imgui.h>

namespace obole::platform {

// Call once, after ImGui's style and fonts are set up (the copy kept as the
// base), before the first frame.
void display_scale_install();

// The canvas is css_width x css_height CSS pixels at this devicePixelRatio:
// its backing store is sized to match (between frames; the style follows at
// the next frame's start).
void display_scale_set(double css_width, double css_height, double ratio);

// The backing store's size, ImGui's display size.
ImVec2 display_canvas_size();

// Canvas pixels per CSS pixel (pointer positions come in CSS pixels).
float display_css_to_canvas();

} // namespace obole::platform
