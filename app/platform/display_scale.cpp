#include "platform/display_scale.h"

#include <emscripten.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

// The canvas here is the page's <canvas> or, in a worker, the OffscreenCanvas
// the page handed over: both take a backing-store size the same way. Setting
// a size clears the canvas, so an unchanged size is left alone.
EM_JS(void, js_canvas_resize, (int width, int height), {
    var c = Module['canvas'];
    if (c.width != width)
        c.width = width;
    if (c.height != height)
        c.height = height;
});

namespace obole::platform {

namespace {

ImGuiStyle g_base;      // the style as set up at scale 1
float g_applied = 0.0f; // the scale the style holds
float g_wanted = 1.0f;  // the page's devicePixelRatio, as last seen
ImVec2 g_canvas(1280, 800);
float g_css_to_canvas = 1.0f;

// Between frames (never inside one: the screens push style variables).
void apply_scale(ImGuiContext*, ImGuiContextHook*)
{
    if (g_wanted == g_applied)
        return;
    ImGuiStyle& style = ImGui::GetStyle();
    const float user_font_scale = style.FontScaleMain; // not ours to reset
    style = g_base;
    style.ScaleAllSizes(g_wanted);
    style.FontScaleDpi = g_wanted;
    style.FontScaleMain = user_font_scale;
    g_applied = g_wanted;
}

} // namespace

void display_scale_install()
{
    g_base = ImGui::GetStyle();
    g_applied = 1.0f;
    apply_scale(nullptr, nullptr); // the first frame is drawn at the right scale
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_NewFramePre;
    hook.Callback = apply_scale;
    ImGui::AddContextHook(ImGui::GetCurrentContext(), &hook);
}

void display_scale_set(double css_width, double css_height, double ratio)
{
    if (!(ratio > 0.1 && ratio < 10.0) || !(css_width > 0) || !(css_height > 0))
        return;
    g_wanted = static_cast<float>(ratio);
    // At 150 % a fraction of a CSS pixel is still a device pixel: rounded
    // once, from the exact CSS box.
    const int w = std::max(1, static_cast<int>(std::lround(css_width * ratio)));
    const int h = std::max(1, static_cast<int>(std::lround(css_height * ratio)));
    g_canvas = ImVec2(static_cast<float>(w), static_cast<float>(h));
    g_css_to_canvas = static_cast<float>(w / css_width);
    js_canvas_resize(w, h);
}

ImVec2 display_canvas_size()
{
    return g_canvas;
}

float display_css_to_canvas()
{
    return g_css_to_canvas;
}

} // namespace obole::platform
