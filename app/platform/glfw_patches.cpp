#include "platform/glfw_patches.h"

#include "ui/touch_scroll.h"

#include <emscripten.h>
#include <imgui.h>

// GLFW.setWindowSize treats a window exactly the size of the screen as a request
// for fullscreen: the request fails without a user gesture (a console error at
// every start in a maximised or kiosk browser, a tablet's usual state) and the
// window keeps its old size. Obole's canvas simply follows the page, so every
// size is applied the same way.
EM_JS(void, js_patch_set_window_size, (), {
  GLFW.setWindowSize = function(winid, width, height) {
    var win = GLFW.WindowFromId(winid);
    if (!win) return;
    if (GLFW.active && GLFW.active.id == win.id) Browser.setCanvasSize(width, height);
    win.width = width;
    win.height = height;
    if (win.windowSizeFunc) getWasmTableEntry(win.windowSizeFunc)(win.id, width, height);
  };
});

// Touch: library_glfw.js turns a finger's touchstart/touchend into mouse
// button presses, but Browser.calculateMouseEvent takes a position only
// from SDL's "touch" property, so the press lands where the mouse last was
// and a finger's moves never move the cursor: a tap hits the wrong button
// and nothing can be drawn on a signature pad. Here the finger's position
// becomes the cursor's before each touch event is handled, and the touch
// is not left to the browser (no page scroll or zoom, and no emulated
// mouse click after it, which would press a second time). A second finger
// (a pinch) cancels the touch: nothing is pressed (ui::cancel_touch). Must
// run before the window is created: GLFW registers its listeners then.
EM_JS(void, js_patch_touch, (), {
  var isTouch = function(e) { return e.type.lastIndexOf('touch', 0) === 0; };
  // ImGui is told which kind of pointer it is: app/ui's touch scrolling and
  // long press act on a finger only, never on a mouse.
  var source = function(e) { _obole_pointer_is_touch(isTouch(e) ? 1 : 0); };
  var followFinger = function(e) {
    if (e.cancelable) e.preventDefault();
    var t = (e.changedTouches && e.changedTouches[0]) || (e.touches && e.touches[0]);
    if (!t) return;
    var canvas = Module['canvas'];
    var rect = canvas.getBoundingClientRect();
    Browser.mouseX = (t.clientX - rect.left) * (canvas.width / rect.width);
    Browser.mouseY = (t.clientY - rect.top) * (canvas.height / rect.height);
    if (GLFW.active && GLFW.active.cursorPosFunc)
      getWasmTableEntry(GLFW.active.cursorPosFunc)(GLFW.active.id, Browser.mouseX, Browser.mouseY);
  };
  var move = GLFW.onMousemove;
  GLFW.onMousemove = function(e) {
    source(e);
    if (isTouch(e)) {
      if (e.touches && e.touches.length > 1) {
        if (e.cancelable) e.preventDefault();  // no pinch zoom either
        return;
      }
      followFinger(e);
      return;
    }
    move(e);
  };
  var button = GLFW.onMouseButtonChanged;
  GLFW.onMouseButtonChanged = function(e, status) {
    if (isTouch(e)) {
      // A second finger (a pinch) or a touch the browser took back presses nothing.
      if (status == 1 && e.touches && e.touches.length > 1) {
        if (e.cancelable) e.preventDefault();
        _obole_touch_cancel();
        return;
      }
      if (e.type === 'touchcancel') _obole_touch_cancel();
      source(e);
      followFinger(e);
    }
    else source(e);
    button(e, status);
  };
});

extern "C" EMSCRIPTEN_KEEPALIVE void obole_touch_cancel()
{
    obole::ui::cancel_touch();
}

extern "C" EMSCRIPTEN_KEEPALIVE void obole_pointer_is_touch(int touch)
{
    if (!ImGui::GetCurrentContext())
        return;
    ImGui::GetIO().AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
}

namespace obole::platform {

void apply_glfw_patches()
{
    js_patch_set_window_size();
    js_patch_touch();
}

} // namespace obole::platform
