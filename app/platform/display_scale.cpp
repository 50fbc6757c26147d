#include "platform/display_scale.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

namespace obole::platform {

namespace {

ImGuiStyle g_base;       // the style as set up at scale 1
float g_applied = 0.0f;  // the scale the style holds
float g_wanted = 1.0f;   // the page's devicePixelRatio, as last seen

// Between frames (never inside one: the screens push style variables).
void apply_scale(ImGuiContext*, ImGuiContextHook*) {
  if (g_wanted == g_applied) return;
  ImGuiStyle& style = ImGui::GetStyle();
  const float user_font_scale = style.FontScaleMain;  // not ours to reset
  style = g_base;
  style.ScaleAllSizes(g_wanted);
  style.FontScaleDpi = g_wanted;
  style.FontScaleMain = user_font_scale;
  g_applied = g_wanted;
}

}  // namespace

}  // namespace obole::platform

extern "C" EMSCRIPTEN_KEEPALIVE void obole_display_scale_changed(float ratio) {
  if (ratio > 0.1f && ratio < 10.0f) obole::platform::g_wanted = ratio;
}

// A `(resolution: Ndppx)` query stops matching when the ratio changes: the
// canvas gets its new backing size (GLFW.setWindowSize takes CSS pixels, see
// glfw_patches.cpp), C++ the new scale, and a new query is armed for the
// ratio now in force. A browser zoom also sends a resize, a move to another
// screen does not: this covers both. The frame pacer, when there is one, is
// asked for frames so the new size is drawn at once.
EM_JS(void, js_display_scale_watch, (), {
  var arm = function() {
    var ratio = window.devicePixelRatio || 1;
    _obole_display_scale_changed(ratio);
    var query = window.matchMedia('(resolution: ' + ratio + 'dppx)');
    var changed = function() {
      query.removeEventListener('change', changed);
      var canvas = Module['canvas'];
      var rect = canvas.getBoundingClientRect();
      if (GLFW.active) GLFW.setWindowSize(GLFW.active.id, rect.width, rect.height);
      arm();
      if (Module.oboleWake) Module.oboleWake(250);
    };
    query.addEventListener('change', changed);
  };
  arm();
});

namespace obole::platform {

void display_scale_install() {
  g_base = ImGui::GetStyle();
  g_applied = 1.0f;
  js_display_scale_watch();
  apply_scale(nullptr, nullptr);  // the first frame is drawn at the right scale
  ImGuiContextHook hook;
  hook.Type = ImGuiContextHookType_NewFramePre;
  hook.Callback = apply_scale;
  ImGui::AddContextHook(ImGui::GetCurrentContext(), &hook);
}

}  // namespace obole::platform
