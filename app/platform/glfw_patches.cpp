#include "platform/glfw_patches.h"

#include <emscripten.h>

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

namespace obole::platform {

void apply_glfw_patches() { js_patch_set_window_size(); }

}  // namespace obole::platform
