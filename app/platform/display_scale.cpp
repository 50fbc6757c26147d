#include "platform/display_scale.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

namespace obole::platform {

namespace {

ImGuiStyle g_base;      // the style as set up at scale 1
float g_applied = 0.0f; // the scale the style holds
float g_wanted = 1.0f;  // the page's devicePixelRatio, as last seen

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

} // namespace obole::platform

extern "C" EMSCRIPTEN_KEEPALIVE void obole_display_scale_changed(float ratio)
{
    if (ratio > 0.1f && ratio < 10.0f)
        obole::platform::g_wanted = ratio;
}

// ImGui's backend sizes the GLFW window at the canvas's CSS size; here that
// size becomes device pixels (CSS size x devicePixelRatio) for the window and
// the canvas's backing store, so text is drawn at the screen's resolution
// instead of being stretched, and C++ gets the ratio with the same call: the
// backing store and the style's scale never disagree. The canvas's CSS box
// gives the exact size when it is the one asked for (at 150 % a fraction of
// a CSS pixel is still a device pixel). Mouse and touch positions follow:
// Browser.calculateMouseEvent scales by canvas.width / its CSS width.
//
// A `(resolution: Ndppx)` query stops matching when the ratio changes
// without a resize (the window moved to another screen): the canvas is
// sized again and a new query armed for the ratio now in force. The query is
// kept on Module: a MediaQueryList nobody holds is collected with its
// listener. The frame pacer, when there is one, is asked for frames.
EM_JS(void, js_display_scale_watch, (), {
  var setSize = GLFW.setWindowSize;
  GLFW.setWindowSize = function(winid, css_width, css_height) {
    var ratio = window.devicePixelRatio || 1;
    var rect = Module['canvas'].getBoundingClientRect();
    var exact = Math.abs(rect.width - css_width) < 1 && Math.abs(rect.height - css_height) < 1;
    _obole_display_scale_changed(ratio);
    setSize(winid, Math.max(1, Math.round((exact ? rect.width : css_width) * ratio)),
            Math.max(1, Math.round((exact ? rect.height : css_height) * ratio)));
  };
  var arm = function() {
    var ratio = window.devicePixelRatio || 1;
    _obole_display_scale_changed(ratio);
    var query = window.matchMedia('(resolution: ' + ratio + 'dppx)');
    var changed = function() {
      query.removeEventListener('change', changed);
      var rect = Module['canvas'].getBoundingClientRect();
      if (GLFW.active) GLFW.setWindowSize(GLFW.active.id, rect.width, rect.height);
      arm();
      if (Module.oboleWake) Module.oboleWake(250);
    };
    query.addEventListener('change', changed);
    Module.oboleRatioQuery = query;
  };
  arm();
});

namespace obole::platform {

void display_scale_install()
{
    g_base = ImGui::GetStyle();
    g_applied = 1.0f;
    js_display_scale_watch();
    apply_scale(nullptr, nullptr); // the first frame is drawn at the right scale
    ImGuiContextHook hook;
    hook.Type = ImGuiContextHookType_NewFramePre;
    hook.Callback = apply_scale;
    ImGui::AddContextHook(ImGui::GetCurrentContext(), &hook);
}

} // namespace obole::platform
