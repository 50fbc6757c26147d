// Workarounds for gaps of Emscripten 3.1.6's built-in GLFW (library_glfw.js),
// applied to its JavaScript object before the window is created.
#pragma once

namespace obole::platform {

void apply_glfw_patches();

} // namespace obole::platform
