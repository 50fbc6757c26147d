// ImGui works in canvas pixels, and the canvas holds one pixel per device
// pixel (platform/display_scale.h): at devicePixelRatio 2 a 44 px button is
// 88 canvas pixels high. Sizes the screens write as numbers are CSS pixels,
// the unit a designer and touch guidelines use, turned into canvas pixels
// here. Sizes made from the font (GetFontSize, GetFrameHeight) and the
// style's paddings are scaled already.
#pragma once

#include <imgui.h>

namespace obole::ui {

// Canvas pixels per CSS pixel: the devicePixelRatio the style was built for.
inline float ui_scale()
{
    return ImGui::GetStyle().FontScaleDpi;
}

// `css` CSS pixels, in canvas pixels.
inline float css_px(float css)
{
    return css * ui_scale();
}

} // namespace obole::ui
